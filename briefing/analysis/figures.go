package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/secbrief/briefing/briefing"
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
	// cited marks the documents each figure cites: a figure that thousands of reposts state
	// gains each document once, without a scan of its list.
	type citation struct {
		figure int
		doc    string
	}
	cited := map[citation]bool{}
	for si, s := range c.sents {
		if c.stopped(si) {
			break
		}
		for qi, q := range s.quantities {
			qa, qb := tokenAt(s.toks, q.Start), tokenAt(s.toks, max(q.Start, q.End-1))
			first, last := s.clause(qa, qb)
			measure, from := c.measureFor(si, q, first, last, v)
			if measure != nil && equipment(s, qa, last) {
				// "the missile, which was equipped with six warheads": what one weapon carries,
				// not a count of the measure (an arsenal, a delivery).
				measure, from = nil, nil
			}
			if !worthFigure(q, measure) {
				continue
			}
			f := briefing.Figure{
				Value: round(q.Value), Unit: q.Unit, Qualifier: q.Qualifier, Period: periodFor(s, qi, first, last),
				Themes: v.themeIDs(s), Text: s.text, Words: s.text[q.Start:q.End],
				Sources: []briefing.Source{{Doc: c.docs[s.doc].ID, Start: s.start, End: s.end}},
			}
			if q.ValueMax > 0 {
				vm := round(q.ValueMax)
				f.ValueMax = &vm
			}
			if q.Unit == "mi" {
				// Miles in kilometres, to a tenth: what a German or English reader compares.
				f.Value, f.Unit = miles(q.Value), "km"
				if f.ValueMax != nil {
					vm := miles(*f.ValueMax)
					f.ValueMax = &vm
				}
			}
			if f.Qualifier == "" && added(s, qa, qb) {
				f.Qualifier = "additional" // "nine additional individuals", "weitere 5.000 Soldaten"
			}
			f.Modality = modalityOf(s.toks, first, last, qa, qb, f.Period, s.text)
			if f.Period == nil && (f.Modality == briefing.ModalityReported || f.Modality == briefing.ModalityEstimate) {
				if hist, p := c.historicalContext(si); hist {
					f.Modality, f.Period = briefing.ModalityHistorical, p
				}
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
				f.From, f.To, f.Entities = attribution(s, first, last, qa, qb, measure, v, func() string { return c.antecedent(si, v) })
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
				if c := (citation{k, f.Sources[0].Doc}); !cited[c] {
					cited[c] = true
					out[k].Sources = append(out[k].Sources, f.Sources[0])
				}
				continue
			}
			cited[citation{len(out), f.Sources[0].Doc}] = true
			index[key] = len(out)
			out = append(out, f)
		}
	}
	if out == nil {
		out = []briefing.Figure{}
	}
	for i := range out {
		out[i].Background = true
		for _, s := range out[i].Sources {
			if d := c.doc(s.Doc); d != nil && !d.Background {
				out[i].Background = false
			}
		}
	}
	return out
}

// doc returns the document of an id.
func (c *corpus) doc(id string) *briefing.Document {
	if c.byID == nil {
		c.byID = make(map[string]*briefing.Document, len(c.docs))
		for i := range c.docs {
			c.byID[c.docs[i].ID] = &c.docs[i]
		}
	}
	return c.byID[id]
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
// ("3.000 nordkoreanische Soldaten"), never by a term elsewhere ("zwei Tore … Treffen"), or by
// a verb of a measure in its clause ("13 Zivilisten wurden getötet"; for counts of people, only
// when the noun names people). An
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
			if g, ok := v.verbs[s.toks[i].Folded]; ok && isCountKind(v.opt.Measures[g].Kind) && !measureNoun(s, q) &&
				(v.opt.Measures[g].Kind != KindPersons || isPersonNoun(q.Noun)) {
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

// equipWords say that something is fitted with what the count counts.
var equipWords = set("equipped armed tipped fitted ausgestattet bestuckt bewaffnet ausgerustet")

// equipment reports a count that says what a thing is equipped with: "equipped with six
// warheads", "armed with two missiles", "mit sechs Sprengköpfen bestückt".
func equipment(s *sentence, qa, last int) bool {
	j := qa - 1
	for j >= 0 && (s.toks[j].Folded == "up" || s.toks[j].Folded == "to" || s.toks[j].Folded == "bis" || s.toks[j].Folded == "zu") {
		j-- // "equipped with up to six", "mit bis zu sechs"
	}
	if j < 1 {
		return false
	}
	switch s.toks[j].Folded {
	case "with":
		return equipWords[s.toks[j-1].Folded]
	case "mit":
		for k := qa + 1; k <= min(last, qa+4); k++ {
			if equipWords[s.toks[k].Folded] {
				return true
			}
		}
	}
	return false
}

// personNouns are counted nouns that name people: only they are made casualties by a verb
// ("11 Resolutionen … verletzt" are not, "13 Zivilisten … verletzt" are).
var personNouns = set(`menschen personen zivilisten zivilpersonen kinder frauen manner einwohner bewohner
	burger beamte beamten mitarbeiter arbeiter helfer journalisten opfer fluchtlinge gefangene soldaten
	kampfer people persons civilians children women men residents inhabitants citizens officials
	workers journalists refugees prisoners soldiers troops fighters victims`)

func isPersonNoun(noun string) bool { return personNouns[lexicon.Fold(noun)] }

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
	return fmt.Sprintf("%g|%g|%s|%s|%s|%s|%s|%s|%s|%s", f.Value, vm, lexicon.Fold(f.Unit), p, f.Measure, f.Qualifier, f.Modality, f.Subject, f.From, f.To)
}

// added reports a figure that counts what was added, not a total: "nine additional
// individuals", "a further six", "weitere 5.000 Soldaten".
func added(s *sentence, qa, qb int) bool {
	for i := max(0, qa-2); i <= min(qb, len(s.toks)-1); i++ {
		switch s.toks[i].Folded {
		case "additional", "further", "another", "weitere", "weiteren", "weiterer", "zusatzliche", "zusatzlichen", "zusatzlich":
			return true
		}
	}
	return false
}

// miles returns a length in miles in kilometres, to a tenth.
func miles(v float64) float64 { return math.Round(v*16.09344) / 10 }

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
