package schedule

import (
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/secbrief/briefing/config"
)

func TestAtStart(t *testing.T) {
	daily, err := cron.ParseStandard("0 6 * * *")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name       string
		runOnStart bool
		last       time.Time
		want       string
	}{
		{"run_on_start wins", true, now.Add(-time.Hour), StartNow},
		{"no edition yet", false, time.Time{}, StartCatchUp},
		{"today's 06:00 run was missed", false, time.Date(2026, 11, 23, 6, 1, 0, 0, time.UTC), StartCatchUp},
		{"today's run happened", false, time.Date(2026, 11, 24, 6, 1, 0, 0, time.UTC), StartWait},
	} {
		if got := AtStart(c.runOnStart, c.last, now, daily); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestOnReload(t *testing.T) {
	old := config.Default()
	cfg := old
	if r := OnReload(old, cfg); r.Reschedule || len(r.RestartNeeded) > 0 {
		t.Errorf("nothing changed: %+v", r)
	}
	cfg.Schedule = "0 7 * * *"
	cfg.HTTP.Listen = "127.0.0.1:9090"
	cfg.Briefing.Title = "Neu" // takes effect with the next run, no restart
	r := OnReload(old, cfg)
	if !r.Reschedule || len(r.RestartNeeded) != 1 || r.RestartNeeded[0] != "http" {
		t.Errorf("OnReload = %+v, want a new schedule and a restart for http", r)
	}
}
