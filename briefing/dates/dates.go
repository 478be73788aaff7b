// Package dates finds calendar dates in German and English running text and returns them in
// ISO 8601 form, as precise as the text: "2025-01-31", "2024-06" or "2024".
package dates

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Match is a date found in a text; Text[Start:End] is the date expression.
type Match struct {
	Start, End int
	// ISO is the date as precise as the text says: YYYY-MM-DD or YYYY-MM.
	ISO string
}

// Month returns the month number for a German or English month name or abbreviation
// (the one table of month names that the readers of text share)
// ("März", "Maerz", "Sept.", "October"), or 0.
func Month(name string) int {
	return months[strings.ToLower(strings.TrimSuffix(name, "."))]
}

var months = map[string]int{
	"januar": 1, "jänner": 1, "january": 1, "jan": 1,
	"februar": 2, "feber": 2, "february": 2, "feb": 2,
	"märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mai": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11,
	"dezember": 12, "december": 12, "dez": 12, "dec": 12,
}

// Month names as written, also in capitals as in datelines ("OCTOBER 31, 2024").
const monthAlt = `(?:Januar|Jänner|January|Jan\.|Februar|February|Feb\.|März|Maerz|March|Mar\.|April|Apr\.|Mai|May|Juni|June|Jun\.|Juli|July|Jul\.|August|Aug\.|September|Sept\.|Sep\.|Oktober|October|Okt\.|Oct\.|November|Nov\.|Dezember|December|Dez\.|Dec\.|JANUAR|JÄNNER|JANUARY|FEBRUAR|FEBRUARY|MÄRZ|MAERZ|MARCH|APRIL|MAI|MAY|JUNI|JUNE|JULI|JULY|AUGUST|SEPTEMBER|OKTOBER|OCTOBER|NOVEMBER|DEZEMBER|DECEMBER)`

// Each pattern captures its parts by name; the day and year guards against digits around are
// checked in code because RE2 has no look-behind.
var patterns = []*regexp.Regexp{
	regexp.MustCompile(`(?P<d>\d{1,2})\.\s?(?P<m>` + monthAlt + `)\s(?P<y>\d{4})`),                // 31. Januar 2025
	regexp.MustCompile(`(?P<d>\d{1,2})\s(?P<m>` + monthAlt + `),?\s(?P<y>\d{4})`),                 // 31 January 2025
	regexp.MustCompile(`(?P<m>` + monthAlt + `)\s(?P<d>\d{1,2})(?:st|nd|rd|th)?,\s?(?P<y>\d{4})`), // January 31, 2025
	regexp.MustCompile(`(?P<d>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<y>\d{4})`),                           // 27.10.2024
	regexp.MustCompile(`(?P<y>\d{4})-(?P<mm>\d{2})-(?P<d>\d{2})`),                                 // 2025-01-31
	regexp.MustCompile(`(?P<m>` + monthAlt + `)\s(?P<y>\d{4})`),                                   // Juni 2024
}

// Find returns the absolute dates in text, in order of position, without overlaps (the
// longest match wins). Impossible dates (31 February) are skipped.
//
// Every date form has a four-digit year, so the patterns run only in a small window around
// each year in the text: this keeps Find fast on long documents with few dates.
func Find(text string) []Match {
	var all []Match
	seen := map[[2]int]bool{}
	for _, y := range years(text) {
		if !mayBeDate(text, y) {
			continue
		}
		lo, hi := windowStart(text, y-windowBefore), min(len(text), y+4+windowAfter)
		window := text[lo:hi]
		for _, re := range patterns {
			for _, loc := range re.FindAllStringSubmatchIndex(window, -1) {
				start, end := lo+loc[0], lo+loc[1]
				if seen[[2]int{start, end}] || !guarded(text, start, end) {
					continue
				}
				seen[[2]int{start, end}] = true
				if iso, ok := build(parts(re, window, loc)); ok {
					all = append(all, Match{Start: start, End: end, ISO: iso})
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	out := all[:0]
	end := -1
	for _, m := range all {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// The longest text a date form has before its year ("31. September 2025" minus the year) and
// after it ("-01-31").
const windowBefore, windowAfter = 24, 6

// mayBeDate is a cheap test of whether a date can end or start at the year at offset y: a
// month name, a "dd.mm." or a "dd," right before it, or "-mm-dd" after it. Bare years ("im
// Jahr 2023", "zwischen 2016 und 2020") skip the patterns.
func mayBeDate(text string, y int) bool {
	if y+5 < len(text) && text[y+4] == '-' && isDigit(text[y+5]) {
		return true
	}
	if y < 2 {
		return false
	}
	switch text[y-1] {
	case '.':
		return isDigit(text[y-2])
	case ' ':
		if c := text[y-2]; c == ',' || isDigit(c) {
			return true
		}
		start := y - 1
		for start > 0 && text[start-1] != ' ' && y-1-start < 12 {
			start--
		}
		word := text[start : y-1]
		if i := strings.LastIndexByte(strings.TrimSuffix(word, "."), '.'); i >= 0 {
			word = word[i+1:] // "6.August"
		}
		return Month(word) > 0
	}
	return false
}

// years returns the offsets of four-digit numbers that stand alone.
func years(text string) []int {
	var out []int
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 {
			out = append(out, i)
		}
		i = j
	}
	return out
}

// windowStart moves i back to 0 or forward to the start of a UTF-8 sequence.
func windowStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i < len(text) && text[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

// parts returns the named groups of a match.
func parts(re *regexp.Regexp, s string, loc []int) map[string]string {
	p := map[string]string{}
	for i, n := range re.SubexpNames() {
		if n != "" && loc[2*i] >= 0 {
			p[n] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return p
}

// guarded reports whether a match stands alone: no digit directly before or after it.
func guarded(text string, start, end int) bool {
	if start > 0 && isDigit(text[start-1]) {
		return false
	}
	if end < len(text) && isDigit(text[end]) {
		return false
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func build(p map[string]string) (string, bool) {
	y, err := strconv.Atoi(p["y"])
	if err != nil || y < 1000 || y > 2999 {
		return "", false
	}
	m := Month(p["m"])
	if p["mm"] != "" {
		m, _ = strconv.Atoi(p["mm"])
	}
	if m < 1 || m > 12 {
		return "", false
	}
	if p["d"] == "" {
		return fmt.Sprintf("%04d-%02d", y, m), true
	}
	d, _ := strconv.Atoi(p["d"])
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}
