package lexicon

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Term is a word or phrase to find, with its weight and the group it counts for (a theme,
// a measure, an entity).
type Term struct {
	Text   string
	Weight float64
	Group  int
}

// Hit is a term found in a text.
type Hit struct {
	Term  int // index into the matcher's terms
	Group int
	// First and Last are the indices of the first and last token of the match.
	First, Last int
}

// minCompound is the shortest stem that is looked for inside a compound word: shorter stems
// ("un", "nato") would match by chance.
const minCompound = 5

// Matcher finds terms in tokenised text.
type Matcher struct {
	terms    []Term
	words    map[string][]int // stem -> single-word terms (German and English stems)
	acronyms map[string][]int // exact word -> all-capital terms ("NATO", "UN")
	inside   map[string][]int // German stem -> terms looked for inside compounds
	longest  int              // the longest key of inside
	phrases  map[string][][]string
	phraseOf map[string][]int // phrase key -> terms
	excluded map[int][]exclusion
}

type exclusion struct {
	stems []string // one per word; a single word also blocks compounds that start with it
}

// New compiles terms and, per group, the words that never count for it.
func New(terms []Term, exclude map[int][]string) *Matcher {
	m := &Matcher{
		terms: terms, words: map[string][]int{}, acronyms: map[string][]int{}, inside: map[string][]int{},
		phrases: map[string][][]string{}, phraseOf: map[string][]int{}, excluded: map[int][]exclusion{},
	}
	for i, t := range terms {
		words := strings.FieldsFunc(t.Text, isSeparator)
		switch {
		case len(words) == 1 && isAcronym(words[0]):
			m.acronyms[words[0]] = append(m.acronyms[words[0]], i)
		case len(words) == 1:
			m.addWord(words[0], i)
		case len(words) > 1:
			for _, lang := range []string{"de", "en"} {
				// Spellings that tokenise alike ("Kim Jong Un", "Kim Jong-Un") are one term:
				// the first one listed counts.
				key := phraseKey(words, lang)
				if len(m.phraseOf[key]) == 0 {
					m.phraseOf[key] = append(m.phraseOf[key], i)
					first := key[:strings.IndexByte(key, ' ')]
					m.phrases[first] = append(m.phrases[first], strings.Fields(key))
				}
			}
		}
	}
	for g, words := range exclude {
		for _, w := range words {
			var ex exclusion
			for _, part := range strings.FieldsFunc(w, isSeparator) {
				ex.stems = append(ex.stems, Stem(Fold(part), "de"))
			}
			m.excluded[g] = append(m.excluded[g], ex)
		}
	}
	return m
}

func (m *Matcher) addWord(w string, i int) {
	f := Fold(w)
	de, en := Stem(f, "de"), Stem(f, "en")
	m.words[de] = appendOnce(m.words[de], i)
	m.words[en] = appendOnce(m.words[en], i)
	if len(de) >= minCompound {
		m.inside[de] = appendOnce(m.inside[de], i)
		m.longest = max(m.longest, len(de))
	}
}

// Terms returns the compiled terms.
func (m *Matcher) Terms() []Term { return m.terms }

// Match returns the terms found in toks, ordered by position. compounds enables the search
// inside compound words (for German text).
func (m *Matcher) Match(toks []Token, compounds bool) []Hit {
	var hits []Hit
	for i, t := range toks {
		found := map[int]bool{}
		add := func(terms []int) {
			for _, ti := range terms {
				if !found[ti] {
					found[ti] = true
					hits = append(hits, Hit{Term: ti, Group: m.terms[ti].Group, First: i, Last: i})
				}
			}
		}
		add(m.acronyms[t.Word])
		if !isAcronym(t.Word) {
			add(m.words[t.Stem])
		}
		if compounds {
			m.compoundHits(t, add)
		}
		for _, p := range m.phrases[t.Stem] {
			if matchesAt(toks, i, p) {
				for _, ti := range m.phraseOf[strings.Join(p, " ")] {
					hits = append(hits, Hit{Term: ti, Group: m.terms[ti].Group, First: i, Last: i + len(p) - 1})
				}
			}
		}
	}
	hits = m.dropExcluded(toks, hits)
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].First < hits[b].First })
	return hits
}

// compoundHits finds terms at the start of a compound ("Sanktion" in "Sanktionsregime") and
// at its end after a head of at least four letters that is not a verb prefix ("Handel" in
// "Rüstungshandel", but not in "verhandelt").
func (m *Matcher) compoundHits(t Token, add func([]int)) {
	// Parts longer than the longest term cannot match: a long run of letters costs no more
	// than a word (looking at every prefix of it would cost its square).
	f := t.Folded
	for l := minCompound; l <= min(len(f)-3, m.longest); l++ {
		countLookup()
		if terms, ok := m.inside[f[:l]]; ok && isBoundary(f, l) {
			add(terms)
		}
	}
	s := t.Stem
	for l := max(4, len(s)-m.longest); l <= len(s)-minCompound; l++ {
		countLookup()
		if terms, ok := m.inside[s[l:]]; ok && isBoundary(s, l) && !verbPrefixes[s[:l]] {
			add(terms)
		}
	}
}

// lookups counts the compound lookups when a test sets it (never in concurrent use).
var lookups *int

func countLookup() {
	if lookups != nil {
		*lookups++
	}
}

// verbPrefixes are verb prefixes, not compound heads.
var verbPrefixes = map[string]bool{"ver": true, "vor": true, "unter": true, "uber": true, "durch": true,
	"wider": true, "hinter": true, "entgegen": true, "zusammen": true, "heraus": true, "herein": true}

func isBoundary(s string, i int) bool { return i < len(s) && (s[i] < 0x80 || s[i] >= 0xC0) }

func matchesAt(toks []Token, i int, phrase []string) bool {
	if i+len(phrase) > len(toks) {
		return false
	}
	for j, stem := range phrase {
		if toks[i+j].Stem != stem {
			return false
		}
	}
	return true
}

// dropExcluded removes the hits of a group on tokens that one of its exclusions covers.
func (m *Matcher) dropExcluded(toks []Token, hits []Hit) []Hit {
	if len(m.excluded) == 0 || len(hits) == 0 {
		return hits
	}
	blocked := map[[2]int]bool{} // group, token
	checked := map[int]bool{}
	for _, h := range hits {
		g := h.Group
		if checked[g] {
			continue
		}
		checked[g] = true
		for _, ex := range m.excluded[g] {
			for i := range toks {
				if n := ex.covers(toks, i); n > 0 {
					for j := i; j < i+n; j++ {
						blocked[[2]int{g, j}] = true
					}
				}
			}
		}
	}
	out := hits[:0]
	for _, h := range hits {
		keep := true
		for j := h.First; j <= h.Last; j++ {
			if blocked[[2]int{h.Group, j}] {
				keep = false
			}
		}
		if keep {
			out = append(out, h)
		}
	}
	return out
}

// covers returns how many tokens from i the exclusion covers, or 0.
func (ex exclusion) covers(toks []Token, i int) int {
	if len(ex.stems) == 1 {
		t := toks[i]
		if strings.HasPrefix(t.Stem, ex.stems[0]) || strings.HasPrefix(t.Folded, ex.stems[0]) {
			return 1
		}
		return 0
	}
	if matchesAt(toks, i, ex.stems) {
		return len(ex.stems)
	}
	return 0
}

func phraseKey(words []string, lang string) string {
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = Stem(Fold(w), lang)
	}
	return strings.Join(stems, " ")
}

// isAcronym reports an all-capital word of up to five letters and digits ("NATO", "IP4").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2 && len(w) <= 5
}

func isSeparator(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func appendOnce(list []int, i int) []int {
	if slices.Contains(list, i) {
		return list
	}
	return append(list, i)
}
