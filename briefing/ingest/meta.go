package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/dates"
	"github.com/secbrief/briefing/briefing/segment"
)

// header is what the first lines of a document say about it.
type header struct {
	title, author, publisher, date string
}

// maxHeaderLines bounds the leading block of short lines that may hold a title, kicker,
// masthead, byline and dateline.
const maxHeaderLines = 8

// readHeader inspects the leading lines without final punctuation (the header block) and
// returns what they say and the body without the header lines that are not the title: a
// kicker or masthead above the title, a byline, a dateline. The title line stays in the body.
func readHeader(body []string) (header, []string) {
	n := 0
	for n < len(body) && n < maxHeaderLines && isHeadingLike(body[n]) {
		n++
	}
	var h header
	titleAt := -1
	for i := n - 1; i >= 0; i-- {
		if isTitleCandidate(body[i]) {
			titleAt = i
			break
		}
	}
	if titleAt < 0 {
		return h, body
	}
	h.title = strings.TrimRightFunc(body[titleAt], isFootnoteMark)
	for i := 0; i < n; i++ {
		l := body[i]
		switch {
		case i == titleAt:
		case h.author == "" && byline.MatchString(l):
			h.author = strings.TrimSpace(byline.ReplaceAllString(l, ""))
		case h.author == "" && i < titleAt && isPersonName(l):
			h.author = l
		case h.date == "" && isDateLine(l): // before the masthead test: "OCTOBER 31, 2024"
			h.date = dates.Find(l)[0].ISO
		case h.publisher == "" && i < titleAt && isAllCaps(l):
			h.publisher = l
		case h.date == "":
			if d, ok := startsWithDate(l); ok {
				h.date = d
			}
		}
	}
	rest := append([]string{body[titleAt]}, body[n:]...)
	return h, rest
}

// isHeadingLike reports a short line without final punctuation.
func isHeadingLike(l string) bool { return !endsSentence(l) && wordCount(l) <= 20 }

// isTitleCandidate reports a heading-like line that is not a masthead, byline or dateline.
func isTitleCandidate(l string) bool {
	return isHeadingLike(l) && !isAllCaps(l) && !isPersonName(l) && !byline.MatchString(l) &&
		!isDateLine(l) && wordCount(l) >= 2
}

var (
	byline    = regexp.MustCompile(`^(?i:von|by|autor(?:in)?:|author:|text:)\s+`)
	nameToken = regexp.MustCompile(`^\p{Lu}[\p{Ll}’'-]*\.?(?:-\p{Lu}[\p{Ll}]*)?$`)
	// Labels of a publication date. "Datum"/"Date" alone are left out: in an infobox they date
	// the event ("Datum seit 7. Oktober 2023", "Date Signed: 2024-06-18").
	datelineRe = regexp.MustCompile(`^(?i:stand|veröffentlicht(?: am)?|erschienen(?: am)?|(?:zuletzt )?aktualisiert(?: am)?|published(?: on)?|(?:last )?updated(?: on)?|posted(?: on)?|press release)[:\s]`)
	// What may stand beside the date on a dateline: nothing, a weekday, a time of day.
	datelineRest = regexp.MustCompile(`^(?i:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)?\s*(?:\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?$`)
	// A date in parentheses after "heute"/"today" or a weekday: "sagte … heute (28.06.2024):",
	// "on Thursday (4 April 2024)".
	// "Drucksache 19/23069 19. Wahlperiode 05.10.2020": the date of a Bundestag printed paper.
	// The date in the title of a legal act: "Beschluss (GASP) 2024/1738 des Rates vom 24. Juni
	// 2024", "Council Regulation (EU) 2024/1745 of 24 June 2024".
	actRe   = regexp.MustCompile(`(?i)\b(?:beschluss|verordnung|durchführungsverordnung|durchführungsbeschluss|richtlinie|entscheidung|decision|regulation|directive)\b.{0,80}\b(?:vom|of)\s*$`)
	todayRe = regexp.MustCompile(`(?i)(?:\bwahlperiode\s*|\b(?:heute|today|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*\()$`)
)

// nameStopWords are words that appear in capitalised headings but not in personal names.
var nameStopWords = map[string]bool{"Der": true, "Die": true, "Das": true, "The": true, "Und": true, "And": true, "Im": true, "In": true, "Zur": true, "Zum": true, "Of": true}

// isPersonName reports a line of two to four capitalised name tokens ("Ralf Havertz",
// "Eric J. Ballbach").
func isPersonName(l string) bool {
	f := strings.Fields(l)
	if len(f) < 2 || len(f) > 4 || len(l) > 40 {
		return false
	}
	for _, w := range f {
		if !nameToken.MatchString(w) || nameStopWords[w] {
			return false
		}
	}
	return true
}

// isAllCaps reports a line whose letters are all upper case (a masthead).
func isAllCaps(l string) bool {
	letters := 0
	for _, r := range l {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 4
}

// isDateLine reports a short line that is a date ("31. Januar 2025", "Stand: 27.10.2024").
func isDateLine(l string) bool {
	m := dates.Find(l)
	if len(m) == 0 {
		return false
	}
	rest := strings.Trim(strings.TrimSpace(l[:m[0].Start]+" "+l[m[0].End:]), "•·-–|: ")
	return datelineRest.MatchString(rest) || datelineRe.MatchString(strings.TrimLeft(l, "•·-– ")) ||
		isPlacePrefix(l[:m[0].Start]) && wordCount(l[m[0].End:]) <= 1
}

// startsWithDate reports a line that begins with a date set off from what follows: "06.12.2024
// | Deutscher Bundestag / 20. WP", "31. Januar 2025 – Seoul".
func startsWithDate(l string) (string, bool) {
	m := dates.Find(l)
	if len(m) == 0 || m[0].Start != 0 {
		return "", false
	}
	after := strings.TrimLeft(l[m[0].End:], " ")
	if after == "" || strings.HasPrefix(after, "|") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "- ") || strings.HasPrefix(after, "·") {
		return m[0].ISO, true
	}
	return "", false
}

func isFootnoteMark(r rune) bool {
	return r == '*' || r == '†' || strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰", r) || unicode.IsSpace(r)
}

// datelineIn returns the date of the top of text: in the first three lines, a line that
// starts with a date ("31. Januar 2025Seoul und Tokio - …"), a place before a date ("Seoul,
// 12. März 2024."), a date in parentheses after "heute" or a weekday; in the first six, a short
// line that is a dateline ("31 May 2024 13:00", "Freitag, 12. Juli 2024", "Last updated: 11
// Apr. 2023"). found are the dates of text.
func datelineIn(text string, found []dates.Match) string {
	lineStart := 0
	for i := 0; i < 6 && lineStart < len(text); i++ {
		lineEnd := len(text)
		if nl := strings.IndexByte(text[lineStart:], '\n'); nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		for _, m := range found {
			if m.Start < lineStart || m.End > lineEnd || m.Start-lineStart > maxDatelinePrefix {
				// A dateline's date stands near the start of its line: what comes before it
				// is looked at only there (a long line of dates would cost its square).
				continue
			}
			top := i < 3 && (m.Start == lineStart || isPlacePrefix(text[lineStart:m.Start]) ||
				todayRe.MatchString(text[lineStart:m.Start]) || i == 0 && actRe.MatchString(text[lineStart:m.Start]))
			if top || lineEnd-lineStart < 80 && isDateLine(line) {
				return m.ISO
			}
		}
		if i < 3 {
			if d := todayShort(line); d != "" {
				return d
			}
		}
		lineStart = lineEnd + 1
	}
	return ""
}

// maxDatelinePrefix is how far into a line a dateline's date may stand: "Seoul, 12. März
// 2024", "Zu Berichten über … erklärte ein Sprecher heute (31.05.)".
const maxDatelinePrefix = 300

var (
	// "sagte ein Sprecher … heute (31.05.):" — a day without its year, as ministries write it.
	todayShortRe = regexp.MustCompile(`(?i)\bheute \((\d{1,2})\.(\d{1,2})\.\)`)
	// A numeric date with a year of two or four digits: "30.05.24", "30.05.2024".
	numericDateRe = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})\b`)
)

// todayShort completes "heute (31.05.)" with the year of the date the same line names before
// it ("… am 30.05.24 sagte ein Sprecher … heute (31.05.)"); "" when the line names none.
func todayShort(line string) string {
	m := todayShortRe.FindStringSubmatchIndex(line)
	if m == nil {
		return ""
	}
	year := ""
	for _, y := range numericDateRe.FindAllStringSubmatchIndex(line[:m[0]], -1) {
		year = line[y[2]:y[3]]
	}
	if len(year) == 2 {
		year = "20" + year
	}
	if year == "" {
		return ""
	}
	month, _ := strconv.Atoi(line[m[4]:m[5]])
	day, _ := strconv.Atoi(line[m[2]:m[3]])
	d := fmt.Sprintf("%s-%02d-%02d", year, month, day)
	if !validISO(d) {
		return ""
	}
	return d
}

// titleFromText makes a title from the first sentence of the body, shortened at a word
// boundary, for documents that have no title line.
func titleFromText(body []string) string {
	if len(body) == 0 {
		return ""
	}
	first := body[0]
	if s := segment.Sentences(first); len(s) > 0 {
		first = first[s[0].Start:s[0].End]
	}
	return shorten(first, 90)
}

// shorten cuts s at a word boundary to at most n runes and marks the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > n-1 {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		cut = len(string([]rune(s)[:n-1]))
	}
	return strings.TrimRight(s[:cut], " ,;:–-") + " …"
}

// stopWords maps frequent function words to their language.
var stopWords = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields("der die das und ist nicht mit von den des im zu ein eine einer dem auch sich auf für als bei wird werden hat haben sind nach aus dass wie oder noch über sein seine") {
		m[w] = "de"
	}
	for _, w := range strings.Fields("the and of to in is that for with on as by was are be this from it an have has were not which its their or at but been would will") {
		m[w] = "en"
	}
	return m
}()

// detectLanguage returns "de" or "en" by the count of each language's stop words in the first
// five hundred words; fallback is returned when neither has any.
func detectLanguage(text, fallback string) string {
	de, en := 0, 0
	var buf [8]byte // the stop words are short; a longer word is none of them
	count := func(w string) {
		if len(w) > len(buf) {
			return
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				w = strings.ToLower(w) // "Für", "Über": rare enough to allocate
				copy(buf[:], w)
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		switch stopWords[string(buf[:min(len(w), len(buf))])] { // no allocation for the lookup
		case "de":
			de++
		case "en":
			en++
		}
	}
	words, start := 0, -1
scan:
	for i, r := range text {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			count(text[start:i])
			start = -1
			if words++; words == 500 {
				break scan
			}
		}
	}
	if start >= 0 && words < 500 {
		count(text[start:])
	}
	switch {
	case de == 0 && en == 0:
		return fallback
	case en > de:
		return "en"
	}
	return "de"
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isoDate normalises a date given in front matter or HTML meta: valid ISO forms are kept as
// precise as given, other forms are searched for a German or English date; "" when there is none.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if iso := isoPrefix.FindString(s); iso != "" {
		if rest := s[len(iso):]; rest != "" && isDigitByte(rest[0]) || !validISO(iso) {
			return ""
		}
		return iso
	}
	if m := dates.Find(s); len(m) > 0 {
		return m[0].ISO
	}
	return ""
}

var isoPrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?`)

// validISO reports whether a YYYY, YYYY-MM or YYYY-MM-DD date exists.
func validISO(iso string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: time.DateOnly}[len(iso)]
	t, err := time.Parse(layout, iso)
	return err == nil && t.Year() >= 1000 && t.Year() <= 2999
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// knownLanguage returns "de" or "en" for a language tag ("de", "de-AT", "en_US", "EN"), else "".
func knownLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	for _, l := range []string{"de", "en"} {
		if tag == l || strings.HasPrefix(tag, l+"-") || strings.HasPrefix(tag, l+"_") {
			return l
		}
	}
	return ""
}

// isPlacePrefix reports the place of a dateline before its date: "Seoul, 12. März 2024. …",
// "WASHINGTON, Oct. 30, 2024 —", "Berlin (dpa), 3. Juni 2024 –": at most three words ending
// in a comma.
func isPlacePrefix(p string) bool {
	p = strings.TrimSpace(p)
	if !strings.HasSuffix(p, ",") || wordCount(p) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(r)
}

// documentDate picks the date by precedence and records where it came from: metadata, the
// dateline, a date in the document's address, a date in its file name. A date the text names
// for something else (a deadline, an entry into force, a historical date) never dates the
// document, nor does the file's modification time: without any of these it is undated ("").
func documentDate(given, givenSource string, h header, text, url, name string) (string, string) {
	switch {
	case given != "":
		return given, givenSource
	case h.date != "":
		return h.date, briefing.DateFromText
	}
	if d := datelineIn(text, dates.Find(firstLines(text, 6))); d != "" {
		return d, briefing.DateFromText
	}
	if d := dateInAddress(url); d != "" {
		return d, briefing.DateFromURL
	}
	if d := dateInName(name); d != "" {
		return d, briefing.DateFromFileName
	}
	return "", ""
}

// firstLines returns the first n lines of text.
func firstLines(text string, n int) string {
	end := 0
	for i := 0; i < n && end < len(text); i++ {
		nl := strings.IndexByte(text[end:], '\n')
		if nl < 0 {
			end = len(text)
			break
		}
		end += nl + 1
	}
	// A dateline is short: a text whose first lines are one long run is not searched whole.
	return text[:min(end, maxTopBytes)]
}

// maxTopBytes bounds the top of a text that is searched for its dateline.
const maxTopBytes = 4096

var (
	// A full date in a name or address: 2024-03-28, 2024_03_28, 20240328, 2024/03/28.
	fullDateRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})([-_./]?)(0[1-9]|1[0-2])([-_./]?)(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)
	// A month in a name or address, with separators: 2024-03, 2024/03.
	monthRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-_/](0[1-9]|1[0-2])(?:[^0-9]|$)`)
	// A year as a path segment of an address: /2024/.
	pathYearRe = regexp.MustCompile(`/((?:19|20)[0-9]{2})/`)
)

// dateInName finds a publication date written into a file name or address, as precise as
// it is written; a bare year in a file name says too little ("bericht-2023.txt" is about 2023).
func dateInName(name string) string {
	if m := fullDateRe.FindStringSubmatch(name); m != nil && m[2] == m[4] {
		if d := m[1] + "-" + m[3] + "-" + m[5]; validISO(d) {
			return d
		}
		return "" // an impossible date says nothing
	}
	if m := monthRe.FindStringSubmatch(name); m != nil {
		return m[1] + "-" + m[2]
	}
	return ""
}

// dateInAddress finds the date in a document's web address: a full date or month anywhere in
// it, or a year that is a path segment (press.un.org/en/2024/sc15648.doc.htm).
func dateInAddress(url string) string {
	if url == "" {
		return ""
	}
	if d := dateInName(url); d != "" {
		return d
	}
	if m := pathYearRe.FindStringSubmatch(url); m != nil {
		return m[1]
	}
	return ""
}
