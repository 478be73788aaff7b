package config

import (
	"fmt"
	"slices"
	"time"
)

// Briefing sets the wording of the cover.
type Briefing struct {
	Title    string `mapstructure:"title"`
	Subtitle string `mapstructure:"subtitle"`
	// Marking is the handling marking printed on the cover and every page ("VS – NUR FÜR DEN
	// DIENSTGEBRAUCH", "TLP:AMBER"); empty for none.
	Marking string `mapstructure:"marking"`
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
		"pdf.key_figures": c.PDF.KeyFigures, "pdf.timeline_events": c.PDF.TimelineEvents, "pdf.max_bars": c.PDF.MaxBars} {
		if n < 1 {
			add(key, n, "must be at least 1")
		}
	}
	if c.PDF.ChartDPI < 150 || c.PDF.ChartDPI > 600 {
		add("pdf.chart_dpi", c.PDF.ChartDPI, "must be between 150 and 600")
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
