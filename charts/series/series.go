// Package series selects the figures of a chart: Select builds a Series from figures, one bar
// per period, labelled as readers read the period, with the average per year when the periods
// differ in length. It is data for the content plan; package charts draws it.
package series

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/numfmt"
)

// Selection picks the figures of a chart; empty lists do not filter.
type Selection struct {
	Measures     []string // figure.Measure in
	Themes       []string // figure.Themes intersects
	Units        []string // figure.Unit in
	SubjectTerms []string // figure.Subject contains one of them (case-insensitive)
}

// matches reports whether f is selected. Only reported figures are drawn: an estimate, a
// target, a hypothetical, negated or historical figure is never a bar among facts.
func (s Selection) matches(f briefing.Figure) bool {
	if f.Modality != "" && f.Modality != briefing.ModalityReported {
		return false
	}
	if len(s.Measures) > 0 && !slices.Contains(s.Measures, f.Measure) {
		return false
	}
	if len(s.Themes) > 0 && !slices.ContainsFunc(f.Themes, func(t string) bool { return slices.Contains(s.Themes, t) }) {
		return false
	}
	if len(s.Units) > 0 && !slices.Contains(s.Units, f.Unit) {
		return false
	}
	if len(s.SubjectTerms) > 0 {
		subject := strings.ToLower(f.Subject)
		return slices.ContainsFunc(s.SubjectTerms, func(t string) bool {
			return strings.Contains(subject, strings.ToLower(t))
		})
	}
	return true
}

// Bar is one figure in a chart.
type Bar struct {
	Label   string          // the period as readers read it (numfmt.Period)
	Value   float64         // the reported value
	Years   float64         // length of its period in years
	PerYear float64         // Value / Years, set only when the bars' periods differ in length
	Figure  briefing.Figure // the figure, for its text and sources
}

// Series is the data of one chart.
type Series struct {
	Unit         string
	Bars         []Bar
	MixedPeriods bool // periods of different lengths: PerYear is set and must be shown
}

// Select returns the series of a selection: only figures with a period (bars are labelled by
// their period), one bar per period (when two figures give the same period, keep the one with
// more sources, then the first), sorted by period start, at most maxBars (the latest ones).
//
// A period must have a known length (numfmt.Years > 0): open periods ("seit Juli 2023") are
// left out. A chart has one unit: when the selected figures have several, the unit of most
// figures is kept (on a tie, the first one's). Periods sort by their ISO dates, From then To.
// maxBars ≤ 0 means no limit. lang is the language of the labels ("de" or "en").
func Select(figs []briefing.Figure, sel Selection, lang string, maxBars int) Series {
	var picked []briefing.Figure
	for _, f := range figs {
		if f.Period != nil && sel.matches(f) && numfmt.Years(*f.Period) > 0 {
			picked = append(picked, f)
		}
	}
	unit := mainUnit(picked)
	picked = slices.DeleteFunc(picked, func(f briefing.Figure) bool { return f.Unit != unit })
	picked = onePerPeriod(picked)
	slices.SortStableFunc(picked, func(a, b briefing.Figure) int {
		return cmp.Or(cmp.Compare(a.Period.From, b.Period.From), cmp.Compare(a.Period.To, b.Period.To))
	})
	if maxBars > 0 && len(picked) > maxBars {
		picked = picked[len(picked)-maxBars:]
	}

	s := Series{Unit: unit}
	for _, f := range picked {
		s.Bars = append(s.Bars, Bar{
			Label:  numfmt.Period(f.Period, lang),
			Value:  f.Value,
			Years:  numfmt.Years(*f.Period),
			Figure: f,
		})
	}
	for _, b := range s.Bars {
		if math.Abs(b.Years-s.Bars[0].Years) > 1e-9 {
			s.MixedPeriods = true
		}
	}
	if s.MixedPeriods {
		for i := range s.Bars {
			s.Bars[i].PerYear = s.Bars[i].Value / s.Bars[i].Years
		}
	}
	return s
}

// mainUnit returns the unit of most figures, on a tie the one that comes first.
func mainUnit(figs []briefing.Figure) string {
	count := map[string]int{}
	for _, f := range figs {
		count[f.Unit]++
	}
	best := ""
	for i, f := range figs {
		if i == 0 || count[f.Unit] > count[best] {
			best = f.Unit
		}
	}
	return best
}

// onePerPeriod keeps one figure per period: the one with more sources, then the first. The
// kept figures stay in their order.
func onePerPeriod(figs []briefing.Figure) []briefing.Figure {
	keep := map[briefing.Period]int{} // period -> index in out
	var out []briefing.Figure
	for _, f := range figs {
		i, seen := keep[*f.Period]
		switch {
		case !seen:
			keep[*f.Period] = len(out)
			out = append(out, f)
		case len(f.Sources) > len(out[i].Sources):
			out[i] = f
		}
	}
	return out
}
