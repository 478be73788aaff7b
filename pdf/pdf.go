// Package pdf typesets a briefing as a PDF with gofpdf: cover with marking and table of
// contents, key judgements and figures, charts with their data, a section per theme, the
// timeline, numbered sources and an appendix. Every citation [n] links to its source. It is
// the only package that uses gofpdf.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/secbrief/briefing/charts"
	"github.com/secbrief/briefing/fonts"
	"github.com/secbrief/briefing/report"
)

// Options set the page and the dates written into the file.
type Options struct {
	Paper       string // "A4" or "Letter"
	Orientation string // "portrait" or "landscape"
	// Created is the creation date recorded in the PDF (the edition time), so that the same
	// input gives the same bytes.
	Created time.Time
	// ChartDPI is the resolution charts are drawn at (charts.CheckDPI); 0 means 220.
	ChartDPI float64
}

// chartHeight is the printed height of a chart in millimetres; its width is the column's.
const chartHeight = 62.0

// Page geometry in millimetres.
const (
	marginLeft   = 22.0
	marginRight  = 20.0
	marginTop    = 24.0
	marginBottom = 20.0
	bodySize     = 9.5
	lineHeight   = 4.6
)

// Colours.
var (
	ink    = rgb{33, 37, 41}
	navy   = rgb{16, 42, 84}
	grey   = rgb{110, 117, 125}
	rule   = rgb{190, 196, 204}
	red    = rgb{160, 20, 30}
	boxBG  = rgb{252, 244, 229}
	boxBar = rgb{214, 137, 16}
	tableH = rgb{232, 237, 244}
)

type rgb struct{ r, g, b int }

func pageSize(paper string) (float64, float64) {
	if paper == "Letter" {
		return 215.9, 279.4
	}
	return 210, 297
}

// Render writes the briefing as a PDF to w.
func Render(w io.Writer, b *report.Briefing, o Options) error {
	d, err := newDoc(b, o)
	if err != nil {
		return err
	}
	d.images = d.drawCharts() // drawn while the text before them is typeset
	d.cover()
	d.keyJudgements()
	d.charts()
	d.sections()
	d.timeline()
	d.sources()
	d.appendix()
	d.tableOfContents()
	d.wait()
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("typeset: %w", err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// doc is a briefing being typeset.
type doc struct {
	pdf     *gofpdf.Fpdf
	b       *report.Briefing
	opt     Options
	width   float64 // of the text column
	links   map[int]int
	toc     []tocEntry
	tocPage int
	tocY    float64
	images  []*chartImage // per chart of b.Charts; nil for a chart left out
}

type tocEntry struct {
	title string
	level int
	page  int
	link  int
}

func newDoc(b *report.Briefing, o Options) (*doc, error) {
	orientation := "P"
	if o.Orientation == "landscape" {
		orientation = "L"
	}
	w, h := pageSize(o.Paper)
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: gofpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(true, marginBottom)
	pdf.AddUTF8FontFromBytes(fonts.Family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(fonts.Family, "B", fonts.Bold)
	pdf.AddUTF8FontFromBytes(fonts.Family, "I", fonts.Italic)
	pdf.SetCreationDate(o.Created)
	pdf.SetModificationDate(o.Created)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(b.Title, true)
	pdf.SetSubject(b.Subtitle, true)
	pdf.SetCreator("briefing", true)
	pdf.AliasNbPages(report.PagesPlaceholder)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	pw, _ := pdf.GetPageSize()
	if o.ChartDPI == 0 {
		o.ChartDPI = 220
	}
	d := &doc{pdf: pdf, b: b, opt: o, width: pw - marginLeft - marginRight, links: map[int]int{}}
	for _, s := range b.Sources {
		d.links[s.N] = pdf.AddLink()
	}
	pdf.SetHeaderFuncMode(d.header, true)
	pdf.SetFooterFunc(d.footer)
	return d, nil
}

func (d *doc) color(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }

func (d *doc) font(style string, size float64) { d.pdf.SetFont(fonts.Family, style, size) }

// header prints the title and the marking on every page but the cover.
func (d *doc) header() {
	p := d.pdf
	if p.PageNo() == 1 {
		return
	}
	d.font("", 7.5)
	d.color(grey)
	p.SetXY(marginLeft, 12)
	p.CellFormat(d.width*0.65, 4, d.b.Labels["header"], "", 0, "L", false, 0, "")
	if d.b.Marking != "" {
		d.font("B", 7.5)
		d.color(red)
		p.CellFormat(d.width*0.35, 4, d.b.Marking, "", 0, "R", false, 0, "")
	}
	p.SetDrawColor(rule.r, rule.g, rule.b)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, 17, marginLeft+d.width, 17)
	p.SetXY(marginLeft, marginTop)
	d.color(ink)
}

// footer prints the marking and "Seite X von Y" on every page.
func (d *doc) footer() {
	p := d.pdf
	_, h := p.GetPageSize()
	p.SetXY(marginLeft, h-13)
	d.font("B", 7.5)
	d.color(red)
	p.CellFormat(d.width/2, 4, d.b.Marking, "", 0, "L", false, 0, "")
	d.font("", 7.5)
	d.color(grey)
	page := strings.ReplaceAll(d.b.Labels["footer"], report.PagePlaceholder, fmt.Sprint(p.PageNo()))
	p.CellFormat(d.width/2, 4, page, "", 0, "R", false, 0, "")
	d.color(ink)
}

// chartImage is a chart drawn as a PNG, ready when done is closed.
type chartImage struct {
	png  bytes.Buffer
	err  error
	done chan struct{}
}

// drawCharts starts drawing the charts of the briefing, each in its own goroutine (a briefing
// has a few), at the column's width and the configured resolution. gofpdf keys images by their
// pixel width, so each chart of a document gets a distinct width (ExtraWidthPx) for
// byte-identical output. The PNGs come from image/png in memory, complete or with an error,
// so none is decoded again before gofpdf embeds it.
func (d *doc) drawCharts() []*chartImage {
	out := make([]*chartImage, len(d.b.Charts))
	for i, ch := range d.b.Charts {
		if ch.Note != "" {
			continue
		}
		img := &chartImage{done: make(chan struct{})}
		out[i] = img
		o := charts.Options{WidthMM: d.width, HeightMM: chartHeight, DPI: d.opt.ChartDPI, Lang: d.b.Lang, ExtraWidthPx: i}
		go func() {
			defer close(img.done)
			defer func() {
				if p := recover(); p != nil {
					img.err = fmt.Errorf("draw chart: %v", p)
				}
			}()
			img.err = charts.Render(&img.png, ch.Series, o)
		}()
	}
	return out
}

// wait waits for the charts still being drawn, so that none outlives Render.
func (d *doc) wait() {
	for _, img := range d.images {
		if img != nil {
			<-img.done
		}
	}
}
