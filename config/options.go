package config

import (
	"time"

	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/charts/series"
	"github.com/secbrief/briefing/report"
)

// AnalysisOptions returns the analysis settings in the briefing's language.
func (c Config) AnalysisOptions() analysis.Options {
	o := analysis.Options{
		Language:            c.Language,
		StatementsPerTheme:  c.Analysis.StatementsPerTheme,
		MinThemeScore:       c.Analysis.MinThemeScore,
		Candidates:          c.Analysis.Candidates,
		DuplicateSimilarity: c.Analysis.DuplicateSimilarity,
		Subject:             c.Analysis.Subject,
		MinSubjectSentences: c.Analysis.MinSubjectSentences,
	}
	for _, t := range c.Themes {
		th := analysis.Theme{ID: t.ID, Title: t.Title.In(c.Language), Exclude: t.Exclude}
		for _, g := range t.Lexicon {
			for _, term := range g.Terms {
				th.Terms = append(th.Terms, analysis.Term{Text: term, Weight: g.Weight})
			}
		}
		o.Themes = append(o.Themes, th)
	}
	for _, m := range c.Measures {
		o.Measures = append(o.Measures, analysis.Named{ID: m.ID, Name: m.Title.In(c.Language), Kind: m.Kind, Terms: m.Terms, Verbs: m.Verbs})
	}
	for _, e := range c.Entities {
		o.Entities = append(o.Entities, analysis.Named{ID: e.ID, Name: e.Name.In(c.Language), Terms: e.Terms, Weak: e.WeakTerms})
	}
	return o
}

// Selection returns the chart selection for the charts package.
func (s ChartSelection) Selection() series.Selection {
	return series.Selection{Measures: s.Measures, Themes: s.Themes, Units: s.Units, SubjectTerms: s.SubjectTerms}
}

// ReportOptions returns the settings of the briefing's content for an edition.
func (c Config) ReportOptions(edition time.Time) report.Options {
	o := report.Options{
		Lang: c.Language, Title: c.Briefing.Title, Subtitle: c.Briefing.Subtitle, Marking: c.Briefing.Marking,
		Edition: edition, StatementsPerTheme: c.PDF.StatementsPerTheme, KeyJudgements: c.PDF.KeyJudgements,
		KeyFigures: c.PDF.KeyFigures, TimelineEvents: c.PDF.TimelineEvents, MaxBars: c.PDF.MaxBars,
	}
	for _, ch := range c.Charts {
		o.Charts = append(o.Charts, report.ChartSpec{ID: ch.ID, Title: ch.Title.In(c.Language), Select: ch.Select.Selection()})
	}
	return o
}
