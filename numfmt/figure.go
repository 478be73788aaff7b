package numfmt

import (
	"math"

	"github.com/secbrief/briefing/briefing"
)

// qualifiers are the words for briefing.Figure.Qualifier, German and English.
var qualifiers = map[string][2]string{
	"more_than":  {"mehr als", "more than"},
	"at_least":   {"mindestens", "at least"},
	"up_to":      {"bis zu", "up to"},
	"at_most":    {"höchstens", "at most"},
	"almost":     {"fast", "almost"},
	"about":      {"rund", "about"},
	"average":    {"durchschnittlich", "on average"},
	"less_than":  {"weniger als", "less than"},
	"additional": {"weitere", "another"},
}

// Figure writes a figure's amount with its qualifier and range: "mehr als 1,7 Mrd. US-Dollar",
// "20 bis 60 Sprengköpfe", "1,7 bis 5,5 Mrd. US-Dollar"; in English "more than USD 1.7 bn",
// "USD 1.7 to 5.5 bn". An unknown qualifier is left out. The period is not part of it (see
// Period).
func Figure(f briefing.Figure, lang string) string {
	var s string
	if f.ValueMax != nil && *f.ValueMax != f.Value {
		// Both ends in the scale of the larger one.
		hi := math.Max(math.Abs(f.Value), math.Abs(*f.ValueMax))
		fac, word := Scale(hi, f.Unit, lang)
		to := " bis "
		if isEN(lang) {
			to = " to "
		}
		s = amount(Number(f.Value/fac, lang)+to+Number(*f.ValueMax/fac, lang), word, f.Unit, false, lang)
	} else {
		s = Amount(f.Value, f.Unit, lang)
	}
	if q, ok := qualifiers[f.Qualifier]; ok {
		i := 0
		if isEN(lang) {
			i = 1
		}
		s = q[i] + " " + s
	}
	return s
}
