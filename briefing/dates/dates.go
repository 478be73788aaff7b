// Package dates finds calendar dates in German and English running text and returns them in
// ISO 8601 form, as precise as the text: "2025-01-31", "2024-06" or "2024".
package dates

import (
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
// ("März", "Maerz", "Sept.", "October"), or 0.
func Month(name string) int {
	return months[strings.ToLower(strings.TrimSuffix(name, "."))]
}

// Find returns the calendar dates in text that name a month or a day with its year ("Juni
// 2024", "31. Januar 2025", "October 31, 2024", "27.10.2024", "2025-01-31"), in order of
// position, without overlaps. It reads the text with the parser of Expressions, without a
// reference date: no years alone, nothing relative. The date of "Ende Mai 2024" or "seit
// Juli 2023" is the month, spanned without the words before it; the date of a range ("3.-4.
// Juni 2024", "vom 3. bis 5. Juni 2024") is its last day, spanned with the whole range.
func Find(text string) []Match {
	p, found := parse(text, time.Time{}, "de")
	var out []Match
	for _, c := range found {
		pt, start := c.a, p.toks[c.at].start
		if c.b.u != 0 {
			pt, start = c.b, c.start
		}
		if pt.rel || pt.u != uDay && pt.u != uMonth {
			continue
		}
		out = append(out, Match{Start: start, End: c.end, ISO: pt.value()})
	}
	return out
}
