package analysis

import (
	"sync/atomic"
	"testing"
)

// Every call runs; a panic in one reaches the caller, where a run's recovery catches it,
// instead of ending the process from a goroutine.
func TestSideBySideRaisesAPanicInTheCaller(t *testing.T) {
	var calls atomic.Int32
	sideBySide(10, func(int) { calls.Add(1) })
	if calls.Load() != 10 {
		t.Fatalf("%d calls, want 10", calls.Load())
	}
	defer func() {
		if p := recover(); p != "theme 3" {
			t.Errorf("recovered %v, want the panic of theme 3", p)
		}
	}()
	sideBySide(5, func(i int) {
		if i == 3 {
			panic("theme 3")
		}
	})
	t.Error("no panic reached the caller")
}
