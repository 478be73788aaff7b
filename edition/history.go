package edition

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/secbrief/briefing/atomicfile"
)

// history keeps one JSON file per run in the state folder, the newest limit of them.
type history struct {
	dir   string
	limit int
	mu    sync.Mutex
	runs  []Record // newest first
}

func openHistory(dir string, limit int, log *slog.Logger) (*history, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("run history: %w", err)
	}
	h := &history{dir: dir, limit: limit}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("run history: %w", err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		var r Record
		if err == nil {
			err = json.Unmarshal(raw, &r)
		}
		if err != nil {
			log.Warn("run record unreadable, ignored", "file", e.Name(), "err", err)
			continue
		}
		if !validRunID.MatchString(r.ID) || r.ID+".json" != e.Name() {
			// The id names the record's file: one that is not a run id of this program
			// ("../../victim") is never used to build a path.
			log.Warn("run record with a foreign id, ignored", "file", e.Name(), "id", r.ID)
			continue
		}
		if r.Status == StatusRunning {
			// The process ended during this run.
			r.Status, r.Error = StatusFailed, "interrupted: the process stopped during the run"
		}
		h.runs = append(h.runs, r)
	}
	sort.SliceStable(h.runs, func(i, j int) bool { return h.runs[i].ID > h.runs[j].ID })
	return h, nil
}

// validRunID is the form of the ids runID makes.
var validRunID = regexp.MustCompile(`^\d{8}T\d{6}\.\d{9}Z$`)

// save writes a record and drops the oldest beyond the limit.
func (h *history) save(r Record) error {
	if !validRunID.MatchString(r.ID) {
		return fmt.Errorf("run record: invalid id %q", r.ID)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	replaced := false
	for i := range h.runs {
		if h.runs[i].ID == r.ID {
			h.runs[i], replaced = r, true
		}
	}
	if !replaced {
		h.runs = append([]Record{r}, h.runs...)
	}
	err := atomicfile.Write(filepath.Join(h.dir, r.ID+".json"), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	})
	for len(h.runs) > h.limit {
		old := h.runs[len(h.runs)-1]
		h.runs = h.runs[:len(h.runs)-1]
		os.Remove(filepath.Join(h.dir, old.ID+".json"))
	}
	return err
}

// list returns the runs, newest first.
func (h *history) list() []Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Record(nil), h.runs...)
}
