package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

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
