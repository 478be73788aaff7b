package report

import (
	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/numfmt"
)

// newsLimit bounds each list of the section on what is new.
const newsLimit = 5

// news compares the model with the previous edition's: documents that were not in it, figures
// of configured measures whose subject, value or period is new, and events that are new.
func (bd *builder) news() {
	prev := bd.o.Previous
	if prev == nil {
		return
	}
	n := &News{}
	if !bd.o.PreviousDate.IsZero() {
		n.Intro = bd.text("news.intro", map[string]any{"Date": editionDate(bd.o.PreviousDate, bd.o.Lang)})
	}
	had := map[string]bool{}
	for _, d := range prev.Documents {
		had[d.ID] = true
	}
	for _, d := range bd.m.Documents {
		if !had[d.ID] && !d.OffTopic && len(n.Documents) < newsLimit {
			text := bd.text("news.document", map[string]any{"Title": d.Title, "Date": numfmt.Date(d.Date, bd.o.Lang)})
			it := Item{Text: text}
			it.Cites, it.More = bd.cite(firstSentence(d))
			n.Documents = append(n.Documents, it)
		}
	}
	known := map[string]bool{}
	for _, f := range prev.Figures {
		known[figureKey(f, bd.o.Lang)] = true
	}
	for _, f := range bd.m.Figures {
		if f.Measure != "" && !known[figureKey(f, bd.o.Lang)] && len(n.Figures) < newsLimit {
			n.Figures = append(n.Figures, bd.figureRow(f))
		}
	}
	seen := map[string]bool{}
	for _, e := range prev.Events {
		seen[e.Date+"\x00"+e.Text] = true
	}
	for i := len(bd.m.Events) - 1; i >= 0 && len(n.Events) < newsLimit; i-- {
		if e := bd.m.Events[i]; !seen[e.Date+"\x00"+e.Text] {
			n.Events = append([]Dated{{Date: numfmt.Date(e.Date, bd.o.Lang), Item: bd.item(e.Text, e.Sources)}}, n.Events...)
		}
	}
	bd.b.News = n
}

func figureKey(f briefing.Figure, lang string) string {
	return f.Subject + "\x00" + numfmt.Figure(f, lang) + "\x00" + numfmt.Period(f.Period, lang)
}

// firstSentence cites a document as a whole by its first sentence.
func firstSentence(d briefing.Document) []briefing.Source {
	if len(d.Sentences) == 0 {
		return []briefing.Source{{Doc: d.ID}}
	}
	return []briefing.Source{{Doc: d.ID, Start: d.Sentences[0].Start, End: d.Sentences[0].End}}
}
