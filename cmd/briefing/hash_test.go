package main

import (
	"os"
	"path/filepath"
	"testing"

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
	hash := func() string {
		t.Helper()
		h, err := inputHash(cfg)
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
	}
	prev := hash()
	for _, s := range steps {
		s.change()
		now := hash()
		if (now != prev) != s.moves {
			t.Errorf("%s: hash changed %v, want %v", s.name, now != prev, s.moves)
		}
		prev = now
	}
}
