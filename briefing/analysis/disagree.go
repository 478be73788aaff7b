package analysis

import (
	"strconv"
	"strings"

	"github.com/secbrief/briefing/briefing"
)

// disagreements groups figures that measure the same thing but differ: the same measure, the
// same unit (counts of one measure compare whatever noun they use), the same period or none,
// and at least one entity in common (or none named). Figures of sentences that state the same
// claim with different numbers are grouped as well.
func disagreements(figs []briefing.Figure, conflicts [][2]int, dateOf func(doc string) string) []briefing.Disagreement {
	var out []briefing.Disagreement
	// A sentence that gives several figures of one measure lists parts, totals or changes
	// ("three SLVs and 29 ballistic missiles, including four ICBMs"): none of them disagrees
	// with another source, or the box would set a part against a total.
	type sentenceMeasure struct {
		src     briefing.Source
		measure string
	}
	perSentence := map[sentenceMeasure]int{}
	for _, f := range figs {
		for _, s := range f.Sources {
			perSentence[sentenceMeasure{s, f.Measure}]++
		}
	}
	single := make([]bool, len(figs))
	for i, f := range figs {
		single[i] = true
		for _, s := range f.Sources {
			single[i] = single[i] && perSentence[sentenceMeasure{s, f.Measure}] == 1
		}
	}
	// Figures that measure the same thing share a key; a key whose figures do not all have
	// one value is a disagreement. (Comparing every pair of figures cost the square of their
	// number: 100 000 lines of figures did not finish.)
	uf := newUnionFind(len(figs))
	buckets := map[string][]int{}
	var keys []string
	for i, f := range figs {
		if !single[i] {
			continue
		}
		k, ok := comparableKey(f, dateOf)
		if !ok {
			continue
		}
		if buckets[k] == nil {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	for _, k := range keys {
		b := buckets[k]
		differ := false
		for _, j := range b[1:] {
			if !sameValue(figs[b[0]], figs[j]) {
				differ = true
				break
			}
		}
		if !differ {
			continue
		}
		for _, j := range b[1:] {
			if figs[j].Sources[0] != figs[b[0]].Sources[0] {
				uf.union(b[0], j)
			}
		}
	}
	for _, c := range conflicts {
		if single[c[0]] && single[c[1]] && comparable(figs[c[0]], figs[c[1]], dateOf) {
			uf.union(c[0], c[1])
		}
	}
	for _, members := range uf.groups() {
		if len(members) < 2 {
			continue
		}
		first := figs[members[0]]
		d := briefing.Disagreement{Subject: first.Subject, Unit: first.Unit}
		for _, m := range members {
			d.Figures = append(d.Figures, figs[m])
		}
		out = append(out, d)
	}
	return out
}

// comparable reports whether two figures measure the same thing: the same measure, unit,
// subject (entities and direction), period and modality, both rates or both totals. Figures
// of one sentence are parts or changes ("9 Millionen … von insgesamt 30 Millionen"), never a
// disagreement. A figure without a period is as of its document's date: two such figures
// disagree only when their documents have the same date (3.000 soldiers in October and
// 11.000 in December are a development, not a disagreement).
func comparable(a, b briefing.Figure, dateOf func(doc string) string) bool {
	if a.Sources[0] == b.Sources[0] {
		return false
	}
	ka, ok := comparableKey(a, dateOf)
	kb, okB := comparableKey(b, dateOf)
	return ok && okB && ka == kb
}

// comparableKey is what comparable compares, as one string: figures with the same key are
// comparable (unless they are the same sentence). ok is false for a figure that nothing is
// comparable with (no measure, or as of an undated document).
func comparableKey(f briefing.Figure, dateOf func(doc string) string) (string, bool) {
	if f.Measure == "" {
		return "", false
	}
	period := ""
	switch {
	case f.Period == nil || f.Period.To == "":
		// Without a period, or since a date, a figure is as of its document's date.
		d := dateOf(f.Sources[0].Doc)
		if d == "" {
			return "", false
		}
		period = "asof\x00" + d
		if f.Period != nil {
			period += "\x00" + f.Period.From
		}
	default:
		period = f.Period.From + "\x00" + f.Period.To
	}
	return strings.Join([]string{f.Measure, f.Unit, f.Subject, f.Modality, strconv.FormatBool(f.Qualifier == "average"), period}, "\x00"), true
}

func sameValue(a, b briefing.Figure) bool {
	return near(a.Value, b.Value) && (a.ValueMax == nil) == (b.ValueMax == nil) &&
		(a.ValueMax == nil || near(*a.ValueMax, *b.ValueMax))
}

// conflictFigures maps the sentence pairs that state one claim with different numbers to
// pairs of figure indices.
func (c *corpus) conflictFigures(figs []briefing.Figure) [][2]int {
	bySpan := map[briefing.Source]int{}
	for i, f := range figs {
		for _, s := range f.Sources {
			if _, ok := bySpan[s]; !ok {
				bySpan[s] = i
			}
		}
	}
	var out [][2]int
	for _, p := range c.conflicts {
		a, b := c.sents[p[0]], c.sents[p[1]]
		fa, okA := bySpan[briefing.Source{Doc: c.docs[a.doc].ID, Start: a.start, End: a.end}]
		fb, okB := bySpan[briefing.Source{Doc: c.docs[b.doc].ID, Start: b.start, End: b.end}]
		if okA && okB && fa != fb {
			out = append(out, [2]int{fa, fb})
		}
	}
	return out
}
