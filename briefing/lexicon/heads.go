package lexicon

import (
	"strings"
)

// HeadMatcher finds terms as whole words or as the head (last part) of a German compound,
// allowing only inflection endings: "Soldaten" finds "Soldat" and "Soldaten",
// "Granaten" finds "Artilleriegranaten", but "Treffen" never finds "Treffer", "meetings" never
// "meet", and "Kämpfer" never "Kampfflugzeuge" or "Profikämpfe". It is made for what a
// figure counts, where a stem that also matches another word attaches a number to the wrong
// thing.
type HeadMatcher struct {
	terms   []Term
	whole   map[string][]int // inflection-free form -> terms
	heads   map[string]int   // forms found at the end of compounds -> term
	longest int              // length of the longest head form
	multi   [][]string       // per term: its words' forms (nil for one-word terms)
	first   map[string][]int // first word of a multi-word term -> terms
}

// minHead is the shortest form found at the end of a compound; minModifier the shortest part
// before it ("Artillerie-" in "Artilleriegranaten").
const (
	minHead     = 5
	minModifier = 3
)

// NewHeads compiles terms for whole-word and compound-head matching.
func NewHeads(terms []Term) *HeadMatcher {
	m := &HeadMatcher{terms: terms, whole: map[string][]int{}, heads: map[string]int{},
		multi: make([][]string, len(terms)), first: map[string][]int{}}
	for i, t := range terms {
		words := strings.FieldsFunc(t.Text, isSeparator)
		if len(words) == 0 {
			continue
		}
		if len(words) > 1 {
			for _, w := range words {
				m.multi[i] = append(m.multi[i], Fold(w))
			}
			m.first[m.multi[i][0]] = append(m.first[m.multi[i][0]], i)
			continue
		}
		f := Fold(words[0])
		var buf [6]string
		for _, b := range bases(f, buf[:0]) {
			m.whole[b] = appendOnce(m.whole[b], i)
			if _, ok := m.heads[b]; !ok && len(b) >= minHead {
				m.heads[b] = i
				m.longest = max(m.longest, len(b))
			}
		}
	}
	return m
}

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
	for _, ti := range m.first[toks[i].Folded] {
		words := m.multi[ti]
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
	var buf [6]string
	bs := bases(toks[i].Folded, buf[:0])
	for _, b := range bs {
		if terms := m.whole[b]; len(terms) > 0 {
			return Hit{Term: terms[0], Group: m.terms[terms[0]].Group, First: i, Last: i}, true
		}
	}
	if !compounds {
		return Hit{}, false
	}
	// The longest head first: the earliest split that leaves a modifier.
	best, bestLen := -1, 0
	for _, b := range bs {
		// Heads longer than the longest term cannot match: a long run of letters costs no more
		// than a word.
		for k := max(minModifier, len(b)-m.longest); len(b)-k >= minHead && len(b)-k > bestLen; k++ {
			if t, ok := m.heads[b[k:]]; ok && isBoundary(b, k) {
				best, bestLen = t, len(b)-k
				break
			}
		}
	}
	if best < 0 {
		return Hit{}, false
	}
	return Hit{Term: best, Group: m.terms[best].Group, First: i, Last: i}, true
}

// inflections are the endings a German or English noun takes in plural and cases.
var inflections = []string{"en", "es", "e", "n", "s"}

// bases appends to buf a folded word and its forms without one inflection ending.
func bases(f string, buf []string) []string {
	buf = append(buf, f)
	for _, e := range inflections {
		if len(f)-len(e) >= 3 && strings.HasSuffix(f, e) {
			buf = append(buf, f[:len(f)-len(e)])
		}
	}
	return buf
}

// sameBase reports whether two folded words differ by inflection only.
func sameBase(a, b string) bool {
	var ba, bb [6]string
	for _, x := range bases(a, ba[:0]) {
		for _, y := range bases(b, bb[:0]) {
			if x == y {
				return true
			}
		}
	}
	return false
}
