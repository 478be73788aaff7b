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
	"io"
	"strings"
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
