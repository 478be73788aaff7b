package lexicon

import "strings"

// stopWords are frequent German and English function words (folded), which carry no content.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		der die das dem den des ein eine einer eines einem einen und oder aber als auch auf aus bei bis
		dass daß durch fur gegen hat haben hatte hatten ist sind war waren wird werden wurde wurden
		sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren es er sie wir ich man sich
		mit nach noch nicht nur uber um unter von vor zu zum zur im in am an so wie wenn ob weil dies
		diese dieser dieses diesem diesen jene jener kann konnen konnte konnten soll sollen sollte
		muss mussen musste darf durfen will wollen mehr sehr schon bereits jedoch zudem sowie etwa
		dann damit dabei davon dazu daruber darauf hier dort da was wer wo welche welcher welches
		alle allen aller alles andere anderen anderer beide beiden einige einigen viele vielen
		immer wieder weiter zwischen seit gegenuber ohne sondern denn doch ja nein kein keine keinen
		the a an of to in on at by for with from and or but as is are was were be been being has have
		had will would could should may might must can this that these those it its they them their
		he she his her we our you your not no than then there here which who whom what when where why
		how all any both each more most other some such only own same so too very also into over
		about after before between during under again further once`) {
		m[w] = true
	}
	return m
}()

// IsStopWord reports whether a folded word is a function word.
func IsStopWord(folded string) bool { return stopWords[folded] }
