package eval

import (
	"context"
	"os"
	"testing"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/config"
)

// The development corpus of real documents, scored as `make eval` does. The thresholds are
// the measured result (eval/RESULT.md) so that a change that makes the briefing less right
// fails; raise them when a change improves it.
func TestDevelopmentCorpus(t *testing.T) {
	raw, err := os.ReadFile("../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.FromYAML(raw)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := Run(context.Background(), cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", r.Table())
	if r.OnDocs < 30 || r.OffDocs < 42 {
		t.Errorf("corpus has %d on-topic and %d off-topic documents", r.OnDocs, r.OffDocs)
	}
	if r.OffFigures+r.OffStatements+r.OffEvents != 0 {
		t.Errorf("off-topic documents gave %d figures, %d statements, %d events; want none", r.OffFigures, r.OffStatements, r.OffEvents)
	}
	if r.DateAccuracy() < 0.76 {
		t.Errorf("document dates right %.1f %%, recorded 76.4 %%", 100*r.DateAccuracy())
	}
	if r.ClaimsRight < 3 || r.GoldFound < 1 {
		t.Errorf("right figures %d (recorded 3), annotated figures found %d (recorded 1)", r.ClaimsRight, r.GoldFound)
	}
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
