package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/spf13/pflag"

	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/edition"
	"github.com/secbrief/briefing/httpapi"
	"github.com/secbrief/briefing/metrics"
	"github.com/secbrief/briefing/schedule"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "Rebuild the briefing on the configured schedule, deliver new editions and serve health, metrics and editions over HTTP.", stderr)
	configFlags(fs)
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	d, err := newDaemon(cfg, fs, log)
	if err != nil {
		return err
	}
	return d.serve(ctx)
}

// daemon is "briefing serve": a scheduler, the edition engine and the HTTP interface. The
// configuration in force is swapped whole on SIGHUP, never changed in place; a run uses the
// configuration it started with.
type daemon struct {
	flags   *pflag.FlagSet
	cfg     atomic.Pointer[config.Config]
	log     *slog.Logger
	engine  *edition.Engine
	metrics *metrics.Metrics
	ledger  *deliver.Ledger
	// runCtx is the context of builds: it ends only when the grace period after a stop
	// signal is over, so that a running build may finish.
	runCtx context.Context
	abort  context.CancelFunc

	mu   sync.Mutex
	cron *cron.Cron
	// stopping refuses new runs once shutdown has begun.
	stopping atomic.Bool
}

func newDaemon(cfg config.Config, flags *pflag.FlagSet, log *slog.Logger) (*daemon, error) {
	loc, err := time.LoadLocation(cfg.Timezone)
	if err != nil {
		return nil, fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
	}
	d := &daemon{flags: flags, log: log, metrics: metrics.New()}
	d.metrics.Build(version)
	d.cfg.Store(&cfg)
	d.engine, err = edition.NewEngine(edition.Options{OutputDir: cfg.Output.Dir, StateDir: cfg.State.Dir, History: cfg.State.History,
		Location: loc, Log: log, Observer: d.metrics, BuildTimeout: cfg.BuildTimeout})
	if err != nil {
		return nil, err
	}
	d.ledger, err = deliver.OpenLedger(cfg.State.Dir + "/deliveries.json")
	if err != nil {
		return nil, err
	}
	if moved := d.ledger.Recovered(); moved != "" {
		log.Warn("delivery ledger corrupt: moved aside, restored from the run records", "moved_to", moved)
		if err := d.ledger.Restore(d.engine.Runs()); err != nil {
			log.Error("delivery ledger not restored", "err", err)
		}
	}
	d.runCtx, d.abort = context.WithCancel(context.Background())
	return d, nil
}

// serve runs until ctx ends (SIGINT, SIGTERM), reloading the configuration on SIGHUP.
func (d *daemon) serve(ctx context.Context) error {
	// SIGHUP is caught from the start: its default action would end the process.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	cfg := *d.cfg.Load()
	var srv *http.Server
	if cfg.HTTP.Listen != "" {
		ln, err := net.Listen("tcp", cfg.HTTP.Listen)
		if err != nil {
			return fmt.Errorf("http.listen %s: %w", cfg.HTTP.Listen, err)
		}
		srv = httpapi.Server(cfg.HTTP.Listen, httpapi.New(httpapi.Config{
			OutputDir: cfg.Output.Dir, Token: strings.TrimSpace(cfg.HTTP.Token), ReadToken: strings.TrimSpace(cfg.HTTP.ReadToken),
			Runner: runner{d}, History: d.engine, Stuck: d.engine.Stuck,
			Metrics: d.metrics.Handler(), Log: d.log,
		}))
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				d.log.Error("http server stopped", "err", err)
			}
		}()
		d.log.Info("http listening", "addr", ln.Addr().String())
	}
	if err := d.schedule(cfg); err != nil {
		return err
	}
	d.startUp(cfg)
	for {
		select {
		case <-ctx.Done():
			return d.shutdown(srv)
		case <-hup:
			d.reload()
		}
	}
}

// schedule (re)starts the scheduler with the schedule of cfg.
func (d *daemon) schedule(cfg config.Config) error {
	sched, err := cfg.ScheduleSpec()
	if err != nil {
		return fmt.Errorf("schedule %q: %w", cfg.Schedule, err)
	}
	c := schedule.New(sched, func() { d.run(edition.TriggerSchedule, time.Now().Truncate(time.Second)) }, d.log)
	d.mu.Lock()
	old := d.cron
	d.cron = c
	d.mu.Unlock()
	if old != nil {
		old.Stop() // a running job goes on; it is not waited for here
	}
	c.Start()
	d.log.Info("scheduled", "schedule", cfg.Schedule, "timezone", cfg.Timezone, "next", sched.Next(time.Now()).Format(time.RFC3339))
	if w := cfg.DaylightSavingWarning(); w != "" {
		d.log.Warn(w)
	}
	return nil
}

// startUp runs once at start when configured, or to catch up a scheduled run that was missed
// while the daemon was down (or when there is no edition yet).
func (d *daemon) startUp(cfg config.Config) {
	sched, _ := cfg.ScheduleSpec()
	last := d.engine.LastSuccess()
	switch schedule.AtStart(cfg.RunOnStart, last, time.Now(), sched) {
	case schedule.StartNow:
		go d.run(edition.TriggerStart, time.Time{})
	case schedule.StartCatchUp:
		d.log.Info("catching up a missed run", "last_edition", last)
		go d.run(edition.TriggerCatchUp, time.Time{})
	}
}

// run executes a run with the configuration in force, unless the daemon is stopping.
func (d *daemon) run(trigger string, scheduled time.Time) {
	if d.stopping.Load() {
		return
	}
	cfg := *d.cfg.Load()
	if _, err := d.engine.Run(d.runCtx, d.job(cfg), trigger, scheduled); errors.Is(err, edition.ErrBusy) {
		d.log.Warn("run skipped: another run is in progress", "trigger", trigger)
	}
}

// runner starts runs for POST /run.
type runner struct{ d *daemon }

func (r runner) RunNow() (string, error) {
	if r.d.stopping.Load() {
		return "", edition.ErrBusy
	}
	cfg := *r.d.cfg.Load()
	return r.d.engine.Start(r.d.runCtx, r.d.job(cfg), edition.TriggerManual, nil)
}

// reload reads and validates the configuration again; a bad one is logged and ignored.
func (d *daemon) reload() {
	cfg, path, err := loadConfig(d.flags)
	if err == nil {
		err = checkConfig(cfg, path)
	}
	if err != nil {
		d.log.Error("configuration not reloaded, keeping the old one", "file", path, "err", err)
		return
	}
	old := d.cfg.Load()
	change := schedule.OnReload(*old, cfg)
	if len(change.RestartNeeded) > 0 {
		d.log.Warn("these settings take effect after a restart", "changed", change.RestartNeeded)
	}
	d.cfg.Store(&cfg)
	if change.Reschedule {
		if err := d.schedule(cfg); err != nil {
			d.log.Error("schedule not changed", "err", err)
		}
	}
	d.log.Info("configuration reloaded", "file", path)
}

// shutdown stops the scheduler, lets a running build finish within the grace period, then
// aborts it (no partial file is left: editions are written atomically), and stops HTTP.
func (d *daemon) shutdown(srv *http.Server) error {
	d.stopping.Store(true)
	grace := d.cfg.Load().ShutdownGrace
	d.mu.Lock()
	c := d.cron
	d.mu.Unlock()
	c.Stop()
	if d.engine.Running() {
		d.log.Info("waiting for the running build", "grace", grace.String())
	}
	graceCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := d.engine.WaitIdle(graceCtx); err != nil {
		d.log.Warn("grace period over: aborting the running build")
		d.abort()
		abortCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := d.engine.WaitIdle(abortCtx); err != nil {
			d.log.Error("the aborted build did not stop within 10 s")
		}
	}
	d.abort()
	if srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
	d.log.Info("stopped")
	return nil
}
