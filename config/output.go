package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Briefing sets the wording of the cover.
type Briefing struct {
	Title    string `mapstructure:"title"`
	Subtitle string `mapstructure:"subtitle"`
	// Marking is the handling marking printed on the cover and every page ("VS – NUR FÜR DEN
	// DIENSTGEBRAUCH", "TLP:AMBER"); empty for none.
	Marking string `mapstructure:"marking"`
	// Window limits an edition to the documents of this period before the edition date
	// ("30d", "8w", "720h"); older and undated documents give background figures only.
	// Empty uses every document.
	Window string `mapstructure:"window"`
}

// WindowLength returns the length of Window, 0 when it is empty.
func (b Briefing) WindowLength() (time.Duration, error) {
	w := strings.TrimSpace(b.Window)
	if w == "" {
		return 0, nil
	}
	for unit, day := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(w, unit); ok {
			k, err := strconv.Atoi(n)
			if err != nil || k <= 0 {
				return 0, fmt.Errorf("%q is not a number of %s", n, map[string]string{"d": "days", "w": "weeks"}[unit])
			}
			return time.Duration(k) * day, nil
		}
	}
	d, err := time.ParseDuration(w)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want a positive length such as 30d, 8w or 720h")
	}
	return d, nil
}

// Since returns the first day (ISO date) of the window that ends at the edition date, or ""
// when there is no window.
func (b Briefing) Since(edition time.Time) string {
	d, err := b.WindowLength()
	if err != nil || d == 0 {
		return ""
	}
	return edition.Add(-d).Format("2006-01-02")
}

// Output says where the briefing is written.
type Output struct {
	// File is the PDF that "briefing generate" writes.
	File string `mapstructure:"file"`
	// Dir is the folder where "briefing serve" writes dated editions and latest.pdf.
	Dir string `mapstructure:"dir"`
	// Keep is the number of dated editions kept in Dir.
	Keep int `mapstructure:"keep"`
}

// PDF sets the page and the limits that keep the briefing short whatever the corpus size.
type PDF struct {
	Paper              string  `mapstructure:"paper"`       // A4 or Letter
	Orientation        string  `mapstructure:"orientation"` // portrait or landscape
	StatementsPerTheme int     `mapstructure:"statements_per_theme"`
	KeyJudgements      int     `mapstructure:"key_judgements"`
	KeyFigures         int     `mapstructure:"key_figures"`
	TimelineEvents     int     `mapstructure:"timeline_events"`
	ChartDPI           float64 `mapstructure:"chart_dpi"`
	MaxBars            int     `mapstructure:"max_bars"`
	// MaxCites bounds the sources an item cites by number ("[3, 7, 12 und 8.303 weitere]").
	MaxCites int `mapstructure:"max_cites"`
}

// Templates sets where the wording of the briefing comes from.
type Templates struct {
	// Dir overrides the built-in templates with de.tmpl and en.tmpl from a folder.
	Dir string `mapstructure:"dir"`
}

// Chart is a chart of the briefing: a selection over the extracted figures.
type Chart struct {
	ID     string         `mapstructure:"id"`
	Title  Titles         `mapstructure:"title"`
	Select ChartSelection `mapstructure:"select"`
}

// ChartSelection picks the figures of a chart; empty lists do not filter.
type ChartSelection struct {
	Measures     []string `mapstructure:"measures"`
	Themes       []string `mapstructure:"themes"`
	Units        []string `mapstructure:"units"`
	SubjectTerms []string `mapstructure:"subject_terms"`
}

func validateOutput(c Config, add func(key string, value any, format string, args ...any)) {
	if _, err := time.LoadLocation(c.Timezone); err != nil || c.Timezone == "" {
		add("timezone", c.Timezone, "is not a time zone (want an IANA name such as Europe/Berlin)")
	}
	if _, err := c.Briefing.WindowLength(); err != nil {
		add("briefing.window", c.Briefing.Window, "%v", err)
	}
	if c.Output.File == "" {
		add("output.file", c.Output.File, "must name the PDF to write")
	}
	if !slices.Contains([]string{"A4", "Letter"}, c.PDF.Paper) {
		add("pdf.paper", c.PDF.Paper, "must be A4 or Letter")
	}
	if !slices.Contains([]string{"portrait", "landscape"}, c.PDF.Orientation) {
		add("pdf.orientation", c.PDF.Orientation, "must be portrait or landscape")
	}
	for key, n := range map[string]int{"pdf.statements_per_theme": c.PDF.StatementsPerTheme, "pdf.key_judgements": c.PDF.KeyJudgements,
		"pdf.key_figures": c.PDF.KeyFigures, "pdf.timeline_events": c.PDF.TimelineEvents, "pdf.max_bars": c.PDF.MaxBars, "pdf.max_cites": c.PDF.MaxCites} {
		if n < 1 {
			add(key, n, "must be at least 1")
		}
	}
	measures := map[string]bool{}
	for _, m := range c.Measures {
		measures[m.ID] = true
	}
	for i, ch := range c.Charts {
		key := fmt.Sprintf("charts[%d]", i)
		if ch.ID == "" {
			add(key+".id", ch.ID, "must not be empty")
		}
		for _, m := range ch.Select.Measures {
			if !measures[m] {
				add(key+".select.measures", m, "is not a configured measure")
			}
		}
	}
}
