package lexicon

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
	"unsafe"
)

func TestMatch(t *testing.T) {
	terms := []Term{
		{Text: "Sanktion", Weight: 3, Group: 0},
		{Text: "Waffenlieferung", Weight: 3, Group: 1},
		{Text: "Beistandsklausel", Weight: 3, Group: 2},
		{Text: "Handel", Weight: 3, Group: 3},
		{Text: "strategische Partnerschaft", Weight: 3, Group: 2},
		{Text: "UN", Weight: 1, Group: 0},
		{Text: "Sicherheitsrat", Weight: 2, Group: 0},
		{Text: "NATO", Weight: 3, Group: 4},
		{Text: "Security Council", Weight: 2, Group: 0},
		{Text: "sanctions", Weight: 3, Group: 0},
		{Text: "nordkoreanisch", Weight: 1, Group: 5},
		{Text: "Atombombe", Weight: 3, Group: 6},
	}
	m := New(terms, map[int][]string{3: {"Menschenhandel"}})
	tests := []struct {
		name string
		text string
		lang string
		want []string
	}{
		{"a compound finds the term it starts with", "Das Sanktionsregime wackelt.", "de", []string{"Sanktion"}},
		{"an inflected form finds its lemma", "Die Waffenlieferungen gehen weiter.", "de", []string{"Waffenlieferung"}},
		{"an exact compound term matches", "eine militärische Beistandsklausel", "de", []string{"Beistandsklausel"}},
		{"a verb with a prefix is not the noun inside it", "Man verhandelt seit Monaten.", "de", nil},
		{"a compound head after a long modifier matches", "Der Rüstungshandel wächst.", "de", []string{"Handel"}},
		{"a compound start matches with a linking s", "Das Handelsvolumen stieg.", "de", []string{"Handel"}},
		{"an excluded word blocks its group", "Menschenhandel ist ein Verbrechen.", "de", nil},
		{"a phrase matches inflected", "einer umfassenden strategischen Partnerschaft", "de", []string{"strategische Partnerschaft"}},
		{"hyphenated parts match one by one", "im UN-Sicherheitsrat", "de", []string{"UN", "Sicherheitsrat"}},
		{"an acronym matches in capitals only", "Die NATO und der Nato-Gipfel; un mot", "de", []string{"NATO"}},
		{"an English phrase matches", "the UN Security Council imposed sanctions", "en", []string{"UN", "Security Council", "sanctions"}},
		{"an adjective form matches", "nordkoreanischen Soldaten", "de", []string{"nordkoreanisch"}},
		{"a compound with a term in the middle of its start matches", "dem ersten Atombombenversuch", "de", []string{"Atombombe"}},
		{"a short term is not looked for inside words", "Die Unruhen", "de", nil},
		{"English text is not split as compounds", "trademark disputes", "en", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text, tt.lang)
			var got []string
			for _, h := range m.Match(toks, tt.lang == "de") {
				got = append(got, terms[h.Term].Text)
			}
			sort.Strings(got)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Match(%q) = %q, want %q", tt.text, got, want)
			}
		})
	}
}

func TestTokenizeMarksModifiers(t *testing.T) {
	toks := Tokenize("Der Ukraine-Krieg und Korea's G7-Gipfel", "de")
	var words []string
	var mods []string
	for _, tk := range toks {
		words = append(words, tk.Word)
		if tk.Modifier {
			mods = append(mods, tk.Word)
		}
	}
	if want := []string{"Der", "Ukraine", "Krieg", "und", "Korea", "s", "G7", "Gipfel"}; !reflect.DeepEqual(words, want) {
		t.Errorf("words = %q, want %q", words, want)
	}
	if want := []string{"Ukraine", "G7"}; !reflect.DeepEqual(mods, want) {
		t.Errorf("modifiers = %q, want %q", mods, want)
	}
}

// The process-wide stem cache stays bounded however many distinct words a daemon meets, and
// its entries are copies: a word read from a document does not keep the document alive.
func TestTheStemCacheIsBounded(t *testing.T) {
	defer func(n int64) { stemCacheLimit = n }(stemCacheLimit)
	stemCacheLimit = 100
	for i := range 1000 {
		Stem(fmt.Sprintf("wort%dlein", i), "de")
	}
	n := 0
	germanStems.Range(func(k, v any) bool { n++; return true })
	if n > 100 {
		t.Errorf("%d stems cached, limit 100", n)
	}
	if got := Stem("häuser", "de"); got != Stem("häuser", "de") || got == "" {
		t.Errorf("stem %q", got)
	}
	doc := "Nordkorea liefert Granaten"
	word := doc[:9]
	Stem(word, "de")
	germanStems.Range(func(k, v any) bool {
		if s := k.(string); s == word && unsafe.StringData(s) == unsafe.StringData(doc) {
			t.Error("the cache keeps a substring of the document as its key")
		}
		return true
	})
}
