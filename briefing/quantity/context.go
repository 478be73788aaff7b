package quantity

import "strings"

// context is what the word before a number says about it.
type context struct {
	reject      bool // a designation, date, vague amount or paragraph sign
	yearContext bool // a word that introduces years ("im", "seit", a month)
	from        bool // English "from", which makes "to" a change rather than a range
}

// contextBefore looks at the word before pre: "Artikel 4", "S. 5", "Juli 2022",
// "mehrere tausend", "§ 3".
func (sc *scanner) contextBefore(pre, floor int) context {
	s := sc.s
	if r, _ := runeBefore(s, skipSpacesBack(s, pre, floor)); r == '§' {
		return context{reject: true}
	}
	w, dot := wordBefore(s, pre, floor)
	if w == "" {
		return context{}
	}
	lw := strings.ToLower(w)
	if needDot, ok := designations[lw]; ok && (dot || !needDot) {
		return context{reject: true}
	}
	if strings.HasSuffix(lw, "resolution") {
		return context{reject: true}
	}
	r, _ := runeAt(w, 0)
	month := isUpper(r) && isMonth(lw)
	if month || (!dot && vague[lw]) {
		return context{reject: true}
	}
	return context{yearContext: !dot && yearContext[lw], from: !dot && lw == "from"}
}

// prefixCurrency finds a currency written before the number at i ("$17bn", "US$ 5",
// "EUR 3,5 Mio."); it returns its code and start, or "" and i.
func (sc *scanner) prefixCurrency(i, floor int) (string, int) {
	s := sc.s
	if start, idx := longestBefore(s, i, floor, prefixCurrencies); idx >= 0 {
		return prefixCurrencies.list[idx].val, start
	}
	if j := skipSpacesBack(s, i, floor); j < i {
		if start, idx := longestBefore(s, j, floor, prefixCurrencies); idx >= 0 {
			return prefixCurrencies.list[idx].val, start
		}
	}
	return "", i
}

// qualifier finds a qualifier before pre ("mehr als", "rund", "up to").
func (sc *scanner) qualifier(pre, floor int) (string, int) {
	list := qualifiersEN
	if sc.de {
		list = qualifiersDE
	}
	j := skipSpacesBack(sc.s, pre, floor)
	if start, idx := longestBefore(sc.s, j, floor, list); idx >= 0 {
		return list.list[idx].val, start
	}
	return "", pre
}

// rangePart extends m.n1 to a range: "20 bis 60", "20-60", "zwischen 20 und 60",
// "1,7 bis 5,5 Milliarden" (the scale is shared), "$1.7bn-$5.5bn".
func (sc *scanner) rangePart(m *match, floor int) {
	s := sc.s
	between := -1
	if m.qual == "" {
		if b, idx := longestBefore(s, skipSpacesBack(s, m.pre, floor), floor, betweenWords); idx >= 0 {
			between = b
		}
	}
	k := sc.connector(m.n1.end, between >= 0, m.ctx.from)
	if k < 0 {
		return
	}
	k = skipSpaces(s, k)
	if m.currency != "" {
		if e, _ := longestAt(s, k, prefixCurrencies); e > 0 {
			k = skipSpaces(s, e)
		}
	}
	if r, _ := runeAt(s, k); !isAlnum(r) || (!isDigit(s[k]) && !sc.mayStartNumber(k, wordEnd(s, k))) {
		return
	}
	n2, ok := sc.number(k)
	if !ok || !sc.followOK(n2) {
		return
	}
	sc.applyScale(&n2, m.currency != "")
	n1 := m.n1
	if !n1.scaled && n2.scaled && n1.written() < n2.written() {
		n1.sexp, n1.smul, n1.scaled = n2.sexp, n2.smul, true
	}
	v1, ok1 := n1.value()
	v2, ok2 := n2.value()
	if !ok1 || !ok2 || v2 <= v1 {
		return
	}
	m.n1, m.n2, m.isRange = n1, n2, true
	if between >= 0 {
		m.start = between
	}
}

// connector returns the end of a range word or dash after a number, or -1.
func (sc *scanner) connector(e int, between, from bool) int {
	s := sc.s
	k := skipSpaces(s, e)
	if r, n := runeAt(s, k); r == '-' || r == '–' || r == '—' {
		return k + n
	}
	if k == e {
		return -1
	}
	if end := matchAt(s, k, "bis"); end > 0 {
		return end
	}
	if end := matchAt(s, k, "to"); end > 0 && !sc.de && !from {
		return end
	}
	if between {
		for _, w := range [2]string{"und", "and"} {
			if end := matchAt(s, k, w); end > 0 {
				return end
			}
		}
	}
	return -1
}

// per finds a rate after the quantity ("pro Monat", "a year") or an adverb before it
// ("jährlich"). It returns the rate and where the quantity with its rate ends.
func (sc *scanner) per(end, start, floor int) (string, int) {
	s := sc.s
	list := perAfterEN
	if sc.de {
		list = perAfterDE
	}
	k := skipSpaces(s, end)
	if e, idx := longestAt(s, k, list); idx >= 0 {
		after := skipSpaces(s, e)
		w := strings.ToLower(s[after:wordEnd(s, after)])
		if after >= len(s) || (!isDigit(s[after]) && !notPerAfter[w]) {
			return list.list[idx].val, e
		}
	}
	j := skipSpacesBack(s, start, floor)
	if _, idx := longestBefore(s, j, floor, perBefore); idx >= 0 && j < start {
		return perBefore.list[idx].val, end
	}
	return "", end
}

// conversion reads a quantity of the same kind in parentheses after e:
// "(3,66 Milliarden Euro)", "(about €3.4bn)". It returns the conversion and the end
// of the parentheses, or nil and e.
func (sc *scanner) conversion(e int, kind unitKind) (*Quantity, int) {
	s := sc.s
	k := skipSpaces(s, e)
	if k >= len(s) || s[k] != '(' {
		return nil, e
	}
	open := k + 1
	p := skipSpaces(s, open)
	if f, _ := longestAt(s, p, conversionFillers); f > 0 {
		p = skipSpaces(s, f)
	}
	for q := p; q < len(s) && q < p+64 && s[q] != ')'; {
		r, n := runeAt(s, q)
		if isLetter(r) {
			n = wordEnd(s, q) - q
		}
		if isDigit(s[q]) || (isLetter(r) && sc.mayStartNumber(q, q+n)) {
			if inner, ik, _, ok := sc.parse(q, open, false); ok {
				c := skipSpaces(s, inner.End)
				if ik != kind || inner.Start != p || c >= len(s) || s[c] != ')' {
					return nil, e
				}
				return &inner, c + 1
			}
		}
		if isDigit(s[q]) {
			n = numeralEnd(s, q) - q
		}
		q += n
	}
	return nil, e
}
