package analysis

import (
	"strings"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/lexicon"
)

// Words that say how a clause states its figure. They are matched on whole folded words.
var (
	targetWords = set(`ziel ziele zielmarke zielvorgabe angestrebt angestrebte angestrebten anstreben strebt streben
		plant planen plante geplant geplante geplanten planung prognose prognostiziert voraussichtlich
		erwartet erwarten erwartete vorgesehen vorgesehene
		target targets targeted targeting aim aims aiming aimed goal goals plans planned planning
		forecast forecasts projected projection expects expected intends intend seeks seek envisaged`)
	estimateWords = set(`schatzungsweise geschatzt geschatzte geschatzten schatzung schatzungen schatzt schatzen
		vermutlich mutmasslich moglicherweise wahrscheinlich hochgerechnet
		estimated estimate estimates estimating assessed assess assesses assessment believed believes believe
		possibly probably likely presumably suggests suggest suggested`)
	hypotheticalWords = set(`konnte konnten wurde wurden ware waren falls unwahrscheinlich theoretisch hypothetisch
		could would might unlikely if hypothetical`)
	negationWords = set(`nicht kein keine keinen keiner keinem nie niemals dementiert dementierte bestritt bestreitet
		not no never denied denies deny`)
	historicalWords   = set(`koreakrieg koreakrieges koreakriegs weltkrieg weltkrieges weltkriegs sowjetzeit`)
	historicalPhrases = []string{"korean war", "world war", "cold war", "soviet era", "kalten krieg", "kalter krieg"}
)

// modalityOf says how a clause (tokens first..last) states the figure at tokens qa..qb. A
// German "soll … haben" reports what others say ("soll 10.000 Soldaten geschickt haben"), not a
// plan; "would"/"würde" with "nicht"/"not" is hypothetical, not a negation of the figure. A
// figure whose period ends before 2000, or whose clause names a past era, is historical.
func modalityOf(toks []lexicon.Token, first, last, qa, qb int, p *briefing.Period, text string) string {
	var hypo, target, estimate, negated bool
	for i := first; i <= last; i++ {
		if i >= qa && i <= qb && !estimateWords[toks[i].Folded] {
			continue // "schätzungsweise" may be the figure's own qualifier, and still an estimate
		}
		w := toks[i].Folded
		// A cue after the figure governs it only close by ("20.000 Soldaten unwahrscheinlich",
		// "10,000 troops, estimated"), not in a later aside ("…, possibly to counter …",
		// "activities … that could generate funds").
		if i > qb && i-qb > 2 {
			continue
		}
		switch {
		case w == "may" && toks[i].Word == "may": // "may have been stationed"; "May" is a month
			hypo = true
		case hypotheticalWords[w]:
			// Folded "würde", "könnte", "wäre" are also the past tense ("wurde") and "Ware".
			if subjunctive[w] && !strings.ContainsAny(toks[i].Word, "äöüÄÖÜ") {
				continue
			}
			hypo = true
		case targetWords[w]:
			target = true
		case (w == "soll" || w == "sollen" || w == "will" || w == "wollen") && !allegation(toks, i, last):
			target = true
		case estimateWords[w]:
			estimate = true
		case negationWords[w] && negates(toks, i, qa):
			negated = true
		}
	}
	switch {
	case hypo:
		return briefing.ModalityHypothetical
	case negated:
		return briefing.ModalityNegated
	case target:
		return briefing.ModalityTarget
	case estimate:
		return briefing.ModalityEstimate
	case historical(toks, first, last, p, text):
		return briefing.ModalityHistorical
	}
	return briefing.ModalityReported
}

// notNegating follow a negation word without negating the figure.
var notNegating = set(`more less fewer only just least deny denied mehr weniger nur zuletzt minder bestreiten bestritt dementiert`)

// subjunctive are German subjunctives whose folded form is another word.
var subjunctive = set("wurde wurden konnte konnten ware waren")

// allegation reports "soll … haben/sein/worden" with the auxiliary closing the clause:
// reported speech about the past ("soll 10.000 Soldaten geschickt haben"), not "soll … sein
// Bündnis stärken".
func allegation(toks []lexicon.Token, i, last int) bool {
	if last <= i {
		return false
	}
	switch toks[last].Folded {
	case "haben", "sein", "worden", "gewesen":
		return true
	}
	return false
}

// negates reports a negation word that stands right before the figure (at most three words
// before it): "keine 10.000 Soldaten", "did not send 3,000 troops", not "no more than" (a
// qualifier the figure already carries) and not a negation elsewhere in the clause.
func negates(toks []lexicon.Token, i, qa int) bool {
	if i > qa || qa-i > 3 {
		return false
	}
	if i+1 < len(toks) && notNegating[toks[i+1].Folded] {
		return false // "no more than", "nicht nur", "nicht zuletzt", "did not deny"
	}
	return true
}

func historical(toks []lexicon.Token, first, last int, p *briefing.Period, text string) bool {
	if p != nil && p.To != "" && p.To < "2000" {
		return true
	}
	for i := first; i <= last; i++ {
		if historicalWords[toks[i].Folded] {
			return true
		}
	}
	tail := false // every phrase ends in one of these words; look for the phrases only then
	for i := first; i <= last && !tail; i++ {
		switch toks[i].Folded {
		case "war", "krieg", "krieges", "kriegs", "era":
			tail = true
		}
	}
	if tail && first <= last {
		span := strings.ToLower(text[toks[first].Start:toks[last].End])
		for _, ph := range historicalPhrases {
			if strings.Contains(span, ph) {
				return true
			}
		}
	}
	return false
}
