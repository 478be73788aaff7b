package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/report"
)

// A sentence appears once in the briefing: key judgements, sections and the timeline never
// quote the same sentence twice; a later place refers to the first.
func TestNoSentenceTwiceInTheSeedBriefing(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	b := build(t, m, options(cfg))
	var items []report.Item
	items = append(items, b.KeyJudgements...)
	for _, s := range b.Themes {
		items = append(items, s.Items...)
	}
	for _, e := range b.Timeline {
		items = append(items, e.Item)
	}
	sentences := map[string]bool{}
	for _, d := range m.Documents {
		for i := range d.Sentences {
			sentences[d.SentenceText(i)] = true
		}
	}
	seen := map[string]int{}
	for _, it := range items {
		for s := range sentences {
			if strings.Contains(it.Text, s) {
				seen[s]++
			}
		}
	}
	for s, n := range seen {
		if n > 1 {
			t.Errorf("%d times in the briefing: %q", n, s)
		}
	}
	refs := 0
	for _, e := range b.Timeline {
		if strings.HasPrefix(e.Text, "Siehe ") {
			refs++
		}
	}
	if refs == 0 {
		t.Error("no timeline row refers to a statement shown before; the seeds date statements that are key judgements")
	}
}

// A quotation in another language than the briefing's is marked with its language; a theme on
// which the sources say nothing says so instead of vanishing.
func TestLanguageMarkAndEmptyTheme(t *testing.T) {
	text := "North Korea has sent thousands of soldiers to Russia under the new alliance treaty."
	m := briefing.NewModel([]briefing.Document{
		{ID: "en1", Path: "a.txt", Language: "en", Title: "A", Text: text, Sentences: []briefing.Sentence{{Start: 0, End: len(text)}}},
	}, nil)
	m.Themes = []briefing.Theme{
		{ID: "alliance", Title: "Bündnis", Statements: []briefing.Statement{{Text: text, Sources: []briefing.Source{{Doc: "en1", End: len(text)}}}}},
		{ID: "sanctions", Title: "Sanktionen"},
	}
	b := build(t, m, report.Options{Lang: "de", StatementsPerTheme: 3, KeyJudgements: 0})
	if len(b.Themes) != 2 {
		t.Fatalf("%d sections, want 2 (one with nothing to say)", len(b.Themes))
	}
	if it := b.Themes[0].Items; len(it) != 1 || it[0].Note != "(engl.)" {
		t.Errorf("the English statement is not marked as English: %+v", it)
	}
	if n := b.Themes[1].Note; !strings.Contains(n, "keine einschlägigen Aussagen") || len(b.Themes[1].Items) > 0 {
		t.Errorf("the empty theme says %q, items %v", n, b.Themes[1].Items)
	}
}

// A wording file written before the added templates existed still loads: the added ones come
// from the built-in file of its language.
func TestAnOlderWordingFileGetsTheAddedTemplates(t *testing.T) {
	src, err := os.ReadFile("../templates/de.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(src), "\n") {
		if strings.Contains(line, `"item.`) || strings.Contains(line, `"place.`) || strings.Contains(line, `"theme.empty"`) ||
			strings.Contains(line, `"cites.more"`) || strings.Contains(line, `"sources.more"`) || strings.Contains(line, `"theme.disagreement.more"`) {
			continue
		}
		kept = append(kept, line)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "de.tmpl"), []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := report.LoadWording("de", dir)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := w.Text("place.keyjudgement", map[string]any{"N": 2}); err != nil || s != "Kernaussage 2" {
		t.Errorf("place.keyjudgement = %q, %v", s, err)
	}
}

// Beside the seeds, two newer documents (a German report on an EU sanctions package of March
// 2025, an English one on NATO and its Indo-Pacific partners of February 2025) appear in
// their themes and come first there: in the key judgements, which the newest development
// leads, or at the top of their section.
func TestNewerDocumentsComeFirstInTheirThemes(t *testing.T) {
	m, cfg := seedModel(t, "../seeds", "../briefing/analysis/testdata/newer")
	b := build(t, m, options(cfg))
	num := map[string]int{}
	for _, s := range b.Sources {
		for _, d := range m.Documents {
			if d.ID == s.DocID {
				num[d.Path] = s.N
			}
		}
	}
	themeOf := map[string]string{}
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			if _, ok := themeOf[st.Text]; !ok {
				themeOf[st.Text] = th.ID
			}
		}
	}
	type placedItem struct {
		theme string
		item  report.Item
	}
	var order []placedItem
	for _, it := range b.KeyJudgements {
		order = append(order, placedItem{themeOf[it.Text], it})
	}
	for _, s := range b.Themes {
		for _, it := range s.Items {
			order = append(order, placedItem{s.ID, it})
		}
	}
	newest := "2025-03-14_eu-sanktionspaket-nordkorea.md"
	if len(b.KeyJudgements) == 0 || !slices.Contains(b.KeyJudgements[0].Cites, num[newest]) {
		t.Errorf("the first key judgement does not cite the newest document: %+v", b.KeyJudgements)
	}
	for _, c := range []struct{ theme, doc string }{
		{"sanctions", newest},
		{"nato", "2025-02-20_nato-indo-pacific-partners.md"},
	} {
		if num[c.doc] == 0 {
			t.Errorf("%s is not cited at all", c.doc)
			continue
		}
		for _, p := range order {
			if p.theme == c.theme {
				if !slices.Contains(p.item.Cites, num[c.doc]) {
					t.Errorf("theme %s first shows %q, not the newer %s", c.theme, p.item.Text, c.doc)
				}
				break
			}
		}
	}
}

// opensWithReference finds a statement that opens with a reference to text the reader does
// not see: a demonstrative, a pronoun or a connective that continues an argument.
var opensWithReference = regexp.MustCompile(`^(Diese[rsmn]?|Dies|Jene[rsmn]?|Darüber hinaus|Außerdem|Zudem|Ferner|Dabei|Damit|Daher|Deshalb|` +
	`Er|Sie|Es (?:hat|hatte|habe|soll|will|wird|schickte|lieferte)|Ihr[e]?[rmns]?|Sein[e]?[rmns]?|Deren|Dessen|Zunächst \w+ (es|er|sie)|This|These|Those|It|They|Their|He|She|Also|Moreover|Furthermore|In addition)\b`)

// On the seeds no key judgement and no section statement opens with a reference it does not
// quote: such a sentence comes with the one before it (which opens differently) or not at all.
func TestNoStatementOpensWithAnUnresolvedReference(t *testing.T) {
	m, cfg := seedModel(t, "../seeds")
	b := build(t, m, options(cfg))
	items := slices.Clone(b.KeyJudgements)
	for _, s := range b.Themes {
		items = append(items, s.Items...)
	}
	for _, it := range items {
		if opensWithReference.MatchString(it.Text) {
			t.Errorf("opens with a reference: %q", it.Text)
		}
	}
	if len(items) < 20 {
		t.Fatalf("only %d statements", len(items))
	}
}
