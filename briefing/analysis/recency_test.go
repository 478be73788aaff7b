package analysis_test

import (
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
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
