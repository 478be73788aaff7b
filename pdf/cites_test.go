package pdf

import (
	"testing"

	"github.com/secbrief/briefing/report"
)

// In a table cell the source numbers link to their sources; the words of the count of further
// sources link nowhere, even when the count is a number that is also a source's ("und 2
// weitere" beside source [2]).
func TestCellCitationsLinkOnlySourceNumbers(t *testing.T) {
	d, err := newDoc(&report.Briefing{Lang: "de", Labels: map[string]string{}}, Options{Paper: "A4", Orientation: "portrait"})
	if err != nil {
		t.Fatal(err)
	}
	d.font("", 8.5)
	var got []citeWord
	for _, line := range d.citeLines(cited{n: []int{1, 2}, more: "und 2 weitere"}, 20) {
		got = append(got, line...)
	}
	want := []citeWord{{"[1,", 1}, {"2", 2}, {"und", 0}, {"2", 0}, {"weitere]", 0}}
	if len(got) != len(want) {
		t.Fatalf("words %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
