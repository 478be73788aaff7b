package build

import (
	"fmt"
	"time"

	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/deliver/mail"
	"github.com/secbrief/briefing/deliver/webhook"
	"github.com/secbrief/briefing/edition"
	"github.com/secbrief/briefing/report"
)

// deliveryTimeout bounds one attempt to hand an edition to a mail server or webhook.
const deliveryTimeout = 30 * time.Second

// Targets makes the delivery targets that cfg enables; the mail sender (nil when mail is
// off) is also returned, to tell the owner about failed deliveries.
func Targets(cfg config.Config) ([]edition.Target, *mail.Sender, error) {
	var ts []edition.Target
	mailer, err := mailSender(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("mail: %w", err)
	}
	if mailer != nil {
		ts = append(ts, mailer)
	}
	hook, err := webhookSender(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("webhook: %w", err)
	}
	if hook != nil {
		ts = append(ts, hook)
	}
	return ts, mailer, nil
}

// mailSender returns the mail target of cfg, or nil when mail is off. Its subject and body
// come from the wording of the briefing's language.
func mailSender(cfg config.Config) (*mail.Sender, error) {
	m := cfg.Mail
	if !m.Enabled {
		return nil, nil
	}
	wording, err := report.LoadWording(cfg.Language, cfg.Templates.Dir)
	if err != nil {
		return nil, err
	}
	subject, err := wording.Source("mail.subject")
	if err != nil {
		return nil, err
	}
	body, err := wording.Source("mail.body")
	if err != nil {
		return nil, err
	}
	return mail.New(mail.Config{Host: m.Host, Port: m.Port, TLS: m.TLS, Username: m.Username, Password: m.Password,
		From: m.From, To: m.To, Subject: subject, Body: body, Timeout: deliveryTimeout})
}

// webhookSender returns the webhook target of cfg, or nil when the webhook is off.
func webhookSender(cfg config.Config) (*webhook.Sender, error) {
	w := cfg.Webhook
	if !w.Enabled {
		return nil, nil
	}
	return webhook.New(webhook.Config{URL: w.URL, Secret: w.Secret, AttachPDF: w.AttachPDF, LinkBase: w.LinkBase, Timeout: deliveryTimeout})
}
