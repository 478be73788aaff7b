package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// State is where the daemon keeps its run history, the delivery ledger and the previous model.
type State struct {
	Dir string `mapstructure:"dir"`
	// History is the number of run records kept.
	History int `mapstructure:"history"`
	// SkipUnchanged records a run whose input did not change as "unchanged" and builds and
	// delivers nothing; when false, every run builds and delivers a new edition.
	SkipUnchanged bool `mapstructure:"skip_unchanged"`
	// Cache keeps what reading each document gave in Dir/cache/docs, so that the daemon's next
	// edition reads only new and changed files.
	Cache bool `mapstructure:"cache"`
}

// HTTP configures the daemon's HTTP interface.
type HTTP struct {
	Listen string `mapstructure:"listen"`
	// Token enables POST /run for requests with "Authorization: Bearer <token>".
	Token string `mapstructure:"token"`
	// ReadToken, when set, is needed to read the editions and the run history.
	ReadToken string `mapstructure:"read_token"`
	// RequireReadToken makes an empty ReadToken an error: deployments that publish the
	// editions set it, so that a forgotten secret stops the start instead of opening them.
	RequireReadToken bool `mapstructure:"require_read_token"`
}

// Delivery sets retries and who hears of failures.
type Delivery struct {
	Attempts  int           `mapstructure:"attempts"`
	BaseDelay time.Duration `mapstructure:"base_delay"`
	MaxDelay  time.Duration `mapstructure:"max_delay"`
	// Owner lists addresses told by e-mail when a delivery fails for good.
	Owner []string `mapstructure:"owner"`
}

// Mail configures e-mail delivery.
type Mail struct {
	Enabled  bool     `mapstructure:"enabled"`
	Host     string   `mapstructure:"host"`
	Port     int      `mapstructure:"port"`
	TLS      string   `mapstructure:"tls"` // starttls, tls or none
	Username string   `mapstructure:"username"`
	Password string   `mapstructure:"password"`
	From     string   `mapstructure:"from"`
	To       []string `mapstructure:"to"`
}

// Webhook configures delivery by HTTP POST, signed with HMAC-SHA256.
type Webhook struct {
	Enabled   bool   `mapstructure:"enabled"`
	URL       string `mapstructure:"url"`
	Secret    string `mapstructure:"secret"`
	AttachPDF bool   `mapstructure:"attach_pdf"`
	LinkBase  string `mapstructure:"link_base"`
}

// Schedule parses the cron schedule in the configured time zone. A "CRON_TZ=" prefix in the
// spec wins over the timezone key.
func (c Config) ScheduleSpec() (cron.Schedule, error) {
	spec := c.Schedule
	if !strings.HasPrefix(spec, "CRON_TZ=") && !strings.HasPrefix(spec, "TZ=") && !strings.HasPrefix(spec, "@every") {
		spec = "CRON_TZ=" + c.Timezone + " " + spec
	}
	return cron.ParseStandard(spec)
}

// placeholders are the values example files ship, which must never protect anything.
var placeholders = map[string]bool{"change-me": true, "changeme": true, "secret": true, "token": true, "password": true}

// scheduleProblem says why a schedule that parses cannot be used: it never fires (the 30th
// of February), or it fires more often than schedule_min_interval ("@every 0s", "@every 1ms",
// which ran every second).
func (c Config) scheduleProblem(sched cron.Schedule) string {
	if d, ok := sched.(cron.ConstantDelaySchedule); ok {
		if d.Delay < c.ScheduleMinInterval {
			return fmt.Sprintf("runs more often than every %s (schedule_min_interval)", c.ScheduleMinInterval)
		}
		return ""
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	first := sched.Next(start)
	if first.IsZero() {
		return "never fires (no date matches it)"
	}
	if second := sched.Next(first); !second.IsZero() && second.Sub(first) < c.ScheduleMinInterval {
		return fmt.Sprintf("runs more often than every %s (schedule_min_interval)", c.ScheduleMinInterval)
	}
	return ""
}

// DaylightSavingWarning returns a warning when a daily schedule fires between 02:00 and 03:00
// local time, where the clocks change: such runs are skipped in spring and run twice in autumn.
func (c Config) DaylightSavingWarning() string {
	sched, err := c.ScheduleSpec()
	if err != nil {
		return ""
	}
	if _, interval := sched.(cron.ConstantDelaySchedule); interval {
		return "" // "@every 1h" follows the clock's duration, not its wall time
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return ""
	}
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	for range 48 {
		t = sched.Next(t)
		if h := t.In(loc).Hour(); h == 2 {
			return fmt.Sprintf("schedule %q runs between 02:00 and 03:00 in %s: on the days the clocks change it is skipped (spring) or runs twice (autumn)", c.Schedule, c.Timezone)
		}
	}
	return ""
}

func validateServe(c Config, add func(key string, value any, format string, args ...any)) {
	if sched, err := c.ScheduleSpec(); err != nil {
		add("schedule", c.Schedule, "is not a cron schedule: %v", err)
	} else if msg := c.scheduleProblem(sched); msg != "" {
		add("schedule", c.Schedule, "%s", msg)
	}
	if c.ScheduleMinInterval <= 0 {
		add("schedule_min_interval", c.ScheduleMinInterval, "must be positive (with a unit: 1m)")
	}
	if c.State.Dir == "" {
		add("state.dir", c.State.Dir, "must name the state folder")
	}
	if c.State.History < 1 {
		add("state.history", c.State.History, "must be at least 1")
	}
	if c.Output.Dir == "" {
		add("output.dir", c.Output.Dir, "must name the folder of editions")
	}
	if c.Output.Keep < 1 {
		add("output.keep", c.Output.Keep, "must be at least 1")
	}
	if _, _, err := net.SplitHostPort(c.HTTP.Listen); c.HTTP.Listen != "" && err != nil {
		add("http.listen", c.HTTP.Listen, "is not host:port: %v", err)
	}
	if c.HTTP.RequireReadToken && strings.TrimSpace(c.HTTP.ReadToken) == "" {
		add("http.read_token", "", "must be set (http.require_read_token): the editions and run history would be open to anyone")
	}
	for key, token := range map[string]string{"http.token": c.HTTP.Token, "http.read_token": c.HTTP.ReadToken} {
		if t := strings.TrimSpace(token); t != "" && (len(t) < 16 || placeholders[strings.ToLower(t)]) {
			add(key, "(hidden)", "must be a secret of at least 16 characters, not a placeholder")
		}
	}
	if c.BuildTimeout <= 0 {
		add("build_timeout", c.BuildTimeout, "must be positive (with a unit: 10m)")
	}
	if c.ShutdownGrace <= 0 {
		add("shutdown_grace", c.ShutdownGrace, "must be positive")
	}
	d := c.Delivery
	if d.Attempts < 1 {
		add("delivery.attempts", d.Attempts, "must be at least 1")
	}
	if d.BaseDelay <= 0 {
		add("delivery.base_delay", d.BaseDelay, "must be positive (with a unit: 2s)")
	} else if d.MaxDelay < d.BaseDelay {
		add("delivery.max_delay", d.MaxDelay, "must be at least delivery.base_delay (%s)", d.BaseDelay)
	}
	for _, a := range d.Owner {
		if _, err := mail.ParseAddress(a); err != nil {
			add("delivery.owner", a, "is not an e-mail address")
		}
	}
	if len(d.Owner) > 0 && !c.Mail.Enabled {
		add("delivery.owner", strings.Join(d.Owner, ","), "needs mail.enabled to notify anyone")
	}
	if m := c.Mail; m.Enabled {
		if m.Host == "" {
			add("mail.host", m.Host, "must name the SMTP server")
		}
		if m.Port < 1 || m.Port > 65535 {
			add("mail.port", m.Port, "must be a port number")
		}
		if !slices.Contains([]string{"starttls", "tls", "none"}, m.TLS) {
			add("mail.tls", m.TLS, "must be starttls, tls or none")
		}
		if _, err := mail.ParseAddress(m.From); err != nil {
			add("mail.from", m.From, "is not an e-mail address")
		}
		if len(m.To) == 0 {
			add("mail.to", "", "must list at least one recipient")
		}
		for _, a := range m.To {
			if _, err := mail.ParseAddress(a); err != nil {
				add("mail.to", a, "is not an e-mail address")
			}
		}
		if (m.Username == "") != (m.Password == "") {
			add("mail.username", m.Username, "and mail.password go together")
		}
	}
	if w := c.Webhook; w.Enabled {
		if u, err := url.Parse(w.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			add("webhook.url", w.URL, "must be an http or https URL")
		}
		if w.Secret == "" {
			add("webhook.secret", "", "must be set: requests are signed with it")
		}
		if u, err := url.Parse(w.LinkBase); w.LinkBase != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
			add("webhook.link_base", w.LinkBase, "must be an http or https URL")
		}
	}
}
