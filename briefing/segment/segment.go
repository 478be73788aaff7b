// Package segment splits cleaned document text into sentences.
//
// The splitter is rule based and knows German and English conventions. A
// newline always ends a unit: every line is a paragraph or a heading, and a
// short line without final punctuation is returned whole as a heading. Within
// a line a sentence ends at '.', '!', '?' or '…' (with any closing quotes,
// brackets and footnote markers after it) that is followed by white space and
// an upper-case letter, a digit or an opening quote, unless the period belongs
// to an abbreviation, an initial, an ordinal number or a date, or the
// terminator lies inside a paired quotation or a short pair of brackets. A
// year glued to the next word ("31. Januar 2025Seoul") is also a boundary.
//
// The splitter works on bytes, decodes runes only where it has to, never uses
// regular expressions and allocates little more than the result.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence: text[Start:End] is exactly the sentence, trimmed of surrounding white space.
// Heading is true for a line that is its own unit because it has no final punctuation (a title or heading).
type Span struct {
	Start, End int
	Heading    bool
}

// maxHeadingWords is the most words a line without final punctuation may have
// to be taken as a heading; longer lines are split like running text.
const maxHeadingWords = 20

// Sentences returns the sentences of text in order.
func Sentences(text string) []Span {
	sp := splitter{text: text, out: make([]Span, 0, len(text)/100+1)}
	for start := 0; ; {
		end := len(text)
		nl := strings.IndexByte(text[start:], '\n')
		if nl >= 0 {
			end = start + nl
		}
		sp.line(start, end)
		if nl < 0 {
			break
		}
		start = end + 1
	}
	return sp.out
}

// splitter holds the state of one call to Sentences. Its slices are scratch
// space reused from line to line.
type splitter struct {
	text string
	out  []Span

	seg int // start of the segment being split
	cur int // start of the sentence being built

	// A cache for hasText, valid while textCur == cur: text[cur:scanned]
	// has been searched for a letter or digit, and firstText is the first
	// one found, or -1.
	textCur, scanned, firstText int

	iv []interval // protected ranges of the segment, sorted and disjoint
	qs []opener   // open quotation marks
	bs []opener   // open brackets
}

// interval is a protected range text[start:end], from an opening quote or
// bracket up to and including its partner.
type interval struct{ start, end int }

// opener is an opening quote or bracket waiting for its partner.
type opener struct {
	pos  int
	kind rune
}

// line splits text[a:b], one line without its newline.
func (sp *splitter) line(a, b int) {
	a, b = trimSpace(sp.text, a, b)
	for a < b {
		g := gluedYear(sp.text, a, b)
		if g < 0 {
			break
		}
		sp.segment(a, g)
		a = g
	}
	sp.segment(a, b)
}

// segment splits text[a:b], a line or the part of a line between glued dates.
func (sp *splitter) segment(a, b int) {
	s := sp.text
	a, b = trimSpace(s, a, b)
	if a >= b {
		return
	}
	if !endsTerminal(s, a, b) && fewWords(s, a, b, maxHeadingWords) {
		sp.out = append(sp.out, Span{Start: a, End: b, Heading: true})
		return
	}
	sp.protect(a, b)
	sp.seg, sp.cur, sp.textCur = a, a, -1
	k := 0 // next protected interval
	for i := a; i < b; {
		if k < len(sp.iv) && i >= sp.iv[k].start {
			in := sp.iv[k]
			k++
			if i > in.start { // already consumed as a footnote marker
				i = max(i, in.end)
				continue
			}
			i = in.end
			if sp.closesSentence(in) {
				e, _ := sp.tail(i, b, k)
				if p := sp.boundary(-1, -1, e, b); p >= 0 {
					sp.cut(p)
				}
				i = e
			}
			continue
		}
		lim := b
		if k < len(sp.iv) {
			lim = sp.iv[k].start
		}
		for i < lim && !termByte[s[i]] {
			i++
		}
		if i >= lim {
			continue
		}
		c := s[i]
		if c == '.' || c == '!' || c == '?' || (c == 0xE2 && isEllipsis(s, i, b)) {
			re := terminators(s, i, b)
			e, closer := sp.tail(re, b, k)
			rs := i
			if closer {
				rs, re = -1, -1 // a closed quotation or bracket ends the sentence
			}
			if p := sp.boundary(rs, re, e, b); p >= 0 {
				sp.cut(p)
				e = max(e, p)
			}
			i = e
			continue
		}
		i++
	}
	sp.emit(sp.cur, b, false)
}

// cut ends the current sentence at p and starts the next one there.
func (sp *splitter) cut(p int) {
	sp.emit(sp.cur, p, false)
	sp.cur = p
}

// emit appends text[a:b] trimmed, unless it is empty.
func (sp *splitter) emit(a, b int, heading bool) {
	a, b = trimSpace(sp.text, a, b)
	if a < b {
		sp.out = append(sp.out, Span{Start: a, End: b, Heading: heading})
	}
}

// hasText reports whether the sentence being built has a letter or a digit
// before p. It remembers what it has searched, so that a long run of
// punctuation is searched once and not at every terminator in it.
func (sp *splitter) hasText(p int) bool {
	if sp.textCur != sp.cur {
		sp.textCur, sp.scanned, sp.firstText = sp.cur, sp.cur, -1
	}
	if sp.firstText >= 0 {
		return sp.firstText < p
	}
	if p <= sp.scanned {
		return false
	}
	if i := firstAlnum(sp.text, sp.scanned, p); i >= 0 {
		sp.firstText = i
		return true
	}
	sp.scanned = p
	return false
}

// closesSentence reports whether the protected interval ends with a
// terminator followed only by closing marks and spaces, as in „Das gilt.“ or (Siehe
// unten.), and holds some text, unlike the omission mark […].
func (sp *splitter) closesSentence(in interval) bool {
	s := sp.text[in.start:in.end]
	j := len(s)
	for j > 0 {
		if strings.HasSuffix(s[:j], "&quot;") {
			j -= len("&quot;")
			continue
		}
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if isCloser(r) || isSuperscript(r) || unicode.IsSpace(r) { // « Oui. »
			j -= w
			continue
		}
		return isTerminator(r) && hasAlnum(s, 0, j)
	}
	return false
}

// tail returns the end of the closing marks after a terminator run ending at
// j: more terminators, closing quotes and brackets, superscript digits and
// footnote references like [12]. It stops at the next protected interval
// (a paired opening quote). closer reports whether a quote or bracket was
// consumed.
func (sp *splitter) tail(j, b, k int) (end int, closer bool) {
	s := sp.text
	for j < b {
		for k < len(sp.iv) && sp.iv[k].start < j {
			k++
		}
		c := s[j]
		if c == '[' {
			if m := footnoteRef(s, j, b); m > 0 {
				j = m
				continue
			}
		}
		if k < len(sp.iv) && j >= sp.iv[k].start {
			break
		}
		switch {
		case c == '.' || c == '!' || c == '?':
			j++
		case c == '"' || c == '\'' || c == ')' || c == ']' || c == '}':
			j++
			closer = true
		case c == '&' && strings.HasPrefix(s[j:b], "&quot;"):
			j += len("&quot;")
			closer = true
		case c >= utf8.RuneSelf:
			r, w := utf8.DecodeRuneInString(s[j:b])
			switch {
			case r == '…' || isSuperscript(r):
				j += w
			case isCloser(r):
				j += w
				closer = true
			default:
				return j, closer
			}
		default:
			return j, closer
		}
	}
	return j, closer
}

// footnoteRef returns the end of a footnote reference "[1]" to "[999]" at
// text[j], or 0.
func footnoteRef(s string, j, b int) int {
	k := j + 1
	for k < b && k-j <= 3 && isDigit(s[k]) {
		k++
	}
	if k == j+1 || k >= b || s[k] != ']' {
		return 0
	}
	return k + 1
}

// terminators returns the end of the run of '.', '!', '?' and '…' at i.
func terminators(s string, i, b int) int {
	for i < b {
		switch {
		case s[i] == '.' || s[i] == '!' || s[i] == '?':
			i++
		case isEllipsis(s, i, b):
			i += 3
		default:
			return i
		}
	}
	return i
}

// isEllipsis reports whether s[i:] starts with '…' (E2 80 A6) within b.
func isEllipsis(s string, i, b int) bool {
	return i+2 < b && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0xA6
}

// endsTerminal reports whether text[a:b] ends with final punctuation (. ! ? …
// or ':'), possibly followed by closing quotes, brackets and footnote markers.
func endsTerminal(s string, a, b int) bool {
	j := b
	for j > a {
		r, w := utf8.DecodeLastRuneInString(s[a:j])
		if isCloser(r) || isSuperscript(r) {
			j -= w
			continue
		}
		break
	}
	// A footnote number: "Rede.4" or "said.[12]".
	k := j
	for k > a && j-k < 3 && isDigit(s[k-1]) {
		k--
	}
	if k < j && k > a {
		switch {
		case s[k-1] == '[':
			j = k - 1
		case s[k-1] == '.' && k-1 > a && isLetterByte(s[k-2]):
			j = k
		}
	}
	if j <= a {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[a:j])
	return isTerminator(r) || r == ':'
}
