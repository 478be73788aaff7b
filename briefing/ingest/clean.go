package ingest

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/secbrief/briefing/briefing"
)

// cleaned is a document's text split into body lines and references, with what the
// boilerplate said about the publisher.
type cleaned struct {
	body       []string
	references []briefing.Reference
	// publishers are publisher names found in repeated page headers.
	publishers []string
}

// clean removes boilerplate lines with general rules and keeps reference lines apart:
// lines repeated as page headers, navigation and teaser links, editorial footers, lines that
// are mostly URLs or carry only bibliographic identifiers, and lines without letters.
func clean(lines []string) cleaned {
	var c cleaned
	keys := make([]string, len(lines))
	for i, l := range lines {
		keys[i] = lineKey(l)
	}
	repeated := repeatedLines(lines, keys)
	for i, l := range lines {
		switch {
		case keys[i] != "" && repeated[keys[i]]:
			if p := publisherIn(l); p != "" && !slices.Contains(c.publishers, p) {
				c.publishers = append(c.publishers, p)
			}
		case !hasLetter(l), isPageNumber(l), isNavigation(l), isFooter(l):
		case isReference(l):
			c.references = append(c.references, reference(l))
		case isMostlyURL(l), isIdentifierLine(l):
		default:
			c.body = append(c.body, l)
		}
	}
	return c
}

// maxHeaderBytes bounds the length of a line that can be a running header or footer.
const maxHeaderBytes = 300

// lineKey folds case, digits and surrounding punctuation so that page headers with page
// numbers count as the same line. Lines too long to be headers have no key.
func lineKey(l string) string {
	if len(l) > maxHeaderBytes {
		return ""
	}
	l = strings.ToLower(l)
	l = strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, l)
	return strings.TrimFunc(l, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// repeatedLines returns the keys of lines that occur three times or more, or twice when they
// are short and have no final punctuation (running headers and footers).
func repeatedLines(lines, keys []string) map[string]bool {
	count := map[string]int{}
	for _, k := range keys {
		if k != "" {
			count[k]++
		}
	}
	rep := map[string]bool{}
	for i, l := range lines {
		k := keys[i]
		n := count[k]
		if n >= 3 || n == 2 && wordCount(l) <= 12 && !endsSentence(l) {
			rep[k] = true
		}
	}
	return rep
}

var orgWord = regexp.MustCompile(`(?i)\b(stiftung|institut\w*|foundation|institute|council|zentrum|center|centre|forschung|research|agentur|agency|zeitung|journal|review|studies|verlag|press|rundfunk|welle|nachrichten|news)\b`)

// publisherIn returns the part of a page header that names an organisation, e.g.
// "Stiftung für strategische Forschung" in ": Japan-Programm :: Stiftung für strategische
// Forschung :: FRS".
func publisherIn(header string) string {
	for _, part := range splitHeader(header) {
		if orgWord.MatchString(part) {
			return part
		}
	}
	return ""
}

func splitHeader(h string) []string {
	f := func(r rune) bool { return r == '|' || r == ':' || r == '•' || r == '·' }
	var parts []string
	for _, p := range strings.FieldsFunc(h, f) {
		if p = strings.TrimSpace(strings.Trim(p, " -–—")); p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

var (
	footerWord = regexp.MustCompile(`(?i)^(impressum|datenschutz(erklärung)?|kontakt|cookies?(-einstellungen)?|privacy policy|terms of use|imprint|contact|startseite|home|menü|menu|suche|search|anzeige|werbung|advertisement|teilen|share|drucken|print)$`)
	pageNumber = regexp.MustCompile(`(?i)^(seite|page|s\.|p\.)?\s*\d{1,4}(\s*(von|of|/)\s*\d{1,4})?$`)
	urlRe      = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"]+`)
	identifier = regexp.MustCompile(`(?i)\b(e-?issn|issn|isbn|doi:|doi\.org)\b`)
)

// Navigation lines link to other pages: upper-case PREV/NEXT markers, and teaser labels
// followed by a colon or an arrow. Ordinary sentences that start with "Weiter" or "Next" are
// not navigation.
var (
	navMarkers  = []string{"PREV ", "NEXT ", "PREVIOUS ", "ZURÜCK ", "WEITER "}
	navLabels   = []string{"lesen sie auch", "lesen sie mehr", "mehr zum thema", "mehr dazu", "auch interessant", "das könnte sie auch interessieren", "weitere artikel", "siehe auch", "read more", "read also", "related articles", "related stories", "related", "see also", "more on this topic", "more on this", "you may also like", "empfohlener redaktioneller inhalt"}
	navLinks    = []string{"« zurück", "«zurück", "‹ previous", "‹previous", "previous article", "next article", "vorheriger artikel", "nächster artikel"}
	navLabelEnd = ":»>›→|"
)

// isNavigation looks at the start of the line only: navigation markers lead their line.
func isNavigation(l string) bool {
	for _, m := range navMarkers {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	head := strings.ToLower(l[:prefixLen(l, 64)])
	for _, p := range navLinks {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	for _, p := range navLabels {
		if rest, ok := strings.CutPrefix(head, p); ok {
			rest = strings.TrimLeft(rest, " ")
			if r, _ := utf8.DecodeRuneInString(rest); rest != "" && strings.ContainsRune(navLabelEnd, r) {
				return true
			}
		}
	}
	return false
}

// prefixLen returns a length of at most n bytes that ends on a rune boundary of l.
func prefixLen(l string, n int) int {
	if len(l) <= n {
		return len(l)
	}
	for n > 0 && !utf8.RuneStart(l[n]) {
		n--
	}
	return n
}

// footerPhrases mark editorial footers, sharing prompts and download calls to action
// (compared in lower case).
var footerPhrases = []string{
	"so arbeitet die redaktion", "journalism trust initiative", "alle rechte vorbehalten",
	"all rights reserved", "copyright ©", "diesen artikel teilen", "artikel teilen",
	"share this article", "newsletter abonnieren", "jetzt abonnieren", "subscribe to our newsletter",
	"kann hier heruntergeladen werden", "können hier heruntergeladen werden", "hier herunterladen",
	"hier klicken", "click here", "download the full report", "download the report here",
	"mehr informationen finden sie hier", "folgen sie uns", "follow us on",
}

// maxFooterBytes bounds the length of a footer line; longer lines are paragraphs.
const maxFooterBytes = 400

func isFooter(l string) bool {
	if len(l) > maxFooterBytes {
		return false
	}
	lower := strings.ToLower(l)
	if strings.HasPrefix(lower, "©") || strings.HasPrefix(lower, "(c) ") {
		return true
	}
	for _, p := range footerPhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return len(l) < 40 && footerWord.MatchString(strings.Trim(l, " .:|>»"))
}

func isPageNumber(l string) bool { return len(l) <= 24 && pageNumber.MatchString(l) }

// isMostlyURL reports whether URLs make up half of a line or more.
func isMostlyURL(l string) bool {
	if !hasURL(l) {
		return false
	}
	n := 0
	for _, m := range urlRe.FindAllString(l, -1) {
		n += len(m)
	}
	return n > 0 && n*2 >= len(l)
}

// isIdentifierLine reports a short line that carries ISSN, ISBN or DOI numbers.
func isIdentifierLine(l string) bool {
	return len(l) < 200 && wordCount(l) <= 12 && identifier.MatchString(l)
}

// hasURL is a cheap test before the URL expressions run.
func hasURL(l string) bool { return strings.Contains(l, "http") || strings.Contains(l, "www.") }

var (
	footnoteMark = regexp.MustCompile(`^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\^\{[^}]*\}|\[\d{1,3}\]|\*)\s*`)
	plainMark    = regexp.MustCompile(`^\d{1,3}[.)]?\s+\S`)
	endsWithURL  = regexp.MustCompile(`(?i)(?:https?://|www\.)\S+\s*$`)
	citation     = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*/\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*\s*\((?:1[89]|20)\d\d[a-z]?\)\s*[:.,]`)
	ibid         = regexp.MustCompile(`^(?i:ibid|ibidem|ebd|ebenda|a\.\s?a\.\s?o)\.?`)
	seeAlso      = regexp.MustCompile(`(?i)\b(vgl\.|cf\.|siehe)\s+(https?://|www\.)`)
	yearInParens = regexp.MustCompile(`\((?:1[89]|20)\d\d\)`)
)

// isReference reports a footnote or bibliography line: a footnote marker, a citation in
// author-year form, "ibid.", or a short line that ends with a URL.
func isReference(l string) bool {
	if len(l) > 800 {
		return false
	}
	switch {
	case footnoteMark.MatchString(l) && hasLetter(footnoteMark.ReplaceAllString(l, "")) && !strings.HasPrefix(l, "* "):
		return true
	case plainMark.MatchString(l) && (urlRe.MatchString(l) || yearInParens.MatchString(l)):
		return true
	case strings.Contains(l, "(") && citation.MatchString(l):
		return true
	case hasURL(l) && (seeAlso.MatchString(l) || endsWithURL.MatchString(l) && !isMostlyURL(l)):
		return true
	case len(l) < 60 && wordCount(l) <= 4 && ibid.MatchString(l):
		return true
	}
	return false
}

// reference turns a reference line into a Reference without its footnote marker.
func reference(l string) briefing.Reference {
	text := strings.TrimSpace(footnoteMark.ReplaceAllString(l, ""))
	r := briefing.Reference{Text: text}
	if u := urlRe.FindString(text); u != "" {
		r.URL = strings.TrimRight(u, ".,;)")
	}
	return r
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// wordCount counts the space-separated words of s without allocating.
func wordCount(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// endsSentence reports whether a line ends with sentence-final punctuation, possibly followed
// by closing quotes, brackets or footnote markers.
func endsSentence(l string) bool {
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return strings.ContainsRune(`"'“”‘’»«)]*¹²³⁴⁵⁶⁷⁸⁹⁰`, r) || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(l)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}
