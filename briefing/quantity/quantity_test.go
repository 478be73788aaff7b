package quantity

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type findCase struct {
	name string
	lang string
	in   string
	want []Quantity
}

// seedCases are sentences from the German corpus.
var seedCases = []findCase{
	{"rund elftausend Militärangehörige an der Front", "de",
		"Einer Schätzung des Atlantic Council zufolge entsandte das Regime bislang rund 11.000 Militärangehörige an die ukrainische Front.",
		[]Quantity{{Value: 11000, Unit: "Militärangehörige", Noun: "militärangehörige", Qualifier: "about"}}},
	{"Militärexporte in Dollar mit Euro-Umrechnung und ohne Jahre", "de",
		"Angaben des Stockholmer Internationalen Friedensforschungsinstituts zufolge hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht.",
		[]Quantity{
			{Value: 3.8e9, Unit: "USD", Conversion: &Quantity{Value: 3.66e9, Unit: "EUR"}},
			{Value: 38e9, Unit: "USD", Conversion: &Quantity{Value: 36.6e9, Unit: "EUR"}},
		}},
	{"Rüstungsabkommen über zwölf Milliarden mit Umrechnung", "de",
		"So habe das ostasiatische Land im Juli 2022 mit Polen ein Rüstungsabkommen in Höhe von über 12,4 Milliarden US-Dollar (11,95 Milliarden Euro) abgeschlossen.",
		[]Quantity{{Value: 12.4e9, Unit: "USD", Qualifier: "more_than", Conversion: &Quantity{Value: 11.95e9, Unit: "EUR"}}}},
	{"dreitausend nordkoreanische Soldaten", "de",
		"Nach Angaben des südkoreanischen Verteidigungsministeriums sind bereits 3.000 nordkoreanische Soldaten auf russischem Territorium stationiert.",
		[]Quantity{{Value: 3000, Unit: "Soldaten", Noun: "soldaten"}}},
	{"fast drei Millionen Granaten aber nicht mehrere Dutzend Raketen", "de",
		"Berichten zufolge lieferte Pjöngjang fast drei Millionen Granaten und mehrere Dutzend ballistische Raketen nach Russland, die aus dem nordkoreanischen Hafen Rason transportiert wurden.",
		[]Quantity{{Value: 3e6, Unit: "Granaten", Noun: "granaten", Qualifier: "almost", Word: true}}},
	{"neun und dreißig Millionen Dollar Devisen", "de",
		"Berichten zufolge stimmte Russland außerdem zu, 9 Millionen US-Dollar an Devisen nach Nordkorea zu überweisen, von insgesamt 30 Millionen US-Dollar, die bei russischen Banken eingefroren waren..",
		[]Quantity{{Value: 9e6, Unit: "USD"}, {Value: 30e6, Unit: "USD"}}},
	{"Reichweite in Kilometern", "de",
		"Diese Feststoffrakete, die eine Reichweite von 7.000 Kilometern zurücklegte – mehr als bei früheren Abschüssen – könnte …",
		[]Quantity{{Value: 7000, Unit: "km"}}},
	{"siebenundvierzig andere Länder", "de",
		"Frankreich verurteilte wie Japan zusammen mit 47 anderen Ländern den Einsatz dieser Raketen gegen die Ukraine.",
		[]Quantity{{Value: 47, Unit: "Ländern", Noun: "länder"}}},
	{"bis zu fünfeinhalb Milliarden ist kein Bereich", "de",
		"Ihrer Analyse zufolge bemisst sich der Wert der bisherigen Waffenlieferungen auf bis zu 5,5 Milliarden US-Dollar.",
		[]Quantity{{Value: 5.5e9, Unit: "USD", Qualifier: "up_to"}}},
	{"mehr als 1,7 Milliarden Dollar", "de",
		"Selbst ihre konservativste Schätzung taxiert den Wert der Lieferungen auf mehr als 1,7 Milliarden US-Dollar.",
		[]Quantity{{Value: 1.7e9, Unit: "USD", Qualifier: "more_than"}}},
	{"gerade einmal ist kein Qualifikator", "de",
		"Südkorea schätzt die gesamte Wirtschaftsleistung des Nordens auf gerade einmal 23,7 Milliarden US-Dollar.",
		[]Quantity{{Value: 23.7e9, Unit: "USD"}}},
	{"Hunderte Millionen sind vage", "de",
		"Nordkoreas Einnahmen könnten um weitere Hunderte Millionen US-Dollar zunehmen, …", nil},
	{"mehr als zwanzigtausend Soldaten", "de",
		"… scheint eine Entsendung von mehr als 20.000 Soldaten unwahrscheinlich.",
		[]Quantity{{Value: 20000, Unit: "Soldaten", Noun: "soldaten", Qualifier: "more_than"}}},
	{"Jahreshälfte mit Jahreszahl und Handelsvolumen", "de",
		"In der ersten Jahreshälfte 2024 stieg das Handelsvolumen auf 52,9 Millionen US-Dollar.",
		[]Quantity{{Value: 52.9e6, Unit: "USD"}}},
	{"etwa 34,4 Millionen im ganzen Jahr", "de",
		"Es betrug im ganzen Jahr 2023 etwa 34,4 Millionen US-Dollar.",
		[]Quantity{{Value: 34.4e6, Unit: "USD", Qualifier: "about"}}},
	{"durchschnittlich zwei Treffen pro Monat", "de",
		"Guseinovas Analyse russischer und nordkoreanischer Medien belegt, dass seit Juli 2023 durchschnittlich zwei hochrangige Treffen pro Monat zwischen den beiden Ländern stattfanden.",
		[]Quantity{{Value: 2, Unit: "Treffen", Noun: "treffen", Qualifier: "average", Per: "month", Word: true}}},
	{"mehr als 24 solcher Treffen", "de",
		"In diesem Jahr gab es bereits mehr als 24 solcher Treffen.",
		[]Quantity{{Value: 24, Unit: "Treffen", Noun: "treffen", Qualifier: "more_than"}}},
	{"höchstens fünf Treffen in drei Jahrzehnten", "de",
		"In den vergangenen drei Jahrzehnten waren höchstens fünf Treffen die Norm.",
		[]Quantity{{Value: 5, Unit: "Treffen", Noun: "treffen", Qualifier: "at_most", Word: true}}},
	{"mehr als tausend Container am Satzanfang", "de",
		"Mehr als 1.000 Container mit militärischer Ausrüstung und Munition soll Russland von Nordkorea erhalten haben.",
		[]Quantity{{Value: 1000, Unit: "Container", Noun: "container", Qualifier: "more_than"}}},
	{"etwa zehn Prozent in Worten", "de",
		"Demnach sollen etwa zehn Prozent des gefundenen Kriegsgeräts nordkoreanisches Fabrikat sein – …",
		[]Quantity{{Value: 10, Unit: "%", Qualifier: "about", Word: true}}},
	{"zwanzig bis sechzig Sprengköpfe mit Fußnote", "de",
		"Die derzeitige Kapazität des nordkoreanischen Programms wird auf 20 bis 60 Sprengköpfe geschätzt.⁵",
		[]Quantity{{Value: 20, ValueMax: 60, Unit: "Sprengköpfe", Noun: "sprengköpfe"}}},
	{"fünf Tests aber keine Dauer und kein Jahr", "de",
		"Der Vertrag beinhaltet die Ausdehnung des atomaren Schutzschirms Russlands auf Nordkorea, das selbst bereits seit über 20 Jahren an einem eigenen Atombombenprogramm gearbeitet und mit seinem ersten erfolgreichen Atombombenversuch im Jahre 2006 und fünf weiteren Tests in den Folgejahren gezeigt hat, …",
		[]Quantity{{Value: 5, Unit: "Tests", Noun: "tests", Word: true}}},
	{"drei Millionen Kämpfer nach einem Artikel", "de",
		"Es war die chinesische Seite, die mit einer drei Millionen Kämpfer starken \"Freiwilligenarmee\" die Rettung des Nordens erreichte, …",
		[]Quantity{{Value: 3e6, Unit: "Kämpfer", Noun: "kämpfer", Word: true}}},
	{"Jahresbereich Jahreszahl und Fußnotenziffer sind nichts", "de",
		"Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab,9 mit hoher Wahrscheinlichkeit nicht …", nil},
	{"Artikelnummer ist nichts", "de",
		"Kernstück des Vertrags … ist eine militärische Beistandsklausel (Artikel 4 des Vertrags), …", nil},
	{"Resolutionsnummer ist nichts", "de",
		"… (basierend auf Resolution 1718 des Sicherheitsrats) …", nil},
	{"Jahr und Ordinalzahl sind nichts", "de",
		"Im Jahr 2023 belegte Südkoreas Verteidigungsindustrie gemessen an wichtigen Waffenexportverträgen weltweit den zweiten Platz.", nil},
	{"Datum Modellname und mehrere tausend sind nichts", "de",
		"Am 23. Oktober 2024, während des ersten Gipfeltreffens der G7-Verteidigungsminister, bestätigte Verteidigungsminister Lloyd Austin, dass Nordkorea die Entsendung mehrerer tausend Soldaten nach Russland vorbereitet.", nil},
	{"sechs Beamte getötet", "de",
		"Einigen nordkoreanischen Quellen zufolge wurden in einem von Russland kontrollierten Gebiet in der Ostukraine sechs Beamte getötet.",
		[]Quantity{{Value: 6, Unit: "Beamte", Noun: "beamte", Word: true}}},
}

// germanCases cover the rules in German.
var germanCases = []findCase{
	{"Bio. und Tsd.", "de", "Der Haushalt umfasst 1,2 Bio. Euro und 40 Tsd. Soldaten.",
		[]Quantity{{Value: 1.2e12, Unit: "EUR"}, {Value: 40000, Unit: "Soldaten", Noun: "soldaten"}}},
	{"Mrd. mit Eurozeichen danach", "de", "Der Handel erreichte 1,2 Mrd. €.",
		[]Quantity{{Value: 1.2e9, Unit: "EUR"}}},
	{"Mio. mit Dollarzeichen davor", "de", "Der Handel erreichte $34,4 Mio.",
		[]Quantity{{Value: 34.4e6, Unit: "USD"}}},
	{"Mrd. mit Währungscode", "de", "Die Kosten liegen bei 3,8 Mrd. USD.",
		[]Quantity{{Value: 3.8e9, Unit: "USD"}}},
	{"deutsche Billion ist eine Million Millionen", "de", "Südkorea zahlte 1,2 Billionen Won.",
		[]Quantity{{Value: 1.2e12, Unit: "KRW"}}},
	{"Mio. Euro pro Jahr", "de", "Der Fonds umfasst 500 Mio. Euro pro Jahr.",
		[]Quantity{{Value: 5e8, Unit: "EUR", Per: "year"}}},
	{"Tsd. und Tausend als Skala", "de", "Er zahlte 3 Tsd. Euro und 2 Tausend Dollar.",
		[]Quantity{{Value: 3000, Unit: "EUR"}, {Value: 2000, Unit: "USD"}}},
	{"zwischen zwanzig und sechzig Sprengköpfen", "de", "Zwischen 20 und 60 Sprengköpfen besitzt das Land.",
		[]Quantity{{Value: 20, ValueMax: 60, Unit: "Sprengköpfen", Noun: "sprengköpfe"}}},
	{"Bereich mit Tausenderpunkten", "de", "Es wurden 3.000 bis 5.000 Soldaten entsandt.",
		[]Quantity{{Value: 3000, ValueMax: 5000, Unit: "Soldaten", Noun: "soldaten"}}},
	{"Bereich teilt Skala und Währung", "de", "Der Schaden beträgt 1,7 bis 5,5 Milliarden US-Dollar.",
		[]Quantity{{Value: 1.7e9, ValueMax: 5.5e9, Unit: "USD"}}},
	{"Prozentpunkte und Prozentzeichen", "de", "Der Anteil stieg um 2,5 Prozentpunkte auf 10 %.",
		[]Quantity{{Value: 2.5, Unit: "pp"}, {Value: 10, Unit: "%"}}},
	{"Bereich mit Halbgeviertstrich und Rate", "de", "Die Produktion liegt bei 20–60 Raketen pro Jahr.",
		[]Quantity{{Value: 20, ValueMax: 60, Unit: "Raketen", Noun: "raketen", Per: "year"}}},
	{"Datum und Uhrzeiten sind nichts", "de", "Er traf ihn am 27.10.2024 um 10 Uhr und um 10:30.", nil},
	{"Seiten Artikel Nummern und Typen sind nichts", "de",
		"Siehe S. 5–12, Art. 5, Nr. 3, Seite 4 sowie Typ 99 und Hwasong-15.", nil},
	{"Jahrzehnte und Jahreszahlen sind nichts", "de",
		"In den 1990er Jahren und den 2000er Jahren gab es keine Tests, Ende 2022 und seit 2022 auch nicht.", nil},
	{"vage Mengen sind nichts", "de", "Mehrere tausend Soldaten, Tausende Zivilisten und mehrere Dutzend Raketen.", nil},
	{"jährlich rund zwei Millionen Tonnen", "de", "Das Land produziert jährlich rund 2 Millionen Tonnen Stahl.",
		[]Quantity{{Value: 2e6, Unit: "t", Qualifier: "about", Per: "year"}}},
	{"mindestens Kilometer und maximal Kilogramm", "de", "Die Reichweite beträgt mindestens 500 km bei maximal 300 kg Nutzlast.",
		[]Quantity{{Value: 500, Unit: "km", Qualifier: "at_least"}, {Value: 300, Unit: "kg", Qualifier: "at_most"}}},
	{"weniger als und unter", "de", "Weniger als 100 Soldaten blieben, unter 50 Panzer.",
		[]Quantity{{Value: 100, Unit: "Soldaten", Noun: "soldaten", Qualifier: "less_than"},
			{Value: 50, Unit: "Panzer", Noun: "panzer", Qualifier: "less_than"}}},
	{"ungefähr ca. circa schätzungsweise", "de", "Ungefähr 20 Panzer, ca. 30 Drohnen, circa 40 Schiffe und schätzungsweise 100 Tote.",
		[]Quantity{{Value: 20, Unit: "Panzer", Noun: "panzer", Qualifier: "about"},
			{Value: 30, Unit: "Drohnen", Noun: "drohnen", Qualifier: "about"},
			{Value: 40, Unit: "Schiffe", Noun: "schiffe", Qualifier: "about"},
			{Value: 100, Unit: "Tote", Noun: "tote", Qualifier: "about"}}},
	{"beinahe nahezu knapp", "de", "Nordkorea hat beinahe 40 Prozent, nahezu 50 Prozent und knapp 60 Prozent erreicht.",
		[]Quantity{{Value: 40, Unit: "%", Qualifier: "almost"}, {Value: 50, Unit: "%", Qualifier: "almost"},
			{Value: 60, Unit: "%", Qualifier: "almost"}}},
	{"wenigstens und im Schnitt pro Woche", "de", "Es gab wenigstens 12 Angriffe, im Schnitt 3 Angriffe pro Woche.",
		[]Quantity{{Value: 12, Unit: "Angriffe", Noun: "angriffe", Qualifier: "at_least"},
			{Value: 3, Unit: "Angriffe", Noun: "angriffe", Qualifier: "average", Per: "week"}}},
	{"Artikel sind keine Eins", "de", "Ein Soldat und eine Granate wurden gefunden.", nil},
	{"ein Dutzend und eine Million", "de", "Sie lieferten ein Dutzend Raketen und eine Million Granaten.",
		[]Quantity{{Value: 12, Unit: "Raketen", Noun: "raketen", Word: true},
			{Value: 1e6, Unit: "Granaten", Noun: "granaten", Word: true}}},
	{"zusammengesetzte Zahlwörter", "de", "Einundzwanzig Staaten schickten zweihundertfünfzig Soldaten.",
		[]Quantity{{Value: 21, Unit: "Staaten", Noun: "staaten", Word: true},
			{Value: 250, Unit: "Soldaten", Noun: "soldaten", Word: true}}},
	{"schmales Leerzeichen gruppiert Tausender", "de", "Nordkorea verfügt über 11\u202f000 Soldaten und 2\u00a0500 Panzer.",
		[]Quantity{{Value: 11000, Unit: "Soldaten", Noun: "soldaten", Qualifier: "more_than"},
			{Value: 2500, Unit: "Panzer", Noun: "panzer"}}},
	{"Umrechnung mit Qualifikator", "de", "Fast 3,5 Milliarden Euro (rund 3,8 Milliarden US-Dollar) flossen.",
		[]Quantity{{Value: 3.5e9, Unit: "EUR", Qualifier: "almost", Conversion: &Quantity{Value: 3.8e9, Unit: "USD", Qualifier: "about"}}}},
	{"von auf ist kein Bereich", "de", "Der Etat wuchs von 3,8 Milliarden US-Dollar auf 38 Milliarden US-Dollar.",
		[]Quantity{{Value: 3.8e9, Unit: "USD"}, {Value: 38e9, Unit: "USD"}}},
	{"Zeitdauern sind nichts", "de", "Kaum zwei Monate später, nach knapp acht Jahrzehnten und vor drei Jahren.", nil},
	{"Heftnummer Jahrgang und Seiten sind nichts", "de", "Das Heft 202, Herbst 2024, 32. Jahrgang, S. 5–12.", nil},
	{"englischer Dezimalpunkt in deutschem Text", "de", "Die Kosten betragen 3.8 Milliarden Euro.",
		[]Quantity{{Value: 3.8e9, Unit: "EUR"}}},
	{"gut zwanzig Prozent", "de", "Gut 20 Prozent der Befragten stimmten zu.",
		[]Quantity{{Value: 20, Unit: "%", Qualifier: "about"}}},
	{"Zahlen ohne Einheit sind nichts", "de", "Die Zahl der Toten stieg auf 12, dann auf 15.", nil},
	{"Meter Tonnen und Liter", "de", "Das Schiff hat 250 Tonnen Fracht und 10.000 Liter Treibstoff, der Mast ist 30 Meter hoch.",
		[]Quantity{{Value: 250, Unit: "t"}, {Value: 10000, Unit: "l"}, {Value: 30, Unit: "m"}}},
	{"Yuan Yen und Rubel", "de", "Der Umsatz betrug 700 Millionen Yuan, 80 Milliarden Yen und 5 Milliarden Rubel.",
		[]Quantity{{Value: 700e6, Unit: "CNY"}, {Value: 80e9, Unit: "JPY"}, {Value: 5e9, Unit: "RUB"}}},
	{"Pfund und Renminbi", "de", "Britannien gab 2,5 Milliarden Pfund, China 30 Mio. Renminbi.",
		[]Quantity{{Value: 2.5e9, Unit: "GBP"}, {Value: 30e6, Unit: "CNY"}}},
	{"Währungszeichen nach der Zahl", "de", "Es kostet 3 € oder 4 $.",
		[]Quantity{{Value: 3, Unit: "EUR"}, {Value: 4, Unit: "USD"}}},
	{"Datum mit Ordinalzahl vor einer Zählung", "de", "Am 6. August kamen 10 Soldaten.",
		[]Quantity{{Value: 10, Unit: "Soldaten", Noun: "soldaten"}}},
	{"Paragraf und Kapitel sind nichts", "de", "Er nannte Paragraph 5, § 3 und Kapitel 12.", nil},
	{"Dutzend als Skala", "de", "Es kamen zwei Dutzend Drohnen.",
		[]Quantity{{Value: 24, Unit: "Drohnen", Noun: "drohnen", Word: true}}},
	{"Komma-Tausender in deutschem Text für Zählungen", "de", "Es kamen 1,000 Soldaten.",
		[]Quantity{{Value: 1000, Unit: "Soldaten", Noun: "soldaten"}}},
	{"Währung nach Adjektiv", "de", "Das kostete 3 Milliarden südkoreanische Won.",
		[]Quantity{{Value: 3e9, Unit: "KRW"}}},
	{"Zahl vor Bindestrichwort zählt das Wort", "de", "Gefunden wurden 5 Euro-Münzen und 3 T-72-Panzer.",
		[]Quantity{{Value: 5, Unit: "Euro-Münzen", Noun: "euro-münzen"}, {Value: 3, Unit: "T-72-Panzer", Noun: "t-72-panzer"}}},
	{"großgeschriebenes Zahlwort mitten im Satz ist ein Nomen", "de", "Außer Acht gelassen wurden Elf Freunde.", nil},
	{"Bindestrich-Einheit in einem Kompositum", "de", "Die Rakete hat eine 7.000-Kilometer-Reichweite.",
		[]Quantity{{Value: 7000, Unit: "km"}}},
	{"vierstellige Zahl mit Nomen ist kein Jahr", "de", "Es war eine Truppe von 1500 Soldaten.",
		[]Quantity{{Value: 1500, Unit: "Soldaten", Noun: "soldaten"}}},
	{"Währungscode vor der Zahl und Prozent ohne Leerzeichen", "de", "Es kostete EUR 3,5 Mio. und 10% mehr.",
		[]Quantity{{Value: 3.5e6, Unit: "EUR"}, {Value: 10, Unit: "%"}}},
	{"Tausend großgeschrieben und mehrere Tausend", "de", "Tausend Soldaten kamen, von mehreren Tausend Containern ist die Rede.",
		[]Quantity{{Value: 1000, Unit: "Soldaten", Noun: "soldaten", Word: true}}},
}

func allCases() []findCase {
	var all []findCase
	all = append(all, seedCases...)
	all = append(all, germanCases...)
	return append(all, englishCases...)
}

// withoutSpans returns the quantities with Start and End cleared, for comparison.
func withoutSpans(qs []Quantity) []Quantity {
	var out []Quantity
	for _, q := range qs {
		q.Start, q.End = 0, 0
		if q.Conversion != nil {
			c := *q.Conversion
			c.Start, c.End = 0, 0
			q.Conversion = &c
		}
		out = append(out, q)
	}
	return out
}

// numberWords are words whose presence shows that a span holds a number written as a word.
var numberWords = strings.Fields(`ein eine zwei drei vier fünf sechs sieben acht neun zehn elf zwölf
	zwanzig hundert tausend dutzend einundzwanzig zweihundertfünfzig a one two three four five six
	seven eight nine ten eleven twelve hundred thousand dozen`)

// containsNumber reports whether span holds the number: a digit, or a number word.
func containsNumber(span string, word bool) bool {
	if !word {
		return strings.ContainsAny(span, "0123456789")
	}
	for _, w := range strings.Fields(strings.ToLower(span)) {
		for _, n := range numberWords {
			if w == n {
				return true
			}
		}
	}
	return false
}

func checkSpans(t *testing.T, in string, qs []Quantity) {
	t.Helper()
	prev := 0
	for _, q := range qs {
		if q.Start < prev || q.Start >= q.End || q.End > len(in) {
			t.Fatalf("span [%d,%d) out of order or bounds (previous end %d) in %q", q.Start, q.End, prev, in)
		}
		if !containsNumber(in[q.Start:q.End], q.Word) {
			t.Errorf("span %q does not contain the number", in[q.Start:q.End])
		}
		prev = q.End
		if c := q.Conversion; c != nil {
			if c.Start < q.End || c.Start >= c.End || c.End > len(in) {
				t.Fatalf("conversion span [%d,%d) out of order or bounds in %q", c.Start, c.End, in)
			}
			if !containsNumber(in[c.Start:c.End], c.Word) {
				t.Errorf("conversion span %q does not contain the number", in[c.Start:c.End])
			}
			prev = c.End
		}
	}
}

func TestFind(t *testing.T) {
	for _, tc := range allCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, tc.lang)
			checkSpans(t, tc.in, got)
			if g := withoutSpans(got); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("Find(%q, %q)\n got: %s\nwant: %s", tc.in, tc.lang, format(g), format(tc.want))
			}
		})
	}
}

func TestCaseCount(t *testing.T) {
	if n := len(allCases()); n < 60 {
		t.Errorf("only %d table cases", n)
	}
}

// format prints quantities readably, conversions included.
func format(qs []Quantity) string {
	var b strings.Builder
	for _, q := range qs {
		c := q.Conversion
		q.Conversion = nil
		fmt.Fprintf(&b, "%+v", q)
		if c != nil {
			fmt.Fprintf(&b, " conv %+v", *c)
		}
		b.WriteString("; ")
	}
	return b.String()
}
