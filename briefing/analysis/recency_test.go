package analysis_test

import (
	"context"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
)

// Two new documents beside the seeds (testdata/newer: a German report of 14 March 2025 on an
// EU sanctions package, an English one of 20 February 2025 on NATO and its Indo-Pacific
// partners) appear in their themes, and what is newest ranks first: the seeds' sentences are
// central in the corpus, but older.
func TestNewerDocumentsLeadTheirThemes(t *testing.T) {
	m := analyze(t, loadDocs(t, "../../seeds", "testdata/newer"))
	path := map[string]string{}
	for _, d := range m.Documents {
		path[d.ID] = d.Path
	}
	from := func(st briefing.Statement, name string) bool {
		for _, s := range st.Sources {
			if strings.Contains(path[s.Doc], name) {
				return true
			}
		}
		return false
	}
	for _, c := range []struct{ theme, doc string }{
		{"sanctions", "eu-sanktionspaket"},
		{"nato", "nato-indo-pacific"},
	} {
		th := theme(m, c.theme)
		if len(th.Statements) == 0 {
			t.Fatalf("theme %s has no statements", c.theme)
		}
		best := 0
		for i, st := range th.Statements {
			if st.Score > th.Statements[best].Score {
				best = i
			}
		}
		found := false
		for _, st := range th.Statements {
			found = found || from(st, c.doc)
		}
		if !found {
			t.Errorf("theme %s has no statement of the new document %s", c.theme, c.doc)
		}
		if c.theme == "nato" && !from(th.Statements[best], c.doc) {
			t.Errorf("theme %s: the best statement is %q, not one of the newest document", c.theme, th.Statements[best].Text)
		}
	}
}

// With a window (briefing.window), documents dated before it and undated ones give figures
// marked as background, but no statements and no events.
func TestTheWindowLeavesOlderDocumentsAsBackground(t *testing.T) {
	docs := loadDocs(t, "../../seeds", "testdata/newer")
	opt := options(t)
	opt.Since = "2025-02-01"
	m, err := analysis.Analyze(context.Background(), docs, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	inWindow := map[string]bool{}
	for _, d := range m.Documents {
		newer := strings.HasPrefix(d.Path, "2025-0")
		inWindow[d.ID] = newer
		if d.Background == newer {
			t.Errorf("%s (%q): background %v", d.Path, d.Date, d.Background)
		}
	}
	if len(m.Files.Background) != 5 {
		t.Errorf("background documents %v, want the five seeds", m.Files.Background)
	}
	statements := 0
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			statements++
			if !inWindow[st.Sources[0].Doc] {
				t.Errorf("theme %s: statement of a document before the window: %q", th.ID, st.Text)
			}
		}
	}
	if statements == 0 {
		t.Error("no statements from the documents in the window")
	}
	for _, e := range m.Events {
		for _, s := range e.Sources {
			if !inWindow[s.Doc] {
				t.Errorf("event of a document before the window: %q", e.Text)
			}
		}
	}
	background := 0
	for _, f := range m.Figures {
		if f.Background != !inWindow[f.Sources[0].Doc] {
			t.Errorf("figure %g %s: background %v", f.Value, f.Unit, f.Background)
		}
		if f.Background {
			background++
		}
	}
	if background == 0 {
		t.Error("the seeds give no background figures")
	}
}
