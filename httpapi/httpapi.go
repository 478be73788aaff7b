// Package httpapi serves the daemon's HTTP interface: health, readiness, metrics, the editions
// and the run history, and a token-protected "run now".
package httpapi

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/secbrief/briefing/edition"
)

// Runner starts runs on demand.
type Runner interface {
	// RunNow starts a run in the background and returns its id; edition.ErrBusy while a run is in progress.
	RunNow() (string, error)
}

// History gives the recorded runs.
type History interface {
	Runs() []edition.Record // newest first
}

// Config is what the HTTP interface serves.
type Config struct {
	OutputDir string // the folder of editions (read-only)
	Token     string // bearer token for POST /run; empty disables POST /run
	// ReadToken, when set, is needed to read the editions and the run history (GET
	// /briefings/…, GET /runs): as a bearer token or as the password of basic authentication.
	ReadToken string
	Runner    Runner
	History   History
	Metrics   http.Handler // served at /metrics
	Ready     func() bool  // nil: ready when OutputDir/latest.pdf exists
	// Stuck, when set, reports a run that has gone on far beyond the build timeout: /healthz
	// then fails, so that a liveness probe restarts the process.
	Stuck func() (time.Duration, bool)
	Log   *slog.Logger
}

// api holds the configuration the handlers use.
type api struct {
	Config
}

// New returns the handler of every route. Requests are logged at debug level.
func New(c Config) http.Handler {
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Ready == nil {
		latest := filepath.Join(c.OutputDir, latestName)
		c.Ready = func() bool {
			fi, err := os.Stat(latest)
			return err == nil && fi.Mode().IsRegular()
		}
	}
	a := &api{Config: c}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.HandleFunc("GET /readyz", a.readyz)
	if c.Metrics != nil {
		mux.Handle("GET /metrics", c.Metrics)
	}
	mux.HandleFunc("GET /briefings/{$}", a.readers(a.listEditions))
	mux.HandleFunc("GET /briefings/{name}", a.readers(a.serveEdition))
	mux.HandleFunc("GET /runs", a.readers(a.runs))
	mux.HandleFunc("POST /run", a.runNow)
	return logRequests(c.Log, canonicalOnly(mux))
}

func (a *api) healthz(w http.ResponseWriter, r *http.Request) {
	if a.Stuck != nil {
		if d, stuck := a.Stuck(); stuck {
			writeText(w, http.StatusServiceUnavailable, fmt.Sprintf("a build has been running for %s, beyond build_timeout\n", d.Round(time.Second)))
			return
		}
	}
	writeText(w, http.StatusOK, "ok\n")
}

func (a *api) readyz(w http.ResponseWriter, r *http.Request) {
	if !a.Ready() {
		writeText(w, http.StatusServiceUnavailable, "no edition yet\n")
		return
	}
	writeText(w, http.StatusOK, "ready\n")
}

func writeText(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	io.WriteString(w, text)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"encode response"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// errorBody is the JSON of an error answer.
type errorBody struct {
	Error string `json:"error"`
}
