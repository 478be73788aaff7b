// Package htmltext extracts the readable article text of an HTML page.
//
// The page is read with the streaming tokenizer of golang.org/x/net/html and a small
// tree builder of its own that mimics the parts of the HTML5 tree construction that
// matter for text: implied end tags (an open <p> closed by a block, <li> closing the
// previous <li>, table cells), scope boundaries (tables, templates), breaking out of
// SVG and MathML. It has no nesting limit and does constant work per token, so deep
// or huge pages cost linear time.
//
// Boilerplate is left out in two strengths. Scripts, styles, navigation, page headers
// and footers, forms, asides, hidden elements and the like are dropped outright. Block
// elements whose class or id names cookie banners, share buttons, related links,
// comments, sidebars and so on are dropped softly: their text is kept aside, and an
// <article> or <main> inside them is used only when the rest of the page has none and
// clearly less text (themes that wrap the whole layout in a "...-sidebar-wrap").
package htmltext

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is the visible article text of an HTML document.
type Page struct {
	// Title is from <title>, else the first <h1>; trimmed, white space collapsed. A
	// trailing " | Site name" (or " - ", " – ", " — ", " · ") is removed when it is
	// the page's site name (og:site_name or another publisher field).
	Title string
	// Blocks are the headings and paragraphs in document order, one block per element;
	// white space collapsed to single spaces, trimmed (of Unicode white space at the
	// edges; a no-break space inside a block stays), no empty blocks, no line breaks.
	Blocks []string
	// Meta holds selected <meta> values: "author", "date" (from article:published_time,
	// date, dc.date, og:published_time..., else JSON-LD datePublished, else the first
	// <time datetime> of the article), "publisher" (og:site_name, publisher),
	// "language" (from <html lang>, first two letters lower-cased; else
	// Content-Language, og:locale, JSON-LD), "description". Never nil; keys without a
	// value are absent.
	Meta map[string]string
}

// Extract parses an HTML document (already decoded to UTF-8 text) and returns its
// article text. Invalid UTF-8 is replaced with U+FFFD. The error is non-nil only if
// reading the document fails.
func Extract(src string) (Page, error) {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	x := newExtractor()
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return Page{Meta: map[string]string{}}, err
			}
			return x.finish(), nil
		case html.TextToken:
			x.text(z.Text())
		case html.StartTagToken:
			x.startTag(z, false)
		case html.SelfClosingTagToken:
			x.startTag(z, true)
		case html.EndTagToken:
			x.endTag(z)
		}
	}
}

// Element flags. The first group is inherited by descendants.
const (
	fDrop      uint16 = 1 << iota // hidden: this element or an ancestor is dropped
	fSoft                         // inside an element dropped for its class or id
	fSoftLocal                    // like fSoft, but cleared again by <article> and <main>
	fArticle                      // inside <article>
	fMain                         // inside <main> or role="main"
	fPre                          // inside <pre>: lines are blocks
	fH1                           // inside <h1>

	fForeign // children are SVG or MathML (not inherited by integration points)
	fLD      // a <script type="application/ld+json">

	inherited  = fDrop | fSoft | fSoftLocal | fArticle | fMain | fPre | fH1
	blockFlags = fSoft | fSoftLocal | fArticle | fMain | fH1
)

// elem is an open element. The near* fields are stack indexes (-1 for none) that let
// the implied end tags be found in constant time.
type elem struct {
	name   string
	a      atom.Atom
	flags  uint16
	qDepth int32
	lang   string // nearest lang attribute
	nearP  int32  // open <p> in button scope
	nearLi int32  // open <li> that a new <li> closes
	nearDl int32  // open <dd> or <dt> that a new one closes
	cell   int32  // open <td> or <th> in the current table
	row    int32  // open <tr> in the current table
	scope  int32  // innermost scope boundary (table, td, th, caption, object, template...)
	table  int32  // innermost <table> or <template>
}

type block struct {
	text  string
	flags uint16
}

type stamp struct {
	value string
	flags uint16
}

// maxLD bounds the JSON-LD text kept per page; maxStamps the <time> values kept.
const (
	maxLD     = 1 << 20
	maxStamps = 64
)

type extractor struct {
	root  elem // the state outside every element
	stack []elem
	pos   map[string][]int32 // open elements by name: stack indexes, innermost last

	buf    []byte // text of the block being built
	blocks []block

	inTitle, titleDone bool
	title              []byte

	htmlLang string
	meta     metaSet
	ld       []byte // JSON-LD text of the script being read
	ldMeta   map[string]string
	stamps   []stamp // <time datetime> values
}

func newExtractor() *extractor {
	return &extractor{
		root:   elem{nearP: -1, nearLi: -1, nearDl: -1, cell: -1, row: -1, scope: -1, table: -1},
		pos:    make(map[string][]int32),
		meta:   metaSet{values: map[string]string{}, prio: map[string]int{}},
		ldMeta: map[string]string{},
	}
}

func (x *extractor) top() *elem {
	if n := len(x.stack); n > 0 {
		return &x.stack[n-1]
	}
	return &x.root
}

func (x *extractor) last(name string) int32 {
	if ps := x.pos[name]; len(ps) > 0 {
		return ps[len(ps)-1]
	}
	return -1
}

// pageLang is the language used for quotation marks outside any lang attribute.
func (x *extractor) pageLang() string {
	if x.htmlLang != "" {
		return x.htmlLang
	}
	return x.meta.values["language"]
}

// attrs are the attributes the extractor looks at; the first of each name wins.
type attrs struct {
	class, id, role, style, lang, ariaHidden, typ, datetime string
	name, property, itemprop, httpEquiv, content            string
	hidden, open, hasContent, hasLang                       bool
}

func (at *attrs) set(k, v []byte) {
	switch string(k) {
	case "class":
		if at.class == "" {
			at.class = string(v)
		}
	case "id":
		if at.id == "" {
			at.id = string(v)
		}
	case "role":
		if at.role == "" {
			at.role = strings.ToLower(strings.TrimSpace(string(v)))
		}
	case "style":
		if at.style == "" {
			at.style = string(v)
		}
	case "lang":
		if !at.hasLang {
			at.lang, at.hasLang = strings.TrimSpace(string(v)), true
		}
	case "aria-hidden":
		if at.ariaHidden == "" {
			at.ariaHidden = strings.ToLower(strings.TrimSpace(string(v)))
		}
	case "type":
		if at.typ == "" {
			at.typ = strings.ToLower(strings.TrimSpace(string(v)))
		}
	case "datetime":
		if at.datetime == "" {
			at.datetime = string(v)
		}
	case "name":
		if at.name == "" {
			at.name = string(v)
		}
	case "property":
		if at.property == "" {
			at.property = string(v)
		}
	case "itemprop":
		if at.itemprop == "" {
			at.itemprop = string(v)
		}
	case "http-equiv":
		if at.httpEquiv == "" {
			at.httpEquiv = string(v)
		}
	case "content":
		if !at.hasContent {
			at.content, at.hasContent = string(v), true
		}
	case "hidden":
		at.hidden = true
	case "open":
		at.open = true
	}
}

func (x *extractor) startTag(z *html.Tokenizer, selfClosing bool) {
	if x.inTitle { // cannot happen: <title> is RCDATA; be safe anyway
		x.inTitle, x.titleDone = false, true
	}
	name, more := z.TagName()
	a := atom.Lookup(name)
	var at attrs
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		at.set(k, v)
	}

	if x.top().flags&fForeign != 0 {
		if !breaksOutOfForeign(a) {
			// SVG or MathML: <title> and <style> are not raw text here.
			z.NextIsNotRawText()
			if !selfClosing {
				x.push(name, a, &at)
			}
			return
		}
		for x.top().flags&fForeign != 0 {
			x.pop()
		}
	}

	top := x.top()
	switch a {
	case atom.Html:
		if x.htmlLang == "" && at.hasLang {
			x.htmlLang = at.lang
		}
		return
	case atom.Head, atom.Body:
		return
	case atom.Title:
		if top.flags&fDrop == 0 {
			x.inTitle = true
			return
		}
	case atom.Meta:
		if top.flags&(fDrop|fSoft) == 0 {
			x.meta.add(&at)
		}
		return
	case atom.Br:
		if top.flags&fDrop == 0 {
			x.flush()
		}
		return
	case atom.Hr:
		x.closeP()
		if x.top().flags&fDrop == 0 {
			x.flush()
		}
		return
	}
	if isVoid(a) || selfClosing && (a == atom.Svg || a == atom.Math) {
		return
	}

	x.impliedEnd(a)
	if isBlock(a) && x.top().flags&fDrop == 0 {
		x.flush()
	}
	e := x.push(name, a, &at)
	if e.flags&fDrop != 0 {
		return
	}
	switch a {
	case atom.Q:
		x.buf = append(x.buf, quote(e.lang, x.pageLang(), e.qDepth, true)...)
	case atom.Time:
		if v := collapse([]byte(at.datetime)); v != "" && len(x.stamps) < maxStamps {
			x.stamps = append(x.stamps, stamp{v, e.flags})
		}
	}
}

// impliedEnd closes the elements that a start tag a closes implicitly.
func (x *extractor) impliedEnd(a atom.Atom) {
	top := x.top()
	switch a {
	case atom.Li:
		if top.nearLi >= 0 {
			x.popTo(top.nearLi)
		}
	case atom.Dd, atom.Dt:
		if top.nearDl >= 0 {
			x.popTo(top.nearDl)
		}
	case atom.Td, atom.Th:
		if top.cell >= 0 {
			x.popTo(top.cell)
		}
	case atom.Tr:
		if top.row >= 0 {
			x.popTo(top.row)
		} else if top.cell >= 0 {
			x.popTo(top.cell)
		}
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup:
		if t := top.table; t >= 0 && x.stack[t].a == atom.Table {
			x.popTo(t + 1)
		}
	case atom.A, atom.Button, atom.Nobr:
		if i := x.last(a.String()); i >= 0 && i >= top.scope {
			x.popTo(i)
		}
	}
	if closesP(a) {
		x.closeP()
	}
	if isHeading(a) && isHeading(x.top().a) && len(x.stack) > 0 {
		x.pop()
	}
}

func (x *extractor) closeP() {
	if i := x.top().nearP; i >= 0 {
		x.popTo(i)
	}
}

// push opens an element below the current one and returns it.
func (x *extractor) push(name []byte, a atom.Atom, at *attrs) *elem {
	p := x.top()
	i := int32(len(x.stack))
	e := elem{
		a: a, flags: p.flags & inherited, qDepth: p.qDepth, lang: p.lang,
		nearP: p.nearP, nearLi: p.nearLi, nearDl: p.nearDl,
		cell: p.cell, row: p.row, scope: p.scope, table: p.table,
	}
	if a != 0 {
		e.name = a.String()
	} else {
		e.name = string(name)
	}
	if at.hasLang {
		e.lang = at.lang
	}

	switch {
	case a == atom.Svg || a == atom.Math:
		e.flags |= fForeign
	case p.flags&fForeign != 0 && !isIntegrationPoint(a):
		e.flags |= fForeign
	}

	hard := isDroppedTag(a) || a == atom.AnnotationXml || e.name == "annotation" ||
		a == atom.Header && p.flags&(fArticle|fMain) == 0 ||
		a == atom.Dialog && !at.open ||
		at.hidden || at.ariaHidden == "true" || isDroppedRole(at.role) || hidesStyle(at.style)
	isMain := a == atom.Main || at.role == "main"
	if !hard && a != atom.Article && !isMain && (isJunkName(at.class) || isJunkName(at.id)) {
		if isBlock(a) {
			e.flags |= fSoft | fSoftLocal
		} else {
			hard = true
		}
	} else if a == atom.Article || isMain {
		e.flags &^= fSoftLocal
	}
	if hard {
		e.flags |= fDrop
	}
	if e.flags&fDrop == 0 {
		switch {
		case a == atom.Article:
			e.flags |= fArticle
		case isMain:
			e.flags |= fMain
		}
	}
	switch a {
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext, atom.Textarea:
		e.flags |= fPre
	case atom.H1:
		e.flags |= fH1
	case atom.Q:
		e.qDepth++
	case atom.Script:
		if at.typ == "application/ld+json" && p.flags&(fDrop|fSoft) == 0 {
			e.flags |= fLD
			x.ld = x.ld[:0]
		}
	}

	switch a {
	case atom.P:
		e.nearP = i
	case atom.Li:
		e.nearLi, e.nearDl = i, -1
	case atom.Dd, atom.Dt:
		e.nearDl, e.nearLi = i, -1
	case atom.Td, atom.Th:
		e.cell = i
	case atom.Tr:
		e.row = i
	case atom.Table, atom.Template:
		e.cell, e.row, e.table = -1, -1, i
	}
	if isButtonScope(a) {
		e.nearP = -1
	}
	if isSpecial(a) && a != atom.Li && a != atom.Dd && a != atom.Dt {
		e.nearLi, e.nearDl = -1, -1
	}
	if isScope(a) {
		e.scope = i
	}

	x.stack = append(x.stack, e)
	x.pos[e.name] = append(x.pos[e.name], i)
	return &x.stack[i]
}

// pop closes the innermost open element.
func (x *extractor) pop() {
	n := len(x.stack) - 1
	if n < 0 {
		return
	}
	e := &x.stack[n]
	if e.flags&fDrop == 0 {
		if e.a == atom.Q {
			x.buf = append(x.buf, quote(e.lang, x.pageLang(), e.qDepth, false)...)
		}
		if isBlock(e.a) {
			x.flush()
		}
	}
	if e.flags&fLD != 0 {
		parseLD(x.ld, x.ldMeta)
		x.ld = x.ld[:0]
	}
	ps := x.pos[e.name]
	x.pos[e.name] = ps[:len(ps)-1]
	x.stack = x.stack[:n]
}

// popTo closes the element at stack index i and everything inside it.
func (x *extractor) popTo(i int32) {
	for int32(len(x.stack)) > i {
		x.pop()
	}
}

func (x *extractor) endTag(z *html.Tokenizer) {
	if x.inTitle {
		x.inTitle, x.titleDone = false, true
		return
	}
	name, _ := z.TagName()
	a := atom.Lookup(name)
	top := x.top()
	switch a {
	case atom.Html, atom.Body, atom.Head:
		return
	case atom.Br:
		if top.flags&fDrop == 0 {
			x.flush()
		}
		return
	case atom.P:
		if top.nearP >= 0 {
			x.popTo(top.nearP)
		} else if top.flags&fDrop == 0 {
			x.flush() // a stray </p> stands for an empty paragraph
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// Any heading end tag closes the innermost open heading.
		i := int32(-1)
		for _, h := range headings {
			i = max(i, x.last(h))
		}
		if i >= 0 && i >= top.scope {
			x.popTo(i)
		}
		return
	case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Table, atom.Caption, atom.Colgroup:
		if i := x.last(a.String()); i >= 0 && i >= top.table {
			x.popTo(i)
		}
		return
	}
	key := a.String()
	if a == 0 {
		key = string(name)
	}
	if i := x.last(key); i >= 0 && (i >= top.scope || a == atom.Template) {
		x.popTo(i)
	}
}

var headings = [...]string{"h1", "h2", "h3", "h4", "h5", "h6"}

func (x *extractor) text(b []byte) {
	if x.inTitle {
		if !x.titleDone {
			x.title = append(x.title, b...)
		}
		return
	}
	top := x.top()
	if top.flags&fLD != 0 {
		if len(x.ld)+len(b) <= maxLD {
			x.ld = append(x.ld, b...)
		}
		return
	}
	if top.flags&fDrop != 0 {
		return
	}
	if top.flags&fPre == 0 {
		x.buf = append(x.buf, b...)
		return
	}
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			x.buf = append(x.buf, b...)
			return
		}
		x.buf = append(x.buf, b[:i]...)
		x.flush()
		b = b[i+1:]
	}
}

// flush ends the block being built; it belongs to the innermost open element.
func (x *extractor) flush() {
	if len(x.buf) == 0 {
		return
	}
	s := collapse(x.buf)
	x.buf = x.buf[:0]
	if s != "" {
		x.blocks = append(x.blocks, block{s, x.top().flags & blockFlags})
	}
}

func (x *extractor) finish() Page {
	x.inTitle = false
	x.popTo(0)
	x.flush()

	// Blocks outside soft-dropped elements. But when these have no article or main
	// element and a soft-dropped element holds one with clearly more text, that is a
	// layout wrapper with an unlucky class name ("content-sidebar-wrap"): take the
	// article or main element inside it, still without its own soft-dropped parts.
	texts, region, ok := choose(x.blocks, func(f uint16) bool { return f&fSoft == 0 })
	if region == 0 {
		t2, r2, ok2 := choose(x.blocks, func(f uint16) bool {
			return f&fSoftLocal == 0 && f&(fArticle|fMain) != 0
		})
		if len(t2) > 0 && chars(t2) > 2*chars(texts) {
			texts, region, ok = t2, r2, ok2
		}
	}
	visible := func(f uint16) bool { return f&fSoft == 0 }

	p := Page{Blocks: texts, Meta: x.meta.values}
	for k, v := range x.ldMeta {
		if p.Meta[k] == "" {
			p.Meta[k] = v
		}
	}
	if l := lang2(x.htmlLang); l != "" {
		p.Meta["language"] = l
	}
	if p.Meta["date"] == "" {
		if s := firstStamp(x.stamps, region, ok, visible); s != "" {
			p.Meta["date"] = s
		}
	}

	p.Title = collapse(x.title)
	if p.Title != "" {
		p.Title = stripSite(p.Title, p.Meta["publisher"])
	}
	if p.Title == "" {
		p.Title = firstH1(x.blocks, region, ok, visible)
	}
	return p
}

// choose returns the text of the blocks that pass ok, restricted to the <article>
// elements if any, else to <main>, else all of them; and the restricting flag.
func choose(bs []block, ok func(uint16) bool) ([]string, uint16, func(uint16) bool) {
	var seen uint16
	for _, b := range bs {
		if ok(b.flags) {
			seen |= b.flags
		}
	}
	region := uint16(0)
	switch {
	case seen&fArticle != 0:
		region = fArticle
	case seen&fMain != 0:
		region = fMain
	}
	var out []string
	for _, b := range bs {
		if ok(b.flags) && b.flags&region == region {
			out = append(out, b.text)
		}
	}
	return out, region, ok
}

func chars(ss []string) int {
	n := 0
	for _, s := range ss {
		n += len(s)
	}
	return n
}

// firstH1 is the text of the first <h1> block of the chosen region, else of the page.
func firstH1(bs []block, region uint16, ok, visible func(uint16) bool) string {
	for _, b := range bs {
		if b.flags&fH1 != 0 && ok(b.flags) && b.flags&region == region {
			return b.text
		}
	}
	for _, b := range bs {
		if b.flags&fH1 != 0 && visible(b.flags) {
			return b.text
		}
	}
	return ""
}

// firstStamp is the first <time datetime> of the chosen region, else of the page.
func firstStamp(ss []stamp, region uint16, ok, visible func(uint16) bool) string {
	for _, s := range ss {
		if ok(s.flags) && s.flags&region == region {
			return s.value
		}
	}
	for _, s := range ss {
		if visible(s.flags) {
			return s.value
		}
	}
	return ""
}

// quote returns the opening or closing quotation mark for a <q> at nesting depth
// (1 outermost): German „…“ and ‚…‘, otherwise “…” and ‘…’.
func quote(lang, pageLang string, depth int32, open bool) string {
	if lang == "" {
		lang = pageLang
	}
	inner := depth%2 == 0
	if lang2(lang) == "de" {
		switch {
		case open && inner:
			return "‚"
		case open:
			return "„"
		case inner:
			return "‘"
		}
		return "“"
	}
	switch {
	case open && inner:
		return "‘"
	case open:
		return "“"
	case inner:
		return "’"
	}
	return "”"
}

// collapse turns runs of ASCII white space and control characters into one space and
// trims Unicode white space and zero-width characters at both ends.
func collapse(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	space := false
	for _, c := range b {
		if c <= ' ' {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteByte(c)
	}
	return strings.TrimFunc(sb.String(), isEdgeSpace)
}

func isEdgeSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// lang2 is the lower-cased two-letter language of a language tag like "de-DE", or "".
func lang2(tag string) string {
	tag = strings.TrimSpace(tag)
	if len(tag) < 2 || !isASCIILetter(tag[0]) || !isASCIILetter(tag[1]) {
		return ""
	}
	return strings.ToLower(tag[:2])
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
