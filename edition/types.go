// Package edition builds, stores and delivers editions of the briefing and keeps the history
// of runs: it decides whether the input changed, writes dated editions and latest.pdf
// atomically, keeps the last N, records every run, and hands new editions to the delivery
// targets.
package edition

import (
	"context"
	"errors"
	"time"
)

// Edition is a written briefing, as delivery targets see it.
type Edition struct {
	// ID identifies the edition: its time stamp, "2026-11-24T0600".
	ID string `json:"id"`
	// Name is the file name in the output folder: "briefing-2026-11-24T0600.pdf".
	Name string `json:"name"`
	// Path is the file on disk.
	Path  string    `json:"-"`
	Date  time.Time `json:"date"`
	Title string    `json:"title"`
	// SHA256 is the hex digest of the PDF, Size its length in bytes.
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// Documents is the number of documents the edition is built from.
	Documents int `json:"documents"`
	// InputHash identifies the documents, configuration and templates it was built from.
	InputHash string `json:"input_hash"`
}

// Run statuses.
const (
	StatusRunning   = "running"
	StatusSuccess   = "success"
	StatusUnchanged = "unchanged"
	StatusFailed    = "failed"
	// StatusAborted: the run was cancelled (shutdown after the grace period, build timeout).
	StatusAborted = "aborted"
	// StatusDeliveryFailed: the edition was built (or unchanged) but every delivery it was
	// offered to failed.
	StatusDeliveryFailed = "delivery_failed"
)

// Run triggers.
const (
	TriggerSchedule = "schedule"
	TriggerStart    = "start"
	TriggerCatchUp  = "catch-up"
	TriggerManual   = "manual"
)

// Record is one run in the history.
type Record struct {
	ID         string     `json:"id"`
	Trigger    string     `json:"trigger"`
	Scheduled  time.Time  `json:"scheduled"`
	Start      time.Time  `json:"start"`
	End        time.Time  `json:"end"`
	Status     string     `json:"status"`
	Error      string     `json:"error,omitempty"`
	InputHash  string     `json:"input_hash,omitempty"`
	Output     string     `json:"output,omitempty"`
	Documents  int        `json:"documents"`
	Deliveries []Delivery `json:"deliveries"`
}

// Delivery statuses.
const (
	DeliverySent    = "sent"
	DeliveryFailed  = "failed"
	DeliverySkipped = "skipped" // already sent to this target (ledger)
	// DeliveryInDoubt: an earlier hand-over was cut off by the end of the process; the
	// target may have the edition, so it is not sent again until the operator asks.
	DeliveryInDoubt = "in_doubt"
)

// Delivery is the outcome of handing one edition to one target.
type Delivery struct {
	Target   string    `json:"target"`
	Status   string    `json:"status"`
	Attempts int       `json:"attempts"`
	Error    string    `json:"error,omitempty"`
	At       time.Time `json:"at"`
}

// Target delivers editions somewhere: an e-mail list, a webhook.
type Target interface {
	// Name identifies the target in the ledger and in metrics: "mail", "webhook".
	Name() string
	// Deliver sends the edition. It may be called again after a failure.
	Deliver(ctx context.Context, e Edition) error
}

// ErrBusy is returned when a run is asked for while one is in progress.
var ErrBusy = errors.New("a run is in progress")
