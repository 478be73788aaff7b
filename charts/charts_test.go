package charts

import (
	"bytes"
	"errors"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/secbrief/briefing/briefing"
)

var examplesDir = flag.String("examples", "", "write the example charts of TestRenderExamples to this folder")

// Figures of testdata/seeds.golden.json in briefing/analysis, as Go values.
var (
	troops = briefing.Figure{Value: 11000, Unit: "Militärangehörige", Qualifier: "about",
		Subject: "Soldaten Nordkorea–Russland", Measure: "troops", Entities: []string{"Nordkorea", "Russland"},
		Themes: []string{"troops"}, Text: "Einer Schätzung des Atlantic Council zufolge entsandte das Regime bislang rund 11.000 Militärangehörige an die ukrainische Front.",
		Sources: []briefing.Source{{Doc: "69175b82fd00acd9", Start: 2991, End: 3123}}}
	arms2016 = briefing.Figure{Value: 3.8e9, Unit: "USD", Period: &briefing.Period{From: "2016", To: "2020"},
		Subject: "Rüstungsexporte Südkorea", Measure: "arms_exports", Entities: []string{"Südkorea"},
		Themes: []string{"arms"}, Text: "… von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht.",
		Sources: []briefing.Source{{Doc: "69175b82fd00acd9", Start: 5021, End: 5314}}}
	arms2021 = briefing.Figure{Value: 38e9, Unit: "USD", Period: &briefing.Period{From: "2021", To: "2023"},
		Subject: "Rüstungsexporte Südkorea", Measure: "arms_exports", Entities: []string{"Südkorea"},
		Themes: []string{"arms"}, Text: arms2016.Text,
		Sources: []briefing.Source{{Doc: "69175b82fd00acd9", Start: 5021, End: 5314}}}
	armsDeal = briefing.Figure{Value: 12.4e9, Unit: "USD", Qualifier: "more_than", Period: &briefing.Period{From: "2022-07", To: "2022-07"},
		Subject: "Rüstungsabkommen Polen", Measure: "arms_deal", Entities: []string{"Polen"},
		Themes: []string{"arms"}, Text: "So habe das ostasiatische Land im Juli 2022 mit Polen ein Rüstungsabkommen in Höhe von über 12,4 Milliarden US-Dollar (11,95 Milliarden Euro) abgeschlossen.",
		Sources: []briefing.Source{{Doc: "69175b82fd00acd9", Start: 5829, End: 5988}}}
	armsDeliveries = briefing.Figure{Value: 5.5e9, Unit: "USD", Qualifier: "up_to",
		Subject: "Waffenlieferungen Südkorea–Nordkorea", Measure: "arms_deliveries", Entities: []string{"Südkorea", "Nordkorea"},
		Themes: []string{"arms"}, Sources: []briefing.Source{{Doc: "08b898724d8bae3f", Start: 776, End: 889}}}
	trade2024 = briefing.Figure{Value: 52.9e6, Unit: "USD", Period: &briefing.Period{From: "2024-01", To: "2024-06"},
		Subject: "Handelsvolumen Russland–Nordkorea", Measure: "trade_volume", Entities: []string{"Russland", "Nordkorea"},
		Themes: []string{"economy"}, Text: "In der ersten Jahreshälfte 2024 stieg das Handelsvolumen auf 52,9 Millionen US-Dollar.",
		Sources: []briefing.Source{{Doc: "08b898724d8bae3f", Start: 2446, End: 2533}}}
	trade2023 = briefing.Figure{Value: 34.4e6, Unit: "USD", Qualifier: "about", Period: &briefing.Period{From: "2023", To: "2023"},
		Subject: "Handelsvolumen Russland–Nordkorea", Measure: "trade_volume", Entities: []string{"Russland", "Nordkorea"},
		Themes: []string{"economy"}, Text: "Es betrug im ganzen Jahr 2023 etwa 34,4 Millionen US-Dollar.",
		Sources: []briefing.Source{{Doc: "08b898724d8bae3f", Start: 2534, End: 2594}}}
	meetingsAvg = briefing.Figure{Value: 2, Unit: "Treffen", Qualifier: "average", Period: &briefing.Period{From: "2023-07", To: "2024-10-27"},
		Subject: "Treffen Russland–Nordkorea", Measure: "meetings", Entities: []string{"Russland", "Nordkorea"},
		Themes: []string{"alliance"}, Sources: []briefing.Source{{Doc: "08b898724d8bae3f", Start: 2916, End: 3095}}}
	meetings2024 = briefing.Figure{Value: 24, Unit: "Treffen", Qualifier: "more_than", Period: &briefing.Period{From: "2024", To: "2024"},
		Subject: "Treffen Russland–Nordkorea", Measure: "meetings", Entities: []string{"Russland", "Nordkorea"},
		Themes: []string{"alliance"}, Sources: []briefing.Source{{Doc: "08b898724d8bae3f", Start: 3096, End: 3154}}}

	seeds = []briefing.Figure{troops, arms2016, arms2021, armsDeal, armsDeliveries, trade2024, trade2023, meetingsAvg, meetings2024}
)

// yearly returns a figure of value in year, with n sources.
func yearly(year string, value float64, unit string, n int) briefing.Figure {
	f := briefing.Figure{Value: value, Unit: unit, Period: &briefing.Period{From: year, To: year},
		Subject: "Handelsvolumen Russland–Nordkorea", Measure: "trade_volume", Themes: []string{"economy"}}
	for i := range n {
		f.Sources = append(f.Sources, briefing.Source{Doc: "doc" + year, Start: i, End: i + 1})
	}
	return f
}

// bar is what a test expects of a bar.
type bar struct {
	label   string
	value   float64
	years   float64
	perYear float64
	sources int
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name    string
		figs    []briefing.Figure
		sel     Selection
		lang    string
		maxBars int
		unit    string
		mixed   bool
		bars    []bar
	}{
		{
			name: "arms exports of five and three years are two bars with averages per year",
			figs: seeds, sel: Selection{Measures: []string{"arms_exports"}}, lang: "de",
			unit: "USD", mixed: true,
			bars: []bar{{"2016–2020", 3.8e9, 5, 0.76e9, 1}, {"2021–2023", 38e9, 3, 38e9 / 3, 1}},
		},
		{
			name: "a year and a half year of trade are two bars with averages per year",
			figs: seeds, sel: Selection{Measures: []string{"trade_volume"}}, lang: "de",
			unit: "USD", mixed: true,
			bars: []bar{{"2023", 34.4e6, 1, 34.4e6, 1}, {"1. Halbjahr 2024", 52.9e6, 0.5, 105.8e6, 1}},
		},
		{
			name: "labels are in the language asked for",
			figs: seeds, sel: Selection{Measures: []string{"trade_volume"}}, lang: "en",
			unit: "USD", mixed: true,
			bars: []bar{{"2023", 34.4e6, 1, 34.4e6, 1}, {"H1 2024", 52.9e6, 0.5, 105.8e6, 1}},
		},
		{
			name: "periods of the same length have no average per year",
			figs: []briefing.Figure{yearly("2022", 10e6, "USD", 1), yearly("2023", 20e6, "USD", 1)},
			lang: "de", unit: "USD",
			bars: []bar{{"2022", 10e6, 1, 0, 1}, {"2023", 20e6, 1, 0, 1}},
		},
		{
			name: "figures without a period are left out",
			figs: seeds, sel: Selection{Themes: []string{"arms"}}, lang: "de",
			unit: "USD", mixed: true,
			bars: []bar{{"2016–2020", 3.8e9, 5, 0.76e9, 1}, {"2021–2023", 38e9, 3, 38e9 / 3, 1}, {"Juli 2022", 12.4e9, 1.0 / 12, 12.4e9 * 12, 1}},
		},
		{
			name: "a theme selects the figures that have it",
			figs: seeds, sel: Selection{Themes: []string{"economy", "nothing"}}, lang: "de",
			unit: "USD", mixed: true,
			bars: []bar{{"2023", 34.4e6, 1, 34.4e6, 1}, {"1. Halbjahr 2024", 52.9e6, 0.5, 105.8e6, 1}},
		},
		{
			name: "a unit selects the figures in it",
			figs: seeds, sel: Selection{Units: []string{"Treffen"}}, lang: "de",
			unit: "Treffen", mixed: true,
			bars: []bar{{"Juli 2023 – 27.10.2024", 2, 1 + 119.0/365, 2 / (1 + 119.0/365), 1}, {"2024", 24, 1, 24, 1}},
		},
		{
			name: "subject terms match case-insensitively within the subject",
			figs: seeds, sel: Selection{SubjectTerms: []string{"HANDELSVOLUMEN"}}, lang: "de",
			unit: "USD", mixed: true,
			bars: []bar{{"2023", 34.4e6, 1, 34.4e6, 1}, {"1. Halbjahr 2024", 52.9e6, 0.5, 105.8e6, 1}},
		},
		{
			name: "all lists of a selection must match",
			figs: seeds, sel: Selection{Themes: []string{"arms"}, SubjectTerms: []string{"polen"}}, lang: "de",
			unit: "USD",
			bars: []bar{{"Juli 2022", 12.4e9, 1.0 / 12, 0, 1}},
		},
		{
			name: "of two figures for one period the one with more sources is kept",
			figs: []briefing.Figure{yearly("2023", 1e6, "USD", 1), yearly("2023", 2e6, "USD", 2), yearly("2022", 3e6, "USD", 1)},
			lang: "de", unit: "USD",
			bars: []bar{{"2022", 3e6, 1, 0, 1}, {"2023", 2e6, 1, 0, 2}},
		},
		{
			name: "of two figures for one period with as many sources the first is kept",
			figs: []briefing.Figure{yearly("2023", 1e6, "USD", 2), yearly("2023", 2e6, "USD", 2)},
			lang: "de", unit: "USD",
			bars: []bar{{"2023", 1e6, 1, 0, 2}},
		},
		{
			name: "bars are sorted by the start of their period",
			figs: []briefing.Figure{yearly("2024", 4, "USD", 1), yearly("2019", 1, "USD", 1), yearly("2021", 2, "USD", 1)},
			lang: "de", unit: "USD",
			bars: []bar{{"2019", 1, 1, 0, 1}, {"2021", 2, 1, 0, 1}, {"2024", 4, 1, 0, 1}},
		},
		{
			name: "at most maxBars bars are kept, the latest ones",
			figs: []briefing.Figure{yearly("2024", 4, "USD", 1), yearly("2019", 1, "USD", 1), yearly("2021", 2, "USD", 1)},
			lang: "de", maxBars: 2, unit: "USD",
			bars: []bar{{"2021", 2, 1, 0, 1}, {"2024", 4, 1, 0, 1}},
		},
		{
			name: "figures of another unit than most are left out",
			figs: []briefing.Figure{yearly("2021", 1, "EUR", 1), yearly("2022", 2, "USD", 1), yearly("2023", 3, "USD", 1)},
			lang: "de", unit: "USD",
			bars: []bar{{"2022", 2, 1, 0, 1}, {"2023", 3, 1, 0, 1}},
		},
		{
			name: "an open period has no length and is left out",
			figs: []briefing.Figure{{Value: 5, Unit: "Treffen", Period: &briefing.Period{From: "2023-07"}}},
			lang: "de",
		},
		{
			name: "a selection that matches nothing has no bars",
			figs: seeds, sel: Selection{Measures: []string{"tanks"}}, lang: "de",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Select(tt.figs, tt.sel, tt.lang, tt.maxBars)
			if got.Unit != tt.unit || got.MixedPeriods != tt.mixed || len(got.Bars) != len(tt.bars) {
				t.Fatalf("Select = unit %q, mixed %v, %d bars; want %q, %v, %d bars",
					got.Unit, got.MixedPeriods, len(got.Bars), tt.unit, tt.mixed, len(tt.bars))
			}
			for i, want := range tt.bars {
				b := got.Bars[i]
				if b.Label != want.label || b.Value != want.value || !near(b.Years, want.years) ||
					!near(b.PerYear, want.perYear) || len(b.Figure.Sources) != want.sources {
					t.Errorf("bar %d = %q %g, %g years, %g per year, %d sources; want %q %g, %g, %g, %d",
						i, b.Label, b.Value, b.Years, b.PerYear, len(b.Figure.Sources),
						want.label, want.value, want.years, want.perYear, want.sources)
				}
				if b.Figure.Value != b.Value {
					t.Errorf("bar %d: figure value %g, bar value %g", i, b.Figure.Value, b.Value)
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestNiceSteps(t *testing.T) {
	tests := []struct {
		name     string
		target   float64
		maxSteps int
		step     float64
		n        int
	}{
		{"a target of 44 takes 5 steps of 10", 44, 6, 10, 5},
		{"a target of 0.88 takes 5 steps of 0.2", 0.88, 6, 0.2, 5},
		{"a target of 12.1 takes 5 steps of 2.5", 12.1, 6, 2.5, 5},
		{"a target of 6.1 takes 4 steps of 2", 6.1, 6, 2, 4},
		{"a target of exactly 5 takes 5 steps of 1", 5, 6, 1, 5},
		{"a target of 1 takes 5 steps of 0.2 rather than 4 of 0.25", 1, 6, 0.2, 5},
		{"a target of 130 takes 6 steps of 25", 130, 6, 25, 6},
		{"a target of 5.5 takes 6 steps of 1", 5.5, 6, 1, 6},
		{"with at most 4 steps 35 takes 4 steps of 10", 35, 4, 10, 4},
		{"with at most 4 steps 44 has no nice steps", 44, 4, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step, n, ok := niceSteps(tt.target, tt.maxSteps)
			if !near(step, tt.step) || n != tt.n || ok != (tt.n > 0) {
				t.Errorf("niceSteps(%g, %d) = %g, %d, %v; want %g, %d", tt.target, tt.maxSteps, step, n, ok, tt.step, tt.n)
			}
		})
	}
}

// examples are charts as the briefing has them, and harder cases.
func examples() []struct {
	name string
	s    Series
	o    Options
} {
	print := func(lang string, extra int) Options {
		return Options{WidthMM: 160, HeightMM: 70, DPI: 200, Lang: lang, ExtraWidthPx: extra}
	}
	var six, long []briefing.Figure
	for i, y := range []string{"2019", "2020", "2021", "2022", "2023", "2024"} {
		six = append(six, yearly(y, float64(i+1)*1.15e9, "EUR", 1))
	}
	for i, p := range []briefing.Period{{From: "2022-07", To: "2023-10-27"}, {From: "2023-11-01", To: "2024-02-15"}, {From: "2024-03", To: "2024-05"}, {From: "2024-06", To: "2024-09-30"}, {From: "2024-10", To: "2025-03-12"}} {
		long = append(long, briefing.Figure{Value: float64(3 + 2*i), Unit: "Treffen", Period: &p})
	}
	zero := []briefing.Figure{yearly("2023", 0, "%", 1), yearly("2024", 0, "%", 1)}
	return []struct {
		name string
		s    Series
		o    Options
	}{
		{"arms-de", Select(seeds, Selection{Measures: []string{"arms_exports"}}, "de", 6), print("de", 0)},
		{"arms-en", Select(seeds, Selection{Measures: []string{"arms_exports"}}, "en", 6), print("en", 1)},
		{"trade-de", Select(seeds, Selection{Measures: []string{"trade_volume"}}, "de", 6), print("de", 2)},
		{"trade-en", Select(seeds, Selection{Measures: []string{"trade_volume"}}, "en", 6), print("en", 3)},
		{"arms-theme-de", Select(seeds, Selection{Themes: []string{"arms"}}, "de", 6), print("de", 4)},
		{"meetings-de", Select(seeds, Selection{Measures: []string{"meetings"}}, "de", 6), print("de", 5)},
		{"six-years-de", Select(six, Selection{}, "de", 6), print("de", 6)},
		{"long-periods-de", Select(long, Selection{}, "de", 6), print("de", 7)},
		{"long-periods-en", Select(long, Selection{}, "en", 6), print("en", 8)},
		{"one-bar-en", Select(seeds, Selection{Measures: []string{"arms_deal"}}, "en", 6), print("en", 9)},
		{"zeros-de", Select(zero, Selection{}, "de", 6), print("de", 10)},
		{"flat-de", Select(seeds, Selection{Measures: []string{"trade_volume"}}, "de", 6),
			Options{WidthMM: 160, HeightMM: 45, DPI: 200, Lang: "de", ExtraWidthPx: 11}},
		{"small-300dpi-de", Select(seeds, Selection{Measures: []string{"arms_exports"}}, "de", 6),
			Options{WidthMM: 80, HeightMM: 50, DPI: 300, Lang: "de"}},
	}
}

// TestRenderExamples renders the examples and checks their layout: the canvas go-chart drew
// is the planned one, and no label leaves its room. go test -run RenderExamples -examples DIR
// keeps the PNGs for a look.
func TestRenderExamples(t *testing.T) {
	dir := *examplesDir
	if dir == "" {
		dir = t.TempDir()
	}
	for _, ex := range examples() {
		t.Run(ex.name, func(t *testing.T) {
			var buf bytes.Buffer
			p, err := render(&buf, ex.s, ex.o)
			if err != nil {
				t.Fatal(err)
			}
			if p.drawn != p.canvas {
				t.Errorf("go-chart drew the canvas at %+v, planned %+v", p.drawn, p.canvas)
			}
			checkLayout(t, p)
			if err := os.WriteFile(filepath.Join(dir, ex.name+".png"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// checkLayout checks that the labels stay in the image, over their bar, and apart.
func checkLayout(t *testing.T, p *plan) {
	t.Helper()
	c := p.drawn
	n := len(p.bars)
	width, spacing := barGeometry(n, p.barWidth, p.barSpacing, c.Width())
	room := width + spacing - p.mm(labelGapMM)
	for i, v := range p.bars {
		top := c.Bottom - int(math.Ceil(v/p.axis.max*float64(c.Height())))
		if label := top - p.mm(valueGapMM) - p.values[i].height; label < c.Top {
			t.Errorf("bar %d: value label at y %d above the canvas at %d", i, label, c.Top)
		}
		if bottom := c.Bottom + p.mm(axisGapMM) + p.periods[i].height; bottom > p.height {
			t.Errorf("bar %d: period label ends at y %d below the image of %d", i, bottom, p.height)
		}
		for _, b := range []block{p.values[i], p.periods[i]} {
			for _, l := range b.lines {
				if l.width > room {
					t.Errorf("bar %d: %q is %d px wide, room for %d", i, l.text, l.width, room)
				}
				if l.pt < 6 || l.pt > 8 {
					t.Errorf("bar %d: %q is %g pt", i, l.text, l.pt)
				}
			}
		}
	}
	if c.Left+n*(width+spacing) > c.Right {
		t.Errorf("bars end at %d, beyond the canvas at %d", c.Left+n*(width+spacing), c.Right)
	}
}

func TestRender(t *testing.T) {
	arms := Select(seeds, Selection{Measures: []string{"arms_exports"}}, "de", 6)
	tests := []struct {
		name          string
		s             Series
		o             Options
		width, height int
	}{
		{"160 by 70 mm at 200 dpi is 1260 by 551 px", arms, Options{WidthMM: 160, HeightMM: 70, DPI: 200, Lang: "de"}, 1260, 551},
		{"extra width is added to the pixel width", arms, Options{WidthMM: 160, HeightMM: 70, DPI: 200, Lang: "de", ExtraWidthPx: 3}, 1263, 551},
		{"300 dpi take more pixels", arms, Options{WidthMM: 120, HeightMM: 60, DPI: 300, Lang: "en"}, 1417, 709},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := Render(&first, tt.s, tt.o); err != nil {
				t.Fatal(err)
			}
			if err := Render(&second, tt.s, tt.o); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two renders differ")
			}
			// The IHDR chunk: bit depth 8, colour type 2 (RGB), not interlaced.
			hdr := first.Bytes()[16:29]
			if depth, colour, interlace := hdr[8], hdr[9], hdr[12]; depth != 8 || colour != 2 || interlace != 0 {
				t.Errorf("PNG bit depth %d, colour type %d, interlace %d; want 8, 2, 0", depth, colour, interlace)
			}
			img, err := png.Decode(&first)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.width || b.Dy() != tt.height {
				t.Errorf("size %d×%d px, want %d×%d", b.Dx(), b.Dy(), tt.width, tt.height)
			}
			if n := countColor(img, barColor.R, barColor.G, barColor.B); n < 1000 {
				t.Errorf("%d pixels of the bar colour, want bars", n)
			}
		})
	}
}

func countColor(img image.Image, r, g, b uint8) int {
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if uint8(cr>>8) == r && uint8(cg>>8) == g && uint8(cb>>8) == b {
				n++
			}
		}
	}
	return n
}

func TestRenderErrors(t *testing.T) {
	arms := Select(seeds, Selection{Measures: []string{"arms_exports"}}, "de", 6)
	ok := Options{WidthMM: 160, HeightMM: 70, DPI: 200}
	var many []briefing.Figure
	for y := 1990; y < 2030; y++ {
		many = append(many, yearly(strconv.Itoa(y), float64(y-1989), "USD", 1))
	}
	negative := Series{Unit: "%", Bars: []Bar{{Label: "2023", Value: -3, Years: 1}}}
	tests := []struct {
		name string
		s    Series
		o    Options
		is   error // nil: any error
	}{
		{"a series without bars is empty", Series{Unit: "USD"}, ok, ErrEmpty},
		{"forty bars do not fit into 160 mm", Select(many, Selection{}, "de", 0), ok, ErrNoRoom},
		{"a chart 25 mm high has no room for value labels", arms, Options{WidthMM: 160, HeightMM: 25, DPI: 200}, ErrNoRoom},
		{"a chart 30 mm high has no room for the value axis", arms, Options{WidthMM: 160, HeightMM: 30, DPI: 200}, ErrNoRoom},
		{"a resolution below 200 dpi is refused", arms, Options{WidthMM: 160, HeightMM: 70, DPI: 96}, nil},
		{"a missing size is refused", arms, Options{DPI: 300}, nil},
		{"a negative extra width is refused", arms, Options{WidthMM: 160, HeightMM: 70, DPI: 200, ExtraWidthPx: -1}, nil},
		{"a negative value is refused", negative, ok, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Render(&buf, tt.s, tt.o)
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("Render = %v, want %v", err, tt.is)
			}
			if buf.Len() != 0 {
				t.Errorf("Render wrote %d bytes despite the error", buf.Len())
			}
		})
	}
}
