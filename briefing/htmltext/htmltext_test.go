package htmltext

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

const germanNewsPage = `<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="utf-8">
<title>Bundesamt warnt vor Lücke in Routern | Tagesblick</title>
<meta name="description" content="Das BSI rät zu einem schnellen Update.">
<meta name="author" content="Jörg Müller">
<meta property="article:published_time" content="2024-10-30T08:15:00+01:00">
<meta property="og:site_name" content="Tagesblick">
<link rel="stylesheet" href="/s.css">
<script>var banner = "<p>Bitte stimmen Sie zu</p>"; window.dataLayer = [];</script>
<style>p { color: #333 }</style>
</head>
<body>
<div id="cookie-banner" class="cmp-overlay">
  <p>Wir verwenden Cookies. Mit „Akzeptieren“ stimmen Sie zu.</p>
  <button>Akzeptieren</button>
</div>
<header class="site-header">
  <a class="logo" href="/">Tagesblick</a>
  <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">Start</a> › <a href="/digital">Digital</a></div>
<main>
<article>
  <h1>Bundesamt warnt vor Lücke in Routern</h1>
  <p class="lead"><strong>Berlin.</strong> Das Bundesamt für Sicherheit in der Informationstechnik (BSI) rät Besitzern älterer Router zu einem schnellen Update.</p>
  <div class="share-buttons"><a href="#">Teilen</a> <a href="#">Twittern</a></div>
  <h2>Was ist betroffen?</h2>
  <p>Betroffen sind nach Angaben des Amtes Geräte,
     die vor 2020 verkauft wurden. „Die Lücke ist kritisch“, sagte eine Sprecherin.</p>
  <ul>
    <li>Fritz!Box-Modelle mit alter Firmware</li>
    <li>Speedport-Router der Serie W&nbsp;700</li>
  </ul>
  <figure>
    <img src="router.jpg" alt="Ein Router">
    <figcaption>Ältere Router sind besonders gefährdet. Foto: dpa</figcaption>
  </figure>
  <aside class="teaser"><h3>Lesen Sie auch</h3><p><a href="/x">Warum Updates so wichtig sind</a></p></aside>
  <h2>Was Nutzer tun sollten</h2>
  <p>Das BSI empfiehlt, die automatische Aktualisierung einzuschalten. Über die Zahl der Angriffe ist bislang wenig bekannt.</p>
  <script>document.write("<p>Anzeige</p>")</script>
</article>
<section class="comments"><h2>Kommentare</h2><p>Erster!</p></section>
</main>
<footer><p>© 2024 Tagesblick · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></p></footer>
</body>
</html>
`

const englishPage = `<html lang="en"><head><title>Quarterly threat report</title></head>
<body>
<div class="wrapper">
  <div id="menu"><a href="/">Home</a> <a href="/about">About</a></div>
  <h1>Quarterly threat report</h1>
  <p>Attacks on hospitals rose by a third.</p>
  <div class="sidebar"><p>Popular now</p></div>
  <p>Ransomware remained the main threat.</p>
</div>
</body></html>`

type testCase struct {
	name   string
	in     string
	title  string
	blocks []string
	meta   map[string]string // nil: not checked
}

var tests = []testCase{
	{
		name:  "a German news page keeps only the article text",
		in:    germanNewsPage,
		title: "Bundesamt warnt vor Lücke in Routern",
		blocks: []string{
			"Bundesamt warnt vor Lücke in Routern",
			"Berlin. Das Bundesamt für Sicherheit in der Informationstechnik (BSI) rät Besitzern älterer Router zu einem schnellen Update.",
			"Was ist betroffen?",
			"Betroffen sind nach Angaben des Amtes Geräte, die vor 2020 verkauft wurden. „Die Lücke ist kritisch“, sagte eine Sprecherin.",
			"Fritz!Box-Modelle mit alter Firmware",
			"Speedport-Router der Serie W\u00a0700",
			"Ältere Router sind besonders gefährdet. Foto: dpa",
			"Was Nutzer tun sollten",
			"Das BSI empfiehlt, die automatische Aktualisierung einzuschalten. Über die Zahl der Angriffe ist bislang wenig bekannt.",
		},
		meta: map[string]string{
			"author":      "Jörg Müller",
			"date":        "2024-10-30T08:15:00+01:00",
			"publisher":   "Tagesblick",
			"language":    "de",
			"description": "Das BSI rät zu einem schnellen Update.",
		},
	},
	{
		name:   "an English page without article takes the body without menu and sidebar",
		in:     englishPage,
		title:  "Quarterly threat report",
		blocks: []string{"Quarterly threat report", "Attacks on hospitals rose by a third.", "Ransomware remained the main threat."},
		meta:   map[string]string{"language": "en"},
	},
	{
		name:   "the title falls back to the first h1",
		in:     `<html><head></head><body><header><h1>Site</h1></header><h1>The <em>real</em> headline</h1><p>Text.</p></body></html>`,
		title:  "The real headline",
		blocks: []string{"The real headline", "Text."},
		meta:   map[string]string{},
	},
	{
		name:   "an empty title falls back to the h1 outside the article",
		in:     `<title>  </title><h1>Headline</h1><article><p>Body.</p></article>`,
		title:  "Headline",
		blocks: []string{"Body."},
	},
	{
		name:   "the site name after a bar is stripped from the title",
		in:     `<title>Hackers hit port  |  Harbour News</title><meta property="og:site_name" content="Harbour News"><p>x</p>`,
		title:  "Hackers hit port",
		blocks: []string{"x"},
		meta:   map[string]string{"publisher": "Harbour News"},
	},
	{
		name:   "the site name after an en dash is stripped whatever its case",
		in:     `<title>Angriff auf Hafen – HAFENBLATT</title><meta property="og:site_name" content="Hafenblatt"><p>x</p>`,
		title:  "Angriff auf Hafen",
		blocks: []string{"x"},
	},
	{
		name:   "a title suffix that is not the site name is kept",
		in:     `<title>Patch Tuesday - What changed</title><meta property="og:site_name" content="Security Weekly"><p>x</p>`,
		title:  "Patch Tuesday - What changed",
		blocks: []string{"x"},
	},
	{
		name:   "a title is kept whole without a site name",
		in:     `<title>Report | Part 2</title><p>x</p>`,
		title:  "Report | Part 2",
		blocks: []string{"x"},
	},
	{
		name:   "br splits a paragraph into blocks",
		in:     `<p>Line one<br>line two<br/><br>line three</p>`,
		blocks: []string{"Line one", "line two", "line three"},
	},
	{
		name:   "unclosed p tags end at the next block",
		in:     `<body><p>First<p>Second<div>Third</div><p>Fourth<ul><li>Fifth</ul>`,
		blocks: []string{"First", "Second", "Third", "Fourth", "Fifth"},
	},
	{
		name:   "a stray closing p loses no text",
		in:     `<div>Alpha</p>Beta</div></p><p>Gamma</p></p>`,
		blocks: []string{"Alpha", "Beta", "Gamma"},
	},
	{
		name:   "nested inline markup stays in one block",
		in:     "<p>The <a href=x><strong>quick <em>brown</em></strong></a>\n  fox <abbr title=y>jumps</abbr><sup>1</sup> over <code>lazy()</code> <span><b><i>dogs</i></b></span>.</p>",
		blocks: []string{"The quick brown fox jumps1 over lazy() dogs."},
	},
	{
		name: "hidden elements are dropped",
		in: `<p>Visible <span hidden>secret</span>text <span aria-hidden="true">icon</span><span style="display: none">x</span></p>
			<div role="navigation"><p>Nav</p></div><div role="banner">Banner</div><div role="contentinfo">Info</div>
			<div style="visibility:hidden">Invisible</div><dialog><p>Modal</p></dialog><p>End</p>`,
		blocks: []string{"Visible text", "End"},
	},
	{
		name: "meta tags give author, published date, site name, description and language",
		in: `<html lang="DE-at"><head>
			<meta name="author" content=" Anna  Schmidt ">
			<meta name="dc.date" content="2023-01-01">
			<meta property="article:published_time" content="2024-05-17T10:00:00Z">
			<meta name="publisher" content="Verlag">
			<meta property="og:site_name" content="Stadtanzeiger">
			<meta property="og:description" content="Kurz gesagt.">
			<meta property="article:author" content="https://example.org/anna">
			</head><body><p>Text</p></body></html>`,
		blocks: []string{"Text"},
		meta: map[string]string{
			"author":      "Anna Schmidt",
			"date":        "2024-05-17T10:00:00Z",
			"publisher":   "Stadtanzeiger",
			"description": "Kurz gesagt.",
			"language":    "de",
		},
	},
	{
		name: "JSON-LD fills what the meta tags leave out",
		in: `<head><meta property="og:site_name" content="Portal"><script type="application/ld+json">
			{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
			{"@type":"NewsArticle","author":[{"@type":"Person","name":"Kim Lee"},{"name":"Ola Nordmann"}],
			"datePublished":"2025-01-31T09:00:00+01:00","inLanguage":"en-GB","publisher":{"name":"Other"}}]}
			</script></head><p>Body</p>`,
		blocks: []string{"Body"},
		meta: map[string]string{
			"author":    "Kim Lee, Ola Nordmann",
			"date":      "2025-01-31T09:00:00+01:00",
			"publisher": "Portal",
			"language":  "en",
		},
	},
	{
		name:   "the date falls back to the first time element of the article",
		in:     `<div class="related"><time datetime="2020-01-01">old</time></div><article><p>By X, <time datetime="2024-02-03T04:05">3 Feb</time></p></article>`,
		blocks: []string{"By X, 3 Feb"},
		meta:   map[string]string{"date": "2024-02-03T04:05"},
	},
	{
		name:   "text beside child blocks in a div is a block of its own",
		in:     `<div>Intro <b>bold</b><p>Para</p>tail<div>inner</div>end</div>`,
		blocks: []string{"Intro bold", "Para", "tail", "inner", "end"},
	},
	{
		name:   "q gets German quotation marks on a German page",
		in:     `<html lang="de"><p>Er sagte <q>Das ist <q>neu</q></q>.</p>`,
		blocks: []string{"Er sagte „Das ist ‚neu‘“."},
	},
	{
		name:   "q gets English quotation marks otherwise",
		in:     `<html lang="en"><p>She said <q>no</q> and <q lang="de">nein</q>.</p>`,
		blocks: []string{"She said “no” and „nein“."},
	},
	{
		name:   "pre keeps its lines as blocks",
		in:     "<pre>\nfunc main() {\n\tprintln(\"hi\")\n\n}</pre><p>after</p>",
		blocks: []string{"func main() {", `println("hi")`, "}", "after"},
	},
	{
		name:   "several articles are all taken in order",
		in:     `<p>Intro</p><article><h2>One</h2><p>First.</p></article><p>Between</p><article><h2>Two</h2><p>Second.</p></article>`,
		blocks: []string{"One", "First.", "Two", "Second."},
	},
	{
		name:   "main is taken when there is no article",
		in:     `<div>Top</div><main><p>Main text.</p></main><div>Bottom</div>`,
		blocks: []string{"Main text."},
	},
	{
		name:   "role main is taken like main",
		in:     `<div>Top</div><div role="main"><p>Main text.</p></div><div>Bottom</div>`,
		blocks: []string{"Main text."},
	},
	{
		name: "boilerplate class and id names drop their elements",
		in: `<div class="cookieBanner">C</div><div id="newsletter-signup">N</div><ul class="social_links"><li>S</li></ul>
			<div class="relatedArticles">R</div><div class="c-comments">K</div><div class="ad advert-box">A</div>
			<div id="mainmenu">M</div><div class="subscribe">Sub</div><div class="consent">Con</div>
			<p>Read <span class="share-count">42</span>this.</p>
			<div class="shareholder-letter">Kept</div><div class="commentary">Opinion</div>
			<div class="post type-post category-social-media tag-cookies">Post</div>`,
		blocks: []string{"Read this.", "Kept", "Opinion", "Post"},
	},
	{
		name:   "a layout class such as has-sidebar does not drop the content",
		in:     `<body><div class="page has-sidebar"><p>Content</p></div><div class="sidebar-widget"><p>Widget</p></div></body>`,
		blocks: []string{"Content"},
	},
	{
		name:   "a sidebar class around the whole layout still yields the main text",
		in:     `<div class="site-sidebar-layout"><main class="content"><h1>Head</h1><p>Body</p><div class="share">Share</div></main><div class="widget">W</div></div>`,
		blocks: []string{"Head", "Body"},
	},
	{
		name:   "a sidebar class around the layout wins over a little text outside it",
		in:     `<div class="topbar">Breaking news</div><div class="sidebar-layout"><article><p>The long article text that is the reason for the page.</p></article></div>`,
		blocks: []string{"The long article text that is the reason for the page."},
	},
	{
		name:   "teaser articles in a related box do not replace the body text",
		in:     `<div class="post"><h1>Post</h1><p>The body of a post on a page that uses no article element.</p></div><div class="related-posts"><article><p>Teaser</p></article></div>`,
		blocks: []string{"Post", "The body of a post on a page that uses no article element."},
	},
	{
		name:   "MathML keeps its text but not its annotations",
		in:     `<p>Let <math><mi>x</mi><mo>=</mo><mn>2</mn><annotation encoding="TeX">x=2</annotation></math> hold.</p>`,
		blocks: []string{"Let x=2 hold."},
	},
	{
		name:   "ruby annotations are left out",
		in:     `<p><ruby>漢<rp>(</rp><rt>kan</rt>字<rp>(</rp><rt>ji</rt></ruby>です</p>`,
		blocks: []string{"漢字です"},
	},
	{
		name:   "invalid UTF-8 becomes replacement characters",
		in:     "<p>a\xffb</p>",
		blocks: []string{"a\ufffdb"},
	},
	{
		name:   "article teasers inside a related section do not count as the article",
		in:     `<main><p>Lead</p><p>Body</p><section class="related"><article><p>Teaser</p></article></section></main>`,
		blocks: []string{"Lead", "Body"},
	},
	{
		name:   "a header inside the article is kept",
		in:     `<header><p>Site</p></header><article><header><h1>Title</h1><p>Lead.</p></header><p>Body.</p><footer>Tags</footer></article>`,
		title:  "Title",
		blocks: []string{"Title", "Lead.", "Body."},
	},
	{
		name:   "entities are decoded and a no-break space stays",
		in:     `<p>Caf&eacute; &amp; Bar&nbsp;&ndash; 5&#8239;€ &lt;tag&gt;</p><p>&nbsp;</p><p>&#8203;</p>`,
		blocks: []string{"Café & Bar\u00a0– 5\u202f€ <tag>"},
	},
	{
		name:   "table cells are blocks",
		in:     `<table><caption>Costs</caption><tr><th>Year<th>Sum<tr><td>2023<td>5 €</table><p>after`,
		blocks: []string{"Costs", "Year", "Sum", "2023", "5 €", "after"},
	},
	{
		name:   "list items and definitions without end tags are blocks",
		in:     `<ol><li>one<li>two<ol><li>two.a</ol><li>three</ol><dl><dt>Term<dd>Meaning<dt>Term 2<dd>Meaning 2</dl>`,
		blocks: []string{"one", "two", "two.a", "three", "Term", "Meaning", "Term 2", "Meaning 2"},
	},
	{
		name:   "an unclosed svg ends at the next paragraph",
		in:     `<p>Before</p><svg><title>Icon</title><text>label</text><p>After</p>`,
		blocks: []string{"Before", "After"},
	},
	{
		name:   "a script never shows, even with markup in a string",
		in:     `<p>One</p><script>if (a < b) { s = "</p><p>fake"; }</script><noscript><p>Enable JS</p></noscript><template><p>T</p></template><p>Two</p>`,
		blocks: []string{"One", "Two"},
	},
	{
		name:   "forms, buttons and iframes are dropped",
		in:     `<p>Text <button>Click</button><select><option>A</select></p><form><p>Name</p><input></form><iframe>frame text</iframe><p>End</p>`,
		blocks: []string{"Text", "End"},
	},
	{
		name:   "an empty document gives an empty page",
		in:     ``,
		blocks: nil,
		meta:   map[string]string{},
	},
	{
		name:   "text outside any element is a block",
		in:     "just text\n\n with spaces ",
		blocks: []string{"just text with spaces"},
	},
	{
		name:   "deeply nested divs are read to the bottom",
		in:     strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 5000) + "<p>after</p>",
		blocks: []string{"deep", "after"},
	},
}

func TestExtract(t *testing.T) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Extract(tc.in)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if tc.title != "" && p.Title != tc.title {
				t.Errorf("Title = %q, want %q", p.Title, tc.title)
			}
			if !reflect.DeepEqual(p.Blocks, tc.blocks) {
				t.Errorf("Blocks =\n%s\nwant\n%s", quoteAll(p.Blocks), quoteAll(tc.blocks))
			}
			if tc.meta != nil && !reflect.DeepEqual(p.Meta, tc.meta) {
				t.Errorf("Meta = %q, want %q", p.Meta, tc.meta)
			}
			checkPage(t, p)
		})
	}
}

// TestPathologicalPages runs pages that would take minutes with quadratic work per
// element or that break nesting limits; it checks only that they are read.
func TestPathologicalPages(t *testing.T) {
	const n = 20000
	var ids strings.Builder
	for i := range n {
		fmt.Fprintf(&ids, "<b id=%d><p>x", i)
	}
	pages := map[string]string{
		"unclosed divs then paragraphs":     strings.Repeat("<div>", n) + strings.Repeat("<p>x", n),
		"a paragraph around a table cell":   "<p><table><td>" + strings.Repeat("<span>", n) + strings.Repeat("<div>y", n),
		"distinct unclosed formatting tags": ids.String(),
		"stray end tags in a deep page":     strings.Repeat("<div>", n) + strings.Repeat("</span></p></li></td>z", n),
		"nested quotations":                 strings.Repeat("<q>", n) + "x",
		"nested unclosed lists":             strings.Repeat("<ul><li>x", n),
		"unclosed links around blocks":      strings.Repeat("<a><div>x", n),
		"nested unclosed tables":            strings.Repeat("<table><td>x", n) + strings.Repeat("</div>", n),
		"a huge class attribute":            `<div class="` + strings.Repeat("fooBar-", n) + `">x</div>`,
		"SVG broken out of again and again": strings.Repeat("<svg><g><p>x", n),
		"mismatched headings":               strings.Repeat("<h1><h2><h3>x</h4>", n),
		"a huge pre":                        "<pre>" + strings.Repeat("a\n", 10*n),
		"deep inline markup":                strings.Repeat("<span>", n) + strings.Repeat("x ", n) + strings.Repeat("</span>", n),
		"articles in dropped wrappers":      strings.Repeat("<article><div class=share><main>x", n),
	}
	for name, in := range pages {
		t.Run(name, func(t *testing.T) {
			p, err := Extract(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Blocks) == 0 {
				t.Error("no blocks")
			}
			checkPage(t, p)
		})
	}
}

func quoteAll(ss []string) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\t%q\n", s)
	}
	return b.String()
}

// checkPage asserts what holds for every page.
func checkPage(t *testing.T, p Page) {
	t.Helper()
	if p.Meta == nil {
		t.Error("Meta is nil")
	}
	check := func(what, s string, mayBeEmpty bool) {
		t.Helper()
		switch {
		case s == "" && !mayBeEmpty:
			t.Errorf("%s is empty", what)
		case strings.TrimSpace(s) != s:
			t.Errorf("%s %q is not trimmed", what, s)
		case strings.ContainsAny(s, "\n\r"):
			t.Errorf("%s %q contains a line break", what, s)
		case !utf8.ValidString(s):
			t.Errorf("%s %q is not valid UTF-8", what, s)
		case strings.Contains(s, "  "):
			t.Errorf("%s %q has white space that is not collapsed", what, s)
		}
	}
	for i, b := range p.Blocks {
		check(fmt.Sprintf("block %d", i), b, false)
	}
	check("title", p.Title, true)
	for k, v := range p.Meta {
		check("meta "+k, v, false)
		switch k {
		case "author", "date", "publisher", "description":
		case "language":
			if len(v) != 2 || strings.ToLower(v) != v || !isASCIILetter(v[0]) || !isASCIILetter(v[1]) {
				t.Errorf("language %q is not two lower-case letters", v)
			}
		default:
			t.Errorf("unexpected meta key %q", k)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range tests {
		if len(tc.in) <= 8<<10 { // big seeds make minimizing slow
			f.Add(tc.in)
		}
	}
	f.Add(benchPage(2))
	f.Add("<b><p>x</b>y</p><table><td>a</div><math><mi>q</mi><p>z")
	f.Fuzz(func(t *testing.T, in string) {
		p, err := Extract(in)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		checkPage(t, p)
	})
}

// benchPage builds a news page with n article sections, about 800 bytes and 12 blocks each, between the
// usual page furniture.
func benchPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Lagebericht | Netzblatt</title>
<meta property="og:site_name" content="Netzblatt"><meta name="author" content="Redaktion">
<script>window.cfg = {"a": "<div>x</div>"};</script><style>.x{color:red}</style></head><body>
<div class="cookie-consent"><p>Wir nutzen Cookies.</p><button>OK</button></div>
<header><nav><ul><li><a href="/">Start</a><li><a href="/it">IT</a></ul></nav></header><main><article><h1>Lagebericht zur IT-Sicherheit</h1>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<h2>Abschnitt %d</h2>
<p>Die Zahl der gemeldeten Vorfälle stieg im Berichtszeitraum um <strong>%d&nbsp;Prozent</strong>. Besonders betroffen waren
<a href="/k">Kommunen</a>, Kliniken und <em>mittelständische Unternehmen</em>. &bdquo;Wir sehen eine Professionalisierung&ldquo;, sagte die Präsidentin.</p>
<div class="share"><a href="#">Teilen</a></div>
<ul><li>Ransomware-Angriffe</li><li>Phishing mit <q>KI</q>-Texten</li><li>DDoS auf Behördenportale</li></ul>
<p>Unclosed paragraph with a<br>line break and <span class="x"><b><i>nested</i></b></span> markup
<table><tr><th>Jahr<th>Fälle<tr><td>2023<td>%d</table>
<figure><img src="a.png" alt=""><figcaption>Grafik: Entwicklung der Fälle seit 2019</figcaption></figure>
<aside><h3>Lesen Sie auch</h3><p>Weitere Berichte</p></aside>
`, i, i%90, 1000+i)
	}
	b.WriteString(`</article></main><footer><p>Impressum · Datenschutz</p></footer></body></html>`)
	return b.String()
}

func TestBenchPageIsRead(t *testing.T) {
	p, err := Extract(benchPage(3))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Lagebericht" || len(p.Blocks) != 1+3*12 {
		t.Errorf("Title %q, %d blocks:\n%s", p.Title, len(p.Blocks), quoteAll(p.Blocks))
	}
}

func BenchmarkExtract(b *testing.B) {
	page := benchPage(125) // about 100 KB
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(page); err != nil {
			b.Fatal(err)
		}
	}
}
