// Package lexicon matches weighted German and English terms in text: words are stemmed with
// the Snowball stemmers and umlaut-folded, German compounds are searched for the terms they
// contain, multi-word phrases match in sequence, and excluded words block matches.
package lexicon

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
)

// Token is a word of a text.
type Token struct {
	Start, End int // byte span in the text
	Word       string
	// Folded is the word in lower case with umlauts folded (ä→a, ß→ss).
	Folded string
	// Stem is the word's Snowball stem in its language (lower case, folded).
	Stem string
	// Modifier marks the first part of a hyphenated compound ("Ukraine" in "Ukraine-Krieg"):
	// the compound is about its last part.
	Modifier bool
}

// Tokenize splits text into words. Hyphenated compounds become one token per part; digits
// inside words are kept ("G7", "1718").
func Tokenize(text, lang string) []Token {
	var toks []Token
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, newToken(text, start, i, lang))
			start = -1
			if r == '-' && i+1 < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
					toks[len(toks)-1].Modifier = true
				}
			}
		}
	}
	if start >= 0 {
		toks = append(toks, newToken(text, start, len(text), lang))
	}
	return toks
}

func newToken(text string, start, end int, lang string) Token {
	w := text[start:end]
	folded := Fold(w)
	return Token{Start: start, End: end, Word: w, Folded: folded, Stem: Stem(folded, lang)}
}

var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss", "é", "e", "è", "e", "á", "a", "à", "a")

// Fold lower-cases a word and folds umlauts and accents.
func Fold(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return folder.Replace(strings.ToLower(w))
}

// germanStems and englishStems cache stems by folded word, for the life of the process (a
// daemon builds edition after edition from mostly the same words). A key is a copy of the
// word, never a substring of a document, so the cache pins no document's text; and the cache
// starts again when it has grown past stemCacheLimit words, so that it cannot grow with
// every new word for ever.
var (
	germanStems, englishStems sync.Map
	stemsCached               atomic.Int64
)

// stemCacheLimit bounds the words whose stems are cached (about 100 bytes each).
var stemCacheLimit int64 = 500_000

// Stem returns the Snowball stem of a folded word in language lang ("de" or "en").
func Stem(folded, lang string) string {
	cache := &germanStems
	if lang == "en" {
		cache = &englishStems
	}
	if s, ok := cache.Load(folded); ok {
		return s.(string)
	}
	env := snowballstem.NewEnv(folded)
	if lang == "en" {
		english.Stem(env)
	} else {
		german.Stem(env)
	}
	s := env.Current()
	if stemsCached.Add(1) > stemCacheLimit {
		germanStems.Clear()
		englishStems.Clear()
		stemsCached.Store(0)
	}
	s = strings.Clone(s) // the stem of a word that has none is the word itself
	cache.Store(strings.Clone(folded), s)
	return s
}
