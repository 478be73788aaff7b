package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boundary decides whether a sentence ends at e, the end of a terminator run
// text[rs:re] and its closing marks. rs < 0 means the run ended in a closed
// quotation or bracket, so the rules for a bare period do not apply. It
// returns the position of the boundary (e, or later for a glued footnote
// number), or -1.
func (sp *splitter) boundary(rs, re, e, b int) int {
	s := sp.text
	if e >= b {
		return -1 // the end of the segment ends the sentence anyway
	}
	period := rs >= 0 && re == rs+1 && s[rs] == '.'
	r, w := utf8.DecodeRuneInString(s[e:b])
	if !unicode.IsSpace(r) {
		if period && e == re {
			if sp.gluedSentence(rs, e, b) {
				return e
			}
			return sp.gluedFootnote(rs, e, b)
		}
		return -1
	}
	n := skipSpace(s, e+w, b)
	if n >= b || !startsSentence(s, n, b) || !sp.hasText(e) {
		return -1
	}
	if period && !sp.periodEnds(rs, n, b) {
		return -1
	}
	return e
}

// startsSentence reports whether a sentence can start at text[n]: an
// upper-case or uncased letter, a digit, a currency or section sign, or an
// opening quote or bracket that is not followed by a lower-case letter.
func startsSentence(s string, n, b int) bool {
	r, w := utf8.DecodeRuneInString(s[n:b])
	switch r {
	case '"', '\'', '(', '[', '„', '“', '‚', '‘', '»', '«', '¿', '¡':
		next, _ := utf8.DecodeRuneInString(s[n+w : b])
		return !unicode.IsLower(next)
	case '§':
		return true
	}
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '$'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r) ||
		(unicode.IsLetter(r) && !unicode.IsLower(r)) || unicode.Is(unicode.Sc, r)
}

// periodEnds decides whether a single period at rs, followed by white space
// and a possible sentence start at n, ends a sentence, looking at the token
// before it: an initial, an ordinal number, an abbreviation, a Roman numeral.
func (sp *splitter) periodEnds(rs, n, b int) bool {
	s := sp.text
	ts := tokenStart(s, sp.seg, rs)
	tok := s[ts:rs]
	if tok == "" {
		return true
	}
	if r, w := utf8.DecodeRuneInString(tok); w == len(tok) && unicode.IsLetter(r) {
		return false // an initial ("John F. Kennedy") or "z. B.", "d. h."
	}
	if allDigits(tok) {
		return len(tok) > 3 || !sp.ordinal(tok, ts, n, b, true)
	}
	if num := rangeEnd(tok); num != "" && sp.ordinal(num, rs-len(num), n, b, false) {
		return false // "vom 1.–3. März", "20./21. Jahrhundert"
	}
	switch sp.abbrevKind(ts, rs) {
	case abbrNever:
		return false
	case abbrNumber:
		return !isDigit(s[n])
	case abbrFinal:
		return isStarter(wordAt(s, n, b))
	}
	if isRoman(tok) {
		return ts != sp.seg && !isOrdinalNoun(wordAt(s, n, b))
	}
	if isDotted(tok) {
		return isStarter(wordAt(s, n, b))
	}
	return true
}

// ordinal reports whether the number tok (1 to 3 digits) followed by a
// period is an ordinal or a list number rather than the end of a sentence:
// "am 1. Mai", "der 2. Platz", "5. 6. 2024", "2. Die Ergebnisse" at line
// start. alone is false for the end of a range ("1.–3."), which is judged by
// the next word only.
func (sp *splitter) ordinal(tok string, ts, n, b int, alone bool) bool {
	s := sp.text
	v := 0
	for i := 0; i < len(tok); i++ {
		v = v*10 + int(tok[i]-'0')
	}
	if v == 0 {
		return false
	}
	if alone && ts == sp.seg {
		return true // a numbered list item
	}
	next := wordAt(s, n, b)
	if v <= 31 && (isMonth(next) || isDigit(s[n])) {
		return true
	}
	if isOrdinalNoun(next) {
		return true
	}
	if !alone {
		return false
	}
	word, c := prevWord(s, sp.seg, ts)
	return c == ':' || isDeterminer(word)
}

// gluedFootnote handles a footnote number glued to the period:
// "beitragen.5 Die" ends after the "5". rs is the period, e = rs+1.
func (sp *splitter) gluedFootnote(rs, e, b int) int {
	s := sp.text
	j := e
	for j < b && j-e < 3 && isDigit(s[j]) {
		j++
	}
	if j == e || j >= b || s[j] != ' ' {
		return -1
	}
	n := skipSpace(s, j, b)
	if n >= b {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(s[n:b]); !unicode.IsUpper(r) {
		return -1
	}
	ts := tokenStart(s, sp.seg, rs)
	tok := s[ts:rs]
	if len(tok) < 4 || !allLetters(tok) || sp.abbrevKind(ts, rs) != abbrNone {
		return -1
	}
	return j
}

// gluedSentence reports a period that ends a sentence although the next one follows without
// a space, as sources pasted from several paragraphs do ("getestet.Das berichtete …"): a word
// of three or more letters ending in a lower-case letter, not an abbreviation, then an
// upper-case letter and a lower-case one. Web addresses, "U.S.Army" and "z.B.Die" are not.
func (sp *splitter) gluedSentence(rs, e, b int) bool {
	s := sp.text
	r, w := utf8.DecodeRuneInString(s[e:b])
	if !unicode.IsUpper(r) || e+w >= b {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(s[e+w : b]); !unicode.IsLower(next) {
		return false
	}
	ts := tokenStart(s, sp.seg, rs)
	tok := s[ts:rs]
	if utf8.RuneCountInString(tok) < 3 || !allLetters(tok) || sp.abbrevKind(ts, rs) != abbrNone {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(tok)
	if !unicode.IsLower(last) || strings.EqualFold(tok, "www") {
		return false
	}
	// A web address goes on with another dot inside the next word: "spiegel.De.Berlin".
	for i := e; i < b && !isSpaceByte(s[i]); i++ {
		if s[i] == '.' && i+1 < b && !isSpaceByte(s[i+1]) {
			return false
		}
	}
	return true
}

// gluedYear returns the position of the first upper-case letter in
// text[from:to] that is glued to a year ("31. Januar 2025Seoul"): a year
// 19xx or 20xx after a space, a period or the segment start, immediately
// followed by an upper-case and a lower-case letter. It returns -1 if none.
func gluedYear(s string, from, to int) int {
	for i := from; i+5 < to; i++ {
		c := s[i]
		if c != '1' && c != '2' {
			continue
		}
		if !(c == '1' && s[i+1] == '9' || c == '2' && s[i+1] == '0') ||
			!isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if i > from && s[i-1] != ' ' && s[i-1] != '.' && s[i-1] != '\t' {
			continue
		}
		j := i + 4
		r, w := utf8.DecodeRuneInString(s[j:to])
		if !unicode.IsUpper(r) {
			continue
		}
		if r2, _ := utf8.DecodeRuneInString(s[j+w : to]); !unicode.IsLower(r2) {
			continue
		}
		return j
	}
	return -1
}

// tokenStart returns the start of the token that ends at end: back to white
// space or the segment start, then past leading punctuation such as
// brackets and quotes, so that "(vgl." gives "vgl".
func tokenStart(s string, seg, end int) int {
	ts := end
	for ts > seg {
		if c := s[ts-1]; c < utf8.RuneSelf {
			if isSpaceByte(c) {
				break
			}
			ts--
			continue
		}
		r, w := utf8.DecodeLastRuneInString(s[seg:ts])
		if unicode.IsSpace(r) {
			break
		}
		ts -= w
	}
	for ts < end {
		if c := s[ts]; c < utf8.RuneSelf {
			if isDigit(c) || isLetterByte(c) {
				break
			}
			ts++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[ts:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		ts += w
	}
	return ts
}

// wordAt returns the run of letters starting at text[n].
func wordAt(s string, n, b int) string {
	j := n
	for j < b {
		if c := s[j]; c < utf8.RuneSelf {
			if !isLetterByte(c) {
				break
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:b])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	return s[n:j]
}

// prevWord returns the letters just before the white space before ts, and
// the last non-space character before ts (0 if none).
func prevWord(s string, seg, ts int) (string, rune) {
	j := ts
	for j > seg {
		r, w := utf8.DecodeLastRuneInString(s[seg:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= w
	}
	if j <= seg {
		return "", 0
	}
	last, _ := utf8.DecodeLastRuneInString(s[seg:j])
	k := j
	for k > seg {
		r, w := utf8.DecodeLastRuneInString(s[seg:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= w
	}
	return s[k:j], last
}

// rangeEnd returns the number that ends a range or pair of numbers
// ("1.–3", "20./21", "1-3"), or "".
func rangeEnd(tok string) string {
	j := len(tok)
	for j > 0 && isDigit(tok[j-1]) {
		j--
	}
	if j == len(tok) || j == 0 || !isDigit(tok[0]) {
		return ""
	}
	if p := tok[:j]; strings.HasSuffix(p, "-") || strings.HasSuffix(p, "/") || strings.HasSuffix(p, "–") {
		return tok[j:]
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return len(s) > 0
}

// isRoman reports whether tok is a Roman numeral of two to seven letters ("II", "XIV").
func isRoman(tok string) bool {
	if len(tok) < 2 || len(tok) > 7 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if strings.IndexByte("IVXLC", tok[i]) < 0 {
			return false
		}
	}
	return true
}

// isDotted reports whether tok looks like a dotted abbreviation such as
// "U.S", "i.d.R" or "Ph.D": letter groups of one or two letters joined by
// periods.
func isDotted(tok string) bool {
	parts, n := 1, 0
	for _, r := range tok {
		switch {
		case r == '.':
			if n == 0 {
				return false
			}
			parts++
			n = 0
		case unicode.IsLetter(r):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return parts >= 2 && n > 0
}
