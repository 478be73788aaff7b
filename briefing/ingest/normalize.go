package ingest

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// spaceFixer maps line breaks to "\n", typographic spaces to a plain space, and drops
// invisible characters (soft hyphen, zero-width space, byte order marks inside the text).
var spaceFixer = strings.NewReplacer(spaceFixes...)

// spaceFixes are the pairs of old and new strings of spaceFixer.
var spaceFixes = []string{
	"\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n", "\u2028", "\n", "\u2029", "\n",
	"\t", " ", "\u00a0", " ", "\u202f", " ", "\u2007", " ", "\u2009", " ", "\u200a", " ",
	"\u3000", " ",
	"\u00ad", "", "\u200b", "", "\u2060", "", "\ufeff", "",
}

// normalize returns s in NFC with uniform line breaks and spaces and without control
// characters.
func normalize(s string) string {
	s = norm.NFC.String(s)
	if needsSpaceFix(s) {
		s = spaceFixer.Replace(s) // which copies the text, whether it changes it or not
	}
	if strings.IndexFunc(s, isStrayControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isStrayControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// needsSpaceFix reports whether s has a character that spaceFixer replaces.
func needsSpaceFix(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\r' || c == '\f' || c == '\v' || c == '\t' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u2028', '\u2029', '\u00a0', '\u202f', '\u2007', '\u2009', '\u200a', '\u3000', '\u00ad', '\u200b', '\u2060', '\ufeff':
			return true
		}
		i += n
	}
	return false
}

func isStrayControl(r rune) bool {
	return r != '\n' && (r < 0x20 || (r >= 0x7f && r < 0xa0))
}

// unescapeEntities decodes HTML character references that were pasted into plain text
// ("&quot;", "&amp;") and leaves text without them untouched.
func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}

// collapseSpaces trims a line and folds runs of spaces into one.
func collapseSpaces(line string) string {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "  ") {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	prevSpace := false
	for _, r := range line {
		if r == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitLines splits normalised text into trimmed lines, keeping empty lines as paragraph
// breaks.
func splitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = collapseSpaces(l)
	}
	return lines
}

// joinLines joins a word hyphenated across a line break ("Verteidi-" + "gungsminister"; the
// hyphen stays when the next letter is upper case, as in "US-" + "Dollar") and, when the text
// is hard-wrapped at about width runes (width > 0), joins the lines of a paragraph: a line
// shorter than 60 % of the width ends its paragraph. Empty lines end paragraphs and are dropped.
func joinLines(lines []string, width int) []string {
	// The paragraph grows in a buffer: joining a long hard-wrapped text line by line with +=
	// cost the square of its length.
	var out []string
	var cur []byte
	lastLen := 0
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
			continue
		}
		switch {
		case len(cur) == 0:
			cur = append(cur, l...)
		case hyphenated(string(cur[max(0, len(cur)-8):]), l):
			if next, _ := utf8.DecodeRuneInString(l); unicode.IsLower(next) {
				cur = cur[:len(cur)-1]
			}
			cur = append(cur, l...)
		case width > 0 && lastLen >= width*6/10:
			cur = append(cur, ' ')
			cur = append(cur, l...)
		default:
			out = append(out, string(cur))
			cur = append(cur[:0], l...)
		}
		lastLen = utf8.RuneCountInString(l)
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// hyphenated reports whether prev ends in a word broken with a hyphen and next continues it.
func hyphenated(prev, next string) bool {
	if len(prev) < 2 || prev[len(prev)-1] != '-' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLetter(first)
}

// wrapWidth estimates the width at which a text was hard-wrapped, or 0 when its lines are
// paragraphs. Wrapped text has many lines of nearly the same length and none much longer.
func wrapWidth(lines []string) int {
	var lens []int
	for _, l := range lines {
		if l != "" {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	if len(lens) < 5 {
		return 0
	}
	maxLen := 0
	for _, n := range lens {
		maxLen = max(maxLen, n)
	}
	if maxLen < 30 || maxLen > 160 {
		return 0
	}
	near := 0
	for _, n := range lens {
		if n >= maxLen*7/10 {
			near++
		}
	}
	if near*2 < len(lens) {
		return 0
	}
	return maxLen
}
