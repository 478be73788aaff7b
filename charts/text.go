package charts

import (
	"fmt"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// measurer measures text as go-chart's PNG renderer draws it.
type measurer struct {
	r   chart.Renderer
	dpi float64
}

func newMeasurer(dpi float64) (*measurer, error) {
	r, err := chart.PNG(1, 1)
	if err != nil {
		return nil, fmt.Errorf("new renderer: %w", err)
	}
	r.SetDPI(dpi)
	return &measurer{r: r, dpi: dpi}, nil
}

func (m *measurer) box(f *truetype.Font, pt float64, s string) chart.Box {
	m.r.SetFont(f)
	m.r.SetFontSize(pt)
	return m.r.MeasureText(s)
}

func (m *measurer) width(f *truetype.Font, pt float64, s string) int {
	return m.box(f, pt, s).Width()
}

// metrics are the vertical sizes of a line of text in pixels: the room above the baseline
// (accents included) and the distance from line to line.
func metrics(pt, dpi float64) (ascent, lineHeight int) {
	px := pt * dpi / 72
	return int(math.Round(0.93 * px)), int(math.Ceil(1.2 * px))
}

// para is a paragraph of a label; its lines are drawn centred.
type para struct {
	text  string
	font  *truetype.Font
	dpt   float64 // the font size relative to the label's size
	color drawing.Color
}

// line is a line of a laid-out label.
type line struct {
	text  string
	font  *truetype.Font
	pt    float64
	color drawing.Color
	width int
}

// block is a laid-out label.
type block struct {
	lines  []line
	height int
}

// layout wraps the paragraphs at pt into lines no wider than maxWidth, at most maxLines. It
// fails when a word is wider than maxWidth or there are more lines.
func (m *measurer) layout(paras []para, pt float64, maxWidth, maxLines int) (block, bool) {
	var b block
	for _, p := range paras {
		size := pt + p.dpt
		_, lh := metrics(size, m.dpi)
		cur := ""
		flush := func() {
			b.lines = append(b.lines, line{text: cur, font: p.font, pt: size, color: p.color, width: m.width(p.font, size, cur)})
			b.height += lh
			cur = ""
		}
		for _, word := range m.tokens(p.text, p.font, size, maxWidth) {
			if m.width(p.font, size, word) > maxWidth {
				return block{}, false
			}
			switch {
			case cur == "":
				cur = word
			case m.width(p.font, size, cur+" "+word) <= maxWidth:
				cur += " " + word
			default:
				flush()
				cur = word
			}
		}
		if cur != "" {
			flush()
		}
	}
	return b, len(b.lines) <= maxLines
}

// layoutAll lays out one label per bar at the largest of sizes at which all of them fit, so
// that the labels of a chart share one size.
func (m *measurer) layoutAll(labels [][]para, sizes []float64, maxWidth, maxLines int) ([]block, error) {
	for _, pt := range sizes {
		blocks := make([]block, len(labels))
		fits := true
		for i, l := range labels {
			if blocks[i], fits = m.layout(l, pt, maxWidth, maxLines); !fits {
				break
			}
		}
		if fits {
			return blocks, nil
		}
	}
	return nil, ErrNoRoom
}

// tokens splits text into what a line break may not split: the sides of a period ("Juli
// 2023 –", "27.10.2024"), or when one is wider than maxWidth, its words.
func (m *measurer) tokens(text string, f *truetype.Font, pt float64, maxWidth int) []string {
	var out []string
	sides := strings.Split(text, " – ")
	for i, side := range sides {
		if i < len(sides)-1 {
			side += " –"
		}
		if m.width(f, pt, side) <= maxWidth {
			out = append(out, side)
		} else {
			out = append(out, words(side)...)
		}
	}
	return out
}

// words splits text at spaces, keeping a dash with the word before it and "≈" with the word
// after it, so that no line begins with a dash or ends with "≈".
func words(text string) []string {
	var out []string
	glue := false
	for _, w := range strings.Fields(text) {
		switch {
		case glue, (w == "–" || w == "-") && len(out) > 0:
			out[len(out)-1] += " " + w
		default:
			out = append(out, w)
		}
		glue = w == "≈"
	}
	return out
}
