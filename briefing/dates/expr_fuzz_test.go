package dates

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzExpressions(f *testing.F) {
	for _, tc := range exprCases {
		days := int64(0)
		if tc.ref != "" {
			days = int64(parseRef(tc.ref).Sub(fuzzEpoch).Hours() / 24)
		}
		f.Add(tc.in, days, tc.lang == "en")
	}
	f.Fuzz(func(t *testing.T, text string, days int64, en bool) {
		ref, lang := time.Time{}, "de"
		if days != 0 { // any day from 1900 to 2173
			ref = fuzzEpoch.AddDate(0, 0, int(days%100000))
		}
		if en {
			lang = "en"
		}
		checkExpressions(t, text, ref, Expressions(text, ref, lang))
	})
}

// fuzzEpoch is the day the fuzzer counts reference dates from.
var fuzzEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// checkExpressions checks what holds for the expressions of any text.
func checkExpressions(t *testing.T, text string, ref time.Time, got []Expr) {
	t.Helper()
	end := 0
	for _, e := range got {
		if e.Start < end || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("span %d:%d after %d in %d bytes: %+v", e.Start, e.End, end, len(text), e)
		}
		end = e.End
		splits := !utf8.RuneStart(text[e.Start]) || (e.End < len(text) && !utf8.RuneStart(text[e.End]))
		if splits && utf8.ValidString(text) {
			t.Fatalf("span %d:%d splits a rune in %q", e.Start, e.End, text)
		}
		if e.Value == "" {
			t.Fatalf("empty value: %+v", e)
		}
		if n := min(len(e.From), len(e.To)); n > 0 && e.From[:n] > e.To[:n] {
			t.Fatalf("From after To: %+v in %q", e, text[e.Start:e.End])
		}
		if e.Relative && ref.IsZero() {
			t.Fatalf("relative expression without a reference date: %+v", e)
		}
	}
}

func BenchmarkExpressions(b *testing.B) {
	ref := time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Expressions(benchText, ref, "de")
	}
}

// benchText is a briefing in German with dates at about the density of the corpus.
const benchText = `31. Januar 2025

Seoul und Tokio - in den beiden Städten führte der Politische Direktor des Auswärtigen Amts Mitte Januar sicherheitspolitische Gespräche. Im Mittelpunkt standen die militärische Zusammenarbeit zwischen Nordkorea und Russland sowie die Lage auf der koreanischen Halbinsel. Pjöngjang hatte seine militärische Unterstützung Russlands Ende 2022 begonnen. Zunächst schickte es Artilleriegeschosse, dann ballistische Raketen und im vergangenen Jahr schließlich Soldaten. Nach Schätzungen westlicher Dienste kämpfen derzeit rund 11.000 nordkoreanische Soldaten in der Region Kursk; mehrere Hundert von ihnen sollen gefallen oder verwundet worden sein.

So etwa berichtete die Nachrichtenagentur Reuters im Frühjahr vergangenen Jahres von einem mehrmonatigen Angriff auf Rechner der Rüstungsindustrie. Nach Angaben der Regierung in Seoul hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht. Der Handel zwischen Russland und Nordkorea blieb dagegen gering. In der ersten Jahreshälfte 2024 stieg das Handelsvolumen auf 52,9 Millionen US-Dollar. Es betrug im ganzen Jahr 2023 etwa 34,4 Millionen US-Dollar, wie das Statistikamt mitteilte.

Die Analyse zeigt, dass seit Juli 2023 durchschnittlich zwei hochrangige Treffen pro Monat zwischen Vertretern beider Staaten stattfanden. In diesem Jahr gab es bereits mehr als 24 solcher Treffen, darunter der Besuch Putins in Pjöngjang im Juni 2024, bei dem beide Seiten einen Vertrag über eine umfassende strategische Partnerschaft unterzeichneten. Der Vertrag beinhaltet die Ausdehnung des Beistands auf ein Land, das selbst bereits seit über 20 Jahren an einem eigenen Atombombenprogramm gearbeitet und mit seinem ersten erfolgreichen Atombombenversuch im Jahre 2006 und fünf weiteren Tests Fakten geschaffen hat. Die Analyse wurde erstmals von BILD am 27.10.2024 aufgegriffen.

John Kirby, Sprecher des Nationalen Sicherheitsrats, behauptete, dass Russland am 30. Dezember letzten Jahres und am 2. Februar dieses Jahres ballistische Raketen aus nordkoreanischer Produktion auf ukrainische Städte abgefeuert habe. Insbesondere testete Nordkorea am 30. Oktober 2024 eine Interkontinentalrakete, die erste seit Dezember 2023. Die Lieferungen verstoßen gegen mehrere Beschlüsse des Sicherheitsrats der Vereinten Nationen (basierend auf Resolution 1718 des Sicherheitsrats), die seit 2006 schrittweise verschärft wurden. Das Expertengremium, das ihre Umsetzung überwachte, endete im April 2024, nachdem Russland im März 2024 sein Veto gegen die Verlängerung des Mandats eingelegt hatte (vgl. Dokument S/PV.9048, S. 28–87).

Historisch ist die Nähe beider Staaten nicht neu. Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab, kaum möglich gewesen. In den 1990er Jahren brach die Unterstützung Moskaus jedoch weitgehend weg, und in den frühen 2000er Jahren bemühte sich Pjöngjang um neue Partner. Die Beziehungen verbesserten sich erst wieder nach 2014, als Russland nach der Annexion der Krim selbst unter Sanktionen geriet. Seit Beginn des russischen Angriffskriegs gegen die Ukraine im Februar 2022 hat sich die Zusammenarbeit weiter vertieft. Militärische Beobachter rechnen damit, dass im kommenden Jahr weitere gemeinsame Manöver stattfinden, möglicherweise schon im Sommer.

Für Südkorea und Japan ergeben sich daraus neue Fragen. Beide Regierungen haben ihre Verteidigungsausgaben erhöht, Japan allein um rund 16 Prozent gegenüber dem Vorjahr. Die Abstimmung mit den Vereinigten Staaten, der NATO und der Europäischen Union soll im zweiten Quartal 2025 in einem gemeinsamen Dokument münden. Gespräche über die Lieferung von Luftabwehrsystemen laufen seit Oktober; eine Entscheidung wird bis Ende 2025 erwartet. Ob die Kooperation zwischen Moskau und Pjöngjang über das Kriegsende hinaus Bestand hat, ist offen: Vor zwei Jahren hielt kaum ein Beobachter sie für möglich.
`
