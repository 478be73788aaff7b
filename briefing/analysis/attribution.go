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
		at on against for about over under since within across near toward towards`)
	// who says it, not who gives or receives: "nach Angaben aus Seoul", "laut Kiew",
	// "according to Washington", "Berichten aus Moskau zufolge"
	sayers = set(`angaben informationen kreisen quellen berichten aussagen darstellung einschatzung schatzung
		according sources officials reports intelligence`)
	// words that may stand between a preposition and its entity
	fillers = set("der die das dem den des ein eine einer einem einen the a an")
)

// transferWords say that something goes from one party to another.
var transferWords = []string{"liefer", "gelief", "schick", "geschick", "entsand", "entsend", "sende", "sandte", "gesandt",
	"exportier", "verkauf", "uberg", "bereitgestell", "stellte", "transferier", "verlegt",
	"deliver", "suppl", "provid", "send", "sent", "ship", "export", "sold", "sell", "transfer", "dispatch", "deploy"}

// attribution reads from a figure's clause who gives and who receives (when a preposition,
// the subject of a transfer or the measure's own modifier says so) and whom the figure is
// about. It returns no entity rather than a guess: an entity that stands only after a place
// preposition, two candidates for one role, an entity in another clause say nothing.
func attribution(s *sentence, first, last, qa, qb int, m *measureHit, v *vocabulary) (from, to string, entities []string) {
	var froms, tos, owners, partners, subjects []string
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
		if prep != "" && isLower(s.toks[h.First].Word) {
			// "an die ukrainische Front": the preposition governs the noun the adjective
			// qualifies, a place rather than a party.
			prep = "in"
		}
		switch {
		case toPrepositions[prep]:
			tos = appendName(tos, name)
		case fromPrepositions[prep]:
			froms = appendName(froms, name)
		case partnerPrepositions[prep]:
			partners = appendName(partners, name)
		case prep != "":
		case h.First >= qa && h.Last <= qb || adjacent(h.First, h.Last, anchor, qa, qb):
			owners = appendName(owners, name)
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
	transfer := hasWord(s, first, last, transferWords)
	if len(tos) == 1 {
		to = tos[0]
	} else if len(tos) == 0 && len(subjects) == 1 && hasWord(s, first, last, receiveWords) {
		to, subjects = subjects[0], nil // "soll Russland von Nordkorea erhalten haben"
	}
	switch {
	case len(froms) == 1:
		from = froms[0]
	case len(owners) == 1 && (to != "" || transfer):
		from = owners[0]
	case len(owners) == 0 && len(subjects) == 1 && transfer && (to != "" || len(tos) == 0):
		from = subjects[0]
	}
	if from == to {
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

// prepositionBefore returns the preposition before token i (skipping articles and one
// adjective: "an die ukrainische Front"), or "" when the entity stands without one.
func prepositionBefore(s *sentence, i, first int) string {
	for j, skipped := i-1, 0; j >= first && skipped <= 2; j-- {
		w := strings.ToLower(s.toks[j].Word)
		switch {
		case w == "laut" || w == "zufolge":
			return "laut"
		case toPrepositions[w] || fromPrepositions[w] || partnerPrepositions[w] || otherPrepositions[w]:
			if j > first && sayers[s.toks[j-1].Folded] {
				return "laut"
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

// adjacent reports an entity right before or after the measure or the quantity (at most two
// words away): "nordkoreanische Soldaten", "Rüstungsexporte Südkoreas", "South Korea's arms
// exports".
func adjacent(a, b, anchor, qa, qb int) bool {
	near := func(x int) bool { return abs(a-x) <= 2 || abs(b-x) <= 2 }
	return near(anchor) || near(qa) || near(qb)
}

func hasBetween(s *sentence, first, last int) bool {
	for i := first; i <= last; i++ {
		if w := s.toks[i].Folded; w == "zwischen" || w == "between" {
			return true
		}
	}
	return false
}

// receiveWords say that the subject receives.
var receiveWords = []string{"erhalt", "erhielt", "bekam", "bekomm", "empfang", "empfing", "receiv", "obtain", "acquir", "import", "bought", "kauft"}

func isLower(w string) bool { return w != "" && strings.ToLower(w) == w }

func hasWord(s *sentence, first, last int, prefixes []string) bool {
	for i := first; i <= last; i++ {
		w := s.toks[i].Folded
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func appendName(list []string, name string) []string {
	if slices.Contains(list, name) {
		return list
	}
	return append(list, name)
}
