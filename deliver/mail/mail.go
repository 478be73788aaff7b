// Package mail delivers editions by e-mail over SMTP: one message to all recipients, with the
// PDF attached and subject and body from templates executed with the edition. It is the only
// importer of github.com/wneessen/go-mail.
//
// Every message carries the header X-Briefing-Edition with the edition ID, so that a mailbox
// rule can drop the rare duplicate a crash between sending and recording may cause.
package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/template"

	gomail "github.com/wneessen/go-mail"

	"github.com/secbrief/briefing/edition"
)

// Sender sends editions and notices through one SMTP server.
type Sender struct {
	c             Config
	subject, body *template.Template
}

var _ edition.Target = (*Sender)(nil)

// New checks c and returns a sender. Errors name the field and value.
func New(c Config) (*Sender, error) {
	c.To = slices.Clone(c.To)
	if c.TLS == "" {
		c.TLS = TLSStartTLS
	}
	if c.Subject == "" {
		c.Subject = DefaultSubject
	}
	if c.Body == "" {
		c.Body = DefaultBody
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	subject, err := parseTemplate("subject", c.Subject)
	if err != nil {
		return nil, err
	}
	body, err := parseTemplate("body", c.Body)
	if err != nil {
		return nil, err
	}
	return &Sender{c: c, subject: subject, body: body}, nil
}

// Name identifies the target: "mail".
func (s *Sender) Name() string { return "mail" }

// Deliver sends one message to all recipients with the PDF at e.Path attached as e.Name.
// ctx bounds connecting; once connected, each SMTP exchange is bounded by the timeout.
func (s *Sender) Deliver(ctx context.Context, e edition.Edition) error {
	var subject, body strings.Builder
	if err := s.subject.Execute(&subject, e); err != nil {
		return fmt.Errorf("mail subject: %w", err)
	}
	if err := s.body.Execute(&body, e); err != nil {
		return fmt.Errorf("mail body: %w", err)
	}
	pdf, err := os.Open(e.Path)
	if err != nil {
		return fmt.Errorf("mail attachment: %w", err)
	}
	defer pdf.Close()

	m, err := s.message(s.c.To, subject.String(), body.String())
	if err != nil {
		return err
	}
	m.SetGenHeader("X-Briefing-Edition", e.ID)
	m.AttachReadSeeker(e.Name, pdf, gomail.WithFileContentType("application/pdf"))
	return s.send(ctx, m)
}

// Notify sends a plain text message without attachment, for instance to tell an owner that
// a delivery failed.
func (s *Sender) Notify(ctx context.Context, to []string, subject, body string) error {
	if len(to) == 0 {
		return fmt.Errorf("mail: notice %q has no recipient", subject)
	}
	if err := checkAddresses("notice to", to); err != nil {
		return err
	}
	m, err := s.message(to, subject, body)
	if err != nil {
		return err
	}
	return s.send(ctx, m)
}

// message builds a text message from the configured sender to the given recipients.
func (s *Sender) message(to []string, subject, body string) (*gomail.Msg, error) {
	m := gomail.NewMsg()
	if err := m.From(s.c.From); err != nil {
		return nil, fmt.Errorf("mail from %q: %w", s.c.From, err)
	}
	if err := m.To(to...); err != nil {
		return nil, fmt.Errorf("mail to %q: %w", to, err)
	}
	m.Subject(strings.Join(strings.Fields(subject), " ")) // one line, whatever the template does
	m.SetDate()
	m.SetMessageID()
	m.SetUserAgent("briefing")
	m.SetBodyString(gomail.TypeTextPlain, body)
	return m, nil
}

// send opens a connection, sends m and closes the connection again.
func (s *Sender) send(ctx context.Context, m *gomail.Msg) error {
	client, err := s.client()
	if err != nil {
		return err
	}
	if err := client.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("mail via %s:%d: %w", s.c.Host, s.c.Port, err)
	}
	return nil
}

// client returns a fresh go-mail client for one connection.
func (s *Sender) client() (*gomail.Client, error) {
	opts := []gomail.Option{
		gomail.WithPort(s.c.Port),
		gomail.WithTimeout(s.c.Timeout),
		gomail.WithTLSConfig(&tls.Config{
			ServerName:         s.c.Host,
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: s.c.InsecureSkipVerify, //nolint:gosec // only when configured, for tests
		}),
	}
	switch s.c.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.c.Username != "" {
		// PLAIN or LOGIN, whichever the server offers; both refuse to send the password over
		// an unencrypted connection to any host but localhost.
		opts = append(opts,
			gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthPlain, gomail.SMTPAuthLogin),
			gomail.WithUsername(s.c.Username), gomail.WithPassword(s.c.Password))
	}
	client, err := gomail.NewClient(s.c.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("mail client for %s:%d: %w", s.c.Host, s.c.Port, err)
	}
	return client, nil
}
