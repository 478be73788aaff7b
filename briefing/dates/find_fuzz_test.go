package dates

import (
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzFind finds the dates of any text: each match lies inside the text, matches are in
// order and do not overlap, and each is an ISO date as precise as the text. With
// BRIEFING_FUZZ_TIMING set (make fuzz), an input that takes far longer than its size allows
// is a failure.
func FuzzFind(f *testing.F) {
	f.Add("Am 31. Oktober 2024 und am 1.3.2025, zuletzt im März 2024 (März–Juni 2023).")
	f.Add("On October 31, 2024, and 2024-06-18; Jan. 5, 2025.")
	f.Add(strings.Repeat("Am 1. März 1999 und am 2.3.2001 ", 3000))
	f.Add(strings.Repeat("2024", 20000))
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<20 {
			return
		}
		start := time.Now()
		prev := 0
		for _, m := range Find(text) {
			if m.Start < prev || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("match %+v out of order or outside the text (len %d)", m, len(text))
			}
			prev = m.End
			layout := map[int]string{7: "2006-01", 10: "2006-01-02"}[len(m.ISO)]
			if _, err := time.Parse(layout, m.ISO); layout == "" || err != nil {
				t.Fatalf("%q is not an ISO date", m.ISO)
			}
		}
		if os.Getenv("BRIEFING_FUZZ_TIMING") != "" {
			if took, allowed := time.Since(start), time.Second+time.Duration(len(text))*20*time.Microsecond; took > allowed {
				t.Fatalf("%d bytes took %v (allowed %v)", len(text), took, allowed)
			}
		}
	})
}
