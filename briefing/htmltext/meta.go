package htmltext

import (
	"encoding/json"
	"strings"
)

// metaSource says which Page.Meta key a <meta> name feeds and how much it is trusted
// (lower wins).
type metaSource struct {
	key   string
	prio  int
	noURL bool // skip values that are links (article:author is often a profile URL)
}

// metaSources maps lower-cased <meta> name, property, itemprop and http-equiv values.
var metaSources = func() map[string]metaSource {
	m := map[string]metaSource{}
	add := func(key string, noURL bool, names ...string) {
		for i, n := range names {
			m[n] = metaSource{key, i, noURL}
		}
	}
	add("author", true, "author", "article:author", "dc.creator", "dcterms.creator",
		"parsely-author", "sailthru.author", "byl")
	add("date", false, "article:published_time", "og:published_time", "published_time",
		"date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
		"dcterms.created", "datepublished", "pubdate", "publishdate", "publish-date",
		"parsely-pub-date", "sailthru.date")
	add("publisher", true, "og:site_name", "publisher", "dc.publisher", "dcterms.publisher",
		"article:publisher", "application-name")
	add("description", false, "description", "og:description", "twitter:description",
		"dc.description", "dcterms.description")
	add("language", false, "content-language", "dc.language", "dcterms.language",
		"og:locale", "language", "inlanguage")
	add("url", false, "og:url", "twitter:url", "dc.identifier", "url")
	return m
}()

type metaSet struct {
	values map[string]string
	prio   map[string]int
}

func (m *metaSet) add(at *attrs) {
	if !at.hasContent {
		return
	}
	v := collapse([]byte(at.content))
	if v == "" {
		return
	}
	for _, names := range [...]string{at.name, at.property, at.itemprop, at.httpEquiv} {
		for _, n := range strings.Fields(strings.ToLower(names)) {
			src, ok := metaSources[n]
			if !ok || src.noURL && isURL(v) {
				continue
			}
			val := v
			if src.key == "author" {
				val = strings.TrimFunc(cutPrefixFold(val, "by "), isEdgeSpace)
			}
			if src.key == "language" {
				if val = lang2(val); val == "" {
					continue
				}
			}
			if p, seen := m.prio[src.key]; seen && p <= src.prio || val == "" {
				continue
			}
			m.values[src.key], m.prio[src.key] = val, src.prio
		}
	}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}

func cutPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// parseLD reads author, date, publisher, description and language of the first
// article described by a JSON-LD script into m (first value wins). Bad JSON is ignored.
func parseLD(data []byte, m map[string]string) {
	if len(data) == 0 {
		return
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return
	}
	walkLD(v, m, 0)
}

func walkLD(v any, m map[string]string, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			walkLD(e, m, depth+1)
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			setOnce(m, "author", ldNames(t["author"]))
			setOnce(m, "date", ldString(t["datePublished"]))
			setOnce(m, "date", ldString(t["dateCreated"]))
			setOnce(m, "publisher", ldNames(t["publisher"]))
			setOnce(m, "description", ldString(t["description"]))
			setOnce(m, "language", lang2(ldString(t["inLanguage"])))
		}
		walkLD(t["@graph"], m, depth+1)
		walkLD(t["mainEntity"], m, depth+1)
	}
}

func setOnce(m map[string]string, k, v string) {
	if v = collapse([]byte(v)); v != "" && m[k] == "" {
		m[k] = v
	}
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	s, _ := v.(string)
	return s
}

// ldNames is the name of a person or organisation, or the names of several joined by
// ", "; links are not names.
func ldNames(v any) string {
	switch t := v.(type) {
	case string:
		if isURL(t) {
			return ""
		}
		return t
	case map[string]any:
		return ldNames(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if _, nested := e.([]any); nested {
				continue
			}
			if n := strings.TrimSpace(ldNames(e)); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
