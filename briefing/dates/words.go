package dates

// The word lists of Expressions, all in lower case. German and English words share the lists:
// briefings quote English in German text and the other way round.

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// preps are the prepositions that belong to the expression after them ("im Juni 2024").
var preps = set("im", "in", "am", "vom", "während", "zu", "zum", "on", "during", "at")

// articles may follow a preposition ("in der ersten Jahreshälfte", "in the 1990s").
var articles = set("der", "den", "dem", "des", "the")

// mods are the words before a date that name a part of it ("Ende 2022", "early 2024").
var mods = map[string]string{
	"anfang": "start", "beginn": "start", "mitte": "mid", "ende": "end",
	"frühe": "start", "frühen": "start", "späte": "end", "späten": "end",
	"early": "start", "mid": "mid", "late": "end",
}

// modsOf are the English mods that take "of": "the end of 2024".
var modsOf = map[string]string{"beginning": "start", "start": "start", "middle": "mid", "end": "end"}

// ordinals number halves and quarters; -1 is the last one.
var ordinals = map[string]int{
	"erste": 1, "ersten": 1, "erstes": 1, "erster": 1,
	"zweite": 2, "zweiten": 2, "zweites": 2, "zweiter": 2,
	"dritte": 3, "dritten": 3, "drittes": 3, "dritter": 3,
	"vierte": 4, "vierten": 4, "viertes": 4, "vierter": 4,
	"letzte": -1, "letzten": -1, "letztes": -1,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1,
}

var halfWords = set("jahreshälfte", "hälfte", "halbjahr", "halbjahres", "halbjahrs", "half")

var quarterWords = set("quartal", "quartals", "quartales", "vierteljahr", "vierteljahres", "quarter")

// relStems are the German adjectives that place a year, month or season relative to the
// document's date, without their endings; relEnglish are the English ones.
var relStems = map[string]int{
	"vergangen": -1, "letzt": -1, "vorig": -1, "abgelaufen": -1, "vorletzt": -2,
	"dies": 0, "laufend": 0, "aktuell": 0,
	"kommend": 1, "nächst": 1, "übernächst": 2,
}

var relEnglish = map[string]int{"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1}

// relWords are relStems with their endings, and relEnglish.
var relWords = func() map[string]int {
	m := map[string]int{}
	for stem, off := range relStems {
		for _, end := range []string{"", "e", "em", "en", "er", "es"} {
			m[stem+end] = off
		}
	}
	for w, off := range relEnglish {
		m[w] = off
	}
	return m
}()

// relWord returns the offset an adjective like "vergangenen" or "next" stands for.
func relWord(w string) (int, bool) {
	off, ok := relWords[w]
	return off, ok
}

// dayWords are the days named relative to the document's date. "morgen" is "tomorrow" only in
// lower case and in German text.
var dayWords = map[string]int{
	"heute": 0, "today": 0, "gestern": -1, "yesterday": -1, "vorgestern": -2,
	"morgen": 1, "tomorrow": 1, "übermorgen": 2,
}

// counts are the number words of "vor zwei Jahren" and "two years ago".
var counts = map[string]int{
	"ein": 1, "einem": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
	"sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// agoUnits are the units of "vor zwei Jahren" and "two years ago".
var agoUnits = map[string]unit{
	"jahr": uYear, "jahren": uYear, "monat": uMonth, "monaten": uMonth, "tag": uDay, "tagen": uDay,
	"year": uYear, "years": uYear, "month": uMonth, "months": uMonth, "day": uDay, "days": uDay,
}

// units are the words after a number that make it a quantity, not a year ("2000 Soldaten").
var units = set("prozent", "prozentpunkte", "percent", "dollar", "us", "usd", "euro", "eur",
	"pfund", "franken", "yuan", "won", "rubel", "rupien", "km", "kilometer", "kilometern", "m",
	"meter", "metern", "miles", "meilen", "kg", "kilogramm", "t", "tonnen", "tons", "tonnes",
	"mal", "times", "stück", "mio", "mrd", "millionen", "milliarden", "million", "billion",
	"soldaten", "soldiers", "menschen", "people", "personen", "persons", "einwohner", "truppen",
	"troops", "jahre", "jahren", "years", "monate", "monaten", "months", "tage", "tagen", "days",
	"stunden", "hours", "minuten", "minutes", "seiten", "pages", "raketen", "missiles", "fälle",
	"cases", "mitglieder", "members", "opfer", "tote", "deaths", "exemplare", "copies")

// labels are the words before a number that make it a name, not a year ("Resolution 2231").
var labels = set("resolution", "resolutionen", "nr", "nummer", "no", "number", "art", "artikel",
	"article", "paragraph", "paragraf", "abs", "ziffer", "seite", "seiten", "s", "p", "pp",
	"page", "pages", "band", "vol", "heft", "kapitel", "chapter", "flug", "flight", "zimmer",
	"room", "code", "version", "modell", "model", "typ", "type", "id", "tel", "fax", "plz")

// anchorWords are the words that every expression without a four-digit number contains ("im
// Oktober", "vor zwei Jahren", "90erjahre"): the prefilter of Expressions looks for them.
var anchorWords = func() map[string]bool {
	m := set("jahr", "jahre", "jahres", "jahren", "year", "years", "monat", "monats", "monaten",
		"month", "months", "tag", "tagen", "day", "days", "ago", "erjahre", "erjahren")
	for w := range fullMonths {
		m[w] = true
	}
	for w := range seasons {
		m[w] = true
	}
	for w := range dayWords {
		m[w] = true
	}
	return m
}()

// The classes of words: the kinds of point rules they start, and what else they may be.
const (
	wMonth uint16 = 1 << iota
	wPart
	wPartCode
	wSeason
	wYear
	wRel
	wDay
	wMod   // a key of mods or modsOf
	wPrep  // one of preps
	wStart // an expression may start at it
	wKnown // parser.class has looked the word up
)

// wordClasses gives the classes of the words that matter at the start of an expression.
var wordClasses = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(class uint16, words ...string) {
		for _, w := range words {
			m[w] |= class | wStart
		}
	}
	add(wStart, "the", "seit", "since", "zwischen", "between", "von", "vom", "from", "vor")
	add(wYear|wRel, "des")
	add(wYear, "ganzen", "gesamten", "whole", "entire", "jahr", "jahre", "jahres", "year")
	add(wPartCode, "h", "q")
	for class, words := range map[uint16]map[string]int{
		wMonth: months, wPart: ordinals, wSeason: seasons, wRel: relWords, wDay: dayWords, wStart: counts,
	} {
		for w := range words {
			add(class, w)
		}
	}
	for w := range preps {
		add(wPrep, w)
	}
	for w := range mods {
		add(wMod, w)
	}
	for w := range modsOf {
		add(wMod, w)
	}
	return m
}()

// anchorShapes has, for the first and last byte of each anchor word with case folded away
// (c&31), a bit for its length: it rules out most words before the map.
var anchorShapes = func() (shapes [32][32]uint16) {
	for w := range anchorWords {
		shapes[w[0]&31][w[len(w)-1]&31] |= 1 << len(w)
	}
	return shapes
}()

// isAnchorWord reports whether w, in any case, is one of anchorWords, without allocating.
func isAnchorWord(w string) bool {
	if len(w) < 3 || len(w) > 12 || anchorShapes[w[0]&31][w[len(w)-1]&31]&(1<<len(w)) == 0 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return anchorWords[string(buf[:len(w)])]
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
