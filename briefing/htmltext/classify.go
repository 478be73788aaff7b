package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

// isVoid reports elements that never have content or an end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Basefont, atom.Bgsound, atom.Br, atom.Col, atom.Embed,
		atom.Frame, atom.Hr, atom.Image, atom.Img, atom.Input, atom.Keygen, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// isBlock reports elements whose start and end separate blocks of text. Everything
// else, including unknown and custom elements, stays inline in the surrounding block.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Caption, atom.Center,
		atom.Colgroup, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frameset,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Legend, atom.Li, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol,
		atom.Optgroup, atom.Option, atom.P, atom.Plaintext, atom.Pre, atom.Search, atom.Section,
		atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr,
		atom.Ul, atom.Xmp:
		return true
	}
	return false
}

// closesP reports start tags that close an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Dd,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Li, atom.Listing, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.P, atom.Plaintext, atom.Pre, atom.Search, atom.Section,
		atom.Summary, atom.Table, atom.Ul, atom.Xmp:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// isScope reports the boundaries of the HTML "has an element in scope" test.
func isScope(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Marquee, atom.Object, atom.Table, atom.Td, atom.Th,
		atom.Template:
		return true
	}
	return false
}

// isButtonScope reports the boundaries for finding an open <p>.
func isButtonScope(a atom.Atom) bool { return a == atom.Button || isScope(a) }

// isSpecial reports the HTML "special" elements (those with content) that stop the
// search for an open <li>, <dd> or <dt>; <address>, <div> and <p> do not.
func isSpecial(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Caption,
		atom.Center, atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frameset,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Iframe, atom.Li, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Nav,
		atom.Noembed, atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.Plaintext,
		atom.Pre, atom.Script, atom.Search, atom.Section, atom.Select, atom.Style, atom.Summary,
		atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th,
		atom.Thead, atom.Title, atom.Tr, atom.Ul, atom.Xmp:
		return true
	}
	return false
}

// breaksOutOfForeign reports HTML start tags that end SVG or MathML content.
func breaksOutOfForeign(a atom.Atom) bool {
	switch a {
	case atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code,
		atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing,
		atom.Menu, atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S,
		atom.Small, atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table,
		atom.Tt, atom.U, atom.Ul, atom.Var:
		return true
	}
	return false
}

// isIntegrationPoint reports SVG and MathML elements whose content is HTML again.
func isIntegrationPoint(a atom.Atom) bool {
	switch a {
	case atom.Foreignobject, atom.Desc, atom.Title, atom.Mi, atom.Mo, atom.Mn, atom.Ms,
		atom.Mtext, atom.AnnotationXml:
		return true
	}
	return false
}

// isDroppedTag reports elements dropped with all their content.
func isDroppedTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Nav,
		atom.Footer, atom.Form, atom.Aside, atom.Button, atom.Select, atom.Iframe, atom.Object,
		atom.Canvas, atom.Textarea, atom.Noembed, atom.Noframes, atom.Audio, atom.Video,
		atom.Datalist, atom.Applet, atom.Frameset, atom.Rp, atom.Rt:
		return true
	}
	return false
}

// isDroppedRole reports ARIA roles of page furniture.
func isDroppedRole(role string) bool {
	for _, r := range strings.Fields(role) {
		switch r {
		case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar":
			return true
		}
	}
	return false
}

// hidesStyle reports inline styles that hide an element.
func hidesStyle(style string) bool {
	if style == "" {
		return false
	}
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, style)
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// junkWords are class and id words of boilerplate, matched as whole words.
var junkWords = map[string]bool{
	"cookie": true, "cookies": true, "consent": true, "newsletter": true, "newsletters": true,
	"share": true, "shares": true, "sharing": true, "social": true, "breadcrumb": true,
	"breadcrumbs": true, "related": true, "comment": true, "comments": true, "advert": true,
	"adverts": true, "advertisement": true, "advertising": true, "sidebar": true,
	"menu": true, "menus": true, "subscribe": true, "subscription": true,
}

// junkPrefixes also match at the start of a longer word ("cookiebanner",
// "relatedposts"); junkSuffixes at its end ("mainmenu", "leftsidebar").
var (
	junkPrefixes = []string{"cookie", "consent", "newsletter", "social", "breadcrumb",
		"related", "comment", "advert", "sidebar", "subscribe"}
	junkSuffixes = []string{"menu", "sidebar"}
	// notJunk are words that merely start like a junk word.
	notJunk = map[string]bool{"commentary": true, "commentator": true, "commentators": true}
	// modifiers before a junk word describe a layout or a topic, not the element itself
	// ("has-sidebar", "content-sidebar-wrap", "no-comments", WordPress's
	// "category-social-media" and "tag-cookies" on the post).
	modifiers = map[string]bool{"has": true, "with": true, "without": true, "no": true,
		"is": true, "show": true, "hide": true, "content": true, "layout": true,
		"enable": true, "enabled": true, "disable": true, "disabled": true,
		"category": true, "cat": true, "tag": true, "topic": true, "label": true}
)

// isJunkName reports whether a class or id attribute names boilerplate. Each
// space-separated name is split into words at punctuation, digits and camelCase humps.
func isJunkName(v string) bool {
	if v == "" {
		return false
	}
	for _, name := range strings.Fields(v) {
		prev := ""
		for _, w := range splitWords(name) {
			if !modifiers[prev] && isJunkWord(w) {
				return true
			}
			prev = w
		}
	}
	return false
}

func isJunkWord(w string) bool {
	if junkWords[w] {
		return true
	}
	if notJunk[w] {
		return false
	}
	for _, p := range junkPrefixes {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, s := range junkSuffixes {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// splitWords splits "cookieBanner_v2" into "cookie", "banner", "v", "2", lower-cased.
func splitWords(s string) []string {
	var words []string
	start := -1
	prevLower, prevDigit := false, false
	for i, r := range s {
		letter, digit := unicode.IsLetter(r), unicode.IsDigit(r)
		if !letter && !digit {
			if start >= 0 {
				words = append(words, strings.ToLower(s[start:i]))
				start = -1
			}
			prevLower, prevDigit = false, false
			continue
		}
		if start >= 0 && (prevLower && unicode.IsUpper(r) || prevDigit != digit) {
			words = append(words, strings.ToLower(s[start:i]))
			start = -1
		}
		if start < 0 {
			start = i
		}
		prevLower, prevDigit = unicode.IsLower(r), digit
	}
	if start >= 0 {
		words = append(words, strings.ToLower(s[start:]))
	}
	return words
}

// stripSite removes the site name from a title like "Title | Site" or "Site – Title"
// when it matches site; otherwise the title is returned as it is.
func stripSite(title, site string) string {
	site = collapse([]byte(site))
	if site == "" || len(site) >= len(title) {
		return title
	}
	if n := len(title) - len(site); strings.EqualFold(title[n:], site) {
		if rest, ok := cutSeparator(title[:n], true); ok {
			return rest
		}
	}
	if strings.EqualFold(title[:len(site)], site) {
		if rest, ok := cutSeparator(title[len(site):], false); ok {
			return rest
		}
	}
	return title
}

// cutSeparator removes a separator such as " | " at the end (or start) of s; the
// separator needs white space on the side of the remaining title.
func cutSeparator(s string, atEnd bool) (string, bool) {
	if atEnd {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		r, size := utf8.DecodeLastRuneInString(s)
		if !isSeparator(r) {
			return "", false
		}
		s = s[:len(s)-size]
		if r2, _ := utf8.DecodeLastRuneInString(s); !unicode.IsSpace(r2) {
			return "", false
		}
	} else {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		r, size := utf8.DecodeRuneInString(s)
		if !isSeparator(r) {
			return "", false
		}
		s = s[size:]
		if r2, _ := utf8.DecodeRuneInString(s); !unicode.IsSpace(r2) {
			return "", false
		}
	}
	s = strings.TrimFunc(s, isEdgeSpace)
	return s, s != ""
}

func isSeparator(r rune) bool {
	switch r {
	case '|', '-', '–', '—', '·', '•', ':', '»', '/':
		return true
	}
	return false
}
