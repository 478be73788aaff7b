package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Flatten returns every key of v (a Config or part of one) with its value, nested keys joined
// by ".", as named by the mapstructure tags. Lists of values count as single values; lists of
// records are left out.
func Flatten(v any) map[string]any {
	out := map[string]any{}
	flatten(reflect.ValueOf(v), "", out)
	return out
}

func flatten(v reflect.Value, prefix string, out map[string]any) {
	t := v.Type()
	for i := range t.NumField() {
		key := tagName(t.Field(i))
		if key == "" {
			continue
		}
		if prefix != "" {
			key = prefix + "." + key
		}
		f := v.Field(i)
		switch {
		case f.Kind() == reflect.Struct:
			flatten(f, key, out)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			// Lists of records (themes) come from the file only.
		default:
			out[key] = f.Interface()
		}
	}
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// UnknownEnv returns a warning for every BRIEFING_* variable of environ that sets no key
// ("BRIEFING_MAIL_PASWORD": a misspelt password was silently ignored), with the nearest
// variable that does.
func UnknownEnv(environ []string) []string {
	known := map[string]bool{"BRIEFING_CONFIG": true}
	for key := range Flatten(Default()) {
		known[EnvName(key)] = true
	}
	var out []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "BRIEFING_") || known[name] {
			continue
		}
		best, bestD := "", 4 // further than three edits is no guess
		for k := range known {
			if d := editDistance(name, k); d < bestD || d == bestD && k < best {
				best, bestD = k, d
			}
		}
		msg := name + " is not a configuration variable"
		if best != "" {
			msg += " (did you mean " + best + "?)"
		}
		out = append(out, msg)
	}
	sort.Strings(out)
	return out
}

// EnvName is the environment variable of a configuration key: docs.dir → BRIEFING_DOCS_DIR.
func EnvName(key string) string {
	return "BRIEFING_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// editDistance is the Levenshtein distance of two strings of bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Origins tells where the value of a key came from, for messages that point the user at it:
// "config.yaml:42" for a key of the file, "BRIEFING_PDF_CHART_DPI" when the environment set it
// (which wins over the file).
type Origins struct {
	file  string
	lines map[string]int
	env   func(string) (string, bool)
}

// NewOrigins reads the line of every key of a YAML document (nil when there is no file);
// lookupEnv is os.LookupEnv or a stand-in.
func NewOrigins(file string, raw []byte, lookupEnv func(string) (string, bool)) Origins {
	o := Origins{file: file, lines: map[string]int{}, env: lookupEnv}
	var doc yaml.Node
	if raw != nil && yaml.Unmarshal(raw, &doc) == nil && len(doc.Content) > 0 {
		keyLines(doc.Content[0], "", o.lines)
	}
	return o
}

func keyLines(n *yaml.Node, prefix string, out map[string]int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if prefix != "" {
				key = prefix + "." + key
			}
			out[key] = n.Content[i].Line
			keyLines(n.Content[i+1], key, out)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			key := fmt.Sprintf("%s[%d]", prefix, i)
			out[key] = c.Line
			keyLines(c, key, out)
		}
	}
}

// Of returns where key's value came from, or "" when it is a default.
func (o Origins) Of(key string) string {
	base := key
	if i := strings.IndexAny(base, "[ "); i >= 0 {
		base = base[:i]
	}
	if o.env != nil {
		if _, ok := o.env(EnvName(base)); ok {
			return EnvName(base)
		}
	}
	for k := key; k != ""; {
		if line, ok := o.lines[k]; ok {
			return fmt.Sprintf("%s:%d", o.file, line)
		}
		i := strings.LastIndexAny(k, ".[")
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return ""
}

// Locate prefixes each problem with where its value came from.
func (o Origins) Locate(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
		if at := o.Of(p.Key); at != "" {
			out[i] = at + ": " + out[i]
		}
	}
	return out
}
