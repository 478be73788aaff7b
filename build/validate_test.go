package build

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/config"
)

// config validate and a run agree: a value a component refuses is a problem of the
// configuration, checked by the component's own rule (pdf.chart_dpi 180 passed config
// validate and failed generate).
func TestValidateAsksTheComponents(t *testing.T) {
	c := config.Default()
	c.Docs.Dir = t.TempDir()
	if ps := Validate(c); len(ps) != 0 {
		t.Fatalf("the defaults have problems: %v", ps)
	}
	c.PDF.ChartDPI = 180
	c.Delivery.MaxDelay = -time.Second
	c.Measures = []config.Measure{{ID: "m", Kind: "dollars", Terms: []string{"x"}}}
	var got []string
	for _, p := range Validate(c) {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`pdf.chart_dpi = "180": dpi 180: want 200 to 1200`, `delivery = "5, 2s, -1s": delivery policy: max delay = -1s`,
		`measures[0].kind = "dollars": must be one of money, persons, objects, events, distance, percent`} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
}

// config validate and generate agree: every value at the edge of what Validate accepts
// builds a PDF, and the value just beyond is refused (pdf.chart_dpi 180 passed validate and
// failed generate).
func TestValidateAndBuildAgreeAtTheBounds(t *testing.T) {
	base, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base.Docs.Dir = "../seeds"
	model, err := Model(context.Background(), base, time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key         string
		set         func(*config.Config, float64)
		ok, refused float64
	}{
		{"pdf.chart_dpi", func(c *config.Config, v float64) { c.PDF.ChartDPI = v }, 200, 199},
		{"pdf.chart_dpi", func(c *config.Config, v float64) { c.PDF.ChartDPI = v }, 1200, 1201},
		{"pdf.max_bars", func(c *config.Config, v float64) { c.PDF.MaxBars = int(v) }, 1, 0},
		{"pdf.statements_per_theme", func(c *config.Config, v float64) { c.PDF.StatementsPerTheme = int(v) }, 1, 0},
		{"pdf.key_judgements", func(c *config.Config, v float64) { c.PDF.KeyJudgements = int(v) }, 1, 0},
		{"pdf.key_figures", func(c *config.Config, v float64) { c.PDF.KeyFigures = int(v) }, 1, 0},
		{"pdf.timeline_events", func(c *config.Config, v float64) { c.PDF.TimelineEvents = int(v) }, 1, 0},
	} {
		cfg := base
		c.set(&cfg, c.ok)
		if ps := Validate(cfg); len(ps) > 0 {
			t.Errorf("%s = %g: refused: %v", c.key, c.ok, ps)
		} else if _, err := PDF(cfg, model, nil, time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)); err != nil {
			t.Errorf("%s = %g passes validation but the build fails: %v", c.key, c.ok, err)
		}
		cfg = base
		c.set(&cfg, c.refused)
		found := false
		for _, p := range Validate(cfg) {
			found = found || p.Key == c.key
		}
		if !found {
			t.Errorf("%s = %g is not refused", c.key, c.refused)
		}
	}
}
