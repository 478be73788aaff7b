package report

import (
	"sort"

	"github.com/secbrief/briefing/briefing"
)

// A sentence appears once in the briefing, in its best place: the key judgements first, then
// the first theme section that ranks it. A later place that would repeat it refers to the
// first instead. A sentence counts as shown when any of the spans it is quoted from overlaps
// a span already shown (a statement quoted with the sentence before it shows both).

// placed remembers where the spans of the briefing are shown, indexed by document: a
// statement of thousands of reposts is looked up by its documents, not against every span.
type placed struct {
	byDoc map[string][]shownSpan // in the order they were shown
}

type shownSpan struct {
	start, end int
	place      string
}

// where returns the place of the first shown span that one of sources overlaps, or "".
func (p *placed) where(sources []briefing.Source) string {
	for _, s := range sources {
		for _, sp := range p.byDoc[s.Doc] {
			if s.Start < sp.end && sp.start < s.End {
				return sp.place
			}
		}
	}
	return ""
}

// add records sources as shown at place.
func (p *placed) add(sources []briefing.Source, place string) {
	if p.byDoc == nil {
		p.byDoc = map[string][]shownSpan{}
	}
	for _, s := range sources {
		p.byDoc[s.Doc] = append(p.byDoc[s.Doc], shownSpan{s.Start, s.End, place})
	}
}

// item is a quoted statement with its citations, marked with its language when that is not
// the briefing's: the briefing quotes, it never translates.
func (bd *builder) item(text string, sources []briefing.Source) Item {
	it := Item{Text: text}
	it.Cites, it.More = bd.cite(sources)
	if len(sources) > 0 {
		if d := bd.docs[sources[0].Doc]; d != nil && d.Language != "" && d.Language != bd.o.Lang {
			it.Note = bd.text("item.lang", map[string]any{"Lang": d.Language})
		}
	}
	return it
}

// newest returns the date of the newest document among sources, "" when none is dated.
func (bd *builder) newest(sources []briefing.Source) string {
	date := ""
	for _, s := range sources {
		if d := bd.docs[s.Doc]; d != nil && d.Date > date {
			date = d.Date
		}
	}
	return date
}

// newestFirst returns the order of items by the date of their newest source, newest first;
// undated items keep their ranked order after the dated ones. What is new leads.
func newestFirst(dates []string) []int {
	order := make([]int, len(dates))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return dates[order[a]] > dates[order[b]] })
	return order
}

// reorder returns items in the given order.
func reorder[T any](items []T, order []int) []T {
	out := make([]T, len(order))
	for i, k := range order {
		out[i] = items[k]
	}
	return out
}
