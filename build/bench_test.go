package build

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/doccache"
	"github.com/secbrief/briefing/internal/corpusgen"
)

// BenchmarkEdition builds whole editions (read, analyse, plan, typeset) of generated corpora:
// synthetic ones of shuffled seed paragraphs and realistic ones of shuffled sentences of the
// real documents in eval/corpus. "cold" reads every file and reports documents and MB per
// second, the peak memory the runtime held, and the PDF's pages and size, which must not
// grow with the corpus; "warm" builds with the document cache filled, "one-new" adds a
// document before each edition.
// BRIEFING_BENCH_LARGE=1 adds 100 000 documents (about 600 MB on disk).
func BenchmarkEdition(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("BRIEFING_BENCH_LARGE") != "" {
		sizes = append(sizes, 100000)
	}
	for _, corpus := range []struct {
		name string
		make func(dir string, n int) (int64, error)
	}{
		{"synthetic", func(dir string, n int) (int64, error) { return corpusgen.Synthetic(dir, "../seeds", n) }},
		{"real-shuffled", func(dir string, n int) (int64, error) { return corpusgen.Shuffled(dir, "../eval/corpus", n) }},
	} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/docs=%d", corpus.name, n), func(b *testing.B) {
				dir := b.TempDir()
				size, err := corpus.make(dir, n)
				if err != nil {
					b.Fatal(err)
				}
				cfg, err := config.ReadFile("../config.yaml")
				if err != nil {
					b.Fatal(err)
				}
				cfg.Docs.Dir = dir
				b.Run("cold", func(b *testing.B) {
					b.SetBytes(size)
					var pdf []byte
					debug.FreeOSMemory() // what earlier runs left is not this run's peak
					peak := watchMemory()
					start := time.Now()
					for b.Loop() {
						pdf = buildEdition(b, cfg, nil)
					}
					b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "docs/s")
					b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
					b.ReportMetric(float64(bytes.Count(pdf, []byte("/Type /Page\n"))), "pages")
					b.ReportMetric(float64(len(pdf)), "pdf-bytes")
				})

				// The daemon's case: the document cache is filled by the edition before; "warm"
				// reads the same corpus again, "one-new" adds a document before each edition.
				store, err := doccache.Open(filepath.Join(b.TempDir(), "docs"))
				if err != nil {
					b.Fatal(err)
				}
				cached := func(b *testing.B) []byte { return buildEdition(b, cfg, store) }
				cached(b)
				b.Run("warm", func(b *testing.B) {
					for b.Loop() {
						cached(b)
					}
				})
				b.Run("one-new", func(b *testing.B) {
					k := 0
					for b.Loop() {
						b.StopTimer()
						k++
						text := fmt.Sprintf("Neue Meldung %d\n24. November 2026\n\nNordkorea hat nach Angaben aus Seoul weitere %d Soldaten nach Russland geschickt.\n", k, 1000+k)
						if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("new-%04d.txt", k)), []byte(text), 0o644); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
						cached(b)
					}
				})
			})
		}
	}
}

// buildEdition builds the model and the PDF of cfg, as generate does (cache nil) or serve.
func buildEdition(b *testing.B, cfg config.Config, cache ingest.Cache) []byte {
	date := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	m, err := CachedModel(context.Background(), cfg, date, slog.New(slog.DiscardHandler), cache)
	if err != nil {
		b.Fatal(err)
	}
	pdf, err := PDF(cfg, m, nil, date)
	if err != nil {
		b.Fatal(err)
	}
	return pdf
}

// watchMemory samples the memory the Go runtime holds from the system (mapped, less what it
// has returned) every 10 ms until the returned function is called, which returns the peak.
func watchMemory() func() uint64 {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64()-sample[1].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
