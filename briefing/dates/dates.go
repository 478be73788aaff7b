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
// reference date, and keeps its plain points: no years alone, no ranges, no "Ende Juni 2024",
// nothing relative. The span is the date itself, without the preposition before it.
func Find(text string) []Match {
	p, found := parse(text, time.Time{}, "de")
	var out []Match
	for _, c := range found {
		if c.b.u != 0 || c.since || c.mod != "" || c.a.rel || (c.a.u != uDay && c.a.u != uMonth) {
			continue
		}
		out = append(out, Match{Start: p.toks[c.at].start, End: c.end, ISO: c.a.value()})
	}
	return out
}
