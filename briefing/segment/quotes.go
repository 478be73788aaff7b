package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxBracket is the longest pair of brackets, in bytes, whose content is protected.
const maxBracket = 200

// maxQuoteSearch is how deep a closing quote looks into the stack of open quotes.
const maxQuoteSearch = 32

// protect fills sp.iv with the protected ranges of text[a:b]: paired
// quotations („…“, “…”, "…", »…«, «…», ‚…‘, '…') and balanced brackets of at
// most maxBracket bytes. Quotes are paired within the segment only; an
// opening quote without a partner protects nothing.
func (sp *splitter) protect(a, b int) {
	s := sp.text
	sp.iv, sp.qs, sp.bs = sp.iv[:0], sp.qs[:0], sp.bs[:0]
	for i := a; i < b; {
		c := s[i]
		if !quoteByte[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			sp.asciiQuote(a, b, i, i+1, '"')
			i++
		case c == '&' && strings.HasPrefix(s[i:b], "&quot;"):
			sp.asciiQuote(a, b, i, i+len("&quot;"), '"')
			i += len("&quot;")
		case c == '\'':
			sp.asciiQuote(a, b, i, i+1, '\'')
			i++
		case c == '(' || c == '[':
			sp.bs = append(sp.bs, opener{pos: i, kind: rune(c)})
			i++
		case c == ')' || c == ']':
			sp.closeBracket(i, c)
			i++
		case c == 0xC2 && i+1 < b && (s[i+1] == 0xAB || s[i+1] == 0xBB):
			sp.guillemet(i, rune(s[i+1]))
			i += 2
		case c == 0xE2 && i+2 < b && s[i+1] == 0x80 && s[i+2] >= 0x98 && s[i+2] <= 0x9E:
			sp.curlyQuote(a, b, i, 0x2000+rune(s[i+2])-0x80)
			i += 3
		default:
			i++
		}
	}
}

// asciiQuote handles an ASCII quote (or "&quot;") at text[i:end]. It opens
// when it follows the segment start, a space or an opening bracket and is
// followed by text; it closes a matching open quote when it follows text. An
// apostrophe between letters or digits ("don't", "Korea's") is neither.
func (sp *splitter) asciiQuote(a, b, i, end int, kind rune) {
	s := sp.text
	prev := rune(-1)
	if i > a {
		prev, _ = utf8.DecodeLastRuneInString(s[a:i])
	}
	next := rune(-1)
	if end < b {
		next, _ = utf8.DecodeRuneInString(s[end:b])
	}
	if kind == '\'' && isAlnum(prev) && isAlnum(next) {
		return // an apostrophe
	}
	opens := openContext(prev) && next >= 0 && !unicode.IsSpace(next)
	if kind == '\'' {
		opens = opens && isAlnum(next)
	} else {
		opens = opens && !isTerminator(next) && next != ',' && next != ';'
	}
	switch {
	case opens:
		sp.qs = append(sp.qs, opener{pos: i, kind: kind})
	case prev >= 0 && !unicode.IsSpace(prev):
		sp.closeQuote(end, kind, kind)
	}
}

// curlyQuote handles the typographic quote r (U+2018 to U+201E) at text[i].
func (sp *splitter) curlyQuote(a, b, i int, r rune) {
	s := sp.text
	end := i + 3
	prev := rune(-1)
	if i > a {
		prev, _ = utf8.DecodeLastRuneInString(s[a:i])
	}
	next := rune(-1)
	if end < b {
		next, _ = utf8.DecodeRuneInString(s[end:b])
	}
	switch r {
	case '„': // German opening
		sp.qs = append(sp.qs, opener{pos: i, kind: r})
	case '‚': // German single opening, unless it is a stray low comma
		if unicode.IsLetter(next) {
			sp.qs = append(sp.qs, opener{pos: i, kind: r})
		}
	case '“': // German closing or English opening
		if !sp.closeQuote(end, '„', '„') && next >= 0 && !unicode.IsSpace(next) {
			sp.qs = append(sp.qs, opener{pos: i, kind: r})
		}
	case '”': // English closing
		sp.closeQuote(end, '“', '„')
	case '‘': // German single closing or English single opening
		if !sp.closeQuote(end, '‚', '‚') && openContext(prev) && next >= 0 && !unicode.IsSpace(next) {
			sp.qs = append(sp.qs, opener{pos: i, kind: r})
		}
	case '’': // English single closing, or an apostrophe between letters
		if !(isAlnum(prev) && isAlnum(next)) && prev >= 0 && !unicode.IsSpace(prev) {
			sp.closeQuote(end, '‘', '‚')
		}
	}
}

// guillemet handles » (0xBB) or « (0xAB) at text[i]: each closes the other
// kind when one is open (»…« German, «…» French and Swiss), else it opens.
func (sp *splitter) guillemet(i int, low rune) {
	r, other := '»', '«'
	if low == 0xAB {
		r, other = '«', '»'
	}
	if !sp.closeQuote(i+2, other, other) {
		sp.qs = append(sp.qs, opener{pos: i, kind: r})
	}
}

// closeQuote closes the nearest open quote of kind k1 or k2 with a closing
// quote ending at end, dropping any unpaired quotes opened after it. It
// reports whether it found one.
func (sp *splitter) closeQuote(end int, k1, k2 rune) bool {
	for j := len(sp.qs) - 1; j >= 0 && j >= len(sp.qs)-maxQuoteSearch; j-- {
		if k := sp.qs[j].kind; k == k1 || k == k2 {
			sp.addInterval(sp.qs[j].pos, end)
			sp.qs = sp.qs[:j]
			return true
		}
	}
	return false
}

// closeBracket pairs the closing bracket c at text[i] with the innermost open
// bracket if it matches and the pair is short.
func (sp *splitter) closeBracket(i int, c byte) {
	want := rune('(')
	if c == ']' {
		want = '['
	}
	n := len(sp.bs)
	if n == 0 || sp.bs[n-1].kind != want {
		return
	}
	o := sp.bs[n-1]
	sp.bs = sp.bs[:n-1]
	if i+1-o.pos <= maxBracket {
		sp.addInterval(o.pos, i+1)
	}
}

// addInterval records the protected range text[start:end]. Ranges arrive in
// order of their ends, so merging with the ranges it overlaps keeps sp.iv
// sorted and disjoint.
func (sp *splitter) addInterval(start, end int) {
	for n := len(sp.iv); n > 0 && sp.iv[n-1].end > start; n = len(sp.iv) {
		last := sp.iv[n-1]
		start = min(start, last.start)
		end = max(end, last.end)
		sp.iv = sp.iv[:n-1]
	}
	sp.iv = append(sp.iv, interval{start: start, end: end})
}

// quoteByte marks the bytes that can start a quote or a bracket.
var quoteByte = [256]bool{'"': true, '&': true, '\'': true, '(': true, ')': true, '[': true, ']': true,
	0xC2: true, 0xE2: true}

// openContext reports whether a quote after prev (-1 at the segment start)
// can be an opening quote.
func openContext(prev rune) bool {
	if prev < 0 || unicode.IsSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '}', '/', '-', '–', '—', ':', ',', '>':
		return true
	}
	return false
}

func isAlnum(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
