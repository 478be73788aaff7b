package analysis

import (
	"slices"
	"strings"
)

// Prepositions before an entity say its role in a figure's clause.
var (
	// the receiver: "an Russland", "nach Russland", "to Russia"
	toPrepositions = set("an nach to into")
	// the giver: "von Nordkorea", "aus Nordkorea", "from North Korea", "by North Korea"
	fromPrepositions = set("von vom aus from by")
	// a partner without direction: "mit China", "zwischen Russland und Nordkorea", "with China"
	partnerPrepositions = set("mit zwischen with between")
	// a place, a time, an opponent, a topic: the entity is not what the figure is about
	otherPrepositions = set(`in im auf gegen zu zum zur für uber über bei seit unter vor hinter neben um
		at on against for about over under since within inside across near toward towards`)
	// who says it, not who gives or receives: "nach Angaben aus Seoul", "laut Kiew",
	// "according to Washington", "Berichten aus Moskau zufolge"
	sayers = set(`angaben informationen kreisen quellen quelle berichten bericht aussagen darstellung einschatzung
		schatzung medien geheimdienst geheimdienste sprecher sprecherin according source sources official
		officials report reports intelligence media spokesman spokeswoman spokesperson envoy ambassador`)
	// verbs of saying right after an entity make it the speaker
	speechVerbs = set(`condemns condemned says said warns warned urges urged stated notes noted calls called
		told tells reports reported verurteilt verurteilte verurteilen sagt sagte erklart erklarte fordert forderte
		kritisiert kritisierte warnt warnte betont betonte meldet meldete berichtet berichtete teilte
		spotted observed detected discovered found saw estimates estimated assesses assessed believes
		believed thinks schatzt schatzte beobachtete entdeckte vermutet vermutete`)
	// words that make "to"/"an" a place: "closer to Ukraine", "next to", "nahe an"
	nearWords = set("closer close next near nahe naher dicht addition compared due thanks similar contrary")
	// words that may stand between a preposition and its entity
	fillers = set("der die das dem den des ein eine einer einem einen the a an")
)

// transferWords say that something goes from one party to another.
var transferWords = []string{"liefer", "gelief", "schick", "geschick", "entsand", "entsend", "sandte",
	"exportier", "verkauf", "ubergab", "ubergeb", "bereitgestell", "transferier", "verlegt", "uberweis", "zahlt", "gezahlt",
	"deliver", "suppl", "provid", "send", "sent", "shipped", "export", "sold", "sell", "transfer", "dispatch", "deploy",
	"moved", "paid", "pay", "pays"}

// attribution reads from a figure's clause who gives and who receives (when a preposition,
// the subject of a transfer or the measure's own modifier says so) and whom the figure is
// about. It returns no entity rather than a guess: an entity that stands only after a place
// preposition, two candidates for one role, an entity in another clause say nothing.
func attribution(s *sentence, first, last, qa, qb int, m *measureHit, v *vocabulary, antecedent func() string) (from, to string, entities []string) {
	var froms, tos, owners, partners, subjects []string
	stationed := false
	if refersBack(s, first, qa) {
		// "Since 2022, the country has conducted more than 100 launches" after a sentence
		// about Pyongyang alone.
		if a := antecedent(); a != "" {
			subjects = append(subjects, a)
		}
	}
	anchor := qa
	if m != nil && m.tok >= 0 {
		anchor = m.tok
	}
	for _, h := range s.entities {
		if h.First < first || h.Last > last || s.toks[h.Last].Modifier {
			continue
		}
		name := v.opt.Entities[h.Group].Name
		prep := prepositionBefore(s, h.First, first)
		if next := h.Last + 1; next < len(s.toks) && !strings.Contains(s.text[s.toks[h.Last].End:s.toks[next].Start], ",") &&
			(isSayer(s.toks[next].Folded) || prep == "" && speechVerbs[s.toks[next].Folded]) {
			// "nordkoreanischen Quellen zufolge", "South Korean officials", "The United States
			// condemns …": who says it, not whom the figure is about ("Russia, according to
			// Seoul, received …" is about Russia).
			continue
		}
		if h.First > 0 && prep == "" && isSayer(s.toks[h.First-1].Folded) {
			continue // "nach Angaben Seouls": the source
		}
		if prep != "" && isLower(s.toks[h.First].Word) {
			// "an die ukrainische Front": the preposition governs the noun the adjective
			// qualifies, a place rather than a party.
			prep = "in"
		}
		switch {
		case toPrepositions[prep]:
			tos = appendName(tos, name)
		case (prep == "in" || prep == "im") && stationedAt(s, h.First, h.Last, first, last):
			// Where troops are stationed is where they were sent: "28,500 U.S. troops are
			// based in South Korea", "in Litauen stationiert".
			tos, stationed = appendName(tos, name), true
		case (prep == "in" || prep == "inside") && sentToDoIn(s, h.First, qb):
			// "has sent 10,000 soldiers to train in eastern Russia": where those sent go to do
			// something is where they were sent (kept only with a transfer, below).
			tos = appendName(tos, name)
		case fromPrepositions[prep] && (prep != "by" || afterTransfer(s, h.First)):
			// "by" names the giver only after a transfer ("supplied by"), not any agent
			// ("activities carried out by the DPRK").
			froms = appendName(froms, name)
		case prep == "by":
		case partnerPrepositions[prep] || (prep == "für" || prep == "for") && partnerNoun(s, first, last):
			// "Deutschland ist für Südkorea wichtigster Handelspartner mit einem Handelsvolumen
			// von …": the partner's trade.
			partners = appendName(partners, name)
		case prep != "":
		case h.First >= qa && h.Last <= qb || ownerOf(s, h.First, h.Last, anchor, qa, qb):
			owners = appendName(owners, name)
		case possessive(s, h.Last) && possessiveOf(s, h.Last, qa):
			// "the DPRK's February 18 launches of three ballistic missiles": the owner of the
			// noun the quantity completes.
			owners = appendName(owners, name)
		case possessive(s, h.Last):
			// "supported Russia's military actions": the owner of another noun.
		case h.First < qa:
			subjects = appendName(subjects, name)
		}
	}
	// A partner named after "und" in "zwischen Russland und Nordkorea" has no preposition of
	// its own: it follows a partner.
	if len(partners) == 1 && len(subjects) > 0 && hasBetween(s, first, last) {
		partners = appendName(partners, subjects[len(subjects)-1])
		subjects = subjects[:len(subjects)-1]
	}
	transfer := transferIn(s, first, last, qb)
	receive := hasClass(s, first, last, receiveClass)
	if !transfer && !receive && !stationed && (len(froms) == 0 || len(tos) == 0) {
		// "von Russland kontrollierten Gebiet", "sanctioned 19 entities for providing aid to
		// Russia": without a transfer "von" and "to" name an agent, a place or a purpose, not
		// a giver or a receiver. "from North Korea to Russia" settles it without a verb.
		froms, tos = nil, nil
	}
	// "North Korea has now sent Russia 20,000 containers": a giver, a transfer, a receiver.
	if len(subjects) == 2 && len(tos) == 0 && len(froms) == 0 && transferBetween(s, subjects, first, last, qa, v) {
		return subjects[0], subjects[1], subjects
	}
	if len(tos) == 1 {
		to = tos[0]
	} else if len(tos) == 0 && len(subjects) == 1 && receive {
		to, subjects = subjects[0], nil // "soll Russland von Nordkorea erhalten haben"
	}
	switch {
	case len(froms) == 1:
		from = froms[0]
	case len(owners) == 1 && (to != "" || transfer):
		from = owners[0]
	case len(owners) == 0 && len(subjects) == 1 && (transfer || stationed) && (to != "" || len(tos) == 0):
		from = subjects[0]
	}
	if from == to || total(s, qa) {
		// "9 Millionen … nach Nordkorea zu überweisen, von insgesamt 30 Millionen": the total is
		// not what moves.
		from, to = "", ""
	}
	if from != "" || to != "" {
		for _, n := range []string{from, to} {
			if n != "" {
				entities = append(entities, n)
			}
		}
		return from, to, entities
	}
	switch {
	case len(owners) == 1 && len(partners) == 1:
		entities = []string{owners[0], partners[0]} // "North Korea's trade with Russia"
	case len(owners) > 0 && len(owners) <= 2:
		entities = owners
	case len(partners) > 0 && len(subjects) <= 1:
		entities = append(slices.Clone(subjects), partners...)
	case len(subjects) == 1 && len(tos) == 0 && len(froms) == 0:
		entities = subjects
	}
	if len(entities) > 2 {
		entities = nil
	}
	return "", "", entities
}

// total reports a quantity introduced as the total a part is of: "von insgesamt 30
// Millionen", "of a total of 30 million" (not "insgesamt 3.000 Soldaten geschickt").
func total(s *sentence, qa int) bool {
	for j := max(1, qa-4); j < qa; j++ {
		w, prev := s.toks[j].Folded, s.toks[j-1].Folded
		if w == "insgesamt" && prev == "von" || w == "total" && prev == "a" && j >= 2 && s.toks[j-2].Folded == "of" {
			return true
		}
	}
	return false
}

// anaphors refer back to the subject of the sentence before: "the country", "it", "das Land",
// "das Regime".
var anaphors = [][]string{{"the", "country"}, {"the", "regime"}, {"it"}, {"das", "land"}, {"das", "regime"}, {"der", "staat"}}

// refersBack reports an anaphor before the quantity in its clause, and no entity there.
func refersBack(s *sentence, first, qa int) bool {
	for _, h := range s.entities {
		if h.First >= first && h.First < qa {
			return false
		}
	}
	for i := first; i < qa; i++ {
		for _, a := range anaphors {
			if i+len(a) > qa {
				continue
			}
			match := true
			for j, w := range a {
				match = match && s.toks[i+j].Folded == w
			}
			if match {
				return true
			}
		}
	}
	return false
}

// antecedent returns the one entity that the sentence before si in its paragraph names outside
// a prepositional phrase, or "" when there is none or more than one.
func (c *corpus) antecedent(si int, v *vocabulary) string {
	if si == 0 {
		return ""
	}
	s, prev := c.sents[si], c.sents[si-1]
	if prev.doc != s.doc || prev.para != s.para {
		return ""
	}
	name := ""
	for _, h := range prev.entities {
		if prev.toks[h.Last].Modifier || prepositionBefore(prev, h.First, 0) != "" {
			continue
		}
		n := v.opt.Entities[h.Group].Name
		if name != "" && name != n {
			return ""
		}
		name = n
	}
	return name
}

// prepositionBefore returns the preposition before token i (skipping articles and one
// adjective: "an die ukrainische Front"), or "" when the entity stands without one.
func prepositionBefore(s *sentence, i, first int) string {
	for j, skipped := i-1, 0; j >= first && skipped <= 2; j-- {
		w := strings.ToLower(s.toks[j].Word)
		if w == "an" && s.lang == "en" {
			skipped++ // "from an Iranian factory": the English article
			continue
		}
		switch {
		case w == "laut" || w == "zufolge":
			return "laut"
		case toPrepositions[w] || fromPrepositions[w] || partnerPrepositions[w] || otherPrepositions[w]:
			if j > first && isSayer(s.toks[j-1].Folded) {
				return "laut"
			}
			if j > first && toPrepositions[w] && nearWords[s.toks[j-1].Folded] {
				return "in" // "moved closer to Ukraine", "nahe an": a place, not a receiver
			}
			return w
		case fillers[w]:
			skipped++
		case skipped == 0 && isLowerAdjective(s.toks[j].Word) && j == i-1:
			skipped++
		default:
			return ""
		}
	}
	return ""
}

// isSayer reports a word for who says something, also inflected or as the head of a compound:
// "des südkoreanischen Geheimdienstes", "Militärgeheimdienstes", "officials".
func isSayer(w string) bool {
	if sayers[w] {
		return true
	}
	for _, e := range []string{"es", "s", "en", "n"} {
		if base, ok := strings.CutSuffix(w, e); ok && sayers[base] {
			return true
		}
	}
	for _, sayer := range longSayers {
		if len(w) > len(sayer)+2 && (strings.HasSuffix(w, sayer) || strings.HasSuffix(w, sayer+"es") || strings.HasSuffix(w, sayer+"s")) {
			return true
		}
	}
	return false
}

// longSayers are the sayers long enough to be the head of a compound ("Militärgeheimdienst").
var longSayers = func() []string {
	var out []string
	for s := range sayers {
		if len(s) >= 6 {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}()

// isLowerAdjective is a lower-case word ending like a German or English adjective.
func isLowerAdjective(w string) bool {
	if w == "" || strings.ToLower(w) != w {
		return false
	}
	for _, e := range []string{"ische", "ischen", "ischer", "isches", "ern", "an"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ownerOf reports an entity that qualifies the measure or the quantity: inside its noun phrase,
// a possessive or adjective right before it ("South Korea's arms exports", "nordkoreanische
// Soldaten"), or right after the measure ("Rüstungsexporte Südkoreas", "exports of Russia"). An entity that only
// stands near it ("has now sent Russia more than 20,000 containers") is not.
func ownerOf(s *sentence, a, b, anchor, qa, qb int) bool {
	switch {
	case b+1 == anchor || b+1 == qa:
		return isLower(s.toks[a].Word) || possessive(s, b)
	case b+2 == anchor || b+2 == qa:
		return possessive(s, b)
	case anchor >= 0 && a == anchor+1:
		return true
	case anchor >= 0 && a == anchor+2:
		// "exports of Russia", "Exporte des Landes", "the missiles the DPRK launched"; not
		// "missiles striking Kyiv", whose entity is what the missiles hit.
		return ownerLinks[s.toks[anchor+1].Folded]
	}
	return false
}

// ownerLinks join a measure to its owner after it: a genitive, or an article that opens the
// owner of a relative clause without "that".
var ownerLinks = set("of des der the die das")

// possessive reports an English possessive after token i ("Korea's", "Korea’s").
func possessive(s *sentence, i int) bool {
	if i+1 >= len(s.toks) || s.toks[i+1].Folded != "s" {
		return false
	}
	gap := s.text[s.toks[i].End:s.toks[i+1].Start]
	return gap == "'" || gap == "’"
}

// possessiveOf reports a possessive at token i whose noun phrase ends in "of" right before
// the quantity starting at token qa ("Korea's exports of $2 billion", "the DPRK's launches of
// three missiles"): no comma and no verb of saying or giving between them.
func possessiveOf(s *sentence, i, qa int) bool {
	if qa-i < 3 || qa-i > 9 {
		return false
	}
	j := qa - 1
	for j > i+2 && qualifierWords[s.toks[j].Folded] {
		j--
	}
	if s.toks[j].Folded != "of" {
		return false
	}
	for k := i + 2; k < j; k++ {
		w := s.toks[k].Folded
		if strings.Contains(s.text[s.toks[k-1].End:s.toks[k].Start], ",") || s.class(k) != 0 || speechVerbs[w] || stopVerbs[w] {
			return false
		}
	}
	return !strings.Contains(s.text[s.toks[j].End:s.toks[j+1].Start], ",")
}

// qualifierWords may stand between "of" and a quantity: "of more than 100 launches".
var qualifierWords = set("more than over nearly almost about around some at least up to roughly approximately")

// stopVerbs end a noun phrase: "Russia's claim that it has 100 missiles".
var stopVerbs = set("is are was were has have had be been that which who")

// stationWords say where troops are: they name the receiver after "in".
var stationWords = set(`stationed based deployed garrisoned stationiert stationierten stationierte stationieren
	disloziert eingesetzt`)

// stationedAt reports a word of stationing within two tokens of the entity at tokens a..b,
// in the clause: "based in South Korea", "in Litauen stationiert".
func stationedAt(s *sentence, a, b, first, last int) bool {
	for k := max(first, a-3); k <= min(last, b+2); k++ {
		if stationWords[s.toks[k].Folded] {
			return true
		}
	}
	return false
}

// partnerNoun reports a partner noun in the clause: "Handelspartner", "trading partner".
func partnerNoun(s *sentence, first, last int) bool {
	for i := first; i <= last; i++ {
		if w := s.toks[i].Folded; strings.HasSuffix(w, "partner") || strings.HasSuffix(w, "partnerin") {
			return true
		}
	}
	return false
}

// sentToDoIn reports the English purpose "to <verb> in" after the quantity and before the
// entity at i: "sent 10,000 soldiers to train in eastern Russia".
func sentToDoIn(s *sentence, i, qb int) bool {
	j := i - 1
	if j > qb && isLowerAdjective(s.toks[j].Word) {
		j-- // "eastern"
	}
	return j-2 > qb && s.lang == "en" && (s.toks[j].Folded == "in" || s.toks[j].Folded == "inside") &&
		isLower(s.toks[j-1].Word) && s.toks[j-2].Folded == "to"
}

// afterTransfer reports a transfer word right before the preposition of token i.
func afterTransfer(s *sentence, i int) bool {
	for j := i - 2; j >= 0 && j >= i-4; j-- {
		if s.class(j)&transferClass != 0 {
			return true
		}
	}
	return false
}

// transferBetween reports a transfer word between the two subjects of a clause, in order.
func transferBetween(s *sentence, subjects []string, first, last, qa int, v *vocabulary) bool {
	pos := map[string]int{}
	for _, h := range s.entities {
		if h.First >= first && h.First < qa {
			if _, ok := pos[v.opt.Entities[h.Group].Name]; !ok {
				pos[v.opt.Entities[h.Group].Name] = h.First
			}
		}
	}
	a, b := pos[subjects[0]], pos[subjects[1]]
	if a >= b {
		return false
	}
	// English and German main clauses put the verb between giver and receiver ("sent Russia",
	// "lieferte Russland"); the German perfect puts the participle at the end ("hat Russland
	// 2 Millionen Granaten geliefert").
	for j := a + 1; j <= last; j++ {
		if j != b && s.class(j)&transferClass != 0 && (j < b || isVerbForm(s.toks[j].Folded)) {
			return true
		}
	}
	return false
}

func hasBetween(s *sentence, first, last int) bool {
	for i := first; i <= last; i++ {
		if w := s.toks[i].Folded; w == "zwischen" || w == "between" {
			return true
		}
	}
	return false
}

// transferIn reports a transfer in the clause: any form before the figure, only a verb after
// it ("hat Russland 2 Millionen Granaten geliefert", not "… for North Korea's arms deliveries").
func transferIn(s *sentence, first, last, qb int) bool {
	for i := first; i <= last; i++ {
		if s.class(i)&transferClass != 0 && (i <= qb || isVerbForm(s.toks[i].Folded)) {
			return true
		}
	}
	return false
}

// isVerbForm reports a participle, past form or German infinitive: "geliefert", "entsandt",
// "zu überweisen", "delivered", "sent".
func isVerbForm(w string) bool {
	for _, e := range []string{"ert", "et", "t", "ed", "te", "ten", "en"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// receiveWords say that the subject receives.
var receiveWords = []string{"erhalt", "erhielt", "bekam", "bekomm", "empfang", "empfing", "receiv", "obtain", "acquir", "import", "bought", "kauft"}

func isLower(w string) bool { return w != "" && strings.ToLower(w) == w }

// Word classes of a sentence's tokens, found once per sentence: a figure's clause is looked
// at for every figure of the sentence.
const (
	transferClass uint8 = 1 << iota
	receiveClass
)

// class returns the word classes of token i.
// The classes belong to the sentence's text and are shared by its reposts; they are filled
// while figures are found, after the parallel preparation.
func (s *sentence) class(i int) uint8 {
	f := s.textFeatures
	if f.classes == nil {
		f.classes = make([]uint8, len(s.toks))
		for j, t := range s.toks {
			if isWordOf(t.Folded, transferWords) {
				f.classes[j] |= transferClass
			}
			if isWordOf(t.Folded, receiveWords) {
				f.classes[j] |= receiveClass
			}
		}
	}
	return f.classes[i]
}

// hasClass reports a token of the class in tokens first..last.
func hasClass(s *sentence, first, last int, class uint8) bool {
	for i := first; i <= last; i++ {
		if s.class(i)&class != 0 {
			return true
		}
	}
	return false
}

// isWordOf reports a word that is one of the stems with an inflection ending ("lieferte",
// "supplied", "deployed"), or a German compound that ends in a stem of six letters or more and
// an ending ("Waffenlieferungen"); "important" is not "import", "Verhältnis" not "erhalt",
// "Soldaten" not "sold".
func isWordOf(w string, stems []string) bool {
	for _, p := range stems {
		if len(p) < 6 {
			// A short stem only begins a word.
			if rest, ok := strings.CutPrefix(w, p); ok && (rest == "" || verbEndings[rest]) {
				return true
			}
			continue
		}
		i := strings.Index(w, p)
		for i >= 0 {
			rest := w[i+len(p):]
			if (i == 0 || len(p) >= 6 && i >= 3) && (rest == "" || verbEndings[rest]) {
				return true
			}
			next := strings.Index(w[i+1:], p)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return false
}

// verbEndings are the endings the transfer and receive stems take.
var verbEndings = set(`s es ed d ing t te ten tet et en e ert n ung ungen ied ies y ying red ring ling led ment ments`)

func appendName(list []string, name string) []string {
	if slices.Contains(list, name) {
		return list
	}
	return append(list, name)
}
