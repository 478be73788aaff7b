package deliver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/secbrief/briefing/atomicfile"
	"github.com/secbrief/briefing/edition"
)

// ledgerVersion is the format of the ledger file; version 1 files (without intents) are read.
const ledgerVersion = 2

// ledgerFile is the JSON form of the ledger:
//
//	{"version": 2, "editions": {"2026-11-24T0600": {"mail": "2026-11-24T06:01:02Z"}},
//	 "intents": {"2026-11-24T0600": {"webhook": "2026-11-24T06:01:03Z"}}}
//
// An intent is written before a target is handed an edition and removed when the outcome is
// known; one left behind means the process ended during the hand-over.
type ledgerFile struct {
	Version  int                             `json:"version"`
	Editions map[string]map[string]time.Time `json:"editions"`
	Intents  map[string]map[string]time.Time `json:"intents,omitempty"`
}

// Ledger records which edition was delivered to which target. It is a JSON file in the state
// folder, written atomically (a temporary file in the same folder, synced, then renamed), so a
// crash leaves either the old or the new ledger. Its methods are safe for concurrent use.
type Ledger struct {
	path string

	mu        sync.Mutex
	editions  map[string]map[string]time.Time // edition ID → target → time of delivery
	intents   map[string]map[string]time.Time // edition ID → target → start of a hand-over
	recovered string                          // where a corrupt file was moved, and why
}

// OpenLedger reads the ledger at path. A missing file is an empty ledger; it is created by
// the first Record. A file that cannot be parsed (corrupt, empty, of an unknown version) is
// moved aside and the ledger starts empty: Recovered names where it went, and the caller
// restores what the run records know (Restore). A daemon that refused to start over a
// broken ledger would restart in a loop with its HTTP interface down. A file that cannot be
// read at all is an error naming the file.
func OpenLedger(path string) (*Ledger, error) {
	l := &Ledger{path: path, editions: map[string]map[string]time.Time{}, intents: map[string]map[string]time.Time{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read delivery ledger %s: %w", path, err)
	}
	var f ledgerFile
	err = json.Unmarshal(data, &f)
	if err == nil && f.Version != ledgerVersion && f.Version != 1 {
		err = fmt.Errorf("unknown version %d", f.Version)
	}
	if err != nil {
		aside := fmt.Sprintf("%s.corrupt-%d", path, time.Now().Unix())
		if rerr := os.Rename(path, aside); rerr != nil {
			return nil, fmt.Errorf("read delivery ledger %s: %w; move it aside: %w", path, err, rerr)
		}
		l.recovered = fmt.Sprintf("%s (%v)", aside, err)
		return l, nil
	}
	for id, targets := range f.Editions {
		if len(targets) > 0 {
			l.editions[id] = targets
		}
	}
	for id, targets := range f.Intents {
		if len(targets) > 0 {
			l.intents[id] = targets
		}
	}
	return l, nil
}

// Intend records, on disk, that editionID is about to be handed to target. Until Record or
// Abandon settles it, a restart finds the delivery in doubt.
func (l *Ledger) Intend(editionID, target string, at time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	setIn(l.intents, editionID, target, at)
	return l.save()
}

// Abandon removes the intent of a hand-over that did not happen (it failed with an error).
func (l *Ledger) Abandon(editionID, target string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !deleteIn(l.intents, editionID, target) {
		return nil
	}
	return l.save()
}

// InDoubt returns when a hand-over of editionID to target began that has no outcome: the
// process ended during it, and the target may or may not have the edition.
func (l *Ledger) InDoubt(editionID, target string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	at, ok := l.intents[editionID][target]
	return at, ok
}

// Retry clears the deliveries of editionID in doubt (to every target, or to the named one),
// so that the next delivery sends them; it returns the targets it cleared.
func (l *Ledger) Retry(editionID, target string) ([]string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var cleared []string
	for t := range l.intents[editionID] {
		if target == "" || t == target {
			cleared = append(cleared, t)
		}
	}
	for _, t := range cleared {
		deleteIn(l.intents, editionID, t)
	}
	if len(cleared) == 0 {
		return nil, nil
	}
	sort.Strings(cleared)
	return cleared, l.save()
}

func setIn(m map[string]map[string]time.Time, id, target string, at time.Time) {
	if m[id] == nil {
		m[id] = map[string]time.Time{}
	}
	m[id][target] = at.UTC()
}

func deleteIn(m map[string]map[string]time.Time, id, target string) bool {
	if _, ok := m[id][target]; !ok {
		return false
	}
	delete(m[id], target)
	if len(m[id]) == 0 {
		delete(m, id)
	}
	return true
}

// Recovered says where a corrupt ledger file was moved and why, or "" when it was sound.
func (l *Ledger) Recovered() string { return l.recovered }

// Restore records the deliveries that run records report as sent and the ledger does not
// have: after a corrupt ledger was moved aside, no edition is delivered twice.
func (l *Ledger) Restore(runs []edition.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := false
	for _, r := range runs {
		id, ok := strings.CutPrefix(strings.TrimSuffix(r.Output, ".pdf"), "briefing-")
		if !ok || id == "" {
			continue
		}
		for _, d := range r.Deliveries {
			if d.Status != edition.DeliverySent {
				continue
			}
			if _, has := l.editions[id][d.Target]; has {
				continue
			}
			if l.editions[id] == nil {
				l.editions[id] = map[string]time.Time{}
			}
			l.editions[id][d.Target] = d.At.UTC()
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return l.save()
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
	setIn(l.editions, editionID, target, at)
	deleteIn(l.intents, editionID, target)
	return l.save()
}

// Prune drops the entries of every edition for which keep returns false, so that the ledger
// stays as small as the set of kept editions. It writes the ledger only if it changed.
func (l *Ledger) Prune(keep func(editionID string) bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := false
	for _, m := range []map[string]map[string]time.Time{l.editions, l.intents} {
		for id := range m {
			if !keep(id) {
				delete(m, id)
				changed = true
			}
		}
	}
	if !changed {
		return nil
	}
	return l.save()
}

// save writes the ledger atomically; l.mu must be held.
func (l *Ledger) save() error {
	data, err := json.MarshalIndent(ledgerFile{Version: ledgerVersion, Editions: l.editions, Intents: l.intents}, "", "  ")
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
