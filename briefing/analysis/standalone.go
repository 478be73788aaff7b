package analysis

import "strings"

// A statement must stand alone: a sentence that opens with a reference to the text before
// it ("Diese Truppenentsendung …", "Darüber hinaus schwächt es …", "It also said …") means
// nothing to a reader who does not see that text. Such a sentence is quoted together with
// the sentence before it in its paragraph, or not chosen at all.

// openers are first words that point back: demonstratives, connectives that continue an
// argument, and possessive and personal pronouns.
var openers = set(`diese dieser dieses diesem diesen dies jene jener jenes solche solcher
	ausserdem zudem ferner dabei damit dadurch daher deshalb deswegen somit demnach dazu hierbei
	hierzu hiermit ebenfalls zugleich gleichzeitig ihre ihrer ihren ihrem ihr seine seiner seinen
	seinem sein deren dessen er
	this these that those it its they their them he his she her also moreover furthermore
	additionally besides such thus hence therefore`)

// continuations open a sentence that continues the one before when they are its first two
// words: "Darüber hinaus", "In addition". (A preposition with a demonstrative, "Vor diesem
// Hintergrund", is found with the other demonstratives among the first words.)
var continuations = [][2]string{{"daruber", "hinaus"}, {"in", "addition"}, {"as", "well"}, {"on", "top"}}

// contrasts set a sentence against the one before it.
var contrasts = set("jedoch aber allerdings dennoch trotzdem however nevertheless")

// demonstratives point at something named before.
var demonstratives = set("diese dieser dieses diesem diesen this these those")

// timeNouns after a demonstrative make it a time of the document: "in diesem Jahr".
var timeNouns = set("jahr jahres monat monats woche jahrhundert year month week century")

// expletives follow an "es" or "it" that refers to nothing: "Es gibt …", "It is unclear …".
var expletives = set(`gibt gab geht ging heisst hiess ist war sei ware scheint schien bleibt blieb fehlt
	fehlte kommt kam handelt handelte is was seems seemed remains remained appears appeared
	has had will would`)

// pronounVerbs follow a demonstrative "Das" or "Dies" used as a pronoun: "Das berichtete …".
var pronounVerbs = set(`ist sei war ware hat hatte habe hatten zeigt zeigte zeige bedeutet bedeutete bedeute
	berichtete berichtet meldete meldet sagte sagt erklarte erklart teilte gilt galt gelte geht ging gehe
	kommt kam komme liegt lag liege betrifft betraf betreffe wird wurde werde konnte konne durfte`)

// refersToEarlier reports a sentence that begins with a reference to the text before it.
func refersToEarlier(s *sentence) bool {
	t := s.toks
	if len(t) < 2 {
		return false
	}
	w0, w1 := t[0].Folded, t[1].Folded
	switch {
	case w0 == "es" || w0 == "it":
		return !expletives[w1]
	case (w0 == "das" || w0 == "dem") && pronounVerbs[w1]:
		return true
	case w0 == "sie" && isLower(t[1].Word):
		return true // "Sie lieferte …": she or they; the formal "Sie" is no statement either
	case openers[w0]:
		return true
	}
	if w0 == "so" && s.lang == "de" && !isUpperStart(t[1].Word) {
		return true // "So hat China Russland beigestanden": thus, after what was said before
	}
	// A contrast after the first word continues an argument: "Konzentrieren wolle man sich
	// jedoch auf …", "Seit 2022 aber ist …" (not "Allerdings: …" at the start, which opens
	// one).
	for i := 1; i < min(len(t), 6); i++ {
		if strings.Contains(s.text[t[0].End:t[i].Start], ",") {
			break
		}
		if contrasts[t[i].Folded] {
			return true
		}
	}
	// A demonstrative among the first words: "Im Rahmen dieses Programms", "Nach diesen
	// Angaben" (not "In diesem Jahr", which is a time).
	for i := 1; i < min(len(t)-1, 3); i++ {
		if demonstratives[t[i].Folded] && !timeNouns[t[i+1].Folded] {
			return true
		}
	}
	for _, c := range continuations {
		if w0 == c[0] && w1 == c[1] {
			return true
		}
	}
	// A subject pronoun right after the verb in second place: "Zunächst schickte es …",
	// "Dann lieferte sie …" (not "Dabei gibt es …").
	for i := 2; i < min(len(t), 4); i++ {
		w := t[i].Folded
		if (w == "es" || w == "er" || w == "sie") && isLower(t[i].Word) && !expletives[t[i-1].Folded] &&
			!strings.Contains(s.text[t[0].End:t[i].Start], ",") {
			return true
		}
	}
	return false
}

// withContext returns the sentences a statement of sentence k quotes: k alone when it stands
// alone; the sentence before it in its paragraph and k when k refers back to it; none when
// k refers back to nothing it can be quoted with (the start of a paragraph, a heading, or a
// sentence that refers back itself).
func (c *corpus) withContext(k int) (first int, ok bool) {
	s := c.sents[k]
	if !refersToEarlier(s) {
		return k, true
	}
	if k == 0 {
		return 0, false
	}
	prev := c.sents[k-1]
	if prev.doc != s.doc || prev.para != s.para || prev.heading || refersToEarlier(prev) {
		return 0, false
	}
	return k - 1, true
}
