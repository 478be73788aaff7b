package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/charts/series"
	"github.com/secbrief/briefing/numfmt"
)

// labels are the templates without data that the renderer prints as they are.
var labels = []string{"news.title", "news.documents", "news.figures", "news.events", "news.none", "toc.title", "keyjudgements.title", "keyjudgements.intro", "keyfigures.title",
	"keyfigures.subject", "keyfigures.value", "keyfigures.period", "keyfigures.source", "charts.title",
	"themes.title", "theme.figures", "timeline.title", "timeline.intro", "sources.title",
	"appendix.title", "appendix.warnings", "appendix.nowarnings", "appendix.method.title"}

// Placeholders in the footer that the renderer replaces on every page.
const (
	PagePlaceholder  = "{page}"
	PagesPlaceholder = "{nb}"
)

// builder assembles a briefing and keeps the first template error.
type builder struct {
	m     *briefing.Model
	w     *Wording
	o     Options
	b     *Briefing
	docs  map[string]*briefing.Document
	nums  map[string]int // document id -> source number
	shown placed         // where each quoted span is shown
	errs  []error
}

// Build decides the content of the briefing from the analysis model.
func Build(m *briefing.Model, w *Wording, o Options) (*Briefing, error) {
	bd := &builder{m: m, w: w, o: o, docs: map[string]*briefing.Document{}, nums: map[string]int{},
		b: &Briefing{Lang: o.Lang, Title: o.Title, Subtitle: o.Subtitle, Marking: o.Marking, Labels: map[string]string{}}}
	for i := range m.Documents {
		bd.docs[m.Documents[i].ID] = &m.Documents[i]
	}
	b := bd.b
	for _, name := range labels {
		b.Labels[name] = bd.text(name, nil)
	}
	b.Labels["header"] = bd.text("header", map[string]any{"Title": o.Title, "Marking": o.Marking})
	b.Labels["footer"] = bd.text("footer", map[string]any{"Page": PagePlaceholder, "Pages": PagesPlaceholder})
	b.Edition = bd.text("cover.edition", map[string]any{"Date": editionDate(o.Edition, o.Lang)})
	from, to := bd.dateRange()
	used, undated := 0, 0
	for _, d := range m.Documents {
		switch {
		case d.OffTopic:
		case d.Date == "":
			used++
			undated++
		default:
			used++
		}
	}
	b.Summary = bd.text("cover.summary", map[string]any{"Documents": used, "From": from, "To": to, "Undated": undated,
		"OffTopic": len(m.Documents) - used, "Background": len(m.Files.Background)})
	bd.keyJudgements()
	bd.news()
	bd.keyFigures()
	bd.charts()
	bd.sections()
	bd.timeline()
	bd.sources(used)
	b.Warnings = append(slices.Clone(m.Warnings), bd.futureDates()...)
	bd.files(b.Warnings)
	b.Method = bd.text("appendix.method", map[string]any{"Documents": used})
	if err := errors.Join(bd.errs...); err != nil {
		return nil, err
	}
	return b, nil
}

func (bd *builder) text(name string, data any) string {
	s, err := bd.w.Text(name, data)
	if err != nil {
		bd.errs = append(bd.errs, err)
	}
	return s
}

// cite numbers the documents of sources in the order they are first cited and returns the
// numbers an item shows, with the wording of how many more documents state it. At most
// MaxCites are shown: one new document, then those the briefing already cites, so that a
// statement of thousands of reposts does not make the list of sources as long as the corpus
// while each item can still bring a source of its own.
func (bd *builder) cite(sources []briefing.Source) ([]int, string) {
	seen := make(map[string]bool, len(sources))
	var docs []string
	for _, s := range sources {
		if !seen[s.Doc] {
			seen[s.Doc] = true
			docs = append(docs, s.Doc)
		}
	}
	limit := len(docs)
	if bd.o.MaxCites > 0 {
		limit = min(limit, bd.o.MaxCites)
	}
	out := make([]int, 0, limit)
	number := func(id string) {
		n, ok := bd.nums[id]
		if !ok {
			n = len(bd.nums) + 1
			bd.nums[id] = n
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	// One document the briefing does not cite yet comes first, so that every item can bring
	// a source to the list; then those already cited; then other new ones.
	for _, id := range docs {
		if _, ok := bd.nums[id]; !ok && len(out) < limit {
			number(id)
			break
		}
	}
	for _, id := range docs {
		if _, ok := bd.nums[id]; ok && len(out) < limit {
			number(id)
		}
	}
	for _, id := range docs {
		if _, ok := bd.nums[id]; !ok && len(out) < limit {
			number(id)
		}
	}
	sort.Ints(out)
	more := ""
	if rest := len(docs) - len(out); rest > 0 {
		more = bd.text("cites.more", map[string]any{"N": numfmt.Number(float64(rest), bd.o.Lang)})
	}
	return out, more
}

// futureDates warns about documents dated after the edition: a wrong date in the source or
// its metadata, or a clock that is wrong.
func (bd *builder) futureDates() []briefing.Warning {
	if bd.o.Edition.IsZero() {
		return nil
	}
	edition := bd.o.Edition.Format(time.DateOnly)
	var out []briefing.Warning
	for _, d := range bd.m.Documents {
		if d.Date != "" && len(d.Date) <= len(edition) && d.Date > edition[:len(d.Date)] {
			out = append(out, briefing.Warning{Path: d.Path, Message: bd.text("warning.future", map[string]any{
				"Date": numfmt.Date(d.Date, bd.o.Lang), "Edition": numfmt.Date(edition, bd.o.Lang)})})
		}
	}
	return out
}

// dateRange returns the earliest and latest document date, as readers read them. A file's
// modification time says nothing about its text and does not count.
func (bd *builder) dateRange() (string, string) {
	var from, to string
	for _, d := range bd.m.Documents {
		if d.Date == "" || d.DateSource == briefing.DateFromModTime || d.OffTopic {
			continue
		}
		if from == "" || d.Date < from {
			from = d.Date
		}
		if d.Date > to {
			to = d.Date
		}
	}
	return numfmt.Date(from, bd.o.Lang), numfmt.Date(to, bd.o.Lang)
}

// keyJudgements takes the best statement of each theme, in the configured order of themes,
// and shows the newest first.
func (bd *builder) keyJudgements() {
	var picked []briefing.Statement
	var taken placed // what is picked so far, so that no statement is picked twice
	// The newest development leads: the best statement of the newest dated document takes
	// the place of its theme's.
	lead, leadTheme := bd.newestDevelopment()
	if lead != nil && bd.o.KeyJudgements > 0 {
		taken.add(lead.Sources, "key")
		picked = append(picked, *lead)
	}
	corpusNewest := bd.corpusNewest()
	for ti, th := range bd.m.Themes {
		if len(picked) == bd.o.KeyJudgements {
			break
		}
		if ti == leadTheme {
			continue
		}
		// The best statement that is news; history only when the theme has nothing else.
		pick := -1
		for i, st := range th.Statements {
			if taken.where(st.Sources) != "" {
				continue
			}
			if !background(st, cmp.Or(bd.newest(st.Sources), corpusNewest)) {
				pick = i
				break
			}
			if pick < 0 {
				pick = i
			}
		}
		if pick >= 0 {
			taken.add(th.Statements[pick].Sources, "key")
			picked = append(picked, th.Statements[pick])
		}
	}
	// Citations are numbered in the order of picking; the judgements are shown newest first.
	items := make([]Item, len(picked))
	dates := make([]string, len(picked))
	for i, st := range picked {
		items[i], dates[i] = bd.item(st.Text, st.Sources), bd.newest(st.Sources)
	}
	order := newestFirst(dates)
	for n, k := range order {
		bd.shown.add(picked[k].Sources, bd.text("place.keyjudgement", map[string]any{"N": n + 1}))
	}
	bd.b.KeyJudgements = reorder(items, order)
}

// newestDevelopment returns the statement with the highest score among those of the newest
// dated document any statement cites, and the index of its theme; nil when no statement
// cites a dated document.
func (bd *builder) newestDevelopment() (*briefing.Statement, int) {
	newest := ""
	for _, th := range bd.m.Themes {
		for _, st := range th.Statements {
			newest = max(newest, bd.newest(st.Sources))
		}
	}
	if newest == "" {
		return nil, -1
	}
	var best *briefing.Statement
	theme := -1
	for ti, th := range bd.m.Themes {
		for i, st := range th.Statements {
			if bd.newest(st.Sources) == newest && !background(st, newest) && (best == nil || st.Score > best.Score) {
				best, theme = &bd.m.Themes[ti].Statements[i], ti
			}
		}
	}
	return best, theme
}

// corpusNewest is the date of the newest document the briefing uses.
func (bd *builder) corpusNewest() string {
	newest := ""
	for _, d := range bd.m.Documents {
		if !d.OffTopic {
			newest = max(newest, d.Date)
		}
	}
	return newest
}

// background reports a statement about a time more than a year before its document's date
// ("reicht bis in die frühen 2000er Jahre zurück"): history, not a development.
func background(st briefing.Statement, docDate string) bool {
	if st.Time == "" || len(docDate) < 4 || len(st.Time) < 4 {
		return false
	}
	year, err1 := strconv.Atoi(docDate[:4])
	t, err2 := strconv.Atoi(st.Time[:4])
	return err1 == nil && err2 == nil && t < year-1
}

// keyFigures lists figures of configured measures, one per subject and period, those stated
// by most documents first, at most two per measure.
func (bd *builder) keyFigures() {
	type cand struct {
		f     briefing.Figure
		order int
	}
	best := map[string]cand{}
	var keys []string
	for i, f := range bd.m.Figures {
		if f.Measure == "" || !reported(f) || f.Background {
			continue
		}
		key := f.Subject + "|" + numfmt.Period(f.Period, bd.o.Lang)
		c, ok := best[key]
		if !ok {
			keys = append(keys, key)
		}
		if !ok || len(f.Sources) > len(c.f.Sources) {
			best[key] = cand{f, i}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(best[keys[i]].f.Sources) > len(best[keys[j]].f.Sources) })
	perMeasure := map[string]int{}
	for _, k := range keys {
		f := best[k].f
		if len(bd.b.KeyFigures) == bd.o.KeyFigures {
			break
		}
		if perMeasure[f.Measure] == 2 {
			continue
		}
		perMeasure[f.Measure]++
		bd.b.KeyFigures = append(bd.b.KeyFigures, bd.figureRow(f))
	}
}

// figureRow shows a figure: its subject, its value (the source's own words when the text does
// not say whom it is about), its modality when it is not a reported fact, and its period, or
// the date of its document ("Stand: …") when the text gives none.
func (bd *builder) figureRow(f briefing.Figure) FigureRow {
	row := bd.figureText(f)
	row.Cites, row.More = bd.cite(f.Sources)
	return row
}

// figureText is a figure's row without its citations: citing numbers documents for the list
// of sources, so a row is cited only once it is certain to be shown.
func (bd *builder) figureText(f briefing.Figure) FigureRow {
	value := numfmt.Figure(f, bd.o.Lang)
	if len(f.Entities) == 0 && f.Words != "" {
		value = bd.text("figure.words", map[string]any{"Words": f.Words})
	}
	if !reported(f) {
		value += " " + bd.text("figure.modality."+f.Modality, nil)
	}
	if f.Background {
		value += " " + bd.text("figure.background", nil)
	}
	period := numfmt.Period(f.Period, bd.o.Lang)
	if period == "" && f.Qualifier != "additional" { // an addition is no stock as of a date
		if d := bd.docs[f.Sources[0].Doc]; d != nil && d.Date != "" {
			period = bd.text("figure.asof", map[string]any{"Date": numfmt.Date(d.Date, bd.o.Lang)})
		}
	}
	return FigureRow{Subject: f.Subject, Value: value, Period: period}
}

// reported reports a figure stated as a fact.
func reported(f briefing.Figure) bool {
	return f.Modality == "" || f.Modality == briefing.ModalityReported
}

// charts selects the series of the configured charts, with caption and data table; a chart
// without figures is left out with a note. Drawing them is the renderer's job.
func (bd *builder) charts() {
	for _, spec := range bd.o.Charts {
		s := series.Select(bd.m.Figures, spec.Select, bd.o.Lang, bd.o.MaxBars)
		ch := Chart{ID: spec.ID, Title: spec.Title, Series: s}
		if len(s.Bars) == 0 {
			ch.Note = bd.text("chart.missing", map[string]any{"Title": spec.Title})
			bd.b.Charts = append(bd.b.Charts, ch)
			continue
		}
		n := 0
		for _, c := range bd.b.Charts {
			if c.Note == "" {
				n++
			}
		}
		ch.Caption = bd.text("chart.caption", map[string]any{"N": n + 1, "Title": spec.Title, "Mixed": s.MixedPeriods})
		perYear := bd.text("chart.perYear", nil)
		for _, bar := range s.Bars {
			row := ChartRow{Period: bar.Label, Value: numfmt.Figure(bar.Figure, bd.o.Lang)}
			row.Cites, row.More = bd.cite(bar.Figure.Sources)
			if s.MixedPeriods && bar.PerYear > 0 {
				row.PerYear = numfmt.Amount(bar.PerYear, s.Unit, bd.o.Lang) + " " + perYear
			}
			ch.Cites = union(ch.Cites, row.Cites)
			ch.Rows = append(ch.Rows, row)
		}
		if n := bd.o.MaxCites; n > 0 && len(ch.Cites) > n {
			// The caption cites what its rows cite, as many as an item may; the rows cite the rest.
			rest := len(ch.Cites) - n
			ch.Cites = ch.Cites[:n]
			ch.More = bd.text("cites.more", map[string]any{"N": numfmt.Number(float64(rest), bd.o.Lang)})
		}
		bd.b.Charts = append(bd.b.Charts, ch)
	}
}

// sections gives each theme its ranked statements that are not shown before (or a note that
// refers to where they are, or says that the sources say nothing on it), up to three of its
// figures that are not key figures already, and its disagreements.
func (bd *builder) sections() {
	shown := map[string]bool{}
	for _, r := range bd.b.KeyFigures {
		shown[r.Subject+"|"+r.Value] = true
	}
	boxed := map[string]bool{} // a disagreement is shown in the first theme that has it
	for _, th := range bd.m.Themes {
		sec := Section{ID: th.ID, Title: th.Title}
		place := bd.text("place.section", map[string]any{"Title": th.Title})
		var elsewhere, dates []string
		// Statements that bring a source the briefing does not cite yet come first, in
		// ranked order; then the others: the briefing covers as many sources as it can.
		for pass := range 2 {
			for _, st := range th.Statements {
				if len(sec.Items) == bd.o.StatementsPerTheme {
					break
				}
				if at := bd.shown.where(st.Sources); at != "" {
					if pass == 0 && !slices.Contains(elsewhere, at) {
						elsewhere = append(elsewhere, at)
					}
					continue
				}
				if pass == 0 && !bd.bringsNew(st.Sources) {
					continue
				}
				bd.shown.add(st.Sources, place)
				sec.Items = append(sec.Items, bd.item(st.Text, st.Sources))
				dates = append(dates, bd.newest(st.Sources))
			}
		}
		sec.Items = reorder(sec.Items, newestFirst(dates))
		switch {
		case len(sec.Items) == 0 && len(elsewhere) > 0:
			sec.Note = bd.text("item.see", map[string]any{"Places": elsewhere})
		case len(sec.Items) == 0:
			sec.Note = bd.text("theme.empty", nil)
		}
		for _, f := range bd.themeFigures(th.ID) {
			if len(sec.Figures) == 3 {
				break
			}
			if row := bd.figureText(f); !shown[row.Subject+"|"+row.Value] {
				shown[row.Subject+"|"+row.Value] = true
				sec.Figures = append(sec.Figures, bd.figureRow(f))
			}
		}
		for _, d := range mostStated(th.Disagreements) {
			if boxed[d.Subject+d.Unit] {
				continue
			}
			if len(sec.Disagreements) == maxDisagreements {
				continue // shown in the model; a section stays short whatever the corpus
			}
			boxed[d.Subject+d.Unit] = true
			dis := Disagreement{Title: bd.text("theme.disagreement", map[string]any{"Subject": d.Subject})}
			figures := mostCited(d.Figures)
			for k, f := range figures {
				if k == maxDisagreementRows {
					dis.Rows = append(dis.Rows, Item{Text: bd.text("theme.disagreement.more", map[string]any{
						"N": numfmt.Number(float64(len(figures)-k), bd.o.Lang), "Count": len(figures) - k})})
					break
				}
				date := ""
				if doc := bd.docs[f.Sources[0].Doc]; doc != nil {
					date = numfmt.Date(doc.Date, bd.o.Lang)
				}
				text := bd.text("theme.disagreement.row", map[string]any{"Value": numfmt.Figure(f, bd.o.Lang), "Date": date})
				row := Item{Text: text}
				row.Cites, row.More = bd.cite(f.Sources)
				dis.Rows = append(dis.Rows, row)
			}
			sec.Disagreements = append(sec.Disagreements, dis)
		}
		bd.b.Themes = append(bd.b.Themes, sec)
	}
}

// A section shows at most maxDisagreements boxes of differing figures, each with at most
// maxDisagreementRows values (the most cited); the model has them all.
const maxDisagreements, maxDisagreementRows = 1, 3

// mostStated returns disagreements ordered by the documents that state their figures, most
// first (stable: the analysis's order among equals).
func mostStated(ds []briefing.Disagreement) []briefing.Disagreement {
	out := slices.Clone(ds)
	n := func(d briefing.Disagreement) int {
		total := 0
		for _, f := range d.Figures {
			total += len(f.Sources)
		}
		return total
	}
	slices.SortStableFunc(out, func(a, b briefing.Disagreement) int { return n(b) - n(a) })
	return out
}

// mostCited returns figures ordered by their sources, most first (stable).
func mostCited(fs []briefing.Figure) []briefing.Figure {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b briefing.Figure) int { return len(b.Sources) - len(a.Sources) })
	return out
}

// bringsNew reports sources of which one is a document the briefing does not cite yet.
func (bd *builder) bringsNew(sources []briefing.Source) bool {
	for _, s := range sources {
		if _, ok := bd.nums[s.Doc]; !ok {
			return true
		}
	}
	return false
}

// themeFigures returns the figures of configured measures of a theme in the order a section
// shows them: those of a source the briefing does not cite yet first, then the newest
// document first, then those stated by most documents.
func (bd *builder) themeFigures(theme string) []briefing.Figure {
	var out []briefing.Figure
	for _, f := range bd.m.Figures {
		if f.Measure != "" && slices.Contains(f.Themes, theme) {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if na, nb := bd.bringsNew(a.Sources), bd.bringsNew(b.Sources); na != nb {
			return na
		}
		if da, db := bd.newest(a.Sources), bd.newest(b.Sources); da != db {
			return da > db
		}
		return len(a.Sources) > len(b.Sources)
	})
	return out
}

// timeline keeps the most recent events dated to the month or more precisely, oldest first.
func (bd *builder) timeline() {
	// The most recent events the briefing does not show elsewhere come first; events shown
	// above fill the rows that are left, as references. (A timeline of references to what the
	// reader has just read tells less than one more dated fact.)
	var fresh, seen []int
	for i := len(bd.m.Events) - 1; i >= 0; i-- {
		if e := bd.m.Events[i]; len(e.Date) >= len("2006-01") {
			if bd.shown.where(e.Sources) == "" {
				fresh = append(fresh, i)
			} else {
				seen = append(seen, i)
			}
		}
	}
	keep := append(fresh[:min(len(fresh), bd.o.TimelineEvents)], seen[:min(len(seen), max(0, bd.o.TimelineEvents-len(fresh)))]...)
	sort.Sort(sort.Reverse(sort.IntSlice(keep)))
	var picked []briefing.Event
	for _, i := range keep {
		picked = append(picked, bd.m.Events[i])
	}
	refs := map[string][]string{}           // date -> places its reference row refers to
	row := map[string]int{}                 // date -> index of its reference row
	cited := map[string][]briefing.Source{} // date -> the sources of its reference row
	var dates []string                      // the dates of the reference rows, in order
	for i := len(picked) - 1; i >= 0; i-- {
		e := picked[i]
		date := numfmt.Date(e.Date, bd.o.Lang)
		at := bd.shown.where(e.Sources)
		if at == "" {
			bd.b.Timeline = append(bd.b.Timeline, Dated{Date: date, Item: bd.item(e.Text, e.Sources)})
			continue
		}
		// Shown above: the row says when and refers to it; the references of one date are
		// one row.
		k, ok := row[date]
		if !ok {
			k = len(bd.b.Timeline)
			row[date] = k
			dates = append(dates, date)
			bd.b.Timeline = append(bd.b.Timeline, Dated{Date: date})
		}
		if !slices.Contains(refs[date], at) {
			refs[date] = append(refs[date], at)
		}
		r := &bd.b.Timeline[k]
		r.Text = bd.text("item.see", map[string]any{"Places": refs[date]})
		cited[date] = append(cited[date], e.Sources...)
	}
	// Each reference row is cited once, with all its events' sources: citing it again for
	// each event would number documents that the row, in the end, does not show.
	for _, date := range dates {
		r := &bd.b.Timeline[row[date]]
		r.Cites, r.More = bd.cite(cited[date])
	}
}

// sources lists the cited documents in the order of their numbers, and says how many of the
// used documents it does not list and where they are.
func (bd *builder) sources(used int) {
	ids := make([]string, len(bd.nums))
	for id, n := range bd.nums {
		ids[n-1] = id
	}
	for i, id := range ids {
		d := bd.docs[id]
		if d == nil {
			bd.errs = append(bd.errs, fmt.Errorf("source %s is not a document of the model", id))
			continue
		}
		text := bd.text("source.entry", map[string]any{"Title": sentenceEnd(d.Title), "Author": d.Author, "Publisher": d.Publisher,
			"Date": numfmt.Date(d.Date, bd.o.Lang), "DateGuessed": d.DateSource == briefing.DateFromLatestMention,
			"DateFromFile": d.DateSource == briefing.DateFromModTime, "Undated": d.Date == "", "Path": d.Path})
		bd.b.Sources = append(bd.b.Sources, Source{N: i + 1, DocID: id, Text: text})
	}
	if rest := used - len(bd.b.Sources); rest > 0 {
		bd.b.SourcesNote = bd.text("sources.more", map[string]any{"N": numfmt.Number(float64(rest), bd.o.Lang), "Count": rest})
	}
}

// sentenceEnd gives a title final punctuation, unless it has some ("…", "?").
func sentenceEnd(title string) string {
	if title == "" || strings.ContainsAny(title[len(title)-1:], ".?!") || strings.HasSuffix(title, "…") {
		return title
	}
	return title + "."
}

// editionDate formats the edition time: "24. November 2026, 07:00 Uhr" or "24 November 2026, 07:00".
func editionDate(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format("2 January 2006, 15:04 MST")
	}
	return fmt.Sprintf("%d. %s %d, %s Uhr", t.Day(), numfmt.MonthName(t.Month(), lang), t.Year(), t.Format("15:04"))
}

func union(a, b []int) []int {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	sort.Ints(a)
	return a
}
