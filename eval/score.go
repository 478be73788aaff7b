package eval

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/secbrief/briefing/briefing"
)

// Result is what one evaluation measured.
type Result struct {
	OnDocs, OffDocs int
	// Figures the program labelled with a measure in on-topic documents (one per source).
	Claims, ClaimsRight int
	// Annotated figures, and those the program found right in every field.
	Gold, GoldFound int
	// Why claims were wrong: field -> count (a claim can fail several fields).
	Failures map[string]int
	// Right claims that said less than the text settles: fewer entities, no direction.
	NoEntities, NoDirection int
	// Documents dated right (or left undated where the document does not say).
	Dated, DatedRight int
	// Annotated events; those the program has an event for, and those it dates right; events
	// of the program in annotated documents that no annotation names.
	GoldEvents, Events, EventsRight, ExtraEvents int
	// Annotated events that are spans, not points of the timeline.
	SpanEvents int
	// What came from off-topic documents.
	OffFigures, OffStatements, OffEvents int
	// Wrong claims and missed figures, for reading.
	Wrong, Missed                             []string
	BadDates                                  []string
	WrongEvents, MissedEvents, ExtraEventList []string
	// What the briefing built from the corpus shows.
	Briefing BriefingResult
}

// Precision is the share of labelled figures that are right.
func (r Result) Precision() float64 { return ratio(r.ClaimsRight, r.Claims) }

// Recall is the share of annotated figures found with every field right.
func (r Result) Recall() float64 { return ratio(r.GoldFound, r.Gold) }

// DateAccuracy is the share of documents dated right.
func (r Result) DateAccuracy() float64 { return ratio(r.DatedRight, r.Dated) }

// EventAccuracy is the share of annotated events dated right.
func (r Result) EventAccuracy() float64 { return ratio(r.EventsRight, r.Events) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Entities maps every name of an entity (in any language, lower case) to its id.
type Entities map[string]string

// claim is a labelled figure as stated at one source.
type claim struct {
	f     briefing.Figure
	start int
	end   int
	used  bool
}

// Score compares a model of the corpus with its annotation.
func Score(m *briefing.Model, g Gold, ents Entities) Result {
	r := Result{Failures: map[string]int{}}
	gold := map[string]GoldDoc{}
	for _, d := range g.Documents {
		gold[d.File] = d
	}
	docs := map[string]*briefing.Document{}
	for i := range m.Documents {
		docs[m.Documents[i].ID] = &m.Documents[i]
	}
	off := func(sources []briefing.Source) bool {
		for _, s := range sources {
			if d := docs[s.Doc]; d != nil && gold[d.Path].OffTopic() {
				return true
			}
		}
		return false
	}
	claims := map[string][]*claim{}
	for _, f := range m.Figures {
		if f.Measure == "" {
			continue
		}
		if off(f.Sources) {
			r.OffFigures++
		}
		for _, s := range f.Sources {
			d := docs[s.Doc]
			if d == nil || gold[d.Path].OffTopic() {
				continue
			}
			if _, ok := gold[d.Path]; !ok {
				continue
			}
			claims[d.Path] = append(claims[d.Path], &claim{f: f, start: s.Start, end: s.End})
		}
	}
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			if off(st.Sources) {
				r.OffStatements++
			}
		}
	}
	for _, e := range m.Events {
		if off(e.Sources) {
			r.OffEvents++
		}
	}
	for i := range m.Documents {
		d := &m.Documents[i]
		gd, ok := gold[d.Path]
		if !ok {
			continue
		}
		if gd.OffTopic() {
			r.OffDocs++
		} else {
			r.OnDocs++
		}
		r.scoreDate(d, gd)
		r.scoreEvents(d, gd, m.Events)
		if !gd.OffTopic() {
			r.scoreFigures(d, gd, claims[d.Path], ents)
		}
	}
	return r
}

func (r *Result) scoreDate(d *briefing.Document, gd GoldDoc) {
	r.Dated++
	if d.Date == gd.Date {
		r.DatedRight++
		return
	}
	r.BadDates = append(r.BadDates, fmt.Sprintf("%s: %q (%s), annotated %q", d.Path, d.Date, d.DateSource, gd.Date))
}

// scoreEvents pairs a document's annotated events with the program's events of the same
// sentence. The timeline holds points in time; an annotated span ("since 2022", "2010/2024")
// is not a timeline event and is counted apart. An annotated event the program dates otherwise
// is wrong; one it has no event for is missed; an event of the program in an annotated
// document that no annotation names is counted apart (its date may come from something that
// is not an event: a citation, a name, a deadline).
func (r *Result) scoreEvents(d *briefing.Document, gd GoldDoc, events []briefing.Event) {
	if !gd.eventsAnnotated {
		return
	}
	type ev struct {
		date       string
		start, end int
		used       bool
	}
	var mine []*ev
	for _, e := range events {
		for _, s := range e.Sources {
			if s.Doc == d.ID {
				mine = append(mine, &ev{date: e.Date, start: s.Start, end: s.End})
			}
		}
	}
	type goldAt struct {
		GoldEvent
		at   int
		done bool
	}
	var golds []*goldAt
	for _, ge := range gd.Events {
		if strings.Contains(ge.Date, "/") {
			r.SpanEvents++
			continue
		}
		r.GoldEvents++
		golds = append(golds, &goldAt{GoldEvent: ge, at: locate(d.Text, ge.Quote)})
	}
	in := func(g *goldAt, e *ev) bool { return g.at >= e.start && g.at < e.end }
	// First the events dated right, then the rest of each sentence.
	for _, g := range golds {
		for _, e := range mine {
			if !e.used && in(g, e) && e.date == g.Date {
				e.used, g.done = true, true
				r.Events++
				r.EventsRight++
				break
			}
		}
	}
	for _, g := range golds {
		if g.done {
			continue
		}
		var other *ev
		for _, e := range mine {
			if !e.used && in(g, e) {
				other = e
				break
			}
		}
		if other == nil {
			r.MissedEvents = append(r.MissedEvents, fmt.Sprintf("%s: %q (%s)", d.Path, g.Quote, g.Date))
			continue
		}
		other.used = true
		r.Events++
		r.WrongEvents = append(r.WrongEvents, fmt.Sprintf("%s: %q dated %s, annotated %s", d.Path, g.Quote, other.date, g.Date))
	}
	for _, e := range mine {
		if !e.used {
			r.ExtraEvents++
			r.ExtraEventList = append(r.ExtraEventList, fmt.Sprintf("%s: event dated %s in %q", d.Path, e.date, clip(d.Text[e.start:e.end])))
		}
	}
}

// scoreFigures pairs the document's annotated figures with the program's claims of the same
// value at the same place, then checks every field of each pair.
func (r *Result) scoreFigures(d *briefing.Document, gd GoldDoc, cs []*claim, ents Entities) {
	r.Claims += len(cs)
	for _, gf := range gd.Figures {
		r.Gold++
		at := locate(d.Text, gf.Quote)
		var best *claim
		for _, c := range cs {
			if c.used || !sameValue(c.f, gf) {
				continue
			}
			if at >= 0 && (at < c.start || at >= c.end) {
				continue
			}
			best = c
			break
		}
		if best == nil {
			r.Missed = append(r.Missed, fmt.Sprintf("%s: %q (%s %g %s)", d.Path, gf.Quote, gf.Measure, gf.Value, gf.Unit))
			continue
		}
		best.used = true
		fails, complete := check(best.f, gf, ents)
		if len(fails) == 0 {
			r.ClaimsRight++
			if complete {
				r.GoldFound++
			} else {
				r.Missed = append(r.Missed, fmt.Sprintf("%s: %q (found with fewer entities: %s; annotated %s)", d.Path, gf.Quote, describe(best.f), describeGold(gf)))
			}
			if len(best.f.Entities) < len(gf.Entities) {
				r.NoEntities++
			}
			if gf.From != "" && best.f.From == "" {
				r.NoDirection++
			}
			continue
		}
		for _, f := range fails {
			r.Failures[f]++
		}
		r.Wrong = append(r.Wrong, fmt.Sprintf("%s: %q -> %s [%s]", d.Path, gf.Quote, describe(best.f), strings.Join(fails, ", ")))
	}
	for _, c := range cs {
		if !c.used {
			r.Failures["not a figure of its measure"]++
			r.Wrong = append(r.Wrong, fmt.Sprintf("%s: %s in %q [not annotated]", d.Path, describe(c.f), clip(d.Text[c.start:c.end])))
		}
	}
}

// check returns the fields in which a claim contradicts the annotation, and whether it is
// complete (entities given where the annotation has them).
func check(f briefing.Figure, g GoldFigure, ents Entities) ([]string, bool) {
	var fails []string
	if f.Measure != g.Measure {
		fails = append(fails, "measure")
	}
	if !sameUnit(f.Unit, g.Unit) {
		fails = append(fails, "unit")
	}
	if period(f.Period) != g.Period {
		fails = append(fails, "period")
	}
	modality := f.Modality
	if modality == "" {
		modality = "reported"
	}
	if gm := cmpOr(g.Modality, "reported"); modality != gm {
		fails = append(fails, "modality")
	}
	// Naming fewer entities than the text settles is incomplete, not wrong; naming one the
	// annotation does not have is wrong.
	got, want := ids(f.Entities, ents), ids(g.Entities, ents)
	complete := sameSet(got, want) && (g.From == "" || f.From != "") && (g.To == "" || f.To != "")
	for _, e := range got {
		if !slices.Contains(want, e) {
			fails = append(fails, "entities")
			break
		}
	}
	// A direction the program leaves open is incomplete, one it gets wrong is wrong.
	if f.From != "" && ents.id(f.From) != ents.id(g.From) || f.To != "" && ents.id(f.To) != ents.id(g.To) {
		fails = append(fails, "direction")
	}
	return fails, complete
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (e Entities) id(name string) string {
	if name == "" {
		return ""
	}
	if id, ok := e[strings.ToLower(name)]; ok {
		return id
	}
	return "?" + strings.ToLower(name)
}

func ids(names []string, e Entities) []string {
	var out []string
	for _, n := range names {
		out = append(out, e.id(n))
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

func sameValue(f briefing.Figure, g GoldFigure) bool {
	if !near(f.Value, g.Value) {
		return false
	}
	fm, gm := 0.0, 0.0
	if f.ValueMax != nil {
		fm = *f.ValueMax
	}
	if g.ValueMax != nil {
		gm = *g.ValueMax
	}
	return near(fm, gm)
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}

// sameUnit compares the program's unit with the annotation's: currency codes, percent,
// kilometres, or a count of persons, objects or events (the program writes the counted noun).
func sameUnit(unit, gold string) bool {
	switch gold {
	case "percent":
		return unit == "%"
	case "persons", "objects", "events":
		return isCount(unit)
	}
	return unit == gold
}

func isCount(unit string) bool {
	if unit == "%" || unit == "pp" {
		return false
	}
	switch unit {
	case "km", "m", "t", "kt", "kg", "mi":
		return false
	}
	return !(len(unit) == 3 && strings.ToUpper(unit) == unit)
}

func period(p *briefing.Period) string {
	switch {
	case p == nil:
		return ""
	case p.From == p.To:
		return p.From
	}
	return p.From + "/" + p.To
}

func describe(f briefing.Figure) string {
	s := fmt.Sprintf("%s %g", f.Measure, f.Value)
	if f.ValueMax != nil {
		s += fmt.Sprintf("–%g", *f.ValueMax)
	}
	s += " " + f.Unit
	if p := period(f.Period); p != "" {
		s += " (" + p + ")"
	}
	if len(f.Entities) > 0 {
		s += " " + strings.Join(f.Entities, "/")
	}
	if f.From != "" || f.To != "" {
		s += " " + f.From + "→" + f.To
	}
	if f.Modality != "" && f.Modality != "reported" {
		s += " " + f.Modality
	}
	return s
}

// describeGold names the entities and direction an annotation gives, for the report of
// figures found with less than that.
func describeGold(g GoldFigure) string {
	s := "[" + strings.Join(g.Entities, ", ") + "]"
	if g.From != "" || g.To != "" {
		s += " " + g.From + "→" + g.To
	}
	return s
}

func clip(s string) string {
	if len(s) <= 120 {
		return s
	}
	cut := 117
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// locate finds a quote in a document's cleaned text, also when cleaning changed its spaces.
func locate(text, quote string) int {
	if i := strings.Index(text, quote); i >= 0 {
		return i
	}
	fields := strings.Fields(quote)
	if len(fields) == 0 {
		return -1
	}
	// The longest word with a digit is distinctive enough within one document.
	best := ""
	for _, f := range fields {
		if strings.ContainsAny(f, "0123456789") && len(f) > len(best) {
			best = f
		}
	}
	if best == "" {
		return -1
	}
	if strings.Count(text, best) == 1 {
		return strings.Index(text, best)
	}
	return -1
}

func sortStrings(s []string) { sort.Strings(s) }
