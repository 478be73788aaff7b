package lexicon

import (
	"sort"
	"strings"
)

// HeadMatcher finds terms as whole words or as the head (last part) of a German compound,
// allowing only inflection endings: "Soldaten" finds "Soldat" and "Soldaten",
// "Granaten" finds "Artilleriegranaten", but "Treffen" never finds "Treffer", "meetings" never
// "meet", and "Kämpfer" never "Kampfflugzeuge" or "Profikämpfe". It is made for what a
// figure counts, where a stem that also matches another word attaches a number to the wrong
// thing.
type HeadMatcher struct {
	terms []Term
	whole map[string][]int // inflection-free form -> terms
	heads []headForm       // forms found at the end of compounds, longest first
	multi [][]string       // per term: its words' forms (nil for one-word terms)
}

type headForm struct {
	form string
	term int
}

// minHead is the shortest form found at the end of a compound; minModifier the shortest part
// before it ("Artillerie-" in "Artilleriegranaten").
const (
	minHead     = 5
	minModifier = 3
)

// NewHeads compiles terms for whole-word and compound-head matching.
func NewHeads(terms []Term) *HeadMatcher {
	m := &HeadMatcher{terms: terms, whole: map[string][]int{}, multi: make([][]string, len(terms))}
	for i, t := range terms {
		words := strings.FieldsFunc(t.Text, isSeparator)
		if len(words) == 0 {
			continue
		}
		if len(words) > 1 {
			for _, w := range words {
				m.multi[i] = append(m.multi[i], Fold(w))
			}
			continue
		}
		for _, f := range bases(Fold(words[0])) {
			m.whole[f] = appendOnce(m.whole[f], i)
			if len(f) >= minHead {
				m.heads = append(m.heads, headForm{f, i})
			}
		}
	}
	sort.SliceStable(m.heads, func(a, b int) bool { return len(m.heads[a].form) > len(m.heads[b].form) })
	return m
}

// Terms returns the compiled terms.
func (m *HeadMatcher) Terms() []Term { return m.terms }

// Match returns the terms found in toks, one per token (the longest term wins: "Waffenhandel"
// before "Handel"), ordered by position. compounds enables compound heads (German text).
func (m *HeadMatcher) Match(toks []Token, compounds bool) []Hit {
	var hits []Hit
	for i := 0; i < len(toks); i++ {
		if h, ok := m.phraseAt(toks, i); ok {
			hits = append(hits, h)
			i = h.Last
			continue
		}
		if h, ok := m.wordAt(toks, i, compounds); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

func (m *HeadMatcher) phraseAt(toks []Token, i int) (Hit, bool) {
	best, bestLen := -1, 0
	for ti, words := range m.multi {
		if len(words) <= bestLen || i+len(words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range words {
			f := toks[i+j].Folded
			if j == len(words)-1 {
				ok = ok && sameBase(f, w)
			} else {
				ok = ok && f == w
			}
		}
		if ok {
			best, bestLen = ti, len(words)
		}
	}
	if best < 0 {
		return Hit{}, false
	}
	return Hit{Term: best, Group: m.terms[best].Group, First: i, Last: i + bestLen - 1}, true
}

func (m *HeadMatcher) wordAt(toks []Token, i int, compounds bool) (Hit, bool) {
	f := toks[i].Folded
	for _, b := range bases(f) {
		if terms := m.whole[b]; len(terms) > 0 {
			return Hit{Term: terms[0], Group: m.terms[terms[0]].Group, First: i, Last: i}, true
		}
	}
	if !compounds {
		return Hit{}, false
	}
	for _, h := range m.heads {
		for _, b := range bases(f) {
			if len(b)-len(h.form) >= minModifier && strings.HasSuffix(b, h.form) && isBoundary(b, len(b)-len(h.form)) {
				return Hit{Term: h.term, Group: m.terms[h.term].Group, First: i, Last: i}, true
			}
		}
	}
	return Hit{}, false
}

// inflections are the endings a German or English noun takes in plural and cases.
var inflections = []string{"en", "es", "e", "n", "s"}

// bases returns a folded word and the forms without one inflection ending.
func bases(f string) []string {
	out := []string{f}
	for _, e := range inflections {
		if len(f)-len(e) >= 3 && strings.HasSuffix(f, e) {
			out = append(out, f[:len(f)-len(e)])
		}
	}
	return out
}

// sameBase reports whether two folded words differ by inflection only.
func sameBase(a, b string) bool {
	for _, x := range bases(a) {
		for _, y := range bases(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}
