package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/report"
)

// Run analyses the corpus of dir (dir/corpus, annotated in dir/gold) with the configuration
// and scores the model.
func Run(ctx context.Context, cfg config.Config, dir string) (Result, *briefing.Model, error) {
	corpus := filepath.Join(dir, "corpus")
	g, err := LoadGold(filepath.Join(dir, "gold"), corpus)
	if err != nil {
		return Result{}, nil, fmt.Errorf("load annotations: %w", err)
	}
	if err := LoadEvents(&g, filepath.Join(dir, "events"), corpus); err != nil {
		return Result{}, nil, fmt.Errorf("load event annotations: %w", err)
	}
	docs, warnings, err := ingest.Load(ctx, corpus, ingest.Options{Language: cfg.Language})
	if err != nil {
		return Result{}, nil, fmt.Errorf("read %s: %w", corpus, err)
	}
	m, err := analysis.Analyze(ctx, docs, warnings, build.AnalysisOptions(cfg))
	if err != nil {
		return Result{}, nil, fmt.Errorf("analyse %s: %w", corpus, err)
	}
	r := Score(m, g, EntitiesOf(cfg))
	wording, err := report.LoadWording(cfg.Language, cfg.Templates.Dir)
	if err != nil {
		return Result{}, nil, err
	}
	// A fixed edition date keeps the result the same from day to day.
	o := build.ReportOptions(cfg, time.Date(2026, 1, 1, 6, 0, 0, 0, time.UTC))
	b, err := report.Build(m, wording, o)
	if err != nil {
		return Result{}, nil, fmt.Errorf("build the briefing of %s: %w", corpus, err)
	}
	r.Briefing = ScoreBriefing(m, b, g)
	return r, m, nil
}

// EntitiesOf maps the configured entities' names and ids to their ids.
func EntitiesOf(cfg config.Config) Entities {
	e := Entities{}
	for _, x := range cfg.Entities {
		for _, n := range []string{x.ID, x.Name.De, x.Name.En} {
			if n != "" {
				e[strings.ToLower(n)] = x.ID
			}
		}
	}
	return e
}

// Table formats the result as a Markdown table.
func (r Result) Table() string {
	var b strings.Builder
	row := func(name, value string) { fmt.Fprintf(&b, "| %s | %s |\n", name, value) }
	pct := func(x float64) string { return fmt.Sprintf("%.1f %%", 100*x) }
	b.WriteString("| measure | value |\n| --- | --- |\n")
	row("documents on / off topic", fmt.Sprintf("%d / %d", r.OnDocs, r.OffDocs))
	row("figure precision (labelled figures right)", fmt.Sprintf("%s (%d of %d)", pct(r.Precision()), r.ClaimsRight, r.Claims))
	row("figure recall (annotated figures found right)", fmt.Sprintf("%s (%d of %d)", pct(r.Recall()), r.GoldFound, r.Gold))
	row("annotated figures found with no field wrong (some with fewer entities)", fmt.Sprintf("%s (%d of %d)", pct(ratio(r.ClaimsRight, r.Gold)), r.ClaimsRight, r.Gold))
	row("right figures with fewer entities / without direction", fmt.Sprintf("%d / %d", r.NoEntities, r.NoDirection))
	row("document dates right", fmt.Sprintf("%s (%d of %d)", pct(r.DateAccuracy()), r.DatedRight, r.Dated))
	if r.GoldEvents > 0 {
		row("annotated events (points in time) with an event", fmt.Sprintf("%s (%d of %d; %d spans not counted)", pct(ratio(r.Events, r.GoldEvents)), r.Events, r.GoldEvents, r.SpanEvents))
		row("event dates right", fmt.Sprintf("%s (%d of %d)", pct(r.EventAccuracy()), r.EventsRight, r.Events))
		row("events of the program no annotation names", fmt.Sprint(r.ExtraEvents))
	}
	br := r.Briefing
	row("on-topic documents used / off-topic documents left out", fmt.Sprintf("%d of %d / %d of %d", br.OnUsed, r.OnDocs, br.OffLeftOut, r.OffDocs))
	row("on-topic documents the briefing uses that it cites", fmt.Sprintf("%s (%d of %d)", pct(ratio(br.Cited, br.Used)), br.Cited, br.Used))
	row("a key judgement cites the newest document", fmt.Sprintf("%v (%s)", br.NewestLeads, br.Newest))
	row("briefing items citing off-topic documents", fmt.Sprint(br.OffItems))
	row("figures from off-topic documents", fmt.Sprint(r.OffFigures))
	row("statements from off-topic documents", fmt.Sprint(r.OffStatements))
	row("events from off-topic documents", fmt.Sprint(r.OffEvents))
	var keys []string
	for k := range r.Failures {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		row("wrong: "+k, fmt.Sprint(r.Failures[k]))
	}
	return b.String()
}

// Details lists wrong claims, missed figures and wrong dates.
func (r Result) Details() string {
	var b strings.Builder
	for _, part := range []struct {
		title string
		lines []string
	}{{"Wrong figures", r.Wrong}, {"Missed figures", r.Missed}, {"Wrong document dates", r.BadDates},
		{"Wrong event dates", r.WrongEvents}, {"Missed events", r.MissedEvents}, {"Events no annotation names", r.ExtraEventList}} {
		fmt.Fprintf(&b, "\n## %s (%d)\n\n", part.title, len(part.lines))
		for _, l := range part.lines {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}
