package analysis

import (
	"math"
	"time"
)

// Recency: what is new matters more to a reader than what is old. A statement weighs more the
// closer its document's date is to the newest dated document of the briefing: the weight
// halves every recencyHalfLife days. An undated document is not counted as recent (its file
// time says nothing about when it was written).
const (
	recencyHalfLife = 120.0
	boostRecency    = 1.5
)

// recencies returns the recency of every document, 0 to 1: 1 for the newest dated document,
// 0 for an undated one and for one that gives nothing (off topic).
func recencies(docs []daySpan) []float64 {
	newest := math.Inf(-1)
	for _, d := range docs {
		if d.ok {
			newest = math.Max(newest, d.day)
		}
	}
	out := make([]float64, len(docs))
	for i, d := range docs {
		if d.ok {
			out[i] = math.Exp2(-(newest - d.day) / recencyHalfLife)
		}
	}
	return out
}

// daySpan is a document's date as a day number, the middle of the period it names ("2024"
// is July 2024).
type daySpan struct {
	day float64
	ok  bool
}

// dayOf reads an ISO date as precise as "2024", "2024-06" or "2024-06-18".
func dayOf(iso string) daySpan {
	var t time.Time
	var err error
	switch len(iso) {
	case len("2006-01-02"):
		t, err = time.Parse("2006-01-02", iso)
	case len("2006-01"):
		t, err = time.Parse("2006-01", iso)
		t = t.AddDate(0, 0, 14)
	case len("2006"):
		t, err = time.Parse("2006", iso)
		t = t.AddDate(0, 6, 0)
	default:
		return daySpan{}
	}
	if err != nil {
		return daySpan{}
	}
	return daySpan{day: float64(t.Unix()) / 86400, ok: true}
}
