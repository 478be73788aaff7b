package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
	"github.com/secbrief/briefing/briefing/lexicon"
	"github.com/secbrief/briefing/briefing/quantity"
)

// figures turns the quantities of the corpus into figures with measure, subject, period,
// direction and modality. The same figure stated by several documents becomes one figure
// with several sources. Measure, entities, direction and modality are read from the figure's
// own clause; where it does not settle them they stay empty.
func (c *corpus) figures(v *vocabulary) []briefing.Figure {
	var out []briefing.Figure
	index := map[string]int{}
	for si, s := range c.sents {
		for qi, q := range s.quantities {
			qa, qb := tokenAt(s.toks, q.Start), tokenAt(s.toks, max(q.Start, q.End-1))
			first, last := clause(s.toks, s.text, qa, qb)
			measure, from := c.measureFor(si, q, first, last, v)
			if !worthFigure(q, measure) {
				continue
			}
			f := briefing.Figure{
				Value: round(q.Value), Unit: q.Unit, Qualifier: q.Qualifier, Period: periodFor(s, qi, first, last),
				Themes: v.themeIDs(s), Text: s.text, Words: s.text[q.Start:q.End],
				Sources: []briefing.Source{{Doc: c.docs[s.doc].ID, Start: s.start, End: s.end}},
			}
			if q.Unit == "mi" {
				// Miles in kilometres, to a tenth: what a German or English reader compares.
				f.Value, f.Unit = math.Round(q.Value*16.09344)/10, "km"
			}
			f.Modality = modalityOf(s.toks, first, last, qa, qb, f.Period, s.text)
			if f.Period == nil && (f.Modality == briefing.ModalityReported || f.Modality == briefing.ModalityEstimate) {
				if hist, p := c.historicalContext(si); hist {
					f.Modality, f.Period = briefing.ModalityHistorical, p
				}
			}
			if q.ValueMax > 0 {
				vm := round(q.ValueMax)
				f.ValueMax = &vm
			}
			if from != nil && from != s {
				f.Themes = union(f.Themes, v.themeIDs(from))
			}
			if len(f.Themes) == 0 {
				f.Themes = c.paragraphThemes(si, v)
			}
			if measure != nil {
				m := v.opt.Measures[measure.Group]
				f.Measure = m.ID
				f.From, f.To, f.Entities = attribution(s, first, last, qa, qb, measure, v, c.antecedent(si, v))
				if isCountKind(m.Kind) {
					// In the briefing's language: "Soldaten", not "troops"; "soldiers" in English.
					f.Unit = m.Name
					if v.opt.Language == "en" {
						f.Unit = strings.ToLower(m.Name)
					}
				}
			}
			f.Subject = subject(v, measure, q, f)
			key := figureKey(f)
			if k, ok := index[key]; ok {
				out[k].Sources = appendSource(out[k].Sources, f.Sources[0])
				continue
			}
			index[key] = len(out)
			out = append(out, f)
		}
	}
	if out == nil {
		out = []briefing.Figure{}
	}
	return out
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

// changeWords say that figures of a clause are before and after a change.
var changeWords = set(`stieg stiegen steigt gestiegen sank sanken sinkt gesunken wuchs wachst gewachsen fiel
	fielen erhohte erhoht verdoppelt rose rise rises risen fell fall falls fallen grew grow grows grown
	increased increase decreased decrease doubled dropped jumped`)

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
// of the clause.
func leads(s *sentence, e *dates.Expr, cs, ce int) bool {
	for _, q := range s.quantities {
		if q.Start >= cs && q.End <= ce && q.Start < e.Start {
			return false
		}
	}
	return true
}

// historicalContext reports a sentence without a time of its own that follows, in the same
// paragraph, a sentence about a past era: "The conflict caused more than 1 million military
// deaths" after "The Korean War was fought … from 1950 to 1953". When that sentence has one
// time expression and it is a span, it is the period of the figure.
func (c *corpus) historicalContext(si int) (bool, *briefing.Period) {
	s := c.sents[si]
	if len(s.exprs) > 0 || si == 0 || presentTense(s) {
		return false, nil
	}
	prev := c.sents[si-1]
	if prev.doc != s.doc || prev.para != s.para {
		return false, nil
	}
	old := len(prev.exprs) > 0
	for _, e := range prev.exprs {
		old = old && e.To != "" && e.To < "2000"
	}
	if !old && !historical(prev.toks, 0, len(prev.toks)-1, nil, prev.text) {
		return false, nil
	}
	if len(prev.exprs) == 1 && prev.exprs[0].From != prev.exprs[0].To && prev.exprs[0].To != "" && prev.exprs[0].To < "2000" {
		return true, &briefing.Period{From: prev.exprs[0].From, To: prev.exprs[0].To}
	}
	return true, nil
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

// paragraphThemes returns the themes of the other sentences of a sentence's paragraph, for a
// figure whose own sentence names none ("Selbst ihre konservativste Schätzung …").
func (c *corpus) paragraphThemes(si int, v *vocabulary) []string {
	s := c.sents[si]
	ids := []string{}
	for j := si - 1; j >= 0 && c.sents[j].doc == s.doc && c.sents[j].para == s.para; j-- {
		ids = union(ids, v.themeIDs(c.sents[j]))
	}
	for j := si + 1; j < len(c.sents) && c.sents[j].doc == s.doc && c.sents[j].para == s.para; j++ {
		ids = union(ids, v.themeIDs(c.sents[j]))
	}
	return ids
}

// worthFigure keeps money, percentages, measures and counts written in digits; small counts
// written as words without a measure ("zwei Faktoren", "drei Seiten") are left out.
func worthFigure(q quantity.Quantity, measure *measureHit) bool {
	switch {
	case q.Noun == "" || measure != nil:
		return true
	case q.Word && q.Value < 10 && q.Qualifier == "":
		return false
	}
	return true
}

// measureHit is a measure named in a sentence.
type measureHit struct {
	Group int
	tok   int
}

// measureFor finds the measure of a quantity. A count is measured by its own noun only
// ("3.000 nordkoreanische Soldaten"), never by a term elsewhere ("zwei Tore … Treffen"). An
// amount, a share or a distance is measured by the nearest term of its clause whose kind
// fits its unit; when the sentence names no measure at all, by the last one of the sentence
// before in the same paragraph ("… stieg das Handelsvolumen … Es betrug 34,4 Millionen").
func (c *corpus) measureFor(si int, q quantity.Quantity, first, last int, v *vocabulary) (*measureHit, *sentence) {
	s := c.sents[si]
	if h := nearestMeasure(s, q, first, last, v); h != nil {
		return h, s
	}
	if q.Noun != "" {
		for i := first; i <= last; i++ {
			if g, ok := v.verbs[s.toks[i].Folded]; ok && isCountKind(v.opt.Measures[g].Kind) && !measureNoun(s, q) {
				return &measureHit{Group: g, tok: -1}, s
			}
		}
	}
	if q.Noun != "" || len(s.measures) > 0 || si == 0 {
		return nil, nil
	}
	prev := c.sents[si-1]
	if prev.doc == s.doc && prev.para == s.para && len(prev.measures) > 0 && len(prev.quantities) > 0 {
		last := prev.measures[len(prev.measures)-1]
		if fits(v.opt.Measures[last.Group].Kind, q) {
			return &measureHit{Group: last.Group, tok: -1}, prev
		}
	}
	return nil, nil
}

// measureNoun reports a count whose own noun is a measure term of another kind (which fits
// no measure here): such a count is not made a figure by a verb.
func measureNoun(s *sentence, q quantity.Quantity) bool {
	for _, h := range s.measures {
		if t := s.toks[h.First]; t.Start >= q.Start && t.Start < q.End {
			return true
		}
	}
	return false
}

// nearestMeasure returns the measure term of a quantity's clause nearest to it whose kind
// fits the quantity.
func nearestMeasure(s *sentence, q quantity.Quantity, first, last int, v *vocabulary) *measureHit {
	var best *measureHit
	bestDist := math.MaxInt
	for _, h := range s.measures {
		t := s.toks[h.First]
		inside := t.Start >= q.Start && t.Start < q.End
		if q.Noun != "" && !inside || q.Noun == "" && (h.First < first || h.Last > last) {
			continue
		}
		if !fits(v.opt.Measures[h.Group].Kind, q) {
			continue
		}
		dist := distance(t.Start, s.toks[h.Last].End, q.Start, q.End)
		if dist < bestDist {
			best, bestDist = &measureHit{Group: h.Group, tok: h.First}, dist
		}
	}
	return best
}

// fits reports whether a quantity's unit fits a measure's kind.
func fits(kind string, q quantity.Quantity) bool {
	switch kind {
	case "":
		return true
	case KindMoney:
		return q.Noun == "" && isCurrency(q.Unit)
	case KindPercent:
		return q.Unit == "%"
	case KindDistance:
		return q.Unit == "km" || q.Unit == "m" || q.Unit == "mi"
	}
	return q.Noun != "" // persons, objects, events: a count of the measure's noun
}

func isCountKind(kind string) bool {
	return kind == KindPersons || kind == KindObjects || kind == KindEvents
}

func isCurrency(unit string) bool {
	if len(unit) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if unit[i] < 'A' || unit[i] > 'Z' {
			return false
		}
	}
	return true
}

// distance is the gap in bytes between two spans, 0 when they overlap.
func distance(aStart, aEnd, bStart, bEnd int) int {
	switch {
	case aEnd <= bStart:
		return bStart - aEnd
	case bEnd <= aStart:
		return aStart - bEnd
	}
	return 0
}

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
	extent := func(q quantity.Quantity) (int, int) {
		if q.Conversion != nil {
			return q.Start, max(q.End, q.Conversion.End)
		}
		return q.Start, q.End
	}
	cs, ce := s.toks[first].Start, s.toks[last].End
	qs, qe := extent(s.quantities[qi])
	var best, lead *dates.Expr
	bestDist := math.MaxInt
	for i := range s.exprs {
		e := &s.exprs[i]
		if e.Start < cs || e.End > ce || possessiveAt(s.text, e.End) {
			continue // "Today's decision brings the total to 77" is not dated today
		}
		if (leads(s, e, cs, ce) || trails(s, e, cs, ce, first, last)) && (lead == nil || e.Start < lead.Start) {
			lead = e
		}
		d := distance(qs, qe, e.Start, e.End)
		for j, other := range s.quantities {
			if j == qi {
				continue
			}
			os, oe := extent(other)
			if distance(os, oe, e.Start, e.End) < d {
				d = math.MaxInt
			}
		}
		if d < bestDist || d == bestDist && best != nil && e.Start > best.Start {
			best, bestDist = e, d
		}
	}
	if (best == nil || bestDist == math.MaxInt) && qi > 0 && partOfBefore(s, s.quantities[qi].Start) {
		// "at least 12,456 civilians, including 669 children": the part has the whole's period.
		return periodFor(s, qi-1, first, last)
	}
	if best == nil || bestDist == math.MaxInt {
		best = lead
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

// subject names what a figure measures: the measure's name (or the counted noun) and the
// entities it is about, "Rüstungsexporte Südkorea", "Waffenlieferungen Nordkorea → Russland".
func subject(v *vocabulary, m *measureHit, q quantity.Quantity, f briefing.Figure) string {
	var head string
	switch {
	case m != nil:
		head = v.opt.Measures[m.Group].Name
	case q.Noun != "":
		head = q.Unit
	}
	switch {
	case f.From != "" && f.To != "":
		return head + " " + f.From + " → " + f.To
	case f.To != "":
		return head + " → " + f.To
	case f.From != "":
		return head + " " + f.From
	}
	return strings.TrimSpace(head + " " + strings.Join(f.Entities, "–"))
}

func figureKey(f briefing.Figure) string {
	vm := 0.0
	if f.ValueMax != nil {
		vm = *f.ValueMax
	}
	p := ""
	if f.Period != nil {
		p = f.Period.From + "/" + f.Period.To
	}
	return fmt.Sprintf("%g|%g|%s|%s|%s|%s|%s|%s", f.Value, vm, lexicon.Fold(f.Unit), p, f.Measure, f.Qualifier, f.Modality, f.Subject)
}

func appendSource(list []briefing.Source, s briefing.Source) []briefing.Source {
	for _, x := range list {
		if x.Doc == s.Doc {
			return list
		}
	}
	return append(list, s)
}

// round removes floating-point noise from parsed values (3.8e9 rather than 3.8000000000000003e9,
// 12000 rather than 12000.000000000002): ten significant digits are more than any text gives.
func round(x float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 10, 64), 64)
	if err != nil {
		return x
	}
	return r
}

func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
