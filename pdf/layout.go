package pdf

import (
	"fmt"
	"strings"

	"github.com/secbrief/briefing/report"
)

// room reports whether h millimetres fit on the current page.
func (d *doc) room(h float64) bool {
	_, ph := d.pdf.GetPageSize()
	return d.pdf.GetY()+h <= ph-marginBottom
}

// ensure starts a new page unless h millimetres fit on this one.
func (d *doc) ensure(h float64) {
	if !d.room(h) {
		d.pdf.AddPage()
	}
}

// heading prints a section heading, records it for the table of contents and the outline,
// and keeps it with at least keep millimetres of what follows.
func (d *doc) heading(title string, level int, keep float64) {
	p := d.pdf
	size, space := 14.0, 6.0
	if level > 0 {
		size, space = 11.5, 3.5
	}
	d.ensure(space + size*0.5 + keep)
	if p.GetY() > marginTop+1 {
		p.Ln(space)
	}
	d.font("B", size)
	d.color(navy)
	link := p.AddLink()
	p.SetLink(link, p.GetY(), p.PageNo())
	p.Bookmark(title, level, -1) // the UTF-8 font is active, as Bookmark needs
	p.MultiCell(d.width, size*0.45, title, "", "L", false)
	if level == 0 {
		p.SetDrawColor(navy.r, navy.g, navy.b)
		p.SetLineWidth(0.4)
		y := p.GetY() + 1
		p.Line(marginLeft, y, marginLeft+d.width, y)
		p.Ln(3)
	} else {
		p.Ln(1)
	}
	d.toc = append(d.toc, tocEntry{title: title, level: level, page: p.PageNo(), link: link})
	d.color(ink)
	d.font("", bodySize)
}

// label prints a small grey subheading, kept with the lines after it.
func (d *doc) label(text string) {
	d.ensure(3 * lineHeight)
	d.font("B", 8.5)
	d.color(grey)
	d.pdf.CellFormat(d.width, lineHeight, text, "", 1, "L", false, 0, "")
	d.color(ink)
}

// figureItem is a figure as a line of text: "Subject: value (period)".
func figureItem(f report.FigureRow) report.Item {
	text := f.Subject + ": " + f.Value
	if f.Period != "" {
		text += " (" + f.Period + ")"
	}
	return report.Item{Text: text, Cites: f.Cites, More: f.More}
}

// para prints a paragraph in the body font.
func (d *doc) para(text string, style string, size float64) {
	d.font(style, size)
	d.pdf.MultiCell(d.width, size*0.48, text, "", "L", false)
	d.font("", bodySize)
}

// citeText is how citations read: "[1]", "[1, 3]" or "[1, 3 und 8.303 weitere]".
func citeText(cites []int, more string) string {
	if len(cites) == 0 && more == "" {
		return "" // a line of the briefing's own, such as the count of further values
	}
	parts := make([]string, len(cites))
	for i, c := range cites {
		parts[i] = fmt.Sprint(c)
	}
	if more != "" {
		return "[" + strings.Join(parts, ", ") + " " + more + "]"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// item prints a sentence with its citations, each linked to its source; indent is the left
// indent in millimetres and bullet, when set, hangs in front of it.
func (d *doc) item(it report.Item, indent float64, bullet string) {
	p := d.pdf
	left := marginLeft + indent
	d.font("", bodySize)
	d.ensure(lineHeight * float64(d.lines(it.Text+" "+it.Note+" "+citeText(it.Cites, it.More), d.width-indent)))
	if bullet != "" {
		d.color(navy)
		p.SetX(left - 4)
		p.CellFormat(4, lineHeight, bullet, "", 0, "L", false, 0, "")
		d.color(ink)
	}
	p.SetLeftMargin(left)
	p.SetX(left)
	d.font("", bodySize)
	p.Write(lineHeight, it.Text+" ")
	if it.Note != "" {
		d.color(grey)
		d.font("I", bodySize-1)
		p.Write(lineHeight, it.Note+" ")
		d.font("", bodySize)
		d.color(ink)
	}
	d.cites(it.Cites, it.More)
	p.SetLeftMargin(marginLeft)
	p.Ln(lineHeight + 1.2)
}

// cites writes citations as links to the sources list, on one line.
func (d *doc) cites(cites []int, more string) {
	p := d.pdf
	if len(cites) == 0 && more == "" {
		return
	}
	if pw, _ := p.GetPageSize(); p.GetX()+p.GetStringWidth(citeText(cites, more)) > pw-marginRight {
		left, _, _, _ := p.GetMargins()
		p.Ln(lineHeight)
		p.SetX(left)
	}
	d.color(navy)
	p.Write(lineHeight, "[")
	for i, c := range cites {
		if i > 0 {
			p.Write(lineHeight, ", ")
		}
		p.WriteLinkID(lineHeight, fmt.Sprint(c), d.links[c])
	}
	if more != "" {
		p.Write(lineHeight, " "+more)
	}
	p.Write(lineHeight, "]")
	d.color(ink)
}

// lines counts the lines text takes at width in the current font.
func (d *doc) lines(text string, width float64) int {
	return max(1, len(d.pdf.SplitText(text, width)))
}

// column is a table column: its header, its width and how it aligns.
type column struct {
	title string
	width float64
	align string
}

// cited are the citations of a table row.
type cited struct {
	n    []int
	more string
}

// table prints rows of cells under a header row; the last column holds citations when cites
// is set. Rows do not break across pages, and the header repeats on a new page.
func (d *doc) table(cols []column, rows [][]string, cites []cited) {
	p := d.pdf
	const pad, lh = 1.2, 4.0
	header := func() {
		d.font("B", 8)
		p.SetFillColor(tableH.r, tableH.g, tableH.b)
		x := marginLeft
		for _, c := range cols {
			p.SetXY(x, p.GetY())
			p.CellFormat(c.width, lh+2*pad, c.title, "", 0, c.align, true, 0, "")
			x += c.width
		}
		p.Ln(lh + 2*pad)
	}
	d.ensure(2 * (lh + 2*pad))
	header()
	d.font("", 8.5)
	for r, row := range rows {
		height := 0.0
		for i, c := range cols {
			n := d.lines(row[i], c.width-2*pad)
			if cites != nil && i == len(cols)-1 {
				n = len(d.citeLines(cites[r], c.width-2*pad))
			}
			height = max(height, float64(n)*lh)
		}
		height += 2 * pad
		if !d.room(height) {
			p.AddPage()
			header()
			d.font("", 8.5)
		}
		y, x := p.GetY(), marginLeft
		for i, c := range cols {
			p.SetXY(x+pad, y+pad)
			if cites != nil && i == len(cols)-1 {
				d.cellCites(cites[r], x+pad, y+pad, c.width-2*pad, lh)
			} else {
				p.MultiCell(c.width-2*pad, lh, row[i], "", c.align, false)
			}
			x += c.width
		}
		p.SetDrawColor(rule.r, rule.g, rule.b)
		p.SetLineWidth(0.15)
		p.Line(marginLeft, y+height, marginLeft+d.width, y+height)
		p.SetXY(marginLeft, y+height)
	}
	p.Ln(2)
}

// citeWord is a word of a table cell's citations: a source number (n > 0, linked to the
// source) or a word of the count of further sources (n 0, linked nowhere).
type citeWord struct {
	text string
	n    int
}

// citeLines breaks the citations of a table cell into lines of words that fit width in the
// current font, read as in the text: "[6, 8, 10 und 1.064 weitere]".
func (d *doc) citeLines(c cited, width float64) [][]citeWord {
	var words []citeWord
	for i, w := range strings.Fields(citeText(c.n, c.more)) {
		cw := citeWord{text: w}
		if i < len(c.n) {
			cw.n = c.n[i] // the numbers come first, one word each
		}
		words = append(words, cw)
	}
	var lines [][]citeWord
	used, space := 0.0, d.pdf.GetStringWidth(" ")
	for _, w := range words {
		ww := d.pdf.GetStringWidth(w.text)
		if len(lines) == 0 || used > 0 && used+space+ww > width {
			lines = append(lines, nil)
			used = -space
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], w)
		used += space + ww
	}
	if len(lines) == 0 {
		lines = [][]citeWord{nil}
	}
	return lines
}

// cellCites writes linked citations inside a table cell of width at x, y, line by line.
func (d *doc) cellCites(c cited, x, y, width, lh float64) {
	p := d.pdf
	d.color(navy)
	lines := d.citeLines(c, width)
	for i, line := range lines {
		p.SetXY(x, y+float64(i)*lh)
		for j, w := range line {
			link := 0
			if w.n > 0 {
				link = d.links[w.n]
			}
			text := w.text
			if j < len(line)-1 {
				text += " "
			}
			p.CellFormat(p.GetStringWidth(text), lh, text, "", 0, "L", false, link, "")
		}
	}
	d.color(ink)
}

// box prints a titled box with a coloured bar and a light background, kept on one page.
func (d *doc) box(title string, rows []report.Item) {
	p := d.pdf
	const pad, indent = 2.5, 5.0
	inner := d.width - indent - pad
	height := 2*pad + lineHeight + 1
	d.font("", bodySize)
	for _, r := range rows {
		height += float64(d.lines(r.Text+" "+citeText(r.Cites, r.More), inner-4))*lineHeight + 1
	}
	d.ensure(height + 2)
	y := p.GetY() + 1
	p.SetFillColor(boxBG.r, boxBG.g, boxBG.b)
	p.Rect(marginLeft, y, d.width, height, "F")
	p.SetFillColor(boxBar.r, boxBar.g, boxBar.b)
	p.Rect(marginLeft, y, 1.2, height, "F")
	p.SetXY(marginLeft+indent, y+pad)
	d.font("B", bodySize)
	p.CellFormat(inner, lineHeight, title, "", 1, "L", false, 0, "")
	p.Ln(1)
	for _, r := range rows {
		d.item(r, indent+4, "–")
	}
	p.SetY(y + height + 2)
}
