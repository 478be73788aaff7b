// Package analysis finds what a corpus says: the sentences of each theme ranked and merged
// across documents, the figures with their periods and subjects, the dated events of a
// timeline, and the places where sources disagree. Every item keeps the spans of the
// sentences it comes from.
package analysis

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/secbrief/briefing/briefing"
	"golang.org/x/sync/errgroup"
)

// Options are the vocabulary and the limits of the analysis.
type Options struct {
	// Language is the language of the briefing ("de" or "en"): it picks titles and names.
	Language string
	Themes   []Theme
	Measures []Named
	Entities []Named
	// StatementsPerTheme is the number of statements kept per theme.
	StatementsPerTheme int
	// MinThemeScore is the lexicon weight a sentence needs to belong to a theme.
	MinThemeScore float64
	// Candidates bounds the sentences per theme that are ranked.
	Candidates int
	// DuplicateSimilarity is the shingle resemblance above which two sentences are one.
	DuplicateSimilarity float64
	// Workers is the number of documents prepared at once; 0 means GOMAXPROCS.
	Workers int
	// Subject lists the entities the briefing is about: an id, or ids joined by "+" that one
	// sentence must name together ("nato+japan"). A document must name a subject in
	// MinSubjectSentences sentences of a theme to be used. Empty uses every document.
	Subject             []string
	MinSubjectSentences int
	// Since is the first day (ISO date) of the briefing's window: documents dated before it,
	// and undated ones, give background figures only, no statements or events. Empty uses
	// every document.
	Since string
}

// Theme is a section of the briefing with its lexicon.
type Theme struct {
	ID, Title string
	Terms     []Term
	Exclude   []string
}

// Term is a lexicon entry.
type Term struct {
	Text   string
	Weight float64
}

// Named is a measure or an entity: an id, a display name and the terms that find it.
type Named struct {
	ID, Name string
	// Kind is what a measure counts (one of Kinds); empty accepts any figure.
	Kind  string
	Terms []string
	// Verbs make a count whose noun names no measure a figure of this measure when one of
	// them is in the count's clause ("13 people were killed").
	Verbs []string
	// Weak terms name an entity only in a document that names it by one of its Terms as well
	// ("Norden": North Korea in an article on Korea, any north in one on Iraq).
	Weak []string
}

// Kinds of measures: a figure is of a measure only when its unit fits the measure's kind.
var Kinds = []string{KindMoney, KindPersons, KindObjects, KindEvents, KindDistance, KindPercent}

// CheckKind reports a measure kind the analysis does not know; empty accepts any figure.
func CheckKind(kind string) error {
	if kind != "" && !slices.Contains(Kinds, kind) {
		return fmt.Errorf("must be one of %s", strings.Join(Kinds, ", "))
	}
	return nil
}

// The kinds of measures.
const (
	KindMoney    = "money"    // an amount in a currency
	KindPersons  = "persons"  // a count of people (soldiers, workers, victims)
	KindObjects  = "objects"  // a count of things (shells, containers, missiles)
	KindEvents   = "events"   // a count of occurrences (meetings, visits, launches)
	KindDistance = "distance" // a length (km, mi, m)
	KindPercent  = "percent"  // a share or a change in per cent
)

// Analyze builds the model of the documents. It fills themes, figures and events; documents
// and warnings are passed through.
func Analyze(ctx context.Context, docs []briefing.Document, warnings []briefing.Warning, opt Options) (*briefing.Model, error) {
	opt = withDefaults(opt)
	v := newVocabulary(opt)
	prepared := make([][]*sentence, len(docs))
	failed := make([]string, len(docs))
	var g errgroup.Group // a document that fails is reported by itself, never an error of the group
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g.SetLimit(workers)
	for i := range docs {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			prepared[i], failed[i] = v.safePrepare(&docs[i], i)
			return nil
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	for i := range docs {
		if failed[i] != "" {
			docs[i].OffTopic = true // it gives nothing
			warnings = append(warnings, briefing.Warning{Path: docs[i].Path, Message: "not analysed: internal error: " + failed[i]})
			continue
		}
		if n := len(docs[i].Sentences); n > maxSentences {
			warnings = append(warnings, briefing.Warning{Path: docs[i].Path, Message: fmt.Sprintf(
				"long document: only its first %d of %d sentences are analysed", maxSentences, n)})
		}
		if !v.relevant(prepared[i]) {
			prepared[i] = nil
			docs[i].OffTopic = true
			warnings = append(warnings, offTopic(&docs[i], opt.MinSubjectSentences))
		}
	}
	if opt.Since != "" {
		since := dayOf(opt.Since).day
		for i := range docs {
			if prepared[i] != nil && (docs[i].Date == "" || dayOf(docs[i].Date).day < since) {
				docs[i].Background = true
			}
		}
	}
	// The phases after preparation check the context between them and inside their long
	// loops, so that a stop ends a large analysis within about a second.
	c := newCorpus(docs, prepared, opt.Themes)
	c.ctx = ctx
	c.cluster(opt.DuplicateSimilarity)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m := briefing.NewModel(docs, warnings)
	// Events only read the corpus; they are found while the figures are (which fill the
	// corpus's lazy caches: documents by id, word classes).
	sideBySide(2, func(i int) {
		if i == 0 {
			m.Figures = c.figures(v)
		} else {
			m.Events = c.events()
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.Themes = c.themes(v, opt, m.Figures)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.Account()
	return m, nil
}

// safePrepare prepares one document; a panic on it (a bug that one document triggers) leaves
// that document out with its reason instead of ending the process from a worker goroutine.
func (v *vocabulary) safePrepare(d *briefing.Document, i int) (sents []*sentence, failed string) {
	defer func() {
		if p := recover(); p != nil {
			sents, failed = nil, fmt.Sprint(p)
		}
	}()
	return v.prepare(d, i), ""
}

// maxSentences bounds the sentences of one document that are analysed: a book-length paper
// has a few thousand; a file of 100 000 lines of figures is not a document to read whole,
// and would hold up the briefing of every other one.
const maxSentences = 5000

func withDefaults(o Options) Options {
	if o.Language == "" {
		o.Language = "de"
	}
	if o.StatementsPerTheme <= 0 {
		o.StatementsPerTheme = 10
	}
	if o.MinThemeScore <= 0 {
		o.MinThemeScore = 2
	}
	if o.Candidates < o.StatementsPerTheme {
		o.Candidates = max(300, o.StatementsPerTheme)
	}
	if o.MinSubjectSentences <= 0 {
		o.MinSubjectSentences = 2
	}
	if o.DuplicateSimilarity <= 0 {
		o.DuplicateSimilarity = 0.5
	}
	return o
}
