package dates

const dashes = "-–—"

// The words that join the two points of a range, after "zwischen"/"between", after
// "von"/"from", and without either.
var (
	joinAnd  = set("und", "and")
	joinTo   = set("bis", "to", "until", "till", "through")
	joinBare = set("bis", "to")
)

// rangeExpr reads an interval of two points: "zwischen 2016 und 2020", "von 2016 bis 2020",
// "vom 1. bis 3. März 2024", "2021 bis 2023", "1950-1953", "in den Jahren 2020 bis 2022",
// "between 2016 and 2020", "from March to June 2024", "March 1–3, 2024". The first point may
// take its year and month from the second.
func (p *parser) rangeExpr(i int) (cand, int, bool) {
	j, c, joins, dash := i, ctx{partial: true}, joinBare, true
	switch {
	case p.is(i, "zwischen", "between"):
		j, c.lead, joins, dash = i+1, true, joinAnd, false
	case p.is(i, "von", "vom", "from"):
		j, c.lead, joins = i+1, true, joinTo
	case p.is(i, "in") && p.is(i+1, "den", "the") && p.is(i+2, "jahren", "years"):
		j, c.lead = i+2, true
	}
	if c.lead && p.is(j, "dem", "den", "the") {
		j++
	}
	if c.lead && p.is(j, "jahren", "jahre", "years") && p.kindAt(j+1) == number {
		j++ // "in den Jahren 2020 bis 2022", "zwischen den Jahren 2016 und 2020"
	}
	a, k, ok := p.rangeStart(j, c)
	if !ok {
		return cand{}, 0, false
	}
	// Two consecutive months or days joined by "und"/"and" without "zwischen": "im Juli und
	// August", "February 18 and February 19".
	pair := !c.lead && p.in(k, joinAnd)
	if !p.in(k, joins) && !(dash && p.isPunct(k, dashes)) && !pair {
		return cand{}, 0, false
	}
	k++
	if p.is(k, "dem", "the", "zum", "zur") {
		k++
	}
	b, _, end, ok := p.modPoint(k, true)
	if !ok && a.u == uDay && a.m > 0 { // "March 1–3, 2024"
		b, end, ok = p.rangeEndDay(k, a.m)
	}
	if !ok {
		return cand{}, 0, false
	}
	if a, ok = complete(a, b); !ok {
		return cand{}, 0, false
	}
	if pair && !(a.u == uMonth && b.u == uMonth && (b.y*12+b.m)-(a.y*12+a.m) == 1 ||
		a.u == uDay && b.u == uDay && a.lo().AddDate(0, 0, 1).Equal(b.lo())) {
		return cand{}, 0, false
	}
	return cand{a: a, b: b}, end, true
}

// rangeStart reads the first point of a range, after an optional mod that the range drops:
// "Anfang 2023 bis Ende 2024". It may lack its year, or be a bare day ("from 1 to 3 March").
func (p *parser) rangeStart(i int, c ctx) (point, int, bool) {
	if mod, j := p.mod(i); mod != "" {
		i, c.lead = j, true
	}
	if pt, j, ok := p.point(i, c); ok {
		return pt, j, true
	}
	if d, ok := p.dayNum(i, c); ok && (c.lead || (p.isPunct(i+1, dashes) && p.glued(i+1))) {
		return point{u: uDay, d: d}, i + 1, true
	}
	return point{}, 0, false
}

// rangeEndDay reads the "3, 2024" of "March 1–3, 2024".
func (p *parser) rangeEndDay(i, m int) (point, int, bool) {
	d, ok := p.dayNum(i, ctx{lead: true})
	if !ok {
		return point{}, 0, false
	}
	pt, end, ok := p.dayYear(point{u: uDay, m: m, d: d}, i+1)
	if ok {
		pt, ok = pt.resolve(p.ref)
	}
	return pt, end, ok && pt.valid()
}

// complete gives the first point of a range what it lacks from the second, b, and reports
// whether a comes before b. A month or season later in the year than b is in the year
// before: "von Dezember bis Februar 2024".
func complete(a, b point) (point, bool) {
	switch {
	case a.y != 0:
	case a.m == 0: // a bare day: "vom 1. bis 3. März 2024"
		if b.u != uDay {
			return a, false
		}
		a.m, a.y, a.rel = b.m, b.y, a.rel || b.rel
	default:
		a.y, a.rel = b.y, a.rel || b.rel
		if a.valid() && a.lo().After(b.lo()) {
			a.y--
		}
	}
	if !a.valid() {
		return a, false
	}
	return a, a.lo().Before(b.lo()) || (a.lo().Equal(b.lo()) && a.hi().Before(b.hi()))
}

// yearPair reads a year with the next one, as for a business or school year ("2023/24",
// "2023/2024"), two consecutive years ("2022 and 2023"), or a later one of its century in two
// digits after a dash ("1914–18").
func (p *parser) yearPair(i int) (cand, int, bool) {
	a, j, ok := p.bareYear(i, ctx{})
	if !ok {
		return cand{}, 0, false
	}
	if p.nextYear(j, a.y) {
		return cand{a: a, b: point{u: uYear, y: a.y + 1}}, j + 2, true
	}
	// Two consecutive years: "in 2022 and 2023", "2023 und 2024".
	if p.is(j, "and", "und") {
		if b, k, ok := p.bareYear(j+1, ctx{}); ok && b.y == a.y+1 {
			return cand{a: a, b: b}, k, true
		}
	}
	n, digits, _ := p.number(j + 1)
	b := point{u: uYear, y: a.y - a.y%100 + n}
	month := p.isPunct(j, "-") && n <= 12 // "2010-12" is December
	if !p.isPunct(j, dashes) || !p.glued(j) || !p.glued(j+1) || digits != 2 || b.y <= a.y || month {
		return cand{}, 0, false
	}
	return cand{a: a, b: b}, j + 2, true
}
