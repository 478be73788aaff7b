package mail

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net"
	netmail "net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
)

// writePDF writes a small file that stands for the PDF, with bytes that need encoding.
func writePDF(t *testing.T) (edition.Edition, []byte) {
	t.Helper()
	content := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n\x00\x01\x02\xff trailer\n%%EOF\n")
	name := "briefing-2026-11-24T0600.pdf"
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return edition.Edition{
		ID: "2026-11-24T0600", Name: name, Path: path, Title: "Lagebild Cybersicherheit",
		Date: time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC), Documents: 7, Size: int64(len(content)),
	}, content
}

func config(port int) Config {
	return Config{
		Host: "127.0.0.1", Port: port, TLS: TLSNone,
		From:    "Lagebild <briefing@example.org>",
		To:      []string{"a@example.org", "Bea <b@example.org>"},
		Subject: "{{.Title}} – Ausgabe {{.ID}}",
		Body:    "Neu: {{.Name}} aus {{.Documents}} Dokumenten.",
		Timeout: 5 * time.Second,
	}
}

func newSender(t *testing.T, c Config) *Sender {
	t.Helper()
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// message is a parsed e-mail.
type message struct {
	Header      netmail.Header
	Subject     string
	Text        string
	Attachments map[string]attachment // by file name
}

type attachment struct {
	ContentType string
	Data        []byte
}

func parseMessage(t *testing.T, data []byte) message {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	msg := message{Header: m.Header, Subject: subject, Attachments: map[string]attachment{}}
	walkPart(t, &msg, m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body)
	return msg
}

// walkPart collects the text and the attachments of a MIME part and its children.
func walkPart(t *testing.T, msg *message, contentType, encoding, disposition string, body io.Reader) {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		r := multipart.NewReader(body, params["boundary"])
		for {
			p, err := r.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			walkPart(t, msg, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p)
		}
	}
	if strings.EqualFold(encoding, "base64") {
		body = base64.NewDecoder(base64.StdEncoding, body) // ignores line breaks
	}
	data, err := io.ReadAll(body) // multipart has already decoded quoted-printable
	if err != nil {
		t.Fatal(err)
	}
	if disp, dparams, err := mime.ParseMediaType(disposition); err == nil && disp == "attachment" {
		msg.Attachments[dparams["filename"]] = attachment{ContentType: mediaType, Data: data}
		return
	}
	if mediaType == "text/plain" {
		msg.Text += string(data)
	}
}

func TestDeliverSendsOneMessageWithThePDFToAllRecipients(t *testing.T) {
	srv := startServer(t, serverOptions{})
	e, pdf := writePDF(t)
	c := config(srv.Port)
	if err := newSender(t, c).Deliver(context.Background(), e); err != nil {
		t.Fatal(err)
	}

	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("server received %d messages, want 1", len(msgs))
	}
	got := msgs[0]
	if got.From != "briefing@example.org" {
		t.Errorf("envelope from = %q, want briefing@example.org", got.From)
	}
	if want := []string{"a@example.org", "b@example.org"}; !slices.Equal(got.To, want) {
		t.Errorf("envelope recipients = %q, want %q", got.To, want)
	}
	m := parseMessage(t, got.Data)
	if from, err := m.Header.AddressList("From"); err != nil || len(from) != 1 || from[0].Address != "briefing@example.org" || from[0].Name != "Lagebild" {
		t.Errorf("From = %v (%v), want Lagebild <briefing@example.org>", from, err)
	}
	to, err := m.Header.AddressList("To")
	if err != nil {
		t.Fatal(err)
	}
	var toAddrs []string
	for _, a := range to {
		toAddrs = append(toAddrs, a.Address)
	}
	if want := []string{"a@example.org", "b@example.org"}; !slices.Equal(toAddrs, want) {
		t.Errorf("To = %q, want %q", toAddrs, want)
	}
	if want := "Lagebild Cybersicherheit – Ausgabe 2026-11-24T0600"; m.Subject != want {
		t.Errorf("Subject = %q, want %q", m.Subject, want)
	}
	if want := "Neu: briefing-2026-11-24T0600.pdf aus 7 Dokumenten."; strings.TrimSpace(m.Text) != want {
		t.Errorf("text = %q, want %q", m.Text, want)
	}
	if got := m.Header.Get("X-Briefing-Edition"); got != e.ID {
		t.Errorf("X-Briefing-Edition = %q, want %q", got, e.ID)
	}
	a, ok := m.Attachments[e.Name]
	if !ok {
		t.Fatalf("no attachment %s among %d", e.Name, len(m.Attachments))
	}
	if a.ContentType != "application/pdf" {
		t.Errorf("attachment type = %q, want application/pdf", a.ContentType)
	}
	if !bytes.Equal(a.Data, pdf) {
		t.Errorf("attachment differs from the file:\n got %q\nwant %q", a.Data, pdf)
	}
}

func TestDefaultWordingMentionsTheEdition(t *testing.T) {
	srv := startServer(t, serverOptions{})
	e, _ := writePDF(t)
	c := config(srv.Port)
	c.Subject, c.Body = "", ""
	if err := newSender(t, c).Deliver(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	m := parseMessage(t, srv.Messages()[0].Data)
	if want := "Lagebild Cybersicherheit – Ausgabe vom 24.11.2026, 06:00 Uhr"; m.Subject != want {
		t.Errorf("Subject = %q, want %q", m.Subject, want)
	}
	for _, want := range []string{"„Lagebild Cybersicherheit“", "24.11.2026, 06:00 Uhr", "aus 7 Dokumenten", "Anhang: briefing-2026-11-24T0600.pdf"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("body lacks %q:\n%s", want, m.Text)
		}
	}
}

func TestAuthentication(t *testing.T) {
	for _, tc := range []struct {
		name, user, password string
		wantErr              string // "" = accepted
	}{
		{"right password is accepted", "briefing", "geheim", ""},
		{"wrong password is an error", "briefing", "falsch", "Authentication failed"},
		{"no credentials are refused by the server", "", "", "authenticate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, serverOptions{user: "briefing", password: "geheim"})
			e, _ := writePDF(t)
			c := config(srv.Port)
			c.Username, c.Password = tc.user, tc.password
			err := newSender(t, c).Deliver(context.Background(), e)
			msgs := srv.Messages()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want one mentioning %q", err, tc.wantErr)
				}
				if len(msgs) != 0 {
					t.Errorf("server received %d messages, want none", len(msgs))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(msgs) != 1 || msgs[0].User != "briefing" {
				t.Errorf("messages = %d, want 1 from user briefing", len(msgs))
			}
		})
	}
}

func TestTLS(t *testing.T) {
	cert := selfSigned(t)
	for _, tc := range []struct {
		name     string
		server   serverOptions
		mode     string
		insecure bool
		wantErr  string // "" = the message arrives encrypted
	}{
		{"starttls with a self-signed certificate works when verification is off", serverOptions{startTLS: cert}, TLSStartTLS, true, ""},
		{"starttls with auth sends the password encrypted", serverOptions{startTLS: cert, user: "briefing", password: "geheim"}, TLSStartTLS, true, ""},
		{"starttls checks the certificate by default", serverOptions{startTLS: cert}, TLSStartTLS, false, "certificate"},
		{"starttls is required when asked for", serverOptions{}, TLSStartTLS, true, "STARTTLS"},
		{"implicit tls works", serverOptions{implicitTLS: cert}, TLSImplicit, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, tc.server)
			e, pdf := writePDF(t)
			c := config(srv.Port)
			c.TLS, c.InsecureSkipVerify = tc.mode, tc.insecure
			c.Username, c.Password = tc.server.user, tc.server.password
			err := newSender(t, c).Deliver(context.Background(), e)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err = %v, want one mentioning %q", err, tc.wantErr)
				}
				if n := len(srv.Messages()); n != 0 {
					t.Errorf("server received %d messages, want none", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			msgs := srv.Messages()
			if len(msgs) != 1 || !msgs[0].TLS {
				t.Fatalf("got %d messages (%+v), want one over TLS", len(msgs), msgs)
			}
			if got := parseMessage(t, msgs[0].Data).Attachments[e.Name].Data; !bytes.Equal(got, pdf) {
				t.Error("attachment differs from the file")
			}
		})
	}
}

func TestServerDownFailsQuickly(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	e, _ := writePDF(t)
	c := config(port)
	c.Timeout = 2 * time.Second

	start := time.Now()
	err = newSender(t, c).Deliver(context.Background(), e)
	if err == nil {
		t.Fatal("delivery to a closed port succeeded")
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("failing took %v, want well under the timeout", elapsed)
	}
	if !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("err = %v, want it to name the server", err)
	}
}

func TestMissingPDFIsAnError(t *testing.T) {
	srv := startServer(t, serverOptions{})
	e, _ := writePDF(t)
	e.Path += ".gone"
	if err := newSender(t, config(srv.Port)).Deliver(context.Background(), e); err == nil || !strings.Contains(err.Error(), ".gone") {
		t.Errorf("err = %v, want one naming the missing file", err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server received %d messages, want none", n)
	}
}

func TestNotifySendsPlainText(t *testing.T) {
	srv := startServer(t, serverOptions{})
	s := newSender(t, config(srv.Port))
	err := s.Notify(context.Background(), []string{"owner@example.org"}, "Zustellung fehlgeschlagen", "Webhook: 500 Internal Server Error")
	if err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || !slices.Equal(msgs[0].To, []string{"owner@example.org"}) {
		t.Fatalf("messages = %+v, want one to owner@example.org", msgs)
	}
	m := parseMessage(t, msgs[0].Data)
	if m.Subject != "Zustellung fehlgeschlagen" || strings.TrimSpace(m.Text) != "Webhook: 500 Internal Server Error" || len(m.Attachments) != 0 {
		t.Errorf("notice = %q / %q with %d attachments", m.Subject, m.Text, len(m.Attachments))
	}
	if err := s.Notify(context.Background(), nil, "s", "b"); err == nil {
		t.Error("notice without recipients succeeded")
	}
}

func TestNewValidatesTheConfig(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"empty host", func(c *Config) { c.Host = "" }, "host"},
		{"port out of range", func(c *Config) { c.Port = 70000 }, "port = 70000"},
		{"unknown tls mode", func(c *Config) { c.TLS = "ssl" }, `tls = "ssl"`},
		{"invalid sender", func(c *Config) { c.From = "nobody" }, `from = "nobody"`},
		{"no recipient", func(c *Config) { c.To = nil }, "to is empty"},
		{"invalid recipient", func(c *Config) { c.To = []string{"a@example.org", "b@"} }, `to[1] = "b@"`},
		{"password without user", func(c *Config) { c.Password = "x" }, "username"},
		{"subject does not parse", func(c *Config) { c.Subject = "{{.Title" }, "subject"},
		{"body names an unknown field", func(c *Config) { c.Body = "{{.Nope}}" }, "body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := config(25)
			tc.change(&c)
			_, err := New(c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	t.Run("empty tls mode means starttls", func(t *testing.T) {
		c := config(25)
		c.TLS = ""
		if s, err := New(c); err != nil || s.c.TLS != TLSStartTLS {
			t.Errorf("New = %v, %v, want tls %q", s, err, TLSStartTLS)
		}
	})
}
