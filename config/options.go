package config

import (
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/charts/series"
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
