package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/secbrief/briefing/atomicfile"
	"github.com/secbrief/briefing/build"
)

func runGenerate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("generate", "Analyse the documents and write the PDF briefing.", stderr)
	configFlags(fs)
	fs.String("docs", "", "documents folder (config docs.dir, env BRIEFING_DOCS_DIR)")
	fs.String("out", "", "PDF to write (config output.file, env BRIEFING_OUTPUT_FILE)")
	jsonOut := fs.String("json", "", "also write the analysis model as JSON to this file")
	date := fs.String("date", "", "edition date, RFC 3339 (default: $SOURCE_DATE_EPOCH, else now)")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	edition, err := editionTime(*date, time.Now)
	if err != nil {
		return usageError{err.Error()}
	}
	cfg, log, err := loadChecked(fs, stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	model, err := build.Model(ctx, cfg, edition, log)
	if err != nil {
		return err
	}
	if *jsonOut != "" {
		if err := build.WriteModel(*jsonOut, model); err != nil {
			return err
		}
	}
	pdfBytes, err := build.PDF(cfg, model, nil, edition)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(cfg.Output.File, func(w io.Writer) error { _, err := w.Write(pdfBytes); return err }); err != nil {
		return err
	}
	log.Info("briefing written", "file", cfg.Output.File, "docs", len(model.Documents), "duration", time.Since(start).Round(time.Millisecond).String())
	fmt.Fprintln(stdout, cfg.Output.File)
	return nil
}

// editionTime is the --date flag, else SOURCE_DATE_EPOCH, else the current time.
func editionTime(flag string, now func() time.Time) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, fmt.Errorf("--date %q: want RFC 3339, e.g. 2026-11-24T06:00:00Z", flag)
		}
		return t, nil
	}
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want seconds since 1970", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return now(), nil
}
