package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/secbrief/briefing/briefing/dates"
)

// abbrKind says when the period of an abbreviation can end a sentence.
type abbrKind uint8

const (
	abbrNone   abbrKind = iota // not an abbreviation
	abbrNever                  // never ends a sentence: "z.B.", "Dr.", "bzw."
	abbrNumber                 // does not end a sentence before a number: "Art. 5", "Jan. 5", "No. 7"
	abbrFinal                  // ends a sentence only before a typical sentence start: "usw. Die", "U.S. The"
)

// Single letters with a period ("z.", "B.", "J.") are never sentence ends
// and need no entry.
var abbrevList = []struct {
	kind  abbrKind
	words string
}{
	{abbrNever, `z.B. z.T. d.h. o.ä. o.Ä. v.a. i.d.R. u.U. s.o. s.u. o.g. u.v.m. m.E. i.e.S. i.w.S. z.Zt.
		bzw. ca. Dr. Prof. Nr. vgl. ggf. evtl. inkl. exkl. bspw. sog. gem. geb. gest. verh. Hr. Hrn. Fr. Frl.
		Dipl. Ing. Dipl.-Ing. Dipl.-Kfm. Priv.-Doz. med. phil. rer. nat. pol. jur. theol. habil. oec. Mag. Univ. Doz. zzgl. abzgl. ggü. lt. gg. max. min. insb. bes. urspr. zit. ebd. ders. dies.
		sen. jun. Tel. eigtl. allg. ehem. jew. entspr. betr. bzgl. dt. engl. frz. amerik. russ. chin. stv. Stv.
		kath. ev. zw. Anm. Aufl. Übers. übers. hrsg. St. Str. bzgl. mind. rd. spez. u.ä. zB. dh. usf.
		Mr. Mrs. Ms. Messrs. Mmes. Col. Lt. Sgt. Capt. Cpt. Maj. Adm. Cmdr. Brig. Pres. Rev. Hon. Sr. Mt. Ft.
		vs. e.g. i.e. cf. approx. esp. viz. resp. al. ed. eds. trans. Dept. Univ. Assn. Ave. Blvd.`},
	{abbrNumber, `Art. Abs. Ziff. Kap. Abb. Tab. Anl. Bd. Bde. Jg. Rn. Rz. Bl. Nrn.
		No. Nos. Vol. Vols. vol. pp. Fig. fig. Figs. Ch. ch. Sec. sec. Sect. Para. para. Art. Ex.
		Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Okt. Nov. Dec. Dez. Mär.`},
	{abbrFinal, `etc. usw. u.a. u.s.w. ff. Mio. Mrd. Tsd. Bio. Jh. Jhd. Jhdt. Hrsg. Verf. Red. Chr. a.D. e.V.
		v.Chr. n.Chr. Inc. Ltd. Co. Corp. Bros. Jr. a.m. p.m. U.S. U.K. U.N. E.U. U.S.A. D.C. Gen. Sen. Rep. Gov.
		Std. Min. Mill. Bill. Kfz. Pkw. Lkw.`},
}

// abbrevs maps an abbreviation, with its final period, to its kind.
var abbrevs = func() map[string]abbrKind {
	m := make(map[string]abbrKind)
	for _, l := range abbrevList {
		for _, w := range strings.Fields(l.words) {
			m[w] = l.kind
		}
	}
	return m
}()

// abbrevKind returns the kind of the abbreviation text[ts:rs+1] (rs is its
// final period). At the start of a sentence a capitalised form of a
// lower-case abbreviation also counts ("Vgl.", "Ca.").
func (sp *splitter) abbrevKind(ts, rs int) abbrKind {
	s := sp.text
	if k, ok := abbrevs[s[ts:rs+1]]; ok {
		return k
	}
	c := s[ts]
	if 'A' <= c && c <= 'Z' && rs+1-ts <= 16 && !sp.hasText(ts) {
		var buf [16]byte
		n := copy(buf[:], s[ts:rs+1])
		buf[0] = c + 'a' - 'A'
		if k, ok := abbrevs[string(buf[:n])]; ok {
			return k
		}
	}
	return abbrNone
}

// isMonth reports whether w is a capitalised month name or abbreviation, also in the
// genitive ("Januars").
func isMonth(w string) bool {
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return false
	}
	if dates.Month(w) > 0 {
		return true
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && dates.Month(w[:n-1]) > 0
}

// ordinalExact holds nouns that commonly follow an ordinal number and would
// match too many compounds as a suffix ("Teil" in "Urteil").
var ordinalExact = set(`Mal Male Teil Teils Band Bandes Reich Reiches Person Stelle Folge Reihe Lauf Akt Aktes
	Vers Ordnung Grad Grades Satz Satzes Amendment Armee Korps Internationale Republik Hälfte Halbzeit Minute Advent
	Sonntag Fassung Version Nachtrag Novelle Protokoll Semester Kapitel Kapitels Absatz Absatzes Abschnitt Abschnitts
	Staffel Episode Etappe Rang Ranges Stock Stockwerk Etage Flotte Division Brigade Kompanie Bataillon Regiment
	Lesung Ausgabe Auflage Schritt Versuch Anlauf Säule Ebene Kreuzzug Dynastie Symphonie Sinfonie Szene Strophe`)

// ordinalSuffixes are lower-case endings of nouns that commonly follow an
// ordinal number, compounds included ("Weltkrieg", "Jahrestag", "Spieltag").
var ordinalSuffixes = []string{
	"jahrhundert", "jahrtausend", "jahrgang", "jahr", "tag", "woche", "monat", "quartal", "platz",
	"krieg", "gipfel", "treffen", "sitzung", "konferenz", "tagung", "kongress", "runde", "klasse",
	"liga", "paket", "periode", "amtszeit", "jubiläum", "welle", "phase", "stufe", "generation",
	"plenum", "durchgang", "spieltag", "geburtstag", "parteitag",
}

// isOrdinalNoun reports whether w is a noun that commonly follows an ordinal
// number ("2. Platz", "20. Jahrhunderts", "II. Weltkrieg").
func isOrdinalNoun(w string) bool {
	if w == "" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		return false
	}
	if _, ok := ordinalExact[w]; ok {
		return true
	}
	for _, stem := range [...]string{w, strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "s"),
		strings.TrimSuffix(w, "en"), strings.TrimSuffix(w, "n"), strings.TrimSuffix(w, "e")} {
		for _, suf := range ordinalSuffixes {
			if n := len(stem) - len(suf); n >= 0 && strings.EqualFold(stem[n:], suf) {
				return true
			}
		}
	}
	return false
}

// determiners are words before a number that make it an ordinal: "der 5. Sitzung".
var determiners = set(`der die das den dem des am im vom zum zur beim ins ans aufs
	ein eine einer einem einen eines ihr ihre ihrem ihren ihrer ihres sein seine seinem seinen seiner seines
	unser unsere unserem unseren unserer jeder jede jedes jedem jeden dieser diese dieses diesem diesen
	Der Die Das Den Dem Des Am Im Vom Zum Zur Beim Ein Eine Ihr Ihre Sein Seine Jeder Jede Dieser Diese`)

func isDeterminer(w string) bool {
	_, ok := determiners[w]
	return ok
}

// starters are words that typically begin a sentence; an abbreviation that
// can end a sentence ("usw.", "U.S.") ends one only before them.
var starters = set(`Der Die Das Den Dem Des Ein Eine Einer Es Er Sie Wir Ich Ihr Man Im In Am An Auf Auch Aber Als
	Allerdings Bei Bisher Da Dabei Dadurch Daher Damit Danach Dann Darüber Dass Dennoch Deshalb Dies Diese Dieser Dieses
	Doch Dort Ebenso Erst Gleichzeitig Heute Hier Immer Insbesondere Jedoch Jetzt Laut Mit Nach Nachdem Neben Nicht Noch
	Nun Nur Ob Obwohl Seit So Sowohl Somit Später Trotz Um Und Unter Vor Während Was Weil Wenn Wer Wie Wo Zudem Zum Zur
	Zwar Außerdem Zugleich Zuvor Zunächst
	The A An He She It They We I You This That These Those There Then Thus However But And In On At As By For From If
	Its His Her Their Our My Meanwhile Moreover Also After Before When While What Why How Who Some Many Most Such
	Yet Still Since Although Because Despite During Both Each One No Not Nor Or So`)

func isStarter(w string) bool {
	_, ok := starters[w]
	return ok
}

// set makes a set of the white-space separated words of list.
func set(list string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(list) {
		m[w] = struct{}{}
	}
	return m
}
