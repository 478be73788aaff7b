package analysis

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
	"github.com/secbrief/briefing/briefing/lexicon"
	"github.com/secbrief/briefing/briefing/quantity"
)

// vocabulary holds the compiled lexicons of themes, measures and entities, and the features
// of every distinct sentence text seen so far: reposts repeat sentences word for word, and
// what depends on the words alone is found once.
type vocabulary struct {
	opt      Options
	themes   *lexicon.Matcher
	measures *lexicon.HeadMatcher
	subject  [][]int        // groups of entity indices one of which a relevant sentence names together
	verbs    map[string]int // folded verb form -> measure index (Named.Verbs)
	entities *lexicon.Matcher
	weak     map[int]bool // indexes of the entity terms that are weak terms
	seen     sync.Map     // textKey -> *textFeatures
	dated    sync.Map     // lineKey -> []dates.Expr
}

// textKey and lineKey key the caches of the vocabulary without building a string per lookup
// (the text is a part of its document, which the analysis holds anyway).
type textKey struct{ lang, text string }

type lineKey struct {
	lang string
	ref  time.Time
	line string
}

// expressions returns the temporal expressions of a document's text. They never cross a line
// and depend only on the line and the reference date, so each line is parsed once per
// reference date, however many reposts repeat it.
func (v *vocabulary) expressions(text string, ref time.Time, lang string) []dates.Expr {
	var out []dates.Expr
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		var found []dates.Expr
		key := lineKey{lang, ref, line}
		if cached, ok := v.dated.Load(key); ok {
			found = cached.([]dates.Expr)
		} else {
			found = dates.Expressions(line, ref, lang)
			v.dated.Store(key, found)
		}
		for _, e := range found {
			e.Start += start
			e.End += start
			out = append(out, e)
		}
		start = end + 1
	}
	return out
}

// textFeatures is what the words of a sentence say, independent of its document.
type textFeatures struct {
	text, lang string // the sentence text and its document's language, the key of the features
	toks       []lexicon.Token
	themes     map[int]*themeMatch
	measures   []lexicon.Hit
	entities   []lexicon.Hit
	quantities []quantity.Quantity
	content    []string
	distinct   []string // content without repeats, for the document frequencies
	classes    []uint8  // word classes of the tokens (attribution.go), on first use
}

// features returns the features of a sentence text, computing them on first sight. The
// result is shared and must not be changed.
func (v *vocabulary) features(text, lang string, heading bool) *textFeatures {
	key := textKey{lang, text}
	if f, ok := v.seen.Load(key); ok {
		return f.(*textFeatures)
	}
	german := lang != "en"
	f := &textFeatures{text: text, lang: lang, toks: lexicon.Tokenize(text, lang)}
	f.themes = v.themeMatches(f.toks, german)
	f.measures = v.measures.Match(f.toks, german)
	f.entities = outermost(v.entities.Match(f.toks, german))
	if !heading {
		f.quantities = quantity.Find(text, lang)
	}
	for _, t := range f.toks {
		if len(t.Folded) >= 3 && !lexicon.IsStopWord(t.Folded) {
			f.content = append(f.content, t.Stem)
		}
	}
	f.distinct = distinct(f.content)
	if !heading {
		v.seen.Store(key, f)
	}
	return f
}

// outermost drops the hits inside a longer hit: "Republic of Korea" inside "Democratic
// People's Republic of Korea" is not a second entity.
func outermost(hits []lexicon.Hit) []lexicon.Hit {
	out := hits[:0:0]
	for i, h := range hits {
		inside := false
		for j, o := range hits {
			if j != i && o.First <= h.First && o.Last >= h.Last && o.Last-o.First > h.Last-h.First {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

func newVocabulary(opt Options) *vocabulary {
	var themeTerms []lexicon.Term
	exclude := map[int][]string{}
	for i, t := range opt.Themes {
		for _, term := range t.Terms {
			themeTerms = append(themeTerms, lexicon.Term{Text: term.Text, Weight: term.Weight, Group: i})
		}
		exclude[i] = t.Exclude
	}
	var subject [][]int
	for _, spec := range opt.Subject {
		var group []int
		for _, id := range strings.Split(spec, "+") {
			for i, e := range opt.Entities {
				if e.ID == strings.TrimSpace(id) {
					group = append(group, i)
				}
			}
		}
		subject = append(subject, group)
	}
	verbs := map[string]int{}
	for i, m := range opt.Measures {
		for _, w := range m.Verbs {
			if _, ok := verbs[lexicon.Fold(w)]; !ok {
				verbs[lexicon.Fold(w)] = i
			}
		}
	}
	entities := lexicon.New(entityTerms(opt.Entities), nil)
	return &vocabulary{
		verbs:    verbs,
		subject:  subject,
		opt:      opt,
		themes:   lexicon.New(themeTerms, exclude),
		measures: lexicon.NewHeads(namedTerms(opt.Measures)),
		entities: entities,
		weak:     weakTerms(entities, opt.Entities),
	}
}

// entityTerms are the terms and the weak terms of the entities.
func entityTerms(list []Named) []lexicon.Term {
	terms := namedTerms(list)
	for i, n := range list {
		for _, t := range n.Weak {
			terms = append(terms, lexicon.Term{Text: t, Weight: 1, Group: i})
		}
	}
	return terms
}

// weakTerms returns the indexes of the entity matcher's terms that are weak terms.
func weakTerms(m *lexicon.Matcher, list []Named) map[int]bool {
	folded := map[string]bool{}
	for _, n := range list {
		for _, t := range n.Weak {
			folded[lexicon.Fold(t)] = true
		}
	}
	weak := map[int]bool{}
	for i, t := range m.Terms() {
		if folded[lexicon.Fold(t.Text)] {
			weak[i] = true
		}
	}
	return weak
}

// dropWeak removes the hits of weak terms of entities that the document does not name by a
// term of their own.
func (v *vocabulary) dropWeak(sents []*sentence) {
	if len(v.weak) == 0 {
		return
	}
	isWeak := func(h lexicon.Hit) bool { return v.weak[h.Term] }
	named := map[int]bool{}
	for _, s := range sents {
		for _, h := range s.entities {
			if !isWeak(h) {
				named[h.Group] = true
			}
		}
	}
	for _, s := range sents {
		if !slices.ContainsFunc(s.entities, func(h lexicon.Hit) bool { return isWeak(h) && !named[h.Group] }) {
			continue
		}
		// The hits are shared with the sentence's reposts: filter into a new slice.
		var kept []lexicon.Hit
		for _, h := range s.entities {
			if !isWeak(h) || named[h.Group] {
				kept = append(kept, h)
			}
		}
		s.entities = kept
	}
}

func namedTerms(list []Named) []lexicon.Term {
	var terms []lexicon.Term
	for i, n := range list {
		for _, t := range n.Terms {
			terms = append(terms, lexicon.Term{Text: t, Weight: 1, Group: i})
		}
	}
	return terms
}

// sentence is a sentence of a document with what the analysis found in it.
type sentence struct {
	// textFeatures are what the words of the sentence say (toks, themes, measures,
	// quantities, content), shared with its reposts and read only: a sentence holds a
	// pointer to them, not copies of their slices (a 100 000-document corpus has millions of
	// sentences).
	*textFeatures
	doc, index int     // document and sentence index
	start, end int     // span in the document text; text and lang come with the features
	para       int     // paragraph (line) of the document
	pos        float64 // relative position in the document, 0 at the start
	heading    bool
	entities   []lexicon.Hit // the entities of textFeatures, less the weak terms the document does not back
	exprs      []dates.Expr  // spans relative to text
	// scratch holds what reading the sentence's figures finds on first use (period.go,
	// clause.go); nil for the many sentences without a figure.
	scratch *figureScratch
	cluster int // index of the statement cluster it belongs to
}

// themeMatch is why a sentence belongs to a theme.
type themeMatch struct {
	score float64
	terms []string
}

// prepare finds themes, measures, entities, quantities and dates in every sentence of a
// document. It only reads the document and is safe to run in parallel.
func (v *vocabulary) prepare(d *briefing.Document, docIndex int) []*sentence {
	// Relative expressions ("im vergangenen Jahr") are resolved against the date the document
	// gives; a file's modification time says nothing about when the text was written.
	var ref time.Time
	if d.DateSource != briefing.DateFromModTime {
		ref = refDate(d.Date)
	}
	exprs := v.expressions(d.Text, ref, d.Language)
	sort.SliceStable(exprs, func(i, j int) bool { return exprs[i].Start < exprs[j].Start })
	out := make([]*sentence, 0, len(d.Sentences))
	// Paragraphs are counted and expressions handed out in one pass over the text: sentences
	// are in order, so neither is looked for again from the start (a long line of sentences
	// with many dates cost the square of its length).
	para, scanned, next := 0, 0, 0
	for i, span := range d.Sentences[:min(len(d.Sentences), maxSentences)] {
		if span.Start > scanned {
			para += strings.Count(d.Text[scanned:span.Start], "\n")
			scanned = span.Start
		}
		s := &sentence{
			doc: docIndex, index: i, start: span.Start, end: span.End,
			para: para, pos: float64(i) / float64(max(1, len(d.Sentences)-1)), heading: span.Heading,
		}
		f := v.features(d.Text[span.Start:span.End], d.Language, s.heading)
		s.textFeatures, s.entities = f, f.entities
		for next < len(exprs) && exprs[next].Start < span.Start {
			next++ // between sentences, or across a boundary
		}
		for k := next; k < len(exprs) && exprs[k].Start < span.End; k++ {
			if e := exprs[k]; e.End <= span.End {
				e.Start -= span.Start
				e.End -= span.Start
				s.exprs = append(s.exprs, e)
			}
		}
		out = append(out, s)
	}
	v.dropWeak(out)
	return out
}

// themeMatches scores each theme of a sentence: every word counts once, for the heaviest term
// that matches it (a phrase before the words inside it; "Waffenlieferungen" once, although
// several terms find it), and every term counts once.
func (v *vocabulary) themeMatches(toks []lexicon.Token, german bool) map[int]*themeMatch {
	terms := v.themes.Terms()
	hits := v.themes.Match(toks, german)
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if terms[a.Term].Weight != terms[b.Term].Weight {
			return terms[a.Term].Weight > terms[b.Term].Weight
		}
		return a.Last-a.First > b.Last-b.First
	})
	m := map[int]*themeMatch{}
	seen := map[int]bool{}
	claimed := map[[2]int]bool{} // theme, token
	for _, h := range hits {
		if seen[h.Term] || claimed[[2]int{h.Group, h.First}] || claimed[[2]int{h.Group, h.Last}] {
			continue
		}
		seen[h.Term] = true
		for t := h.First; t <= h.Last; t++ {
			claimed[[2]int{h.Group, t}] = true
		}
		tm := m[h.Group]
		if tm == nil {
			tm = &themeMatch{}
			m[h.Group] = tm
		}
		tm.score += terms[h.Term].Weight
		tm.terms = append(tm.terms, terms[h.Term].Text)
	}
	for g, tm := range m {
		if tm.score < v.opt.MinThemeScore {
			delete(m, g)
		}
	}
	return m
}

// themeIDs returns the ids of the themes of a sentence, in the configured order.
func (v *vocabulary) themeIDs(s *sentence) []string {
	ids := []string{}
	for i, t := range v.opt.Themes {
		if s.themes[i] != nil {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// refDate turns a document date ("2025-01-31", "2024-06", "2024") into the reference time for
// relative expressions; an unknown date gives the zero time.
func refDate(iso string) time.Time {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if t, err := time.Parse(layout, iso); err == nil {
			return t
		}
	}
	return time.Time{}
}

func sortedKeys(m map[int]*themeMatch) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// distinct returns words without repeats, in order of first use: by scanning for a sentence
// of ordinary length, with a set for a long one.
func distinct(words []string) []string {
	out := make([]string, 0, len(words))
	if len(words) <= 64 {
		for _, w := range words {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// figureScratch is what reading a sentence's figures finds once and asks again.
type figureScratch struct {
	near    []exprNear     // nearest quantities of each expression (period.go)
	leads   map[[2]int]int // clause -> index of its leading or closing expression, -1 for none
	leadEnd *int           // end of a leading subordinate clause (clause.go)
	saying  []int          // tokens of verbs of saying (period.go)
}

// scr returns the sentence's scratch, made on first use (by the figures stage, which runs on
// one goroutine).
func (s *sentence) scr() *figureScratch {
	if s.scratch == nil {
		s.scratch = &figureScratch{}
	}
	return s.scratch
}
