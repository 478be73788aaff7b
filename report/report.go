// Package report decides what the briefing says: the key judgements and figures, the charts,
// a section per theme, the timeline, the numbered sources and the appendix, within limits that
// keep the briefing short whatever the size of the corpus. Every item keeps the numbers of the
// sources it cites. Typesetting is left to the PDF renderer.
package report

import (
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/charts/series"
)

// Briefing is the content of one edition.
type Briefing struct {
	Lang                     string
	Title, Subtitle, Marking string
	Edition                  string // "Ausgabe vom 24. November 2026, 07:00 Uhr"
	Summary                  string // "Auswertung von 5 Dokumenten …"
	Labels                   map[string]string
	KeyJudgements            []Item
	// News is what is new since the previous edition; nil when there is none to compare with.
	News       *News
	KeyFigures []FigureRow
	Charts     []Chart
	Themes     []Section
	Timeline   []Dated
	Sources    []Source
	// SourcesNote says how many documents the briefing draws on without listing them (an item
	// cites at most Options.MaxCites) and where the full list is; "" when all are listed.
	SourcesNote string
	Warnings    []briefing.Warning
	Files       Files // the account of the files and their warnings in the appendix
	Method      string
}

// Item is a sentence of a source with the numbers of the sources that state it.
type Item struct {
	Text  string
	Cites []int
	// More counts the further sources that state it, as worded after the numbers ("und 8.303
	// weitere"); "" when Cites are all of them.
	More string
	// Note follows the text in smaller type: the language of a quotation in another language
	// ("(engl.)"), or where a sentence shown before stands ("siehe Kernaussage 1").
	Note string
}

// News lists what the corpus has gained since the previous edition.
type News struct {
	Intro     string
	Documents []Item
	Figures   []FigureRow
	Events    []Dated
}

// FigureRow is a figure as the reader sees it.
type FigureRow struct {
	Subject, Value, Period string
	Cites                  []int
	More                   string // as Item.More
}

// Chart is a chart's series with its caption and data table, or a note why it is left out.
// The renderer draws the series at the size and resolution of its page.
type Chart struct {
	ID, Title, Caption string
	Series             series.Series
	Rows               []ChartRow
	Cites              []int
	More               string // as Item.More
	Note               string // set when the chart is left out
}

// ChartRow is a bar of a chart as text.
type ChartRow struct {
	Period, Value, PerYear string
	Cites                  []int
	More                   string // as Item.More
}

// Section is the part of the briefing about one theme.
type Section struct {
	ID, Title string
	Items     []Item
	// Note says why a section has no statements of its own: the sources say nothing relevant
	// on the theme, or what they say is shown elsewhere ("siehe Kernaussage 2").
	Note          string
	Figures       []FigureRow
	Disagreements []Disagreement
}

// Disagreement lists the differing figures of one subject.
type Disagreement struct {
	Title string
	Rows  []Item // "3.000 Soldaten laut [2] (Oktober 2024)"
}

// Dated is an event of the timeline.
type Dated struct {
	Date string
	Item
}

// Source is an entry of the numbered list of sources.
type Source struct {
	N     int
	DocID string
	Text  string
}

// Options set the wording and limits of the briefing.
type Options struct {
	Lang                     string
	Title, Subtitle, Marking string
	Edition                  time.Time // in the zone it is printed in
	StatementsPerTheme       int
	KeyJudgements            int
	KeyFigures               int
	TimelineEvents           int
	MaxBars                  int
	// MaxCites bounds the sources an item cites by number; the others are counted ("und 8.303
	// weitere"). 0 cites every source.
	MaxCites int
	Charts   []ChartSpec
	// Previous is the model of the previous edition, for the section on what is new; nil for
	// none (a one-off briefing or the first edition).
	Previous *briefing.Model
	// PreviousDate is the date of the previous edition.
	PreviousDate time.Time
}

// ChartSpec is a configured chart.
type ChartSpec struct {
	ID, Title string
	Select    series.Selection
}
