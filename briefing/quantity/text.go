package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// openers are the runes that may directly precede a quantity.
const openers = "([{\"'„“”‚‘’«»‹›~≈<>≥≤+±"

// quotes are the quotation marks skipped in front of a counted noun.
const quotes = "\"'„“”‚‘’«»‹›"

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// runeAt decodes the rune at byte offset i; its size is 0 outside s.
func runeAt(s string, i int) (rune, int) {
	if i < 0 || i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune that ends at byte offset i; its size is 0 at the start.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 || i > len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isGroupSpace reports whether r may separate groups of thousands ("11 000").
func isGroupSpace(r rune) bool {
	return r == ' ' || r == 0xA0 || r == 0x2009 || r == 0x202F || r == 0x2007 || r == 0x200A
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isAlnum(r rune) bool { return ('0' <= r && r <= '9') || isLetter(r) }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// skipSpaces returns the first position at or after i that is not whitespace.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isSpaceRune(r) {
			break
		}
		i += n
	}
	return i
}

// skipSpacesBack returns the position before the whitespace that ends at i, not below floor.
func skipSpacesBack(s string, i, floor int) int {
	for i > floor {
		r, n := runeBefore(s, i)
		if !isSpaceRune(r) {
			break
		}
		i -= n
	}
	return i
}

// skipQuotes returns the position after any quotation marks at i.
func skipQuotes(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !strings.ContainsRune(quotes, r) {
			break
		}
		i += n
	}
	return i
}

// wordEnd returns the end of the run of letters starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isLetter(r) {
			break
		}
		i += n
	}
	return i
}

// compoundEnd returns the end of a word starting at i that may contain digits and
// inner hyphens ("NATO-Staaten", "high-level").
func compoundEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := runeAt(s, j)
		if isAlnum(r) {
			j += n
			continue
		}
		if r == '-' && j > i {
			if r2, _ := runeAt(s, j+1); isAlnum(r2) {
				j++
				continue
			}
		}
		break
	}
	return j
}

// wordBefore returns the letters that end at j, after skipping whitespace and one
// period backwards ("S. 5" -> "S", dot true). The word does not reach below floor.
func wordBefore(s string, j, floor int) (w string, dot bool) {
	j = skipSpacesBack(s, j, floor)
	if j > floor && s[j-1] == '.' {
		j--
		dot = true
	}
	k := j
	for k > floor {
		r, n := runeBefore(s, k)
		if !isLetter(r) {
			break
		}
		k -= n
	}
	return s[k:j], dot
}

// matchAt returns the end of phrase matched case-insensitively at s[i:], or -1.
// A space in phrase matches one or more whitespace runes; a phrase ending in a
// letter or digit must end at a word boundary. phrase must be lower case.
func matchAt(s string, i int, phrase string) int {
	j := i
	for k := 0; k < len(phrase); {
		pr, pn := runeAt(phrase, k)
		k += pn
		if pr == ' ' {
			n := skipSpaces(s, j)
			if n == j {
				return -1
			}
			j = n
			continue
		}
		r, rn := runeAt(s, j)
		if rn == 0 || lowerRune(r) != pr {
			return -1
		}
		j += rn
	}
	if last, _ := runeBefore(phrase, len(phrase)); isAlnum(last) {
		if r, n := runeAt(s, j); n > 0 && isAlnum(r) {
			return -1
		}
	}
	return j
}

// matchBefore returns the start of phrase matched case-insensitively so that it ends
// at j and starts at or after floor, or -1. A phrase starting with a letter or digit
// must start at a word boundary.
func matchBefore(s string, j, floor int, phrase string) int {
	p := j
	for k := len(phrase); k > 0; {
		pr, pn := runeBefore(phrase, k)
		k -= pn
		if pr == ' ' {
			q := skipSpacesBack(s, p, floor)
			if q == p {
				return -1
			}
			p = q
			continue
		}
		if p <= floor {
			return -1
		}
		r, n := runeBefore(s, p)
		if lowerRune(r) != pr {
			return -1
		}
		p -= n
	}
	if first, _ := runeAt(phrase, 0); isAlnum(first) {
		if r, n := runeBefore(s, p); n > 0 && isAlnum(r) {
			return -1
		}
	}
	return p
}

// phrase is a lower-case word or word sequence and what it stands for.
type phrase struct {
	text string
	val  string
}

// phraseSet is a list of phrases indexed by their first and last rune.
type phraseSet struct {
	list        []phrase
	first, last runeIndex
}

// runeIndex maps a rune to the indices of the phrases that start or end with it.
type runeIndex struct {
	ascii [128][]int
	other map[rune][]int
}

func (x *runeIndex) add(r rune, k int) {
	if r < 128 {
		x.ascii[r] = append(x.ascii[r], k)
		return
	}
	if x.other == nil {
		x.other = map[rune][]int{}
	}
	x.other[r] = append(x.other[r], k)
}

func (x *runeIndex) get(r rune) []int {
	if r < 0 {
		return nil
	}
	if r < 128 {
		return x.ascii[r]
	}
	return x.other[r]
}

func newPhrases(list []phrase) *phraseSet {
	ps := &phraseSet{list: list}
	for k, p := range list {
		first, _ := runeAt(p.text, 0)
		last, _ := runeBefore(p.text, len(p.text))
		ps.first.add(first, k)
		ps.last.add(last, k)
	}
	return ps
}

// longestAt returns the end and index of the longest phrase of ps matching at i,
// or -1 and -1.
func longestAt(s string, i int, ps *phraseSet) (end, idx int) {
	end, idx = -1, -1
	r, n := runeAt(s, i)
	if n == 0 {
		return
	}
	for _, k := range ps.first.get(lowerRune(r)) {
		if e := matchAt(s, i, ps.list[k].text); e > end {
			end, idx = e, k
		}
	}
	return end, idx
}

// longestBefore returns the start and index of the longest phrase of ps that ends
// at j, or -1 and -1.
func longestBefore(s string, j, floor int, ps *phraseSet) (start, idx int) {
	start, idx = -1, -1
	r, n := runeBefore(s, j)
	if n == 0 || j <= floor {
		return
	}
	for _, k := range ps.last.get(lowerRune(r)) {
		if b := matchBefore(s, j, floor, ps.list[k].text); b >= 0 && (start < 0 || b < start) {
			start, idx = b, k
		}
	}
	return start, idx
}
