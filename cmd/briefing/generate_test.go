package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/internal/testtool"
	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// seedCopy copies the seed corpus with a fixed modification time: one seed has no date in
// its text, and its date must not depend on when it was checked out.
func seedCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := repoRoot(t)
	entries, err := os.ReadDir(filepath.Join(root, "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2023, 11, 20, 12, 0, 0, 0, time.UTC)
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(root, "seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// generate runs "briefing generate" on the seeds and returns the PDF's path.
func generate(t *testing.T, out string, extra ...string) string {
	t.Helper()
	docs := seedCopy(t)
	args := append([]string{"generate", "--config", filepath.Join(repoRoot(t), "config.yaml"), "--docs", docs, "--out", out}, extra...)
	_, stderr, code := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	return out
}

const editionDate = "2026-11-24T06:00:00Z"

func TestGenerateSeedBriefing(t *testing.T) {
	dir := t.TempDir()
	path := generate(t, filepath.Join(dir, "briefing.pdf"), "--date", editionDate, "--json", filepath.Join(dir, "model.json"))

	t.Run("qpdf finds no damage", func(t *testing.T) {
		testtool.Run(t, "qpdf", "--check", path)
	})
	t.Run("every font is embedded", func(t *testing.T) {
		lines := strings.Split(strings.TrimSpace(testtool.Run(t, "pdffonts", path)), "\n")
		if len(lines) < 3 {
			t.Fatalf("no fonts listed:\n%s", strings.Join(lines, "\n"))
		}
		for _, l := range lines[2:] {
			if f := strings.Fields(l); len(f) < 5 || !strings.Contains(l, " yes ") || strings.HasPrefix(f[0], "Helvetica") {
				t.Errorf("font not embedded or a core font: %s", l)
			}
		}
	})
	t.Run("the seed briefing fits on eight pages", func(t *testing.T) {
		m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(testtool.Run(t, "pdfinfo", path))
		if n, _ := strconv.Atoi(m[1]); n < 4 || n > 8 {
			t.Errorf("pages = %d, want 4 to 8", n)
		}
	})
	t.Run("the text matches the golden file", func(t *testing.T) {
		got := testtool.Run(t, "pdftotext", "-layout", path, "-")
		golden := filepath.Join("testdata", "seeds-briefing.txt")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/briefing -run Seed -args -update)", err)
		}
		if got != string(want) {
			t.Errorf("the briefing's text differs from %s; run with -args -update and review the diff", golden)
		}
	})
	t.Run("the key facts of the seeds are there", func(t *testing.T) {
		text := testtool.Run(t, "pdftotext", path, "-")
		text = regexp.MustCompile(`-\n([a-zäöüß])`).ReplaceAllString(text, "$1") // hyphenation at line ends
		text = strings.Join(strings.Fields(text), " ")
		facts := readKeyFacts(t)
		var missing []string
		for _, f := range facts {
			if !slices.ContainsFunc(f.Any, func(p string) bool { return strings.Contains(text, p) }) {
				missing = append(missing, f.Fact)
			}
		}
		covered := len(facts) - len(missing)
		t.Logf("%d of %d key facts; missing: %q", covered, len(facts), missing)
		// The list was written by reading the seeds, before this test existed; the floor is
		// what the briefing covers now and may only rise.
		if covered < keyFactsCovered {
			t.Errorf("%d of %d key facts, want at least %d; missing: %q", covered, len(facts), keyFactsCovered, missing)
		}
	})
	t.Run("umlauts, dashes and the marking survive", func(t *testing.T) {
		text := testtool.Run(t, "pdftotext", path, "-")
		for _, want := range []string{"Südkorea", "Rüstungsexporte", "ß", "–", "VS – NUR FÜR DEN DIENSTGEBRAUCH", "Seite 2 von"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF text lacks %q", want)
			}
		}
	})
	t.Run("the table of contents and the citations are internal links", func(t *testing.T) {
		plain := filepath.Join(dir, "plain.pdf")
		testtool.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, plain)
		raw, err := os.ReadFile(plain)
		if err != nil {
			t.Fatal(err)
		}
		links := strings.Count(string(raw), "/Subtype /Link")
		dests := strings.Count(string(raw), "/Dest [")
		if links < 40 || dests < links {
			t.Errorf("%d link annotations, %d with a destination; want at least 40, each with one (bookmarks have them too)", links, dests)
		}
	})
	t.Run("the JSON model is written beside it", func(t *testing.T) {
		if fi, err := os.Stat(filepath.Join(dir, "model.json")); err != nil || fi.Size() < 1000 {
			t.Errorf("model.json: %v", err)
		}
	})
}

func TestGenerateIsReproducible(t *testing.T) {
	dir := t.TempDir()
	a := generate(t, filepath.Join(dir, "a.pdf"), "--date", editionDate)
	t.Setenv("SOURCE_DATE_EPOCH", "1795500000") // 2026-11-24T06:00:00Z
	b := generate(t, filepath.Join(dir, "b.pdf"))
	ra, _ := os.ReadFile(a)
	rb, _ := os.ReadFile(b)
	if len(ra) == 0 || !bytes.Equal(ra, rb) {
		t.Errorf("two renders differ (%d and %d bytes)", len(ra), len(rb))
	}
	if len(ra) > 1<<20 {
		t.Errorf("the PDF has %d bytes, want at most 1 MB", len(ra))
	}
}

func TestGenerateKeepsTheLastGoodBriefing(t *testing.T) {
	dir := t.TempDir()
	out := generate(t, filepath.Join(dir, "briefing.pdf"), "--date", editionDate)
	good, _ := os.ReadFile(out)
	broken := filepath.Join(dir, "templates")
	writeFile(t, filepath.Join(broken, "de.tmpl"), "{{define \"footer\"}}Seite {{.Page}\n{{end}}\n")
	t.Setenv("BRIEFING_TEMPLATES_DIR", broken)
	_, stderr, code := runCLI(t, "", "generate", "--config", filepath.Join(repoRoot(t), "config.yaml"), "--docs", seedCopy(t), "--out", out, "--date", editionDate)
	if code != 1 || !strings.Contains(stderr, "de.tmpl:1") {
		t.Errorf("exit %d, want 1 and the template's file and line in:\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, good) {
		t.Error("the failed run changed the last good briefing")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
}

func TestGenerateRejectsABadDate(t *testing.T) {
	_, stderr, code := runCLI(t, t.TempDir(), "generate", "--date", "yesterday")
	if code != 2 || !strings.Contains(stderr, "RFC 3339") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestGenerateKeepsGermanQuotes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "docs", "zitat.md"), "---\ntitle: Zitat\ndate: 2025-03-01\n---\n\n"+
		"Der NATO-Generalsekretär sprach von einer „engen Partnerschaft“ mit Südkorea und Japan.\n\n"+
		"„Die Sanktionen gegen Nordkorea müssen durchgesetzt werden“, sagte ein Sprecher des UN-Sicherheitsrats.\n")
	out := filepath.Join(dir, "b.pdf")
	_, stderr, code := runCLI(t, "", "generate", "--config", filepath.Join(repoRoot(t), "config.yaml"), "--docs", filepath.Join(dir, "docs"), "--out", out, "--date", editionDate)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := testtool.Run(t, "pdftotext", out, "-")
	for _, want := range []string{"„engen Partnerschaft“", "„Die Sanktionen gegen Nordkorea müssen durchgesetzt werden“", "Südkorea"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
}

// keyFactsCovered is the number of facts of testdata/seed-key-facts.yaml the seed briefing
// covers.
const keyFactsCovered = 24

// keyFact is a fact of the seeds a careful reader marks, with phrases that show it.
type keyFact struct {
	Fact string   `yaml:"fact"`
	Doc  string   `yaml:"doc"`
	Any  []string `yaml:"any"`
}

func readKeyFacts(t *testing.T) []keyFact {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "seed-key-facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Facts []keyFact `yaml:"facts"`
	}
	if err := yaml.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Facts) < 25 {
		t.Fatalf("only %d key facts", len(list.Facts))
	}
	return list.Facts
}
