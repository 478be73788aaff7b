package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	punct  kind = iota // one character that is neither a letter, a digit nor space
	number             // ASCII digits
	word               // letters
)

// token is a run of digits, a run of letters or one other character; space separates tokens
// but is no token.
type token struct {
	start, end int
	kind       kind
	glued      bool // directly after the previous token, without space between
}

// tokenize splits text into tokens and returns the indexes of the anchors among them: the
// four-digit numbers and the anchorWords, one of which every expression contains.
func tokenize(text string) (toks []token, anchors []int) {
	toks = make([]token, 0, len(text)/6+1)
	prevEnd := -1
	for i := 0; i < len(text); {
		k, j, blank := scan(text, i)
		if blank {
			i = j
			continue
		}
		glued := i == prevEnd
		if k == word && glued && toks[len(toks)-1].kind == number && gluedDecade(text[i:j]) {
			j = i + 2 // "1990erund": the corpus lost a space after "1990er"
		}
		if (k == number && j-i == 4) || (k == word && isAnchorWord(text[i:j])) {
			anchors = append(anchors, len(toks))
		}
		toks = append(toks, token{start: i, end: j, kind: k, glued: glued})
		prevEnd, i = j, j
	}
	return toks, anchors
}

// gluedDecade reports whether w is the decade suffix "er" run into a conjunction.
func gluedDecade(w string) bool {
	rest, ok := strings.CutPrefix(w, "er")
	return ok && (rest == "und" || rest == "oder" || rest == "bis" || rest == "sowie")
}

// scan returns the kind and end of the token at i, or blank for space.
func scan(text string, i int) (k kind, end int, blank bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		switch {
		case isDigit(c):
			for end = i + 1; end < len(text) && isDigit(text[end]); end++ {
			}
			return number, end, false
		case isASCIILetter(c):
			return word, lettersEnd(text, i), false
		case c == ' ' || ('\t' <= c && c <= '\r'):
			return punct, i + 1, true
		}
		return punct, i + 1, false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsLetter(r):
		return word, lettersEnd(text, i), false
	case unicode.IsSpace(r):
		return punct, i + n, true
	}
	return punct, i + n, false
}

// lettersEnd returns the end of the run of letters (and combining marks) at i.
func lettersEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += n
	}
	return i
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// tok returns the text of token i, or "" past the end.
func (p *parser) tok(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.text[p.toks[i].start:p.toks[i].end]
}

// kindAt returns the kind of token i; past the end it is punct.
func (p *parser) kindAt(i int) kind {
	if i < 0 || i >= len(p.toks) {
		return punct
	}
	return p.toks[i].kind
}

// low returns token i in lower case if it is a word, else "".
func (p *parser) low(i int) string {
	if p.kindAt(i) != word {
		return ""
	}
	if p.lows[i] == "" {
		p.lows[i] = strings.ToLower(p.tok(i))
	}
	return p.lows[i]
}

// is reports whether token i is one of words (in lower case), ignoring its case.
func (p *parser) is(i int, words ...string) bool {
	if p.kindAt(i) != word {
		return false
	}
	t := p.low(i)
	for _, w := range words {
		if t == w {
			return true
		}
	}
	return false
}

// in reports whether token i, in lower case, is in m.
func (p *parser) in(i int, m map[string]bool) bool { return m[p.low(i)] }

// isPunct reports whether token i is one of the characters in chars.
func (p *parser) isPunct(i int, chars string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != punct {
		return false
	}
	t := p.tok(i)
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && r != utf8.RuneError && strings.ContainsRune(chars, r)
}

// glued reports whether token i exists and follows the previous one without space.
func (p *parser) glued(i int) bool { return i > 0 && i < len(p.toks) && p.toks[i].glued }

// number returns the value and digit count of token i if it is a number of at most 9 digits.
func (p *parser) number(i int) (n, digits int, ok bool) {
	t := p.tok(i)
	if p.kindAt(i) != number || len(t) > 9 {
		return 0, 0, false
	}
	for k := 0; k < len(t); k++ {
		n = n*10 + int(t[k]-'0')
	}
	return n, len(t), true
}

// upper reports whether token i starts with an upper-case letter.
func (p *parser) upper(i int) bool {
	r, _ := utf8.DecodeRuneInString(p.tok(i))
	return p.kindAt(i) == word && unicode.IsUpper(r)
}

// free reports whether token i starts a new item: it is not glued to a word or number before
// it, either directly ("G7") or through a separator ("S/PV.9048", "1.718", "2016–2020").
func (p *parser) free(i int) bool {
	if !p.glued(i) {
		return true
	}
	if p.kindAt(i-1) != punct {
		return false
	}
	return !p.isPunct(i-1, ".,/:-–—") || !p.glued(i-1) || p.kindAt(i-2) == punct
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
