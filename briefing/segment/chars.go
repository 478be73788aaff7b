package segment

import (
	"unicode"
	"unicode/utf8"
)

// fewWords reports whether text[a:b] has at most n words separated by white space.
func fewWords(s string, a, b, n int) bool {
	words, inWord := 0, false
	for i := a; i < b; i++ {
		if isSpaceByte(s[i]) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if words > n {
				return false
			}
			inWord = true
		}
	}
	return true
}

// trimSpace returns the bounds of text[a:b] without leading and trailing
// Unicode white space.
func trimSpace(s string, a, b int) (int, int) {
	for a < b {
		if c := s[a]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			a++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += w
	}
	for b > a {
		if c := s[b-1]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			b--
			continue
		}
		r, w := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= w
	}
	return a, b
}

// skipSpace returns the first position at or after i that is not white space.
func skipSpace(s string, i, b int) int {
	for i < b {
		if c := s[i]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:b])
		if !unicode.IsSpace(r) {
			return i
		}
		i += w
	}
	return i
}

// hasAlnum reports whether text[a:b] contains a letter or a digit.
func hasAlnum(s string, a, b int) bool { return firstAlnum(s, a, b) >= 0 }

// firstAlnum returns the position of the first letter or digit in text[a:b], or -1.
func firstAlnum(s string, a, b int) int {
	for i := a; i < b; {
		c := s[i]
		if c < utf8.RuneSelf {
			if isDigit(c) || isLetterByte(c) {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:b])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
		i += w
	}
	return -1
}

// termByte marks the bytes that can start a terminator: '.', '!', '?' and
// the first byte of '…'.
var termByte = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isCloser reports whether r can close a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '“', '”', '‘', '’', '»', '«':
		return true
	}
	return false
}

// isSuperscript reports whether r is a superscript digit, as used for footnotes.
func isSuperscript(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r == '⁰' || ('⁴' <= r && r <= '⁹')
}
