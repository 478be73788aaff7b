package segment

import (
	"reflect"
	"strings"
	"testing"
)

// sentenceCases are single-line inputs and the sentences they split into.
var sentenceCases = []struct {
	name string
	in   string
	want []string
}{
	// Sentences glued without a space, as text pasted from several paragraphs has them.
	{"a period without a space before a capital ends a sentence",
		"Nordkorea hat eine Rakete getestet.Das berichtete Yonhap am Montag.Die Rakete flog weit.",
		[]string{"Nordkorea hat eine Rakete getestet.", "Das berichtete Yonhap am Montag.", "Die Rakete flog weit."}},
	{"an abbreviation, a web address and U.S. glued to a word are not boundaries",
		"Er sagte bzw.Der Sprecher nannte www.Nordkorea.De und die U.S.Army als Quelle.",
		[]string{"Er sagte bzw.Der Sprecher nannte www.Nordkorea.De und die U.S.Army als Quelle."}},
	// German: dates and ordinals.
	{"a German day and month inside a sentence is not a boundary",
		"Der Vertrag trat am 31. Januar 2025 in Kraft. Danach änderte sich vieles.",
		[]string{"Der Vertrag trat am 31. Januar 2025 in Kraft.", "Danach änderte sich vieles."}},
	{"the first of May is not a boundary",
		"Am 1. Mai demonstrierten Tausende. Die Polizei blieb ruhig.",
		[]string{"Am 1. Mai demonstrierten Tausende.", "Die Polizei blieb ruhig."}},
	{"a date after vom is not a boundary",
		"Das Abkommen vom 17. Juni 2024 gilt weiter.",
		[]string{"Das Abkommen vom 17. Juni 2024 gilt weiter."}},
	{"a date followed by letzten Jahres is not a boundary",
		"Er starb am 30. Dezember letzten Jahres in Berlin.",
		[]string{"Er starb am 30. Dezember letzten Jahres in Berlin."}},
	{"the Austrian month Jänner is a month",
		"Am 15. Jänner 2024 begann die Übung.",
		[]string{"Am 15. Jänner 2024 begann die Übung."}},
	{"a date written with spaces is not split",
		"Am 5. 6. 2024 begann die Übung.",
		[]string{"Am 5. 6. 2024 begann die Übung."}},
	{"a numeric date is not split",
		"Die Analyse wurde erstmals von BILD am 27.10.2024 aufgegriffen.",
		[]string{"Die Analyse wurde erstmals von BILD am 27.10.2024 aufgegriffen."}},
	{"a year before a capital ends a sentence",
		"Das geschah im Jahr 2023. Die Folgen sind bis heute spürbar.",
		[]string{"Das geschah im Jahr 2023.", "Die Folgen sind bis heute spürbar."}},
	{"Ende 2022 ends a sentence before a new one",
		"Die Produktion endete Ende 2022. Seitdem ruht das Werk.",
		[]string{"Die Produktion endete Ende 2022.", "Seitdem ruht das Werk."}},
	{"the second place is an ordinal",
		"Das Team belegte den 2. Platz im Turnier.",
		[]string{"Das Team belegte den 2. Platz im Turnier."}},
	{"the third quarter is an ordinal",
		"Im 3. Quartal stieg der Umsatz um 3,8 Prozent.",
		[]string{"Im 3. Quartal stieg der Umsatz um 3,8 Prozent."}},
	{"the twentieth century is an ordinal",
		"Im 20. Jahrhundert änderte sich die Lage grundlegend.",
		[]string{"Im 20. Jahrhundert änderte sich die Lage grundlegend."}},
	{"a number after an article is an ordinal",
		"Es war die 5. Sitzung des Ausschusses.",
		[]string{"Es war die 5. Sitzung des Ausschusses."}},
	{"an inflected compound after a number is an ordinal",
		"Seit dem Ende des 2. Weltkrieges ist Korea geteilt.",
		[]string{"Seit dem Ende des 2. Weltkrieges ist Korea geteilt."}},
	{"a Roman numeral before Weltkrieg is an ordinal",
		"Nach dem II. Weltkrieg wurde Korea geteilt.",
		[]string{"Nach dem II. Weltkrieg wurde Korea geteilt."}},
	{"Kapitel 4 Absatz is not split",
		"Siehe Kapitel 4. Absatz 2 regelt das.",
		[]string{"Siehe Kapitel 4. Absatz 2 regelt das."}},
	{"a numbered list item at line start is not split",
		"2. Die Ergebnisse der Studie sind eindeutig.",
		[]string{"2. Die Ergebnisse der Studie sind eindeutig."}},
	{"a numbered list after a colon is not split",
		"Die Ziele: 1. Frieden sichern und Handel stärken.",
		[]string{"Die Ziele: 1. Frieden sichern und Handel stärken."}},
	{"the end of a range of days before a month is not a boundary",
		"Die Konferenz fand vom 1.–3. März statt. Sie war gut besucht.",
		[]string{"Die Konferenz fand vom 1.–3. März statt.", "Sie war gut besucht."}},
	{"the end of a pair of centuries is not a boundary",
		"Das galt im 20./21. Jahrhundert.",
		[]string{"Das galt im 20./21. Jahrhundert."}},
	{"an age at the end of a sentence is a boundary",
		"Der Soldat ist 25. Er stammt aus Pjöngjang.",
		[]string{"Der Soldat ist 25.", "Er stammt aus Pjöngjang."}},

	// German: abbreviations.
	{"z. B. with a space is not a boundary",
		"Es gibt viele Beispiele, z. B. Drohnen und Raketen.",
		[]string{"Es gibt viele Beispiele, z. B. Drohnen und Raketen."}},
	{"z.B. without a space is not a boundary",
		"Viele Staaten, z.B. Japan, reagierten. Andere schwiegen.",
		[]string{"Viele Staaten, z.B. Japan, reagierten.", "Andere schwiegen."}},
	{"d. h. is not a boundary",
		"Das Abkommen ist bindend, d. h. Verstöße werden bestraft.",
		[]string{"Das Abkommen ist bindend, d. h. Verstöße werden bestraft."}},
	{"u. a. is not a boundary",
		"Beteiligt waren u. a. Frankreich und Polen.",
		[]string{"Beteiligt waren u. a. Frankreich und Polen."}},
	{"u.a. before a noun is not a boundary",
		"Beteiligt waren u.a. Frankreich und Polen.",
		[]string{"Beteiligt waren u.a. Frankreich und Polen."}},
	{"bzw. and Mrd. are not boundaries",
		"Die Kosten betragen 5 bzw. 7 Mrd. Euro pro Jahr.",
		[]string{"Die Kosten betragen 5 bzw. 7 Mrd. Euro pro Jahr."}},
	{"ca. and Mio. are not boundaries but the period after Soldaten is",
		"Die Armee umfasst ca. 1,2 Mio. Soldaten. Das ist viel.",
		[]string{"Die Armee umfasst ca. 1,2 Mio. Soldaten.", "Das ist viel."}},
	{"Prof. and Dr. are titles",
		"Prof. Dr. Markus Müller leitet das Institut. Er ist Experte.",
		[]string{"Prof. Dr. Markus Müller leitet das Institut.", "Er ist Experte."}},
	{"academic titles are abbreviations",
		"Dr. med. Anna Schulz und Dipl.-Ing. Peter Roth berichteten. Sie warnten.",
		[]string{"Dr. med. Anna Schulz und Dipl.-Ing. Peter Roth berichteten.", "Sie warnten."}},
	{"Art. Abs. and Nr. before numbers are not boundaries",
		"Nach Art. 5 Abs. 3 Nr. 2 GG ist das erlaubt.",
		[]string{"Nach Art. 5 Abs. 3 Nr. 2 GG ist das erlaubt."}},
	{"Art at the end of a sentence is a word",
		"Es war ein Angriff neuer Art. Die Armee reagierte.",
		[]string{"Es war ein Angriff neuer Art.", "Die Armee reagierte."}},
	{"a capitalised Vgl. at sentence start and S. are abbreviations",
		"Vgl. dazu S. 5–12 der Studie.",
		[]string{"Vgl. dazu S. 5–12 der Studie."}},
	{"Jh. before a lower-case word is not a boundary",
		"Die Burg stammt aus dem 12. Jh. und wurde später erweitert.",
		[]string{"Die Burg stammt aus dem 12. Jh. und wurde später erweitert."}},
	{"usw. before Die ends a sentence",
		"Er nannte Panzer, Drohnen usw. Die Liste war lang.",
		[]string{"Er nannte Panzer, Drohnen usw.", "Die Liste war lang."}},
	{"a closing bracket after an abbreviation and a number ends the sentence",
		"Die Zahl stieg deutlich (vgl. Abb. 3). Das überraschte.",
		[]string{"Die Zahl stieg deutlich (vgl. Abb. 3).", "Das überraschte."}},
	{"i. d. R. is not a boundary",
		"Das dauert i. d. R. drei Wochen.",
		[]string{"Das dauert i. d. R. drei Wochen."}},
	{"o. ä. is not a boundary",
		"Raketen o. ä. Waffen wurden geliefert.",
		[]string{"Raketen o. ä. Waffen wurden geliefert."}},
	{"v. a. is not a boundary",
		"Betroffen ist v. a. Nordkorea.",
		[]string{"Betroffen ist v. a. Nordkorea."}},
	{"sog. is not a boundary",
		"Man spricht von einer sog. Achse des Umbruchs.",
		[]string{"Man spricht von einer sog. Achse des Umbruchs."}},
	{"St. Petersburg is not a boundary",
		"Er lebt in St. Petersburg. Seine Familie auch.",
		[]string{"Er lebt in St. Petersburg.", "Seine Familie auch."}},
	{"Mio. before Euro is not a boundary",
		"Der Schaden beträgt 3 Mio. Euro.",
		[]string{"Der Schaden beträgt 3 Mio. Euro."}},
	{"an initial in a German sentence is not a boundary",
		"Laut Eric J. Ballbach ist das neu.",
		[]string{"Laut Eric J. Ballbach ist das neu."}},

	// German: quotations.
	{"a quoted sentence followed by a comma continues",
		"„Das gilt.“, sagt er.",
		[]string{"„Das gilt.“, sagt er."}},
	{"a German quotation ending in a period ends the sentence",
		"Er sagte: „Wir kommen morgen.“ Dann legte er auf.",
		[]string{"Er sagte: „Wir kommen morgen.“", "Dann legte er auf."}},
	{"a question inside a quotation followed by a comma continues",
		"„Wirklich?“, fragte er. Niemand antwortete.",
		[]string{"„Wirklich?“, fragte er.", "Niemand antwortete."}},
	{"guillemets protect two sentences",
		"»Wir bleiben. Wir kämpfen.« Das sagte der Präsident.",
		[]string{"»Wir bleiben. Wir kämpfen.«", "Das sagte der Präsident."}},
	{"French guillemets with spaces end a sentence",
		"Er sagte: « Wir kommen. » Dann ging er.",
		[]string{"Er sagte: « Wir kommen. »", "Dann ging er."}},
	{"a stray closing quote is ignored",
		"Es gebe neue Bedrohungen\", heißt es. Die Lage sei ernst.",
		[]string{"Es gebe neue Bedrohungen\", heißt es.", "Die Lage sei ernst."}},
	{"a stray opening quote protects nothing",
		"Er sprach von „Bedrohungen. Die Lage sei ernst.",
		[]string{"Er sprach von „Bedrohungen.", "Die Lage sei ernst."}},
	{"an ASCII quotation with two sentences is one sentence",
		"\"Zum einen geht es um X. Auch wird Y diskutiert.\" Next sentence.",
		[]string{"\"Zum einen geht es um X. Auch wird Y diskutiert.\"", "Next sentence."}},
	{"a quoted sentence glued to the next sentence by a period",
		"Er sagte: „Nein.“ Dann ging er.",
		[]string{"Er sagte: „Nein.“", "Dann ging er."}},

	// German: numbers, punctuation, URLs.
	{"an ellipsis before a lower-case word is not a boundary",
		"Er zögerte … und ging dann doch.",
		[]string{"Er zögerte … und ging dann doch."}},
	{"three dots before a capital are a boundary",
		"Er wartete... Dann kam der Anruf.",
		[]string{"Er wartete...", "Dann kam der Anruf."}},
	{"question and exclamation marks end sentences",
		"Was nun? Niemand weiß es! Die Lage bleibt unklar.",
		[]string{"Was nun?", "Niemand weiß es!", "Die Lage bleibt unklar."}},
	{"URLs and domain names are not split",
		"Mehr unter www.nzz.ch und https://x.org/a.b?c=d. Die Seite ist neu.",
		[]string{"Mehr unter www.nzz.ch und https://x.org/a.b?c=d.", "Die Seite ist neu."}},
	{"a file name is not split",
		"Der Bericht report.pdf liegt vor. Er umfasst 40 Seiten.",
		[]string{"Der Bericht report.pdf liegt vor.", "Er umfasst 40 Seiten."}},
	{"a UN document symbol is not split",
		"Siehe Dokument S/PV.9048 des Sicherheitsrats.",
		[]string{"Siehe Dokument S/PV.9048 des Sicherheitsrats."}},
	{"sentences inside short brackets are not split",
		"Der Bericht (Stand: 1. Mai. Neu!) liegt vor.",
		[]string{"Der Bericht (Stand: 1. Mai. Neu!) liegt vor."}},
	{"an omission mark in brackets is not a boundary",
		"Er sagte, man habe […] Beweise gefunden.",
		[]string{"Er sagte, man habe […] Beweise gefunden."}},
	{"a footnote number glued to the period ends the sentence",
		"Das könnte zum Ausbau beitragen.5 Die Regierung schweigt.",
		[]string{"Das könnte zum Ausbau beitragen.5", "Die Regierung schweigt."}},
	{"a long line without final punctuation is split and has no heading",
		"Die Regierung in Seoul hat die Lage bewertet. Danach folgten Gespräche mit Vertretern aus Tokio, Washington, Brüssel und vielen weiteren Hauptstädten ohne Ergebnis",
		[]string{"Die Regierung in Seoul hat die Lage bewertet.", "Danach folgten Gespräche mit Vertretern aus Tokio, Washington, Brüssel und vielen weiteren Hauptstädten ohne Ergebnis"}},

	// German: the corpus examples.
	{"a date glued to the next sentence is split off",
		"31. Januar 2025Seoul und Tokio - in den beiden Städten fernab der Nordatlantischen Allianz führte Boris Ruge, Beigeordneter Generalsekretär der NATO für politische Angelegenheiten und Sicherheitspolitik, Mitte Januar sicherheitspolitische Gespräche. Beide Male erörterten er und seine Gastgeber die gemeinsamen Sicherheitsinteressen.",
		[]string{"31. Januar 2025", "Seoul und Tokio - in den beiden Städten fernab der Nordatlantischen Allianz führte Boris Ruge, Beigeordneter Generalsekretär der NATO für politische Angelegenheiten und Sicherheitspolitik, Mitte Januar sicherheitspolitische Gespräche.", "Beide Male erörterten er und seine Gastgeber die gemeinsamen Sicherheitsinteressen."}},
	{"a quotation with a comma and an initial stay one sentence",
		"\"Aus Sicht der NATO erfordern die globalen Herausforderungen durch China, Russland und andere autoritäre Länder die Zusammenarbeit mit Partnern auf der ganzen Welt\", schreibt der Korea-Experte Eric J. Ballbach von der Berliner \"Stiftung Wissenschaft und Politik\" in einer Studie vom Januar diesen Jahres. Die NATO werte die chinesische Politik hinsichtlich des Krieges in der Ukraine als Unterstützung Russlands.",
		[]string{"\"Aus Sicht der NATO erfordern die globalen Herausforderungen durch China, Russland und andere autoritäre Länder die Zusammenarbeit mit Partnern auf der ganzen Welt\", schreibt der Korea-Experte Eric J. Ballbach von der Berliner \"Stiftung Wissenschaft und Politik\" in einer Studie vom Januar diesen Jahres.", "Die NATO werte die chinesische Politik hinsichtlich des Krieges in der Ukraine als Unterstützung Russlands."}},
	{"decimal commas and brackets do not split",
		"Angaben des Stockholmer Internationalen Friedensforschungsinstituts zufolge hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht. Im Jahr 2023 belegte Südkoreas Verteidigungsindustrie gemessen an wichtigen Waffenexportverträgen weltweit den zweiten Platz.",
		[]string{"Angaben des Stockholmer Internationalen Friedensforschungsinstituts zufolge hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht.", "Im Jahr 2023 belegte Südkoreas Verteidigungsindustrie gemessen an wichtigen Waffenexportverträgen weltweit den zweiten Platz."}},
	{"a thousands separator is not a boundary",
		"Einer Schätzung des Atlantic Council zufolge entsandte das Regime bislang rund 11.000 Militärangehörige an die ukrainische Front.",
		[]string{"Einer Schätzung des Atlantic Council zufolge entsandte das Regime bislang rund 11.000 Militärangehörige an die ukrainische Front."}},
	{"a date at sentence start and a thousands separator",
		"Am 23. Oktober 2024, während des ersten Gipfeltreffens der G7-Verteidigungsminister, bestätigte Verteidigungsminister Lloyd Austin, dass Nordkorea die Entsendung mehrerer tausend Soldaten nach Russland vorbereitet. Nach Angaben des südkoreanischen Verteidigungsministeriums sind bereits 3.000 nordkoreanische Soldaten auf russischem Territorium stationiert.",
		[]string{"Am 23. Oktober 2024, während des ersten Gipfeltreffens der G7-Verteidigungsminister, bestätigte Verteidigungsminister Lloyd Austin, dass Nordkorea die Entsendung mehrerer tausend Soldaten nach Russland vorbereitet.", "Nach Angaben des südkoreanischen Verteidigungsministeriums sind bereits 3.000 nordkoreanische Soldaten auf russischem Territorium stationiert."}},
	{"doubled periods after a quotation stay with the first sentence",
		"Der Vertrag sieht vor, dass „im Falle eines Krieges, der aus einer bewaffneten Invasion resultiert, beide Parteien gegenseitige militärische oder andere Hilfe leisten werden“.. Dieser Rahmen könnte die Entsendung zusätzlicher koreanischer Streitkräfte in die Region Kursk oder in die von Russland besetzten ukrainischen Gebiete rechtfertigen.",
		[]string{"Der Vertrag sieht vor, dass „im Falle eines Krieges, der aus einer bewaffneten Invasion resultiert, beide Parteien gegenseitige militärische oder andere Hilfe leisten werden“..", "Dieser Rahmen könnte die Entsendung zusätzlicher koreanischer Streitkräfte in die Region Kursk oder in die von Russland besetzten ukrainischen Gebiete rechtfertigen."}},
	{"a quotation ending in a period ends the sentence",
		"\"Man fürchtet zum einen, Russland könne - im Austausch für die Unterstützung - zum Ausbau des nordkoreanischen Raketensystems wie auch des Atomprogramms beitragen.\" Zum anderen habe der Krieg Europa näher an Südkorea herangebracht.",
		[]string{"\"Man fürchtet zum einen, Russland könne - im Austausch für die Unterstützung - zum Ausbau des nordkoreanischen Raketensystems wie auch des Atomprogramms beitragen.\"", "Zum anderen habe der Krieg Europa näher an Südkorea herangebracht."}},
	{"a quotation of two sentences is one sentence",
		"\"Zum einen geht es um den Austausch von Informationen sowie eine gemeinsame Lagebeurteilung - so etwa um die Frage, was die in Russland kämpfenden nordkoreanischen Soldaten zu leisten imstande sind. Auch wird die Frage diskutiert, ob man von einer globalen Achse sprechen kann.\"",
		[]string{"\"Zum einen geht es um den Austausch von Informationen sowie eine gemeinsame Lagebeurteilung - so etwa um die Frage, was die in Russland kämpfenden nordkoreanischen Soldaten zu leisten imstande sind. Auch wird die Frage diskutiert, ob man von einer globalen Achse sprechen kann.\""}},
	{"superscript footnote markers stay with their sentence",
		"Ukrainischen Angaben zufolge seien nach Raketenangriffen auf die Stadt Charkiw im Februar Überreste einer nordkoreanischen Rakete vom Typ Hwasong-11A gefunden worden.³ Amerikanische und südkoreanische Regierungsstellen haben zudem über umfangreiche Lieferungen von Artilleriegeschossen Nordkoreas an Russland berichtet. Von mehreren Tausend Containern ist die Rede.⁴",
		[]string{"Ukrainischen Angaben zufolge seien nach Raketenangriffen auf die Stadt Charkiw im Februar Überreste einer nordkoreanischen Rakete vom Typ Hwasong-11A gefunden worden.³", "Amerikanische und südkoreanische Regierungsstellen haben zudem über umfangreiche Lieferungen von Artilleriegeschossen Nordkoreas an Russland berichtet.", "Von mehreren Tausend Containern ist die Rede.⁴"}},
	{"a date after seit dem is not a boundary",
		"Mit dem Vordringen ukrainischer Truppen in die russische Provinz Kursk seit dem 6. August 2024 sind die Voraussetzungen des Bündnisfalls für Nordkorea nun zweifelsfrei gegeben.",
		[]string{"Mit dem Vordringen ukrainischer Truppen in die russische Provinz Kursk seit dem 6. August 2024 sind die Voraussetzungen des Bündnisfalls für Nordkorea nun zweifelsfrei gegeben."}},
	{"a short line without final punctuation is a heading",
		"Ukraine-Krieg im Fokus",
		[]string{"Ukraine-Krieg im Fokus"}},
	{"a footnote number after a comma is not a boundary",
		"Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab,9 mit hoher Wahrscheinlichkeit nicht von Nordkorea mit einem Angriff auf den Süden begonnen worden.",
		[]string{"Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab,9 mit hoher Wahrscheinlichkeit nicht von Nordkorea mit einem Angriff auf den Süden begonnen worden."}},
	{"a mangled citation keeps its volume ordinal and page range",
		"^{* &}quot;WeltTrends. Das außenpolitische Journal\", 202, Herbst 2024, 32. Jahrgang, S. 5–12.",
		[]string{"^{* &}quot;WeltTrends.", "Das außenpolitische Journal\", 202, Herbst 2024, 32. Jahrgang, S. 5–12."}},
	{"an HTML quote entity pairs with a quote",
		"Er las &quot;Der Titel. Ein Buch\" gestern. Dann schlief er.",
		[]string{"Er las &quot;Der Titel. Ein Buch\" gestern.", "Dann schlief er."}},

	// English.
	{"two short English sentences",
		"He left. She stayed.",
		[]string{"He left.", "She stayed."}},
	{"U.S. before a lower-case word is not a boundary",
		"U.S. officials said. Then the talks resumed.",
		[]string{"U.S. officials said.", "Then the talks resumed."}},
	{"U.S. before a pronoun ends a sentence",
		"He moved to the U.S. He never returned.",
		[]string{"He moved to the U.S.", "He never returned."}},
	{"U.S. before a noun is not a boundary",
		"The U.S. Navy deployed two carriers.",
		[]string{"The U.S. Navy deployed two carriers."}},
	{"Mr. and Sen. are titles",
		"Mr. Smith went to Washington. He met Sen. Warren.",
		[]string{"Mr. Smith went to Washington.", "He met Sen. Warren."}},
	{"an English initial is not a boundary",
		"John F. Kennedy was president.",
		[]string{"John F. Kennedy was president."}},
	{"an initial after two first names is not a boundary",
		"Mary Beth D. Nikitin wrote the report.",
		[]string{"Mary Beth D. Nikitin wrote the report."}},
	{"an abbreviated month before a day and a.m. are not boundaries",
		"The meeting is on Jan. 5 at 10 a.m. in Geneva.",
		[]string{"The meeting is on Jan. 5 at 10 a.m. in Geneva."}},
	{"Sept. before a year is not a boundary",
		"The report was published in Sept. 2024. It was widely read.",
		[]string{"The report was published in Sept. 2024.", "It was widely read."}},
	{"Dec. before a day is not a boundary",
		"The treaty was signed on Dec. 12, 1991. It remains in force.",
		[]string{"The treaty was signed on Dec. 12, 1991.", "It remains in force."}},
	{"e.g. is not a boundary",
		"Some states, e.g. Japan, objected.",
		[]string{"Some states, e.g. Japan, objected."}},
	{"i.e. is not a boundary",
		"The alliance, i.e. NATO, responded.",
		[]string{"The alliance, i.e. NATO, responded."}},
	{"a decimal point is not a boundary",
		"Growth was 3.8 percent. Inflation fell.",
		[]string{"Growth was 3.8 percent.", "Inflation fell."}},
	{"a decimal number at the end of a sentence is a boundary",
		"The rate rose to 3.8. Analysts were surprised.",
		[]string{"The rate rose to 3.8.", "Analysts were surprised."}},
	{"an English thousands separator is not a boundary",
		"About 7,000 troops were sent. More may follow.",
		[]string{"About 7,000 troops were sent.", "More may follow."}},
	{"a big number with dots is not split",
		"The budget grew to 1.234.567 dollars. Nobody objected.",
		[]string{"The budget grew to 1.234.567 dollars.", "Nobody objected."}},
	{"Inc. before a lower-case word is not a boundary",
		"Shares of Acme Inc. fell sharply.",
		[]string{"Shares of Acme Inc. fell sharply."}},
	{"Inc. before The ends a sentence",
		"He works for Acme Inc. The firm denied it.",
		[]string{"He works for Acme Inc.", "The firm denied it."}},
	{"apostrophes are not quotes",
		"Korea's missiles don't work. That's the claim.",
		[]string{"Korea's missiles don't work.", "That's the claim."}},
	{"paired single quotes protect their sentences",
		"He said, 'I'm done. Really.' Then he left.",
		[]string{"He said, 'I'm done. Really.'", "Then he left."}},
	{"an ASCII quotation ending in a comma continues",
		"\"We will respond. We are ready,\" the minister said. Nobody doubted it.",
		[]string{"\"We will respond. We are ready,\" the minister said.", "Nobody doubted it."}},
	{"English curly quotes end a sentence",
		"“It is over.” She left the room.",
		[]string{"“It is over.”", "She left the room."}},
	{"English curly quotes followed by a comma continue",
		"“It is over,” she said. Then there was silence.",
		[]string{"“It is over,” she said.", "Then there was silence."}},
	{"No. before a word is a boundary",
		"Is this the end? No. It is not.",
		[]string{"Is this the end?", "No.", "It is not."}},
	{"No. before a number is not a boundary",
		"Resolution No. 2397 was adopted. It bans exports.",
		[]string{"Resolution No. 2397 was adopted.", "It bans exports."}},
	{"an exclamation before a digit is a boundary",
		"Watch out! 5 missiles were fired.",
		[]string{"Watch out!", "5 missiles were fired."}},
	{"an English ellipsis before a lower-case word is not a boundary",
		"He hesitated... and then agreed.",
		[]string{"He hesitated... and then agreed."}},
	{"an English ellipsis before a capital is a boundary",
		"He hesitated… Then he agreed.",
		[]string{"He hesitated…", "Then he agreed."}},
	{"vs. is not a boundary",
		"It was Russia vs. Ukraine in the final. Ukraine won.",
		[]string{"It was Russia vs. Ukraine in the final.", "Ukraine won."}},
	{"pp. and Fig. are not boundaries",
		"See pp. 12-15 and Fig. 3 for details. The annex follows.",
		[]string{"See pp. 12-15 and Fig. 3 for details.", "The annex follows."}},
	{"Gen. before a name is not a boundary",
		"Gen. Milley visited Seoul. He met officials.",
		[]string{"Gen. Milley visited Seoul.", "He met officials."}},
	{"St. Louis is not a boundary",
		"They met in St. Louis. Talks went well.",
		[]string{"They met in St. Louis.", "Talks went well."}},
	{"p.m. before The ends a sentence",
		"The strike began at 5 p.m. The city went dark.",
		[]string{"The strike began at 5 p.m.", "The city went dark."}},
	{"an e-mail address at the end of a sentence",
		"Write to press@nato.int. We answer quickly.",
		[]string{"Write to press@nato.int.", "We answer quickly."}},
	{"a citation year with a colon is normal text",
		"Smith (2024): Title of the paper. Journal of Things.",
		[]string{"Smith (2024): Title of the paper.", "Journal of Things."}},
	{"Co. and Ltd. before lower-case words are not boundaries",
		"Smith & Co. Ltd. was founded in 1890.",
		[]string{"Smith & Co. Ltd. was founded in 1890."}},
	{"D.C. before The ends a sentence",
		"They flew to Washington, D.C. The talks began.",
		[]string{"They flew to Washington, D.C.", "The talks began."}},
	{"a sentence in brackets is its own sentence",
		"The vote failed. (Russia vetoed it.) Talks continue.",
		[]string{"The vote failed.", "(Russia vetoed it.)", "Talks continue."}},
	{"a bracketed footnote reference stays with its sentence",
		"The claim was denied.[12] Officials declined to comment.",
		[]string{"The claim was denied.[12]", "Officials declined to comment."}},
	{"Ph.D. before a lower-case word is not a boundary",
		"She earned a Ph.D. in physics. Then she joined the army.",
		[]string{"She earned a Ph.D. in physics.", "Then she joined the army."}},
	{"approx. is not a boundary",
		"The range is approx. 1,000 km. That covers Japan.",
		[]string{"The range is approx. 1,000 km.", "That covers Japan."}},
	{"etc. before The ends a sentence",
		"They sent tanks, drones, etc. The list is long.",
		[]string{"They sent tanks, drones, etc.", "The list is long."}},
	{"U.K. before a lower-case word is not a boundary",
		"Officials in the U.K. said nothing.",
		[]string{"Officials in the U.K. said nothing."}},
	{"a number after was ends an English sentence",
		"The final count was 12. Then it was over.",
		[]string{"The final count was 12.", "Then it was over."}},
	{"an English heading has no punctuation",
		"Executive Summary",
		[]string{"Executive Summary"}},
	{"Pres. and Gov. before names are not boundaries",
		"Pres. Biden met Gov. Newsom. They talked.",
		[]string{"Pres. Biden met Gov. Newsom.", "They talked."}},
	{"an English thousands separator before a unit",
		"The rocket flew 1,000 km. It landed in the sea.",
		[]string{"The rocket flew 1,000 km.", "It landed in the sea."}},
	{"a question in single quotes ends the sentence",
		"He asked: 'Is it true?' Nobody answered.",
		[]string{"He asked: 'Is it true?'", "Nobody answered."}},
	{"a possessive apostrophe and commas do not split",
		"North Korea's leader, Kim Jong Un, watched the test. State media reported it.",
		[]string{"North Korea's leader, Kim Jong Un, watched the test.", "State media reported it."}},
	{"a day after an abbreviated month can end a sentence",
		"Troops arrived on Oct. 3. The fighting began.",
		[]string{"Troops arrived on Oct. 3.", "The fighting began."}},
	{"a domain name is not split",
		"See www.nato.int for details. The site is updated daily.",
		[]string{"See www.nato.int for details.", "The site is updated daily."}},
	{"a file name with an underscore is not split",
		"The file report_v2.pdf was leaked. Officials denied it.",
		[]string{"The file report_v2.pdf was leaked.", "Officials denied it."}},
	{"an ellipsis inside a question is not a boundary",
		"Wait... was that a missile?",
		[]string{"Wait... was that a missile?"}},
	{"a quoted question followed by a lower-case word continues",
		"“Why now?” he asked. Nobody knew.",
		[]string{"“Why now?” he asked.", "Nobody knew."}},
	{"military ranks are abbreviations",
		"Capt. Lee and Lt. Park led the unit. Both were decorated.",
		[]string{"Capt. Lee and Lt. Park led the unit.", "Both were decorated."}},
	{"a year at the end of an English sentence is a boundary",
		"The rate was 52.9 percent in 2023. It fell in 2024.",
		[]string{"The rate was 52.9 percent in 2023.", "It fell in 2024."}},
	{"p.m. before a lower-case word is not a boundary",
		"The meeting ended at 4 p.m. on Friday.",
		[]string{"The meeting ended at 4 p.m. on Friday."}},
	{"a lower-case vol. before a number is not a boundary",
		"This is vol. 2 of the report.",
		[]string{"This is vol. 2 of the report."}},
	{"a percentage at the end of a sentence is a boundary",
		"Prices rose by 3.5%. Wages did not.",
		[]string{"Prices rose by 3.5%.", "Wages did not."}},
	{"sentences inside short English brackets are not split",
		"The talks (held in Geneva. Or so we heard.) failed.",
		[]string{"The talks (held in Geneva. Or so we heard.) failed."}},
	{"a dotted ship prefix before a name is not a boundary",
		"The ship, the U.S.S. Nimitz, sailed.",
		[]string{"The ship, the U.S.S. Nimitz, sailed."}},
	{"a question in a quotation before a capital ends the sentence",
		"He asked, \"Why now?\" Nobody knew.",
		[]string{"He asked, \"Why now?\"", "Nobody knew."}},
}

func spanTexts(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			got := spanTexts(tc.in, Sentences(tc.in))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got: %q\nwant: %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSentencesCaseCount(t *testing.T) {
	if len(sentenceCases) < 70 {
		t.Fatalf("only %d table cases", len(sentenceCases))
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []bool
	}{
		{"a short line without punctuation is a heading", "Ukraine-Krieg im Fokus", []bool{true}},
		{"a line ending with a colon is not a heading", "Die Ergebnisse im Überblick:", []bool{false}},
		{"a line ending with a footnote marker is not a heading", "Von mehreren Tausend Containern ist die Rede.⁴", []bool{false}},
		{"a date glued to a sentence is a heading of its own", "31. Januar 2025Seoul und Tokio sprachen mit der NATO.", []bool{true, false}},
		{"a long line without punctuation is not a heading",
			"Die Regierung in Seoul hat die Lage bewertet. Danach folgten Gespräche mit Vertretern aus Tokio, Washington, Brüssel und vielen weiteren Hauptstädten ohne Ergebnis",
			[]bool{false, false}},
		{"lines are headings or sentences on their own", "Titel\nEin Satz. Noch einer.\r\n\r\nUntertitel", []bool{true, false, false, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []bool
			for _, s := range Sentences(tc.in) {
				got = append(got, s.Heading)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q) headings = %v, want %v (%q)", tc.in, got, tc.want, spanTexts(tc.in, Sentences(tc.in)))
			}
		})
	}
}

func TestNewlinesAreHardBoundaries(t *testing.T) {
	in := "Erster Absatz ohne Punkt und mit z.\nB. Zweiter Absatz.\r\n\n  Dritter Absatz. \n"
	got := spanTexts(in, Sentences(in))
	want := []string{"Erster Absatz ohne Punkt und mit z.", "B. Zweiter Absatz.", "Dritter Absatz."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, s := range got {
		if strings.ContainsAny(s, "\r\n") {
			t.Errorf("span %q contains a line break", s)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", "\r\n \t\u00a0\n"} {
		if got := Sentences(in); len(got) != 0 {
			t.Errorf("Sentences(%q) = %v, want none", in, got)
		}
	}
}

// benchText is a few KB of German news text.
var benchText = func() string {
	var b strings.Builder
	for _, tc := range sentenceCases {
		if tc.name == "two short English sentences" {
			break // the German cases come first
		}
		b.WriteString(tc.in)
		b.WriteByte('\n')
	}
	return b.String()
}()

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(benchText)
	}
}
