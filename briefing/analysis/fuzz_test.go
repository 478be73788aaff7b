package analysis_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/analysis"
	"github.com/secbrief/briefing/briefing/segment"
)

// FuzzFigures runs the whole analysis on one document and checks what it says of its figures:
// every source is a sentence of the document, the figure's words are in it, from and to are
// among its entities, its modality is one of the known, its period is in order. The seeds
// include a document with a long run of text without spaces and one with many numbers.
func FuzzFigures(f *testing.F) {
	for _, c := range figureCases {
		f.Add(c.text)
	}
	f.Add("Nordkorea " + strings.Repeat("Soldatenlieferungsvertragshandel", 200) + " schickte 3.000 Soldaten nach Russland.")
	var many strings.Builder
	for i := range 400 {
		many.WriteString("Nordkorea lieferte ")
		many.WriteString(strings.Repeat("1", 1+i%7))
		many.WriteString(" Granaten und 2,5 Mrd. US-Dollar seit März 2024 an Russland. ")
	}
	f.Add(many.String())
	opt := analysis.Options{}
	f.Fuzz(func(t *testing.T, text string) {
		if opt.Measures == nil {
			opt = options(t)
		}
		doc := briefing.Document{ID: "d", Path: "d.txt", Language: "de", Date: "2024-11-04", Text: text}
		for _, s := range segment.Sentences(text) {
			doc.Sentences = append(doc.Sentences, briefing.Sentence{Start: s.Start, End: s.End, Heading: s.Heading})
		}
		start := time.Now()
		m, err := analysis.Analyze(context.Background(), []briefing.Document{doc}, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		// Under make fuzz, quadratic work shows up as a slow input.
		if os.Getenv("BRIEFING_FUZZ_TIMING") != "" {
			if took, allowed := time.Since(start), 2*time.Second+time.Duration(len(text))*50*time.Microsecond; took > allowed {
				t.Fatalf("%d bytes took %v (allowed %v)", len(text), took, allowed)
			}
		}
		modalities := []string{briefing.ModalityReported, briefing.ModalityEstimate, briefing.ModalityTarget,
			briefing.ModalityHypothetical, briefing.ModalityNegated, briefing.ModalityHistorical}
		for _, fg := range m.Figures {
			for _, s := range fg.Sources {
				if s.Doc != "d" || s.Start < 0 || s.End > len(text) || s.Start >= s.End {
					t.Fatalf("source %+v out of the document (len %d)", s, len(text))
				}
			}
			if !strings.Contains(fg.Text, fg.Words) {
				t.Fatalf("words %q are not in the sentence %q", fg.Words, fg.Text)
			}
			for _, e := range []string{fg.From, fg.To} {
				if e != "" && !slices.Contains(fg.Entities, e) {
					t.Fatalf("direction %s→%s outside the entities %v", fg.From, fg.To, fg.Entities)
				}
			}
			if fg.From != "" && fg.From == fg.To {
				t.Fatalf("%s gives to itself", fg.From)
			}
			if !slices.Contains(modalities, fg.Modality) {
				t.Fatalf("modality %q", fg.Modality)
			}
			if p := fg.Period; p != nil && p.To != "" && p.To < p.From[:min(len(p.From), len(p.To))] {
				t.Fatalf("period %s–%s ends before it begins", p.From, p.To)
			}
		}
	})
}
