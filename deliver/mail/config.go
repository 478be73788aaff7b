package mail

import (
	"fmt"
	"net/mail"
	"strings"
	"text/template"
	"time"

	"github.com/secbrief/briefing/edition"
)

// TLS modes.
const (
	TLSStartTLS = "starttls" // plain connection upgraded with STARTTLS; refused if the server lacks it
	TLSImplicit = "tls"      // TLS from the first byte, usually port 465
	TLSNone     = "none"     // no encryption; only for local mail catchers
)

// DefaultTimeout bounds connecting and each SMTP exchange when Config.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Default wording, in German, executed with the edition.
const (
	DefaultSubject = `{{.Title}} – Ausgabe vom {{.Date.Format "02.01.2006, 15:04"}} Uhr`
	DefaultBody    = `Guten Tag,

anbei die neue Ausgabe „{{.Title}}“ vom {{.Date.Format "02.01.2006, 15:04"}} Uhr, erstellt aus {{.Documents}} {{if eq .Documents 1}}Dokument{{else}}Dokumenten{{end}}.

Anhang: {{.Name}}

Diese Nachricht wurde automatisch versandt.
`
)

// Config describes the mail server, the envelope and the wording of the message.
type Config struct {
	Host               string
	Port               int
	TLS                string // "starttls" (the default when empty), "tls" or "none"
	Username, Password string // empty Username = no authentication; else SMTP AUTH PLAIN or LOGIN
	From               string
	To                 []string // recipients of every edition
	Subject            string   // text/template executed with the edition; empty = DefaultSubject
	Body               string   // text/template executed with the edition; empty = DefaultBody
	Timeout            time.Duration
	InsecureSkipVerify bool // accept any server certificate; for tests with self-signed certificates only
}

// sample is the edition templates are tried on when the sender is made.
var sample = edition.Edition{
	ID: "2026-11-24T0600", Name: "briefing-2026-11-24T0600.pdf", Path: "briefing-2026-11-24T0600.pdf",
	Date: time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC), Title: "Lagebild", Documents: 5,
	SHA256: strings.Repeat("0", 64), Size: 1, InputHash: "sample",
}

// validate checks c; errors name the field and value.
func (c *Config) validate() error {
	if strings.TrimSpace(c.Host) == "" {
		return fmt.Errorf("mail: host is empty")
	}
	if c.Port < 1 || c.Port > 65535 {
		return fmt.Errorf("mail: port = %d, want 1 to 65535", c.Port)
	}
	switch c.TLS {
	case TLSStartTLS, TLSImplicit, TLSNone:
	default:
		return fmt.Errorf("mail: tls = %q, want %q, %q or %q", c.TLS, TLSStartTLS, TLSImplicit, TLSNone)
	}
	if c.Username == "" && c.Password != "" {
		return fmt.Errorf("mail: password is set but username is empty")
	}
	if c.Timeout < 0 {
		return fmt.Errorf("mail: timeout = %s, must not be negative", c.Timeout)
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("mail: from = %q: %w", c.From, err)
	}
	if len(c.To) == 0 {
		return fmt.Errorf("mail: to is empty, want at least one recipient")
	}
	if err := checkAddresses("to", c.To); err != nil {
		return err
	}
	return nil
}

// checkAddresses checks a list of recipients; errors name the field and the address.
func checkAddresses(field string, addrs []string) error {
	for i, a := range addrs {
		if _, err := mail.ParseAddress(a); err != nil {
			return fmt.Errorf("mail: %s[%d] = %q: %w", field, i, a, err)
		}
	}
	return nil
}

// parseTemplate parses and tries a subject or body template.
func parseTemplate(field, src string) (*template.Template, error) {
	t, err := template.New(field).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, fmt.Errorf("mail: %s = %q: %w", field, src, err)
	}
	if err := t.Execute(new(strings.Builder), sample); err != nil {
		return nil, fmt.Errorf("mail: %s = %q: %w", field, src, err)
	}
	return t, nil
}
