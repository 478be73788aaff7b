package analysis_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
)

// A statement stands alone: a sentence that opens with a reference to the sentence before is
// quoted with it, or not chosen when there is nothing to quote it with. The patterns are
// those the seeds and the development corpus show ("Diese Truppenentsendung …", "Darüber
// hinaus schwächt es …", "Zunächst schickte es …", "Ihrer Analyse zufolge …", "It also …").
func TestStatementsStandAlone(t *testing.T) {
	pairs := []struct{ before, after string }{
		{"Nordkorea hat nach Angaben Seouls Tausende Soldaten nach Russland entsandt.",
			"Diese Truppenentsendung vertieft das Bündnis zwischen Russland und Nordkorea weiter."},
		{"Russland legte im Sicherheitsrat ein Veto gegen das Expertengremium zu Nordkorea ein.",
			"Darüber hinaus schwächt es die Sanktionen gegen Nordkorea erheblich."},
		{"Pjöngjang begann Ende 2022 mit Waffenlieferungen an Russland für den Krieg.",
			"Zunächst schickte es Artilleriegeschosse nach Russland, dann ballistische Raketen."},
		{"Eine Studie untersuchte die Waffenlieferungen Nordkoreas an Russland seit 2023.",
			"Ihrer Analyse zufolge erreichen die Waffenlieferungen Nordkoreas an Russland Milliarden."},
		{"North Korea shipped artillery shells to Russia for its war against Ukraine.",
			"It also sent ballistic missiles to Russia under the new alliance treaty."},
	}
	var b strings.Builder
	b.WriteString("Nordkorea und Russland\n\n")
	for _, p := range pairs {
		b.WriteString(p.before + " " + p.after + "\n\n")
	}
	// At the start of a paragraph a reference has nothing to be quoted with.
	orphan := "Außerdem liefert es Raketen an Russland und verstößt gegen die Sanktionen gegen Nordkorea."
	b.WriteString(orphan + "\n\n")
	// An expletive "es" and a time "in diesem Jahr" refer to nothing.
	alone := "Es gibt neue Sanktionen gegen Nordkorea wegen der Waffenlieferungen an Russland."
	b.WriteString(alone + "\n")
	dir := writeDocs(t, map[string]string{"2024-11-01_refs.txt": b.String()})
	m := analyze(t, loadDocs(t, dir))
	statements := map[string]bool{}
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			statements[st.Text] = true
		}
	}
	quoted := 0
	for _, p := range pairs {
		if statements[p.after] {
			t.Errorf("%q is a statement without the sentence it refers to", p.after)
		}
		if statements[p.before+" "+p.after] {
			quoted++
		}
	}
	// A theme keeps a sentence once: when the sentence before is a statement of its own, the
	// pair is not chosen again. Most pairs are.
	if quoted < 3 {
		t.Errorf("only %d of %d references are quoted with the sentence before them", quoted, len(pairs))
	}
	for text := range statements {
		if strings.Contains(text, orphan) {
			t.Errorf("%q is a statement, though it refers to nothing before it", text)
		}
	}
	if !statements[alone] {
		t.Errorf("%q does not stand alone", alone)
	}
}

// The same fact reported in German and in English (the same day, the same actors, the same
// theme) is one statement and one event citing both; a sentence of that day about other
// actors is not.
func TestTheSameFactInTwoLanguagesIsOneItem(t *testing.T) {
	dir := writeDocs(t, map[string]string{
		"2024-11-01_de.txt": "Nordkorea testet Rakete\n\nAm 31. Oktober 2024 startete Nordkorea eine ballistische Interkontinentalrakete vom Typ Hwasong-19.\n\n" +
			"Am 31. Oktober 2024 verurteilte Japan den Start einer ballistischen Rakete durch Nordkorea scharf.\n",
		"2024-11-02_en.txt": "North Korea tests missile\n\nOn 31 October 2024, North Korea launched a Hwasong-19 intercontinental ballistic missile.\n",
	})
	m := analyze(t, loadDocs(t, dir))
	docs := map[string]string{}
	for _, d := range m.Documents {
		docs[d.ID] = d.Language
	}
	langs := func(sources []briefing.Source) string {
		var out []string
		for _, s := range sources {
			out = append(out, docs[s.Doc])
		}
		slices.Sort(out)
		return strings.Join(out, "+")
	}
	merged := false
	for _, e := range m.Events {
		if e.Date != "2024-10-31" {
			continue
		}
		switch {
		case strings.Contains(e.Text, "Japan"):
			if langs(e.Sources) != "de" {
				t.Errorf("Japan's condemnation cites %s", langs(e.Sources))
			}
		default:
			merged = merged || langs(e.Sources) == "de+en"
		}
	}
	if !merged {
		t.Errorf("the launch in German and in English are not one event: %+v", m.Events)
	}
}

// "In diesem Jahr" is a time of the document, not a reference: such a sentence stands alone
// (a second list of openers marked it, against the rule for demonstratives).
func TestInDiesemJahrStandsAlone(t *testing.T) {
	text := "Nordkorea und Russland\n\nRussland verhängte neue Sanktionen gegen Nordkorea wegen der Waffenlieferungen. In diesem Jahr lieferte Nordkorea Russland Granaten und Raketen für den Krieg.\n"
	m := analyze(t, loadDocs(t, writeDocs(t, map[string]string{"2024-11-01_time.txt": text})))
	want := "In diesem Jahr lieferte Nordkorea Russland Granaten und Raketen für den Krieg."
	for _, th := range m.Themes {
		for _, st := range th.Statements {
			if strings.HasSuffix(st.Text, want) && st.Text != want {
				t.Errorf("quoted with the sentence before it: %q", st.Text)
			}
		}
	}
}
