package analysis

import (
	"fmt"

	"github.com/secbrief/briefing/briefing"
)

// relevant decides whether a document is about the briefing's subject: at least
// MinSubjectSentences of its sentences that belong to a theme must name a subject
// (Options.Subject: an entity id, or ids joined by "+" that one sentence must name together,
// "nato+japan"). A document about something else that uses the same words ("Handel" in an
// article on Japan's economy, "Treffer" in football, "Nato" at an anniversary) gives no
// statements, figures or events; it is named in a warning instead of vanishing silently.
func (v *vocabulary) relevant(sents []*sentence) bool {
	if len(v.subject) == 0 {
		return true
	}
	n := 0
	for _, s := range sents {
		if len(s.themes) == 0 {
			continue
		}
		named := map[int]bool{}
		for _, h := range s.entities {
			// The first part of a hyphenated compound is not a mention ("Nord-Irak").
			if !s.toks[h.Last].Modifier {
				named[h.Group] = true
			}
		}
		for _, group := range v.subject {
			all := len(group) > 0
			for _, e := range group {
				all = all && named[e]
			}
			if all {
				n++
				break
			}
		}
	}
	return n >= v.opt.MinSubjectSentences
}

// offTopic is the warning for a document that is not about the subject.
func offTopic(d *briefing.Document, need int) briefing.Warning {
	return briefing.Warning{Path: d.Path, Message: fmt.Sprintf(
		"not used: fewer than %d sentences of a theme name the briefing's subject (analysis.subject)", need)}
}
