package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/ingest"
	pipeline "github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/charts"
	"github.com/secbrief/briefing/charts/series"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/report"
)

func seedModel(t *testing.T, dirs ...string) (*briefing.Model, config.Config) {
	t.Helper()
	cfg, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var docs []briefing.Document
	for _, dir := range dirs {
		d, _, err := ingest.Load(context.Background(), dir, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d...)
	}
	m, err := analysis.Analyze(context.Background(), docs, nil, pipeline.AnalysisOptions(cfg))
	if err != nil {
		t.Fatal(err)
	}
	return m, cfg
}

func options(cfg config.Config) report.Options {
	o := report.Options{Lang: "de", Title: "Lagebild", Marking: "VS – NfD", Edition: time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC),
		StatementsPerTheme: 3, KeyJudgements: 5, KeyFigures: 10, TimelineEvents: 12, MaxBars: 6}
	for _, c := range cfg.Charts {
		o.Charts = append(o.Charts, report.ChartSpec{ID: c.ID, Title: c.Title.De, Select: series.Selection{Measures: c.Select.Measures, Themes: c.Select.Themes, Units: c.Select.Units, SubjectTerms: c.Select.SubjectTerms}})
	}
	return o
}

func build(t *testing.T, m *briefing.Model, o report.Options) *report.Briefing {
	t.Helper()
	w, err := report.LoadWording("de", "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := report.Build(m, w, o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEverySentenceIsASourceSentenceAndEveryCiteASource(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	b := build(t, m, options(cfg))
	// A statement quotes one sentence, or a sentence with the one before it that it refers
	// back to; a row that refers to a place shown before quotes nothing.
	sentences := map[string]bool{}
	for _, d := range m.Documents {
		for i := range d.Sentences {
			sentences[d.SentenceText(i)] = true
			if i > 0 {
				sentences[d.Text[d.Sentences[i-1].Start:d.Sentences[i].End]] = true
			}
		}
	}
	refers := regexp.MustCompile(`^Siehe (Kernaussage \d+|Abschnitt „[^“]+“)(, (Kernaussage \d+|Abschnitt „[^“]+“))*\.$`)
	var items []report.Item
	items = append(items, b.KeyJudgements...)
	for _, s := range b.Themes {
		items = append(items, s.Items...)
	}
	for _, e := range b.Timeline {
		items = append(items, e.Item)
	}
	if len(items) < 15 {
		t.Fatalf("only %d statements in the briefing", len(items))
	}
	for _, it := range items {
		if !sentences[it.Text] && !refers.MatchString(it.Text) {
			t.Errorf("not a sentence of any source: %q", it.Text)
		}
		checkCites(t, b, it.Cites)
	}
	for _, f := range b.KeyFigures {
		checkCites(t, b, f.Cites)
	}
	for i, s := range b.Sources {
		if s.N != i+1 || s.Text == "" {
			t.Errorf("source %d: %+v", i+1, s)
		}
	}
}

func checkCites(t *testing.T, b *report.Briefing, cites []int) {
	t.Helper()
	if len(cites) == 0 {
		t.Error("an item without citation")
	}
	for _, c := range cites {
		if c < 1 || c > len(b.Sources) {
			t.Errorf("citation [%d] has no source (of %d)", c, len(b.Sources))
		}
	}
}

func TestLimitsKeepTheBriefingShort(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	o := options(cfg)
	b := build(t, m, o)
	if len(b.KeyJudgements) != o.KeyJudgements || len(b.KeyFigures) > o.KeyFigures || len(b.Timeline) > o.TimelineEvents {
		t.Errorf("key judgements %d, figures %d, timeline %d", len(b.KeyJudgements), len(b.KeyFigures), len(b.Timeline))
	}
	for _, s := range b.Themes {
		if len(s.Items) > o.StatementsPerTheme || len(s.Figures) > 3 {
			t.Errorf("theme %s: %d statements, %d figures", s.ID, len(s.Items), len(s.Figures))
		}
	}
	if len(b.Sources) != 5 {
		t.Errorf("sources = %d, want the 5 seeds", len(b.Sources))
	}
}

func TestChartsShowEveryValueAsTextWithItsSource(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	b := build(t, m, options(cfg))
	if len(b.Charts) != 2 {
		t.Fatalf("charts = %d, want 2", len(b.Charts))
	}
	want := map[string][]string{
		"arms_exports": {"3,8 Mrd. US-Dollar", "38 Mrd. US-Dollar"},
		"trade_volume": {"34,4 Mio. US-Dollar", "52,9 Mio. US-Dollar"},
	}
	for _, ch := range b.Charts {
		if len(ch.Series.Bars) == 0 || ch.Note != "" || !strings.Contains(ch.Caption, "unterschiedlich lang") {
			t.Errorf("chart %s: %d bars, note %q, caption %q", ch.ID, len(ch.Series.Bars), ch.Note, ch.Caption)
		}
		var values []string
		for _, r := range ch.Rows {
			values = append(values, r.Value)
			if len(r.Cites) == 0 || r.PerYear == "" {
				t.Errorf("chart %s row %+v lacks a source or the yearly average", ch.ID, r)
			}
		}
		for _, w := range want[ch.ID] {
			if !strings.Contains(strings.Join(values, "|"), w) {
				t.Errorf("chart %s values %q lack %q", ch.ID, values, w)
			}
		}
	}
}

func TestAChartWithoutFiguresIsLeftOutWithANote(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	o := options(cfg)
	o.Charts = []report.ChartSpec{{ID: "none", Title: "Uranvorräte", Select: charts.Selection{Measures: []string{"uranium"}}}}
	b := build(t, m, o)
	if len(b.Charts) != 1 || len(b.Charts[0].Series.Bars) != 0 || !strings.Contains(b.Charts[0].Note, "Uranvorräte") {
		t.Errorf("chart = %+v", b.Charts)
	}
}

func TestALargerCorpusGivesABriefingOfTheSameLength(t *testing.T) {
	dir := copySeeds(t, 20, func(copyN int, name, text string) (string, string) {
		if copyN%2 == 1 {
			text = strings.ReplaceAll(text, "Nordkorea", "Nord-Korea")
		}
		return strings.Repeat("x", copyN+1) + name, text
	})
	m, cfg := seedModel(t, dir)
	o := options(cfg)
	b := build(t, m, o)
	n := len(b.KeyJudgements) + len(b.KeyFigures) + len(b.Timeline)
	for _, s := range b.Themes {
		n += len(s.Items) + len(s.Figures)
	}
	small := build(t, func() *briefing.Model { m, _ := seedModel(t, "../seeds"); return m }(), o)
	want := len(small.KeyJudgements) + len(small.KeyFigures) + len(small.Timeline)
	for _, s := range small.Themes {
		want += len(s.Items) + len(s.Figures)
	}
	// The limits bound the briefing whatever the corpus; how many timeline rows refer to one
	// place shown above (one row per date) varies a little with what is shown.
	limit := o.KeyJudgements + o.KeyFigures + o.TimelineEvents + len(b.Themes)*(o.StatementsPerTheme+3)
	if n > limit || n > want+6 {
		t.Errorf("100 documents give %d items, 5 give %d (limit %d): the briefing grew with the corpus", n, want, limit)
	}
}

// Twenty copies of each seed state every statement twenty times: an item cites at most
// MaxCites of them by number and counts the rest, the list of sources names the cited
// documents only, and a note says how many more there are and where to find them.
func TestCitationsAndSourcesAreBounded(t *testing.T) {
	dir := copySeeds(t, 20, func(copyN int, name, text string) (string, string) {
		return fmt.Sprintf("%02d-%s", copyN, name), fmt.Sprintf("%s\n\nAbschrift %d des Dokuments.\n", text, copyN+1) // not a byte copy
	})
	m, cfg := seedModel(t, dir)
	o := options(cfg)
	o.MaxCites = 3
	b := build(t, m, o)
	counted := 0
	check := func(where string, cites []int, more string) {
		if len(cites) > o.MaxCites {
			t.Errorf("%s cites %d sources by number (max %d)", where, len(cites), o.MaxCites)
		}
		if more != "" {
			counted++
			if !strings.HasPrefix(more, "und ") || !strings.HasSuffix(more, " weitere") {
				t.Errorf("%s: more = %q", where, more)
			}
		}
	}
	for _, it := range b.KeyJudgements {
		check("key judgement", it.Cites, it.More)
	}
	for _, f := range b.KeyFigures {
		check("key figure", f.Cites, f.More)
	}
	for _, s := range b.Themes {
		for _, it := range s.Items {
			check(s.Title, it.Cites, it.More)
		}
	}
	if counted == 0 {
		t.Error("no item counts further sources, though each statement stands in twenty documents")
	}
	if len(b.Sources) >= 100 || b.SourcesNote == "" || !strings.Contains(b.SourcesNote, fmt.Sprint(100-len(b.Sources))) {
		t.Errorf("%d sources listed of 100, note %q", len(b.Sources), b.SourcesNote)
	}
	// The list names only documents that the briefing cites somewhere.
	cited := map[int]bool{}
	for _, n := range allCites(b) {
		cited[n] = true
	}
	for _, src := range b.Sources {
		if !cited[src.N] {
			t.Errorf("source [%d] is listed but cited nowhere", src.N)
		}
	}
	for _, ch := range b.Charts {
		check("chart caption "+ch.Title, ch.Cites, ch.More)
	}
}

// allCites returns every citation number the briefing shows.
func allCites(b *report.Briefing) []int {
	var out []int
	for _, it := range b.KeyJudgements {
		out = append(out, it.Cites...)
	}
	for _, f := range b.KeyFigures {
		out = append(out, f.Cites...)
	}
	for _, ch := range b.Charts {
		out = append(out, ch.Cites...)
		for _, r := range ch.Rows {
			out = append(out, r.Cites...)
		}
	}
	for _, s := range b.Themes {
		for _, it := range s.Items {
			out = append(out, it.Cites...)
		}
		for _, f := range s.Figures {
			out = append(out, f.Cites...)
		}
		for _, d := range s.Disagreements {
			for _, r := range d.Rows {
				out = append(out, r.Cites...)
			}
		}
	}
	for _, e := range b.Timeline {
		out = append(out, e.Cites...)
	}
	if n := b.News; n != nil {
		for _, it := range n.Documents {
			out = append(out, it.Cites...)
		}
		for _, f := range n.Figures {
			out = append(out, f.Cites...)
		}
		for _, e := range n.Events {
			out = append(out, e.Cites...)
		}
	}
	return out
}

func TestATemplateErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "de.tmpl"), []byte("{{define \"toc.title\"}}Inhalt{{end}}\n{{define \"footer\"}}{{.Seite}}{{end}}\n"), 0o644)
	_, err := report.LoadWording("de", dir)
	if err == nil || !strings.Contains(err.Error(), "de.tmpl:2") || !strings.Contains(err.Error(), `"cover.edition" is not defined`) {
		t.Errorf("err = %v", err)
	}
}

func TestWhatIsNewSinceThePreviousEdition(t *testing.T) {
	prev, cfg := seedModel(t, "../seeds")
	m, _ := seedModel(t, "../seeds", "../briefing/analysis/testdata/extra")
	o := options(cfg)
	o.Previous, o.PreviousDate = prev, time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	b := build(t, m, o)
	if b.News == nil || len(b.News.Documents) != 2 || !strings.Contains(b.News.Intro, "23. November 2026") {
		t.Fatalf("news = %+v", b.News)
	}
	found := false
	for _, f := range b.News.Figures {
		found = found || strings.Contains(f.Value, "120 Mio. US-Dollar") || strings.Contains(f.Value, "„120 Millionen US-Dollar“")
	}
	if !found {
		t.Errorf("the new trade figure is not listed: %+v", b.News.Figures)
	}
	same := build(t, prev, func() report.Options { o := options(cfg); o.Previous = prev; return o }())
	if same.News == nil || len(same.News.Documents)+len(same.News.Figures)+len(same.News.Events) != 0 {
		t.Errorf("nothing changed, but news = %+v", same.News)
	}
	if plain := build(t, prev, options(cfg)); plain.News != nil {
		t.Error("a one-off briefing has a news section")
	}
}

// The cover's time span covers the dates of the documents on the subject only; undated
// documents are counted, a document on another subject is counted apart, and a document dated
// after the edition gets a warning in the appendix.
func TestDatesOnTheCover(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"2025-03-01_a.txt": "Nordkorea schickt Soldaten\n\nNordkorea hat nach Angaben aus Seoul rund 3.000 Soldaten nach Russland geschickt.\n",
		"b.txt":            "Der Vertrag\n\nDer Vertrag mit Nordkorea wurde am 15. Juni 1215 besiegelt und gilt bis 3. Oktober 2025.\n",
		"2025-02-01_d.txt": "Bundesliga\n\nBayern erzielte zwei Treffer gegen Dortmund.\n",
		"2027-01-05_c.txt": "Russland und Nordkorea\n\nRussland und Nordkorea haben ihren Handel ausgeweitet.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, cfg := seedModel(t, dir)
	b := build(t, m, options(cfg))
	if want := "Auswertung von 3 Dokumenten aus der Zeit von 01.03.2025 bis 05.01.2027; 1 undatiert. 1 weitere Datei behandelt andere Themen (siehe Anhang)."; b.Summary != want {
		t.Errorf("summary = %q, want %q", b.Summary, want)
	}
	var future []string
	for _, w := range b.Warnings {
		if strings.Contains(w.Message, "nach dem Datum dieser Ausgabe") {
			future = append(future, w.Path)
		}
	}
	if len(future) != 1 || future[0] != "2027-01-05_c.txt" {
		t.Errorf("warnings about future dates = %v, want one for 2027-01-05_c.txt", future)
	}
}

// copySeeds writes n copies of each seed document to a new folder, each named and changed by
// copy, and returns the folder.
func copySeeds(t *testing.T, n int, copy func(copyN int, name, text string) (string, string)) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for copyN := range n {
		for _, e := range entries {
			raw, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			name, text := copy(copyN, e.Name(), string(raw))
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}
