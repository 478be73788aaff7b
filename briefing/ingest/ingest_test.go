package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
)

// load reads dir with default options and fails the test on error.
func load(t *testing.T, dir string, opt Options) ([]briefing.Document, []briefing.Warning) {
	t.Helper()
	docs, warnings, err := Load(context.Background(), dir, opt)
	if err != nil {
		t.Fatalf("Load(%s): %v", dir, err)
	}
	for _, d := range docs {
		checkSpans(t, d)
	}
	return docs, dated(warnings)
}

// dated drops the warnings about undated documents, which tests of other matters do not
// look at (TestUndatedDocuments does).
func dated(warnings []briefing.Warning) []briefing.Warning {
	var out []briefing.Warning
	for _, w := range warnings {
		if !strings.HasPrefix(w.Message, "undated:") {
			out = append(out, w)
		}
	}
	return out
}

// checkSpans asserts that every sentence span is a trimmed, single-line piece of the text.
func checkSpans(t *testing.T, d briefing.Document) {
	t.Helper()
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(d.Text) {
			t.Fatalf("%s: sentence %d has a bad span %+v", d.Path, i, s)
		}
		got := d.Text[s.Start:s.End]
		if got != strings.TrimSpace(got) || strings.Contains(got, "\n") {
			t.Errorf("%s: sentence %d is not a trimmed line: %q", d.Path, i, got)
		}
		prev = s.End
	}
	if len(d.Sentences) == 0 {
		t.Errorf("%s: no sentences", d.Path)
	}
}

func byPath(docs []briefing.Document) map[string]briefing.Document {
	m := map[string]briefing.Document{}
	for _, d := range docs {
		m[d.Path] = d
	}
	return m
}

func warningsByPath(ws []briefing.Warning) map[string][]string {
	m := map[string][]string{}
	for _, w := range ws {
		m[w.Path] = append(m[w.Path], w.Message)
	}
	return m
}

func TestLoadMixedFolder(t *testing.T) {
	docs, warnings := load(t, "testdata/mixed", Options{})
	got := byPath(docs)
	warn := warningsByPath(warnings)

	wantWarnings := map[string]string{
		"image.txt":         "skipped: not a text file (binary content: NUL byte at offset 8)",
		"empty.txt":         "skipped: empty file",
		"legacy-cp1252.txt": "not valid UTF-8: decoded as Windows-1252",
		"broken-utf8.txt":   "invalid UTF-8: 2 byte sequence(s) replaced with U+FFFD",
	}
	for path, msg := range wantWarnings {
		if len(warn[path]) != 1 || warn[path][0] != msg {
			t.Errorf("warnings for %s = %q, want exactly [%q]", path, warn[path], msg)
		}
	}
	if len(warnings) != len(wantWarnings) {
		t.Errorf("got %d warnings, want %d: %v", len(warnings), len(wantWarnings), warnings)
	}
	if len(docs) != 4 {
		t.Fatalf("got %d documents, want 4 (cp1252, broken UTF-8, HTML, Markdown)", len(docs))
	}

	t.Run("the Windows-1252 file keeps its umlauts and quotes", func(t *testing.T) {
		d := got["legacy-cp1252.txt"]
		for _, want := range []string{"„mehrere Tausend“", "verstoßen", "heißt", "Südkorea"} {
			if !strings.Contains(d.Text, want) {
				t.Errorf("text lacks %q:\n%s", want, d.Text)
			}
		}
		if d.Encoding != "windows-1252" || d.Title != "Nordkorea liefert Granaten" || d.Date != "2024-03-12" {
			t.Errorf("encoding, title, date = %q, %q, %q", d.Encoding, d.Title, d.Date)
		}
	})
	t.Run("the broken UTF-8 file keeps its valid text", func(t *testing.T) {
		d := got["broken-utf8.txt"]
		if !strings.Contains(d.Text, "52,9 Millionen US-Dollar") || !strings.Contains(d.Text, "\uFFFD") {
			t.Errorf("text = %q", d.Text)
		}
		if d.Date != "2024-10-27" || d.DateSource != briefing.DateFromText {
			t.Errorf("date = %q from %q, want the dateline 2024-10-27", d.Date, d.DateSource)
		}
	})
	t.Run("the HTML page gives its article text and metadata only", func(t *testing.T) {
		d := got["page.html"]
		want := briefing.Document{Title: "NATO und Indopazifik: Partner rücken zusammen", Date: "2025-02-14",
			DateSource: briefing.DateFromMeta, Publisher: "Sicherheitsmonitor", Author: "Anna Beispiel", Language: "de", Format: "html"}
		if d.Title != want.Title || d.Date != want.Date || d.DateSource != want.DateSource ||
			d.Publisher != want.Publisher || d.Author != want.Author || d.Language != want.Language || d.Format != want.Format {
			t.Errorf("metadata = %+v", d)
		}
		for _, bad := range []string{"Cookies", "Impressum", "Lesen Sie", "Politik", "consent", "color"} {
			if strings.Contains(d.Text, bad) {
				t.Errorf("text contains boilerplate %q:\n%s", bad, d.Text)
			}
		}
		if !strings.Contains(d.Text, "am 13. Februar 2025 in Brüssel") {
			t.Errorf("no-break space not normalised or text lost:\n%s", d.Text)
		}
	})
	t.Run("the Markdown file gives its front matter and plain text", func(t *testing.T) {
		d := got["note.md"]
		if d.Title != "Sanktionen gegen Nordkorea: Das Expertengremium ist Geschichte" || d.Date != "2024-04-30" ||
			d.DateSource != briefing.DateFromFrontMatter || d.Publisher != "Nordkorea-Notizen" || d.Author != "Max Muster" {
			t.Errorf("metadata = %+v", d)
		}
		want := "Im März 2024 legte Russland im UN-Sicherheitsrat ein Veto gegen die Verlängerung des Mandats des Expertengremiums ein."
		if d.SentenceText(1) != want {
			t.Errorf("first body sentence = %q, want %q", d.SentenceText(1), want)
		}
		if len(d.References) != 1 || d.References[0].URL != "https://example.org/spv9591" {
			t.Errorf("references = %+v", d.References)
		}
		if strings.ContainsAny(d.Text, "*[]#") {
			t.Errorf("markup left in text:\n%s", d.Text)
		}
	})
}

func TestLoadJoinsHardWrappedText(t *testing.T) {
	docs, warnings := load(t, "testdata/wrapped", Options{})
	if len(docs) != 1 || len(warnings) != 0 {
		t.Fatalf("docs, warnings = %d, %v", len(docs), warnings)
	}
	d := docs[0]
	lines := strings.Split(d.Text, "\n")
	if len(lines) != 3 {
		t.Fatalf("want a title and two paragraphs, got %d lines:\n%s", len(lines), d.Text)
	}
	for _, want := range []string{"das amerikanische Festland", "in Milliarden US-Dollar angegeben", "in die Lage versetzt"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
}

func TestLoadWarnsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Ein Titel\nDer Text hat einen Satz. Und noch einen.\n")
	write("sub/deeper/good.md", "# Titel\n\nEin Absatz mit Text.\n")
	write("report.pdf", "%PDF-1.4")
	write("big.txt", strings.Repeat("Wort ", 400))
	write(".hidden.txt", "wird nicht gelesen")
	write("only-boilerplate.txt", "PREV Vorheriger Artikel\nNEXT Nächster Artikel\n")
	symlink := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	symlink("..", "sub/up")
	symlink("self.txt", "self.txt")
	symlink("missing.txt", "dangling.txt")

	docs, warnings := load(t, dir, Options{MaxFileBytes: 1000})
	want := map[string]string{
		"report.pdf":           `skipped: unsupported file type ".pdf" (supported: .txt, .md, .markdown, .html, .htm)`,
		"big.txt":              "skipped: 2000 bytes is larger than the limit of 1000 bytes",
		"only-boilerplate.txt": "skipped: no text left after removing boilerplate",
		"sub/up":               "skipped folder: symlink loop (leads back to .)",
		"self.txt":             "skipped: symlink loop",
		"dangling.txt":         "skipped: broken symlink (no such file or directory)",
	}
	got := warningsByPath(warnings)
	for path, msg := range want {
		if len(got[path]) != 1 || got[path][0] != msg {
			t.Errorf("warnings for %s = %q, want [%q]", path, got[path], msg)
		}
	}
	if len(warnings) != len(want) {
		t.Errorf("warnings = %v", warnings)
	}
	if paths := byPath(docs); len(docs) != 2 || paths["good.txt"].Path == "" || paths["sub/deeper/good.md"].Path == "" {
		t.Errorf("documents = %v", docs)
	}
}

func TestLoadRefusesAMissingFolder(t *testing.T) {
	if _, _, err := Load(context.Background(), filepath.Join(t.TempDir(), "nope"), Options{}); err == nil {
		t.Fatal("want an error for a missing documents folder")
	}
}

// seedDir copies the seed corpus into a temporary folder with a fixed modification time, so
// that a document without any date gets a reproducible one.
func seedDir(t testing.TB) string {
	t.Helper()
	src := filepath.Join("..", "..", "seeds")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mtime := time.Date(2024, 12, 1, 12, 0, 0, 0, time.UTC)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, e.Name())
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadSeeds(t *testing.T) {
	docs, warnings := load(t, seedDir(t), Options{})
	if len(docs) != 5 || len(warnings) != 0 {
		t.Fatalf("got %d documents and warnings %v, want 5 and none", len(docs), warnings)
	}
	got := byPath(docs)
	want := []briefing.Document{
		{Path: "000_95af9f820ec7b694.txt", Title: "Südkorea, Japan und die NATO: gemeinsame Herausforderungen", Date: "2025-01-31", DateSource: "text"},
		{Path: "001_4df84658d943d9f6.txt", Title: "Am 23. Oktober 2024, während des ersten Gipfeltreffens der G7-Verteidigungsminister …", Publisher: "Stiftung für strategische Forschung"},
		{Path: "002_658c347594846680.txt", Title: "So eng kooperieren Russland und Nordkorea"},
		{Path: "003_bcefbab0b08f34dc.txt", Title: "Vor allem zwei internationale Krisen ziehen die Aufmerksamkeit des Westens auf sich: Der …"},
		{Path: "004_0e7700d99b7e3dd7.txt", Title: "Russland und Nordkorea schmieden eine neue Allianz", Author: "Ralf Havertz", Publisher: "KRAKOWSKIE STUDIA MIĘDZYNARODOWE KRAKOW INTERNATIONAL STUDIES"},
	}
	for _, w := range want {
		d := got[w.Path]
		if d.Title != w.Title || d.Date != w.Date || d.DateSource != w.DateSource || d.Publisher != w.Publisher || d.Author != w.Author || d.Language != "de" {
			t.Errorf("%s:\n got title=%q date=%q (%s) publisher=%q author=%q lang=%q\nwant title=%q date=%q (%s) publisher=%q author=%q lang=de",
				w.Path, d.Title, d.Date, d.DateSource, d.Publisher, d.Author, d.Language, w.Title, w.Date, w.DateSource, w.Publisher, w.Author)
		}
	}
	boilerplate := []string{"PREV ", "NEXT ", "Lesen Sie auch", "So arbeitet die Redaktion", "Journalism Trust", "Japan-Programm ::",
		"http://", "https://", "ISSN", "KRAKOWSKIE", "heruntergeladen werden", "Ibid."}
	for _, d := range docs {
		for i := range d.Sentences {
			s := d.SentenceText(i)
			for _, b := range boilerplate {
				if strings.Contains(s, b) {
					t.Errorf("%s: sentence %d is boilerplate (%q): %q", d.Path, i, b, s)
				}
			}
			if s == "-" || !hasLetter(s) {
				t.Errorf("%s: sentence %d has no words: %q", d.Path, i, s)
			}
		}
	}
	if refs := got["004_0e7700d99b7e3dd7.txt"].References; len(refs) < 12 {
		t.Errorf("004 has %d references, want the footnotes kept apart (≥ 12)", len(refs))
	}
	if d := got["000_95af9f820ec7b694.txt"]; d.SentenceText(1) != "31. Januar 2025" || !strings.HasPrefix(d.SentenceText(2), "Seoul und Tokio - ") {
		t.Errorf("000: the dateline is not its own unit: %q | %q", d.SentenceText(1), d.SentenceText(2))
	}
}

func BenchmarkLoadSeeds(b *testing.B) {
	dir := seedDir(b)
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fi, _ := e.Info()
		size += fi.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load(context.Background(), dir, Options{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestIsNavigation(t *testing.T) {
	for line, want := range map[string]bool{
		"PREV Ohne Versicherung für seine Gemeinde erlässt der Bürgermeister ein Dekret.": true,
		"NEXT Warum der Dollar gegenüber dem Euro an Wert gewinnt":                        true,
		"Lesen Sie auch: Xi trifft Biden nach diplomatischer Ewigkeit":                    true,
		"Mehr zum Thema » Sanktionen":                                                     true,
		"Read more: NATO in Asia":                                                         true,
		"Nächster Artikel":                                                                true,
		"Weiter hieß es, die Gespräche würden fortgesetzt.":                               false,
		"Next year the alliance will meet in Seoul.":                                      false,
		"Lesen Sie auch die Studie der Stiftung, die im Oktober erschien.":                false,
		"Mehr dazu sagte der Minister nicht.":                                             false,
	} {
		if got := isNavigation(line); got != want {
			t.Errorf("isNavigation(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestMetadataIsValidated(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"fr.md":       "---\nlanguage: fr\ndate: 2024-13-45\n---\n\n# Titel\n\nDie Sanktionen wirken, sagt der Bericht.\n",
		"number.md":   "---\ndate: 20240101\nlang: de-AT\n---\n\nDer Handel mit dem Norden wächst.\n",
		"empty.md":    "---\n---\n\nEin Text ohne Kopfdaten, aber mit einem Satz.\n",
		"capital.txt": "Café in Südkorea. Die Sanktionen wirken.\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, warnings := load(t, dir, Options{Language: "en"})
	got := byPath(docs)
	if d := got["fr.md"]; d.Language != "de" || d.Date == "2024-13-45" {
		t.Errorf("fr.md: language %q, date %q; want detected de and no impossible date", d.Language, d.Date)
	}
	if d := got["number.md"]; d.Date == "20240101" || d.Language != "de" {
		t.Errorf("number.md: date %q, language %q", d.Date, d.Language)
	}
	if d := got["capital.txt"]; d.Language != "de" {
		t.Errorf("capital.txt: language %q, want de (capitalised stop words count)", d.Language)
	}
	w := warningsByPath(warnings)
	if len(w["empty.md"]) != 0 || len(w["fr.md"]) != 1 || !strings.Contains(w["fr.md"][0], "is not a date") {
		t.Errorf("warnings = %v", w)
	}
}

// A document is dated by its metadata, dateline, address or file name, never by a date its
// text names for something else, nor by the file's modification time.
func TestDocumentDates(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// A deadline and an entry into force in the text: undated.
		"un-panel.txt": "Security Council fails to extend panel\n\nThe Security Council today failed to adopt a resolution that would have extended until 30 April 2025 the mandate of the Panel.\n\nThe measures enter into force on 1 May 2024.\n",
		// The same text with its address in front matter.
		"un-panel.md": "---\ntitle: Security Council fails to extend panel\nsource: https://press.un.org/en/2024/sc15648.doc.htm\n---\n\nThe Security Council today failed to adopt a resolution that would have extended until 30 April 2025 the mandate.\n",
		// A historical date only.
		"magna.txt": "The charter\n\nKing John sealed the charter on 15 June 1215 at Runnymede.\n",
		// A date in the file name.
		"2024-03-28_veto.txt": "Russia vetoes the renewal\n\nRussia vetoed the renewal of the panel, whose mandate ends on 30 April 2024.\n",
		// A dateline with a place.
		"dateline.txt": "Nordkorea liefert Granaten\n\nSeoul, 12. März 2024. Nordkorea hat nach Angaben aus Seoul bis Ende 2025 Granaten zugesagt.\n",
		// A standalone dateline within the first lines, after a kicker and a publisher line.
		"council.txt": "EU sanctions nine individuals\n\nCouncil of the EU\n\nPress release\n\n31 May 2024 13:00\n\nThe Council today sanctioned a further six individuals.\n",
		"nato.txt":    "Relations with partners\n\n  • Last updated: 11 Apr. 2023 11:02\n\nNATO is strengthening relations with its partners.\n",
		// "heute (…)" in the first lines, a date opening a header line, a printed paper's date.
		"aa.txt":         "Auswärtiges Amt zu einem Raketentest\n\nZu den Berichten über den Test am 26.06.2024 sagte ein Sprecher heute (28.06.2024): Wir verurteilen den Test.\n",
		"bt.txt":         "06.12.2024 | Deutscher Bundestag / 20. WP / Sitzung 204\n\nAndreas Larem - Nordkoreapolitik\n\nSehr geehrte Frau Präsidentin! Wir reden über Nordkorea.\n",
		"drucksache.txt": "Deutscher Bundestag Drucksache 19/23069 19. Wahlperiode 05.10.2020 Antwort der Bundesregierung auf die Kleine Anfrage. Der Handel wächst.\n",
		// "heute (31.05.)" with the year of the date the line names before it.
		"aa-short.txt": "Auswärtiges Amt zu Raketentests\n\nZu Berichten über die Testserie durch Nordkorea am 30.05.24 sagte ein Sprecher heute (31.05.): Wir verurteilen die Tests.\n",
		// A dateline in capitals above the title.
		"state.txt": "OCTOBER 31, 2024\n\nSecretary Blinken at a Joint Press Availability\n\nWell, good afternoon, everyone.\n",
		// The date in the title of a legal act, not the dates it cites.
		"act.txt": "Beschluss (GASP) 2024/1738 des Rates vom 24. Juni 2024 zur Änderung des Beschlusses 2014/145/GASP\n\nDer Rat hat am 17. März 2014 den Beschluss angenommen.\n",
		// Infobox lines date the subject, not the document.
		"infobox.txt": "Leon Draisaitl\n\nGeburtsdatum 27. Oktober 1995\n\nGeburtsort Köln\n\nDraisaitl spielt in der NHL.\n",
		"final.txt":   "UEFA Euro 2024 final\n\n- Date: 14 July 2024\n\n- City: Berlin\n\nSpain won the final.\n",
		// Front matter wins over everything else.
		"2023-01-01_fm.md": "---\ndate: 2024-06-19\n---\n\n# Vertrag\n\nDer Vertrag tritt am 4. Dezember 2024 in Kraft.\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, warnings, err := Load(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"un-panel.txt":        {"", ""},
		"un-panel.md":         {"2024", briefing.DateFromURL},
		"magna.txt":           {"", ""},
		"2024-03-28_veto.txt": {"2024-03-28", briefing.DateFromFileName},
		"dateline.txt":        {"2024-03-12", briefing.DateFromText},
		"2023-01-01_fm.md":    {"2024-06-19", briefing.DateFromFrontMatter},
		"council.txt":         {"2024-05-31", briefing.DateFromText},
		"nato.txt":            {"2023-04-11", briefing.DateFromText},
		"aa.txt":              {"2024-06-28", briefing.DateFromText},
		"bt.txt":              {"2024-12-06", briefing.DateFromText},
		"drucksache.txt":      {"2020-10-05", briefing.DateFromText},
		"act.txt":             {"2024-06-24", briefing.DateFromText},
		"state.txt":           {"2024-10-31", briefing.DateFromText},
		"aa-short.txt":        {"2024-05-31", briefing.DateFromText},
		"infobox.txt":         {"", ""},
		"final.txt":           {"", ""},
	}
	got := byPath(docs)
	for path, w := range want {
		if d := got[path]; d.Date != w[0] || d.DateSource != w[1] {
			t.Errorf("%s: date %q (%s), want %q (%s)", path, d.Date, d.DateSource, w[0], w[1])
		}
	}
	undated := map[string]int{}
	for _, w := range warnings {
		if strings.HasPrefix(w.Message, "undated:") {
			undated[w.Path]++
		}
	}
	if len(undated) != 4 || undated["un-panel.txt"] != 1 || undated["magna.txt"] != 1 || undated["infobox.txt"] != 1 || undated["final.txt"] != 1 {
		t.Errorf("undated warnings = %v, want one each for un-panel.txt, magna.txt, infobox.txt and final.txt", undated)
	}
}

func TestDateInName(t *testing.T) {
	for name, want := range map[string]string{
		"2024-03-28_veto.txt": "2024-03-28", "veto-20240328.txt": "2024-03-28", "report_2024_11.md": "2024-11",
		"bericht-2023.txt": "", "20241399.txt": "", "2024-02-30.txt": "", "id-120240328.txt": "",
		"https://www.everycrsreport.com/files/2024-10-30_IF12760_6bdaf.html": "2024-10-30",
	} {
		if got := dateInName(name); got != want {
			t.Errorf("dateInName(%q) = %q, want %q", name, got, want)
		}
	}
	if got := dateInAddress("https://press.un.org/en/2024/sc15648.doc.htm"); got != "2024" {
		t.Errorf("dateInAddress = %q", got)
	}
}
