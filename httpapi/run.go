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
	token, ok := bearer(r)
	return ok && sameToken(token, a.Token)
}

// bearer returns the token of "Authorization: Bearer <token>".
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// sameToken compares a presented token with a configured one as SHA-256 digests in constant
// time; an empty configured token matches nothing.
func sameToken(got, want string) bool {
	if want == "" {
		return false
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// mayRead reports whether r may read the editions and the run history: always when no
// http.read_token is set; else with that token (or the run token) as a bearer token, or as
// the password of basic authentication (for browsers; the user name is not checked).
func (a *api) mayRead(r *http.Request) bool {
	if a.ReadToken == "" {
		return true
	}
	if _, pass, ok := r.BasicAuth(); ok {
		return sameToken(pass, a.ReadToken) || sameToken(pass, a.Token)
	}
	token, ok := bearer(r)
	return ok && (sameToken(token, a.ReadToken) || sameToken(token, a.Token))
}

// readers wraps a handler of editions or runs with the read token check.
func (a *api) readers(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !a.mayRead(r) {
			w.Header().Set("WWW-Authenticate", `Basic realm="briefing", charset="UTF-8"`)
			writeJSON(w, http.StatusUnauthorized, errorBody{"this needs http.read_token (bearer token or basic authentication)"})
			return
		}
		next(w, r)
	}
}
