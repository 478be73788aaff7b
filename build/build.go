// Package build turns a configuration into an edition: it reads and analyses the documents
// (the model), decides and typesets the briefing (the PDF), and identifies what an edition is
// built from (the input hash). "briefing generate", "briefing serve" and anything that comes
// later use it; cmd/briefing only parses flags and wires.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/secbrief/briefing/atomicfile"
	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/charts"
	"github.com/secbrief/briefing/charts/series"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/deliver"
	"github.com/secbrief/briefing/pdf"
	"github.com/secbrief/briefing/report"
	"github.com/secbrief/briefing/templates"
)

// Model reads the corpus and builds the analysis model of the edition of that date; the
// warnings of reading and of the analysis are logged.
func Model(ctx context.Context, cfg config.Config, edition time.Time, log *slog.Logger) (*briefing.Model, error) {
	return CachedModel(ctx, cfg, edition, log, nil)
}

// CachedModel is Model with a cache of what reading each file gave (nil for none): files
// whose bytes, name and time are unchanged are not read again.
func CachedModel(ctx context.Context, cfg config.Config, edition time.Time, log *slog.Logger, cache ingest.Cache) (*briefing.Model, error) {
	opt := ingest.Options{MaxFileBytes: int64(cfg.Docs.MaxFileMB) << 20, Language: cfg.Language}
	if cache != nil {
		opt.Cache, opt.CacheSalt = cache, programVersion()
	}
	docs, warnings, err := ingest.Load(ctx, cfg.Docs.Dir, opt)
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	for _, w := range warnings {
		log.Warn(w.Message, "doc", w.Path)
	}
	log.Info("documents read", "docs", len(docs), "warnings", len(warnings), "dir", cfg.Docs.Dir)
	opts := AnalysisOptions(cfg)
	opts.Since = cfg.Briefing.Since(edition)
	model, err := analysis.Analyze(ctx, docs, warnings, opts)
	if err != nil {
		return nil, fmt.Errorf("analyse documents: %w", err)
	}
	for _, w := range model.Warnings[len(warnings):] {
		log.Warn(w.Message, "doc", w.Path) // what the analysis found: not relevant, too long
	}
	return model, nil
}

// PDF builds the briefing's content from the model and typesets it. prev is the
// model of the previous edition, for the section on what is new (nil: no such section).
func PDF(cfg config.Config, model, prev *briefing.Model, edition time.Time) ([]byte, error) {
	loc, err := time.LoadLocation(cfg.Timezone)
	if err != nil {
		return nil, fmt.Errorf("timezone %q: %w", cfg.Timezone, err)
	}
	wording, err := report.LoadWording(cfg.Language, cfg.Templates.Dir)
	if err != nil {
		return nil, err
	}
	opts := ReportOptions(cfg, edition.In(loc))
	opts.Previous = prev
	b, err := report.Build(model, wording, opts)
	if err != nil {
		return nil, fmt.Errorf("build briefing: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, b, pdf.Options{Paper: cfg.PDF.Paper, Orientation: cfg.PDF.Orientation, Created: edition.UTC(), ChartDPI: cfg.PDF.ChartDPI}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteModel writes the analysis model as indented JSON to path, atomically.
func WriteModel(path string, model *briefing.Model) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(model); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	})
}

// InputHash identifies what an edition built at now is built from: every document (path and
// content), the templates, the configuration that shapes the content and, with a window
// (briefing.window), the first day of the window, which moves on as days pass. Delivery,
// schedule, state and HTTP settings are left out: changing them does not change the briefing.
func InputHash(cfg config.Config, now time.Time) (string, error) {
	h := sha256.New()
	if since := cfg.Briefing.Since(now); since != "" {
		fmt.Fprintf(h, "since\x00%s\x00", since)
	}
	content := cfg
	content.Schedule, content.RunOnStart, content.ShutdownGrace = "", false, 0
	content.State, content.HTTP, content.Delivery = config.State{}, config.HTTP{}, config.Delivery{}
	content.Mail, content.Webhook, content.Log = config.Mail{}, config.Webhook{}, config.Log{}
	content.Output = config.Output{}
	if err := json.NewEncoder(h).Encode(content); err != nil {
		return "", fmt.Errorf("hash configuration: %w", err)
	}
	if err := hashDocuments(h, cfg); err != nil {
		return "", err
	}
	var tmpl fs.FS = templates.FS
	if cfg.Templates.Dir != "" {
		tmpl = os.DirFS(cfg.Templates.Dir)
	}
	if err := hashTree(h, tmpl, "templates"); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashDocuments adds what ingestion reads: every document (relative path and content) and the
// warnings about files it passes over, listed the way ingestion walks the folder (symbolic
// links followed).
func hashDocuments(h io.Writer, cfg config.Config) error {
	l, err := ingest.List(cfg.Docs.Dir, int64(cfg.Docs.MaxFileMB)<<20)
	if err != nil {
		return fmt.Errorf("hash documents: %w", err)
	}
	for _, p := range l.Paths {
		fmt.Fprintf(h, "document\x00%s\x00", p[1])
		if f, err := ingest.OpenRegular(p[0]); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	for _, w := range l.Warnings {
		fmt.Fprintf(h, "warning\x00%s\x00%s\x00", w.Path, w.Message)
	}
	return nil
}

// hashTree adds the names and contents of the regular files of fsys, in a fixed order.
// Unreadable files are part of the hash by name only: ingestion reports them.
func hashTree(h io.Writer, fsys fs.FS, what string) error {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != "." {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("hash %s: %w", what, err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%s\x00", what, p)
		if f, err := fsys.Open(p); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return nil
}

// ReportOptions returns the settings of the briefing's content for an edition.
func ReportOptions(c config.Config, edition time.Time) report.Options {
	o := report.Options{
		Lang: c.Language, Title: c.Briefing.Title, Subtitle: c.Briefing.Subtitle, Marking: c.Briefing.Marking,
		Edition: edition, StatementsPerTheme: c.PDF.StatementsPerTheme, KeyJudgements: c.PDF.KeyJudgements,
		KeyFigures: c.PDF.KeyFigures, TimelineEvents: c.PDF.TimelineEvents, MaxBars: c.PDF.MaxBars, MaxCites: c.PDF.MaxCites,
	}
	for _, ch := range c.Charts {
		o.Charts = append(o.Charts, report.ChartSpec{ID: ch.ID, Title: ch.Title.In(c.Language), Select: selection(ch.Select)})
	}
	return o
}

// Validate checks a configuration: the settings config checks itself, and the values that a
// component uses, by the component's own rule (the chart renderer's resolutions, the delivery
// policy), so that config validate and a run never disagree.
func Validate(cfg config.Config) []config.Problem {
	ps := cfg.Validate()
	if _, err := report.LoadWording(cfg.Language, cfg.Templates.Dir); err != nil && !named(ps, "language") {
		ps = append(ps, config.Problem{Key: "templates.dir", Value: cfg.Templates.Dir, Message: err.Error()})
	}
	if err := charts.CheckDPI(cfg.PDF.ChartDPI); err != nil {
		ps = append(ps, config.Problem{Key: "pdf.chart_dpi", Value: cfg.PDF.ChartDPI, Message: err.Error()})
	}
	for i, m := range cfg.Measures {
		if err := analysis.CheckKind(m.Kind); err != nil {
			ps = append(ps, config.Problem{Key: fmt.Sprintf("measures[%d].kind", i), Value: m.Kind, Message: err.Error()})
		}
	}
	d := cfg.Delivery
	if err := (deliver.Policy{Attempts: d.Attempts, BaseDelay: d.BaseDelay, MaxDelay: d.MaxDelay}).Validate(); err != nil {
		ps = append(ps, config.Problem{Key: "delivery", Value: fmt.Sprintf("%d, %s, %s", d.Attempts, d.BaseDelay, d.MaxDelay), Message: err.Error()})
	}
	// The delivery targets check their settings when they are made; what config already
	// named is not said twice.
	if _, err := mailSender(cfg); err != nil && !named(ps, "mail.", "language", "templates.") {
		ps = append(ps, config.Problem{Key: "mail", Value: cfg.Mail.Host, Message: err.Error()})
	}
	if _, err := webhookSender(cfg); err != nil && !named(ps, "webhook.") {
		ps = append(ps, config.Problem{Key: "webhook", Value: cfg.Webhook.URL, Message: err.Error()})
	}
	return ps
}

// named reports whether a problem names a key that starts with one of prefixes.
func named(ps []config.Problem, prefixes ...string) bool {
	for _, p := range ps {
		for _, prefix := range prefixes {
			if strings.HasPrefix(p.Key, prefix) {
				return true
			}
		}
	}
	return false
}

// AnalysisOptions returns the analysis settings in the briefing's language.
func AnalysisOptions(c config.Config) analysis.Options {
	o := analysis.Options{
		Language:            c.Language,
		StatementsPerTheme:  c.Analysis.StatementsPerTheme,
		MinThemeScore:       c.Analysis.MinThemeScore,
		Candidates:          c.Analysis.Candidates,
		DuplicateSimilarity: c.Analysis.DuplicateSimilarity,
		Subject:             c.Analysis.Subject,
		MinSubjectSentences: c.Analysis.MinSubjectSentences,
	}
	for _, t := range c.Themes {
		th := analysis.Theme{ID: t.ID, Title: t.Title.In(c.Language), Exclude: t.Exclude}
		for _, g := range t.Lexicon {
			for _, term := range g.Terms {
				th.Terms = append(th.Terms, analysis.Term{Text: term, Weight: g.Weight})
			}
		}
		o.Themes = append(o.Themes, th)
	}
	for _, m := range c.Measures {
		o.Measures = append(o.Measures, analysis.Named{ID: m.ID, Name: m.Title.In(c.Language), Kind: m.Kind, Terms: m.Terms, Verbs: m.Verbs})
	}
	for _, e := range c.Entities {
		o.Entities = append(o.Entities, analysis.Named{ID: e.ID, Name: e.Name.In(c.Language), Terms: e.Terms, Weak: e.WeakTerms})
	}
	return o
}

// selection returns the chart selection of a configured chart.
func selection(s config.ChartSelection) series.Selection {
	return series.Selection{Measures: s.Measures, Themes: s.Themes, Units: s.Units, SubjectTerms: s.SubjectTerms}
}

// programVersion identifies the code that reads documents, for the keys of the document
// cache: the hash of the running executable, so that any other build (a release, a change
// during development) reads every file anew. On Linux the running file is read through
// /proc/self/exe: the path os.Executable gives may meanwhile hold an upgraded binary.
var programVersion = sync.OnceValue(func() string {
	paths := []string{"/proc/self/exe"}
	if exe, err := os.Executable(); err == nil {
		paths = append(paths, exe)
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err == nil {
			return hex.EncodeToString(h.Sum(nil))
		}
	}
	return fmt.Sprintf("unknown-%d", time.Now().UnixNano()) // never matches: no reuse
})
