package metrics_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/secbrief/briefing/edition"
	"github.com/secbrief/briefing/metrics"
)

// The engine reports to the metrics through its Observer interface.
var _ edition.Observer = (*metrics.Metrics)(nil)

// exercised returns metrics on which every method has been called.
func exercised(t *testing.T) *metrics.Metrics {
	t.Helper()
	m := metrics.New()
	m.Build("v1.2.3")
	m.RunStarted()
	m.Documents(42)
	m.Warnings(3)
	m.Delivery("mail", edition.DeliverySent)
	m.Delivery("webhook", edition.DeliveryFailed)
	m.Editions(7)
	m.RunFinished(edition.StatusSuccess, 1500*time.Millisecond, time.Unix(1_800_000_000, 0))
	return m
}

func TestMetricsPassTheLinter(t *testing.T) {
	for name, m := range map[string]*metrics.Metrics{
		"fresh metrics pass the linter":     metrics.New(),
		"exercised metrics pass the linter": exercised(t),
	} {
		t.Run(name, func(t *testing.T) {
			problems, err := testutil.GatherAndLint(m.Registry())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("lint: %s: %s", p.Metric, p.Text)
			}
		})
	}
}

func TestMetricsExistBeforeAnything(t *testing.T) {
	m := metrics.New()
	want := `
# HELP briefing_runs_total Runs finished, by final status (success, unchanged, failed, aborted, delivery_failed).
# TYPE briefing_runs_total counter
briefing_runs_total{status="aborted"} 0
briefing_runs_total{status="delivery_failed"} 0
briefing_runs_total{status="failed"} 0
briefing_runs_total{status="success"} 0
briefing_runs_total{status="unchanged"} 0
# HELP briefing_run_in_progress Whether a run is in progress (1) or not (0).
# TYPE briefing_run_in_progress gauge
briefing_run_in_progress 0
# HELP briefing_last_success_timestamp_seconds Unix time at which the last successful or unchanged run ended.
# TYPE briefing_last_success_timestamp_seconds gauge
briefing_last_success_timestamp_seconds 0
`
	err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want),
		"briefing_runs_total", "briefing_run_in_progress", "briefing_last_success_timestamp_seconds")
	if err != nil {
		t.Error(err)
	}
	for _, name := range []string{"briefing_run_duration_seconds", "briefing_documents", "briefing_ingest_warnings", "briefing_editions"} {
		if n, err := testutil.GatherAndCount(m.Registry(), name); err != nil || n != 1 {
			t.Errorf("%s: got %d series (err %v), want 1", name, n, err)
		}
	}
}

func TestRunFinished(t *testing.T) {
	end := time.Unix(1_800_000_000, 500_000_000)
	tests := []struct {
		name        string
		status      string
		wantSuccess float64
	}{
		{"a successful run sets the last-success time", edition.StatusSuccess, 1_800_000_000.5},
		{"an unchanged run sets the last-success time", edition.StatusUnchanged, 1_800_000_000.5},
		{"a failed run leaves the last-success time alone", edition.StatusFailed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metrics.New()
			m.RunStarted()
			if got := gauge(t, m, "briefing_run_in_progress"); got != 1 {
				t.Errorf("in progress during the run: got %v, want 1", got)
			}
			m.RunFinished(tt.status, 2*time.Second, end)
			if got := gauge(t, m, "briefing_run_in_progress"); got != 0 {
				t.Errorf("in progress after the run: got %v, want 0", got)
			}
			if got := gauge(t, m, "briefing_last_success_timestamp_seconds"); got != tt.wantSuccess {
				t.Errorf("last success: got %v, want %v", got, tt.wantSuccess)
			}
			text := scrape(t, m)
			for _, want := range []string{
				`briefing_runs_total{status="` + tt.status + `"} 1`,
				`briefing_run_duration_seconds_bucket{le="2.5"} 1`,
				`briefing_run_duration_seconds_bucket{le="1"} 0`,
				`briefing_run_duration_seconds_sum 2`,
				`briefing_run_duration_seconds_count 1`,
			} {
				if !strings.Contains(text, want+"\n") {
					t.Errorf("missing %q in\n%s", want, text)
				}
			}
		})
	}
}

func TestGauges(t *testing.T) {
	m := metrics.New()
	m.Documents(42)
	m.Warnings(3)
	m.Editions(7)
	m.Documents(40) // the last run counts, not a sum
	tests := []struct {
		name   string
		metric string
		want   float64
	}{
		{"documents hold the last run's count", "briefing_documents", 40},
		{"ingest warnings hold the last run's count", "briefing_ingest_warnings", 3},
		{"editions hold the number kept", "briefing_editions", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gauge(t, m, tt.metric); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDeliveryCreatesEveryStatusOfANewTarget(t *testing.T) {
	m := metrics.New()
	if n, _ := testutil.GatherAndCount(m.Registry(), "briefing_deliveries_total"); n != 0 {
		t.Errorf("before any delivery: got %d series, want 0", n)
	}
	m.Delivery("mail", edition.DeliverySent)
	m.Delivery("mail", edition.DeliverySent)
	want := `
# HELP briefing_deliveries_total Deliveries of editions, by target and outcome (sent, failed, skipped, in_doubt).
# TYPE briefing_deliveries_total counter
briefing_deliveries_total{status="failed",target="mail"} 0
briefing_deliveries_total{status="in_doubt",target="mail"} 0
briefing_deliveries_total{status="sent",target="mail"} 2
briefing_deliveries_total{status="skipped",target="mail"} 0
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "briefing_deliveries_total"); err != nil {
		t.Error(err)
	}
}

func TestBuildInfoKeepsOneVersion(t *testing.T) {
	m := metrics.New()
	m.Build("v1.0.0")
	m.Build("v1.1.0")
	want := `
# HELP briefing_build_info Build information of the running daemon; the value is always 1.
# TYPE briefing_build_info gauge
briefing_build_info{version="v1.1.0"} 1
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "briefing_build_info"); err != nil {
		t.Error(err)
	}
}

func TestHandlerServesTheRegistry(t *testing.T) {
	text := scrape(t, exercised(t))
	for _, want := range []string{
		"briefing_build_info{version=\"v1.2.3\"} 1\n",
		"go_goroutines ",
		"process_cpu_seconds_total ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in the /metrics output", want)
		}
	}
}

func TestPromtoolAcceptsTheOutput(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("promtool is not on PATH; the promlint rules are still checked by TestMetricsPassTheLinter")
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(scrape(t, exercised(t)))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}

// scrape returns the text served by m.Handler on a loopback server.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %s\n%s", resp.Status, b.String())
	}
	return b.String()
}

// gauge returns the value of the single series of the metric name.
func gauge(t *testing.T, m *metrics.Metrics, name string) float64 {
	t.Helper()
	mfs, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.GetMetric()) == 1 {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no single series named %s", name)
	return 0
}
