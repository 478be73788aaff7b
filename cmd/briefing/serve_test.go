package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	netmail "net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/deliver/webhook"
	"github.com/secbrief/briefing/edition"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the briefing command once for the tests that run it as a process.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "briefing-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "briefing")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// mailbox is an SMTP server on loopback that keeps the messages it receives.
type mailbox struct {
	mu   sync.Mutex
	msgs [][]byte
	srv  *smtp.Server
	addr string
}

func (b *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{box: b}, nil }

type smtpSession struct {
	box *mailbox
}

func (s *smtpSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *smtpSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s *smtpSession) Reset()                               {}
func (s *smtpSession) Logout() error                        { return nil }
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err == nil {
		s.box.mu.Lock()
		s.box.msgs = append(s.box.msgs, b)
		s.box.mu.Unlock()
	}
	return err
}

// startMailbox listens on addr ("127.0.0.1:0" for any port).
func startMailbox(t *testing.T, addr string) *mailbox {
	t.Helper()
	b := &mailbox{}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	b.addr = ln.Addr().String()
	b.srv = smtp.NewServer(b)
	b.srv.Domain = "localhost"
	b.srv.AllowInsecureAuth = true
	go b.srv.Serve(ln)
	t.Cleanup(func() { b.srv.Close() })
	return b
}

func (b *mailbox) messages() [][]byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([][]byte(nil), b.msgs...)
}

// hookReceiver records webhook requests and whether their signatures were valid.
type hookReceiver struct {
	mu       sync.Mutex
	editions []string
	bad      int
}

func startReceiver(t *testing.T, secret string) (*hookReceiver, string) {
	t.Helper()
	rc := &hookReceiver{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if !webhook.Verify(secret, r.Header.Get("X-Briefing-Timestamp"), body, r.Header.Get("X-Briefing-Signature")) {
			rc.bad++
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		rc.editions = append(rc.editions, r.Header.Get("X-Briefing-Edition"))
	}))
	t.Cleanup(srv.Close)
	return rc, srv.URL
}

func (rc *hookReceiver) count() (int, int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.editions), rc.bad
}

// freePort returns a loopback address nobody listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// daemonProc is a running "briefing serve".
type daemonProc struct {
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer
	mu   *sync.Mutex
	done chan error
}

func startDaemon(t *testing.T, dir, configYAML string) *daemonProc {
	t.Helper()
	cfgPath := filepath.Join(dir, "config.yaml")
	writeFile(t, cfgPath, configYAML)
	return startDaemonEnv(t, dir, cfgPath, nil)
}

// startDaemonEnv starts "briefing serve" with a configuration file and extra environment.
func startDaemonEnv(t *testing.T, dir, cfgPath string, env []string) *daemonProc {
	t.Helper()
	cmd := exec.Command(binary(t), "serve", "--config", cfgPath)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "BRIEFING_LOG_FORMAT=json", "BRIEFING_LOG_LEVEL=debug"), env...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	d := &daemonProc{cmd: cmd, logs: &bytes.Buffer{}, mu: &sync.Mutex{}, done: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			d.mu.Lock()
			d.logs.WriteString(sc.Text() + "\n")
			d.mu.Unlock()
		}
		d.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		if t.Failed() {
			t.Logf("daemon log:\n%s", d.log())
		}
	})
	return d
}

func (d *daemonProc) log() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.logs.String()
}

// eventually polls cond until it holds or the timeout passes.
func eventually(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(timeout); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out after %s waiting until %s", timeout, what)
}

func get(url string, header ...string) (int, string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func post(url, token string) int {
	req, _ := http.NewRequest(http.MethodPost, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func runs(t *testing.T, base string) []edition.Record {
	t.Helper()
	code, body := get(base + "/runs")
	var rs []edition.Record
	if code != http.StatusOK || json.Unmarshal([]byte(body), &rs) != nil {
		return nil
	}
	return rs
}

func editionsIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func serveConfig(dir, listen, smtpAddr, hookURL, grace, extra string) string {
	host, port, _ := net.SplitHostPort(smtpAddr)
	return fmt.Sprintf(`docs:
  dir: %s
output:
  dir: %s
  keep: 5
state:
  dir: %s
schedule: "@every 1s"
schedule_min_interval: 1s
shutdown_grace: %s
http:
  listen: %s
  token: s3cret-0123456789abcdef
delivery:
  attempts: 3
  base_delay: 100ms
  max_delay: 200ms
mail:
  enabled: true
  host: %s
  port: %s
  tls: none
  from: briefing@example.org
  to: [lage@example.org, leitung@example.org]
webhook:
  enabled: true
  url: %s
  secret: hook-key
%s`, filepath.Join(dir, "docs"), filepath.Join(dir, "out"), filepath.Join(dir, "state"), grace, listen, host, port, hookURL, extra)
}

func TestServeBuildsDeliversOnceAndAnswersOverHTTP(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join(repoRoot(t), "seeds"), filepath.Join(dir, "docs"))
	box := startMailbox(t, "127.0.0.1:0")
	hooks, hookURL := startReceiver(t, "hook-key")
	listen := freePort(t)
	base := "http://" + listen
	d := startDaemon(t, dir, serveConfig(dir, listen, box.addr, hookURL, "2s", ""))

	eventually(t, 30*time.Second, "the first edition is ready", func() bool { code, _ := get(base + "/readyz"); return code == http.StatusOK })
	eventually(t, 20*time.Second, "the first edition is mailed and posted", func() bool {
		n, _ := hooks.count()
		return len(box.messages()) == 1 && n == 1
	})
	t.Run("the e-mail reaches both recipients with the PDF attached", func(t *testing.T) {
		checkMail(t, box.messages()[0], filepath.Join(dir, "out", "latest.pdf"))
	})
	t.Run("an unchanged corpus is recorded but not delivered again", func(t *testing.T) {
		eventually(t, 20*time.Second, "two unchanged runs are recorded", func() bool {
			n := 0
			for _, r := range runs(t, base) {
				if r.Status == edition.StatusUnchanged {
					n++
				}
			}
			return n >= 2
		})
		if n, bad := hooks.count(); len(box.messages()) != 1 || n != 1 || bad != 0 {
			t.Errorf("mails %d, webhooks %d (bad signatures %d), want 1 and 1", len(box.messages()), n, bad)
		}
	})
	t.Run("a changed corpus gives a new edition, delivered once", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "docs", "neu.txt"), "Neue Meldung\n1. Dezember 2026\nDie NATO und Südkorea vereinbarten am 30. November 2026 neue Manöver.\n")
		eventually(t, 30*time.Second, "the second edition is delivered", func() bool {
			n, _ := hooks.count()
			return len(box.messages()) == 2 && n == 2
		})
		time.Sleep(2500 * time.Millisecond)
		if n, _ := hooks.count(); len(box.messages()) != 2 || n != 2 {
			t.Errorf("mails %d, webhooks %d after more runs, want 2 and 2", len(box.messages()), n)
		}
	})
	t.Run("the HTTP interface answers", func(t *testing.T) {
		for _, c := range []struct {
			path string
			want int
		}{{"/healthz", 200}, {"/readyz", 200}, {"/briefings/latest.pdf", 200}, {"/briefings/", 200},
			{"/briefings/../config.yaml", 404}, {"/briefings/..%2fconfig.yaml", 404}, {"/runs", 200}, {"/nope", 404}} {
			if code, _ := get(base + c.path); code != c.want {
				t.Errorf("GET %s = %d, want %d", c.path, code, c.want)
			}
		}
		if code := post(base+"/run", ""); code != http.StatusUnauthorized {
			t.Errorf("POST /run without token = %d, want 401", code)
		}
		if code := post(base+"/run", "wrong"); code != http.StatusUnauthorized {
			t.Errorf("POST /run with a wrong token = %d, want 401", code)
		}
		eventually(t, 10*time.Second, "POST /run with the token is accepted", func() bool { return post(base+"/run", "s3cret-0123456789abcdef") == http.StatusAccepted })
		_, m := get(base + "/metrics")
		for _, want := range []string{`briefing_runs_total{status="success"}`, `briefing_runs_total{status="unchanged"}`,
			`briefing_deliveries_total{status="sent",target="mail"}`, `briefing_deliveries_total{status="sent",target="webhook"}`,
			"briefing_last_success_timestamp_seconds", "briefing_run_duration_seconds_bucket", "briefing_documents 6"} {
			if !strings.Contains(m, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
	})
	t.Run("every log line of a run carries its run id", func(t *testing.T) {
		for _, l := range strings.Split(d.log(), "\n") {
			if strings.Contains(l, `"msg":"documents read"`) && !strings.Contains(l, `"run_id":`) {
				t.Errorf("a run's log line without run id: %s", l)
			}
		}
	})
	t.Run("SIGHUP with a broken configuration keeps the old one", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "config.yaml"), "schedule: \"every now and then\"\n")
		d.cmd.Process.Signal(syscall.SIGHUP)
		eventually(t, 10*time.Second, "the reload is refused", func() bool { return strings.Contains(d.log(), "configuration not reloaded") })
		before := len(runs(t, base))
		eventually(t, 10*time.Second, "runs go on", func() bool { return len(runs(t, base)) > before })
	})
	t.Run("SIGTERM stops the daemon with status 0", func(t *testing.T) {
		d.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-d.done:
			if err != nil {
				t.Errorf("exit: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the daemon did not stop")
		}
		for _, name := range editionsIn(t, filepath.Join(dir, "out")) {
			if strings.Contains(name, ".tmp") {
				t.Errorf("temporary file left: %s", name)
			}
		}
	})
}

// checkMail parses a message and compares its attachment with the PDF.
func checkMail(t *testing.T, raw []byte, pdfPath string) {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if to := msg.Header.Get("To"); !strings.Contains(to, "lage@example.org") || !strings.Contains(to, "leitung@example.org") {
		t.Errorf("To = %q", to)
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	if !strings.Contains(subject, "Lagebild – Ausgabe vom") {
		t.Errorf("Subject = %q", subject)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(pdfPath)
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatal("no PDF attachment")
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "application/pdf") {
			got, _ := io.ReadAll(decodePart(p))
			if !bytes.Equal(got, want) {
				t.Errorf("the attachment (%d bytes) is not the edition (%d bytes)", len(got), len(want))
			}
			return
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, _ := os.ReadFile(filepath.Join(from, e.Name()))
		writeFile(t, filepath.Join(to, e.Name()), string(raw))
	}
}

func TestServeRetriesWhenTheMailServerIsDownAndSendsOnceWhenItIsBack(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join(repoRoot(t), "seeds"), filepath.Join(dir, "docs"))
	smtpAddr := freePort(t) // nobody listens here yet
	_, hookURL := startReceiver(t, "hook-key")
	listen := freePort(t)
	base := "http://" + listen
	startDaemon(t, dir, serveConfig(dir, listen, smtpAddr, hookURL, "2s", ""))

	eventually(t, 30*time.Second, "a failed mail delivery is recorded", func() bool {
		for _, r := range runs(t, base) {
			for _, d := range r.Deliveries {
				if d.Target == "mail" && d.Status == edition.DeliveryFailed && d.Attempts == 3 {
					return true
				}
			}
		}
		return false
	})
	box := startMailbox(t, smtpAddr)
	eventually(t, 20*time.Second, "the edition is mailed once the server is back", func() bool { return len(box.messages()) == 1 })
	time.Sleep(3 * time.Second)
	if n := len(box.messages()); n != 1 {
		t.Errorf("%d mails, want exactly 1", n)
	}
}

func TestServeStopsCleanlyDuringABuild(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	entries, _ := os.ReadDir(filepath.Join(repoRoot(t), "seeds"))
	for i := range 400 {
		for _, e := range entries {
			raw, _ := os.ReadFile(filepath.Join(repoRoot(t), "seeds", e.Name()))
			writeFile(t, filepath.Join(docs, fmt.Sprintf("%03d-%s", i, e.Name())), strings.ReplaceAll(string(raw), "Nordkorea", fmt.Sprintf("Nordkorea (%d)", i)))
		}
	}
	listen := freePort(t)
	base := "http://" + listen
	d := startDaemon(t, dir, serveConfig(dir, listen, freePort(t), "http://127.0.0.1:1/", "100ms", "run_on_start: true\n"))
	eventually(t, 30*time.Second, "a build is running", func() bool {
		rs := runs(t, base)
		return len(rs) > 0 && rs[0].Status == edition.StatusRunning
	})
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-d.done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the daemon did not stop")
	}
	for _, name := range editionsIn(t, filepath.Join(dir, "out")) {
		if strings.Contains(name, ".tmp") || strings.HasPrefix(name, ".") {
			t.Errorf("partial file left: %s", name)
		}
	}
	if !strings.Contains(d.log(), "aborting the running build") {
		t.Errorf("the build was not aborted after the grace period")
	}
}

// After a crash during a hand-over the delivery is in doubt: the daemon does not send it
// again, and "briefing deliver --retry EDITION" (with the daemon stopped) does, once.
func TestDeliverRetrySendsAnEditionInDoubt(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	hooks, hookURL := startReceiver(t, "hook-key")
	cfgPath := filepath.Join(dir, "config.yaml")
	cfg := serveConfig(dir, freePort(t), "127.0.0.1:1", hookURL, "2s", "")
	cfg = strings.Replace(cfg, "mail:\n  enabled: true", "mail:\n  enabled: false", 1)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	id := "2026-11-24T0600"
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	os.WriteFile(filepath.Join(dir, "out", "briefing-"+id+".pdf"), []byte("%PDF-1.4 test"), 0o644)
	ledger, err := deliver.OpenLedger(filepath.Join(dir, "state", "deliveries.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.Intend(id, "webhook", time.Now()); err != nil { // what the crash left
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"deliver", "--config", cfgPath, "--retry", id}, &out, &errb); err != nil {
		t.Fatalf("deliver --retry: %v\n%s%s", err, out.String(), errb.String())
	}
	if n, bad := hooks.count(); n != 1 || bad != 0 || !strings.Contains(out.String(), "webhook: sent") {
		t.Errorf("webhooks %d (bad %d), output %q", n, bad, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"deliver", "--config", cfgPath, "--retry", id}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if n, _ := hooks.count(); n != 1 || !strings.Contains(out.String(), "no delivery") {
		t.Errorf("a second --retry sent again: %d webhooks, output %q", n, out.String())
	}
}
