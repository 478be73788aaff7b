package htmltext

import (
	"bytes"
	"strings"
	"unicode"
)

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
