package dates

import (
	"reflect"
	"testing"
	"time"
)

// want is one expected expression: its text, Value, From, To, Mod and Relative.
type want struct {
	text, value, from, to, mod string
	rel                        bool
}

// exprCase is a text with its reference date ("" for none) and the expressions in it.
type exprCase struct {
	name, lang, ref, in string
	want                []want
}

var exprCases = []exprCase{
	// German: the corpus sentences.
	{"a dateline glued to the next word and a month without its year", "de", "2025-01-31",
		"31. Januar 2025Seoul und Tokio - in den beiden Städten … führte Boris Ruge … Mitte Januar sicherheitspolitische Gespräche.",
		[]want{{"31. Januar 2025", "2025-01-31", "2025-01-31", "2025-01-31", "", false}, {"Mitte Januar", "2025-01", "2025-01", "2025-01", "mid", true}}},
	{"Ende before a year marks the end of it", "de", "2025-01-31",
		"Pjöngjang hatte seine militärische Unterstützung Russlands Ende 2022 begonnen.",
		[]want{{"Ende 2022", "2022", "2022", "2022", "end", false}}},
	{"im vergangenen Jahr is the year before the document", "de", "2025-01-31",
		"Zunächst schickte es Artilleriegeschosse, dann ballistische Raketen und im vergangenen Jahr schließlich Soldaten.",
		[]want{{"im vergangenen Jahr", "2024", "2024", "2024", "", true}}},
	{"a spring of the past year", "de", "2025-01-31",
		"So etwa berichtete die Nachrichtenagentur Reuters im Frühjahr vergangenen Jahres von einem mehrmonatigen Angriff",
		[]want{{"im Frühjahr vergangenen Jahres", "2024-SP", "2024-03", "2024-05", "", true}}},
	{"two ranges between years among sums of money", "de", "2024-10-27",
		"Demnach hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht.",
		[]want{{"zwischen 2016 und 2020", "2016/2020", "2016", "2020", "", false}, {"zwischen 2021 und 2023", "2021/2023", "2021", "2023", "", false}}},
	{"the first half of a year", "de", "2024-10-27",
		"In der ersten Jahreshälfte 2024 stieg das Handelsvolumen auf 52,9 Millionen US-Dollar.",
		[]want{{"In der ersten Jahreshälfte 2024", "2024-H1", "2024-01", "2024-06", "", false}}},
	{"the whole of a year is the year", "de", "2024-10-27",
		"Es betrug im ganzen Jahr 2023 etwa 34,4 Millionen US-Dollar.",
		[]want{{"im ganzen Jahr 2023", "2023", "2023", "2023", "", false}}},
	{"seit with a month runs up to the document date", "de", "2024-10-27",
		"Die Zahlen zeigen, dass seit Juli 2023 durchschnittlich zwei hochrangige Treffen pro Monat stattfanden.",
		[]want{{"seit Juli 2023", "2023-07/2024-10-27", "2023-07", "2024-10-27", "since", false}}},
	{"in diesem Jahr is the year of the document", "de", "2024-10-27",
		"In diesem Jahr gab es bereits mehr als 24 solcher Treffen.",
		[]want{{"In diesem Jahr", "2024", "2024", "2024", "", true}}},
	{"days of last year and of this year", "de", "2024-08-06",
		"John Kirby behauptete, dass Russland am 30. Dezember letzten Jahres und am 2. Februar dieses Jahres ballistische Raketen abgefeuert habe.",
		[]want{{"am 30. Dezember letzten Jahres", "2023-12-30", "2023-12-30", "2023-12-30", "", true}, {"am 2. Februar dieses Jahres", "2024-02-02", "2024-02-02", "2024-02-02", "", true}}},
	{"a full date and a since in one sentence", "de", "2024-11-04",
		"Insbesondere testete Nordkorea am 30. Oktober 2024 eine Interkontinentalrakete, die erste seit Dezember 2023.",
		[]want{{"am 30. Oktober 2024", "2024-10-30", "2024-10-30", "2024-10-30", "", false}, {"seit Dezember 2023", "2023-12/2024-11-04", "2023-12", "2024-11-04", "since", false}}},
	{"a range of years in parentheses and a bare year before a footnote", "de", "2024-11-04",
		"Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab,9 mit Mao nicht möglich gewesen.",
		[]want{{"1950-1953", "1950/1953", "1950", "1953", "", false}, {"1950", "1950", "1950", "1950", "", false}}},
	{"seit with a number of years is a duration", "de", "2024-11-04",
		"Der Vertrag beinhaltet die Ausdehnung auf ein Land, das selbst bereits seit über 20 Jahren an einem eigenen Atombombenprogramm gearbeitet und mit seinem ersten erfolgreichen Atombombenversuch im Jahre 2006 und fünf weiteren Tests Fakten geschaffen hat.",
		[]want{{"im Jahre 2006", "2006", "2006", "2006", "", false}}},
	{"a numeric German date", "de", "2024-11-04",
		"Die Analyse wurde erstmals von BILD am 27.10.2024 aufgegriffen.",
		[]want{{"am 27.10.2024", "2024-10-27", "2024-10-27", "2024-10-27", "", false}}},
	{"a resolution number is no year", "de", "2024-11-04",
		"Die Sanktionen (basierend auf Resolution 1718 des Sicherheitsrats) gelten weiter.", nil},

	// German: absolute dates, years and periods.
	{"a day, month and year after am", "de", "2024-11-04",
		"Der Vertrag wurde am 6. August 2024 unterzeichnet.",
		[]want{{"am 6. August 2024", "2024-08-06", "2024-08-06", "2024-08-06", "", false}}},
	{"a month and year after im", "de", "2024-11-04",
		"Im Juni 2024 besuchte Putin Pjöngjang.",
		[]want{{"Im Juni 2024", "2024-06", "2024-06", "2024-06", "", false}}},
	{"a month and year without a preposition", "de", "2024-11-04",
		"Bis März 2024 blieb das Gremium aktiv.",
		[]want{{"März 2024", "2024-03", "2024-03", "2024-03", "", false}}},
	{"a year after im Jahr", "de", "2024-11-04",
		"Im Jahr 2023 stiegen die Exporte.",
		[]want{{"Im Jahr 2023", "2023", "2023", "2023", "", false}}},
	{"a bare year before a verb", "de", "2024-11-04",
		"2023 schließlich unterzeichneten beide Staaten den Vertrag.",
		[]want{{"2023", "2023", "2023", "2023", "", false}}},
	{"Mitte and Anfang before years", "de", "2024-11-04",
		"Die Gespräche begannen Mitte 2023 und endeten Anfang 2024.",
		[]want{{"Mitte 2023", "2023", "2023", "2023", "mid", false}, {"Anfang 2024", "2024", "2024", "2024", "start", false}}},
	{"a month with Ende and a year", "de", "2024-11-04",
		"Ende Oktober 2024 trafen die Truppen ein.",
		[]want{{"Ende Oktober 2024", "2024-10", "2024-10", "2024-10", "end", false}}},
	{"a range of years with bis", "de", "2024-11-04",
		"Die Zahlen für 2021 bis 2023 liegen vor.",
		[]want{{"2021 bis 2023", "2021/2023", "2021", "2023", "", false}}},
	{"a range of years with von and bis", "de", "2024-11-04",
		"Von 2016 bis 2020 stiegen die Exporte.",
		[]want{{"Von 2016 bis 2020", "2016/2020", "2016", "2020", "", false}}},
	{"a range of years with an en dash", "de", "2024-11-04",
		"Im Zeitraum 2016–2020 stiegen die Exporte.",
		[]want{{"2016–2020", "2016/2020", "2016", "2020", "", false}}},
	{"a range of days that share month and year", "de", "2024-11-04",
		"Das Manöver fand vom 1. bis 3. März 2024 statt.",
		[]want{{"vom 1. bis 3. März 2024", "2024-03-01/2024-03-03", "2024-03-01", "2024-03-03", "", false}}},
	{"a range of months that share the year", "de", "2024-11-04",
		"Von März bis Juni 2024 ruhten die Gespräche.",
		[]want{{"Von März bis Juni 2024", "2024-03/2024-06", "2024-03", "2024-06", "", false}}},
	{"the second half of a year", "de", "2024-11-04",
		"In der zweiten Hälfte 2023 sanken die Lieferungen.",
		[]want{{"In der zweiten Hälfte 2023", "2023-H2", "2023-07", "2023-12", "", false}}},
	{"the first Halbjahr of a year", "de", "2024-11-04",
		"Im ersten Halbjahr 2024 stiegen sie wieder.",
		[]want{{"Im ersten Halbjahr 2024", "2024-H1", "2024-01", "2024-06", "", false}}},
	{"the second quarter of a year", "de", "2024-11-04",
		"Im zweiten Quartal 2024 sanken die Lieferungen.",
		[]want{{"Im zweiten Quartal 2024", "2024-Q2", "2024-04", "2024-06", "", false}}},
	{"a quarter code", "de", "2024-11-04",
		"Die Zahlen für Q2 2024 liegen vor.",
		[]want{{"Q2 2024", "2024-Q2", "2024-04", "2024-06", "", false}}},
	{"a summer of a year", "de", "2024-11-04",
		"Im Sommer 2024 reiste er nach Moskau.",
		[]want{{"Im Sommer 2024", "2024-SU", "2024-06", "2024-08", "", false}}},
	{"a spring of a year", "de", "2024-11-04",
		"Im Frühjahr 2023 begannen die Lieferungen.",
		[]want{{"Im Frühjahr 2023", "2023-SP", "2023-03", "2023-05", "", false}}},
	{"a winter across two years", "de", "2024-11-04",
		"Im Winter 2023/24 fror die Front ein.",
		[]want{{"Im Winter 2023/24", "2023-WI", "2023-12", "2024-02", "", false}}},
	{"a decade", "de", "2024-11-04",
		"In den 1990er Jahren hungerte das Land.",
		[]want{{"In den 1990er Jahren", "199X", "1990", "1999", "", false}}},
	{"the early part of a decade", "de", "2024-11-04",
		"Das Programm entstand in den frühen 2000er Jahren.",
		[]want{{"in den frühen 2000er Jahren", "200X", "2000", "2009", "start", false}}},
	{"two decades with a lost space", "de", "2024-11-04",
		"Die Tests in den 1990erund frühen 2000er Jahren scheiterten.",
		[]want{{"in den 1990er", "199X", "1990", "1999", "", false}, {"frühen 2000er Jahren", "200X", "2000", "2009", "start", false}}},
	{"the middle of a decade", "de", "2024-11-04",
		"Mitte der 1990er Jahre brach die Wirtschaft ein.",
		[]want{{"Mitte der 1990er Jahre", "199X", "1990", "1999", "mid", false}}},
	{"an ISO date", "de", "2024-11-04",
		"Stand: 2025-01-31",
		[]want{{"2025-01-31", "2025-01-31", "2025-01-31", "2025-01-31", "", false}}},
	{"a range of years after in den Jahren", "de", "2024-11-04",
		"In den Jahren 2020 bis 2022 wuchs die Armee.",
		[]want{{"In den Jahren 2020 bis 2022", "2020/2022", "2020", "2022", "", false}}},
	{"a range of years with a short second year", "de", "2024-11-04",
		"Der Erste Weltkrieg (1914–18) veränderte Europa.",
		[]want{{"1914–18", "1914/1918", "1914", "1918", "", false}}},
	{"two consecutive months joined by and", "en", "2024-11-04",
		"In July and August, the team documented four missiles, but not in May and July.",
		[]want{{"July and August", "2024-07/2024-08", "2024-07", "2024-08", "", true}, {"in May", "2024-05", "2024-05", "2024-05", "", true}}},
	{"two consecutive days joined by and", "en", "2024-11-04",
		"The DPRK's February 18 and February 19 launches, and those of 3 and 5 March.",
		[]want{{"February 18 and February 19", "2024-02-18/2024-02-19", "2024-02-18", "2024-02-19", "", true}, {"5 March", "2024-03-05", "2024-03-05", "2024-03-05", "", true}}},
	{"two consecutive years joined by and", "en", "2024-11-04",
		"The DPRK increased its launches in 2022 and 2023, but not in 2020 and 2024.",
		[]want{{"2022 and 2023", "2022/2023", "2022", "2023", "", false}, {"in 2020", "2020", "2020", "2020", "", false}, {"2024", "2024", "2024", "2024", "", false}}},
	{"a business year across two years", "de", "2024-11-04",
		"Im Haushaltsjahr 2023/24 sanken die Ausgaben.",
		[]want{{"2023/24", "2023/2024", "2023", "2024", "", false}}},
	{"a range of months across the turn of the year", "de", "2024-11-04",
		"Von Dezember bis Februar 2024 fror die Front ein.",
		[]want{{"Von Dezember bis Februar 2024", "2023-12/2024-02", "2023-12", "2024-02", "", false}}},
	{"a bare year with seit runs up to the document date", "de", "2025-01-31",
		"Die Exporte haben sich seit 2022 verdoppelt.",
		[]want{{"seit 2022", "2022/2025-01-31", "2022", "2025-01-31", "since", false}}},
	{"seit without a reference date leaves the end open", "de", "",
		"Die Exporte haben sich seit 2022 verdoppelt.",
		[]want{{"seit 2022", "2022/..", "2022", "", "since", false}}},

	// German: relative expressions.
	{"a month without a year is the latest such month", "de", "2025-01-31",
		"Im Oktober traf sich der Ausschuss.",
		[]want{{"Im Oktober", "2024-10", "2024-10", "2024-10", "", true}}},
	{"a past month of the same year", "de", "2025-03-10",
		"Schon im Februar gab es Warnungen.",
		[]want{{"im Februar", "2025-02", "2025-02", "2025-02", "", true}}},
	{"a season without a year is the latest begun", "de", "2025-01-31",
		"Im Sommer wurden die Lieferungen ausgeweitet.",
		[]want{{"Im Sommer", "2024-SU", "2024-06", "2024-08", "", true}}},
	{"today and yesterday", "de", "2025-01-31",
		"Heute bestätigte das Ministerium, was gestern bekannt wurde.",
		[]want{{"Heute", "2025-01-31", "2025-01-31", "2025-01-31", "", true}, {"gestern", "2025-01-30", "2025-01-30", "2025-01-30", "", true}}},
	{"vor zwei Jahren counts back years", "de", "2025-01-31",
		"Vor zwei Jahren begann die Zusammenarbeit.",
		[]want{{"Vor zwei Jahren", "2023", "2023", "2023", "", true}}},
	{"im kommenden Jahr is the year after", "de", "2025-01-31",
		"Im kommenden Jahr sollen weitere Tests folgen.",
		[]want{{"Im kommenden Jahr", "2026", "2026", "2026", "", true}}},
	{"the month before the document", "de", "2025-01-31",
		"Im vergangenen Monat fielen die Preise.",
		[]want{{"Im vergangenen Monat", "2024-12", "2024-12", "2024-12", "", true}}},
	{"seit with the end of last year", "de", "2025-01-31",
		"Die Zahl stieg seit Ende letzten Jahres stark an.",
		[]want{{"seit Ende letzten Jahres", "2024/2025-01-31", "2024", "2025-01-31", "since", true}}},
	{"a day without a year is the latest such day", "de", "2025-01-05",
		"Am 30. Dezember kam es zu Gefechten.",
		[]want{{"Am 30. Dezember", "2024-12-30", "2024-12-30", "2024-12-30", "", true}}},
	{"seit with a season without a year", "de", "2025-01-31",
		"Seit dem Sommer ruhen die Gespräche.",
		[]want{{"Seit dem Sommer", "2024-SU/2025-01-31", "2024-06", "2025-01-31", "since", true}}},
	{"heute morgen is this morning and morgen alone tomorrow", "de", "2025-01-31",
		"Das Ministerium teilte heute morgen mit, dass die Gespräche morgen beginnen.",
		[]want{{"heute", "2025-01-31", "2025-01-31", "2025-01-31", "", true}, {"morgen", "2025-02-01", "2025-02-01", "2025-02-01", "", true}}},
	{"relative expressions are left out without a reference date", "de", "",
		"Im vergangenen Jahr und im Oktober stieg die Zahl.", nil},

	// German: no expressions.
	{"durations and vague periods are no dates", "de", "2025-01-31",
		"Die Truppen sind seit über 20 Jahren, acht Jahrzehnten und zwei Monaten vor Ort; in den letzten Monaten kamen 2.000 Soldaten dazu.", nil},
	{"documents, pages, counts and ordinals are no dates", "de", "2025-01-31",
		"Laut S/PV.9048 (S. 28–87) wurden 1.718 Raketen und 2.000 Soldaten gezählt; der 32. Jahrgang der G7 nannte 2023 Soldaten.", nil},
	{"a percentage and a number beyond 2100 are no years", "de", "2025-01-31",
		"Die Produktion stieg um 2050 Prozent auf 3000 Einheiten.", nil},
	{"a range of quantities is no range of years", "de", "2025-01-31",
		"Es wurden zwischen 2000 und 3000 Soldaten entsandt.", nil},
	{"Fall is no season in German", "de", "2025-01-31",
		"Im Fall 2023 entschied das Gericht anders.",
		[]want{{"2023", "2023", "2023", "2023", "", false}}},

	// English.
	{"a day, month and year after on", "en", "2024-11-04",
		"The test took place on 30 October 2024.",
		[]want{{"on 30 October 2024", "2024-10-30", "2024-10-30", "2024-10-30", "", false}}},
	{"a month, day and year", "en", "2024-11-04",
		"On October 30, 2024, North Korea launched a missile.",
		[]want{{"On October 30, 2024", "2024-10-30", "2024-10-30", "2024-10-30", "", false}}},
	{"a month and year after in", "en", "2024-11-04",
		"Talks resumed in June 2024.",
		[]want{{"in June 2024", "2024-06", "2024-06", "2024-06", "", false}}},
	{"since a year runs up to the document date", "en", "2025-01-31",
		"Exports have doubled since 2022.",
		[]want{{"since 2022", "2022/2025-01-31", "2022", "2025-01-31", "since", false}}},
	{"a range of years with between", "en", "2025-01-31",
		"Exports grew tenfold between 2016 and 2020.",
		[]want{{"between 2016 and 2020", "2016/2020", "2016", "2020", "", false}}},
	{"a range of years with from and to", "en", "2025-01-31",
		"Prices rose from 2021 to 2023.",
		[]want{{"from 2021 to 2023", "2021/2023", "2021", "2023", "", false}}},
	{"a range of months that share the year in English", "en", "2025-01-31",
		"The plant was closed from March to June 2024.",
		[]want{{"from March to June 2024", "2024-03/2024-06", "2024-03", "2024-06", "", false}}},
	{"a range of days in English", "en", "2025-01-31",
		"The summit was held March 1–3, 2024.",
		[]want{{"March 1–3, 2024", "2024-03-01/2024-03-03", "2024-03-01", "2024-03-03", "", false}}},
	{"the first half of a year in English", "en", "2025-01-31",
		"Trade rose in the first half of 2024.",
		[]want{{"in the first half of 2024", "2024-H1", "2024-01", "2024-06", "", false}}},
	{"a quarter code after in", "en", "2025-01-31",
		"Sales fell in Q3 2023.",
		[]want{{"in Q3 2023", "2023-Q3", "2023-07", "2023-09", "", false}}},
	{"a decade with its article", "en", "2025-01-31",
		"The sanctions date back to the 1990s.",
		[]want{{"the 1990s", "199X", "1990", "1999", "", false}}},
	{"early and late before years", "en", "2025-01-31",
		"Deliveries began in early 2024 after talks in late 2022.",
		[]want{{"in early 2024", "2024", "2024", "2024", "start", false}, {"in late 2022", "2022", "2022", "2022", "end", false}}},
	{"mid with a hyphen", "en", "2025-01-31",
		"By mid-2023 the plant was running.",
		[]want{{"mid-2023", "2023", "2023", "2023", "mid", false}}},
	{"the end of a year", "en", "2025-01-31",
		"The line is due at the end of 2024.",
		[]want{{"at the end of 2024", "2024", "2024", "2024", "end", false}}},
	{"a season of a year and fall in English", "en", "2025-01-31",
		"Drills in the summer of 2024 followed tests in fall 2023.",
		[]want{{"in the summer of 2024", "2024-SU", "2024-06", "2024-08", "", false}, {"in fall 2023", "2023-FA", "2023-09", "2023-11", "", false}}},
	{"last year, this year and next year", "en", "2025-01-31",
		"Output fell last year, rose this year and will rise next year.",
		[]want{{"last year", "2024", "2024", "2024", "", true}, {"this year", "2025", "2025", "2025", "", true}, {"next year", "2026", "2026", "2026", "", true}}},
	{"years ago count back", "en", "2025-01-31",
		"The treaty was signed two years ago.",
		[]want{{"two years ago", "2023", "2023", "2023", "", true}}},
	{"today and yesterday in English", "en", "2025-01-31",
		"Officials confirmed today what was reported yesterday.",
		[]want{{"today", "2025-01-31", "2025-01-31", "2025-01-31", "", true}, {"yesterday", "2025-01-30", "2025-01-30", "2025-01-30", "", true}}},
	{"last summer is the latest summer that is over", "en", "2025-01-31",
		"Last summer the talks failed.",
		[]want{{"Last summer", "2024-SU", "2024-06", "2024-08", "", true}}},
	{"a month without a year after in", "en", "2025-01-31",
		"The deal was struck in October.",
		[]want{{"in October", "2024-10", "2024-10", "2024-10", "", true}}},
	{"the early part of a decade in English", "en", "2025-01-31",
		"The programme began in the early 2000s.",
		[]want{{"in the early 2000s", "200X", "2000", "2009", "start", false}}},
	{"a quarter in words", "en", "2025-01-31",
		"Orders fell in the second quarter of 2024.",
		[]want{{"in the second quarter of 2024", "2024-Q2", "2024-04", "2024-06", "", false}}},
	{"an ISO date in English text", "en", "2025-01-31",
		"Published 2025-01-31 by the ministry.",
		[]want{{"2025-01-31", "2025-01-31", "2025-01-31", "2025-01-31", "", false}}},
	{"a range of days with between in English", "en", "2025-01-31",
		"The drills ran between 1 and 3 March 2024.",
		[]want{{"between 1 and 3 March 2024", "2024-03-01/2024-03-03", "2024-03-01", "2024-03-03", "", false}}},
	{"since a month runs up to the document date", "en", "2024-10-27",
		"Two meetings a month have taken place since July 2023.",
		[]want{{"since July 2023", "2023-07/2024-10-27", "2023-07", "2024-10-27", "since", false}}},
	{"months ago count back months", "en", "2025-01-31",
		"The plant opened three months ago.",
		[]want{{"three months ago", "2024-10", "2024-10", "2024-10", "", true}}},
	{"a month of this year", "en", "2025-05-01",
		"The talks broke down in March of this year.",
		[]want{{"in March of this year", "2025-03", "2025-03", "2025-03", "", true}}},
	{"a range of years as an adjective", "en", "2025-01-31",
		"The 2016–2020 plan failed.",
		[]want{{"2016–2020", "2016/2020", "2016", "2020", "", false}}},
	{"recent months and durations are no dates", "en", "2025-01-31",
		"In recent months the troops, deployed for 20 years and over the last year, doubled to 2000 soldiers.", nil},
	{"the article after a preposition stays out of a plain year", "en", "2025-01-31",
		"In the 2024 election little changed.",
		[]want{{"2024", "2024", "2024", "2024", "", false}}},
	{"the article stays out of a plain year", "en", "2025-01-31",
		"The 2024 election changed little.",
		[]want{{"2024", "2024", "2024", "2024", "", false}}},
}

func TestExpressions(t *testing.T) {
	for _, tc := range exprCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []want
			for _, e := range Expressions(tc.in, parseRef(tc.ref), tc.lang) {
				got = append(got, want{tc.in[e.Start:e.End], e.Value, e.From, e.To, e.Mod, e.Relative})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Expressions(%q, %s)\n got %+v\nwant %+v", tc.in, tc.ref, got, tc.want)
			}
		})
	}
}

// Find is the parser of Expressions seen from a dateline: the days and months with their year,
// each spanning the date without the words that lead it; a range gives its last day.
func TestFindKeepsThePlainDatesOfExpressions(t *testing.T) {
	text := "am 30. Dezember 2023, Ende Juni 2024, zwischen 2016 und 2020, im Oktober, seit Juli 2023, im Jahr 2022; vom 3. bis 5. Juni 2024; on January 31, 2025"
	var got []string
	for _, m := range Find(text) {
		got = append(got, text[m.Start:m.End]+"="+m.ISO)
	}
	want := []string{"30. Dezember 2023=2023-12-30", "Juni 2024=2024-06", "Juli 2023=2023-07",
		"vom 3. bis 5. Juni 2024=2024-06-05", "January 31, 2025=2025-01-31"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find(%q)\n got %q\nwant %q", text, got, want)
	}
}

// parseRef parses a reference date of a case; "" is no date.
func parseRef(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
