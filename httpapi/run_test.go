package httpapi_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
	"github.com/secbrief/briefing/httpapi"
)

// fakeRunner answers RunNow with id or err and counts the calls.
type fakeRunner struct {
	id    string
	err   error
	calls atomic.Int32
}

func (f *fakeRunner) RunNow() (string, error) {
	f.calls.Add(1)
	return f.id, f.err
}

// fakeHistory is a fixed run history, newest first.
type fakeHistory []edition.Record

func (h fakeHistory) Runs() []edition.Record { return h }

func TestRunNow(t *testing.T) {
	const token = "correct-horse-battery-staple"
	bearer := http.Header{"Authorization": {"Bearer " + token}}
	tests := []struct {
		name       string
		token      string
		runner     *fakeRunner
		header     http.Header
		wantStatus int
		wantBody   map[string]string
		wantCalls  int32
	}{
		{"without a configured token run now is forbidden", "", &fakeRunner{id: "r1"}, bearer,
			http.StatusForbidden, map[string]string{"error": "run now is disabled: no http.token configured"}, 0},
		{"without a token the caller is unauthorized", token, &fakeRunner{id: "r1"}, nil,
			http.StatusUnauthorized, map[string]string{"error": "missing or invalid bearer token"}, 0},
		{"with a wrong token the caller is unauthorized", token, &fakeRunner{id: "r1"},
			http.Header{"Authorization": {"Bearer not-the-token"}},
			http.StatusUnauthorized, map[string]string{"error": "missing or invalid bearer token"}, 0},
		{"with a prefix of the token the caller is unauthorized", token, &fakeRunner{id: "r1"},
			http.Header{"Authorization": {"Bearer " + token[:5]}},
			http.StatusUnauthorized, map[string]string{"error": "missing or invalid bearer token"}, 0},
		{"with the token as basic credentials the caller is unauthorized", token, &fakeRunner{id: "r1"},
			http.Header{"Authorization": {"Basic " + token}},
			http.StatusUnauthorized, map[string]string{"error": "missing or invalid bearer token"}, 0},
		{"with the bare token the caller is unauthorized", token, &fakeRunner{id: "r1"},
			http.Header{"Authorization": {token}},
			http.StatusUnauthorized, map[string]string{"error": "missing or invalid bearer token"}, 0},
		{"while a run is in progress the request conflicts", token, &fakeRunner{err: fmt.Errorf("start: %w", edition.ErrBusy)}, bearer,
			http.StatusConflict, map[string]string{"error": "a run is in progress"}, 1},
		{"when the run cannot start the server fails", token, &fakeRunner{err: errors.New("disk full")}, bearer,
			http.StatusInternalServerError, map[string]string{"error": "could not start a run"}, 1},
		{"with the token a run is accepted", token, &fakeRunner{id: "20261124T060000-ab12"}, bearer,
			http.StatusAccepted, map[string]string{"run_id": "20261124T060000-ab12"}, 1},
		{"the scheme is case-insensitive", token, &fakeRunner{id: "r2"},
			http.Header{"Authorization": {"bearer " + token}},
			http.StatusAccepted, map[string]string{"run_id": "r2"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Token: tt.token, Runner: tt.runner})
			got := do(t, srv, http.MethodPost, "/run", tt.header)
			if got.status != tt.wantStatus {
				t.Errorf("status: got %d, want %d", got.status, tt.wantStatus)
			}
			if ct := got.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type: got %q, want application/json", ct)
			}
			var body map[string]string
			if err := json.Unmarshal([]byte(got.body), &body); err != nil {
				t.Fatalf("%v in %q", err, got.body)
			}
			if fmt.Sprint(body) != fmt.Sprint(tt.wantBody) {
				t.Errorf("body: got %v, want %v", body, tt.wantBody)
			}
			wantAuth := tt.wantStatus == http.StatusUnauthorized
			if auth := got.header.Get("WWW-Authenticate"); strings.HasPrefix(auth, "Bearer") != wantAuth {
				t.Errorf("WWW-Authenticate: got %q, want a Bearer challenge only with 401", auth)
			}
			if n := tt.runner.calls.Load(); n != tt.wantCalls {
				t.Errorf("RunNow called %d times, want %d", n, tt.wantCalls)
			}
		})
	}
}

func TestRunHistory(t *testing.T) {
	at := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	history := fakeHistory{
		{ID: "run-3", Trigger: edition.TriggerManual, Start: at.Add(2 * time.Hour), Status: edition.StatusRunning},
		{ID: "run-2", Trigger: edition.TriggerSchedule, Start: at.Add(time.Hour), Status: edition.StatusUnchanged},
		{ID: "run-1", Trigger: edition.TriggerStart, Start: at, Status: edition.StatusFailed, Error: "fetch feed: timeout",
			Deliveries: []edition.Delivery{{Target: "mail", Status: edition.DeliveryFailed, Attempts: 3}}},
	}
	tests := []struct {
		name       string
		history    httpapi.History
		target     string
		wantStatus int
		wantIDs    []string
	}{
		{"the history is listed newest first", history, "/runs", http.StatusOK, []string{"run-3", "run-2", "run-1"}},
		{"a limit keeps the newest runs", history, "/runs?limit=2", http.StatusOK, []string{"run-3", "run-2"}},
		{"a limit above the length keeps every run", history, "/runs?limit=50", http.StatusOK, []string{"run-3", "run-2", "run-1"}},
		{"an empty history is an empty list", fakeHistory(nil), "/runs", http.StatusOK, []string{}},
		{"no history is an empty list", nil, "/runs", http.StatusOK, []string{}},
		{"a zero limit is a bad request", history, "/runs?limit=0", http.StatusBadRequest, nil},
		{"a negative limit is a bad request", history, "/runs?limit=-1", http.StatusBadRequest, nil},
		{"a limit that is not a number is a bad request", history, "/runs?limit=ten", http.StatusBadRequest, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := start(t, httpapi.Config{OutputDir: t.TempDir(), History: tt.history})
			got := do(t, srv, http.MethodGet, tt.target, nil)
			if got.status != tt.wantStatus {
				t.Fatalf("status: got %d, want %d: %s", got.status, tt.wantStatus, got.body)
			}
			if tt.wantIDs == nil {
				return
			}
			var recs []edition.Record
			if err := json.Unmarshal([]byte(got.body), &recs); err != nil || recs == nil {
				t.Fatalf("want a JSON list, got %q (%v)", got.body, err)
			}
			ids := []string{}
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.wantIDs) {
				t.Errorf("runs: got %v, want %v", ids, tt.wantIDs)
			}
		})
	}
	t.Run("a record keeps its fields", func(t *testing.T) {
		srv := start(t, httpapi.Config{OutputDir: t.TempDir(), History: history})
		var recs []edition.Record
		if err := json.Unmarshal([]byte(do(t, srv, http.MethodGet, "/runs", nil).body), &recs); err != nil {
			t.Fatal(err)
		}
		got, want := recs[2], history[2]
		if got.Error != want.Error || !got.Start.Equal(want.Start) || len(got.Deliveries) != 1 || got.Deliveries[0] != want.Deliveries[0] {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
}
