package quantity

import (
	"math"
	"strconv"
)

// number is a numeral, written in digits or words, with its scale word:
// its value is mant × 10^(exp+sexp) × smul.
type number struct {
	start, end int
	mant       uint64
	exp        int    // power of ten of the written numeral (negative for decimals)
	sexp       int    // power of ten of the scale word
	smul       uint64 // 12 for "Dutzend"/"dozen", otherwise 1
	word       bool   // written as a word
	plain      bool   // digits only, without separators
	ndigits    int    // number of digits when plain
	scaled     bool   // followed by a scale word
	alt        bool   // "1.000" in English, "1,000" in German: a decimal that may be thousands
}

// value returns the number in base units; ok is false when it is not finite.
func (n number) value() (float64, bool) {
	v, ok := decimal(n.mant, n.exp+n.sexp)
	v *= float64(n.smul)
	return v, ok && !math.IsInf(v, 0)
}

// written returns the number without its scale word.
func (n number) written() float64 {
	v, _ := decimal(n.mant, n.exp)
	return v
}

// yearLike reports whether the number looks like a year: four bare digits 1000–2100.
func (n number) yearLike() bool {
	return n.plain && !n.scaled && n.ndigits == 4 && n.mant >= 1000 && n.mant <= 2100
}

// wholeCount reads "1.000" (English) or "1,000" (German) as thousands, since a
// count of things has no fraction.
func (n *number) wholeCount() {
	if n.alt && !n.scaled {
		n.exp += 3
		n.alt = false
	}
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimal returns m × 10^e correctly rounded; ok is false when it overflows.
func decimal(m uint64, e int) (float64, bool) {
	if m == 0 {
		return 0, true
	}
	if m < 1<<53 {
		if e >= 0 && e < len(pow10) {
			return float64(m) * pow10[e], true
		}
		if e < 0 && -e < len(pow10) {
			return float64(m) / pow10[-e], true
		}
	}
	if e > 400 {
		return 0, false
	}
	v, err := strconv.ParseFloat(strconv.FormatUint(m, 10)+"e"+strconv.Itoa(e), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// numeralEnd returns the end of the numeral of digits and separators starting at i.
// A separator belongs to it when a digit follows; a space only between groups of
// thousands ("11 000").
func numeralEnd(s string, i int) int {
	j, gs, onlySpace := i, i, true
	for {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j >= len(s) {
			return j
		}
		if c := s[j]; (c == '.' || c == ',') && j+1 < len(s) && isDigit(s[j+1]) {
			onlySpace = false
			j++
			gs = j
			continue
		}
		g := j - gs
		if onlySpace && (g == 3 || (gs == i && g < 3)) {
			if r, n := runeAt(s, j); isGroupSpace(r) && threeDigits(s, j+n) {
				j += n
				gs = j
				continue
			}
		}
		return j
	}
}

// threeDigits reports whether exactly three digits start at k.
func threeDigits(s string, k int) bool {
	return k+3 <= len(s) && isDigit(s[k]) && isDigit(s[k+1]) && isDigit(s[k+2]) &&
		(k+3 == len(s) || !isDigit(s[k+3]))
}

// decimalMark decides which separator of the numeral tok is the decimal mark (0 for
// none). The language decides "1.000"/"1,000" (alt is then set); the other reading is
// used when the language's reading is impossible ("3.8" in German, "1.234,5" in English).
func decimalMark(tok string, de bool) (mark byte, ok, alt bool) {
	nd, nc, ld, lc, space := 0, 0, -1, -1, false
	for k := 0; k < len(tok); k++ {
		switch c := tok[k]; {
		case c == '.':
			nd, ld = nd+1, k
		case c == ',':
			nc, lc = nc+1, k
		case !isDigit(c):
			space = true
		}
	}
	switch {
	case nd > 0 && nc > 0:
		if ld > lc {
			return '.', nd == 1, false
		}
		return ',', nc == 1, false
	case nd+nc == 0 || nd > 1 || nc > 1:
		return 0, true, false
	}
	c, last := byte('.'), ld
	if nc == 1 {
		c, last = ',', lc
	}
	native := byte('.')
	if de {
		native = ','
	}
	three := len(tok)-last-1 == 3
	if space || c == native || !three {
		return c, true, !space && three
	}
	return 0, true, false
}

// parseDigits reads the numeral of digits starting at i. The end is set even when
// the numeral is malformed ("27.10.2024").
func parseDigits(s string, i int, de bool) (number, bool) {
	end := numeralEnd(s, i)
	n := number{start: i, end: end, smul: 1}
	dec, ok, alt := decimalMark(s[i:end], de)
	n.alt = alt
	if !ok {
		return n, false
	}
	frac, groups, g := false, 0, 0
	for k := i; k < end; {
		c := s[k]
		if isDigit(c) {
			switch {
			case n.mant < 1e18:
				n.mant = n.mant*10 + uint64(c-'0')
				if frac {
					n.exp--
				}
			case !frac:
				n.exp++
			}
			g++
			k++
			continue
		}
		if c == dec {
			if groups > 0 && g != 3 {
				return n, false
			}
			frac = true
		} else if frac || (groups == 0 && g > 3) || (groups > 0 && g != 3) {
			return n, false
		}
		_, size := runeAt(s, k)
		k += size
		groups++
		g = 0
	}
	if groups > 0 && !frac && g != 3 {
		return n, false
	}
	n.plain = groups == 0
	n.ndigits = end - i
	return n, true
}

// Kinds of number-word parts.
const (
	partNone uint8 = iota
	partUnit
	partTeen
	partTens
	partHundred
	partThousand
	partAnd
)

type numPart struct {
	text string
	val  int
	kind uint8
}

var germanParts = []numPart{
	{"eins", 1, partUnit}, {"ein", 1, partUnit}, {"zwei", 2, partUnit}, {"drei", 3, partUnit},
	{"vier", 4, partUnit}, {"fünf", 5, partUnit}, {"sechs", 6, partUnit}, {"sieben", 7, partUnit},
	{"acht", 8, partUnit}, {"neun", 9, partUnit}, {"zehn", 10, partTeen}, {"elf", 11, partTeen},
	{"zwölf", 12, partTeen}, {"dreizehn", 13, partTeen}, {"vierzehn", 14, partTeen},
	{"fünfzehn", 15, partTeen}, {"sechzehn", 16, partTeen}, {"siebzehn", 17, partTeen},
	{"achtzehn", 18, partTeen}, {"neunzehn", 19, partTeen}, {"zwanzig", 20, partTens},
	{"dreißig", 30, partTens}, {"dreissig", 30, partTens}, {"vierzig", 40, partTens},
	{"fünfzig", 50, partTens}, {"sechzig", 60, partTens}, {"siebzig", 70, partTens},
	{"achtzig", 80, partTens}, {"neunzig", 90, partTens}, {"hundert", 100, partHundred},
	{"tausend", 1000, partThousand}, {"und", 0, partAnd},
}

var englishParts = map[string]numPart{}

func init() {
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"} {
		englishParts[w] = numPart{w, i + 1, partUnit}
	}
	for i, w := range []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen"} {
		englishParts[w] = numPart{w, i + 10, partTeen}
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		englishParts[w] = numPart{w, 20 + 10*i, partTens}
	}
	englishParts["hundred"] = numPart{"hundred", 100, partHundred}
	englishParts["thousand"] = numPart{"thousand", 1000, partThousand}
}

// numState adds up the parts of a number written in words.
type numState struct {
	total, cur int
	last       uint8
}

// add appends a part and reports whether it may follow the previous ones.
func (st *numState) add(p numPart) bool {
	l := st.last
	switch p.kind {
	case partUnit:
		if l == partUnit || l == partTeen {
			return false
		}
		st.cur += p.val
	case partTeen:
		if l != partNone && l != partHundred && l != partThousand {
			return false
		}
		st.cur += p.val
	case partTens:
		if l != partNone && l != partHundred && l != partThousand && l != partAnd {
			return false
		}
		st.cur += p.val
	case partAnd:
		if l != partUnit {
			return false
		}
	case partHundred:
		if l != partNone && l != partUnit && l != partTeen {
			return false
		}
		st.cur = max(st.cur, 1) * 100
	case partThousand:
		if l == partAnd || st.total != 0 {
			return false
		}
		st.total, st.cur = max(st.cur, 1)*1000, 0
	}
	st.last = p.kind
	return true
}

func (st *numState) value() int { return st.total + st.cur }

// germanNumber reads a German number word such as "drei", "zwölf", "einundzwanzig"
// or "zweihundertfünfzig"; w must be lower case. The article "ein" is no number.
func germanNumber(w string) (int, bool) {
	var st numState
	lastEin := false
	for k := 0; k < len(w); {
		best := -1
		for j, p := range germanParts {
			if len(p.text) > len(w)-k || (best >= 0 && len(p.text) <= len(germanParts[best].text)) {
				continue
			}
			if w[k:k+len(p.text)] == p.text {
				best = j
			}
		}
		if best < 0 || !st.add(germanParts[best]) {
			return 0, false
		}
		lastEin = germanParts[best].text == "ein"
		k += len(germanParts[best].text)
	}
	if st.last == partAnd || lastEin {
		return 0, false
	}
	return st.value(), true
}
