package dates

import (
	"reflect"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"a German day, month and year", "am 30. Oktober 2024 testete", []string{"2024-10-30"}},
		{"a German date glued to the next word", "31. Januar 2025Seoul und Tokio", []string{"2025-01-31"}},
		{"a German date without a space after the day", "am 6.August 2024", []string{"2024-08-06"}},
		{"a numeric German date", "von BILD am 27.10.2024 aufgegriffen", []string{"2024-10-27"}},
		{"an ISO date", "published 2025-01-31.", []string{"2025-01-31"}},
		{"an English month, day and year", "on January 31, 2025 in Seoul", []string{"2025-01-31"}},
		{"an English day, month and year", "on 17 June 2024,", []string{"2024-06-17"}},
		{"a month and year only", "im Juni 2024 besuchte", []string{"2024-06"}},
		{"März with umlaut", "im März 2024 sein Veto", []string{"2024-03"}},
		{"an abbreviated month", "Sept. 2024 and Jan. 5, 2025", []string{"2024-09", "2025-01-05"}},
		{"a day-month-year wins over month-year inside it", "bis 19. Dezember 2023", []string{"2023-12-19"}},
		{"an impossible date is skipped", "am 31. Februar 2024", []string{"2024-02"}},
		{"a year alone is not a date", "im Jahr 2023", nil},
		{"a number before a day is not a date", "S. 123. Mai 2024", []string{"2024-05"}},
		{"two dates in one sentence", "am 30. Dezember 2023 und am 2. Februar 2024", []string{"2023-12-30", "2024-02-02"}},
		{"Mai as a month", "Dokument S/PV.9048 vom 26. Mai 2022.", []string{"2022-05-26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(tt.in) {
				got = append(got, m.ISO)
				if m.Start < 0 || m.End > len(tt.in) || m.Start >= m.End {
					t.Fatalf("bad span %+v", m)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
