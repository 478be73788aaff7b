package config

import (
	"fmt"
	"slices"
	"strings"
)

// Theme is a section of the briefing and the weighted lexicon that finds its sentences.
type Theme struct {
	ID      string      `mapstructure:"id"`
	Title   Titles      `mapstructure:"title"`
	Lexicon []TermGroup `mapstructure:"lexicon"`
	// Exclude lists words that never count for this theme, even when a term is inside them.
	Exclude []string `mapstructure:"exclude"`
}

// Titles names something in each language of the briefing.
type Titles struct {
	De string `mapstructure:"de"`
	En string `mapstructure:"en"`
}

// In returns the title in language lang ("de" or "en").
func (t Titles) In(lang string) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.De
}

// TermGroup is a list of German or English terms (words or phrases) of the same weight.
type TermGroup struct {
	Weight float64  `mapstructure:"weight"`
	Terms  []string `mapstructure:"terms"`
}

// Measure is a thing that figures measure ("Rüstungsexporte", "Soldaten"); figures of the
// same measure are compared, grouped and charted together.
type Measure struct {
	ID    string `mapstructure:"id"`
	Title Titles `mapstructure:"title"`
	// Kind is what the measure counts (see analysis.Kinds); a figure whose unit does not fit
	// it is not of this measure. Empty accepts any figure.
	Kind string `mapstructure:"kind"`
	// Terms name the measure as whole words or compound heads ("Soldaten" finds
	// "Soldat" and "Elitesoldaten", never a word that only begins alike).
	Terms []string `mapstructure:"terms"`
	// Verbs make a count whose own noun names no measure a figure of this one when one of
	// them stands in its clause ("12.456 Zivilisten wurden getötet", "13 people were killed").
	Verbs []string `mapstructure:"verbs"`
}

// Entity is a country, organisation or person that figures are about.
type Entity struct {
	ID    string   `mapstructure:"id"`
	Name  Titles   `mapstructure:"name"`
	Terms []string `mapstructure:"terms"`
	// WeakTerms name the entity only in a document that also names it by one of its terms
	// ("Norden" for North Korea, which is any north elsewhere).
	WeakTerms []string `mapstructure:"weak_terms"`
}

// Analysis sets the limits of the analysis.
type Analysis struct {
	// StatementsPerTheme is the number of ranked statements kept per theme.
	StatementsPerTheme int `mapstructure:"statements_per_theme"`
	// MinThemeScore is the lexicon weight a sentence needs to belong to a theme.
	MinThemeScore float64 `mapstructure:"min_theme_score"`
	// Candidates bounds the sentences per theme that the graph ranking looks at.
	Candidates int `mapstructure:"candidates"`
	// DuplicateSimilarity is the word-shingle resemblance above which sentences of different
	// documents are the same statement (0–1).
	DuplicateSimilarity float64 `mapstructure:"duplicate_similarity"`
	// Subject lists the entities the briefing is about: an id, or ids joined by "+" that one
	// sentence must name together ("nato+japan"); a document is used only when
	// MinSubjectSentences of its theme sentences name a subject. Empty uses all.
	Subject             []string `mapstructure:"subject"`
	MinSubjectSentences int      `mapstructure:"min_subject_sentences"`
}

func validateAnalysis(c Config, add func(key string, value any, format string, args ...any)) {
	ids := map[string]bool{}
	for i, t := range c.Themes {
		key := fmt.Sprintf("themes[%d]", i)
		switch {
		case t.ID == "":
			add(key+".id", t.ID, "must not be empty")
		case ids[t.ID]:
			add(key+".id", t.ID, "is used by another theme")
		}
		ids[t.ID] = true
		if t.Title.De == "" && t.Title.En == "" {
			add(key+".title", "", "needs a de or en title")
		}
		if len(t.Lexicon) == 0 {
			add(key+".lexicon", "", "needs at least one group of terms")
		}
		for j, g := range t.Lexicon {
			if g.Weight <= 0 {
				add(fmt.Sprintf("%s.lexicon[%d].weight", key, j), g.Weight, "must be greater than 0")
			}
			if len(g.Terms) == 0 {
				add(fmt.Sprintf("%s.lexicon[%d].terms", key, j), "", "must list at least one term")
			}
		}
	}
	checkIDs("measures", len(c.Measures), func(i int) (string, int) { return c.Measures[i].ID, len(c.Measures[i].Terms) }, add)
	for i, spec := range c.Analysis.Subject {
		for _, id := range strings.Split(spec, "+") {
			if !slices.ContainsFunc(c.Entities, func(e Entity) bool { return e.ID == strings.TrimSpace(id) }) {
				add(fmt.Sprintf("analysis.subject[%d]", i), spec, "%q is not the id of an entity", id)
			}
		}
	}
	if c.Analysis.MinSubjectSentences < 0 {
		add("analysis.min_subject_sentences", c.Analysis.MinSubjectSentences, "must be 0 (the default, 2) or more")
	}
	checkIDs("entities", len(c.Entities), func(i int) (string, int) { return c.Entities[i].ID, len(c.Entities[i].Terms) }, add)
	a := c.Analysis
	if a.StatementsPerTheme < 1 {
		add("analysis.statements_per_theme", a.StatementsPerTheme, "must be at least 1")
	}
	if a.MinThemeScore <= 0 {
		add("analysis.min_theme_score", a.MinThemeScore, "must be greater than 0")
	}
	if a.Candidates < a.StatementsPerTheme {
		add("analysis.candidates", a.Candidates, "must be at least statements_per_theme")
	}
	if a.DuplicateSimilarity <= 0 || a.DuplicateSimilarity > 1 {
		add("analysis.duplicate_similarity", a.DuplicateSimilarity, "must be in (0, 1]")
	}
}

// checkIDs checks that a list's ids are set and unique and that each entry has terms.
func checkIDs(list string, n int, entry func(int) (string, int), add func(string, any, string, ...any)) {
	seen := map[string]bool{}
	for i := range n {
		id, terms := entry(i)
		key := fmt.Sprintf("%s[%d]", list, i)
		switch {
		case id == "":
			add(key+".id", id, "must not be empty")
		case seen[id]:
			add(key+".id", id, "is used twice")
		}
		seen[id] = true
		if terms == 0 {
			add(key+".terms", "", "must list at least one term")
		}
	}
}
