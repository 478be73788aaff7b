package pdf_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/charts/series"
	"github.com/secbrief/briefing/internal/testtool"
	"github.com/secbrief/briefing/pdf"
	"github.com/secbrief/briefing/report"
)

var update = flag.Bool("update", false, "rewrite testdata/plan.txt")

// plan is a fixed content plan: every kind of item the renderer draws, with umlauts, quotes,
// a note, a chart, a table, a timeline, sources that citations link to and an appendix.
func plan() *report.Briefing {
	labels := map[string]string{
		"toc.title": "Inhalt", "keyjudgements.title": "Kernaussagen", "keyjudgements.intro": "Die wichtigsten Aussagen.",
		"keyfigures.title": "Schlüsselzahlen", "keyfigures.subject": "Gegenstand", "keyfigures.value": "Angabe",
		"keyfigures.period": "Zeitraum", "keyfigures.source": "Quelle", "charts.title": "Grafiken",
		"themes.title": "Lage nach Themen", "theme.figures": "Zahlen", "timeline.title": "Chronologie",
		"timeline.intro": "Die jüngsten Ereignisse.", "sources.title": "Quellen", "appendix.title": "Anhang",
		"appendix.warnings": "Hinweise beim Einlesen", "appendix.nowarnings": "Keine Hinweise.",
		"appendix.method.title": "Methode", "header": "Lagebild Test", "footer": "Seite {page} von {nb}",
		"news.title": "Neu", "news.documents": "Dokumente", "news.figures": "Zahlen", "news.events": "Ereignisse", "news.none": "Nichts.",
	}
	bar := func(label string, v float64) series.Bar {
		return series.Bar{Label: label, Value: v, Years: 1, Figure: briefing.Figure{Value: v, Unit: "USD", Sources: []briefing.Source{{Doc: "a"}}}}
	}
	return &report.Briefing{
		Lang: "de", Title: "Lagebild Test", Subtitle: "Ein fester Plan", Marking: "VS – NUR FÜR DEN DIENSTGEBRAUCH",
		Edition: "Ausgabe vom 24. November 2026, 07:00 Uhr", Summary: "Auswertung von 2 Dokumenten.", Labels: labels,
		KeyJudgements: []report.Item{{Text: "Nordkorea hat „3.000 Soldaten“ nach Russland geschickt.", Cites: []int{1}},
			{Text: "North Korea launched an ICBM.", Cites: []int{2}, Note: "(engl.)"}},
		KeyFigures: []report.FigureRow{{Subject: "Soldaten Nordkorea → Russland", Value: "3.000 Soldaten", Period: "Oktober 2024", Cites: []int{1}},
			{Subject: "Granaten Nordkorea → Russland", Value: "fast 3 Mio. Granaten", Cites: []int{1, 2}, More: "und 8.303 weitere"}},
		Charts: []report.Chart{{ID: "trade", Title: "Handelsvolumen", Caption: "Abbildung 1: Handelsvolumen.", Cites: []int{1},
			Series: series.Series{Unit: "USD", Bars: []series.Bar{bar("2023", 34.4e6), bar("2024", 52.9e6)}},
			Rows:   []report.ChartRow{{Period: "2023", Value: "34,4 Mio. US-Dollar", Cites: []int{1}}, {Period: "2024", Value: "52,9 Mio. US-Dollar", Cites: []int{1}}}},
			{ID: "missing", Title: "Rüstungsexporte", Note: "Für die Grafik „Rüstungsexporte“ fehlen Zahlen; sie entfällt."}},
		Themes: []report.Section{{ID: "alliance", Title: "Bündnis", Items: []report.Item{{Text: "Der Vertrag enthält eine Beistandsklausel.", Cites: []int{1}}},
			Figures: []report.FigureRow{{Subject: "Treffen", Value: "„24 Treffen“", Cites: []int{1}}}},
			{ID: "sanctions", Title: "Sanktionen", Note: "Die Quellen enthalten zu diesem Thema keine einschlägigen Aussagen."}},
		Timeline:    []report.Dated{{Date: "30.10.2024", Item: report.Item{Text: "Nordkorea testete eine Interkontinentalrakete.", Cites: []int{1, 2}, More: "und 8.303 weitere"}}},
		Sources:     []report.Source{{N: 1, DocID: "a", Text: "Quelle A. 31.01.2025. Datei: a.txt"}, {N: 2, DocID: "b", Text: "Source B. Undatiert. Datei: b.txt"}},
		SourcesNote: "Weitere 8.303 ausgewertete Dokumente sind hier nicht einzeln aufgeführt; das Analysemodell (briefing analyze) nennt alle.",
		Files:       report.Files{Summary: "2 Dateien eingelesen: 2 verwendet.", Entries: []report.FileEntry{{Message: "undated: no date", Paths: []string{"b.txt"}}}},
		Method:      "Dieses Lagebild wurde automatisch erstellt.",
	}
}

func render(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Render(&buf, plan(), pdf.Options{Paper: "A4", Orientation: "portrait", Created: time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The renderer on its own: a fixed plan gives the golden text, a table of contents, the
// marking on every page, embedded fonts and citations that link to the sources.
func TestAFixedPlanRenders(t *testing.T) {
	path := render(t)
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	golden := filepath.Join("testdata", "plan.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pdf -args -update)", err)
	}
	if text != string(want) {
		t.Errorf("the text differs from %s; run go test ./pdf -args -update and review the diff", golden)
	}
	info := testtool.Run(t, "pdfinfo", path)
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if pages == nil || pages[1] == "1" {
		t.Errorf("pdfinfo: %s", info)
	}
	if n := strings.Count(text, "VS – NUR FÜR DEN DIENSTGEBRAUCH"); n < 2 {
		t.Errorf("the marking is on %d pages", n)
	}
	for _, line := range strings.Split(testtool.Run(t, "pdffonts", path), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 4 && !strings.Contains(line, " yes ") {
			t.Errorf("font not embedded: %s", line)
		}
	}
	// Citations are links inside the document (pdftohtml lists them per page in -xml).
	if !strings.Contains(testtool.Run(t, "pdftohtml", "-xml", "-stdout", "-i", path), "<a href=") {
		t.Error("no citation links")
	}
}
