package charts

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

var (
	// ErrEmpty is returned for a series without bars: leave the chart out.
	ErrEmpty = errors.New("charts: no bars")
	// ErrNoRoom is returned when the labels do not fit the chart's size: too many bars for
	// its width, or too little height for the value labels and the value axis.
	ErrNoRoom = errors.New("charts: labels do not fit")
)

// Options size a chart for print.
type Options struct {
	WidthMM, HeightMM float64 // printed size
	DPI               float64 // ≥ 200 for print; pixels = mm / 25.4 × DPI
	Lang              string
	// ExtraWidthPx is added to the pixel width: the PDF library sorts images by pixel width
	// alone, so each chart of a document needs a distinct width for byte-identical output.
	ExtraWidthPx int
}

// CheckDPI reports a resolution the renderer does not draw at: 200 to 1200 DPI.
func CheckDPI(dpi float64) error {
	if !(dpi >= 200 && dpi <= 1200) {
		return fmt.Errorf("dpi %g: want 200 to 1200", dpi)
	}
	return nil
}

func (o Options) validate() error {
	if err := CheckDPI(o.DPI); err != nil {
		return err
	}
	switch {
	case !(o.WidthMM >= 40 && o.WidthMM <= 500):
		return fmt.Errorf("width %g mm: want 40 to 500", o.WidthMM)
	case !(o.HeightMM >= 25 && o.HeightMM <= 500):
		return fmt.Errorf("height %g mm: want 25 to 500", o.HeightMM)
	case o.ExtraWidthPx < 0 || o.ExtraWidthPx > 1000:
		return fmt.Errorf("extra width %d px: want 0 to 1000", o.ExtraWidthPx)
	}
	return nil
}

// Render draws the series as a bar chart PNG: bars from 0, a value axis with 4 to 6 steps
// and the unit above it, each bar's value over it (and its average per year when the
// periods differ in length) and its period under it. The PNG is 8-bit RGB, not interlaced,
// and the same for the same input. Text is 6 to 7.5 pt when printed at o's size.
//
// o must have 200 to 1200 dpi, a width of 40 to 500 mm and a height of 25 to 500 mm. Values
// must be finite and ≥ 0. A series without bars gives ErrEmpty, labels that do not fit
// ErrNoRoom; nothing is written to w on an error.
func Render(w io.Writer, s Series, o Options) error {
	if len(s.Bars) == 0 {
		return fmt.Errorf("render chart: %w", ErrEmpty)
	}
	if err := o.validate(); err != nil {
		return fmt.Errorf("render chart: %w", err)
	}
	for i, b := range s.Bars {
		if math.IsNaN(b.Value) || math.IsInf(b.Value, 0) || b.Value < 0 ||
			(s.MixedPeriods && (math.IsNaN(b.PerYear) || math.IsInf(b.PerYear, 0))) {
			return fmt.Errorf("render chart: bar %d (%s): value %g, per year %g: want finite values ≥ 0",
				i, b.Label, b.Value, b.PerYear)
		}
	}
	_, err := render(w, s, o)
	return err
}

// render draws the chart and returns its plan.
func render(w io.Writer, s Series, o Options) (*plan, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	lang := "de"
	if strings.EqualFold(o.Lang, "en") {
		lang = "en"
	}
	p, err := newPlan(s, o, lang, fs)
	if err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	var img rgba
	if err := p.barChart(s).Render(chart.PNG, &img); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	if img.RGBA == nil {
		return nil, errors.New("render chart: no image")
	}
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(w, img.RGBA); err != nil {
		return nil, fmt.Errorf("render chart: encode png: %w", err)
	}
	return p, nil
}

// rgba receives the image from go-chart, so that it is encoded here (go-chart writes to it
// only as a chart.RGBACollector).
type rgba struct{ *image.RGBA }

func (c *rgba) SetRGBA(i *image.RGBA) { c.RGBA = i }

func (c *rgba) Write(b []byte) (int, error) { return len(b), nil }

// barChart returns the go-chart bar chart of the plan: background, bars and the value axis.
// Everything else is drawn by p.draw.
func (p *plan) barChart(s Series) chart.BarChart {
	bars := make([]chart.Value, len(s.Bars))
	for i, b := range s.Bars {
		bars[i] = chart.Value{Value: b.Value, Label: b.Label, Style: chart.Style{
			FillColor:   barColor,
			StrokeColor: drawing.ColorTransparent, // a stroke would widen the bar
			StrokeWidth: 1,
		}}
	}
	return chart.BarChart{
		Width:      p.width,
		Height:     p.height,
		DPI:        p.dpi,
		Font:       p.fonts.regular,
		Background: chart.Style{FillColor: white, StrokeColor: white, Padding: p.pad},
		Canvas:     chart.Style{FillColor: white, StrokeColor: white},
		BarWidth:   p.barWidth,
		BarSpacing: p.barSpacing,
		XAxis:      chart.Style{Hidden: true}, // period labels are drawn by p.draw
		YAxis: chart.YAxis{
			AxisType: chart.YAxisSecondary, // on the left
			Style: chart.Style{
				Font:        p.fonts.regular,
				FontSize:    tickPt,
				FontColor:   mutedText,
				StrokeColor: drawing.ColorTransparent, // grid lines only, no axis line
				StrokeWidth: 1,
			},
			Range:          &chart.ContinuousRange{Min: 0, Max: p.axis.max},
			Ticks:          p.axis.ticks,
			GridMajorStyle: chart.Style{Hidden: true}, // drawn by p.draw, behind the bars
			GridMinorStyle: chart.Style{Hidden: true},
			Zero:           chart.GridLine{Style: chart.Style{Hidden: true}},
		},
		Bars:     bars,
		Elements: []chart.Renderable{p.draw},
	}
}

// draw adds what go-chart does not draw: grid lines between the bars, the baseline, the value
// labels over the bars, the period labels under them and the unit over the value axis.
func (p *plan) draw(r chart.Renderer, canvas chart.Box, _ chart.Style) {
	p.drawn = canvas
	n := len(p.values)
	width, spacing := barGeometry(n, p.barWidth, p.barSpacing, canvas.Width())
	height := float64(canvas.Height())
	barTop := func(v float64) int { // as go-chart: ContinuousRange.Translate
		return canvas.Bottom - int(math.Ceil(v/p.axis.max*height))
	}
	left := func(i int) int { return canvas.Left + spacing/2 + i*(width+spacing) }

	// Grid lines around the bars they cross, so that they seem to pass behind them.
	r.SetStrokeColor(gridColor)
	r.SetStrokeWidth(p.lineWidth(gridMM))
	for _, t := range p.axis.ticks[1:] {
		y := barTop(t.Value)
		x := canvas.Left
		for i, v := range p.bars {
			if barTop(v) <= y { // bar i covers the line
				p.line(r, x, y, left(i), y)
				x = left(i) + width
			}
		}
		p.line(r, x, y, canvas.Right, y)
	}
	r.SetStrokeColor(axisColor)
	r.SetStrokeWidth(p.lineWidth(baselineMM))
	p.line(r, canvas.Left, canvas.Bottom, canvas.Right, canvas.Bottom)

	for i := range n {
		center := left(i) + width/2
		v := p.values[i]
		top := barTop(p.bars[i]) - p.mm(valueGapMM) - v.height
		p.knockout(r, v, center, top)
		p.text(r, v, center, top, true)
		p.text(r, p.periods[i], center, canvas.Bottom+p.mm(axisGapMM), true)
	}
	p.text(r, p.unit, p.pad.Left, p.mm(marginMM), false)
}

// lineWidth returns an even number of pixels near mm, so that lines on whole pixels are sharp.
func (p *plan) lineWidth(mm float64) float64 {
	return float64(max(2, 2*int(math.Round(mm*p.dpi/25.4/2))))
}

func (p *plan) line(r chart.Renderer, x1, y1, x2, y2 int) {
	if x2 <= x1 && y2 <= y1 {
		return
	}
	r.MoveTo(x1, y1)
	r.LineTo(x2, y2)
	r.Stroke()
}

// knockout clears the grid lines behind each line of a centred label.
func (p *plan) knockout(r chart.Renderer, b block, center, top int) {
	k := p.mm(knockoutMM)
	y := top - k
	for _, l := range b.lines {
		_, lineHeight := metrics(l.pt, p.dpi)
		top += lineHeight
		p.fill(r, center-l.width/2-k, y, center+(l.width+1)/2+k, top)
		y = top
	}
}

func (p *plan) fill(r chart.Renderer, x1, y1, x2, y2 int) {
	r.SetFillColor(white)
	r.MoveTo(x1, y1)
	r.LineTo(x2, y1)
	r.LineTo(x2, y2)
	r.LineTo(x1, y2)
	r.Close()
	r.Fill()
}

// text draws a label from top, its lines centred on x or starting at x.
func (p *plan) text(r chart.Renderer, b block, x, top int, centred bool) {
	for _, l := range b.lines {
		ascent, lineHeight := metrics(l.pt, p.dpi)
		r.SetFont(l.font)
		r.SetFontSize(l.pt)
		r.SetFontColor(l.color)
		lx := x
		if centred {
			lx = x - l.width/2
		}
		r.Text(l.text, lx, top+ascent)
		top += lineHeight
	}
}
