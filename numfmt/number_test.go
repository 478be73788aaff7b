package numfmt

import (
	"testing"

	"github.com/secbrief/briefing/briefing"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		lang string
		want string
	}{
		{"thousands are grouped with a dot in German", 11000, "de", "11.000"},
		{"thousands are grouped with a comma in English", 11000, "en", "11,000"},
		{"German decimals take a comma", 3.8, "de", "3,8"},
		{"English decimals take a point", 3.8, "en", "3.8"},
		{"a number below one keeps its leading zero", 0.76, "de", "0,76"},
		{"two decimals are kept", 11.95, "de", "11,95"},
		{"a third decimal is rounded", 38.0 / 3, "de", "12,67"},
		{"trailing zeros are dropped", 2.50, "de", "2,5"},
		{"a whole number has no decimals", 5, "en", "5"},
		{"zero is written as 0", 0, "de", "0"},
		{"a negative number takes a minus sign", -3.8, "de", "−3,8"},
		{"a number that rounds to zero has no sign", -1e-15, "de", "0"},
		{"billions are grouped throughout", 3.8e9, "de", "3.800.000.000"},
		{"large English numbers keep two decimals", 1234567.891, "en", "1,234,567.89"},
		{"a small number keeps two significant digits", 0.0034, "de", "0,0034"},
		{"three digits are not grouped", 999, "de", "999"},
		{"four digits are grouped", 1000, "de", "1.000"},
		{"any language other than English is German", 1500.5, "", "1.500,5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Number(tt.v, tt.lang); got != tt.want {
				t.Errorf("Number(%v, %q) = %q, want %q", tt.v, tt.lang, got, tt.want)
			}
		})
	}
}

func TestAmount(t *testing.T) {
	tests := []struct {
		name   string
		v      float64
		unit   string
		de, en string
	}{
		{"billions of dollars take Mrd. and bn", 3.8e9, "USD", "3,8 Mrd. US-Dollar", "USD 3.8 bn"},
		{"millions of dollars take Mio. and m", 52.9e6, "USD", "52,9 Mio. US-Dollar", "USD 52.9 m"},
		{"euros keep two decimals", 11.95e9, "EUR", "11,95 Mrd. Euro", "EUR 11.95 bn"},
		{"trillions take Bio. and tn", 2e12, "KRW", "2 Bio. Won", "KRW 2 tn"},
		{"yen have a German name", 500, "JPY", "500 Yen", "JPY 500"},
		{"yuan have a German name", 7e6, "CNY", "7 Mio. Yuan", "CNY 7 m"},
		{"rubles have a German name", 1.5e9, "RUB", "1,5 Mrd. Rubel", "RUB 1.5 bn"},
		{"pounds have a German name", 2e6, "GBP", "2 Mio. Pfund", "GBP 2 m"},
		{"an amount below a million is written in full", 500000, "USD", "500.000 US-Dollar", "USD 500,000"},
		{"an amount that rounds up to the next scale takes it", 999999999, "USD", "1 Mrd. US-Dollar", "USD 1 bn"},
		{"an unknown currency code is written as a code", 3e9, "XYZ", "3 Mrd. XYZ", "XYZ 3 bn"},
		{"percent has a space in German only", 10, "%", "10 %", "10%"},
		{"percentage points are written out", 2.5, "pp", "2,5 Prozentpunkte", "2.5 percentage points"},
		{"one percentage point is singular", 1, "pp", "1 Prozentpunkt", "1 percentage point"},
		{"a measure follows the number", 7000, "km", "7.000 km", "7,000 km"},
		{"a counted noun is kept as written", 11000, "Militärangehörige", "11.000 Militärangehörige", "11,000 Militärangehörige"},
		{"millions of a noun are spelt out in English", 3e6, "Granaten", "3 Mio. Granaten", "3 million Granaten"},
		{"a number without a unit keeps its scale", 4e6, "", "4 Mio.", "4 million"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Amount(tt.v, tt.unit, "de"); got != tt.de {
				t.Errorf("Amount(%v, %q, de) = %q, want %q", tt.v, tt.unit, got, tt.de)
			}
			if got := Amount(tt.v, tt.unit, "en"); got != tt.en {
				t.Errorf("Amount(%v, %q, en) = %q, want %q", tt.v, tt.unit, got, tt.en)
			}
		})
	}
}

func TestScaleAndUnitLabel(t *testing.T) {
	tests := []struct {
		name       string
		v          float64
		unit, lang string
		factor     float64
		word       string
		label      string
	}{
		{"billions of dollars on a German axis", 38e9, "USD", "de", 1e9, "Mrd.", "Mrd. US-Dollar"},
		{"billions of dollars on an English axis", 38e9, "USD", "en", 1e9, "bn", "USD bn"},
		{"millions of a noun on an English axis", 3e6, "Granaten", "en", 1e6, "million", "million Granaten"},
		{"a count below a million has no scale", 24, "Treffen", "de", 1, "", "Treffen"},
		{"percent below a million has no scale", 10, "%", "en", 1, "", "%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, w := Scale(tt.v, tt.unit, tt.lang)
			if f != tt.factor || w != tt.word {
				t.Errorf("Scale(%v, %q, %q) = %v, %q, want %v, %q", tt.v, tt.unit, tt.lang, f, w, tt.factor, tt.word)
			}
			if got := UnitLabel(tt.unit, f, tt.lang); got != tt.label {
				t.Errorf("UnitLabel(%q, %v, %q) = %q, want %q", tt.unit, f, tt.lang, got, tt.label)
			}
		})
	}
}

func TestFigure(t *testing.T) {
	upTo := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		f      briefing.Figure
		de, en string
	}{
		{"more than a sum of money", briefing.Figure{Value: 1.7e9, Unit: "USD", Qualifier: "more_than"},
			"mehr als 1,7 Mrd. US-Dollar", "more than USD 1.7 bn"},
		{"up to a sum of money", briefing.Figure{Value: 5.5e9, Unit: "USD", Qualifier: "up_to"},
			"bis zu 5,5 Mrd. US-Dollar", "up to USD 5.5 bn"},
		{"a range of a counted noun", briefing.Figure{Value: 20, ValueMax: upTo(60), Unit: "Sprengköpfe"},
			"20 bis 60 Sprengköpfe", "20 to 60 Sprengköpfe"},
		{"a range of money shares its scale and unit", briefing.Figure{Value: 1.7e9, ValueMax: upTo(5.5e9), Unit: "USD"},
			"1,7 bis 5,5 Mrd. US-Dollar", "USD 1.7 to 5.5 bn"},
		{"a range of percent", briefing.Figure{Value: 10, ValueMax: upTo(20), Unit: "%", Qualifier: "about"},
			"rund 10 bis 20 %", "about 10 to 20%"},
		{"almost millions of a noun", briefing.Figure{Value: 3e6, Unit: "Granaten", Qualifier: "almost"},
			"fast 3 Mio. Granaten", "almost 3 million Granaten"},
		{"about a count", briefing.Figure{Value: 11000, Unit: "Militärangehörige", Qualifier: "about"},
			"rund 11.000 Militärangehörige", "about 11,000 Militärangehörige"},
		{"an average", briefing.Figure{Value: 2, Unit: "Treffen", Qualifier: "average"},
			"durchschnittlich 2 Treffen", "on average 2 Treffen"},
		{"at most", briefing.Figure{Value: 5, Unit: "Treffen", Qualifier: "at_most"},
			"höchstens 5 Treffen", "at most 5 Treffen"},
		{"at least", briefing.Figure{Value: 1000, Unit: "Container", Qualifier: "at_least"},
			"mindestens 1.000 Container", "at least 1,000 Container"},
		{"less than", briefing.Figure{Value: 10, Unit: "%", Qualifier: "less_than"},
			"weniger als 10 %", "less than 10%"},
		{"an unknown qualifier is left out", briefing.Figure{Value: 3000, Unit: "Soldaten", Qualifier: "roughly"},
			"3.000 Soldaten", "3,000 Soldaten"},
		{"a range with equal ends is one value", briefing.Figure{Value: 24, ValueMax: upTo(24), Unit: "Treffen"},
			"24 Treffen", "24 Treffen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Figure(tt.f, "de"); got != tt.de {
				t.Errorf("Figure(de) = %q, want %q", got, tt.de)
			}
			if got := Figure(tt.f, "en"); got != tt.en {
				t.Errorf("Figure(en) = %q, want %q", got, tt.en)
			}
		})
	}
}
