package analysis

// The period of a figure: the time expressions of its clause, and the era a story of the past
// is set in.

import (
	"math"
	"sort"
	"strings"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
	"github.com/secbrief/briefing/briefing/quantity"
)

// periodFor picks the date expression of quantity qi's clause (tokens first..last) nearest to
// it. A conversion in parentheses counts as part of the quantity, and an expression between
// two quantities goes to the nearer one, so "von 3,8 Mrd. (…) zwischen 2016 und 2020 auf 38
// Mrd. (…) zwischen 2021 und 2023" gives each amount its own period. An expression that opens
// the clause before its first quantity ("Since December 2023, the DPRK has transferred 20,000
// containers …, containing six million rounds") is the period of every quantity of the clause
// that has none nearer, as is one that closes a list ("three SLVs and 29 missiles … in this
// year alone"). An expression in another clause ("…, who spoke to the media today")
// is not the figure's period.
func periodFor(s *sentence, qi, first, last int) *briefing.Period {
	near := s.nearQuantities()
	cs, ce := s.toks[first].Start, s.toks[last].End
	qs, qe := extent(s.quantities[qi])
	var best *dates.Expr
	bestDist := math.MaxInt
	for i := range s.exprs {
		e := &s.exprs[i]
		if e.Start < cs || e.End > ce || possessiveAt(s.text, e.End) || reportedBetween(s, e.End, qs) {
			continue // "Today's decision brings the total to 77" is not dated today
		}
		d := distance(qs, qe, e.Start, e.End)
		other := near[i].d1
		if near[i].q1 == qi {
			other = near[i].d2
		}
		if other < d {
			d = math.MaxInt // another quantity is nearer
		}
		if d < bestDist || d == bestDist && best != nil && e.Start > best.Start {
			best, bestDist = e, d
		}
	}
	var lead *dates.Expr
	if best == nil || bestDist == math.MaxInt {
		lead = s.leadOf(first, last)
	}
	if (best == nil || bestDist == math.MaxInt) && qi > 0 && partOfBefore(s, s.quantities[qi].Start) {
		// "at least 12,456 civilians, including 669 children": the part has the whole's period.
		return periodFor(s, qi-1, first, last)
	}
	if best == nil || bestDist == math.MaxInt {
		best = lead
	}
	if best == nil {
		if y := sameYear(s, first, last, cs); y != "" {
			return &briefing.Period{From: y, To: y} // "… in August of 2022, … six launches that year"
		}
	}
	if best == nil {
		return nil
	}
	if best.Mod == "since" {
		// "seit Dezember 2023" runs to the document's date, which the reader sees beside it:
		// the period stays open rather than claiming the date as its end.
		return &briefing.Period{From: best.From}
	}
	return &briefing.Period{From: best.From, To: best.To}
}

// extent is a quantity's span with its conversion in parentheses.
func extent(q quantity.Quantity) (int, int) {
	if q.Conversion != nil {
		return q.Start, max(q.End, q.Conversion.End)
	}
	return q.Start, q.End
}

// exprNear is, for a time expression of a sentence, its nearest quantity and the distances of
// the nearest and the second nearest.
type exprNear struct {
	q1     int
	d1, d2 int
}

// nearQuantities returns, once per sentence, the nearest quantities of each expression, so
// that choosing periods stays linear in the expressions however many figures a sentence has.
func (s *sentence) nearQuantities() []exprNear {
	sc := s.scr()
	if sc.near != nil {
		return sc.near
	}
	sc.near = make([]exprNear, len(s.exprs))
	for i, e := range s.exprs {
		n := exprNear{q1: -1, d1: math.MaxInt, d2: math.MaxInt}
		for j, q := range s.quantities {
			qs, qe := extent(q)
			d := distance(qs, qe, e.Start, e.End)
			switch {
			case d < n.d1:
				n.d2, n.q1, n.d1 = n.d1, j, d
			case d < n.d2:
				n.d2 = d
			}
		}
		sc.near[i] = n
	}
	return sc.near
}

// leadOf returns the expression that opens or closes the clause first..last for all its
// quantities (see leads and trails), once per clause.
func (s *sentence) leadOf(first, last int) *dates.Expr {
	key := [2]int{first, last}
	sc := s.scr()
	if i, ok := sc.leads[key]; ok {
		if i < 0 {
			return nil
		}
		return &s.exprs[i]
	}
	if sc.leads == nil {
		sc.leads = map[[2]int]int{}
	}
	cs, ce := s.toks[first].Start, s.toks[last].End
	found := -1
	for i := range s.exprs {
		e := &s.exprs[i]
		if e.Start < cs || e.End > ce || possessiveAt(s.text, e.End) {
			continue
		}
		if leads(s, e, cs, ce) || trails(s, e, cs, ce, first, last) {
			found = i
			break
		}
	}
	sc.leads[key] = found
	if found < 0 {
		return nil
	}
	return &s.exprs[found]
}

// trails reports an expression that closes its clause after every quantity of a list that
// is not a change ("launched three SLVs and 29 ballistic missiles, including four ICBMs in
// this year alone"). In "rose from 3 bn to 5 bn in 2024" the year is only the second's.
func trails(s *sentence, e *dates.Expr, cs, ce, first, last int) bool {
	n := 0
	for _, q := range s.quantities {
		if q.Start >= cs && q.End <= ce {
			if q.End > e.Start {
				return false
			}
			n++
		}
	}
	if n < 2 {
		return false
	}
	var from, to bool
	for i := first; i <= last; i++ {
		w := s.toks[i].Folded
		if changeWords[w] {
			return false
		}
		from = from || w == "from" || w == "von" || w == "vom"
		to = to || w == "to" || w == "auf" || w == "bis"
	}
	return !(from && to)
}

// partOfBefore reports a quantity introduced as part of the one before it: "including",
// "among them", "darunter", "davon", "einschließlich".
func partOfBefore(s *sentence, start int) bool {
	before := strings.ToLower(strings.TrimRight(s.text[:start], " ,"))
	for _, w := range []string{"including", "among them", "of which", "darunter", "davon", "einschließlich", "inklusive"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// possessiveAt reports an English possessive ending at byte i ("Today's", "today’s").
func possessiveAt(text string, i int) bool {
	return strings.HasPrefix(text[i:], "'s ") || strings.HasPrefix(text[i:], "’s ")
}

// leads reports an expression that stands in its clause (bytes cs..ce) before every quantity
// of the clause, and not in a report of it: "In March, prosecutors reported that Russia had
// fired around 50 missiles since the invasion" dates the report, not the 50 missiles.
func leads(s *sentence, e *dates.Expr, cs, ce int) bool {
	firstQ := ce
	for _, q := range s.quantities {
		if q.Start >= cs && q.End <= ce {
			if q.Start < e.Start {
				return false
			}
			firstQ = min(firstQ, q.Start)
		}
	}
	return !reportedBetween(s, e.End, firstQ)
}

// reportedBetween reports a verb of saying between bytes a and b ("reported that", "said",
// "sagte, dass"): what stands before it dates the report, not what is reported.
// The tokens of saying are found once per sentence: a dense sentence asks for every pair of
// a time and a figure.
func reportedBetween(s *sentence, a, b int) bool {
	sc := s.scr()
	if sc.saying == nil {
		sc.saying = []int{}
		for i, t := range s.toks {
			if sayingVerbs[t.Folded] || speechVerbs[t.Folded] && i+1 < len(s.toks) && complementizers[s.toks[i+1].Folded] {
				sc.saying = append(sc.saying, i)
			}
		}
	}
	k := sort.Search(len(sc.saying), func(k int) bool { return s.toks[sc.saying[k]].Start >= a })
	return k < len(sc.saying) && s.toks[sc.saying[k]].End <= b
}

// sayingVerbs report what follows them, with or without "that".
var sayingVerbs = set(`said says stated told reported announced sagt sagte erklart erklarte meldete berichtete teilte`)

// complementizers open what a verb of saying reports: "reported that", "sagte, dass".
var complementizers = set("that dass")

// historicalContext reports a sentence without a time of its own next to, in the same
// paragraph, a sentence about a past era: "The conflict caused more than 1 million military
// deaths" after "The Korean War was fought … from 1950 to 1953". When that sentence has one
// time expression and it is a span, it is the period of the figure.
func (c *corpus) historicalContext(si int) (bool, *briefing.Period) {
	s := c.sents[si]
	if len(s.exprs) > 0 || presentTense(s) {
		return false, nil
	}
	if si > 0 {
		if prev := c.sents[si-1]; prev.doc == s.doc && prev.para == s.para {
			if allOld(prev) || historical(prev.toks, 0, len(prev.toks)-1, nil, prev.text) {
				if len(prev.exprs) == 1 && prev.exprs[0].From != prev.exprs[0].To {
					return true, &briefing.Period{From: prev.exprs[0].From, To: prev.exprs[0].To}
				}
				return true, nil
			}
		}
	}
	// The story may also be dated right after the figure: "Es war die chinesische Seite, die
	// mit drei Millionen Kämpfern … Nach dem Waffenstillstand im Jahr 1953 …".
	if si+1 < len(c.sents) {
		if next := c.sents[si+1]; next.doc == s.doc && next.para == s.para && allOld(next) {
			return true, nil
		}
	}
	return false, nil
}

// allOld reports a sentence whose time expressions all end before 2000 (and that has some).
func allOld(s *sentence) bool {
	for _, e := range s.exprs {
		if e.To == "" || e.To >= "2000" {
			return false
		}
	}
	return len(s.exprs) > 0
}

// presentTense reports a sentence that speaks of now ("28,500 U.S. troops are based in South
// Korea"): it does not continue a story of the past.
func presentTense(s *sentence) bool {
	for _, t := range s.toks {
		switch t.Folded {
		case "is", "are", "has", "have", "ist", "sind", "hat", "haben", "currently", "now", "today",
			"derzeit", "aktuell", "heute", "inzwischen", "mittlerweile":
			return true
		}
	}
	return false
}

// changeWords say that figures of a clause are before and after a change.
var changeWords = set(`stieg stiegen steigt gestiegen sank sanken sinkt gesunken wuchs wachst gewachsen fiel
	fielen erhohte erhoht verdoppelt rose rise rises risen fell fall falls fallen grew grow grows grown
	increased increase decreased decrease doubled dropped jumped`)

// sameYear returns the year a clause refers back to with "that year", "the same year", "im
// selben Jahr": the year of the last time expression of the sentence before the clause.
func sameYear(s *sentence, first, last, cs int) string {
	found := false
	for i := first; i < last; i++ {
		a, b := s.toks[i].Folded, s.toks[i+1].Folded
		if b == "year" && (a == "that" || a == "same") || b == "jahr" && (a == "selben" || a == "jenem" || a == "gleichen") {
			found = true
		}
	}
	if !found {
		return ""
	}
	year := ""
	for _, e := range s.exprs {
		if e.End <= cs && len(e.From) >= 4 && (e.To == "" || e.To[:min(4, len(e.To))] == e.From[:4]) {
			year = e.From[:4]
		}
	}
	return year
}
