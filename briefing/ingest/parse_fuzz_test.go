package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzReadFile reads one file of each format (Markdown with front matter, HTML, plain text)
// through decoding, parsing, cleaning and sentence splitting, and checks the document: valid
// UTF-8, sentences in order and inside the text, a date that is ISO when there is one. With
// BRIEFING_FUZZ_TIMING set (make fuzz), an input that takes far longer than its size allows
// is a failure: quadratic work shows up as a slow input, not as a crash.
func FuzzReadFile(f *testing.F) {
	f.Add("md", "---\ntitle: \"EU-Sanktionen\"\ndate: 2025-03-14\n---\n\n# Titel\n\nNordkorea lieferte Granaten.Das berichtete Yonhap.\n")
	f.Add("md", "---\ndate: [1, 2\n---\n")
	f.Add("html", `<html><head><meta property="article:published_time" content="2024-10-30"><title>T</title></head><body><p>Am 30. Oktober 2024 testete Nordkorea.</p><script>x</script></body></html>`)
	f.Add("txt", "Seoul, 12. März 2024. Nordkorea hat Raketen ge-\nstartet und Russland be-\nliefert.\n\n1 Fußnote\n")
	f.Add("txt", strings.Repeat("Am 1. März 1999 und am 2.3.2001 trafen sich Nordkorea und Russland. ", 200))
	f.Add("txt", "(„["+strings.Repeat("(„[", 500)+" Nordkorea "+strings.Repeat("]“)", 500))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, format, text string) {
		ext := map[string]string{"md": ".md", "html": ".html", "txt": ".txt"}[format]
		if ext == "" || len(text) > 1<<20 {
			return
		}
		path := filepath.Join(dir, "doc"+ext)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		r := readFile(file{path: path, rel: "doc" + ext, format: formats[ext]}, Options{MaxFileBytes: 2 << 20, Language: "de"}, nil)
		if os.Getenv("BRIEFING_FUZZ_TIMING") != "" {
			if took, allowed := time.Since(start), time.Second+time.Duration(len(text))*20*time.Microsecond; took > allowed {
				t.Fatalf("%d bytes took %v (allowed %v)", len(text), took, allowed)
			}
		}
		d := r.doc
		if d == nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatal("the text is not valid UTF-8")
		}
		prev := 0
		for _, s := range d.Sentences {
			if s.Start < prev || s.End > len(d.Text) || s.Start >= s.End {
				t.Fatalf("sentence %+v out of order or outside the text (len %d)", s, len(d.Text))
			}
			prev = s.End
		}
		if d.Date != "" {
			if _, err := time.Parse("2006-01-02"[:len(d.Date)], d.Date); len(d.Date) > 10 || err != nil {
				t.Fatalf("date %q is not ISO", d.Date)
			}
		}
	})
}
