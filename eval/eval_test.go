package eval

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/config"
)

// The development corpus of real documents, scored as `make eval` does. The result must be
// at least as good as the one recorded in RESULT.md, so that a change that makes the briefing
// less right fails; `make eval` records a better one.
func TestDevelopmentCorpus(t *testing.T) {
	cfg, err := config.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := Run(context.Background(), cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	recorded, err := os.ReadFile("RESULT.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r.Table())
	if r.OnDocs < 71 || r.OffDocs < 42 {
		t.Errorf("corpus has %d on-topic and %d off-topic documents", r.OnDocs, r.OffDocs)
	}
	if r.Briefing.OffItems != 0 {
		t.Errorf("%d items of the briefing cite off-topic documents; want none", r.Briefing.OffItems)
	}
	if !r.Briefing.NewestLeads {
		t.Errorf("no key judgement cites the newest document, %s", r.Briefing.Newest)
	}
	if r.OffFigures+r.OffStatements+r.OffEvents != 0 {
		t.Errorf("off-topic documents gave %d figures, %d statements, %d events; want none", r.OffFigures, r.OffStatements, r.OffEvents)
	}
	for _, c := range []struct {
		row      string
		got, all int
	}{
		{"figure precision", r.ClaimsRight, r.Claims},
		{"figure recall", r.GoldFound, r.Gold},
		{"document dates right", r.DatedRight, r.Dated},
		{"event dates right", r.EventsRight, r.Events},
		{"on-topic documents the briefing uses that it cites", r.Briefing.Cited, r.Briefing.Used},
	} {
		right, all, ok := recordedCount(string(recorded), c.row)
		if !ok && c.row == "event dates right" && r.GoldEvents == 0 {
			continue
		}
		if !ok {
			t.Errorf("RESULT.md has no row %q", c.row)
			continue
		}
		if c.got*all < right*c.all || c.got < right {
			t.Errorf("%s: %d of %d, recorded %d of %d", c.row, c.got, c.all, right, all)
		}
	}
}

// recordedCount reads "(3 of 24)" from the row of RESULT.md that starts with name.
func recordedCount(result, name string) (int, int, bool) {
	for _, line := range strings.Split(result, "\n") {
		if !strings.HasPrefix(line, "| "+name) {
			continue
		}
		open := strings.LastIndex(line, "(")
		var right, all int
		if _, err := fmt.Sscanf(line[open:], "(%d of %d)", &right, &all); err == nil {
			return right, all, true
		}
	}
	return 0, 0, false
}

// Score counts a figure right only when every field agrees, and a claim that names fewer
// entities than the annotation as right but incomplete.
func TestScore(t *testing.T) {
	doc := briefing.Document{ID: "d1", Path: "x.txt", Date: "2024-10-30",
		Text: "North Korea sent 10,000 troops to Russia. Trade reached $34.4 mln in 2023."}
	src := func(a, b int) []briefing.Source { return []briefing.Source{{Doc: "d1", Start: a, End: b}} }
	m := &briefing.Model{Documents: []briefing.Document{doc}, Figures: []briefing.Figure{
		{Value: 10000, Unit: "Soldaten", Measure: "troops", Entities: []string{"Nordkorea", "Russland"}, From: "Nordkorea", To: "Russland", Modality: "reported", Sources: src(0, 41)},
		{Value: 34.4, Unit: "USD", Measure: "trade_volume", Period: &briefing.Period{From: "2023", To: "2023"}, Sources: src(42, 74)},
	}}
	g := Gold{Documents: []GoldDoc{{File: "x.txt", Topic: "on", Date: "2024-10-30", Figures: []GoldFigure{
		{Quote: "10,000 troops", Measure: "troops", Value: 10000, Unit: "persons", Entities: []string{"North Korea", "Russia"}, From: "North Korea", To: "Russia", Modality: "reported"},
		{Quote: "$34.4 mln", Measure: "trade_volume", Value: 34.4e6, Unit: "USD", Period: "2023"},
	}}}}
	ents := Entities{"nordkorea": "nk", "north korea": "nk", "russland": "ru", "russia": "ru"}
	r := Score(m, g, ents)
	if r.Claims != 2 || r.ClaimsRight != 1 || r.Gold != 2 || r.GoldFound != 1 || r.DatedRight != 1 {
		t.Errorf("claims %d right %d, gold %d found %d, dates %d; want 2 1 2 1 1\n%s", r.Claims, r.ClaimsRight, r.Gold, r.GoldFound, r.DatedRight, r.Details())
	}
	if r.Failures["not a figure of its measure"] != 1 {
		t.Errorf("failures = %v: the $34.4 mln read as 34.4 is not the annotated figure", r.Failures)
	}
}

// An annotated event is right when the program's event of its sentence has its date; an
// event of the program that no annotation names is counted apart.
func TestScoreEvents(t *testing.T) {
	doc := briefing.Document{ID: "d1", Path: "x.txt", Date: "2024-03-29",
		Text: "Russia vetoed the renewal on 28 March 2024. The mandate ends on 30 April 2024. Resolution 2270 (2016) applies."}
	src := func(a, b int) []briefing.Source { return []briefing.Source{{Doc: "d1", Start: a, End: b}} }
	m := &briefing.Model{Documents: []briefing.Document{doc}, Events: []briefing.Event{
		{Date: "2024-03-28", Sources: src(0, 43)},
		{Date: "2024-03", Sources: src(44, 78)},
		{Date: "2016", Sources: src(79, 110)},
	}}
	g := Gold{Documents: []GoldDoc{{File: "x.txt", Topic: "on", Date: "2024-03-29", eventsAnnotated: true, Events: []GoldEvent{
		{Quote: "vetoed the renewal on 28 March 2024", Date: "2024-03-28"},
		{Quote: "The mandate ends on 30 April 2024", Date: "2024-04-30"},
	}}}}
	r := Score(m, g, Entities{})
	if r.GoldEvents != 2 || r.Events != 2 || r.EventsRight != 1 || r.ExtraEvents != 1 {
		t.Errorf("events annotated %d, found %d, right %d, extra %d; want 2 2 1 1\n%s", r.GoldEvents, r.Events, r.EventsRight, r.ExtraEvents, r.Details())
	}
}
