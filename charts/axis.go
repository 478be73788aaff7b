package charts

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2"

	"github.com/secbrief/briefing/numfmt"
)

// axis is the value axis of a chart: the scale its numbers are written in and its ticks.
type axis struct {
	lang   string
	unit   string  // the series' unit
	factor float64 // numbers are written divided by factor ...
	word   string  // ... followed by the scale word: "Mrd.", "bn", ""
	label  string  // the unit over the axis: "Mrd. US-Dollar", "USD bn", "%"
	max    float64 // the top of the range
	ticks  []chart.Tick
}

// newAxis returns the axis of a series, without ticks: the scale of its largest value.
func newAxis(s Series, lang string) axis {
	top := 0.0
	for _, b := range s.Bars {
		top = math.Max(top, b.Value)
	}
	f, w := numfmt.Scale(top, s.Unit, lang)
	return axis{lang: lang, unit: s.Unit, factor: f, word: w, label: numfmt.UnitLabel(s.Unit, f, lang)}
}

// setTop sets the range and ticks: from 0 in 4 to maxSteps nice steps (1, 2, 2.5 or 5 times
// a power of ten, in the axis' scale) to the least top at or above top.
func (a *axis) setTop(top float64, maxSteps int) error {
	target := top / a.factor
	if !(target > 0) {
		target = 1
	}
	step, n, ok := niceSteps(target, maxSteps)
	if !ok {
		return fmt.Errorf("value axis up to %g in at most %d steps: %w", target, maxSteps, ErrNoRoom)
	}
	a.ticks = a.ticks[:0]
	for i := 0; i <= n; i++ {
		v := float64(i) * step
		a.ticks = append(a.ticks, chart.Tick{Value: v * a.factor, Label: numfmt.Number(v, a.lang)})
	}
	a.max = float64(n) * step * a.factor
	return nil
}

// niceSteps returns the nice step and the number of steps, 4 to maxSteps, that reach target
// with the least top; on a tie, the more steps.
func niceSteps(target float64, maxSteps int) (step float64, n int, ok bool) {
	base := math.Pow(10, math.Floor(math.Log10(target/10)))
	best := math.Inf(1)
	for _, m := range []float64{1, 2, 2.5, 5, 10, 20, 25, 50, 100} {
		s := m * base
		k := int(math.Ceil(target/s - 1e-9))
		if k >= 4 && k <= maxSteps && float64(k)*s < best*(1-1e-9) {
			step, n, ok, best = s, k, true, float64(k)*s
		}
	}
	return step, n, ok
}

// short writes a value in the axis' scale, without the unit the axis names: "3,8 Mrd.",
// "USD" left out; "10 %" for percent. hi > lo writes a range: "1,7–5,5 Mrd.".
func (a axis) short(lo, hi float64) string {
	n := numfmt.Number(lo/a.factor, a.lang)
	if hi > lo {
		n += "–" + numfmt.Number(hi/a.factor, a.lang)
	}
	switch {
	case a.word != "":
		return n + " " + a.word
	case a.unit == "%" && a.lang == "en":
		return n + "%"
	case a.unit == "%":
		return n + " %"
	}
	return n
}

// perYear writes an average per year: "≈ 0,76 Mrd./Jahr", "≈ 0.76 bn/yr".
func (a axis) perYear(v float64) string {
	if a.lang == "en" {
		return "≈ " + a.short(v, v) + "/yr"
	}
	return "≈ " + a.short(v, v) + "/Jahr"
}
