package charts

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Print sizes: lengths in millimetres, font sizes in points.
const (
	marginMM   = 1.5 // around the chart
	unitGapMM  = 2.5 // under the unit label
	axisGapMM  = 1.5 // between the baseline and the period labels
	valueGapMM = 0.8 // between a bar and its value label
	labelGapMM = 1.5 // between the labels of neighbouring bars
	minSlotMM  = 6   // the narrowest room for a bar and its labels
	maxBarMM   = 22  // the widest bar
	barShare   = 0.6 // of its room
	gridMM     = 0.2
	baselineMM = 0.3
	knockoutMM = 0.5 // white around value labels, where they cross grid lines

	tickPt = 7.0
)

var (
	labelSizes = []float64{7.5, 7, 6.5, 6} // for value and period labels, largest first
	unitSizes  = []float64{7, 6.5, 6}
)

// Colours: a dark blue for bars, greys for everything else, on white.
var (
	white     = drawing.ColorWhite
	barColor  = drawing.Color{R: 0x1f, G: 0x4e, B: 0x79, A: 255}
	textColor = drawing.Color{R: 0x26, G: 0x26, B: 0x26, A: 255}
	mutedText = drawing.Color{R: 0x59, G: 0x59, B: 0x59, A: 255}
	gridColor = drawing.Color{R: 0xd9, G: 0xd9, B: 0xd9, A: 255}
	axisColor = drawing.Color{R: 0x80, G: 0x80, B: 0x80, A: 255}
)

// plan is the layout of a chart in pixels, worked out before go-chart draws it: go-chart
// places the canvas by padding and by measuring the tick labels, and plan predicts that
// canvas in order to wrap labels and leave room for them.
type plan struct {
	width, height int
	dpi           float64
	mm            func(float64) int // millimetres to pixels
	fonts         fontSet
	axis          axis
	pad           chart.Box // the background padding
	canvas        chart.Box // the canvas go-chart will compute
	barWidth      int
	barSpacing    int
	bars          []float64 // the bars' values
	unit          block     // the unit label, over the value axis
	values        []block   // per bar: the value and the average per year
	periods       []block   // per bar: the period
	drawn         chart.Box
}

// newPlan lays out a series for o. o is valid and the series has bars with finite values ≥ 0.
func newPlan(s Series, o Options, lang string, fs fontSet) (*plan, error) {
	dpmm := o.DPI / 25.4
	p := &plan{
		width:  int(math.Round(o.WidthMM*dpmm)) + o.ExtraWidthPx,
		height: int(math.Round(o.HeightMM * dpmm)),
		dpi:    o.DPI,
		mm:     func(v float64) int { return int(math.Round(v * dpmm)) },
		fonts:  fs,
		axis:   newAxis(s, lang),
	}
	for _, b := range s.Bars {
		p.bars = append(p.bars, b.Value)
	}
	m, err := newMeasurer(o.DPI)
	if err != nil {
		return nil, err
	}
	margin := p.mm(marginMM)
	p.pad = chart.Box{Top: margin, Left: margin, Right: margin, IsSet: true}
	if p.axis.label != "" {
		unit, err := m.layoutAll([][]para{{{text: p.axis.label, font: fs.regular, color: mutedText}}},
			unitSizes, p.width-2*margin, 1)
		if err != nil {
			return nil, fmt.Errorf("unit label %q: %w", p.axis.label, err)
		}
		p.unit = unit[0]
		p.pad.Top += p.unit.height + p.mm(unitGapMM)
	}

	values, periods := p.labels(s)
	zeroHeight := m.box(fs.regular, tickPt, "0").Height()
	_, tickLine := metrics(tickPt, o.DPI)
	tickWidth := m.width(fs.regular, tickPt, "0")
	for range 6 { // the tick labels' width and the ticks depend on each other
		left := margin + chart.DefaultYAxisMargin + tickWidth
		slot := (p.width - margin - left) / len(s.Bars)
		if slot < p.mm(minSlotMM) {
			return nil, fmt.Errorf("%d bars in %g mm: %w", len(s.Bars), o.WidthMM, ErrNoRoom)
		}
		p.barWidth = min(int(math.Round(barShare*float64(slot))), p.mm(maxBarMM))
		p.barSpacing = slot - p.barWidth
		labelWidth := slot - p.mm(labelGapMM)
		if p.periods, err = m.layoutAll(periods, labelSizes, labelWidth, 3); err != nil {
			return nil, fmt.Errorf("period labels: %w", err)
		}
		if p.values, err = m.layoutAll(values, labelSizes, labelWidth, 4); err != nil {
			return nil, fmt.Errorf("value labels: %w", err)
		}
		below := 0
		for _, b := range p.periods {
			below = max(below, b.height)
		}
		// go-chart raises the canvas bottom by half the "0" label's height.
		p.pad.Bottom = p.mm(axisGapMM) + below + margin - zeroHeight/2
		// The canvas is at least this high: the top and bottom tick labels take half their
		// height each, less than a line.
		least := p.height - p.pad.Top - p.pad.Bottom - tickLine
		top, err := p.headroom(s, least)
		if err != nil {
			return nil, err
		}
		// Tick labels at least 1.6 lines apart.
		if err := p.axis.setTop(top, min(6, int(float64(least)/(1.6*float64(tickLine))))); err != nil {
			return nil, err
		}
		widest := 0
		for _, t := range p.axis.ticks {
			widest = max(widest, m.width(fs.regular, tickPt, t.Label))
		}
		if widest == tickWidth {
			topLabel := p.axis.ticks[len(p.axis.ticks)-1].Label
			p.canvas = chart.Box{
				Top:    p.pad.Top + m.box(fs.regular, tickPt, topLabel).Height()/2,
				Left:   left,
				Right:  p.width - margin,
				Bottom: p.height - p.pad.Bottom - zeroHeight/2,
			}
			return p, nil
		}
		tickWidth = widest
	}
	return nil, fmt.Errorf("value axis labels do not settle: %w", ErrNoRoom)
}

// labels returns the paragraphs of the value and period labels of each bar.
func (p *plan) labels(s Series) (values, periods [][]para) {
	for _, b := range s.Bars {
		hi := b.Value
		if b.Figure.ValueMax != nil && b.Figure.Value == b.Value {
			hi = *b.Figure.ValueMax
		}
		v := []para{{text: p.axis.short(b.Value, hi), font: p.fonts.bold, color: textColor}}
		if s.MixedPeriods {
			v = append(v, para{text: p.axis.perYear(b.PerYear), font: p.fonts.regular, dpt: -0.5, color: mutedText})
		}
		values = append(values, v)
		periods = append(periods, []para{{text: b.Label, font: p.fonts.regular, color: textColor}})
	}
	return values, periods
}

// headroom returns the least top of the value range at which every value label fits between
// its bar and the top of a canvas of the given height.
func (p *plan) headroom(s Series, height int) (float64, error) {
	top := 0.0
	for i, b := range s.Bars {
		free := height - p.mm(valueGapMM) - p.values[i].height - 1
		if free < height/3 {
			return 0, fmt.Errorf("value labels in %d px: %w", height, ErrNoRoom)
		}
		top = math.Max(top, b.Value*float64(height)/float64(free))
	}
	return top, nil
}

// barGeometry returns the bar width and spacing go-chart uses in a canvas of the given width
// (BarChart.calculateScaledTotalWidth, which shrinks bars that do not fit).
func barGeometry(n, width, spacing, canvasWidth int) (int, int) {
	if n*(width+spacing) > canvasWidth {
		spacing = 0
		if rest := canvasWidth - n*width; rest > 0 {
			spacing = int(math.Ceil(float64(rest) / float64(n)))
		}
	}
	if n*(width+spacing) > canvasWidth {
		w := 0
		if rest := canvasWidth - n*spacing; rest > 0 {
			w = int(math.Ceil(float64(rest) / float64(n)))
		}
		width = w
	}
	return width, spacing
}
