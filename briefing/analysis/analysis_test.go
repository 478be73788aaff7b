package analysis_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/config"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// options returns the analysis options of the project's config.yaml.
func options(t testing.TB) analysis.Options {
	t.Helper()
	c, err := config.ReadFile(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatalf("config.yaml: %v", err)
	}
	return build.AnalysisOptions(c)
}

// loadDocs reads folders whose files must read without problems; undated documents are
// fine (four of the five seeds do not say when they were written).
func loadDocs(t testing.TB, dirs ...string) []briefing.Document {
	t.Helper()
	var docs []briefing.Document
	for _, dir := range dirs {
		d, warnings, err := ingest.Load(context.Background(), dir, ingest.Options{})
		for _, w := range warnings {
			if !strings.HasPrefix(w.Message, "undated:") {
				err = errors.Join(err, fmt.Errorf("%s: %s", w.Path, w.Message))
			}
		}
		if err != nil {
			t.Fatalf("load %s: %v", dir, err)
		}
		docs = append(docs, d...)
	}
	return docs
}

// writeDocs writes documents (file name -> text) into a new folder and returns it.
func writeDocs(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func analyze(t testing.TB, docs []briefing.Document) *briefing.Model {
	t.Helper()
	m, err := analysis.Analyze(context.Background(), docs, nil, options(t))
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, m)
	return m
}

// checkSources asserts that every statement, figure and event cites sentence spans of its
// documents, and that its text is its first source's text. A statement may quote a run of
// consecutive sentences (a sentence with the one it refers back to); figures and events cite
// one sentence.
func checkSources(t testing.TB, m *briefing.Model) {
	t.Helper()
	spans := map[briefing.Source]string{}
	starts, ends := map[string]map[int]bool{}, map[string]map[int]bool{}
	texts := map[string]string{}
	for _, d := range m.Documents {
		starts[d.ID], ends[d.ID], texts[d.ID] = map[int]bool{}, map[int]bool{}, d.Text
		for _, s := range d.Sentences {
			spans[briefing.Source{Doc: d.ID, Start: s.Start, End: s.End}] = d.Text[s.Start:s.End]
			starts[d.ID][s.Start], ends[d.ID][s.End] = true, true
		}
	}
	check := func(kind, text string, sources []briefing.Source) {
		if len(sources) == 0 {
			t.Errorf("%s without source: %q", kind, text)
			return
		}
		for _, s := range sources {
			_, one := spans[s]
			run := kind == "statement" && starts[s.Doc][s.Start] && ends[s.Doc][s.End] && s.Start < s.End
			if !one && !run {
				t.Errorf("%s cites %+v, which is not a sentence: %q", kind, s, text)
			}
		}
		s := sources[0]
		if got := texts[s.Doc]; s.End > len(got) || got[s.Start:s.End] != text {
			t.Errorf("%s text %q is not its first source", kind, text)
		}
	}
	for _, th := range m.Themes {
		seen := map[string]bool{}
		for _, st := range th.Statements {
			check("statement", st.Text, st.Sources)
			if seen[st.Text] {
				t.Errorf("theme %s lists %q twice", th.ID, st.Text)
			}
			seen[st.Text] = true
		}
	}
	for _, f := range m.Figures {
		check("figure", f.Text, f.Sources)
	}
	for _, e := range m.Events {
		check("event", e.Text, e.Sources)
	}
}

func theme(m *briefing.Model, id string) briefing.Theme {
	for _, th := range m.Themes {
		if th.ID == id {
			return th
		}
	}
	return briefing.Theme{}
}

func docPrefix(m *briefing.Model, id string) string {
	for _, d := range m.Documents {
		if d.ID == id {
			return d.Path[:3]
		}
	}
	return "?"
}

func TestSeedThemes(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	relevant := map[string][]string{
		"alliance":  {"Vertrag", "Partnerschaft", "Bündnis", "Beistand", "Allianz"},
		"sanctions": {"Sanktion", "Veto", "Sicherheitsrat", "Expertengr"},
		"nato":      {"NATO"},
	}
	for id, words := range relevant {
		th := theme(m, id)
		if len(th.Statements) < 4 {
			t.Errorf("theme %s has %d statements, want at least 4", id, len(th.Statements))
		}
		for _, st := range th.Statements {
			if !containsAny(st.Text, words) || len(st.Terms) == 0 {
				t.Errorf("theme %s: statement is not about it (terms %v): %q", id, st.Terms, st.Text)
			}
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func TestSeedFigures(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	type want struct {
		doc       string
		value     float64
		valueMax  float64
		unit      string
		qualifier string
		from, to  string
		measure   string
	}
	wants := []want{
		{"000", 11000, 0, "Soldaten", "about", "", "", "troops"},
		{"000", 3.8e9, 0, "USD", "", "2016", "2020", "arms_exports"},
		{"000", 38e9, 0, "USD", "", "2021", "2023", "arms_exports"},
		{"000", 12.4e9, 0, "USD", "more_than", "2022-07", "2022-07", "arms_deal"},
		{"001", 3000, 0, "Soldaten", "", "", "", "troops"},
		{"001", 3e6, 0, "Granaten", "almost", "", "", "shells"},
		{"001", 9e6, 0, "USD", "", "", "", "currency"},
		{"001", 30e6, 0, "USD", "", "", "", "currency"},
		{"001", 7000, 0, "km", "", "", "", "missile_range"},
		{"002", 5.5e9, 0, "USD", "up_to", "", "", "arms_deliveries"},
		{"002", 1.7e9, 0, "USD", "more_than", "", "", "arms_deliveries"},
		{"002", 23.7e9, 0, "USD", "", "", "", "economic_output"},
		{"002", 20000, 0, "Soldaten", "more_than", "", "", "troops"},
		{"002", 52.9e6, 0, "USD", "", "2024-01", "2024-06", "trade_volume"},
		{"002", 34.4e6, 0, "USD", "about", "2023", "2023", "trade_volume"},
		{"002", 2, 0, "Treffen", "average", "2023-07", "", "meetings"},
		{"002", 24, 0, "Treffen", "more_than", "", "", "meetings"},
		{"002", 5, 0, "Treffen", "at_most", "", "", "meetings"},
		{"003", 1000, 0, "Container", "more_than", "", "", "containers"},
		{"003", 10, 0, "%", "about", "", "", ""},
		{"004", 20, 60, "Sprengköpfe", "", "", "", "warheads"},
		{"004", 3e6, 0, "Soldaten", "", "", "", "troops"},
	}
	for _, w := range wants {
		found := false
		for _, f := range m.Figures {
			vm := 0.0
			if f.ValueMax != nil {
				vm = *f.ValueMax
			}
			from, to := "", ""
			if f.Period != nil {
				from, to = f.Period.From, f.Period.To
			}
			if docPrefix(m, f.Sources[0].Doc) == w.doc && f.Value == w.value && f.Unit == w.unit {
				found = true
				if vm != w.valueMax || f.Qualifier != w.qualifier || from != w.from || to != w.to || f.Measure != w.measure {
					t.Errorf("%s %g %s: got max %g, qualifier %q, period %q–%q, measure %q; want %g, %q, %q–%q, %q\n  %s",
						w.doc, w.value, w.unit, vm, f.Qualifier, from, to, f.Measure, w.valueMax, w.qualifier, w.from, w.to, w.measure, f.Text)
				}
			}
		}
		if !found {
			t.Errorf("missing figure %s %g %s", w.doc, w.value, w.unit)
		}
	}
	for _, f := range m.Figures {
		if f.Value >= 1900 && f.Value <= 2100 && f.Unit == "" {
			t.Errorf("a year became a figure: %+v", f)
		}
	}
}

func TestSeedSubjects(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	want := map[float64]string{3.8e9: "Rüstungsexporte Südkorea", 52.9e6: "Handelsvolumen", 3000: "Soldaten Nordkorea → Russland"}
	for _, f := range m.Figures {
		if s, ok := want[f.Value]; ok && f.Subject != s {
			t.Errorf("subject of %g %s = %q, want %q", f.Value, f.Unit, f.Subject, s)
		}
	}
}

func TestSeedMergesTheVetoAcrossDocuments(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	for _, e := range m.Events {
		if e.Date == "2024-03" && strings.Contains(e.Text, "Veto") && len(e.Sources) >= 2 {
			docs := map[string]bool{}
			for _, s := range e.Sources {
				docs[docPrefix(m, s.Doc)] = true
			}
			if docs["001"] && docs["004"] {
				return
			}
		}
	}
	t.Errorf("no event of March 2024 about the veto cites both 001 and 004")
}

// Disagreements are only between figures of the same measure, subject, period and modality.
// In the seeds, 3.000 soldiers (reported, of North Korea) and about 11.000 (an estimate of
// whoever "das Regime" is) and the 1,7 Mrd. (an estimate) and 5,5 Mrd. (reported) deliveries
// are not, nor are the undated documents' figures without a period.
func TestSeedDisagreements(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	for _, th := range m.Themes {
		for _, d := range th.Disagreements {
			t.Errorf("%s: disagreement %q with %d figures", th.ID, d.Subject, len(d.Figures))
		}
	}
}

func TestDisagreementsNeedTheSameSubjectPeriodAndModality(t *testing.T) {
	dir := writeDocs(t, map[string]string{
		"2024-11-04_a.txt": "Truppen\n\nNordkorea hat nach Angaben aus Seoul 3.000 Soldaten nach Russland entsandt.\n",
		"2024-11-04_b.txt": "Truppen\n\nNordkorea hat nach Angaben aus Washington 8.000 Soldaten nach Russland entsandt.\n",
		"2024-11-04_c.txt": "Truppen\n\nNordkorea könnte nach Einschätzung Kiews bis zu 100.000 Soldaten nach Russland entsenden.\n",
		"2024-12-20_d.txt": "Truppen\n\nNordkorea hat nach Angaben aus Seoul 11.000 Soldaten nach Russland entsandt.\n",
	})
	m := analyze(t, loadDocs(t, dir))
	var got [][]float64
	for _, th := range m.Themes {
		for _, d := range th.Disagreements {
			var values []float64
			for _, f := range d.Figures {
				values = append(values, f.Value)
			}
			got = append(got, values)
		}
	}
	// The troops theme and others may carry the same group; one group, 3.000 vs 8.000.
	for _, g := range got {
		if len(g) != 2 || !(g[0] == 3000 && g[1] == 8000 || g[0] == 8000 && g[1] == 3000) {
			t.Errorf("disagreement %v, want only 3.000 vs 8.000 (same day, both reported)", g)
		}
	}
	if len(got) == 0 {
		t.Error("no disagreement between 3.000 and 8.000 soldiers reported on the same day")
	}
}

func TestSeedGolden(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds"))
	m.Documents = nil // the documents are checked by the ingest tests
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("model differs from %s; run go test ./briefing/analysis -update and review the diff", path)
	}
}

func TestAddedDocumentsMoveTheModel(t *testing.T) {
	before := analyze(t, loadDocs(t, "../../seeds"))
	opt := options(t)
	opt.StatementsPerTheme = 100
	m, err := analysis.Analyze(context.Background(), loadDocs(t, "../../seeds", "testdata/extra"), nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, m)
	docByID := map[string]string{}
	for _, d := range m.Documents {
		docByID[d.ID] = d.Path
	}

	t.Run("a new trade figure is added with its period", func(t *testing.T) {
		for _, f := range before.Figures {
			if f.Value == 120e6 {
				t.Fatalf("the figure exists before the document is added: %+v", f)
			}
		}
		for _, f := range m.Figures {
			if f.Value == 120e6 && f.Unit == "USD" {
				if f.Period == nil || f.Period.From != "2025" || f.Measure != "trade_volume" || docByID[f.Sources[0].Doc] != "handel-2025.md" {
					t.Errorf("figure = %+v, period %+v", f, f.Period)
				}
				return
			}
		}
		t.Error("no figure of 120 million USD")
	})
	t.Run("an English article about NATO's partners lands in nato", func(t *testing.T) {
		n := 0
		for _, st := range theme(m, "nato").Statements {
			if docByID[st.Sources[0].Doc] == "nato-indo-pacific.html" {
				n++
			}
		}
		if n < 2 {
			t.Errorf("%d statements of the English article in nato, want at least 2", n)
		}
	})
}

// A document that does not name the briefing's subject in a theme sentence gives no
// statements, figures or events, and is named in a warning.
func TestOffTopicDocumentsAreNotUsed(t *testing.T) {
	dir := writeDocs(t, map[string]string{
		"2024-05-04_fussball.txt": "Bayern gewinnt\n\nBayern erzielte zwei Treffer und verfehlte das Ziel von 80 Punkten; der Handel mit Spielern brachte 120 Millionen Euro. Die Nato feierte am 4. April 2024 ihr Jubiläum mit 3.000 Gästen in Berlin.\n",
		"2024-11-04_truppen.txt":  "Truppen\n\nNordkorea hat nach Angaben aus Seoul 3.000 Soldaten nach Russland entsandt.\n",
		// A subject of two entities named together: the NATO and one of its partners.
		"2024-11-05_itpp.txt": "Partnerschaft\n\nDie NATO und Japan unterzeichneten ein Partnerschaftsprogramm für Cyberabwehr.\n",
	})
	docs := loadDocs(t, dir)
	m, err := analysis.Analyze(context.Background(), docs, nil, options(t))
	if err != nil {
		t.Fatal(err)
	}
	off := ""
	for _, d := range docs {
		if strings.HasPrefix(d.Path, "2024-05-04") {
			off = d.ID
		}
	}
	for _, f := range m.Figures {
		if f.Sources[0].Doc == off {
			t.Errorf("figure %g %s from the football article", f.Value, f.Unit)
		}
	}
	for _, e := range m.Events {
		if e.Sources[0].Doc == off {
			t.Errorf("event %s from the football article", e.Date)
		}
	}
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			if st.Sources[0].Doc == off {
				t.Errorf("statement from the football article: %s", st.Text)
			}
		}
	}
	if len(m.Warnings) != 1 || m.Warnings[0].Path != "2024-05-04_fussball.txt" || !strings.Contains(m.Warnings[0].Message, "not used") {
		t.Errorf("warnings = %v, want one 'not used' for the football article (the NATO–Japan programme is on the subject)", m.Warnings)
	}
	if len(m.Figures) == 0 {
		t.Error("the article about troops gave no figure")
	}
}
