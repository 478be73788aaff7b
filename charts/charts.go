// Package charts renders bar-chart series as PNG with go-chart, for print: sizes in
// millimetres, fonts from the fonts package, value labels on the bars and, when the periods
// differ in length, the average per year. Package charts/series selects what a chart shows.
package charts

import "github.com/secbrief/briefing/charts/series"

// The series types and their selection live in charts/series, which the content plan uses
// without drawing anything; these names keep the renderer's code and tests short.
type (
	Series    = series.Series
	Bar       = series.Bar
	Selection = series.Selection
)

// Select is series.Select.
var Select = series.Select
