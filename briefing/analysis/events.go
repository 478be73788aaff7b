package analysis

import (
	"slices"
	"sort"
	"strconv"
	"strings"

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
	for si, s := range c.sents {
		if s.heading || len(s.themes) == 0 {
			continue
		}
		for _, e := range s.exprs {
			if !pointInTime(e.Value, e.Mod) {
				continue
			}
			key := e.Value + "\x00" + strconv.Itoa(s.cluster)
			if seen[key] {
				continue
			}
			seen[key] = true
			members := append([]int{si}, without(c.clusters[s.cluster], si)...)
			list = append(list, keyed{briefing.Event{
				Date: e.Value, Text: s.text, Themes: c.clusterThemes(s.cluster), Sources: c.sources(members),
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
