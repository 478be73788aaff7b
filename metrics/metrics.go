// Package metrics defines the daemon's Prometheus metrics, all prefixed briefing_.
package metrics

import (
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/secbrief/briefing/edition"
)

// runStatuses are the final statuses of a run; their counters exist from the start.
var runStatuses = []string{edition.StatusSuccess, edition.StatusUnchanged, edition.StatusFailed, edition.StatusAborted, edition.StatusDeliveryFailed}

// deliveryStatuses are the outcomes of a delivery; their counters exist once a target is seen.
var deliveryStatuses = []string{edition.DeliverySent, edition.DeliveryFailed, edition.DeliverySkipped, edition.DeliveryInDoubt}

// runBuckets span a run from 50 ms (nothing changed) to 5 minutes (a large rebuild).
var runBuckets = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 180, 300}

// Metrics holds the daemon's metrics on a registry of its own. Its methods are safe for
// concurrent use.
type Metrics struct {
	reg     *prometheus.Registry
	handler http.Handler

	runs        *prometheus.CounterVec
	runDuration prometheus.Histogram
	lastSuccess prometheus.Gauge
	inProgress  prometheus.Gauge
	documents   prometheus.Gauge
	warnings    prometheus.Gauge
	deliveries  *prometheus.CounterVec
	editions    prometheus.Gauge
	build       *prometheus.GaugeVec

	mu      sync.Mutex
	targets map[string]bool // delivery targets whose counters exist
}

// New registers the metrics on a new registry (plus the Go and process collectors).
func New() *Metrics {
	m := &Metrics{
		reg:     prometheus.NewRegistry(),
		targets: map[string]bool{},
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefing_runs_total",
			Help: "Runs finished, by final status (success, unchanged, failed, aborted, delivery_failed).",
		}, []string{"status"}),
		runDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "briefing_run_duration_seconds",
			Help:    "Duration of finished runs in seconds.",
			Buckets: runBuckets,
		}),
		lastSuccess: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefing_last_success_timestamp_seconds",
			Help: "Unix time at which the last successful or unchanged run ended.",
		}),
		inProgress: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefing_run_in_progress",
			Help: "Whether a run is in progress (1) or not (0).",
		}),
		documents: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefing_documents",
			Help: "Number of documents ingested by the last run.",
		}),
		warnings: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefing_ingest_warnings",
			Help: "Number of ingest warnings in the last run.",
		}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefing_deliveries_total",
			Help: "Deliveries of editions, by target and outcome (sent, failed, skipped, in_doubt).",
		}, []string{"target", "status"}),
		editions: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefing_editions",
			Help: "Number of dated editions kept in the output folder.",
		}),
		build: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "briefing_build_info",
			Help: "Build information of the running daemon; the value is always 1.",
		}, []string{"version"}),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.runs, m.runDuration, m.lastSuccess, m.inProgress, m.documents, m.warnings,
		m.deliveries, m.editions, m.build,
	)
	for _, s := range runStatuses {
		m.runs.WithLabelValues(s)
	}
	m.handler = promhttp.InstrumentMetricHandler(m.reg,
		promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	return m
}

// Registry returns the registry the metrics are registered on.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler { return m.handler }

// RunStarted marks a run as in progress.
func (m *Metrics) RunStarted() { m.inProgress.Set(1) }

// RunFinished counts a run that ended at end with status after d, and marks no run in
// progress. A success or unchanged run sets the last-success time.
func (m *Metrics) RunFinished(status string, d time.Duration, end time.Time) {
	m.runs.WithLabelValues(status).Inc()
	m.runDuration.Observe(d.Seconds())
	if status == edition.StatusSuccess || status == edition.StatusUnchanged {
		m.lastSuccess.Set(float64(end.UnixNano()) / 1e9)
	}
	m.inProgress.Set(0)
}

// Documents sets the number of documents in the last run.
func (m *Metrics) Documents(n int) { m.documents.Set(float64(n)) }

// Warnings sets the number of ingest warnings in the last run.
func (m *Metrics) Warnings(n int) { m.warnings.Set(float64(n)) }

// Delivery counts one delivery to target with status. The first delivery to a target creates
// its counters for every status, at 0.
func (m *Metrics) Delivery(target, status string) {
	m.mu.Lock()
	if !m.targets[target] {
		m.targets[target] = true
		for _, s := range deliveryStatuses {
			m.deliveries.WithLabelValues(target, s)
		}
	}
	m.mu.Unlock()
	m.deliveries.WithLabelValues(target, status).Inc()
}

// Editions sets the number of editions kept in the output folder.
func (m *Metrics) Editions(n int) { m.editions.Set(float64(n)) }

// Build sets briefing_build_info{version} to 1, replacing any version set before.
func (m *Metrics) Build(version string) {
	m.build.Reset()
	m.build.WithLabelValues(version).Set(1)
}
