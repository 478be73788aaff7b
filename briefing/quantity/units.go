package quantity

import "strings"

// unitKind says what a quantity measures.
type unitKind uint8

const (
	uNone unitKind = iota
	uMoney
	uPercent
	uMeasure
	uCount
)

// unitInfo is the unit or counted noun after a number.
type unitInfo struct {
	kind     unitKind
	unit     string
	noun     string
	end      int
	adjacent bool // a counted noun directly after the number
}

// unitAt reads what follows the number ending at e: a percent sign, a currency, a
// measure or a counted noun. Durations, times and dates give uNone. currency is a
// currency already written before the number; v is the number's value.
func (sc *scanner) unitAt(e int, currency string, v float64) unitInfo {
	s := sc.s
	if currency != "" {
		return unitInfo{kind: uMoney, unit: currency, end: e}
	}
	if e < len(s) && s[e] == '-' { // "7,000-km range", "7.000-Kilometer-Reichweite"
		if end, idx := longestAt(s, e+1, measures); idx >= 0 {
			return unitInfo{kind: uMeasure, unit: measures.list[idx].val, end: end}
		}
		return unitInfo{}
	}
	k := skipSpaces(s, e)
	if end, idx := longestAt(s, k, percents); idx >= 0 && !sc.hyphenated(end) {
		return unitInfo{kind: uPercent, unit: percents.list[idx].val, end: end}
	}
	if u, ok := sc.currencyAt(k); ok {
		return u
	}
	if u, ok := sc.measureAt(k); ok {
		return u
	}
	if k == e || sc.timeAt(k) {
		return unitInfo{}
	}
	if sc.de {
		return sc.countDE(k)
	}
	return sc.countEN(k, v)
}

// hyphenated reports whether a hyphen and a letter follow end: "5 Euro-Münzen" counts
// coins, "3 T-72-Panzer" tanks.
func (sc *scanner) hyphenated(end int) bool {
	if end >= len(sc.s) || sc.s[end] != '-' {
		return false
	}
	r, _ := runeAt(sc.s, end+1)
	return isAlnum(r)
}

// currencyAt reads a currency at k ("US-Dollar", "Mrd. Euro", "South Korean won").
// "pounds of" is a weight.
func (sc *scanner) currencyAt(k int) (unitInfo, bool) {
	end, idx := longestAt(sc.s, k, currencies)
	if idx < 0 || sc.hyphenated(end) {
		return unitInfo{}, false
	}
	c := currencies.list[idx]
	if strings.HasPrefix(c.text, "pound") && matchAt(sc.s, end, " of") > 0 {
		return unitInfo{kind: uMeasure, unit: "lb", end: end}, true
	}
	return unitInfo{kind: uMoney, unit: c.val, end: end}, true
}

// measureAt reads a unit of measurement at k ("km", "Kilometern", "tonnes").
func (sc *scanner) measureAt(k int) (unitInfo, bool) {
	end, idx := longestAt(sc.s, k, measures)
	if idx < 0 || sc.hyphenated(end) {
		return unitInfo{}, false
	}
	return unitInfo{kind: uMeasure, unit: measures.list[idx].val, end: end}, true
}

// timeAt reports whether a time of day follows ("10 Uhr", "10 a.m.").
func (sc *scanner) timeAt(k int) bool {
	list := timeWordsEN
	if sc.de {
		list = timeWordsDE
	}
	_, idx := longestAt(sc.s, k, list)
	return idx >= 0
}

// countDE finds the counted noun of a German number: the first capitalised word
// within the next three words, skipping adjectives and determiners ("zwei
// hochrangige Treffen", "24 solcher Treffen").
func (sc *scanner) countDE(k int) unitInfo {
	s := sc.s
	p := k
	for n := 0; n < 3; n++ {
		p = skipQuotes(s, skipSpaces(s, p))
		r, _ := runeAt(s, p)
		if !isLetter(r) {
			break
		}
		if u, ok := sc.currencyAt(p); ok {
			return u
		}
		we := compoundEnd(s, p)
		lw := strings.ToLower(s[p:we])
		if isUpper(r) {
			return sc.counted(p, we, lw, n == 0)
		}
		if stopDE[lw] || sc.isNumberWord(lw) {
			break
		}
		p = we
	}
	return unitInfo{}
}

// countEN finds the counted noun of an English number: the first plural noun within
// the next four words ("3,000 North Korean soldiers"); after "one" a singular noun.
func (sc *scanner) countEN(k int, v float64) unitInfo {
	s := sc.s
	p := k
	var single unitInfo
	for n := 0; n < 4; n++ {
		p = skipQuotes(s, skipSpaces(s, p))
		r, _ := runeAt(s, p)
		if !isLetter(r) {
			break
		}
		if u, ok := sc.currencyAt(p); ok {
			return u
		}
		we := compoundEnd(s, p)
		lw := strings.ToLower(s[p:we])
		if passEN[lw] && n == 0 {
			p = we
			continue
		}
		if stopEN[lw] || sc.isNumberWord(lw) || durations[lw] || excludedNouns[lw] || (isUpper(r) && isMonth(lw)) {
			break
		}
		if irregularPlurals[lw] || isPlural(lw) {
			return sc.counted(p, we, lw, n == 0)
		}
		verbish := strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly")
		if v == 1 && verbish && single.kind != uNone {
			break
		}
		if v == 1 && !verbish {
			single = sc.counted(p, we, lw, n == 0)
		}
		p = we
		// An abbreviation with dots qualifies the noun: "28,500 U.S. troops".
		if we < len(s) && s[we] == '.' && we-len(lw) >= 0 && len(lw) <= 2 && strings.ToUpper(s[we-len(lw):we]) == s[we-len(lw):we] {
			p = we + 1
		}
	}
	return single
}

// counted classifies the word s[p:we] after a number as a counted noun, a measure or
// nothing (durations, months, fractions, "Mal").
func (sc *scanner) counted(p, we int, lw string, adjacent bool) unitInfo {
	if u, ok := sc.measureAt(p); ok {
		return u
	}
	r, _ := runeAt(sc.s, p)
	if durations[lw] || excludedNouns[lw] || (isUpper(r) && isMonth(lw)) {
		return unitInfo{}
	}
	noun := lw
	if sc.de {
		noun = germanBase(lw)
	}
	return unitInfo{kind: uCount, unit: sc.s[p:we], noun: noun, end: we, adjacent: adjacent}
}

// isNumberWord reports whether the lower-case word w is a number word.
func (sc *scanner) isNumberWord(w string) bool {
	if sc.de {
		_, ok := germanNumber(w)
		return ok
	}
	_, ok := englishParts[w]
	return ok
}

// isPlural guesses whether the lower-case English word w is a plural noun.
func isPlural(w string) bool {
	if len(w) < 3 || w[len(w)-1] != 's' || notPlurals[w] {
		return false
	}
	for _, suf := range [...]string{"ss", "us", "is", "'s", "ous"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// germanBase reduces a lower-case German plural noun to the nominative plural for
// grouping: "ländern" -> "länder", "sprengköpfen" -> "sprengköpfe".
func germanBase(w string) string {
	for _, b := range germanBases {
		if strings.HasSuffix(w, b.text) {
			return w[:len(w)-len(b.text)] + b.val
		}
	}
	return w
}
