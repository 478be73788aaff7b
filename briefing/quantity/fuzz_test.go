package quantity

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, tc := range allCases() {
		f.Add(tc.in, tc.lang)
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		prev := 0
		check := func(q Quantity, what string) {
			if q.Start < prev || q.Start >= q.End || q.End > len(s) {
				t.Fatalf("%s span [%d,%d) out of order, overlapping or out of bounds (previous end %d, len %d)",
					what, q.Start, q.End, prev, len(s))
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[q.Start]) || (q.End < len(s) && !utf8.RuneStart(s[q.End]))) {
				t.Fatalf("%s span [%d,%d) not on rune boundaries", what, q.Start, q.End)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
				t.Fatalf("%s value %v", what, q.Value)
			}
			if math.IsNaN(q.ValueMax) || math.IsInf(q.ValueMax, 0) || (q.ValueMax != 0 && q.ValueMax <= q.Value) {
				t.Fatalf("%s range %v–%v", what, q.Value, q.ValueMax)
			}
			prev = q.End
		}
		for _, q := range Find(s, lang) {
			check(q, "quantity")
			if q.Conversion != nil {
				check(*q.Conversion, "conversion")
			}
		}
	})
}

// benchSentences are real sentences from the German corpus and English news.
var benchSentences = []string{
	"Einer Schätzung des Atlantic Council zufolge entsandte das Regime bislang rund 11.000 Militärangehörige an die ukrainische Front.",
	"Angaben des Stockholmer Internationalen Friedensforschungsinstituts zufolge hat sich der Wert der südkoreanischen Militärexporte von 3,8 Milliarden US-Dollar (3,66 Milliarden Euro) zwischen 2016 und 2020 auf 38 Milliarden US-Dollar (36,6 Milliarden Euro) zwischen 2021 und 2023 verzehnfacht.",
	"Die Behandelten Themen reichten von der Zusammenarbeit der Verteidigungsindustrie bis zur Abwehr hybrider Bedrohungen, heißt es in einer Pressemitteilung der NATO zu den Gesprächen.",
	"Pjöngjang hatte seine militärische Unterstützung Russlands Ende 2022 begonnen.",
	"Zunächst schickte es Artilleriegeschosse, dann ballistische Raketen und im vergangenen Jahr schließlich Soldaten.",
	"Guseinovas Analyse russischer und nordkoreanischer Medien belegt, dass seit Juli 2023 durchschnittlich zwei hochrangige Treffen pro Monat zwischen den beiden Ländern stattfanden.",
	"Das angespannte Verhältnis zu Nordkorea habe sich durch die nordkoreanische Militärhilfe für Russland in den letzten Monaten noch einmal verschärft, sagt Thomas Yoshimura, Leiter des Büros der Konrad-Adenauer-Stiftung in Seoul.",
	"Der Koreakrieg (1950-1953) wäre ohne die sowjetische Zustimmung, die Stalin 1950 gab,9 mit hoher Wahrscheinlichkeit nicht von Nordkorea mit einem Angriff auf den Süden begonnen worden.",
	"North Korea has sent some 3,000 North Korean soldiers to Russia, and the deal is worth $17bn over ten years.",
	"Exports rose to 17 billion US dollars (about €15.7bn) last year, while the programme has 20 to 60 warheads.",
}

func BenchmarkFind(b *testing.B) {
	langs := make([]string, len(benchSentences))
	n := 0
	for i, s := range benchSentences {
		n += len(s)
		langs[i] = "de"
		if strings.HasPrefix(s, "North") || strings.HasPrefix(s, "Exports") {
			langs[i] = "en"
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range benchSentences {
			Find(s, langs[i])
		}
	}
}
