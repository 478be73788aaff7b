package build

import (
	"context"
	"encoding/json"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/doccache"
)

// The analysis model is the same whether the documents are read anew, read into an empty
// cache, or taken from a filled one; a document that goes leaves the cache, and a damaged
// entry is read again.
func TestACachedModelIsTheSameModel(t *testing.T) {
	cfg, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Docs.Dir = t.TempDir()
	copyTree(t, "../eval/corpus", cfg.Docs.Dir)
	store, err := doccache.Open(filepath.Join(t.TempDir(), "docs"))
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	model := func(cached bool) string {
		var m *briefing.Model
		var err error
		if cached {
			m, err = CachedModel(context.Background(), cfg, date, slog.New(slog.DiscardHandler), store)
		} else {
			m, err = Model(context.Background(), cfg, date, slog.New(slog.DiscardHandler))
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fresh, cold, warm := model(false), model(true), model(true)
	if cold != fresh || warm != fresh {
		t.Fatalf("the models differ: read anew %d bytes, cold cache %d, warm cache %d", len(fresh), len(cold), len(warm))
	}
	entries := cacheEntries(t, store)
	if n := len(entries); n < 100 {
		t.Fatalf("%d cache entries for 113 documents", n)
	}
	// A damaged entry is read again; a document that goes leaves the cache.
	if err := os.WriteFile(entries[0], []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	gone, _ := filepath.Glob(filepath.Join(cfg.Docs.Dir, "a01-*"))
	if len(gone) != 1 {
		t.Fatalf("no document a01 to remove: %v", gone)
	}
	os.Remove(gone[0])
	if model(true) != model(false) {
		t.Error("the model with a damaged entry differs from one read anew")
	}
	if n := len(cacheEntries(t, store)); n != len(entries)-1 {
		t.Errorf("%d cache entries after a document went, want %d", n, len(entries)-1)
	}
}

func cacheEntries(t *testing.T, store *doccache.Store) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(store.Dir(), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".gob") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
