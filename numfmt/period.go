package numfmt

import (
	"strconv"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
)

// precision is the unit an ISO date is given in.
type precision uint8

const (
	pDecade precision = iota + 1
	pYear
	pHalf
	pQuarter
	pSeason
	pMonth
	pDay
)

// span is an ISO date as the time it covers, from start up to end (exclusive).
type span struct {
	start, end time.Time
	prec       precision
	n          int // the half, quarter or season (1 spring … 4 winter)
}

var seasonCodes = map[string]int{"SP": 1, "SU": 2, "FA": 3, "WI": 4}

// parseISO reads the forms of briefing dates: "2024", "2024-06", "2024-06-17", "2024-H1",
// "2024-Q2", "2024-SP" (seasons SP SU FA WI) and "199X" (a decade).
func parseISO(s string) (span, bool) {
	if len(s) < 4 {
		return span{}, false
	}
	if len(s) == 4 && s[3] == 'X' {
		y, ok := digits(s[:3])
		return span{start: date(y*10, 1, 1), end: date(y*10+10, 1, 1), prec: pDecade}, ok
	}
	y, ok := digits(s[:4])
	if !ok || y == 0 {
		return span{}, false
	}
	rest := s[4:]
	if rest == "" {
		return span{start: date(y, 1, 1), end: date(y+1, 1, 1), prec: pYear}, true
	}
	if rest[0] != '-' {
		return span{}, false
	}
	rest = rest[1:]
	if n, ok := seasonCodes[rest]; ok {
		return span{start: date(y, 3*n, 1), end: date(y, 3*n+3, 1), prec: pSeason, n: n}, true
	}
	if len(rest) == 2 && (rest[0] == 'H' || rest[0] == 'Q') {
		n, ok := digits(rest[1:])
		switch {
		case ok && rest[0] == 'H' && n >= 1 && n <= 2:
			return span{start: date(y, 6*n-5, 1), end: date(y, 6*n+1, 1), prec: pHalf, n: n}, true
		case ok && rest[0] == 'Q' && n >= 1 && n <= 4:
			return span{start: date(y, 3*n-2, 1), end: date(y, 3*n+1, 1), prec: pQuarter, n: n}, true
		}
		return span{}, false
	}
	if m, ok := digits(rest); ok && len(rest) == 2 && m >= 1 && m <= 12 {
		return span{start: date(y, m, 1), end: date(y, m+1, 1), prec: pMonth}, true
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return span{}, false
	}
	return span{start: t, end: t.AddDate(0, 0, 1), prec: pDay}, true
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// digits reads a string of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

var (
	// openWords are "since" and "until" for periods with one end.
	openWords = map[bool][2]string{false: {"seit", "bis"}, true: {"since", "until"}}
)

// Date writes an ISO date as precise as it is given: "2024", "Juni 2024", "17.06.2024",
// "1. Halbjahr 2024", "2. Quartal 2024", "Frühjahr 2024", "1990er-Jahre"; in English
// "June 2024", "17 Jun 2024", "H1 2024", "Q2 2024", "Spring 2024", "1990s". Other forms are
// returned unchanged.
func Date(iso string, lang string) string {
	s, ok := parseISO(iso)
	if !ok {
		return iso
	}
	return s.format(isEN(lang))
}

func (s span) format(en bool) string {
	y := s.start.Year()
	switch s.prec {
	case pDecade:
		if en {
			return strconv.Itoa(y) + "s"
		}
		return strconv.Itoa(y) + "er-Jahre"
	case pYear:
		return strconv.Itoa(y)
	case pHalf:
		return part(s.n, y, "Halbjahr", "H", en)
	case pQuarter:
		return part(s.n, y, "Quartal", "Q", en)
	case pSeason:
		return dates.SeasonName(s.n, language(en)) + " " + strconv.Itoa(y)
	case pMonth:
		return monthName(s.start.Month(), en) + " " + strconv.Itoa(y)
	}
	if en {
		return s.start.Format("2 Jan 2006")
	}
	return s.start.Format("02.01.2006")
}

// part writes a half or quarter: "2. Quartal 2024", "Q2 2024".
func part(n, y int, de, en string, isEN bool) string {
	if isEN {
		return en + strconv.Itoa(n) + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(n) + ". " + de + " " + strconv.Itoa(y)
}

// MonthName is the name of month m in the briefing's language ("de" or "en").
func MonthName(m time.Month, lang string) string { return monthName(m, lang == "en") }

func monthName(m time.Month, en bool) string { return dates.MonthName(int(m), language(en)) }

// language returns the language code of en: the calendar words come from package dates.
func language(en bool) string {
	if en {
		return "en"
	}
	return "de"
}

// Period writes the time a figure refers to: "2016–2020", "2023", "1. Halbjahr 2024",
// "2. Quartal 2024", "Juli 2022", "März–Mai 2024", "Juli 2023 – 27.10.2024", "30.10.2024",
// "seit Juli 2023"; in English "H1 2024", "Q2 2024", "July 2022", "July 2023 – 27 Oct 2024",
// "since July 2023". nil gives "".
func Period(p *briefing.Period, lang string) string {
	if p == nil {
		return ""
	}
	en := isEN(lang)
	w := openWords[en]
	switch {
	case p.From == "" && p.To == "":
		return ""
	case p.To == "":
		return w[0] + " " + Date(p.From, lang)
	case p.From == "":
		return w[1] + " " + Date(p.To, lang)
	case p.From == p.To:
		return Date(p.From, lang)
	}
	a, okA := parseISO(p.From)
	b, okB := parseISO(p.To)
	if okA && okB && b.end.After(a.start) {
		if s, ok := calendar(a, b, en); ok {
			return s
		}
	}
	return Date(p.From, lang) + " – " + Date(p.To, lang)
}

// calendar writes a period that is a span of whole years, or of whole months (a half, a
// quarter, a month or months), as one.
func calendar(a, b span, en bool) (string, bool) {
	if a.prec == pYear && b.prec == pYear {
		return strconv.Itoa(a.start.Year()) + "–" + strconv.Itoa(b.start.Year()), true
	}
	if !monthly(a) || !monthly(b) {
		return "", false
	}
	lo, hi := a.start, b.end
	if lo.Day() != 1 || hi.Day() != 1 {
		return "", false
	}
	last := hi.AddDate(0, -1, 0) // the first day of the last month
	if lo.Year() != last.Year() {
		return monthName(lo.Month(), en) + " " + strconv.Itoa(lo.Year()) + " – " +
			monthName(last.Month(), en) + " " + strconv.Itoa(last.Year()), true
	}
	y, m1, m2 := lo.Year(), int(lo.Month()), int(last.Month())
	switch n := m2 - m1 + 1; {
	case n == 12:
		return strconv.Itoa(y), true
	case n == 6 && m1%6 == 1:
		return part(m1/6+1, y, "Halbjahr", "H", en), true
	case n == 3 && m1%3 == 1:
		return part(m1/3+1, y, "Quartal", "Q", en), true
	case n == 1:
		return monthName(lo.Month(), en) + " " + strconv.Itoa(y), true
	}
	return monthName(lo.Month(), en) + "–" + monthName(last.Month(), en) + " " + strconv.Itoa(y), true
}

// monthly reports whether s is a month or a day, the precisions a period of months is given in.
func monthly(s span) bool { return s.prec == pMonth || s.prec == pDay }

// Years returns the length of a period in years, inclusive and from the precision of its
// dates: "2016"–"2020" is 5, "2023" 1, "2024-01"–"2024-06" 0.5, "2022-07" 1/12. A period that
// does not begin and end on the first of a month is counted in days (whole years, then the
// days of the year after). It is 0 when a date is missing or unreadable, or the period ends
// before it begins.
func Years(p briefing.Period) float64 {
	a, okA := parseISO(p.From)
	b, okB := parseISO(p.To)
	if !okA || !okB || !b.end.After(a.start) {
		return 0
	}
	lo, hi := a.start, b.end
	if lo.Day() == 1 && hi.Day() == 1 {
		months := (hi.Year()-lo.Year())*12 + int(hi.Month()) - int(lo.Month())
		return float64(months) / 12
	}
	whole := 0
	for !lo.AddDate(whole+1, 0, 0).After(hi) {
		whole++
	}
	from := lo.AddDate(whole, 0, 0)
	year := from.AddDate(1, 0, 0).Sub(from).Hours() / 24
	return float64(whole) + hi.Sub(from).Hours()/24/year
}
