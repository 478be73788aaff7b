package lexicon

import (
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzMatch matches a theme lexicon (single words, phrases, acronyms, compound parts,
// exclusions) and a measure lexicon (compound heads) against any text: hits lie on the
// text's tokens, in order, with a known term and group. With BRIEFING_FUZZ_TIMING set (make
// fuzz), an input that takes far longer than its size allows is a failure: a long run of
// letters once cost the square of its length.
func FuzzMatch(f *testing.F) {
	f.Add("Die Sanktionen gegen Nordkorea und die Waffenlieferungen an Russland, sagte die NATO.")
	f.Add("North Korea's arms exports and the strategic partnership treaty were signed.")
	f.Add(strings.Repeat("Nordkoreasanktionswaffenlieferungen", 3000))
	f.Add(strings.Repeat("a", 100000))
	terms := []Term{{Text: "Sanktion", Weight: 2, Group: 0}, {Text: "strategische Partnerschaft", Weight: 3, Group: 1},
		{Text: "NATO", Weight: 3, Group: 1}, {Text: "Waffenlieferung", Weight: 2, Group: 2}, {Text: "arms exports", Weight: 2, Group: 2},
		{Text: "treaty", Weight: 2, Group: 1}}
	themes := New(terms, map[int][]string{0: {"Sanktionsbrecher"}})
	heads := NewHeads([]Term{{Text: "Soldaten", Group: 0}, {Text: "Granaten", Group: 1}, {Text: "Raketen", Group: 2}})
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<20 {
			return
		}
		start := time.Now()
		toks := Tokenize(text, "de")
		for _, m := range []interface {
			Match([]Token, bool) []Hit
		}{themes, heads} {
			for _, compounds := range []bool{true, false} {
				prev := -1
				for _, h := range m.Match(toks, compounds) {
					if h.First < 0 || h.Last >= len(toks) || h.First > h.Last || h.First < prev {
						t.Fatalf("hit %+v outside or out of order (%d tokens)", h, len(toks))
					}
					prev = h.First
				}
			}
		}
		if os.Getenv("BRIEFING_FUZZ_TIMING") != "" {
			if took, allowed := time.Since(start), time.Second+time.Duration(len(text))*20*time.Microsecond; took > allowed {
				t.Fatalf("%d bytes took %v (allowed %v)", len(text), took, allowed)
			}
		}
	})
}

// A long run of letters costs no more compound lookups than the longest term is long: every
// prefix and suffix of a 100 000-letter word was looked up (its square in hashing work; an
// 800 KB token took 90 s).
func TestLongWordsCostABoundedNumberOfLookups(t *testing.T) {
	m := New([]Term{{Text: "Waffenlieferung", Weight: 2}, {Text: "Sanktion", Weight: 2}}, nil)
	n := 0
	lookups = &n
	defer func() { lookups = nil }()
	m.Match(Tokenize(strings.Repeat("waffen", 20000), "de"), true)
	if n > 2*m.longest+10 {
		t.Errorf("%d lookups for one word of 120 000 letters (longest term %d)", n, m.longest)
	}
}
