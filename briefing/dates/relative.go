package dates

// The relative expressions: they need the reference date and fail without it.

// relAdj reads an adjective that places a year, month or season relative to the reference
// date, maybe after "des": "vergangenen", "des laufenden", "next". It returns the offset and
// the index after the adjective. "the last" is left out: "over the last year" is a duration.
func (p *parser) relAdj(i int) (off, end int, ok bool) {
	if p.ref.IsZero() {
		return 0, 0, false
	}
	j := i
	if p.is(j, "des") {
		j++
	}
	off, ok = relWord(p.low(j))
	if !ok || (p.is(j, "last") && p.is(j-1, "the")) {
		return 0, 0, false
	}
	return off, j + 1, true
}

// relYear reads "vergangenen Jahr", "diesem Jahr", "letzten Jahres", "kommendes Jahr",
// "last year".
func (p *parser) relYear(i int, c ctx) (point, int, bool) {
	off, j, ok := p.relAdj(i)
	if !ok || !p.is(j, "jahr", "jahres", "year") {
		return point{}, 0, false
	}
	return point{u: uYear, y: p.ref.Year() + off, rel: true}, j + 1, true
}

// relMonth reads "vergangenen Monat", "dieses Monats", "next month".
func (p *parser) relMonth(i int, c ctx) (point, int, bool) {
	off, j, ok := p.relAdj(i)
	if !ok || !p.is(j, "monat", "monats", "month") {
		return point{}, 0, false
	}
	return monthPoint(p.refMonth()+off, true), j + 1, true
}

// relSeason reads "letzten Sommer", "diesen Winter", "next spring". The last summer is the
// latest that is over, this summer the one under way or else the one of the reference year,
// the next summer the first that has not begun.
func (p *parser) relSeason(i int, c ctx) (point, int, bool) {
	off, j, ok := p.relAdj(i)
	if !ok || p.seasonAt(j) == 0 {
		return point{}, 0, false
	}
	s, ref := p.seasonAt(j), p.refMonth()
	begin := func(y int) int { return monthIndex(y, 3*s) }
	y := p.ref.Year()
	switch {
	case off < 0: // back from the latest that is over
		for begin(y)+2 >= ref {
			y--
		}
		y += off + 1
	case off == 0: // the winter that began last December, or the season of this year
		if begin(y-1)+2 >= ref {
			y--
		}
	default: // on from the first that has not begun
		y--
		for begin(y) <= ref {
			y++
		}
		y += off - 1
	}
	return point{u: uSeason, y: y, m: s, rel: true}, j + 1, true
}

// relDay reads "heute", "gestern", "today", "yesterday" and (German, lower case, not after
// "heute") "morgen".
func (p *parser) relDay(i int, c ctx) (point, int, bool) {
	w := p.low(i)
	off, ok := dayWords[w]
	morning := p.en || p.tok(i) != "morgen" || p.is(i-1, "heute", "gestern", "vorgestern")
	if !ok || p.ref.IsZero() || (w == "morgen" && morning) { // "heute morgen" is this morning
		return point{}, 0, false
	}
	return dayPoint(p.ref.AddDate(0, 0, off)), i + 1, true
}

// agoExpr reads "vor zwei Jahren", "vor einem Monat", "two years ago", "3 days ago".
func (p *parser) agoExpr(i int) (cand, int, bool) {
	var n, end int
	var u unit
	if p.is(i, "vor") {
		n, u, end = p.count(i+1), agoUnits[p.low(i+2)], i+3
	} else if p.is(i+2, "ago") {
		n, u, end = p.count(i), agoUnits[p.low(i+1)], i+3
	}
	if n == 0 || u == 0 || p.ref.IsZero() {
		return cand{}, 0, false
	}
	var pt point
	switch u {
	case uYear:
		pt = point{u: uYear, y: p.ref.Year() - n, rel: true}
	case uMonth:
		pt = monthPoint(p.refMonth()-n, true)
	default:
		pt = dayPoint(p.ref.AddDate(0, 0, -n))
	}
	return cand{a: pt}, end, pt.valid()
}

// count reads a small count as digits or a word: "2", "zwei", "einem", "a".
func (p *parser) count(i int) int {
	if n, digits, ok := p.number(i); ok && digits <= 2 && p.free(i) {
		return n
	}
	return counts[p.low(i)]
}

// refMonth returns the month index of the reference date.
func (p *parser) refMonth() int { return monthIndex(p.ref.Year(), int(p.ref.Month())) }

func monthPoint(index int, rel bool) point {
	return point{u: uMonth, y: index / 12, m: index%12 + 1, rel: rel}
}
