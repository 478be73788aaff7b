package deliver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/secbrief/briefing/atomicfile"
)

// ledgerVersion is the format of the ledger file.
const ledgerVersion = 1

// ledgerFile is the JSON form of the ledger:
//
//	{"version": 1, "editions": {"2026-11-24T0600": {"mail": "2026-11-24T06:01:02Z"}}}
type ledgerFile struct {
	Version  int                             `json:"version"`
	Editions map[string]map[string]time.Time `json:"editions"`
}

// Ledger records which edition was delivered to which target. It is a JSON file in the state
// folder, written atomically (a temporary file in the same folder, synced, then renamed), so a
// crash leaves either the old or the new ledger. Its methods are safe for concurrent use.
type Ledger struct {
	path string

	mu       sync.Mutex
	editions map[string]map[string]time.Time // edition ID → target → time of delivery
}

// OpenLedger reads the ledger at path. A missing file is an empty ledger; it is created by
// the first Record. A file that cannot be read or parsed is an error naming the file.
func OpenLedger(path string) (*Ledger, error) {
	l := &Ledger{path: path, editions: map[string]map[string]time.Time{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read delivery ledger %s: %w", path, err)
	}
	var f ledgerFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("read delivery ledger %s: %w", path, err)
	}
	if f.Version != ledgerVersion {
		return nil, fmt.Errorf("read delivery ledger %s: unknown version %d", path, f.Version)
	}
	for id, targets := range f.Editions {
		if len(targets) > 0 {
			l.editions[id] = targets
		}
	}
	return l, nil
}

// Path returns the file of the ledger.
func (l *Ledger) Path() string { return l.path }

// Delivered reports whether editionID was delivered to target.
func (l *Ledger) Delivered(editionID, target string) bool {
	_, ok := l.deliveredAt(editionID, target)
	return ok
}

// deliveredAt returns when editionID was delivered to target.
func (l *Ledger) deliveredAt(editionID, target string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	at, ok := l.editions[editionID][target]
	return at, ok
}

// Record notes that editionID was delivered to target at the given time and writes the ledger
// to disk before it returns. If writing fails, the delivery stays recorded in memory (it did
// happen), and the next successful write persists it.
func (l *Ledger) Record(editionID, target string, at time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	targets := l.editions[editionID]
	if targets == nil {
		targets = map[string]time.Time{}
		l.editions[editionID] = targets
	}
	targets[target] = at.UTC()
	return l.save()
}

// Prune drops the entries of every edition for which keep returns false, so that the ledger
// stays as small as the set of kept editions. It writes the ledger only if it changed.
func (l *Ledger) Prune(keep func(editionID string) bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := false
	for id := range l.editions {
		if !keep(id) {
			delete(l.editions, id)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return l.save()
}

// save writes the ledger atomically; l.mu must be held.
func (l *Ledger) save() error {
	data, err := json.MarshalIndent(ledgerFile{Version: ledgerVersion, Editions: l.editions}, "", "  ")
	if err != nil {
		return fmt.Errorf("write delivery ledger %s: %w", l.path, err)
	}
	data = append(data, '\n')
	err = atomicfile.Write(l.path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("write delivery ledger: %w", err) // atomicfile names the file
	}
	return nil
}
