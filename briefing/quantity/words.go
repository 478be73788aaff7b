package quantity

import (
	"strings"

	"github.com/secbrief/briefing/briefing/dates"
)

// currencies are the currency words and symbols written after (or, see
// prefixCurrencies, before) a number, with their ISO 4217 codes.
var currencies = newPhrases([]phrase{
	{"us-dollar", "USD"}, {"us-dollars", "USD"}, {"us dollar", "USD"}, {"us dollars", "USD"},
	{"u.s. dollar", "USD"}, {"u.s. dollars", "USD"}, {"us-$", "USD"}, {"us$", "USD"},
	{"dollar", "USD"}, {"dollars", "USD"}, {"usd", "USD"}, {"$", "USD"},
	{"kanadische dollar", "CAD"}, {"canadian dollars", "CAD"}, {"cad", "CAD"},
	{"australische dollar", "AUD"}, {"australian dollars", "AUD"}, {"aud", "AUD"},
	{"euro", "EUR"}, {"euros", "EUR"}, {"eur", "EUR"}, {"€", "EUR"},
	{"won", "KRW"}, {"südkoreanische won", "KRW"}, {"südkoreanischen won", "KRW"},
	{"south korean won", "KRW"}, {"krw", "KRW"}, {"₩", "KRW"},
	{"nordkoreanische won", "KPW"}, {"nordkoreanischen won", "KPW"}, {"north korean won", "KPW"}, {"kpw", "KPW"},
	{"yen", "JPY"}, {"japanische yen", "JPY"}, {"japanischen yen", "JPY"}, {"japanese yen", "JPY"},
	{"jpy", "JPY"}, {"¥", "JPY"},
	{"yuan", "CNY"}, {"renminbi", "CNY"}, {"chinesische yuan", "CNY"}, {"chinesischen yuan", "CNY"},
	{"chinese yuan", "CNY"}, {"cny", "CNY"}, {"rmb", "CNY"},
	{"rubel", "RUB"}, {"russische rubel", "RUB"}, {"russischen rubel", "RUB"}, {"ruble", "RUB"},
	{"rubles", "RUB"}, {"rouble", "RUB"}, {"roubles", "RUB"}, {"russian rubles", "RUB"},
	{"russian roubles", "RUB"}, {"rub", "RUB"}, {"₽", "RUB"},
	{"pfund", "GBP"}, {"pfund sterling", "GBP"}, {"britische pfund", "GBP"}, {"britischen pfund", "GBP"},
	{"pound", "GBP"}, {"pounds", "GBP"}, {"pounds sterling", "GBP"}, {"british pounds", "GBP"},
	{"gbp", "GBP"}, {"£", "GBP"},
	{"schweizer franken", "CHF"}, {"swiss francs", "CHF"}, {"chf", "CHF"},
	{"hrywnja", "UAH"}, {"hrywnjas", "UAH"}, {"hryvnia", "UAH"}, {"hryvnias", "UAH"}, {"uah", "UAH"},
})

// prefixCurrencies are the currency symbols and codes written before a number.
var prefixCurrencies = newPhrases([]phrase{
	{"$", "USD"}, {"us$", "USD"}, {"us $", "USD"}, {"usd", "USD"}, {"€", "EUR"}, {"eur", "EUR"},
	{"£", "GBP"}, {"gbp", "GBP"}, {"¥", "JPY"}, {"jpy", "JPY"}, {"₩", "KRW"}, {"krw", "KRW"},
	{"cny", "CNY"}, {"rmb", "CNY"}, {"₽", "RUB"}, {"rub", "RUB"}, {"chf", "CHF"}, {"uah", "UAH"},
})

// percents are the percent words; "pp" stands for percentage points.
var percents = newPhrases([]phrase{
	{"%", "%"}, {"prozent", "%"}, {"percent", "%"}, {"per cent", "%"}, {"pct", "%"},
	{"prozentpunkt", "pp"}, {"prozentpunkte", "pp"}, {"prozentpunkten", "pp"},
	{"percentage point", "pp"}, {"percentage points", "pp"},
})

// measures are units of measurement with their normalised symbols.
var measures = newPhrases([]phrase{
	{"km", "km"}, {"kilometer", "km"}, {"kilometern", "km"}, {"kilometers", "km"},
	{"kilometre", "km"}, {"kilometres", "km"}, {"km/h", "km/h"},
	{"km²", "km²"}, {"quadratkilometer", "km²"}, {"quadratkilometern", "km²"},
	{"square kilometres", "km²"}, {"square kilometers", "km²"}, {"sq km", "km²"},
	{"m", "m"}, {"meter", "m"}, {"metern", "m"}, {"meters", "m"}, {"metre", "m"}, {"metres", "m"},
	{"cm", "cm"}, {"zentimeter", "cm"}, {"centimetres", "cm"}, {"centimeters", "cm"},
	{"mm", "mm"}, {"millimeter", "mm"}, {"millimetre", "mm"}, {"millimetres", "mm"}, {"millimeters", "mm"},
	{"t", "t"}, {"tonne", "t"}, {"tonnen", "t"}, {"ton", "t"}, {"tons", "t"}, {"tonnes", "t"},
	{"kg", "kg"}, {"kilogramm", "kg"}, {"kilogram", "kg"}, {"kilograms", "kg"},
	{"kilogramme", "kg"}, {"kilogrammes", "kg"}, {"kilo", "kg"}, {"kilos", "kg"},
	{"gramm", "g"}, {"gram", "g"}, {"grams", "g"},
	{"meile", "mi"}, {"meilen", "mi"}, {"mile", "mi"}, {"miles", "mi"},
	{"seemeile", "nmi"}, {"seemeilen", "nmi"}, {"nautical mile", "nmi"}, {"nautical miles", "nmi"},
	{"hektar", "ha"}, {"hectare", "ha"}, {"hectares", "ha"}, {"ha", "ha"},
	{"kt", "kt"}, {"kilotonne", "kt"}, {"kilotonnen", "kt"}, {"kiloton", "kt"}, {"kilotons", "kt"},
	{"kilotonnes", "kt"}, {"mt", "Mt"}, {"megatonne", "Mt"}, {"megatonnen", "Mt"}, {"megaton", "Mt"},
	{"megatons", "Mt"}, {"megatonnes", "Mt"},
	{"liter", "l"}, {"litern", "l"}, {"litre", "l"}, {"litres", "l"}, {"liters", "l"},
	{"barrel", "bbl"}, {"barrels", "bbl"},
})

// scaleWord is a word that multiplies the number before it.
type scaleWord struct {
	text    string
	exp     int    // power of ten
	mul     uint64 // 12 for a dozen, else 1
	money   bool   // only with a currency: "$3.5m", "€2bn"
	billion bool   // "Billion": 10^12 in German, 10^9 in English
}

var scales = []scaleWord{
	{text: "hundert", exp: 2}, {text: "hundred", exp: 2},
	{text: "tausend", exp: 3}, {text: "tsd.", exp: 3}, {text: "tsd", exp: 3}, {text: "thousand", exp: 3},
	{text: "million", exp: 6}, {text: "millionen", exp: 6}, {text: "mio.", exp: 6}, {text: "mio", exp: 6},
	{text: "mn", exp: 6}, {text: "mln", exp: 6}, {text: "mln.", exp: 6}, {text: "mil.", exp: 6, money: true},
	{text: "milliarde", exp: 9}, {text: "milliarden", exp: 9}, {text: "mrd.", exp: 9}, {text: "mrd", exp: 9},
	{text: "bn", exp: 9}, {text: "bln", exp: 9}, {text: "bln.", exp: 9}, {text: "billion", exp: 9, billion: true}, {text: "billionen", exp: 12},
	{text: "bio.", exp: 12}, {text: "trillion", exp: 12}, {text: "tn", exp: 12},
	{text: "dutzend", mul: 12}, {text: "dozen", mul: 12},
	{text: "k", exp: 3, money: true}, {text: "m", exp: 6, money: true}, {text: "b", exp: 9, money: true},
}

// gluedSuffixes may be written directly after digits ("17bn", "10km").
var gluedSuffixes = set("bn mn mln bln tn m b k km kg t kt mt mrd mio tsd")

// articleScales are the scale words an article turns into a number ("eine Million", "a dozen").
var articleScales = set("hundert tausend million milliarde billion dutzend hundred thousand trillion dozen")

// articles are the indefinite articles, which are never the number one on their own.
var articlesDE = set("ein eine einer einem einen eines")

var qualifiersDE = newPhrases([]phrase{
	{"mehr als", "more_than"}, {"über", "more_than"}, {"weit über", "more_than"},
	{"deutlich über", "more_than"}, {"knapp über", "more_than"}, {">", "more_than"},
	{"mindestens", "at_least"}, {"wenigstens", "at_least"}, {"zumindest", "at_least"},
	{"nicht weniger als", "at_least"}, {"≥", "at_least"},
	{"bis zu", "up_to"},
	{"höchstens", "at_most"}, {"maximal", "at_most"}, {"max.", "at_most"},
	{"nicht mehr als", "at_most"}, {"≤", "at_most"},
	{"fast", "almost"}, {"knapp", "almost"}, {"beinahe", "almost"}, {"nahezu", "almost"},
	{"annähernd", "almost"}, {"knapp unter", "almost"},
	{"etwa", "about"}, {"rund", "about"}, {"ca.", "about"}, {"circa", "about"}, {"zirka", "about"},
	{"ungefähr", "about"}, {"schätzungsweise", "about"}, {"gut", "about"}, {"gute", "about"},
	{"geschätzte", "about"}, {"geschätzten", "about"}, {"~", "about"}, {"≈", "about"},
	{"durchschnittlich", "average"}, {"im schnitt", "average"}, {"im durchschnitt", "average"},
	{"im mittel", "average"},
	{"weniger als", "less_than"}, {"unter", "less_than"}, {"deutlich unter", "less_than"},
	{"weit unter", "less_than"}, {"<", "less_than"},
})

var qualifiersEN = newPhrases([]phrase{
	{"more than", "more_than"}, {"over", "more_than"}, {"well over", "more_than"},
	{"just over", "more_than"}, {"upwards of", "more_than"}, {"in excess of", "more_than"},
	{"above", "more_than"}, {">", "more_than"},
	{"at least", "at_least"}, {"no fewer than", "at_least"}, {"no less than", "at_least"},
	{"a minimum of", "at_least"}, {"≥", "at_least"},
	{"up to", "up_to"}, {"as many as", "up_to"}, {"as much as", "up_to"},
	{"at most", "at_most"}, {"no more than", "at_most"}, {"not more than", "at_most"},
	{"a maximum of", "at_most"}, {"≤", "at_most"},
	{"almost", "almost"}, {"nearly", "almost"}, {"just under", "almost"}, {"close to", "almost"},
	{"just shy of", "almost"},
	{"about", "about"}, {"around", "about"}, {"roughly", "about"}, {"approximately", "about"},
	{"approx.", "about"}, {"some", "about"}, {"an estimated", "about"}, {"estimated", "about"},
	{"circa", "about"}, {"ca.", "about"}, {"c.", "about"}, {"~", "about"}, {"≈", "about"},
	{"on average", "average"}, {"an average of", "average"}, {"averaging", "average"},
	{"less than", "less_than"}, {"fewer than", "less_than"}, {"under", "less_than"},
	{"below", "less_than"}, {"<", "less_than"},
})

var perAfterDE = newPhrases([]phrase{
	{"pro monat", "month"}, {"je monat", "month"}, {"im monat", "month"}, {"monatlich", "month"},
	{"/monat", "month"}, {"pro jahr", "year"}, {"je jahr", "year"}, {"im jahr", "year"},
	{"jährlich", "year"}, {"/jahr", "year"}, {"p.a.", "year"},
	{"pro woche", "week"}, {"je woche", "week"}, {"in der woche", "week"}, {"wöchentlich", "week"},
	{"pro tag", "day"}, {"je tag", "day"}, {"am tag", "day"}, {"täglich", "day"},
})

var perAfterEN = newPhrases([]phrase{
	{"per month", "month"}, {"a month", "month"}, {"each month", "month"}, {"every month", "month"},
	{"monthly", "month"}, {"/month", "month"},
	{"per year", "year"}, {"a year", "year"}, {"each year", "year"}, {"every year", "year"},
	{"per annum", "year"}, {"annually", "year"}, {"yearly", "year"}, {"p.a.", "year"}, {"/year", "year"},
	{"per week", "week"}, {"a week", "week"}, {"each week", "week"}, {"every week", "week"},
	{"weekly", "week"},
	{"per day", "day"}, {"a day", "day"}, {"each day", "day"}, {"every day", "day"}, {"daily", "day"},
})

var perBefore = newPhrases([]phrase{
	{"monatlich", "month"}, {"jährlich", "year"}, {"wöchentlich", "week"}, {"täglich", "day"},
	{"monthly", "month"}, {"annually", "year"}, {"yearly", "year"}, {"weekly", "week"}, {"daily", "day"},
})

// notPerAfter follows words that only look like a rate: "a year ago", "im Jahr 2023".
var notPerAfter = set("ago later earlier before after zuvor später danach davor")

var betweenWords = newPhrases([]phrase{{"zwischen", ""}, {"between", ""}})

var conversionFillers = newPhrases([]phrase{
	{"umgerechnet", ""}, {"entspricht", ""}, {"d.h.", ""}, {"i.e.", ""}, {"or", ""},
	{"equivalent to", ""}, {"equivalent of", ""}, {"equal to", ""}, {"converted", ""},
})

var timeWordsDE = newPhrases([]phrase{{"uhr", ""}, {"h", ""}})
var timeWordsEN = newPhrases([]phrase{{"am", ""}, {"pm", ""}, {"a.m.", ""}, {"p.m.", ""}, {"o'clock", ""},
	{"gmt", ""}, {"utc", ""}, {"h", ""}})

// durations are time spans; a number of them is a duration, not a figure.
var durations = set(`jahr jahre jahren jahres jahrzehnt jahrzehnte jahrzehnten jahrzehnts
	jahrhundert jahrhunderte jahrhunderten jahrhunderts monat monate monaten monats
	woche wochen tag tage tagen tages nacht nächte nächten stunde stunden minute minuten
	sekunde sekunden year years month months week weeks day days decade decades century
	centuries hour hours minute minutes seconds night nights`)

// isMonth reports a month name or its abbreviation ("März", "Okt").
func isMonth(lw string) bool { return dates.Month(lw) > 0 }

// designations precede a number that names rather than counts ("Artikel 4", "S. 5");
// the value says whether the word must end in a period.
var designations = map[string]bool{
	"artikel": false, "article": false, "art": true, "nr": false, "no": true, "nos": true,
	"nummer": false, "number": false, "resolution": false, "resolutionen": false,
	"seite": false, "seiten": false, "s": true, "p": true, "pp": true, "page": false, "pages": false,
	"paragraph": false, "paragraf": false, "abs": true, "absatz": false, "kapitel": false,
	"chapter": false, "kap": true, "band": false, "bd": true, "vol": true, "volume": false,
	"heft": false, "ausgabe": false, "issue": false, "typ": false, "type": false, "modell": false,
	"model": false, "version": false, "platz": false, "rang": false, "rank": false, "stufe": false,
	"level": false, "phase": false, "tabelle": false, "table": false, "abbildung": false,
	"abb": true, "figure": false, "fig": true, "anhang": false, "annex": false, "teil": false,
	"part": false, "section": false, "sektion": false, "kategorie": false, "category": false,
	"flug": false, "flight": false, "runde": false, "round": false, "block": false, "reaktor": false,
	"reactor": false, "punkt": false, "ziffer": false, "ziff": true, "jg": true, "jahrgang": false,
}

// vague words turn a number into an estimate that is no figure ("mehrere tausend").
var vague = set(`mehrere mehrerer mehreren einige einiger einigen etliche etlicher etlichen
	wenige wenigen viele vieler vielen zahlreiche zahlreichen paar several few many numerous
	multiple various`)

// yearContext words precede a year rather than a count ("im Jahr 2023", "seit 2022").
var yearContext = set(`im in jahr jahre jahres jahren seit since ende anfang mitte während during
	frühjahr sommer herbst winter spring summer autumn year`)

// excludedNouns follow numbers without being counted things.
var excludedNouns = set(`mal male drittel viertel fünftel zehntel hälfte hälften prozent uhr
	times thirds quarters halves fifths tenths percent millionen milliarden billionen tausende
	hunderte dutzende millions billions thousands hundreds dozens trillions`)

var stopDE = set(`und oder aber sondern bis von vom für mit in im an am auf aus bei beim nach zu
	zum zur über unter gegen seit pro je als wie dass ob um durch ohne vor hinter neben zwischen
	wurden wurde werden wird sind ist war waren hat haben hatte hatten soll sollen sollte sollten
	kann können könnte könnten muss müssen nicht auch noch nur es sie er wir man sich so dann da
	wenn weil denn sowie bzw`)

var stopEN = set(`and or but nor to from for with in on at by per than as since until into onto
	over under of that which who whom whose were was is are be been being have has had will would
	could should may might can must did do does not no this these those it its their they we he
	she a an the another each every than there here when while if`)

// passEN are words between a number and its noun that do not end the search: "26 other
// ballistic missiles", "5,000 more troops".
var passEN = set(`other more further additional`)

// irregularPlurals are English plural nouns without a final s.
var irregularPlurals = set(`people men women children personnel aircraft police staff crew
	cattle sheep fish deer livestock spacecraft`)

// notPlurals end in s without being plural nouns.
var notPlurals = set(`was has is its this his hers ours yours theirs as us thus plus less
	across always perhaps besides towards afterwards whereas yes does goes series news`)

// germanBases reduce dative plurals to the nominative plural for grouping.
var germanBases = []phrase{
	{"angehörigen", "angehörige"}, {"beamten", "beamte"}, {"köpfen", "köpfe"},
	{"flugzeugen", "flugzeuge"}, {"fahrzeugen", "fahrzeuge"}, {"schiffen", "schiffe"},
	{"booten", "boote"}, {"systemen", "systeme"}, {"geschossen", "geschosse"}, {"toten", "tote"},
	{"verletzten", "verletzte"}, {"gefangenen", "gefangene"}, {"flüchtlingen", "flüchtlinge"},
	{"kräften", "kräfte"}, {"abgeordneten", "abgeordnete"}, {"tests", "tests"}, {"eltern", "eltern"},
	{"ern", "er"},
}

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
