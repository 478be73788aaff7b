package dates

import "strings"

// calendar holds the words of one language for months and seasons: the one table of each
// language that reading (Find, Expressions, the sentence splitter) and writing (numfmt) share.
type calendar struct {
	// months are the names as written, January first; monthForms are other full spellings
	// ("Jänner", "Maerz"), which stand without a year like the names; monthAbbrevs count
	// only with their period ("Okt.") or before a year ("Okt 2024").
	months       [12]string
	monthForms   [12][]string
	monthAbbrevs [12][]string
	// seasons are the names as written, spring first; seasonForms are genitives and synonyms.
	seasons     [4]string
	seasonForms [4][]string
}

var calendars = map[string]calendar{
	"de": {
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
			"September", "Oktober", "November", "Dezember"},
		monthForms: [12][]string{0: {"Jänner"}, 1: {"Feber"}, 2: {"Maerz"}},
		monthAbbrevs: [12][]string{{"Jan"}, {"Feb"}, {"Mär", "Mrz"}, {"Apr"}, nil, {"Jun"}, {"Jul"}, {"Aug"},
			{"Sept", "Sep"}, {"Okt"}, {"Nov"}, {"Dez"}},
		seasons:     [4]string{"Frühjahr", "Sommer", "Herbst", "Winter"},
		seasonForms: [4][]string{{"Frühjahrs", "Frühling", "Frühlings"}, {"Sommers"}, {"Herbstes", "Herbsts"}, {"Winters"}},
	},
	"en": {
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December"},
		monthAbbrevs: [12][]string{{"Jan"}, {"Feb"}, {"Mar"}, {"Apr"}, nil, {"Jun"}, {"Jul"}, {"Aug"},
			{"Sept", "Sep"}, {"Oct"}, {"Nov"}, {"Dec"}},
		seasons: [4]string{"Spring", "Summer", "Autumn", "Winter"},
		// "fall" is English only: in German text "Fall" is a case (see seasonAt).
		seasonForms: [4][]string{2: {"Fall"}},
	},
}

// MonthName returns month m (1–12) as written in lang ("März"; "March" for "en"; German for
// any other language).
func MonthName(m int, lang string) string {
	return calendarOf(lang).months[m-1]
}

// SeasonName returns season s (1 spring … 4 winter) as written in lang ("Frühjahr", "Spring").
func SeasonName(s int, lang string) string {
	return calendarOf(lang).seasons[s-1]
}

func calendarOf(lang string) calendar {
	if c, ok := calendars[lang]; ok {
		return c
	}
	return calendars["de"]
}

// The lookup tables of the readers, in lower case, built from the calendars: every month word
// (names, forms, abbreviations), the full ones among them, and every season word. Both
// languages' words count in either language: briefings quote English in German text.
var months, fullMonths, seasons = func() (all map[string]int, full map[string]bool, seasons map[string]int) {
	all, full, seasons = map[string]int{}, map[string]bool{}, map[string]int{}
	for _, c := range calendars {
		for i := range 12 {
			for _, w := range append([]string{c.months[i]}, c.monthForms[i]...) {
				all[strings.ToLower(w)], full[strings.ToLower(w)] = i+1, true
			}
			for _, w := range c.monthAbbrevs[i] {
				all[strings.ToLower(w)] = i + 1
			}
		}
		for i := range 4 {
			for _, w := range append([]string{c.seasons[i]}, c.seasonForms[i]...) {
				seasons[strings.ToLower(w)] = i + 1
			}
		}
	}
	return all, full, seasons
}()
