package quantity

import "strings"

// germanWords reads a German number word at i ("drei", "zwölf", "zweihundert"), or an
// article before a scale word ("eine Million", "ein Dutzend"). Capitalised number
// words count only at the start of a clause ("Zwei große Krisen", not "außer Acht"),
// except "Hundert" and "Tausend".
func (sc *scanner) germanWords(i int) (number, bool) {
	s := sc.s
	we := wordEnd(s, i)
	n := number{start: i, end: we, smul: 1, word: true}
	w := strings.ToLower(s[i:we])
	if articlesDE[w] {
		n.mant = 1
		return n, sc.articleScaleAfter(we)
	}
	v, ok := germanNumber(w)
	if !ok {
		return n, false
	}
	if r, _ := runeAt(s, i); isUpper(r) && w != "hundert" && w != "tausend" && !sc.clauseStart(i) {
		return n, false
	}
	n.mant = uint64(v)
	return n, true
}

// englishWords reads English number words at i ("three", "twenty-one", "two hundred
// and fifty"), or "a" before a scale word ("a million", "a dozen", "a hundred").
func (sc *scanner) englishWords(i int) (number, bool) {
	s := sc.s
	we := wordEnd(s, i)
	n := number{start: i, end: we, smul: 1, word: true}
	var st numState
	pos := i
	if strings.EqualFold(s[i:we], "half") {
		// "half a million", "half a billion"
		a := skipSpaces(s, we)
		ae := wordEnd(s, a)
		if a == we || !strings.EqualFold(s[a:ae], "a") || !sc.articleScaleAfter(ae) {
			return n, false
		}
		n.end, n.mant, n.exp = ae, 5, -1
		return n, true
	}
	if strings.EqualFold(s[i:we], "a") {
		k := skipSpaces(s, we)
		next := strings.ToLower(s[k:wordEnd(s, k)])
		if k == we || !articleScales[next] {
			return n, false
		}
		if next != "hundred" && next != "thousand" {
			n.mant = 1
			return n, true
		}
		st.add(numPart{val: 1, kind: partUnit})
		pos = k
	}
	end := i
	for {
		e := wordEnd(s, pos)
		p, ok := englishParts[strings.ToLower(s[pos:e])]
		if e == pos || !ok || !st.add(p) {
			break
		}
		end = e
		pos = sc.nextNumberWord(e, st.last)
		if pos < 0 {
			break
		}
	}
	if end == i {
		return n, false
	}
	n.end, n.mant = end, uint64(st.value())
	return n, true
}

// nextNumberWord returns where the next English number word may start after e: after a
// space, after a hyphen ("twenty-one") or after "and" following "hundred"/"thousand".
func (sc *scanner) nextNumberWord(e int, last uint8) int {
	s := sc.s
	if e < len(s) && s[e] == '-' && last == partTens {
		return e + 1
	}
	k := skipSpaces(s, e)
	if k == e || k >= len(s) {
		return -1
	}
	if (last == partHundred || last == partThousand) && strings.EqualFold(s[k:wordEnd(s, k)], "and") {
		if k2 := skipSpaces(s, k+3); k2 > k+3 {
			if _, ok := englishParts[strings.ToLower(s[k2:wordEnd(s, k2)])]; ok {
				return k2
			}
		}
		return -1
	}
	return k
}

// articleScaleAfter reports whether a scale word that may follow an article comes after we.
func (sc *scanner) articleScaleAfter(we int) bool {
	k := skipSpaces(sc.s, we)
	return k > we && articleScales[strings.ToLower(sc.s[k:wordEnd(sc.s, k)])]
}

// clauseStart reports whether i begins the sentence or a clause after an opening
// quote, bracket, colon or dash.
func (sc *scanner) clauseStart(i int) bool {
	r, n := runeBefore(sc.s, skipSpacesBack(sc.s, i, 0))
	return n == 0 || strings.ContainsRune("\"'„“‚‘«»(:–—-", r)
}

// applyScale attaches a scale word after n ("3,8 Milliarden", "17bn", "$3.5m").
func (sc *scanner) applyScale(n *number, money bool) {
	s := sc.s
	k := skipSpaces(s, n.end)
	best, end := -1, -1
	for j, w := range scales {
		if e := matchAt(s, k, w.text); e > end {
			best, end = j, e
		}
	}
	if best < 0 {
		return
	}
	w := scales[best]
	if w.money && !money {
		if _, ok := sc.currencyAt(skipSpaces(s, end)); !ok || k > n.end {
			return
		}
	}
	n.sexp, n.smul = w.exp, max(w.mul, 1)
	if w.billion && sc.de {
		n.sexp = 12
	}
	n.end, n.scaled = end, true
}
