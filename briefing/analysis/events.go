package analysis

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/secbrief/briefing/briefing"
)

// events returns the dated statements of the corpus for a timeline, sorted by date: every
// sentence of a theme that names a point in time (a day, a month, a year, a season or half
// year; not a range or a "since"). A claim stated by several documents is one event with
// several sources.
func (c *corpus) events() []briefing.Event {
	type keyed struct {
		ev   briefing.Event
		from string
	}
	var list []keyed
	seen := map[string]bool{}
	themesOf := map[int][]string{}      // cluster -> its themes, found once per cluster
	named := map[int]map[string][]int{} // cluster -> date -> the members that date an event with it
	for si, s := range c.sents {
		if s.heading || len(s.themes) == 0 || c.docs[s.doc].Background {
			continue
		}
		for _, e := range s.exprs {
			if !pointInTime(e.Value, e.Mod) || !datesAnEvent(s.text, e.Start, e.End) {
				continue
			}
			key := e.Value + "\x00" + strconv.Itoa(s.cluster)
			if seen[key] {
				continue
			}
			seen[key] = true
			// A near-copy in another document that names another day ("the DPRK's January 6
			// launch" beside "the DPRK's October 30 launch") is another event.
			byValue, ok := named[s.cluster]
			if !ok {
				byValue = c.namedDates(s.cluster)
				named[s.cluster] = byValue
			}
			members := append([]int{si}, without(byValue[e.Value], si)...)
			themes, ok := themesOf[s.cluster]
			if !ok {
				themes = c.clusterThemes(s.cluster)
				themesOf[s.cluster] = themes
			}
			list = append(list, keyed{briefing.Event{
				Date: e.Value, Text: s.text, Themes: slices.Clone(themes), Sources: c.sources(members),
			}, e.From})
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].from != list[j].from {
			return list[i].from < list[j].from
		}
		return list[i].ev.Date < list[j].ev.Date
	})
	out := make([]briefing.Event, len(list))
	for i, k := range list {
		out[i] = k.ev
	}
	return out
}

// namedDates returns, for each date that a member of a cluster names as the date of an event,
// the members that name it, in the cluster's order: a cluster of a thousand reposts is read
// once, not once per date.
func (c *corpus) namedDates(cluster int) map[string][]int {
	out := map[string][]int{}
	for _, m := range c.clusters[cluster] {
		s := c.sents[m]
		for _, e := range s.exprs {
			if list := out[e.Value]; (len(list) == 0 || list[len(list)-1] != m) && datesAnEvent(s.text, e.Start, e.End) {
				out[e.Value] = append(list, m)
			}
		}
	}
	return out
}

// datesAnEvent reports whether the expression at text[start:end] dates something that
// happens. Not: a year in parentheses after a number ("resolution 1718 (2006)",
// "S/RES/2680(2023)"), a year in a name ("NATO 2030 agenda"), a deadline ("extended until 30
// April 2025", "bis zum 30. April").
func datesAnEvent(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	if strings.HasSuffix(before, "(") {
		inner := strings.TrimRight(strings.TrimSuffix(before, "("), " ")
		if inner != "" && (inner[len(inner)-1] >= '0' && inner[len(inner)-1] <= '9' || inner[len(inner)-1] == '/') {
			return false
		}
		if r, _ := utf8.DecodeLastRuneInString(inner); unicode.IsLetter(r) && isCitation(inner) {
			return false
		}
	}
	if phrase := strings.ToLower(text[start:end]); strings.HasPrefix(phrase, "until ") || strings.HasPrefix(phrase, "bis ") {
		return false
	}
	words := strings.Fields(before[max(0, len(before)-64):]) // the last words are enough
	if len(words) > 0 {
		last := strings.ToLower(strings.Trim(words[len(words)-1], ",;"))
		switch last {
		case "until", "till", "bis", "zum", "spätestens", "deadline":
			if last != "zum" || len(words) > 1 && strings.ToLower(words[len(words)-2]) == "bis" {
				return false
			}
		}
		if w := words[len(words)-1]; len(w) >= 2 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 && text[start] >= '0' && text[start] <= '9' {
			return false // "NATO 2030", "G20 2024"
		}
	}
	return true
}

// isCitation reports a reference before a parenthesised year: "S/RES/2680", "Resolution".
func isCitation(s string) bool {
	fields := strings.Fields(s)
	w := strings.ToLower(fields[len(fields)-1])
	return strings.Contains(w, "/") || strings.HasPrefix(w, "resolution")
}

// pointInTime reports an expression that dates an event: not an interval, a "since" or a
// decade.
func pointInTime(value, mod string) bool {
	return value != "" && mod != "since" && !strings.ContainsAny(value, "/X")
}

// clusterThemes returns the ids of the themes any member of a cluster belongs to.
func (c *corpus) clusterThemes(cluster int) []string {
	ids := []string{}
	for _, m := range c.clusters[cluster] {
		for _, t := range sortedKeys(c.sents[m].themes) {
			if id := c.themeIDs[t]; !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func without(list []int, x int) []int {
	out := make([]int, 0, len(list))
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
