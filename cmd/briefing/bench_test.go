package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkGenerateSeeds measures "briefing generate" on the seed corpus end to end: reading,
// analysis, charts, typesetting and the atomic write. It reports the PDF's size.
func BenchmarkGenerateSeeds(b *testing.B) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	out := filepath.Join(b.TempDir(), "briefing.pdf")
	args := []string{"generate", "--config", filepath.Join(root, "config.yaml"), "--docs", filepath.Join(root, "seeds"),
		"--out", out, "--date", "2026-11-24T06:00:00Z"}
	b.Setenv("BRIEFING_LOG_LEVEL", "error")
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, &stdout, &stderr); err != nil {
			b.Fatalf("%v\n%s", err, stderr.String())
		}
	}
	if fi, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(fi.Size()), "pdf-bytes")
	}
}
