package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mendBreaks joins paragraphs that a page break cut in two (in text extracted from PDF the
// footnotes of the page often stand between the halves; they are gone by now). A line is
// continued by the next when it has no final punctuation, the next line is a paragraph rather
// than a heading, and either the next line starts in lower case or the line ends with a comma
// or a function word ("Die Existenz dieser" + "Ausstiegsklausel ist …"). Headings end in
// content words, so they stay on their own.
func mendBreaks(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if n := len(out); n > 0 && continues(out[n-1], l) {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

func continues(prev, next string) bool {
	if endsSentence(prev) || isHeadingLike(next) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(first) {
		return true
	}
	if strings.HasSuffix(prev, ",") {
		return true
	}
	words := strings.Fields(prev)
	return len(words) > 0 && functionWords[strings.ToLower(words[len(words)-1])]
}

// functionWords are German and English words that end no heading: articles, pronouns,
// prepositions, conjunctions and auxiliary verbs.
var functionWords = set(`der die das dem den des ein eine einer eines einem einen dieser diese dieses diesem diesen
	jener jene kein keine im in am an auf aus bei mit nach von vor zu zum zur für über unter um durch gegen
	ohne seit bis und oder aber sowie als wie dass daß weil wenn ob sich sein seine seiner seinem seinen ihre ihr
	ihrem ihren es er sie wir könnte könnten würde würden wird werden hat haben hatte ist sind war waren kann
	können muss müssen soll sollen darf dürfen nicht auch noch zwischen
	the a an of in on at to for with by from and or but that which who is are was were be been has have had
	will would could should may might must its their his her this these those not as than`)

// stripBullet removes a list marker from the start of a plain-text line.
func stripBullet(l string) string {
	for _, m := range []string{"- ", "– ", "• ", "* ", "· ", "▪ ", "► "} {
		if strings.HasPrefix(l, m) && len(l) > len(m) {
			return strings.TrimSpace(l[len(m):])
		}
	}
	return l
}
