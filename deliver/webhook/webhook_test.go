package webhook

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
)

const secret = "s3cr3t"

// request is what the receiver got.
type request struct {
	Method string
	Header http.Header
	Body   []byte
}

// receiver is an HTTP server on loopback that keeps the requests and answers with status.
type receiver struct {
	*httptest.Server
	status int
	answer string

	mu       sync.Mutex
	requests []request
}

func startReceiver(t *testing.T, status int, answer string) *receiver {
	t.Helper()
	r := &receiver{status: status, answer: answer}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			t.Errorf("read request: %v", err)
		}
		r.mu.Lock()
		r.requests = append(r.requests, request{req.Method, req.Header.Clone(), body})
		r.mu.Unlock()
		w.WriteHeader(r.status)
		io.WriteString(w, r.answer)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) Requests() []request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]request(nil), r.requests...)
}

func writePDF(t *testing.T) (edition.Edition, []byte) {
	t.Helper()
	content := []byte("%PDF-1.7\n\x00\x01\xff binary\n%%EOF\n")
	name := "briefing-2026-11-24T0600.pdf"
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return edition.Edition{
		ID: "2026-11-24T0600", Name: name, Path: path, Title: "Lagebild",
		Date:   time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC),
		SHA256: strings.Repeat("ab", 32), Size: int64(len(content)), Documents: 7, InputHash: "in-1",
	}, content
}

func newSender(t *testing.T, c Config) *Sender {
	t.Helper()
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDeliverPostsASignedRequest(t *testing.T) {
	for _, tc := range []struct {
		name      string
		attachPDF bool
		linkBase  string
	}{
		{"metadata only", false, ""},
		{"with link", false, "https://briefing.example.org/briefings/"},
		{"with the PDF", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startReceiver(t, http.StatusNoContent, "")
			e, pdf := writePDF(t)
			s := newSender(t, Config{URL: r.URL + "/hook?token=x", Secret: secret, AttachPDF: tc.attachPDF, LinkBase: tc.linkBase})
			before := time.Now().Unix()
			if err := s.Deliver(context.Background(), e); err != nil {
				t.Fatal(err)
			}

			reqs := r.Requests()
			if len(reqs) != 1 {
				t.Fatalf("receiver got %d requests, want 1", len(reqs))
			}
			req := reqs[0]
			if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" {
				t.Errorf("request = %s with %q, want POST with application/json", req.Method, req.Header.Get("Content-Type"))
			}
			if got := req.Header.Get(HeaderEdition); got != e.ID {
				t.Errorf("%s = %q, want %q", HeaderEdition, got, e.ID)
			}
			ts := req.Header.Get(HeaderTimestamp)
			if n, err := strconv.ParseInt(ts, 10, 64); err != nil || n < before || n > time.Now().Unix() {
				t.Errorf("%s = %q, want the Unix time of sending", HeaderTimestamp, ts)
			}
			sig := req.Header.Get(HeaderSignature)
			if !strings.HasPrefix(sig, "sha256=") || !Verify(secret, ts, req.Body, sig) {
				t.Errorf("signature %q does not verify", sig)
			}

			var got Payload
			if err := json.Unmarshal(req.Body, &got); err != nil {
				t.Fatal(err)
			}
			want := Payload{ID: e.ID, Name: e.Name, Date: e.Date, Title: e.Title, SHA256: e.SHA256, Size: e.Size, Documents: 7, InputHash: "in-1"}
			if tc.linkBase != "" {
				want.Link = "https://briefing.example.org/briefings/briefing-2026-11-24T0600.pdf"
			}
			gotPDF, err := base64.StdEncoding.DecodeString(got.PDFBase64)
			if err != nil {
				t.Fatal(err)
			}
			if tc.attachPDF != bytes.Equal(gotPDF, pdf) || (!tc.attachPDF && got.PDFBase64 != "") {
				t.Errorf("pdf_base64 holds %d bytes, want the PDF: %v", len(gotPDF), tc.attachPDF)
			}
			got.PDFBase64 = ""
			if got != want {
				t.Errorf("payload = %+v, want %+v", got, want)
			}
			var raw map[string]any
			if err := json.Unmarshal(req.Body, &raw); err != nil {
				t.Fatal(err)
			}
			for _, key := range []string{"id", "name", "date", "title", "sha256", "size", "documents", "input_hash"} {
				if _, ok := raw[key]; !ok {
					t.Errorf("payload lacks %q", key)
				}
			}
		})
	}
}

func TestVerify(t *testing.T) {
	body := []byte(`{"id":"2026-11-24T0600"}`)
	sig := Sign(secret, "1795500000", body)
	for _, tc := range []struct {
		name                      string
		secret, timestamp, header string
		body                      []byte
		want                      bool
	}{
		{"the signed request verifies", secret, "1795500000", sig, body, true},
		{"the bare hex verifies too", secret, "1795500000", strings.TrimPrefix(sig, "sha256="), body, true},
		{"a tampered body does not", secret, "1795500000", sig, []byte(`{"id":"2026-11-25T0600"}`), false},
		{"another timestamp does not", secret, "1795500001", sig, body, false},
		{"another secret does not", "other", "1795500000", sig, body, false},
		{"an empty secret does not", "", "1795500000", Sign("", "1795500000", body), body, false},
		{"garbage does not", secret, "1795500000", "sha256=zz", body, false},
		{"an empty signature does not", secret, "1795500000", "", body, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Verify(tc.secret, tc.timestamp, tc.body, tc.header); got != tc.want {
				t.Errorf("Verify = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestErrorStatusIsAnError(t *testing.T) {
	r := startReceiver(t, http.StatusInternalServerError, "database is locked\n"+strings.Repeat("x", 4096))
	e, _ := writePDF(t)
	err := newSender(t, Config{URL: r.URL + "/hook?token=hidden", Secret: secret}).Deliver(context.Background(), e)
	if err == nil {
		t.Fatal("a 500 response is no error")
	}
	for _, want := range []string{"500 Internal Server Error", "database is locked"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
	if len(err.Error()) > 300 {
		t.Errorf("error is %d bytes long, want only a short beginning of the response", len(err.Error()))
	}
	if strings.Contains(err.Error(), "hidden") {
		t.Errorf("err = %v, shows the URL's query", err)
	}
}

// A receiver's answer goes into logs, the run history and the owner's mail: control
// characters and escape sequences are not passed on.
func TestAReceiversAnswerIsRepeatedAsPlainText(t *testing.T) {
	r := startReceiver(t, http.StatusBadRequest, "bad\x1b[31mred\r\nX-Injected: yes\x00end")
	e, _ := writePDF(t)
	err := newSender(t, Config{URL: r.URL, Secret: secret}).Deliver(context.Background(), e)
	if err == nil {
		t.Fatal("a 400 response is no error")
	}
	if strings.ContainsAny(err.Error(), "\x1b\r\n\x00") {
		t.Errorf("err = %q passes control characters on", err)
	}
	if !strings.Contains(err.Error(), "receiver said") {
		t.Errorf("err = %v does not say whose words these are", err)
	}
}

func TestTimeoutIsHonoured(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs before srv.Close
	e, _ := writePDF(t)
	s := newSender(t, Config{URL: srv.URL, Secret: secret, Timeout: 100 * time.Millisecond})

	start := time.Now()
	err := s.Deliver(context.Background(), e)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want a deadline error", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("delivery took %v with a timeout of 100ms", elapsed)
	}
}

func TestUnreachableReceiverIsAnError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	e, _ := writePDF(t)
	if err := newSender(t, Config{URL: url, Secret: secret}).Deliver(context.Background(), e); err == nil {
		t.Error("posting to a closed port succeeded")
	}
}

func TestMissingPDFIsAnError(t *testing.T) {
	r := startReceiver(t, http.StatusOK, "")
	e, _ := writePDF(t)
	e.Path += ".gone"
	err := newSender(t, Config{URL: r.URL, Secret: secret, AttachPDF: true}).Deliver(context.Background(), e)
	if err == nil || !strings.Contains(err.Error(), ".gone") {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
	if n := len(r.Requests()); n != 0 {
		t.Errorf("receiver got %d requests, want none", n)
	}
}

func TestNewValidatesTheConfig(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Config
		want string
	}{
		{"no url", Config{Secret: secret}, "url"},
		{"ftp url", Config{URL: "ftp://example.org/x", Secret: secret}, `url = "ftp://example.org/x"`},
		{"url without host", Config{URL: "https:///hook", Secret: secret}, "no host"},
		{"url does not parse", Config{URL: "http://[::1", Secret: secret}, "url"},
		{"no secret", Config{URL: "https://example.org/hook"}, "secret is empty"},
		{"relative link base", Config{URL: "https://example.org/hook", Secret: secret, LinkBase: "/briefings/"}, "link base"},
		{"negative timeout", Config{URL: "https://example.org/hook", Secret: secret, Timeout: -time.Second}, "timeout = -1s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestARedirectIsAFailedDelivery(t *testing.T) {
	var gets int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hook" {
			http.Redirect(w, r, "/hook/", http.StatusMovedPermanently)
			return
		}
		gets++
	}))
	defer srv.Close()
	s, err := New(Config{URL: srv.URL + "/hook", Secret: "k"})
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(pdf, []byte("%PDF"), 0o644)
	err = s.Deliver(context.Background(), edition.Edition{ID: "x", Name: "b.pdf", Path: pdf})
	if err == nil || !strings.Contains(err.Error(), "301") || gets != 0 {
		t.Errorf("err = %v, redirected requests %d; want a failure and no request to the new location", err, gets)
	}
}
