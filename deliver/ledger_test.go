package deliver

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
)

func TestLedgerMissingFileIsEmpty(t *testing.T) {
	l, err := OpenLedger(filepath.Join(t.TempDir(), "deliveries.json"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Delivered("2026-11-24T0600", "mail") {
		t.Error("an empty ledger reports a delivery")
	}
}

func TestLedgerSurvivesReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "deliveries.json")
	at := time.Date(2026, 11, 24, 6, 1, 2, 0, time.UTC)
	l, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Record("2026-11-24T0600", "mail", at); err != nil {
		t.Fatal(err)
	}
	if err := l.Record("2026-11-24T0600", "webhook", at); err != nil {
		t.Fatal(err)
	}

	again, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		edition, target string
		want            bool
	}{
		{"2026-11-24T0600", "mail", true},
		{"2026-11-24T0600", "webhook", true},
		{"2026-11-24T0600", "other", false},
		{"2026-11-25T0600", "mail", false},
	} {
		if got := again.Delivered(tc.edition, tc.target); got != tc.want {
			t.Errorf("Delivered(%q, %q) = %v, want %v", tc.edition, tc.target, got, tc.want)
		}
	}
	if got, _ := again.deliveredAt("2026-11-24T0600", "mail"); !got.Equal(at) {
		t.Errorf("delivered at %v, want %v", got, at)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("state folder holds %d files, want only the ledger (no temporary files)", len(entries))
	}
}

// A corrupt, empty or unknown ledger is moved aside and the ledger restored from the run
// records: the daemon starts (it refused to, and restarted in a loop), and no edition that
// the records say was sent is sent again.
func TestACorruptLedgerIsMovedAsideAndRestored(t *testing.T) {
	dir := t.TempDir()
	runs := []edition.Record{{ID: "20261124T060000.000000000Z", Status: edition.StatusSuccess, Output: "briefing-2026-11-24T0600.pdf",
		Deliveries: []edition.Delivery{{Target: "mail", Status: edition.DeliverySent, At: time.Date(2026, 11, 24, 6, 1, 0, 0, time.UTC)},
			{Target: "webhook", Status: edition.DeliveryFailed}}}}
	for name, content := range map[string]string{
		"truncated.json": `{"version": 1, "editions": {"2026-11`,
		"version.json":   `{"version": 7, "editions": {}}`,
		"empty.json":     ``,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := OpenLedger(path)
			if err != nil {
				t.Fatalf("a corrupt ledger stops the start: %v", err)
			}
			if moved := l.Recovered(); !strings.Contains(moved, path+".corrupt-") {
				t.Errorf("Recovered() = %q", moved)
			}
			if err := l.Restore(runs); err != nil {
				t.Fatal(err)
			}
			if !l.Delivered("2026-11-24T0600", "mail") || l.Delivered("2026-11-24T0600", "webhook") {
				t.Errorf("restored: mail %v, webhook %v; want true, false",
					l.Delivered("2026-11-24T0600", "mail"), l.Delivered("2026-11-24T0600", "webhook"))
			}
			again, err := OpenLedger(path)
			if err != nil || again.Recovered() != "" || !again.Delivered("2026-11-24T0600", "mail") {
				t.Errorf("the restored ledger is not on disk: %v", err)
			}
		})
	}
}

func TestPruneDropsEditionsNoLongerKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deliveries.json")
	l, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"old", "kept"} {
		if err := l.Record(id, "mail", time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Prune(func(id string) bool { return id == "kept" }); err != nil {
		t.Fatal(err)
	}
	again, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if again.Delivered("old", "mail") {
		t.Error("pruned edition is still in the ledger")
	}
	if !again.Delivered("kept", "mail") {
		t.Error("kept edition was pruned")
	}
}

func TestLedgerIsSafeForConcurrentUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deliveries.json")
	l, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			target := string(rune('a' + i))
			if err := l.Record("e", target, time.Now()); err != nil {
				t.Error(err)
			}
			l.Delivered("e", target)
			if err := l.Prune(func(string) bool { return true }); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	again, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		if target := string(rune('a' + i)); !again.Delivered("e", target) {
			t.Errorf("delivery to %s lost", target)
		}
	}
}
