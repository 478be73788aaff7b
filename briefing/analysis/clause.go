package analysis

import (
	"strings"
	"unicode"

	"github.com/secbrief/briefing/briefing/lexicon"
)

// clause returns the token range [first, last] of the clause around token range [a, b]: a
// sentence splits at semicolons, colons, dashes between spaces, and at a comma before a
// conjunction or relative pronoun ("…, während …", "…, which …"). A figure's measure,
// entities, direction and modality are read from its own clause only.
func (s *sentence) clause(a, b int) (int, int) {
	toks, text := s.toks, s.text
	first, last := 0, len(toks)-1
	sc := s.scr()
	if sc.leadEnd == nil {
		end := leadingClauseEnd(toks, text)
		sc.leadEnd = &end
	}
	lead := *sc.leadEnd
	for i := a; i > 0; i-- {
		if splitsBefore(toks, text, i) || i == lead {
			first = i
			break
		}
	}
	for i := b + 1; i < len(toks); i++ {
		if splitsBefore(toks, text, i) || i == lead {
			last = i - 1
			break
		}
	}
	return first, last
}

// subordinators open a leading subordinate clause that ends at its first comma: "By the time
// the exercises resumed in August of 2022, the DPRK had conducted six launches". ("Since
// December 2023, …" is a time, not a clause, and stays with what follows.)
var subordinators = [][]string{{"by", "the", "time"}, {"when"}, {"while"}, {"although"}, {"after"}, {"before"},
	{"once"}, {"if"}, {"nachdem"}, {"wahrend"}, {"obwohl"}, {"wenn"}, {"bevor"}, {"sobald"}, {"weil"}}

// leadingClauseEnd returns the first token after the comma that ends a leading subordinate
// clause, or -1.
func leadingClauseEnd(toks []lexicon.Token, text string) int {
	start := -1
	for _, sub := range subordinators {
		if len(toks) > len(sub) {
			match := true
			for j, w := range sub {
				match = match && toks[j].Folded == w
			}
			if match {
				start = len(sub)
				break
			}
		}
	}
	if start < 0 {
		return -1
	}
	for i := start; i < len(toks); i++ {
		if strings.Contains(text[toks[i-1].End:toks[i].Start], ",") {
			return i
		}
	}
	return -1
}

// splitsBefore reports a clause boundary between token i-1 and token i.
func splitsBefore(toks []lexicon.Token, text string, i int) bool {
	gap := text[toks[i-1].End:toks[i].Start]
	switch {
	case strings.Contains(gap, ":") && isDigits(toks[i-1].Word) && isDigits(toks[i].Word):
		return false // a time of day, "14:30"
	case strings.ContainsAny(gap, ";:"), strings.Contains(gap, " – "), strings.Contains(gap, " — "), strings.Contains(gap, " - "):
		return true
	case strings.ContainsAny(gap, ".!?") && strings.ContainsAny(gap, " \n") && isUpperStart(toks[i].Word) &&
		len(toks[i-1].Word) >= 3 && !abbreviations[strings.ToLower(toks[i-1].Word)]:
		// A quotation of several sentences is one sentence of the document, but each of
		// its sentences is a clause of its own (not after "U.S.", "Dr." or "inkl.").
		return true
	case strings.Contains(gap, ","):
		w := strings.ToLower(toks[i].Word)
		if (w == "and" || w == "und" || w == "or" || w == "oder") && i+1 < len(toks) && startsNumber(toks[i+1].Word) {
			return false // the last item of a list: "300 missiles, 200 launchers, and 10,000 troops"
		}
		return conjunctions[w]
	}
	return false
}

// abbreviations end with a full stop inside a sentence.
var abbreviations = set(`inkl bzw usw vgl ggf evtl etc prof gen dipl jan feb apr aug sept sep okt oct nov dez dec
	mio mrd bio tsd ca rd nr abs art zzt`)

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

func startsNumber(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	return numberWords[strings.ToLower(w)]
}

// numberWords begin a count written in words.
var numberWords = set(`one two three four five six seven eight nine ten hundreds thousands dozens some about
	ein eine zwei drei vier funf fünf sechs sieben acht neun zehn hunderte tausende rund etwa`)

func isUpperStart(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// conjunctions and relative pronouns that begin a clause after a comma.
var conjunctions = set(`und aber während doch jedoch sondern wobei nachdem weil da obwohl als wie
	die der das dem den deren dessen welche welcher welches was wenn falls dass sodass
	and but while whereas which who whom whose although though after when as if that having`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// tokenAt returns the index of the first token that ends after byte offset off.
func tokenAt(toks []lexicon.Token, off int) int {
	for i, t := range toks {
		if t.End > off {
			return i
		}
	}
	return len(toks) - 1
}
