package dates

import (
	"strconv"
	"time"
)

// unit is the precision of a point in time.
type unit uint8

const (
	uDay unit = iota + 1
	uMonth
	uYear
	uHalf
	uQuarter
	uSeason
	uDecade
)

// point is a day, month, year, half, quarter, season or decade. A point read from text may
// lack its year (y 0: "im Oktober") or, for a day, also its month (m 0: the "1." of "vom 1.
// bis 3. März"); resolve or a range completes it.
type point struct {
	u       unit
	y, m, d int // m is the month, the half, the quarter or the season (1 spring … 4 winter)
	rel     bool
}

// Years outside this range are not read as years; relative expressions that land outside it
// are dropped.
const minYear, maxYear = 1000, 2100

// value returns p in the normal form of Expr.Value.
func (p point) value() string {
	switch p.u {
	case uDay:
		return isoDay(p.y, p.m, p.d)
	case uMonth:
		return isoMonth(p.y, p.m)
	case uHalf:
		return isoYear(p.y) + "-H" + strconv.Itoa(p.m)
	case uQuarter:
		return isoYear(p.y) + "-Q" + strconv.Itoa(p.m)
	case uSeason:
		return isoYear(p.y) + "-" + seasonCodes[p.m]
	case uDecade:
		return isoYear(p.y)[:3] + "X"
	}
	return isoYear(p.y)
}

// from and to return the calendar bounds of p as precise as the text: days and months are
// their own bounds, years are bounded by years, halves, quarters and seasons by months.
func (p point) from() string {
	switch p.u {
	case uDay, uMonth, uYear:
		return p.value()
	case uDecade:
		return isoYear(p.y)
	}
	return isoMonth(p.firstMonth())
}

func (p point) to() string {
	switch p.u {
	case uDay, uMonth, uYear:
		return p.value()
	case uDecade:
		return isoYear(p.y + 9)
	}
	return isoMonth(p.lastMonth())
}

// isoYear, isoMonth and isoDay format the years minYear to 9999 as in ISO 8601.
func isoYear(y int) string { return strconv.Itoa(y) }

func isoMonth(y, m int) string { return isoYear(y) + "-" + twoDigits(m) }

func isoDay(y, m, d int) string { return isoMonth(y, m) + "-" + twoDigits(d) }

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// firstMonth returns the year and month p begins in.
func (p point) firstMonth() (int, int) {
	switch p.u {
	case uDay, uMonth:
		return p.y, p.m
	case uHalf:
		return p.y, 6*p.m - 5
	case uQuarter:
		return p.y, 3*p.m - 2
	case uSeason:
		return p.y, 3 * p.m
	}
	return p.y, 1
}

// months returns the number of months p spans.
func (p point) months() int {
	switch p.u {
	case uDay, uMonth:
		return 1
	case uHalf:
		return 6
	case uQuarter, uSeason:
		return 3
	case uDecade:
		return 120
	}
	return 12
}

// lastMonth returns the year and month p ends in; a winter ends in the next year.
func (p point) lastMonth() (int, int) {
	y, m := p.firstMonth()
	i := y*12 + m - 1 + p.months() - 1
	return i / 12, i%12 + 1
}

// lo and hi return the first and last day of p.
func (p point) lo() time.Time {
	if p.u == uDay {
		return day(p.y, p.m, p.d)
	}
	y, m := p.firstMonth()
	return day(y, m, 1)
}

func (p point) hi() time.Time {
	if p.u == uDay {
		return day(p.y, p.m, p.d)
	}
	y, m := p.lastMonth()
	return day(y, m+1, 0)
}

// valid reports whether p is a real point: a year in range, a month and a day that exist. A
// point without a year is checked against a leap year.
func (p point) valid() bool {
	y := p.y
	if y == 0 {
		y = 2000
	} else if y < minYear || y > maxYear {
		return false
	}
	switch p.u {
	case uDay:
		if p.m == 0 { // the "1." of "vom 1. bis 3. März"
			return p.y == 0 && p.d >= 1 && p.d <= 31
		}
		return p.m >= 1 && p.m <= 12 && p.d >= 1 && day(y, p.m, p.d).Day() == p.d
	case uMonth:
		return p.m >= 1 && p.m <= 12
	case uHalf:
		return p.m >= 1 && p.m <= 2
	case uQuarter, uSeason:
		return p.m >= 1 && p.m <= 4
	case uDecade:
		return y%10 == 0
	}
	return true
}

// resolve gives a point without a year the latest year in which it does not begin after ref:
// "im Oktober" in a text of 31 January 2025 is October 2024.
func (p point) resolve(ref time.Time) (point, bool) {
	if p.y != 0 {
		return p, p.valid()
	}
	if ref.IsZero() || p.m == 0 {
		return p, false
	}
	p.rel = true
	for y := ref.Year(); y > ref.Year()-8; y-- { // 29 February may be years back
		p.y = y
		if p.valid() && !p.lo().After(ref) {
			return p, true
		}
	}
	return p, false
}

// expr returns the expression for p.
func (p point) expr(mod string) Expr {
	return Expr{Value: p.value(), From: p.from(), To: p.to(), Mod: mod, Relative: p.rel}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// monthIndex counts the months from year 0.
func monthIndex(y, m int) int { return y*12 + m - 1 }

// dayPoint returns the relative point for day t.
func dayPoint(t time.Time) point {
	return point{u: uDay, y: t.Year(), m: int(t.Month()), d: t.Day(), rel: true}
}
