package segment

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// nastyInputs are fuzz seeds beyond the table cases.
var nastyInputs = []string{
	"", "\n\n", "\r\n", " ", "3.", "....", "…", "… …", "a.b.c.d.", "„“„“", "“”“”", "»«»«", "\"", "'", "''",
	"\"\"\"", "(", ")", "([)]", "[…]", "\xff\xfe", "ab\xe2\x80", "\xe2\x80\xa6", "Er ging.\xe2\x80 Dann",
	"\xc2", "Ende.\xc2\xa0Dann kam er.", "2024Seoul", "19999Seoul", "2025S", "am 1. \n Mai",
	"Er sagte: „Ja. Nein.", "Er sagte: Ja.“ Nein.“ Doch.", "z.B.", "Z. B. Die", "St.", ".x", ". A",
	"A. B. C. D.", "1. 2. 3. 4.", "\u00a0Satz.\u00a0", "Satz.\u2028Satz.", "Satz.\u0085Satz.",
	"beitragen.5", "beitragen.5 ", "beitragen.5 Die", "gefunden.³", "said.[12]", "said.[", "&quot;", "&quot",
	"„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„„’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’",
	strings.Repeat("(", 300) + "Satz. Satz." + strings.Repeat(")", 300),
	strings.Repeat("Wort ", 30) + "ohne Punkt",
	"Ä. Ö. Ü. É.", "İ. ǅ. Die", "\t\v\f", "a\rb. C\r\nd",
	"? ( ? ( ? (", ". „A. „A", "1.–3. Mai", "-1. Mai", "1–. Mai", "/2. Platz",
}

// TestLinearTime guards against quadratic behaviour on long lines of
// punctuation that never form a sentence.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, p := range []string{"? (", ". A", "'a ", "» ", ". „A", "(((((. A", "… A", ". [", "A. B", "Vgl. ", ":. A"} {
		in := strings.Repeat(p, 1<<18/len(p))
		start := time.Now()
		Sentences(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Sentences on %d bytes of %q took %v", len(in), p, d)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, tc := range sentenceCases {
		f.Add(tc.in)
	}
	for _, s := range nastyInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Sentences(text))
	})
}

// TestInvariantsOnSeeds checks the fuzz invariants on the seeds in every
// ordinary test run.
func TestInvariantsOnSeeds(t *testing.T) {
	inputs := append([]string{}, nastyInputs...)
	for _, tc := range sentenceCases {
		inputs = append(inputs, tc.in)
	}
	inputs = append(inputs, strings.Join(inputs, "\n"))
	for _, in := range inputs {
		checkInvariants(t, in, Sentences(in))
	}
}

// checkInvariants fails t unless spans are in order, non-empty, trimmed,
// free of newlines, on rune boundaries for valid UTF-8, and cover every
// non-space character of text.
func checkInvariants(t *testing.T, text string, spans []Span) {
	t.Helper()
	valid := utf8.ValidString(text)
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("%q: span %d %+v out of order or empty (previous end %d, len %d)", text, i, s, prev, len(text))
		}
		if gap := text[prev:s.Start]; !allSpace(gap) {
			t.Fatalf("%q: text %q before span %d is lost", text, gap, i)
		}
		sent := text[s.Start:s.End]
		if strings.IndexByte(sent, '\n') >= 0 {
			t.Fatalf("%q: span %d %q contains a newline", text, i, sent)
		}
		if r, _ := utf8.DecodeRuneInString(sent); unicode.IsSpace(r) {
			t.Fatalf("%q: span %d %q starts with white space", text, i, sent)
		}
		if r, _ := utf8.DecodeLastRuneInString(sent); unicode.IsSpace(r) {
			t.Fatalf("%q: span %d %q ends with white space", text, i, sent)
		}
		if valid && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("%q: span %d %+v is not on rune boundaries", text, i, s)
		}
		prev = s.End
	}
	if rest := text[prev:]; !allSpace(rest) {
		t.Fatalf("%q: trailing text %q is lost", text, rest)
	}
}

func allSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
