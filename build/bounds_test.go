package build

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/edition"
)

// A use is what a run does with a key: it fails when a component refuses the value.
type use func(t *testing.T, c config.Config) error

var editionDate = time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)

// analyse reads and analyses the seeds and typesets the briefing, as generate does.
func analyse(t *testing.T, c config.Config) error {
	m, err := Model(context.Background(), c, editionDate, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	_, err = PDF(c, m, nil, editionDate)
	return err
}

// serve starts what "briefing serve" starts with the key: the edition engine, the schedule,
// the delivery policy and targets, the HTTP listener.
func serve(t *testing.T, c config.Config) error {
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return err
	}
	if _, err := edition.NewEngine(edition.Options{OutputDir: c.Output.Dir, StateDir: c.State.Dir, History: c.State.History,
		Location: loc, BuildTimeout: c.BuildTimeout}); err != nil {
		return err
	}
	if _, err := c.ScheduleSpec(); err != nil {
		return err
	}
	if err := (deliver.Policy{Attempts: c.Delivery.Attempts, BaseDelay: c.Delivery.BaseDelay, MaxDelay: c.Delivery.MaxDelay}).Validate(); err != nil {
		return err
	}
	if _, _, err := Targets(c); err != nil {
		return err
	}
	if c.HTTP.Listen != "" {
		ln, err := net.Listen("tcp", c.HTTP.Listen)
		if err != nil {
			return err
		}
		ln.Close()
	}
	return nil
}

// decodeOnly marks keys that no component reads beyond the decoding (free text, switches)
// or that the command itself reads (the log).
func decodeOnly(*testing.T, config.Config) error { return nil }

// bounds are the values at the edges of each key: every value of ok passes config validate and
// the run that uses it; every value of refused is refused by config validate, naming the key.
type bounds struct {
	key         string
	ok, refused []any
	use         use
	// context completes the configuration where the key only counts with another one (the
	// mail port with mail on).
	context func(*config.Config)
}

func mailOn(c *config.Config) {
	c.Mail = config.Mail{Enabled: true, Host: "smtp.example.org", Port: 587, TLS: "starttls", From: "lage@example.org", To: []string{"leser@example.org"}}
}

func webhookOn(c *config.Config) {
	c.Webhook = config.Webhook{Enabled: true, URL: "https://example.org/hook", Secret: "a-secret-of-some-length"}
}

const secret = "0123456789abcdef-secret"

// TestEveryKeyAgreesWithItsUse: config validate and a run agree on every key of the
// configuration. A key added without a row here fails the test.
func TestEveryKeyAgreesWithItsUse(t *testing.T) {
	base, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base.Docs.Dir = "../seeds"
	dir := t.TempDir()
	base.State.Dir, base.Output.Dir = filepath.Join(dir, "state"), filepath.Join(dir, "out")
	base.HTTP.Listen = "127.0.0.1:0"
	seedModel, err := Model(context.Background(), base, editionDate, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	typeset := func(t *testing.T, c config.Config) error {
		_, err := PDF(c, seedModel, nil, editionDate)
		return err
	}
	d := time.Duration(0)
	rows := []bounds{
		{key: "analysis.candidates", ok: []any{10}, refused: []any{9}, use: analyse},
		{key: "analysis.duplicate_similarity", ok: []any{0.01, 1.0}, refused: []any{0.0, 1.01}, use: analyse},
		{key: "analysis.min_subject_sentences", ok: []any{0, 5}, refused: []any{-1}, use: analyse},
		{key: "analysis.min_theme_score", ok: []any{0.01}, refused: []any{0.0}, use: analyse},
		{key: "analysis.statements_per_theme", ok: []any{1}, refused: []any{0}, use: analyse,
			context: func(c *config.Config) { c.Analysis.Candidates = 1 }},
		{key: "analysis.subject", ok: []any{[]string{}, []string{"russia+north_korea"}}, refused: []any{[]string{"mars"}}, use: analyse},
		{key: "briefing.marking", ok: []any{"", "TLP:AMBER – „streng“"}, use: typeset},
		{key: "briefing.subtitle", ok: []any{"", "Ära „Kim“ – Überblick"}, use: typeset},
		{key: "briefing.title", ok: []any{"", "Lagebild Äußeres"}, use: typeset},
		{key: "briefing.window", ok: []any{"", "1d", "8w", "720h"}, refused: []any{"0d", "-1w", "30 Tage", "-1h"}, use: analyse},
		{key: "build_timeout", ok: []any{time.Second}, refused: []any{d, -time.Second}, use: serve},
		{key: "delivery.attempts", ok: []any{1}, refused: []any{0}, use: serve},
		{key: "delivery.base_delay", ok: []any{time.Millisecond, time.Minute}, refused: []any{d, 2 * time.Minute}, use: serve},
		{key: "delivery.max_delay", ok: []any{2 * time.Second}, refused: []any{time.Second}, use: serve},
		{key: "delivery.owner", ok: []any{[]string{}, []string{"chef@example.org"}}, refused: []any{[]string{"chef"}}, use: serve, context: mailOn},
		{key: "docs.dir", ok: []any{"../seeds"}, refused: []any{"", "../no-such-folder", "../go.mod"}, use: analyse},
		{key: "docs.max_file_mb", ok: []any{1, 4096}, refused: []any{0, 4097}, use: analyse},
		{key: "http.listen", ok: []any{"", "127.0.0.1:0"}, refused: []any{"localhost", "8080"}, use: serve},
		{key: "http.read_token", ok: []any{"", secret}, refused: []any{"short", "0123456789abcde"}, use: serve},
		{key: "http.require_read_token", ok: []any{false, true}, use: serve, context: func(c *config.Config) { c.HTTP.ReadToken = secret }},
		{key: "http.token", ok: []any{"", secret}, refused: []any{"short"}, use: serve},
		{key: "language", ok: []any{"de", "en"}, refused: []any{"fr", ""}, use: analyse},
		{key: "log.format", ok: []any{"auto", "text", "json"}, refused: []any{"xml"}, use: decodeOnly},
		{key: "log.level", ok: []any{"debug", "info", "warn", "error"}, refused: []any{"trace"}, use: decodeOnly},
		{key: "mail.enabled", ok: []any{false, true}, use: serve, context: mailOn},
		{key: "mail.from", ok: []any{"Lage <lage@example.org>"}, refused: []any{"", "lage"}, use: serve, context: mailOn},
		{key: "mail.host", ok: []any{"smtp.example.org"}, refused: []any{""}, use: serve, context: mailOn},
		{key: "mail.password", ok: []any{"pw"}, refused: []any{""}, use: serve, context: func(c *config.Config) { mailOn(c); c.Mail.Username = "u" }},
		{key: "mail.port", ok: []any{1, 65535}, refused: []any{0, 65536}, use: serve, context: mailOn},
		{key: "mail.tls", ok: []any{"starttls", "tls", "none"}, refused: []any{"ssl", ""}, use: serve, context: mailOn},
		{key: "mail.to", ok: []any{[]string{"a@example.org", "b@example.org"}}, refused: []any{[]string{}, []string{"a"}}, use: serve, context: mailOn},
		{key: "mail.username", ok: []any{"u"}, refused: []any{""}, use: serve, context: func(c *config.Config) { mailOn(c); c.Mail.Password = "pw" }},
		{key: "output.dir", ok: []any{filepath.Join(dir, "editions")}, refused: []any{""}, use: serve},
		{key: "output.file", ok: []any{"out/b.pdf"}, refused: []any{""}, use: decodeOnly},
		{key: "output.keep", ok: []any{1}, refused: []any{0}, use: serve},
		{key: "pdf.chart_dpi", ok: []any{200.0, 1200.0}, refused: []any{199.0, 1201.0}, use: typeset},
		{key: "pdf.key_figures", ok: []any{1}, refused: []any{0}, use: typeset},
		{key: "pdf.key_judgements", ok: []any{1}, refused: []any{0}, use: typeset},
		{key: "pdf.max_bars", ok: []any{1}, refused: []any{0}, use: typeset},
		{key: "pdf.max_cites", ok: []any{1, 1000}, refused: []any{0, -1}, use: typeset},
		{key: "pdf.orientation", ok: []any{"portrait", "landscape"}, refused: []any{"sideways"}, use: typeset},
		{key: "pdf.paper", ok: []any{"A4", "Letter"}, refused: []any{"A5", "a4"}, use: typeset},
		{key: "pdf.statements_per_theme", ok: []any{1}, refused: []any{0}, use: typeset},
		{key: "pdf.timeline_events", ok: []any{1}, refused: []any{0}, use: typeset},
		{key: "run_on_start", ok: []any{false, true}, use: decodeOnly},
		{key: "schedule", ok: []any{"0 6 * * *", "@every 1m", "CRON_TZ=Asia/Seoul 0 6 * * 1-5", "@daily", "* * * * *"},
			refused: []any{"61 * * * *", "@every 30s", "0 0 30 2 *", "daily", "0 6 * * * *"}, use: serve},
		{key: "schedule_min_interval", ok: []any{time.Second}, refused: []any{d}, use: serve},
		{key: "shutdown_grace", ok: []any{time.Second}, refused: []any{d}, use: decodeOnly},
		{key: "state.dir", ok: []any{filepath.Join(dir, "state2")}, refused: []any{""}, use: serve},
		{key: "state.history", ok: []any{1}, refused: []any{0}, use: serve},
		{key: "state.skip_unchanged", ok: []any{false, true}, use: decodeOnly},
		{key: "state.cache", ok: []any{false, true}, use: decodeOnly},
		{key: "templates.dir", ok: []any{"", "../templates"}, refused: []any{"../no-such-folder", "../seeds"}, use: typeset},
		{key: "timezone", ok: []any{"UTC", "Asia/Seoul"}, refused: []any{"", "Mars/Olympus"}, use: typeset},
		{key: "webhook.attach_pdf", ok: []any{false, true}, use: serve, context: webhookOn},
		{key: "webhook.enabled", ok: []any{false, true}, use: serve, context: webhookOn},
		{key: "webhook.link_base", ok: []any{"", "https://lage.example.org/"}, refused: []any{"ftp://example.org", "/relative"}, use: serve, context: webhookOn},
		{key: "webhook.secret", ok: []any{"s"}, refused: []any{""}, use: serve, context: webhookOn},
		{key: "webhook.url", ok: []any{"http://127.0.0.1:9/hook"}, refused: []any{"", "ftp://example.org/x", "https://"}, use: serve, context: webhookOn},
	}
	var covered []string
	for _, r := range rows {
		covered = append(covered, r.key)
	}
	for key := range config.Flatten(config.Default()) {
		if !slices.Contains(covered, key) {
			t.Errorf("%s has no bounds here: add a row", key)
		}
	}
	for _, r := range rows {
		for _, v := range r.ok {
			t.Run(fmt.Sprintf("%s=%v", r.key, v), func(t *testing.T) {
				c := with(t, base, r, v)
				if ps := Validate(c); len(ps) > 0 {
					t.Fatalf("refused: %v", ps)
				}
				if err := r.use(t, c); err != nil {
					t.Errorf("passes config validate, but the run fails: %v", err)
				}
			})
		}
		for _, v := range r.refused {
			t.Run(fmt.Sprintf("%s=%v refused", r.key, v), func(t *testing.T) {
				ps := Validate(with(t, base, r, v))
				// The problem names the key, as itself, as an entry of it ("analysis.subject[0]")
				// or in the message of the key it goes with ("mail.username … and mail.password").
				if !slices.ContainsFunc(ps, func(p config.Problem) bool {
					return p.Key == r.key || strings.HasPrefix(p.Key, r.key+"[") || strings.Contains(p.Message, r.key)
				}) {
					t.Errorf("not refused (problems: %v)", ps)
				}
			})
		}
	}
}

// with returns base with the row's context and the key set to v.
func with(t *testing.T, base config.Config, r bounds, v any) config.Config {
	c := base
	if r.context != nil {
		r.context(&c)
	}
	f := reflect.ValueOf(&c).Elem()
	for _, name := range strings.Split(r.key, ".") {
		found := false
		for i := range f.NumField() {
			if tag, _, _ := strings.Cut(f.Type().Field(i).Tag.Get("mapstructure"), ","); tag == name {
				f, found = f.Field(i), true
				break
			}
		}
		if !found {
			t.Fatalf("no key %s", r.key)
		}
	}
	f.Set(reflect.ValueOf(v))
	return c
}
