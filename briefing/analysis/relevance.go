package analysis

import (
	"fmt"

	"github.com/secbrief/briefing/briefing"
)

// relevant decides whether a document is about the briefing's subject: it must name one of
// the subject entities (Options.Subject) in at least MinSubjectSentences sentences that belong
// to a theme. A document about something else that uses the same words ("Handel" in an
// article on Japan's economy, "Treffer" in football, "Nato" in a concert review) gives no
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
		for _, h := range s.entities {
			// The first part of a hyphenated compound is not a mention ("Nord-Irak").
			if v.subject[h.Group] && !s.toks[h.Last].Modifier {
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
