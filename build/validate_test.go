package build

import (
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
