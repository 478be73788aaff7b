package dates

// decadeNouns may follow a decade: "1990er Jahre", "1990er-Jahren".
var decadeNouns = []string{"jahre", "jahren", "jahrzehnt", "jahrzehnts"}

// decade reads "1990er Jahre", "1990er-Jahren", "1990er", "1990s", "1990's" and "90er Jahre".
func (p *parser) decade(i int, c ctx) (point, int, bool) {
	n, digits, ok := p.number(i)
	if !ok || n%10 != 0 || !p.glued(i+1) || !(c.lead || p.free(i)) {
		return point{}, 0, false
	}
	j, noun := i+2, false
	switch w := p.low(i + 1); {
	case w == "er" || w == "ern":
		if p.isPunct(j, "-") && p.glued(j) && p.is(j+1, decadeNouns...) {
			j, noun = j+2, true
		} else if !p.glued(j) && p.is(j, decadeNouns...) {
			j, noun = j+1, true
		}
	case w == "erjahre" || w == "erjahren":
		noun = true
	case w == "s" && digits == 4:
	case p.isPunct(i+1, "'’") && p.glued(i+2) && p.is(i+2, "s") && digits == 4:
		j++
	default:
		return point{}, 0, false
	}
	switch {
	case digits == 4:
		return point{u: uDecade, y: n}, j, true
	case digits == 2 && noun && n >= 20: // "90er Jahre": the 1990s
		return point{u: uDecade, y: 1900 + n}, j, true
	}
	return point{}, 0, false
}

// year reads "2023", "Jahr 2023", "im Jahre 2006" (from "Jahre"), "ganzen Jahr 2023", "des
// Jahres 2023", "year 2023".
func (p *parser) year(i int, c ctx) (point, int, bool) {
	j := i
	if p.is(j, "des") {
		j++
	}
	if p.is(j, "ganzen", "gesamten", "whole", "entire") {
		j++
	}
	if p.is(j, "jahr", "jahre", "jahres", "year") {
		if y, ok := p.yearNum(j+1, minYear); ok {
			return point{u: uYear, y: y}, j + 2, true
		}
		return point{}, 0, false
	}
	if j != i {
		return point{}, 0, false
	}
	return p.bareYear(i, c)
}

// bareYear reads a four-digit number as a year unless it is a quantity ("2000 Soldaten",
// "2000 bis 3000 Soldaten"), a label ("Resolution 2231") or part of a longer number
// ("S/PV.9048"). Alone it must be from
// 1900 on; after a preposition or mod ("seit 1871", "Ende 1918") from minYear on.
func (p *parser) bareYear(i int, c ctx) (point, int, bool) {
	lo := 1900
	if c.lead {
		lo = minYear
	}
	y, ok := p.yearNum(i, lo)
	if !ok || p.quantity(i+1) || p.quantityRange(i+1) {
		return point{}, 0, false
	}
	if !c.lead && (!p.free(i) || p.labelled(i)) {
		return point{}, 0, false
	}
	if p.glued(i+1) && p.kindAt(i+1) == word && !p.upper(i+1) {
		return point{}, 0, false // "2000km"; "2025Seoul" only lost a space
	}
	return point{u: uYear, y: y}, i + 1, true
}

// quantity reports whether token i makes the number before it a quantity.
func (p *parser) quantity(i int) bool { return p.isPunct(i, "%‰") || p.in(i, units) }

// quantityRange reports whether token i goes on to a quantity that makes the number before i
// the start of a range of quantities: "zwischen 2000 und 3000 Soldaten", "2000–3000 km".
func (p *parser) quantityRange(i int) bool {
	join := p.in(i, joinAnd) || p.in(i, joinTo) || p.isPunct(i, dashes)
	return join && p.kindAt(i+1) == number && p.quantity(i+2)
}

// labelled reports whether the number at i is named by the token before it: "Nr. 2019",
// "S. 2019", "Resolution 2231", "$2000".
func (p *parser) labelled(i int) bool {
	j := i - 1
	if p.isPunct(j, ".") {
		j--
	}
	return p.in(j, labels) || p.isPunct(i-1, "$€£#§№")
}
