package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/edition"
)

// runDeliver sends an edition whose delivery is in doubt (the daemon ended while it handed it
// over, so the target may have it) once more, because the operator says so. The daemon must
// be stopped: it keeps the delivery ledger in memory.
func runDeliver(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("deliver", "Send an edition whose delivery is in doubt once more (stop \"briefing serve\" first).", stderr)
	configFlags(fs)
	retry := fs.String("retry", "", "edition id whose deliveries in doubt are sent again (\"2026-11-24T0600\")")
	target := fs.String("target", "", "only this target (mail or webhook); default: every target in doubt")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if *retry == "" {
		fs.Usage()
		return usageError{"deliver: --retry EDITION is required"}
	}
	cfg, log, err := loadChecked(fs, stderr)
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(cfg.Timezone)
	if err != nil {
		return fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
	}
	ed, err := edition.FromFile(cfg.Output.Dir, "briefing-"+*retry+".pdf", loc)
	if err != nil {
		return fmt.Errorf("deliver: no edition %q in %s: %w", *retry, cfg.Output.Dir, err)
	}
	ed.Title = cfg.Briefing.Title
	ledger, err := deliver.OpenLedger(filepath.Join(cfg.State.Dir, "deliveries.json"))
	if err != nil {
		return err
	}
	cleared, err := ledger.Retry(*retry, *target)
	if err != nil {
		return err
	}
	if len(cleared) == 0 {
		fmt.Fprintf(stdout, "no delivery of %s is in doubt\n", *retry)
		return nil
	}
	all, _, err := build.Targets(cfg)
	if err != nil {
		return err
	}
	var chosen []edition.Target
	for _, t := range all {
		for _, c := range cleared {
			if t.Name() == c {
				chosen = append(chosen, t)
			}
		}
	}
	policy := deliver.Policy{Attempts: cfg.Delivery.Attempts, BaseDelay: cfg.Delivery.BaseDelay, MaxDelay: cfg.Delivery.MaxDelay}
	failed := 0
	for _, r := range deliver.Deliver(ctx, ed, chosen, ledger, policy, log.With(slog.String("command", "deliver"))) {
		fmt.Fprintf(stdout, "%s: %s %s\n", r.Target, r.Status, r.Error)
		if r.Status != edition.DeliverySent {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("deliver: %d of %d deliveries failed", failed, len(chosen))
	}
	return nil
}
