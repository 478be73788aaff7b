package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/secbrief/briefing/edition"
)

// runs answers the run history, newest first; ?limit=N keeps the newest N.
func (a *api) runs(w http.ResponseWriter, r *http.Request) {
	limit := -1
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			writeJSON(w, http.StatusBadRequest, errorBody{"limit must be a positive integer"})
			return
		}
		limit = n
	}
	var recs []edition.Record
	if a.History != nil {
		recs = a.History.Runs()
	}
	if limit >= 0 && len(recs) > limit {
		recs = recs[:limit]
	}
	if recs == nil {
		recs = []edition.Record{}
	}
	writeJSON(w, http.StatusOK, recs)
}

// runNow starts a run for a caller that presents the configured bearer token.
func (a *api) runNow(w http.ResponseWriter, r *http.Request) {
	if a.Token == "" {
		writeJSON(w, http.StatusForbidden, errorBody{"run now is disabled: no http.token configured"})
		return
	}
	if !a.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="briefing"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{"missing or invalid bearer token"})
		return
	}
	if a.Runner == nil {
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"run now is not available"})
		return
	}
	id, err := a.Runner.RunNow()
	switch {
	case errors.Is(err, edition.ErrBusy):
		writeJSON(w, http.StatusConflict, errorBody{"a run is in progress"})
	case err != nil:
		a.Log.Error("run now", "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not start a run"})
	default:
		a.Log.Info("run started on request", "run_id", id, "remote", r.RemoteAddr)
		writeJSON(w, http.StatusAccepted, struct {
			RunID string `json:"run_id"`
		}{id})
	}
}

// authorized reports whether r carries "Authorization: Bearer <token>". The tokens are
// compared as SHA-256 digests in constant time, so that neither their content nor their
// length leaks through timing.
func (a *api) authorized(r *http.Request) bool {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	want := sha256.Sum256([]byte(a.Token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}
