package numfmt

import (
	"math"
	"testing"

	"github.com/secbrief/briefing/briefing"
)

func TestPeriod(t *testing.T) {
	tests := []struct {
		name   string
		p      *briefing.Period
		de, en string
	}{
		{"no period is empty", nil, "", ""},
		{"a period without dates is empty", &briefing.Period{}, "", ""},
		{"a span of years takes an en dash", &briefing.Period{From: "2016", To: "2020"}, "2016–2020", "2016–2020"},
		{"one year is that year", &briefing.Period{From: "2023", To: "2023"}, "2023", "2023"},
		{"the first six months are the first half", &briefing.Period{From: "2024-01", To: "2024-06"}, "1. Halbjahr 2024", "H1 2024"},
		{"the last six months are the second half", &briefing.Period{From: "2024-07", To: "2024-12"}, "2. Halbjahr 2024", "H2 2024"},
		{"three months from April are the second quarter", &briefing.Period{From: "2024-04", To: "2024-06"}, "2. Quartal 2024", "Q2 2024"},
		{"one month is that month", &briefing.Period{From: "2022-07", To: "2022-07"}, "Juli 2022", "July 2022"},
		{"other months of one year share the year", &briefing.Period{From: "2024-03", To: "2024-05"}, "März–Mai 2024", "March–May 2024"},
		{"months of two years are written apart", &briefing.Period{From: "2023-07", To: "2024-10"}, "Juli 2023 – Oktober 2024", "July 2023 – October 2024"},
		{"all months of a year are the year", &briefing.Period{From: "2024-01", To: "2024-12"}, "2024", "2024"},
		{"days of a whole year are the year", &briefing.Period{From: "2024-01-01", To: "2024-12-31"}, "2024", "2024"},
		{"a month to a day keeps both precisions", &briefing.Period{From: "2023-07", To: "2024-10-27"}, "Juli 2023 – 27.10.2024", "July 2023 – 27 Oct 2024"},
		{"one day is that date", &briefing.Period{From: "2024-10-30", To: "2024-10-30"}, "30.10.2024", "30 Oct 2024"},
		{"an open end reads since", &briefing.Period{From: "2023-07"}, "seit Juli 2023", "since July 2023"},
		{"an open start reads until", &briefing.Period{To: "2024"}, "bis 2024", "until 2024"},
		{"unreadable dates are kept", &briefing.Period{From: "früher", To: "später"}, "früher – später", "früher – später"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Period(tt.p, "de"); got != tt.de {
				t.Errorf("Period(de) = %q, want %q", got, tt.de)
			}
			if got := Period(tt.p, "en"); got != tt.en {
				t.Errorf("Period(en) = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		name   string
		iso    string
		de, en string
	}{
		{"a year is the year", "2024", "2024", "2024"},
		{"a month is named", "2024-06", "Juni 2024", "June 2024"},
		{"a day is written numerically in German", "2024-06-17", "17.06.2024", "17 Jun 2024"},
		{"a half is named", "2024-H1", "1. Halbjahr 2024", "H1 2024"},
		{"a quarter is named", "2024-Q2", "2. Quartal 2024", "Q2 2024"},
		{"spring is named", "2024-SP", "Frühjahr 2024", "Spring 2024"},
		{"autumn is named", "2024-FA", "Herbst 2024", "Autumn 2024"},
		{"a decade is named", "199X", "1990er-Jahre", "1990s"},
		{"a thirteenth month is returned unchanged", "2024-13", "2024-13", "2024-13"},
		{"an impossible day is returned unchanged", "2024-02-30", "2024-02-30", "2024-02-30"},
		{"a fifth quarter is returned unchanged", "2024-Q5", "2024-Q5", "2024-Q5"},
		{"words are returned unchanged", "nächstes Jahr", "nächstes Jahr", "nächstes Jahr"},
		{"an empty date stays empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Date(tt.iso, "de"); got != tt.de {
				t.Errorf("Date(%q, de) = %q, want %q", tt.iso, got, tt.de)
			}
			if got := Date(tt.iso, "en"); got != tt.en {
				t.Errorf("Date(%q, en) = %q, want %q", tt.iso, got, tt.en)
			}
		})
	}
}

func TestYears(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		want     float64
	}{
		{"five years are counted inclusively", "2016", "2020", 5},
		{"three years are counted inclusively", "2021", "2023", 3},
		{"one year is one", "2023", "2023", 1},
		{"six months are half a year", "2024-01", "2024-06", 0.5},
		{"a quarter is a quarter of a year", "2024-04", "2024-06", 0.25},
		{"one month is a twelfth", "2022-07", "2022-07", 1.0 / 12},
		{"a half in ISO form is half a year", "2024-H1", "2024-H1", 0.5},
		{"a decade is ten years", "199X", "199X", 10},
		{"the days of a calendar year are one year", "2024-01-01", "2024-12-31", 1},
		{"days are counted for day precision", "2023-07", "2024-10-27", 1 + 119.0/365},
		{"one day is a day of its year", "2023-10-30", "2023-10-30", 1.0 / 366},
		{"an open period has no length", "2023-07", "", 0},
		{"an unreadable period has no length", "früher", "2024", 0},
		{"a period that ends before it begins has no length", "2024", "2020", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Years(briefing.Period{From: tt.from, To: tt.to})
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Years(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
}
