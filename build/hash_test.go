package build

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/secbrief/briefing/config"
)

func TestTheInputHashSeesWhatIngestionReads(t *testing.T) {
	dir := t.TempDir()
	docs, ext := filepath.Join(dir, "docs"), filepath.Join(dir, "ext")
	writeFile(t, filepath.Join(docs, "a.txt"), "Titel\nEin Satz.\n")
	writeFile(t, filepath.Join(ext, "b.txt"), "Titel\nNoch ein Satz.\n")
	if err := os.Symlink(ext, filepath.Join(docs, "linked")); err != nil {
		t.Skip(err)
	}
	cfg := config.Default()
	cfg.Docs.Dir = docs
	now := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	hash := func() string {
		t.Helper()
		h, err := InputHash(cfg, now)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	steps := []struct {
		name   string
		change func()
		moves  bool
	}{
		{"nothing changed", func() {}, false},
		{"a document behind a symlinked folder changed", func() { writeFile(t, filepath.Join(ext, "b.txt"), "Titel\nAnders.\n") }, true},
		{"a document was added", func() { writeFile(t, filepath.Join(docs, "c.md"), "# C\n\nText.\n") }, true},
		{"an unsupported file was added (it becomes a warning)", func() { writeFile(t, filepath.Join(docs, "d.pdf"), "%PDF") }, true},
		{"the schedule changed", func() { cfg.Schedule = "@every 5m" }, false},
		{"the title changed", func() { cfg.Briefing.Title = "Anders" }, true},
		{"a day passed without a window", func() { now = now.AddDate(0, 0, 1) }, false},
		{"a window was set", func() { cfg.Briefing.Window = "30d" }, true},
		{"a day passed with a window", func() { now = now.AddDate(0, 0, 1) }, true},
		{"an hour passed within the day", func() { now = now.Add(time.Hour) }, false},
	}
	prev := hash()
	for _, s := range steps {
		s.change()
		h := hash()
		if (h != prev) != s.moves {
			t.Errorf("%s: hash changed %v, want %v", s.name, h != prev, s.moves)
		}
		prev = h
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
