package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/doccache"
	"github.com/secbrief/briefing/edition"
)

// job is what one run of the daemon does with the configuration cfg.
func (d *daemon) job(cfg config.Config) edition.Job {
	return edition.Job{
		Hash: func() (string, error) { return build.InputHash(cfg, time.Now()) },
		Build: func(ctx context.Context, date time.Time, prev *briefing.Model, log *slog.Logger) (edition.Built, error) {
			var cache ingest.Cache
			if cfg.State.Cache {
				if c, err := doccache.Open(filepath.Join(cfg.State.Dir, "cache", "docs")); err != nil {
					log.Warn("document cache unusable, reading every file", "err", err)
				} else {
					cache = c
				}
			}
			model, err := build.CachedModel(ctx, cfg, date, log, cache)
			if err != nil {
				return edition.Built{}, err
			}
			pdf, err := build.PDF(cfg, model, prev, date)
			if err != nil {
				return edition.Built{}, err
			}
			return edition.Built{PDF: pdf, Model: model, Title: cfg.Briefing.Title, Warnings: len(model.Warnings)}, nil
		},
		Deliver:       d.deliverer(cfg),
		SkipUnchanged: cfg.State.SkipUnchanged,
		Keep:          cfg.Output.Keep,
	}
}

// deliverer hands an edition to the configured targets and tells the owner about failures.
func (d *daemon) deliverer(cfg config.Config) func(ctx context.Context, e edition.Edition, log *slog.Logger) []edition.Delivery {
	return func(ctx context.Context, e edition.Edition, log *slog.Logger) []edition.Delivery {
		targets, mailer, err := build.Targets(cfg)
		if err != nil {
			log.Error("delivery targets", "err", err)
			return []edition.Delivery{{Target: "config", Status: edition.DeliveryFailed, Error: err.Error(), At: time.Now()}}
		}
		policy := deliver.Policy{Attempts: cfg.Delivery.Attempts, BaseDelay: cfg.Delivery.BaseDelay, MaxDelay: cfg.Delivery.MaxDelay}
		results := deliver.Deliver(ctx, e, targets, d.ledger, policy, log)
		var failed []string
		for _, r := range results {
			if r.Status == edition.DeliveryFailed || r.Status == edition.DeliveryInDoubt {
				failed = append(failed, fmt.Sprintf("%s: %s", r.Target, r.Error))
			}
		}
		if len(failed) > 0 && mailer != nil && len(cfg.Delivery.Owner) > 0 {
			subject := fmt.Sprintf("%s: delivery of edition %s failed", cfg.Briefing.Title, e.ID)
			body := "The edition " + e.Name + " could not be delivered:\n\n" + strings.Join(failed, "\n") + "\n"
			if err := mailer.Notify(ctx, cfg.Delivery.Owner, subject, body); err != nil {
				log.Error("notify owner", "err", err)
			}
		}
		return results
	}
}
