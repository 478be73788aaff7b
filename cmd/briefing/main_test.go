package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// runCLI runs the command line in dir and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, &stdout, &stderr)
	code := exitCode(err, &stderr)
	return stdout.String(), stderr.String(), code
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

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no command is a usage error", nil, 2},
		{"an unknown command is a usage error", []string{"frobnicate"}, 2},
		{"an unknown flag is a usage error", []string{"analyze", "--nope"}, 2},
		{"a stray argument is a usage error", []string{"version", "extra"}, 2},
		{"help on analyze succeeds", []string{"analyze", "-h"}, 0},
		{"help on version succeeds", []string{"version", "--help"}, 0},
		{"help on config validate succeeds", []string{"config", "validate", "-h"}, 0},
		{"version succeeds", []string{"version"}, 0},
		{"a missing documents folder fails", []string{"analyze", "--docs", "no-such-folder"}, 1},
		{"a missing config file named by flag fails", []string{"analyze", "--config", "missing.yaml"}, 1},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, dir, tt.args...)
			if code != tt.want {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

func TestAnalyzePrintsTheModelContract(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "docs", "a.txt"), "Titel des Artikels\n31. Januar 2025\nDie NATO und Südkorea arbeiten zusammen. Das sagt Dr. Kim.\n")
	writeFile(t, filepath.Join(dir, "docs", "b.bin.txt"), "\x00\x01binary")
	stdout, stderr, code := runCLI(t, dir, "analyze", "--docs", "docs")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var model map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &model); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if got := keys(model); strings.Join(got, ",") != "documents,events,figures,files,themes,warnings" {
		t.Errorf("top-level keys = %v", got)
	}
	var m struct {
		Documents []map[string]json.RawMessage `json:"documents"`
		Warnings  []map[string]string          `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 1 || len(m.Warnings) != 1 || m.Warnings[0]["path"] != "b.bin.txt" {
		t.Fatalf("documents %d, warnings %v", len(m.Documents), m.Warnings)
	}
	for _, k := range []string{"id", "path", "title", "date", "date_source", "language", "publisher", "text", "sentences", "references"} {
		if _, ok := m.Documents[0][k]; !ok {
			t.Errorf("document lacks %q", k)
		}
	}
	var doc struct {
		Text      string `json:"text"`
		Date      string `json:"date"`
		Sentences []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"sentences"`
	}
	raw, _ := json.Marshal(m.Documents[0])
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, doc.Text[s.Start:s.End])
	}
	want := []string{"Titel des Artikels", "Die NATO und Südkorea arbeiten zusammen.", "Das sagt Dr. Kim."}
	if strings.Join(got, "|") != strings.Join(want, "|") || doc.Date != "2025-01-31" {
		t.Errorf("sentences = %q, date = %q", got, doc.Date)
	}
	if !strings.Contains(stderr, "b.bin.txt") {
		t.Errorf("the warning is not logged on stderr:\n%s", stderr)
	}
}

func keys(m map[string]json.RawMessage) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

func TestConfigUnknownKeyIsNamed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "docs:\n  dirr: seeds\nlanguag: de\n")
	_, stderr, code := runCLI(t, dir, "config", "validate")
	if code != 1 || !strings.Contains(stderr, `'docs' has invalid keys: dirr`) || !strings.Contains(stderr, `has invalid keys: languag`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestConfigValidateReportsEachProblem(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "language: fr\ndocs:\n  dir: missing\n  max_file_mb: 0\n")
	stdout, _, code := runCLI(t, dir, "config", "validate")
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	for _, want := range []string{`language = "fr"`, `docs.dir = "missing"`, `docs.max_file_mb = "0"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestFlagsWinOverEnvironmentOverFile(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"from-file", "from-env", "from-flag"} {
		writeFile(t, filepath.Join(dir, d, d+".txt"), "Ein Titel\nEin Satz über "+d+".\n")
	}
	writeFile(t, filepath.Join(dir, "config.yaml"), "docs:\n  dir: from-file\n")
	paths := func(args ...string) string {
		t.Helper()
		stdout, stderr, code := runCLI(t, dir, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var m struct {
			Documents []struct{ Path string } `json:"documents"`
		}
		if err := json.Unmarshal([]byte(stdout), &m); err != nil || len(m.Documents) != 1 {
			t.Fatalf("model: %v %s", err, stdout)
		}
		return m.Documents[0].Path
	}
	if got := paths("analyze"); got != "from-file.txt" {
		t.Errorf("file: read %s", got)
	}
	t.Setenv("BRIEFING_DOCS_DIR", "from-env")
	if got := paths("analyze"); got != "from-env.txt" {
		t.Errorf("env: read %s", got)
	}
	if got := paths("analyze", "--docs", "from-flag"); got != "from-flag.txt" {
		t.Errorf("flag: read %s", got)
	}
}

func TestConfigValidateWarnsAboutTheDaylightSavingHour(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "docs", "a.txt"), "Titel\nEin Satz.\n")
	writeFile(t, filepath.Join(dir, "config.yaml"), "docs:\n  dir: docs\nschedule: \"30 2 * * *\"\ntimezone: Europe/Berlin\n")
	stdout, _, code := runCLI(t, dir, "config", "validate")
	if code != 0 || !strings.Contains(stdout, "warning: schedule \"30 2 * * *\" runs between 02:00 and 03:00") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	writeFile(t, filepath.Join(dir, "config.yaml"), "docs:\n  dir: docs\nschedule: \"61 * * * *\"\nmail:\n  enabled: true\n  to: [nobody]\n")
	stdout, _, code = runCLI(t, dir, "config", "validate")
	for _, want := range []string{`schedule = "61 * * * *": is not a cron schedule`, `mail.host = "": must name the SMTP server`, `mail.to = "nobody": is not an e-mail address`} {
		if code != 1 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, stdout)
		}
	}
}
