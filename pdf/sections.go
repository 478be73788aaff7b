package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// tocRows is the space reserved on the cover for the table of contents.
const tocRows = 14

// cover prints the marking, title, edition, corpus summary and reserves room for the table of
// contents, which is filled in when all page numbers are known.
func (d *doc) cover() {
	p, b := d.pdf, d.b
	p.AddPage()
	if b.Marking != "" {
		d.font("B", 11)
		d.color(red)
		p.SetDrawColor(red.r, red.g, red.b)
		p.SetLineWidth(0.5)
		w := p.GetStringWidth(b.Marking) + 10
		p.SetXY(marginLeft+(d.width-w)/2, 16)
		p.CellFormat(w, 8, b.Marking, "1", 1, "C", false, 0, "")
	}
	p.SetY(58)
	p.SetFillColor(navy.r, navy.g, navy.b)
	p.Rect(marginLeft, 52, 30, 1.6, "F")
	d.font("B", 24)
	d.color(navy)
	p.MultiCell(d.width, 10.5, b.Title, "", "L", false)
	if b.Subtitle != "" {
		p.Ln(2)
		d.font("", 13)
		d.color(grey)
		p.MultiCell(d.width, 6.2, b.Subtitle, "", "L", false)
	}
	p.Ln(8)
	d.color(ink)
	d.font("B", 11)
	p.MultiCell(d.width, 6, b.Edition, "", "L", false)
	d.font("", 10)
	p.MultiCell(d.width, 5.5, b.Summary, "", "L", false)
	p.Ln(12)
	d.font("B", 13)
	d.color(navy)
	p.CellFormat(d.width, 7, b.Labels["toc.title"], "", 1, "L", false, 0, "")
	d.color(ink)
	d.tocPage, d.tocY = p.PageNo(), p.GetY()+2
}

// tableOfContents writes the entries with page numbers and links into the space of the cover.
func (d *doc) tableOfContents() {
	p := d.pdf
	last := p.PageNo()
	p.SetPage(d.tocPage)
	p.SetAutoPageBreak(false, 0)
	y := d.tocY
	for i, e := range d.toc {
		if i == tocRows*2 {
			break
		}
		indent, style, size := 0.0, "B", 10.0
		if e.level > 0 {
			indent, style, size = 6, "", 9.5
		}
		d.font(style, size)
		page := fmt.Sprint(e.page)
		p.SetXY(marginLeft+indent, y)
		title := e.title
		maxW := d.width - indent - 14
		for p.GetStringWidth(title) > maxW && len([]rune(title)) > 4 {
			r := []rune(title)
			title = string(r[:len(r)-2]) + "…"
		}
		p.CellFormat(d.width-indent-10, 5.2, title, "", 0, "L", false, e.link, "")
		p.CellFormat(10, 5.2, page, "", 0, "R", false, e.link, "")
		p.SetDrawColor(rule.r, rule.g, rule.b)
		p.SetLineWidth(0.1)
		p.Line(marginLeft+indent+p.GetStringWidth(title)+2, y+4.2, marginLeft+d.width-p.GetStringWidth(page)-2, y+4.2)
		y += 5.6
	}
	p.SetPage(last)
	p.SetAutoPageBreak(true, marginBottom)
}

// keyJudgements prints the key judgements and the table of key figures.
func (d *doc) keyJudgements() {
	p, b := d.pdf, d.b
	p.AddPage()
	d.heading(b.Labels["keyjudgements.title"], 0, 20)
	d.color(grey)
	d.para(b.Labels["keyjudgements.intro"], "I", 8.5)
	d.color(ink)
	p.Ln(2)
	for _, it := range b.KeyJudgements {
		d.item(it, 5, "■")
	}
	d.news()
	if len(b.KeyFigures) == 0 {
		return
	}
	d.heading(b.Labels["keyfigures.title"], 0, 25)
	rows := make([][]string, len(b.KeyFigures))
	cites := make([]cited, len(b.KeyFigures))
	for i, f := range b.KeyFigures {
		rows[i] = []string{f.Subject, f.Value, f.Period, ""}
		cites[i] = cited{f.Cites, f.More}
	}
	w := d.width
	d.table([]column{
		{b.Labels["keyfigures.subject"], w * 0.32, "L"}, {b.Labels["keyfigures.value"], w * 0.34, "L"},
		{b.Labels["keyfigures.period"], w * 0.18, "L"}, {b.Labels["keyfigures.source"], w * 0.16, "L"},
	}, rows, cites)
}

// news prints what is new since the previous edition.
func (d *doc) news() {
	p, b, n := d.pdf, d.b, d.b.News
	if n == nil {
		return
	}
	d.heading(b.Labels["news.title"], 0, 20)
	if n.Intro != "" {
		d.color(grey)
		d.para(n.Intro, "I", 8.5)
		d.color(ink)
		p.Ln(1)
	}
	if len(n.Documents)+len(n.Figures)+len(n.Events) == 0 {
		d.para(b.Labels["news.none"], "", bodySize)
		return
	}
	if len(n.Documents) > 0 {
		d.label(b.Labels["news.documents"])
		for _, it := range n.Documents {
			d.item(it, 5, "–")
		}
	}
	if len(n.Figures) > 0 {
		d.label(b.Labels["news.figures"])
		for _, f := range n.Figures {
			d.item(figureItem(f), 5, "–")
		}
	}
	if len(n.Events) > 0 {
		d.label(b.Labels["news.events"])
		for _, e := range n.Events {
			it := e.Item
			it.Text = e.Date + ": " + e.Text
			d.item(it, 5, "–")
		}
	}
}

// charts prints each chart with its caption and data table, or the note why it is left out.
func (d *doc) charts() {
	p, b := d.pdf, d.b
	if len(b.Charts) == 0 {
		return
	}
	d.heading(b.Labels["charts.title"], 0, 80)
	for i, ch := range b.Charts {
		if ch.Note != "" {
			d.color(grey)
			d.para(ch.Note, "I", 8.5)
			d.color(ink)
			p.Ln(2)
			continue
		}
		img := d.images[i]
		<-img.done
		if img.err != nil {
			p.SetError(fmt.Errorf("chart %s: %w", ch.ID, img.err))
			return
		}
		png := &img.png
		d.heading(ch.Title, 1, chartHeight+20)
		name := fmt.Sprintf("chart-%d-%s", i, ch.ID)
		p.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png.Bytes()))
		y := p.GetY()
		p.ImageOptions(name, marginLeft, y, d.width, chartHeight, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		p.SetY(y + chartHeight + 1.5)
		d.color(grey)
		d.font("I", 8.5)
		p.SetLeftMargin(marginLeft)
		p.Write(4.2, ch.Caption+" ")
		d.cites(ch.Cites, ch.More)
		p.Ln(6)
		d.color(ink)
		rows := make([][]string, len(ch.Rows))
		cites := make([]cited, len(ch.Rows))
		for j, r := range ch.Rows {
			rows[j] = []string{r.Period, r.Value, r.PerYear, ""}
			cites[j] = cited{r.Cites, r.More}
		}
		w := d.width
		d.table([]column{
			{b.Labels["keyfigures.period"], w * 0.26, "L"}, {b.Labels["keyfigures.value"], w * 0.3, "L"},
			{"", w * 0.3, "L"}, {b.Labels["keyfigures.source"], w * 0.14, "L"},
		}, rows, cites)
	}
}

// sections prints a section per theme: statements, figures and disagreements.
func (d *doc) sections() {
	b := d.b
	if len(b.Themes) == 0 {
		return
	}
	d.heading(b.Labels["themes.title"], 0, 30)
	for _, s := range b.Themes {
		d.heading(s.Title, 1, 18)
		if s.Note != "" {
			d.color(grey)
			d.para(s.Note, "I", bodySize-0.5)
			d.color(ink)
		}
		for _, it := range s.Items {
			d.item(it, 5, "■")
		}
		if len(s.Figures) > 0 {
			d.label(b.Labels["theme.figures"])
			for _, f := range s.Figures {
				d.item(figureItem(f), 5, "–")
			}
		}
		for _, dis := range s.Disagreements {
			d.box(dis.Title, dis.Rows)
		}
	}
}

// timeline prints the dated events, date in a column of its own.
func (d *doc) timeline() {
	p, b := d.pdf, d.b
	if len(b.Timeline) == 0 {
		return
	}
	d.heading(b.Labels["timeline.title"], 0, 25)
	d.color(grey)
	d.para(b.Labels["timeline.intro"], "I", 8.5)
	d.color(ink)
	p.Ln(2)
	const dateW = 30.0
	for _, e := range b.Timeline {
		d.font("", bodySize)
		d.ensure(lineHeight * float64(d.lines(e.Text+" "+e.Note+" "+citeText(e.Cites, e.More), d.width-dateW)))
		y := p.GetY()
		d.font("B", 8.5)
		d.color(navy)
		p.SetXY(marginLeft, y)
		p.CellFormat(dateW-2, lineHeight, e.Date, "", 0, "L", false, 0, "")
		d.color(ink)
		d.item(e.Item, dateW, "")
	}
}

// The sources and the appendix are reference matter: set smaller, so that a briefing that
// cites many documents keeps its length.
const (
	smallSize = 7.5
	smallLine = 3.5
)

// sources prints the numbered sources; citations link here.
func (d *doc) sources() {
	p, b := d.pdf, d.b
	d.heading(b.Labels["sources.title"], 0, 20)
	for _, s := range b.Sources {
		d.font("", smallSize)
		d.ensure(smallLine * float64(d.lines(s.Text, d.width-10)))
		y := p.GetY()
		p.SetLink(d.links[s.N], y, p.PageNo())
		d.font("B", smallSize)
		d.color(navy)
		p.SetXY(marginLeft, y)
		p.CellFormat(10, smallLine, fmt.Sprintf("[%d]", s.N), "", 0, "L", false, 0, "")
		d.color(ink)
		d.font("", smallSize)
		p.SetXY(marginLeft+10, y)
		p.MultiCell(d.width-10, smallLine, s.Text, "", "L", false)
		p.Ln(0.6)
	}
	if b.SourcesNote != "" {
		p.Ln(1)
		d.para(b.SourcesNote, "I", smallSize)
	}
}

// appendix prints the ingest warnings and the note on method.
func (d *doc) appendix() {
	p, b := d.pdf, d.b
	d.heading(b.Labels["appendix.title"], 0, 25)
	d.heading(b.Labels["appendix.warnings"], 1, 10)
	d.para(b.Files.Summary, "", smallSize)
	p.Ln(1)
	if len(b.Files.Entries) == 0 {
		d.para(b.Labels["appendix.nowarnings"], "", smallSize)
	}
	for _, e := range b.Files.Entries {
		paths := strings.Join(e.Paths, ", ")
		if e.More != "" {
			paths += " " + e.More
		}
		d.font("", smallSize)
		d.ensure(smallLine * float64(d.lines(paths+": "+e.Message, d.width)))
		d.font("B", smallSize)
		p.Write(smallLine, paths+": ")
		d.font("", smallSize)
		p.Write(smallLine, e.Message)
		p.Ln(smallLine + 0.6)
	}
	if b.Files.More != "" {
		d.para(b.Files.More, "I", smallSize)
	}
	d.heading(b.Labels["appendix.method.title"], 1, 15)
	d.para(b.Method, "", smallSize)
}
