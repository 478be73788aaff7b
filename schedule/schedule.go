// Package schedule decides when the daemon builds: it wraps the cron scheduler (robfig/cron)
// with the daemon's logging, and holds the rules for the start (run at once, catch up a
// missed run, or wait) and for a reloaded configuration (what changes now, what needs a
// restart).
package schedule

import (
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/edition"
)

// New returns a stopped scheduler that runs job on sched; a run while the previous one still
// runs is skipped with a warning, and a panic in job is recovered.
func New(sched cron.Schedule, job func(), log *slog.Logger) *cron.Cron {
	logger := cronLogger{log}
	c := cron.New(cron.WithLogger(logger), cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	c.Schedule(sched, cron.FuncJob(job))
	return c
}

// Start triggers of the run a daemon makes when it starts.
const (
	StartNow     = edition.TriggerStart   // run_on_start asks for a run
	StartCatchUp = edition.TriggerCatchUp // a scheduled run was missed while the daemon was down, or there is no edition
	StartWait    = ""                     // the next scheduled run comes in time
)

// AtStart says what the daemon does when it starts: run at once when run_on_start is set;
// catch up when there is no edition yet or when the schedule had a run due between the last
// edition and now; else wait for the schedule.
func AtStart(runOnStart bool, lastEdition, now time.Time, sched cron.Schedule) string {
	switch {
	case runOnStart:
		return StartNow
	case lastEdition.IsZero() || sched.Next(lastEdition).Before(now):
		return StartCatchUp
	}
	return StartWait
}

// Reload is what a reloaded configuration changes.
type Reload struct {
	// Reschedule: the schedule or its time zone changed; the scheduler is replaced.
	Reschedule bool
	// RestartNeeded names the changed settings that take effect only after a restart.
	RestartNeeded []string
}

// OnReload compares the configuration in force with a reloaded one.
func OnReload(old, cfg config.Config) Reload {
	var r Reload
	r.Reschedule = cfg.Schedule != old.Schedule || cfg.Timezone != old.Timezone
	for _, c := range []struct {
		key     string
		changed bool
	}{
		{"output.dir", cfg.Output.Dir != old.Output.Dir},
		{"state.dir", cfg.State.Dir != old.State.Dir},
		{"http", cfg.HTTP != old.HTTP},
		{"timezone (of edition names)", cfg.Timezone != old.Timezone},
		{"build_timeout", cfg.BuildTimeout != old.BuildTimeout},
	} {
		if c.changed {
			r.RestartNeeded = append(r.RestartNeeded, c.key)
		}
	}
	return r
}

// cronLogger passes the scheduler's messages to slog: routine ones at debug level, skipped
// runs as warnings (cron's default logger hides them), errors as errors.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		l.log.Warn("scheduled run skipped: the previous one is still running", kv...)
		return
	}
	l.log.Debug("cron: "+msg, kv...)
}

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
