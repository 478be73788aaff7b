// Package quantity finds quantities in German and English sentences: amounts of money,
// counts of things, percentages and measures, with ranges, qualifiers and conversions.
package quantity

import "strings"

// Quantity is one figure found in a sentence.
type Quantity struct {
	Start, End int       // byte span in the sentence of the whole expression: qualifier + number + scale + unit/counted noun (not a trailing conversion)
	Value      float64   // in base units: 3,8 Milliarden US-Dollar -> 3.8e9; 10 Prozent -> 10
	ValueMax   float64   // upper bound of a range ("20 bis 60 Sprengköpfe" -> 20, 60); 0 when not a range
	Unit       string    // currency code ("USD", "EUR", ...), "%" or "pp", a measure ("km", "t", "kg", "m") or the counted noun as written
	Noun       string    // for counts: the counted noun lower-cased in a simple base form for grouping; "" otherwise
	Qualifier  string    // "more_than", "at_least", "up_to", "at_most", "almost", "about", "average", "less_than" or ""
	Per        string    // rate: "month", "year", "week", "day" or ""
	Word       bool      // the number was written as a word ("drei", "zehn", "three")
	Conversion *Quantity // a conversion in parentheses right after: "3,8 Milliarden US-Dollar (3,66 Milliarden Euro)"
}

// Find returns the quantities of a sentence in order. lang is "de" or "en" and decides how
// "1.000"/"1,000" and "3,8"/"3.8" are read (fall back sensibly when the other convention is unambiguous).
// Any lang other than English ("en", "en-GB", ...) is read as German.
func Find(sentence, lang string) []Quantity {
	sc := scanner{s: sentence, de: !strings.HasPrefix(strings.ToLower(lang), "en")}
	s := sentence
	for i := 0; i < len(s); {
		if isDigit(s[i]) {
			i = sc.candidate(i)
			continue
		}
		r, n := runeAt(s, i)
		if !isLetter(r) {
			i += n
			continue
		}
		we := wordEnd(s, i)
		if sc.mayStartNumber(i, we) {
			i = max(sc.candidate(i), we)
			continue
		}
		i = we
	}
	return sc.out
}

// scanner holds the state of one Find call.
type scanner struct {
	s     string
	de    bool
	floor int // end of the last quantity; nothing before it is looked at again
	out   []Quantity
}

// candidate tries a quantity at the number starting at i and returns where to go on.
func (sc *scanner) candidate(i int) int {
	q, _, next, ok := sc.parse(i, sc.floor, true)
	if ok {
		sc.out = append(sc.out, q)
		sc.floor = next
	}
	return next
}

// mayStartNumber is a cheap test whether the word s[i:we] can begin a number.
func (sc *scanner) mayStartNumber(i, we int) bool {
	if we-i > 40 {
		return false
	}
	if r, n := runeBefore(sc.s, i); n > 0 && (isAlnum(r) || r == '-' || r == '/' || r == '.') {
		return false
	}
	if we-i == 1 {
		return !sc.de && sc.s[i]|0x20 == 'a'
	}
	b1 := sc.s[i+1]
	if b1 < 0x80 {
		b1 |= 0x20
	}
	starts := numberStartsEN
	if sc.de {
		starts = numberStartsDE
	}
	b0 := sc.s[i] | 0x20
	for k := 0; k+2 < len(starts); k += 3 {
		if starts[k+1] == b0 && starts[k+2] == b1 {
			return true
		}
	}
	return false
}

// numberStartsDE and numberStartsEN hold the first two bytes of the number words
// and articles, each after a space.
const (
	numberStartsDE = " ei zw dr vi f\xc3 se si ac ne ze el hu ta"
	numberStartsEN = " on tw th fo fi si se ei ni te el hu ha"
)

// match collects what parse has found so far.
type match struct {
	start    int // start of the expression (qualifier, currency, "zwischen")
	pre      int // start of the number or its prefix currency
	n1, n2   number
	isRange  bool
	currency string // currency written before the number
	qual     string
	ctx      context
}

// parse reads a quantity whose number starts at i, looking no further back than
// floor. It returns the quantity, its kind, where scanning goes on, and whether a
// quantity was found. Conversions are attached only when conv is set.
func (sc *scanner) parse(i, floor int, conv bool) (Quantity, unitKind, int, bool) {
	var m match
	var ok bool
	m.n1, ok = sc.number(i)
	next := max(m.n1.end, i+1)
	if !ok || !sc.followOK(m.n1) {
		return Quantity{}, uNone, next, false
	}
	m.currency, m.pre = sc.prefixCurrency(i, floor)
	if !sc.startOK(m.pre) {
		return Quantity{}, uNone, next, false
	}
	if m.ctx = sc.contextBefore(m.pre, floor); m.ctx.reject {
		return Quantity{}, uNone, next, false
	}
	m.start = m.pre
	if q, start := sc.qualifier(m.pre, floor); q != "" {
		m.qual, m.start = q, start
	}
	sc.applyScale(&m.n1, m.currency != "")
	sc.rangePart(&m, floor)
	end := m.n1.end
	if m.isRange {
		end = m.n2.end
	}
	v1, _ := m.n1.value()
	u := sc.unitAt(end, m.currency, v1)
	if u.kind == uNone || !yearOK(&m, u, sc.de) {
		return Quantity{}, uNone, next, false
	}
	if u.kind == uCount {
		m.n1.wholeCount()
		m.n2.wholeCount()
	}
	q, ok := m.quantity(u)
	if !ok {
		return Quantity{}, uNone, next, false
	}
	next = u.end
	q.Per, next = sc.per(u.end, m.start, floor)
	if conv && (u.kind == uMoney || u.kind == uMeasure) {
		if c, cend := sc.conversion(next, u.kind); c != nil {
			q.Conversion, next = c, cend
			if q.Per == "" {
				q.Per, next = sc.per(next, m.start, floor)
			}
		}
	}
	return q, u.kind, max(next, u.end), true
}

// quantity builds the result; ok is false when a value is not finite.
func (m *match) quantity(u unitInfo) (Quantity, bool) {
	v1, ok := m.n1.value()
	if !ok {
		return Quantity{}, false
	}
	q := Quantity{Start: m.start, End: u.end, Value: v1, Unit: u.unit, Noun: u.noun,
		Qualifier: m.qual, Word: m.n1.word}
	if m.isRange {
		v2, ok := m.n2.value()
		if !ok || v2 <= v1 {
			return Quantity{}, false
		}
		q.ValueMax = v2
		q.Word = q.Word || m.n2.word
	}
	return q, true
}

// yearOK rejects years: four bare digits 1000–2100 are a year unless a currency,
// percent sign or measure follows, or a counted noun directly follows a number not
// introduced as a year ("im Jahr", "seit", a month name); in English the noun must
// be lower case ("2000 soldiers", not "the 2024 Games").
func yearOK(m *match, u unitInfo, de bool) bool {
	if u.kind != uCount {
		return true
	}
	if m.isRange {
		return !m.n1.yearLike() || !m.n2.yearLike()
	}
	if !m.n1.yearLike() {
		return true
	}
	r, _ := runeAt(u.unit, 0)
	return u.adjacent && !m.ctx.yearContext && (de || !isUpper(r))
}

// number reads the number in digits or words starting at i.
func (sc *scanner) number(i int) (number, bool) {
	if isDigit(sc.s[i]) {
		return parseDigits(sc.s, i, sc.de)
	}
	if sc.de {
		return sc.germanWords(i)
	}
	return sc.englishWords(i)
}

// followOK checks what directly follows a number in digits: no letters (except
// glued scales and units: "17bn", "10km"), no ordinal period ("32. Jahrgang"), no time.
func (sc *scanner) followOK(n number) bool {
	s, j := sc.s, n.end
	if n.word || j >= len(s) {
		return true
	}
	r, size := runeAt(s, j)
	switch {
	case isSpaceRune(r), strings.ContainsRune(",;!?)]}\"'”“«»’‘…%€$£¥₩₽-–—", r):
		return true
	case r == '.':
		k := skipSpaces(s, j+1)
		if k >= len(s) {
			return true
		}
		r2, _ := runeAt(s, k)
		return k == j+1 && !isAlnum(r2)
	case r == ':':
		r2, _ := runeAt(s, j+size)
		return !('0' <= r2 && r2 <= '9')
	case isLetter(r):
		return gluedSuffixes[strings.ToLower(s[j:wordEnd(s, j)])]
	}
	return false
}

// startOK checks what directly precedes a quantity: the start, whitespace or an
// opening bracket or quote, but no letter, digit or punctuation ("F-16", "gab,9").
func (sc *scanner) startOK(pre int) bool {
	r, n := runeBefore(sc.s, pre)
	return n == 0 || isSpaceRune(r) || strings.ContainsRune(openers, r)
}
