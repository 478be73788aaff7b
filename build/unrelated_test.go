package build

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/report"
)

// With 1 000 documents on other subjects in the folder (recombined from the real off-topic
// documents of the development corpus: sport, trade, other wars, NATO's anniversary, Japan's
// economy), the seed briefing says what it says without them, and the appendix counts them
// as not relevant while the model lists them all.
func TestUnrelatedDocumentsChangeNothing(t *testing.T) {
	var pool []string
	for _, pattern := range []string{"../eval/corpus/d*", "../eval/corpus/e*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(raw), "\n") {
				// A paragraph that names the subject (the F-22 article's "Japan and South
				// Korea … likely customers") is not unrelated: how the relevance gate treats
				// such documents is measured on the development corpus (make eval).
				if line = strings.TrimSpace(line); len(line) > 40 && !namesSubject.MatchString(line) {
					pool = append(pool, line)
				}
			}
		}
	}
	if len(pool) < 200 {
		t.Fatalf("only %d paragraphs of off-topic text", len(pool))
	}
	dir := t.TempDir()
	seedFiles, _ := filepath.Glob("../seeds/*")
	for _, f := range seedFiles {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), raw, 0o644)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		var b strings.Builder
		for range 6 {
			b.WriteString(pool[rng.IntN(len(pool))] + "\n\n")
		}
		name := fmt.Sprintf("2025-%02d-%02d_other-%04d.txt", 1+i%12, 1+i%28, i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, want := briefingOf(t, "../seeds")
	mixed, got := briefingOf(t, dir)
	texts := func(items []report.Item) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Text)
		}
		return out
	}
	if !slices.Equal(texts(got.KeyJudgements), texts(want.KeyJudgements)) {
		t.Errorf("key judgements changed:\n got %q\nwant %q", texts(got.KeyJudgements), texts(want.KeyJudgements))
	}
	rows := func(fs []report.FigureRow) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Subject+" "+f.Value+" "+f.Period)
		}
		return out
	}
	if !slices.Equal(rows(got.KeyFigures), rows(want.KeyFigures)) {
		t.Errorf("key figures changed:\n got %q\nwant %q", rows(got.KeyFigures), rows(want.KeyFigures))
	}
	if n := len(mixed.Files.NotRelevant); n != 1000 {
		t.Errorf("the model lists %d documents as not relevant, want 1000", n)
	}
	if !strings.Contains(got.Files.Summary, "1000 nicht einschlägig") {
		t.Errorf("the appendix does not count them: %q", got.Files.Summary)
	}
	if n := len(got.Files.Entries); n > singleWarningsMax+4 {
		t.Errorf("the appendix has %d warning entries: it grew with the corpus", n)
	}
}

// namesSubject finds the names of the seed briefing's subject.
var namesSubject = regexp.MustCompile(`(?i)korea|pjöngjang|pyongyang|dprk|dvrk|seoul`)

// singleWarningsMax is the number of warnings of their own the appendix lists at most.
const singleWarningsMax = 25

// briefingOf analyses a folder with the project's configuration and decides its briefing.
func briefingOf(t *testing.T, dir string) (*briefing.Model, *report.Briefing) {
	t.Helper()
	cfg, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Docs.Dir = dir
	date := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	m, err := Model(context.Background(), cfg, date, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w, err := report.LoadWording("de", "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := report.Build(m, w, ReportOptions(cfg, date))
	if err != nil {
		t.Fatal(err)
	}
	return m, b
}
