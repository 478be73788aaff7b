package eval

import (
	"slices"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/report"
)

// What the reader sees: the briefing built from the corpus, scored for relevance, coverage
// and recency.
type BriefingResult struct {
	// On-topic documents the relevance gate lets through, and off-topic ones it keeps out.
	OnUsed, OffLeftOut int
	// On-topic documents the briefing cites, of those it uses.
	Cited, Used int
	// Items of the briefing (key judgements, key figures, section statements and figures,
	// timeline rows) that cite an off-topic document.
	OffItems int
	// Whether a key judgement cites the newest document the briefing uses (by the date the
	// annotation says a reader can establish from it), and that document.
	NewestLeads bool
	Newest      string
}

// ScoreBriefing scores the briefing of the corpus against the annotation of its documents.
func ScoreBriefing(m *briefing.Model, b *report.Briefing, g Gold) BriefingResult {
	var r BriefingResult
	gold := map[string]GoldDoc{}
	for _, d := range g.Documents {
		gold[d.File] = d
	}
	path := map[string]string{}
	newest := ""
	for _, d := range m.Documents {
		path[d.ID] = d.Path
		gd, ok := gold[d.Path]
		switch {
		case !ok:
		case gd.OffTopic() && d.OffTopic:
			r.OffLeftOut++
		case !gd.OffTopic() && !d.OffTopic:
			r.OnUsed++
			r.Used++
			// The date a reader can establish from the document itself.
			if gd.Date > newest {
				newest, r.Newest = gd.Date, d.Path
			}
		}
	}
	byNumber := map[int]string{}
	for _, s := range b.Sources {
		byNumber[s.N] = path[s.DocID]
		if gd, ok := gold[path[s.DocID]]; ok && !gd.OffTopic() {
			r.Cited++
		}
	}
	offCited := func(cites []int) bool {
		return slices.ContainsFunc(cites, func(n int) bool { return gold[byNumber[n]].OffTopic() })
	}
	var all [][]int
	for _, it := range b.KeyJudgements {
		all = append(all, it.Cites)
		if slices.ContainsFunc(it.Cites, func(n int) bool { return byNumber[n] == r.Newest }) {
			r.NewestLeads = true
		}
	}
	for _, f := range b.KeyFigures {
		all = append(all, f.Cites)
	}
	for _, s := range b.Themes {
		for _, it := range s.Items {
			all = append(all, it.Cites)
		}
		for _, f := range s.Figures {
			all = append(all, f.Cites)
		}
	}
	for _, e := range b.Timeline {
		all = append(all, e.Cites)
	}
	for _, c := range all {
		if offCited(c) {
			r.OffItems++
		}
	}
	return r
}
