package dates

// ctx tells a point rule what comes before the point.
type ctx struct {
	// lead: a preposition or mod ("im", "seit", "Mitte"), so a month or season may stand
	// without its year and a bare year may be older than 1900.
	lead bool
	// partial: the start of a range, which may take its year or month from the end.
	partial bool
}

// A pointRule reads a point at token i and returns it with the index of the token after.
type pointRule func(p *parser, i int, c ctx) (point, int, bool)

// numberRules are the point rules that start with a number.
var numberRules = []pointRule{
	(*parser).germanDate, (*parser).numericDate, (*parser).isoDate, (*parser).dayMonth,
	(*parser).part, (*parser).decade, (*parser).year,
}

// wordRules are the point rules that start with a word, each with the classes of words it
// starts with (see wordClasses): the rules run only at their words.
var wordRules = []struct {
	starts uint16
	rule   pointRule
}{
	{wMonth, (*parser).monthDay}, {wMonth, (*parser).monthYear}, {wPart, (*parser).part},
	{wPartCode, (*parser).partCode}, {wSeason, (*parser).season}, {wYear, (*parser).year},
	{wRel, (*parser).relYear}, {wRel, (*parser).relMonth}, {wRel, (*parser).relSeason},
	{wDay, (*parser).relDay},
}

// point returns the longest point at token i.
func (p *parser) point(i int, c ctx) (point, int, bool) {
	var best point
	end := -1
	try := func(r pointRule) {
		if pt, j, ok := r(p, i, c); ok && j > end && pt.valid() {
			best, end = pt, j
		}
	}
	switch p.kindAt(i) {
	case number:
		for _, r := range numberRules {
			try(r)
		}
	case word:
		kinds := p.class(i)
		for _, r := range wordRules {
			if kinds&r.starts != 0 {
				try(r.rule)
			}
		}
	}
	return best, end, end >= 0
}

// yearNum returns token i as a year if it is a four-digit number from lo to maxYear that does
// not go on as a decimal number ("2024,5").
func (p *parser) yearNum(i, lo int) (int, bool) {
	n, digits, ok := p.number(i)
	if !ok || digits != 4 || n < lo || n > maxYear {
		return 0, false
	}
	if p.isPunct(i+1, ".,") && p.glued(i+1) && p.kindAt(i+2) == number && p.glued(i+2) {
		return 0, false
	}
	return n, true
}

// yearSpec reads the year after a day, month, season, half or quarter: "2024", "des Jahres
// 2024", "of 2024", "vergangenen Jahres", "des laufenden Jahres", "(of) last year".
func (p *parser) yearSpec(i int) (y int, rel bool, end int, ok bool) {
	j := i
	if p.is(j, "des") && p.is(j+1, "jahres") {
		j += 2
	} else if p.is(j, "of") {
		j++
		if p.is(j, "the") && p.is(j+1, "year") {
			j += 2
		}
	}
	if y, ok := p.yearNum(j, minYear); ok {
		return y, false, j + 1, true
	}
	j = i
	if p.is(j, "des", "of") {
		j++
	}
	if off, ok := relWord(p.low(j)); ok && p.is(j+1, "jahres", "year") && !p.ref.IsZero() {
		return p.ref.Year() + off, true, j + 2, true
	}
	return 0, false, i, false
}

// withYear completes a point with the year at i, or leaves it without one if yearless allows.
func (p *parser) withYear(pt point, i int, yearless bool) (point, int, bool) {
	if y, rel, end, ok := p.yearSpec(i); ok {
		pt.y, pt.rel = y, rel
		return pt, end, true
	}
	return pt, i, yearless
}

// monthName reads a capitalised month name, or an abbreviation with its period, at i.
func (p *parser) monthName(i int) (m, end int, full, ok bool) {
	if !p.upper(i) {
		return 0, 0, false, false
	}
	w := p.low(i)
	if m = months[w]; m == 0 {
		return 0, 0, false, false
	}
	if fullMonths[w] {
		return m, i + 1, true, true
	}
	if p.isPunct(i+1, ".") && p.glued(i+1) {
		return m, i + 2, false, true
	}
	return 0, 0, false, false
}

// dayNum reads a day of the month at i.
func (p *parser) dayNum(i int, c ctx) (int, bool) {
	n, digits, ok := p.number(i)
	return n, ok && digits <= 2 && n >= 1 && n <= 31 && (c.lead || p.free(i))
}

// germanDate reads "30. Oktober 2024", "6.August 2024", "30. Dezember letzten Jahres",
// "30. Dezember" and, starting a range, "1.".
func (p *parser) germanDate(i int, c ctx) (point, int, bool) {
	d, ok := p.dayNum(i, c)
	if !ok || !p.isPunct(i+1, ".") || !p.glued(i+1) {
		return point{}, 0, false
	}
	m, j, _, ok := p.monthName(i + 2)
	if !ok {
		return point{u: uDay, d: d}, i + 2, c.partial
	}
	return p.withYear(point{u: uDay, m: m, d: d}, j, true)
}

// numericDate reads "27.10.2024".
func (p *parser) numericDate(i int, c ctx) (point, int, bool) {
	d, ok := p.dayNum(i, c)
	m, digits, okm := p.number(i + 2)
	if !ok || !okm || digits > 2 || !p.isPunct(i+1, ".") || !p.isPunct(i+3, ".") {
		return point{}, 0, false
	}
	y, oky := p.yearNum(i+4, minYear)
	if !oky || !p.glued(i+1) || !p.glued(i+2) || !p.glued(i+3) || !p.glued(i+4) {
		return point{}, 0, false
	}
	return point{u: uDay, y: y, m: m, d: d}, i + 5, true
}

// isoDate reads "2025-01-31".
func (p *parser) isoDate(i int, c ctx) (point, int, bool) {
	y, ok := p.yearNum(i, minYear)
	m, dm, okm := p.number(i + 2)
	d, dd, okd := p.number(i + 4)
	if !ok || !okm || !okd || dm != 2 || dd != 2 || !(c.lead || p.free(i)) {
		return point{}, 0, false
	}
	for j := i + 1; j <= i+4; j++ {
		if !p.glued(j) || (j%2 != i%2 && !p.isPunct(j, "-")) {
			return point{}, 0, false
		}
	}
	return point{u: uDay, y: y, m: m, d: d}, i + 5, true
}

// dayMonth reads "30 October 2024", "30th October, 2024", "30th of October", "30 October".
func (p *parser) dayMonth(i int, c ctx) (point, int, bool) {
	d, ok := p.dayNum(i, c)
	if !ok {
		return point{}, 0, false
	}
	mi := p.ordinalSuffix(i + 1)
	if p.is(mi, "of") {
		mi++
	}
	m, j, _, ok := p.monthName(mi)
	if !ok || p.glued(mi) {
		return point{}, 0, false
	}
	return p.dayYear(point{u: uDay, m: m, d: d}, j)
}

// monthDay reads "October 30, 2024", "October 30th 2024", "October 30".
func (p *parser) monthDay(i int, c ctx) (point, int, bool) {
	m, j, _, ok := p.monthName(i)
	if !ok || p.glued(j) {
		return point{}, 0, false
	}
	d, ok := p.dayNum(j, ctx{lead: true})
	if !ok || p.in(j+1, units) {
		return point{}, 0, false
	}
	return p.dayYear(point{u: uDay, m: m, d: d}, p.ordinalSuffix(j+1))
}

// dayYear completes an English day and month with the year at i, maybe after a comma. Only
// English text has days without a year in this order: German "Mai 2" is no date.
func (p *parser) dayYear(pt point, i int) (point, int, bool) {
	if p.isPunct(i, ",") {
		if pt, end, ok := p.withYear(pt, i+1, false); ok {
			return pt, end, true
		}
	}
	return p.withYear(pt, i, p.en)
}

// ordinalSuffix skips an English ordinal suffix glued to the number before i ("30th").
func (p *parser) ordinalSuffix(i int) int {
	if p.glued(i) && p.is(i, "st", "nd", "rd", "th") {
		return i + 1
	}
	return i
}

// monthYear reads "Juni 2024", "Sept. 2024", "Oktober letzten Jahres", "March of this year",
// and after a preposition or mod a month without a year ("im Oktober", "Mitte Januar").
func (p *parser) monthYear(i int, c ctx) (point, int, bool) {
	m, j, full, ok := p.monthName(i)
	if !ok {
		return point{}, 0, false
	}
	return p.withYear(point{u: uMonth, m: m}, j, full && (c.lead || c.partial))
}

// part reads the halves and quarters of a year: "ersten Jahreshälfte 2024", "zweiten Hälfte
// des vergangenen Jahres", "2. Quartal 2024", "first half of 2024", "third quarter of 2023".
func (p *parser) part(i int, c ctx) (point, int, bool) {
	n, j, ok := p.ordinal(i, c)
	pt := point{u: uHalf, m: n}
	switch {
	case !ok:
		return point{}, 0, false
	case p.in(j, halfWords):
	case p.in(j, quarterWords):
		pt.u = uQuarter
	default:
		return point{}, 0, false
	}
	if n < 0 {
		pt.m = 12 / pt.months() // the last half or quarter
	}
	return p.withYear(pt, j+1, false)
}

// ordinal reads an ordinal number as a word ("ersten", "second", "letzten" is -1) or as
// digits with a period ("2.").
func (p *parser) ordinal(i int, c ctx) (n, end int, ok bool) {
	if n, ok := ordinals[p.low(i)]; ok {
		return n, i + 1, true
	}
	n, digits, ok := p.number(i)
	ok = ok && digits == 1 && p.isPunct(i+1, ".") && p.glued(i+1) && (c.lead || p.free(i))
	return n, i + 2, ok
}

// partCode reads "H1 2024", "Q2 2024", "Q2/2024".
func (p *parser) partCode(i int, c ctx) (point, int, bool) {
	n, digits, ok := p.number(i + 1)
	if !ok || digits != 1 || !p.glued(i+1) || !(c.lead || p.free(i)) {
		return point{}, 0, false
	}
	pt := point{u: uHalf, m: n}
	switch p.tok(i) {
	case "H":
	case "Q":
		pt.u = uQuarter
	default:
		return point{}, 0, false
	}
	j := i + 2
	if p.isPunct(j, "/-") && p.glued(j) {
		j++
	}
	return p.withYear(pt, j, false)
}

// season reads "Sommer 2024", "Frühjahr vergangenen Jahres", "spring of 2023", "Winter
// 2023/24", and after a preposition or mod a season without a year ("im Sommer").
func (p *parser) season(i int, c ctx) (point, int, bool) {
	s := p.seasonAt(i)
	if s == 0 {
		return point{}, 0, false
	}
	pt, end, ok := p.withYear(point{u: uSeason, m: s}, i+1, c.lead || c.partial)
	if ok && s == 4 && pt.y != 0 && p.nextYear(end, pt.y) {
		end += 2 // "Winter 2023/24"
	}
	return pt, end, ok
}

// seasonAt returns the season named by token i, or 0.
func (p *parser) seasonAt(i int) int {
	w := p.low(i)
	if w == "fall" && !p.en {
		return 0
	}
	return seasons[w]
}

// nextYear reports whether tokens i and i+1 are a slash and the year after y, in two or four
// digits, glued to the year before them: the "/24" of "2023/24".
func (p *parser) nextYear(i, y int) bool {
	n, digits, _ := p.number(i + 1)
	return p.isPunct(i, "/") && p.glued(i) && p.glued(i+1) &&
		((digits == 2 && n == (y+1)%100) || (digits == 4 && n == y+1))
}
