// Package numfmt formats figures for readers in German or English.
//
// lang is "en" for English; any other value gives German. Numbers have at most two decimals
// (two significant digits below 0.1) and no trailing zeros; amounts of a million and more are
// written with a scale word (Mio., Mrd., Bio.; m, bn, tn).
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// minus is the typographic minus sign.
const minus = "−"

// Number writes v with the digit grouping and decimal mark of lang: "11.000", "3,8", "0,76"
// in German, "11,000", "3.8" in English.
func Number(v float64, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	group, point := ".", ","
	if isEN(lang) {
		group, point = ",", "."
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals(v), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(minus)
	}
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// decimals is the number of decimals v is written with: two, or as many as two significant
// digits need below 0.1.
func decimals(v float64) int {
	a := math.Abs(v)
	if a == 0 || a >= 0.1 {
		return 2
	}
	return min(max(2, 1-int(math.Floor(math.Log10(a)))), 12)
}

func isEN(lang string) bool { return strings.EqualFold(lang, "en") }

// scale is a power of a thousand with its words.
type scale struct {
	factor           float64
	de, enMoney, enX string
}

var scales = []scale{
	{1e12, "Bio.", "tn", "trillion"},
	{1e9, "Mrd.", "bn", "billion"},
	{1e6, "Mio.", "m", "million"},
}

// Scale returns the scale Amount writes v of unit in: its factor (1, 1e6, 1e9 or 1e12) and
// word ("", "Mio.", "Mrd.", "Bio."; in English "m", "bn", "tn" for money and "million",
// "billion", "trillion" for anything else, as "m" also stands for metres).
func Scale(v float64, unit, lang string) (factor float64, word string) {
	a := math.Abs(v)
	for _, s := range scales { // largest first: 999.999 Mio. is written 1 Mrd.
		if round2(a/s.factor) >= 1 {
			return s.factor, s.word(unit, lang)
		}
	}
	return 1, ""
}

func (s scale) word(unit, lang string) string {
	switch {
	case !isEN(lang):
		return s.de
	case isCurrency(unit):
		return s.enMoney
	default:
		return s.enX
	}
}

// round2 rounds as Number does above 0.1.
func round2(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return r
}

// currencyNames are the German names of the currencies; English writes the ISO code.
var currencyNames = map[string]string{
	"USD": "US-Dollar", "EUR": "Euro", "KRW": "Won", "KPW": "nordkoreanische Won",
	"JPY": "Yen", "CNY": "Yuan", "RUB": "Rubel", "GBP": "Pfund", "CHF": "Franken",
	"CAD": "kanadische Dollar", "AUD": "australische Dollar", "UAH": "Hrywnja",
}

// isCurrency reports whether unit is an ISO 4217 code: three capital letters.
func isCurrency(unit string) bool {
	if _, ok := currencyNames[unit]; ok {
		return true
	}
	if len(unit) != 3 {
		return false
	}
	for _, c := range unit {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// Amount writes v with its unit: "3,8 Mrd. US-Dollar", "10 %", "7.000 km",
// "11.000 Militärangehörige"; in English "USD 3.8 bn", "10%", "7,000 km". A currency is an
// ISO code; "%" is percent, "pp" percentage points; any other unit is written as given.
func Amount(v float64, unit, lang string) string {
	f, w := Scale(v, unit, lang)
	return amount(Number(v/f, lang), w, unit, v/f == 1, lang)
}

// amount joins a written number (or range of numbers), the scale word and the unit. one
// tells that the number is 1, for the singular of percentage points.
func amount(num, word, unit string, one bool, lang string) string {
	en := isEN(lang)
	switch {
	case isCurrency(unit) && en:
		return join(unit, num, word)
	case unit == "%" && en && word == "":
		return num + "%"
	}
	return join(num, word, unitName(unit, one, lang))
}

// unitName is how a unit is written after a number.
func unitName(unit string, one bool, lang string) string {
	en := isEN(lang)
	switch {
	case isCurrency(unit):
		if name, ok := currencyNames[unit]; ok && !en {
			return name
		}
	case unit == "pp" && en && one:
		return "percentage point"
	case unit == "pp" && en:
		return "percentage points"
	case unit == "pp" && one:
		return "Prozentpunkt"
	case unit == "pp":
		return "Prozentpunkte"
	}
	return unit
}

// UnitLabel names the unit of numbers written in the scale of factor, for an axis or a table
// head: "Mrd. US-Dollar", "USD bn", "%", "Mio. Granaten", "million Granaten", "Treffen".
func UnitLabel(unit string, factor float64, lang string) string {
	word := ""
	for _, s := range scales {
		if s.factor == factor {
			word = s.word(unit, lang)
		}
	}
	if isCurrency(unit) && isEN(lang) {
		return join(unit, word)
	}
	return join(word, unitName(unit, false, lang))
}

// join joins the non-empty parts with spaces.
func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}
