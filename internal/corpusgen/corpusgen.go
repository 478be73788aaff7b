// Package corpusgen writes corpora for the benchmarks: synthetic briefings made of shuffled
// seed paragraphs, and realistic ones that are sentence-shuffled copies of the real
// documents of the development corpus. Both are deterministic for a given size.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/secbrief/briefing/briefing/segment"
)

// Synthetic writes n documents to dir, made of the paragraphs of the files in seeds: every
// document has a title, a date and six to twelve paragraphs; one in five reposts another
// with a small change, as news sites do. It returns the bytes written.
func Synthetic(dir, seeds string, n int) (int64, error) {
	paras, err := pieces(seeds, func(text string) []string {
		var out []string
		for _, p := range strings.Split(text, "\n") {
			if len(p) > 200 && !strings.Contains(p, "http") {
				out = append(out, p)
			}
		}
		return out
	})
	if err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([]string, 0, n)
	var size int64
	for i := range n {
		var text string
		if i > 0 && rng.IntN(5) == 0 {
			text = strings.Replace(docs[rng.IntN(len(docs))], "Nordkorea", "Nord-Korea", 1)
		} else {
			var sb strings.Builder
			fmt.Fprintf(&sb, "Lagebericht Nummer %d zur koreanischen Halbinsel\n%d. März 2025\n", i, 1+i%28)
			for range 6 + rng.IntN(7) {
				sb.WriteString(paras[rng.IntN(len(paras))])
				sb.WriteString("\n")
			}
			text = sb.String()
		}
		docs = append(docs, text)
		if err := write(dir, i, text); err != nil {
			return size, err
		}
		size += int64(len(text))
	}
	return size, nil
}

// Shuffled writes n documents to dir that are sentence-shuffled copies of the real documents
// in src (.txt and .md): document i copies the sentences of one real document (its title
// line first, then a date) in a random order, in paragraphs of four, so that the corpus has
// the words, figures and repeats of real news in new sentence neighbourhoods.
func Shuffled(dir, src string, n int) (int64, error) {
	var docs [][]string
	if _, err := pieces(src, func(text string) []string {
		title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
		sents := []string{title}
		for _, sp := range segment.Sentences(body) {
			if s := body[sp.Start:sp.End]; !sp.Heading && len(s) > 30 {
				sents = append(sents, s)
			}
		}
		if len(sents) > 2 {
			docs = append(docs, sents)
		}
		return sents
	}); err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var size int64
	for i := range n {
		d := docs[rng.IntN(len(docs))]
		body := slices.Clone(d[1:])
		rng.Shuffle(len(body), func(a, b int) { body[a], body[b] = body[b], body[a] })
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s\n%d. Oktober 2024\n\n", d[0], 1+i%28)
		for k, s := range body {
			sb.WriteString(s)
			if k%4 == 3 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteString(" ")
			}
		}
		if err := write(dir, i, sb.String()); err != nil {
			return size, err
		}
		size += int64(sb.Len())
	}
	return size, nil
}

// pieces reads the .txt and .md files of dir and splits each with split.
func pieces(dir string, split func(string) []string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".txt" && ext != ".md" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.Name(), err)
		}
		out = append(out, split(string(raw))...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no text to build a corpus from", dir)
	}
	return out, nil
}

func write(dir string, i int, text string) error {
	name := filepath.Join(dir, fmt.Sprintf("doc-%06d.txt", i))
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
