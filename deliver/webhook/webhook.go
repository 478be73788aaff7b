// Package webhook delivers editions as signed HTTP POST requests.
//
// The request body is a JSON Payload: the edition's metadata, a link if a link base is
// configured, and the PDF base64-encoded if asked for. Three headers go with it:
//
//	X-Briefing-Edition:   2026-11-24T0600
//	X-Briefing-Timestamp: 1795500000
//	X-Briefing-Signature: sha256=<hex>
//
// The signature is the hex-encoded HMAC-SHA256, keyed with the shared secret, of the timestamp,
// a full stop and the raw body: HMAC(secret, "1795500000." + body). A receiver recomputes it
// over the bytes it received (before parsing the JSON) with Verify, rejects timestamps too far
// from its own clock (five minutes, say) so a recorded request cannot be replayed, and drops
// editions it has already seen by X-Briefing-Edition: a delivery is retried after an error, and
// a crash between sending and recording may send it once more.
//
// Any response outside 2xx is a failure and is retried by the caller.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/secbrief/briefing/edition"
)

// Header names.
const (
	HeaderEdition   = "X-Briefing-Edition"
	HeaderTimestamp = "X-Briefing-Timestamp"
	HeaderSignature = "X-Briefing-Signature"
)

// DefaultTimeout bounds a request when Config.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// errorBodyBytes is how much of an error response is read; errorText is how much of it goes
// into the error. The receiver's words end up in logs, in the run history and in the owner's
// mail: a short line of printable text, no more.
const (
	errorBodyBytes = 512
	errorText      = 120
)

// Config describes the receiver.
type Config struct {
	URL       string
	Secret    string // HMAC-SHA256 key; required
	AttachPDF bool   // include the PDF base64-encoded in the JSON (else only metadata and Link)
	LinkBase  string // optional: "https://briefing.example.org/briefings/" → link = LinkBase + e.Name
	Timeout   time.Duration
	Client    *http.Client // optional, for tests
}

// Payload is the JSON body of a request.
type Payload struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Date      time.Time `json:"date"`
	Title     string    `json:"title"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	Documents int       `json:"documents"`
	InputHash string    `json:"input_hash"`
	Link      string    `json:"link,omitempty"`
	PDFBase64 string    `json:"pdf_base64,omitempty"`
}

// Sender posts editions to one URL.
type Sender struct {
	c       Config
	shown   string // the URL without query and credentials, for errors and logs
	client  *http.Client
	timeout time.Duration
	now     func() time.Time
}

var _ edition.Target = (*Sender)(nil)

// New checks c and returns a sender; errors name the field and value (never the secret).
func New(c Config) (*Sender, error) {
	u, err := checkURL("url", c.URL)
	if err != nil {
		return nil, err
	}
	if c.Secret == "" {
		return nil, errors.New("webhook: secret is empty")
	}
	if c.LinkBase != "" {
		if _, err := checkURL("link base", c.LinkBase); err != nil {
			return nil, err
		}
	}
	if c.Timeout < 0 {
		return nil, fmt.Errorf("webhook: timeout = %s, must not be negative", c.Timeout)
	}
	s := &Sender{c: c, shown: shown(u), client: c.Client, timeout: c.Timeout, now: time.Now}
	if s.client == nil {
		// Redirects are not followed: a 301/302 would turn the POST into a GET without body
		// (and count as delivered), a 307/308 would send the signed body to another host. A
		// 3xx is a failed delivery like any other non-2xx answer.
		s.client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if s.timeout == 0 {
		s.timeout = DefaultTimeout
	}
	return s, nil
}

// checkURL parses an absolute http or https URL.
func checkURL(field, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("webhook: %s: %w", field, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("webhook: %s = %q: scheme must be http or https", field, shown(u))
	}
	if u.Host == "" {
		return nil, fmt.Errorf("webhook: %s = %q: no host", field, shown(u))
	}
	return u, nil
}

// shown returns u without credentials and query, which often carry tokens.
func shown(u *url.URL) string {
	v := *u
	v.User, v.RawQuery, v.ForceQuery, v.Fragment = nil, "", false, ""
	return v.String()
}

// Name identifies the target: "webhook".
func (s *Sender) Name() string { return "webhook" }

// Deliver posts the edition. A response outside 2xx is an error with the status and the
// beginning of the response body.
func (s *Sender) Deliver(ctx context.Context, e edition.Edition) error {
	body, err := s.payload(e)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.c.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook %s: %w", s.shown, err)
	}
	ts := strconv.FormatInt(s.now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "briefing-webhook")
	req.Header.Set(HeaderEdition, e.ID)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(s.c.Secret, ts, body))

	resp, err := s.client.Do(req)
	if err != nil {
		if uerr, ok := errors.AsType[*url.Error](err); ok {
			err = uerr.Err // its message repeats the full URL, tokens and all
		}
		return fmt.Errorf("webhook post %s: %w", s.shown, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16)) // lets the connection be reused
		return nil
	}
	head, _ := io.ReadAll(io.LimitReader(resp.Body, errorBodyBytes))
	msg := receiverText(head)
	if msg == "" {
		return fmt.Errorf("webhook post %s: %s", s.shown, resp.Status)
	}
	return fmt.Errorf("webhook post %s: %s: receiver said %q", s.shown, resp.Status, msg)
}

// receiverText makes a receiver's answer safe to repeat: one line of printable characters,
// at most errorText of them.
func receiverText(b []byte) string {
	text := strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return ' '
	}, strings.ToValidUTF8(string(b), " "))
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > errorText {
		text = string(r[:errorText]) + "…"
	}
	return text
}

// payload returns the JSON body for e.
func (s *Sender) payload(e edition.Edition) ([]byte, error) {
	p := Payload{
		ID: e.ID, Name: e.Name, Date: e.Date, Title: e.Title, SHA256: e.SHA256, Size: e.Size,
		Documents: e.Documents, InputHash: e.InputHash,
	}
	if s.c.LinkBase != "" {
		p.Link = s.c.LinkBase + e.Name
	}
	if s.c.AttachPDF {
		pdf, err := os.ReadFile(e.Path)
		if err != nil {
			return nil, fmt.Errorf("webhook attachment: %w", err)
		}
		p.PDFBase64 = base64.StdEncoding.EncodeToString(pdf)
	}
	body, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("webhook payload: %w", err)
	}
	return body, nil
}

// Sign returns the value of the signature header for body sent at timestamp (Unix seconds as
// decimal text): "sha256=" and the hex HMAC-SHA256 of "<timestamp>.<body>".
func Sign(secret, timestamp string, body []byte) string {
	return "sha256=" + hex.EncodeToString(mac(secret, timestamp, body))
}

// Verify reports whether signature (the X-Briefing-Signature header, with or without its
// "sha256=" prefix) is the signature of body sent at timestamp with secret. It compares in
// constant time. It does not judge the timestamp's age; receivers do.
func Verify(secret, timestamp string, body []byte, signature string) bool {
	got, err := hex.DecodeString(strings.TrimPrefix(signature, "sha256="))
	if err != nil || secret == "" {
		return false
	}
	return hmac.Equal(got, mac(secret, timestamp, body))
}

func mac(secret, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(timestamp))
	h.Write([]byte{'.'})
	h.Write(body)
	return h.Sum(nil)
}
