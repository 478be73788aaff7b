package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
	"github.com/secbrief/briefing/briefing/lexicon"
	"github.com/secbrief/briefing/briefing/quantity"
)

// figures turns the quantities of the corpus into figures with measure, subject, period and
// themes. The same figure stated by several documents becomes one figure with several sources.
func (c *corpus) figures(v *vocabulary) []briefing.Figure {
	var out []briefing.Figure
	index := map[string]int{}
	for si, s := range c.sents {
		for qi, q := range s.quantities {
			measure, from := c.measureFor(si, q)
			if !worthFigure(q, measure) {
				continue
			}
			f := briefing.Figure{
				Value: round(q.Value), Unit: q.Unit, Qualifier: q.Qualifier, Period: periodFor(s, qi),
				Themes: v.themeIDs(s), Text: s.text,
				Sources: []briefing.Source{{Doc: c.docs[s.doc].ID, Start: s.start, End: s.end}},
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
			f.Entities = c.entitiesFor(si, q, measure, v)
			f.Subject = subject(v, measure, q, f.Entities)
			if measure != nil {
				f.Measure = v.opt.Measures[measure.Group].ID
			}
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

// measureFor finds the measure of a quantity: the measure term nearest to it in its sentence,
// else one in the sentence before in the same paragraph ("Es betrug … 34,4 Millionen" after
// "… stieg das Handelsvolumen …"). Counts are measured by their own noun when it is a term.
func (c *corpus) measureFor(si int, q quantity.Quantity) (*measureHit, *sentence) {
	s := c.sents[si]
	if h := nearestMeasure(s, q); h != nil {
		return h, s
	}
	if q.Noun != "" {
		return nil, nil
	}
	if q.Noun == "" && si > 0 {
		prev := c.sents[si-1]
		if prev.doc == s.doc && prev.para == s.para && len(prev.measures) > 0 && len(prev.quantities) > 0 {
			last := prev.measures[len(prev.measures)-1]
			return &measureHit{Group: last.Group, tok: -1}, prev
		}
	}
	return nil, nil
}

// nearestMeasure returns the measure term of a sentence nearest to a quantity. A count is
// measured only by its own noun ("3.000 nordkoreanische Soldaten"), never by a term elsewhere
// in the sentence ("Die drei Verbündeten … Truppen").
func nearestMeasure(s *sentence, q quantity.Quantity) *measureHit {
	var best *measureHit
	bestDist := math.MaxInt
	for _, h := range s.measures {
		t := s.toks[h.First]
		inside := t.Start >= q.Start && t.Start < q.End
		if q.Noun != "" && !inside {
			continue
		}
		dist := distance(t.Start, s.toks[h.Last].End, q.Start, q.End)
		if dist < bestDist {
			best, bestDist = &measureHit{Group: h.Group, tok: h.First}, dist
		}
	}
	return best
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

// periodFor picks the date expression nearest to quantity qi. A conversion in parentheses
// counts as part of the quantity, and an expression between two quantities goes to the nearer
// one, so "von 3,8 Mrd. (…) zwischen 2016 und 2020 auf 38 Mrd. (…) zwischen 2021 und 2023"
// gives each amount its own period.
func periodFor(s *sentence, qi int) *briefing.Period {
	extent := func(q quantity.Quantity) (int, int) {
		if q.Conversion != nil {
			return q.Start, max(q.End, q.Conversion.End)
		}
		return q.Start, q.End
	}
	qs, qe := extent(s.quantities[qi])
	var best *dates.Expr
	bestDist := math.MaxInt
	for i := range s.exprs {
		e := &s.exprs[i]
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
	if best == nil || bestDist == math.MaxInt {
		return nil
	}
	return &briefing.Period{From: best.From, To: best.To}
}

// prepositions that introduce a place or a goal: an entity after them is not what a figure is
// about ("an die ukrainische Front").
var placePrepositions = map[string]bool{"an": true, "nach": true, "in": true, "gegen": true, "auf": true,
	"zu": true, "aus": true, "to": true, "into": true, "against": true, "from": true, "at": true}

// entitiesFor names what a figure is about, best evidence first: entities right next to the
// measure or the counted noun ("der südkoreanischen Militärexporte", "Wirtschaftsleistung des
// Nordens"), else the other entities of the sentence, else those of its paragraph. At most two.
func (c *corpus) entitiesFor(si int, q quantity.Quantity, m *measureHit, v *vocabulary) []string {
	s := c.sents[si]
	var near, other []int
	for _, h := range s.entities {
		t := s.toks[h.First]
		if t.Modifier || afterPlacePreposition(s, h.First) {
			continue
		}
		if isNear(s, h.First, q, m) {
			near = append(near, h.Group)
		} else {
			other = append(other, h.Group)
		}
	}
	groups := near
	if len(groups) == 0 {
		groups = other
	}
	for j := si - 1; len(groups) == 0 && j >= 0 && c.sents[j].doc == s.doc && c.sents[j].para == s.para; j-- {
		for _, h := range c.sents[j].entities {
			if !c.sents[j].toks[h.First].Modifier {
				groups = append(groups, h.Group)
			}
		}
	}
	var names []string
	for _, g := range groups {
		name := v.opt.Entities[g].Name
		if !slices.Contains(names, name) && len(names) < 2 {
			names = append(names, name)
		}
	}
	return names
}

// afterPlacePreposition reports whether token i follows a place preposition, directly or
// after an article ("an die ukrainische Front").
func afterPlacePreposition(s *sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		w := strings.ToLower(s.toks[j].Word)
		if placePrepositions[w] {
			return true
		}
		if !articles[w] {
			return false
		}
	}
	return false
}

var articles = map[string]bool{"der": true, "die": true, "das": true, "dem": true, "den": true, "des": true,
	"ein": true, "eine": true, "einer": true, "einem": true, "einen": true, "the": true, "a": true, "an": true}

// isNear reports whether token i stands within three words of the measure term or inside the
// quantity's own noun phrase.
func isNear(s *sentence, i int, q quantity.Quantity, m *measureHit) bool {
	t := s.toks[i]
	if t.Start >= q.Start && t.End <= q.End {
		return true
	}
	return m != nil && m.tok >= 0 && abs(i-m.tok) <= 3
}

// subject names what a figure measures: the measure's name (or the counted noun) and the
// entities it is about, "Rüstungsexporte Südkorea", "Handelsvolumen Russland–Nordkorea".
func subject(v *vocabulary, m *measureHit, q quantity.Quantity, entities []string) string {
	var head string
	switch {
	case m != nil:
		head = v.opt.Measures[m.Group].Name
	case q.Noun != "":
		head = q.Unit
	}
	return strings.TrimSpace(head + " " + strings.Join(entities, "–"))
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
	return fmt.Sprintf("%g|%g|%s|%s|%s|%s", f.Value, vm, lexicon.Fold(f.Unit), p, f.Measure, f.Qualifier)
}

func appendSource(list []briefing.Source, s briefing.Source) []briefing.Source {
	for _, x := range list {
		if x.Doc == s.Doc {
			return list
		}
	}
	return append(list, s)
}

// round removes floating-point noise from parsed values (3.8e9 rather than 3.8000000000000003e9).
func round(x float64) float64 {
	if x == 0 {
		return 0
	}
	mag := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-9)
	return math.Round(x/mag) * mag
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
