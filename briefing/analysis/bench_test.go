package analysis_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/internal/corpusgen"
)

// BenchmarkAnalyzeSeeds reads and analyses the seed corpus end to end.
func BenchmarkAnalyzeSeeds(b *testing.B) {
	benchmarkFolder(b, "../../seeds")
}

// BenchmarkAnalyzeSynthetic analyses corpora made of shuffled seed paragraphs: every document
// has a title, a date and six to twelve paragraphs; one in five documents reposts another
// with small changes, as news sites do.
func BenchmarkAnalyzeSynthetic(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := corpusgen.Synthetic(dir, "../../seeds", n); err != nil {
				b.Fatal(err)
			}
			benchmarkFolder(b, dir)
		})
	}
}

func benchmarkFolder(b *testing.B, dir string) {
	opt := options(b)
	docs, _, err := ingest.Load(context.Background(), dir, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		docs, warnings, err := ingest.Load(context.Background(), dir, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := analysis.Analyze(context.Background(), docs, warnings, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDenseSentence analyses one sentence of 800 figures with dates, a worst case for
// choosing each figure's period.
func BenchmarkDenseSentence(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Nordkorea lieferte an Russland ")
	for i := range 800 {
		fmt.Fprintf(&sb, "%d Granaten im März 2024, ", 1000+i)
	}
	sb.WriteString("und 5 Raketen.")
	text := "Lieferungen\n" + sb.String()
	doc := briefing.Document{ID: "d", Path: "d.txt", Language: "de", Date: "2024-11-04", Text: text,
		Sentences: []briefing.Sentence{{Start: 0, End: len("Lieferungen"), Heading: true}, {Start: len("Lieferungen") + 1, End: len(text)}}}
	opt := options(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := analysis.Analyze(context.Background(), []briefing.Document{doc}, nil, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// adversarial makes a hostile document of about size bytes: one long token of letters, one
// of digits, a compound made of measure words, many figures, many dates, deep nesting of
// brackets and quotes. Their cost per byte must not grow with their size.
func adversarial(kind string, size int) string {
	head := "Nordkorea liefert Russland Granaten. Die Sanktionen gegen Nordkorea wirken nicht.\n\n"
	var b strings.Builder
	b.WriteString(head)
	switch kind {
	case "longword":
		b.WriteString(strings.Repeat("a", size))
	case "digits":
		b.WriteString(strings.Repeat("7", size))
	case "compound":
		for b.Len() < size {
			b.WriteString("Nordkoreasanktionswaffenlieferungen")
		}
	case "figures":
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "Nordkorea lieferte %d Granaten und %d Raketen an Russland im Jahr %d.\n", 1000+i, 10+i%90, 2000+i%25)
		}
	case "dates":
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "Am %d. März %d und am %d.%d.%d trafen sich Nordkorea und Russland. ", 1+i%28, 1990+i%35, 1+i%28, 1+i%12, 1990+i%35)
		}
	case "nesting":
		for b.Len() < size/2 {
			b.WriteString("(„[")
		}
		b.WriteString(" Nordkorea liefert Granaten an Russland. ")
		for b.Len() < size {
			b.WriteString("]“)")
		}
	}
	b.WriteString(" Ende.\n")
	return b.String()
}

// BenchmarkAdversarial analyses hostile documents of 100 KB and 1 MB (10 MB with
// -benchtime and BRIEFING_BENCH_LARGE=1): ns per byte should stay flat as they grow.
func BenchmarkAdversarial(b *testing.B) {
	sizes := []int{100 << 10, 1 << 20}
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		sizes = append(sizes, 10<<20)
	}
	for _, kind := range []string{"longword", "digits", "compound", "figures", "dates", "nesting"} {
		for _, size := range sizes {
			b.Run(fmt.Sprintf("%s/%dKB", kind, size>>10), func(b *testing.B) {
				dir := b.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "2024-11-01_hostile.txt"), []byte(adversarial(kind, size)), 0o644); err != nil {
					b.Fatal(err)
				}
				benchmarkFolder(b, dir)
			})
		}
	}
}
