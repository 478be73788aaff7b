package dates

import (
	"slices"
	"time"
)

// Expr is a temporal expression in a text.
type Expr struct {
	// Start and End are the byte span of the expression in the text, with its preposition when
	// that is part of the phrase ("im Juni 2024", "zwischen 2016 und 2020", "seit Juli 2023").
	Start, End int
	// Value is the normal form, as precise as the text: "2024-10-30", "2024-06", "2024",
	// "2024-H1", "2024-Q2", "2024-SU" (seasons SP SU FA WI), "199X" (a decade), or an interval
	// "2016/2020". An interval that is still open ("seit Juli 2023") ends at the reference date,
	// "2023-07/2025-01-31", or with ".." when that is unknown.
	Value string
	// From and To are the calendar bounds, as precise as the text: "2024-06"/"2024-06",
	// "2016"/"2020", "2024-01"/"2024-06" for H1 2024, "1990"/"1999" for the 1990s. To of an
	// open interval is the reference date, or "" when that is unknown.
	From, To string
	// Mod is "", "start" (Anfang, Beginn, early), "mid" (Mitte, mid-), "end" (Ende, late) or
	// "since" (seit, since).
	Mod string
	// Relative tells that the expression was resolved against the reference date ("im
	// vergangenen Jahr", "im Oktober"); the open end of "seit Juli 2023" does not count.
	Relative bool
}

// Expressions returns the temporal expressions of text in order, without overlaps (the
// longest wins). ref is the document's date (zero if unknown): relative expressions are
// resolved against it and left out when ref is zero. lang is "de" or "en"; the patterns of
// both languages apply to either, lang only decides a few words ("fall" is a season in
// English, "morgen" is tomorrow in German).
//
// Every expression contains a four-digit number or an anchor word (a month, a season,
// "Jahr", "heute" …): the patterns run only at the few tokens before each anchor.
func Expressions(text string, ref time.Time, lang string) []Expr {
	p, found := parse(text, ref, lang)
	out := make([]Expr, len(found))
	for i, c := range found {
		out[i] = p.build(c)
	}
	return out
}

// parse returns the expressions of text in order, without overlaps, as found.
func parse(text string, ref time.Time, lang string) (*parser, []cand) {
	toks, anchors := tokenize(text)
	if len(anchors) == 0 {
		return nil, nil
	}
	p := &parser{text: text, toks: toks, en: lang == "en"}
	p.lows, p.classes = make([]string, len(toks)), make([]uint16, len(toks))
	if !ref.IsZero() {
		y, m, d := ref.Date()
		p.ref = day(y, int(m), d)
	}
	var found []cand
	next := 0
	for _, a := range anchors {
		for s := max(next, a-lookBehind); s <= a; s++ {
			c, ok := p.longest(s)
			if n := len(found); ok && (n == 0 || c.end > found[n-1].end) {
				found = append(found, c) // one inside the one before can only lose
			}
		}
		next = a + 1
	}
	return p, pick(found)
}

// lookBehind is the most tokens an expression has before its first anchor:
// "between the 1st and the 3rd of March 2024".
const lookBehind = 12

// parser reads expressions from the tokens of a text.
type parser struct {
	text string
	toks []token
	// lows and classes cache the words in lower case and their classes, filled in as needed.
	lows    []string
	classes []uint16
	ref     time.Time // the reference day at midnight UTC, or zero
	en      bool
}

// cand is an expression found: a point, or a range from a to b, or an open interval since a.
type cand struct {
	start, end int // the byte span
	// at is the token where a point's date begins after what leads it ("am", "the", "Ende").
	at    int
	a, b  point
	mod   string
	since bool
}

// longest returns the longest expression that starts at token s.
func (p *parser) longest(s int) (cand, bool) {
	var best cand
	end := -1
	if !p.canStart(s) {
		return best, false
	}
	for _, r := range exprRules {
		if c, j, ok := r(p, s); ok && j > end {
			best, end = c, j
		}
	}
	if end < 0 {
		return best, false
	}
	best.start, best.end = p.toks[s].start, p.toks[end-1].end
	return best, true
}

// An exprRule reads an expression at token i and returns it with the index of the token after.
type exprRule func(p *parser, i int) (cand, int, bool)

var exprRules = []exprRule{
	(*parser).pointExpr, (*parser).sinceExpr, (*parser).rangeExpr, (*parser).yearPair,
	(*parser).agoExpr,
}

// canStart reports whether an expression may start at token i.
func (p *parser) canStart(i int) bool { return p.class(i)&wStart != 0 }

// class returns the classes of token i (see wordClasses); a number may start an expression.
func (p *parser) class(i int) uint16 {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind == punct {
		return 0
	}
	if p.classes[i] == 0 {
		c := wKnown | wStart
		if p.toks[i].kind == word {
			c = wKnown | wordClasses[p.low(i)]
		}
		p.classes[i] = c
	}
	return p.classes[i]
}

// pointExpr reads a point with what may lead it: a preposition and article, a mod ("in der
// ersten Jahreshälfte 2024", "am 30. Oktober 2024", "Ende 2022", "the 1990s").
func (p *parser) pointExpr(i int) (cand, int, bool) {
	j, lead := i, false
	if p.class(j)&wPrep != 0 {
		j, lead = j+1, true
	}
	the := p.is(j, "the")
	if the || (lead && p.in(j, articles)) {
		j++
	}
	pt, mod, end, ok := p.modPoint(j, lead)
	// "the 1990s", "in the year 2023", not "the 2024 election" or "in the 2024 election"
	if !ok || (the && mod == "" && pt.u <= uYear && (!lead || p.kindAt(j) == number)) {
		return cand{}, 0, false
	}
	_, at := p.mod(j)
	return cand{a: pt, mod: mod, at: at}, end, true
}

// sinceExpr reads "seit Juli 2023" and "since last year": an interval from the point to ref.
func (p *parser) sinceExpr(i int) (cand, int, bool) {
	if !p.is(i, "seit", "since") {
		return cand{}, 0, false
	}
	j := i + 1
	if p.is(j, "dem", "the") {
		j++
	}
	pt, _, end, ok := p.modPoint(j, true)
	_, at := p.mod(j)
	return cand{a: pt, since: true, at: at}, end, ok
}

// build returns the expression for c.
func (p *parser) build(c cand) Expr {
	e := c.a.expr(c.mod)
	switch {
	case c.b.u != 0:
		e = Expr{Value: c.a.value() + "/" + c.b.value(), From: c.a.from(), To: c.b.to()}
		e.Relative = c.a.rel || c.b.rel
	case !c.since:
	case p.ref.IsZero() || c.a.lo().After(p.ref):
		e.Mod, e.Value, e.To = "since", c.a.value()+"/..", ""
	default:
		e.Mod, e.To = "since", p.ref.Format(time.DateOnly)
		e.Value = c.a.value() + "/" + e.To
	}
	e.Start, e.End = c.start, c.end
	return e
}

// modPoint reads a point after an optional mod ("Ende", "early", "the end of", "Mitte der")
// and resolves it against ref if it lacks its year. lead tells that a preposition came before.
func (p *parser) modPoint(i int, lead bool) (pt point, mod string, end int, ok bool) {
	mod, j := p.mod(i)
	c := ctx{lead: lead || mod != ""}
	pt, end, ok = p.point(j, c)
	if mod != "" && p.is(j, "der", "des") { // "Mitte der 1990er Jahre"
		if pt2, end2, ok2 := p.point(j+1, c); ok2 && end2 > end {
			pt, end, ok = pt2, end2, true
		}
	}
	if !ok {
		return pt, "", 0, false
	}
	pt, ok = pt.resolve(p.ref)
	return pt, mod, end, ok
}

// mod reads a mod at i and returns it with the index after it, or "" and i.
func (p *parser) mod(i int) (string, int) {
	if p.class(i)&wMod == 0 {
		return "", i
	}
	w := p.low(i)
	if m, ok := mods[w]; ok {
		if w == "mid" && p.isPunct(i+1, "-") && p.glued(i+1) {
			return m, i + 2 // "mid-2023"
		}
		return m, i + 1
	}
	if m, ok := modsOf[w]; ok && p.is(i+1, "of") {
		if p.is(i+2, "the") {
			return m, i + 3
		}
		return m, i + 2
	}
	return "", i
}

// pick keeps the longest of overlapping expressions, in order. found is in order of start
// and end, so the ones that overlap one of them are its neighbours.
func pick(found []cand) []cand {
	order := make([]int, len(found))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return (found[b].end - found[b].start) - (found[a].end - found[a].start)
	})
	const chosen, blocked = 1, 2
	state := make([]uint8, len(found))
	for _, i := range order {
		if state[i] != 0 {
			continue
		}
		state[i] = chosen
		for k := i - 1; k >= 0 && found[k].end > found[i].start; k-- {
			state[k] = blocked
		}
		for k := i + 1; k < len(found) && found[k].start < found[i].end; k++ {
			state[k] = blocked
		}
	}
	out := found[:0]
	for i, c := range found {
		if state[i] == chosen {
			out = append(out, c)
		}
	}
	return out
}
