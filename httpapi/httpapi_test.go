package httpapi_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"

	"github.com/secbrief/briefing/httpapi"
	"github.com/secbrief/briefing/metrics"
)

// response is what a test request got back.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request to srv over a loopback connection, writing target into the request
// line exactly as given: no client normalises "..", "%2e%2e" or "//" on the way. Redirects are
// not followed.
func do(t *testing.T, srv *httptest.Server, method, target string, header http.Header) response {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	var req bytes.Buffer
	fmt.Fprintf(&req, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n", method, target, srv.Listener.Addr())
	header.Write(&req)
	if method == http.MethodPost || method == http.MethodPut {
		req.WriteString("Content-Length: 0\r\n")
	}
	req.WriteString("\r\n")
	if _, err := conn.Write(req.Bytes()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

// start serves New(c) on a loopback test server.
func start(t *testing.T, c httpapi.Config) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(httpapi.New(c))
	t.Cleanup(srv.Close)
	return srv
}

func TestHealthAndReadiness(t *testing.T) {
	dir := t.TempDir()
	srv := start(t, httpapi.Config{OutputDir: dir})
	check := func(t *testing.T, target string, wantStatus int, wantBody string) {
		t.Helper()
		got := do(t, srv, http.MethodGet, target, nil)
		if got.status != wantStatus || got.body != wantBody {
			t.Errorf("GET %s: got %d %q, want %d %q", target, got.status, got.body, wantStatus, wantBody)
		}
	}
	t.Run("the daemon is alive before any edition exists", func(t *testing.T) {
		check(t, "/healthz", http.StatusOK, "ok\n")
	})
	t.Run("the daemon is not ready before latest.pdf exists", func(t *testing.T) {
		check(t, "/readyz", http.StatusServiceUnavailable, "no edition yet\n")
	})
	t.Run("a directory named latest.pdf does not make the daemon ready", func(t *testing.T) {
		if err := os.Mkdir(filepath.Join(dir, "latest.pdf"), 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(dir, "latest.pdf"))
		check(t, "/readyz", http.StatusServiceUnavailable, "no edition yet\n")
	})
	t.Run("the daemon is ready once latest.pdf exists", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "latest.pdf"), "%PDF-1.4 latest")
		check(t, "/readyz", http.StatusOK, "ready\n")
	})
}

func TestReadyFuncIsAsked(t *testing.T) {
	tests := []struct {
		name       string
		ready      bool
		wantStatus int
	}{
		{"a configured readiness check that says yes gives 200", true, http.StatusOK},
		{"a configured readiness check that says no gives 503", false, http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Ready: func() bool { return tt.ready }})
			if got := do(t, srv, http.MethodGet, "/readyz", nil); got.status != tt.wantStatus {
				t.Errorf("got %d, want %d", got.status, tt.wantStatus)
			}
		})
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Token: "t0ken", Metrics: http.NotFoundHandler()})
	tests := []struct {
		name       string
		method     string
		target     string
		wantStatus int
	}{
		{"the root is not found", "GET", "/", http.StatusNotFound},
		{"an unknown path is not found", "GET", "/admin", http.StatusNotFound},
		{"a path below a route is not found", "GET", "/healthz/more", http.StatusNotFound},
		{"a non-canonical path is not found rather than redirected", "GET", "//healthz", http.StatusNotFound},
		{"a dot segment is not found rather than redirected", "GET", "/./healthz", http.StatusNotFound},
		{"POST on healthz is not allowed", "POST", "/healthz", http.StatusMethodNotAllowed},
		{"DELETE on readyz is not allowed", "DELETE", "/readyz", http.StatusMethodNotAllowed},
		{"GET on run is not allowed", "GET", "/run", http.StatusMethodNotAllowed},
		{"PUT on run is not allowed", "PUT", "/run", http.StatusMethodNotAllowed},
		{"POST on runs is not allowed", "POST", "/runs", http.StatusMethodNotAllowed},
		{"DELETE on an edition is not allowed", "DELETE", "/briefings/latest.pdf", http.StatusMethodNotAllowed},
		{"POST on the listing is not allowed", "POST", "/briefings/", http.StatusMethodNotAllowed},
		{"HEAD on healthz is answered like GET", "HEAD", "/healthz", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := do(t, srv, tt.method, tt.target, nil)
			if got.status != tt.wantStatus {
				t.Errorf("%s %s: got %d, want %d", tt.method, tt.target, got.status, tt.wantStatus)
			}
			if got.status == http.StatusMethodNotAllowed && got.header.Get("Allow") == "" {
				t.Errorf("405 without an Allow header")
			}
		})
	}
}

func TestMetricsEndpoint(t *testing.T) {
	m := metrics.New()
	m.Build("test")
	m.RunStarted()
	m.RunFinished("success", time.Second, time.Now())
	tests := []struct {
		name       string
		handler    http.Handler
		wantStatus int
	}{
		{"the metrics handler is served at /metrics", m.Handler(), http.StatusOK},
		{"without a metrics handler /metrics is not found", nil, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Metrics: tt.handler})
			got := do(t, srv, http.MethodGet, "/metrics", nil)
			if got.status != tt.wantStatus {
				t.Fatalf("got %d, want %d", got.status, tt.wantStatus)
			}
			if tt.handler == nil {
				return
			}
			if !strings.Contains(got.body, `briefing_runs_total{status="success"} 1`) {
				t.Errorf("the run counter is missing from\n%s", got.body)
			}
			problems, err := promlint.New(strings.NewReader(got.body)).Lint()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("lint: %s: %s", p.Metric, p.Text)
			}
		})
	}
}

func TestRequestsAreLoggedWithoutTheToken(t *testing.T) {
	const token = "s3cret-t0ken-value"
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Token: token, Runner: &fakeRunner{id: "run-1"}, Log: log})

	do(t, srv, http.MethodGet, "/healthz", nil)
	do(t, srv, http.MethodPost, "/run", http.Header{"Authorization": {"Bearer " + token}})
	do(t, srv, http.MethodPost, "/run", http.Header{"Authorization": {"Bearer wrong-" + token}})
	do(t, srv, http.MethodGet, "/runs?token="+token, nil)

	text := logs.String()
	for _, want := range []string{
		"level=DEBUG msg=\"http request\" method=GET path=/healthz status=200 duration=",
		"method=POST path=/run status=202",
		"method=POST path=/run status=401",
		"method=GET path=/runs status=200",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("log lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, token) {
		t.Errorf("the token is in the log:\n%s", text)
	}
}

func TestServerHasTimeoutsAndServes(t *testing.T) {
	srv := httpapi.Server("127.0.0.1:0", httpapi.New(httpapi.Config{OutputDir: t.TempDir()}))
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": srv.ReadHeaderTimeout, "ReadTimeout": srv.ReadTimeout,
		"WriteTimeout": srv.WriteTimeout, "IdleTimeout": srv.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("%s is not set", name)
		}
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz: got %d, want 200", resp.StatusCode)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A build that goes on far beyond its timeout makes /healthz fail, so that a liveness probe
// restarts the process (it stayed "ok" while no scheduled run could start).
func TestHealthFailsWhileABuildIsStuck(t *testing.T) {
	stuck := false
	srv := start(t, httpapi.Config{OutputDir: t.TempDir(), Stuck: func() (time.Duration, bool) { return 15 * time.Minute, stuck }})
	if r := do(t, srv, http.MethodGet, "/healthz", nil); r.status != http.StatusOK {
		t.Fatalf("healthz = %d", r.status)
	}
	stuck = true
	if r := do(t, srv, http.MethodGet, "/healthz", nil); r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "15m0s") {
		t.Errorf("healthz = %d %q, want 503 naming the duration", r.status, r.body)
	}
}
