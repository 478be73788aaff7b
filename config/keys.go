package config

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
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

// UnknownKeys returns the keys of a decoded YAML document that Config does not have, with
// their full dotted path ("docs.dirr", "themes[2].lexicon.foo"), sorted.
func UnknownKeys(doc map[string]any) []string {
	var unknown []string
	unknownKeys(doc, reflect.TypeOf(Config{}), "", &unknown)
	sort.Strings(unknown)
	return unknown
}

func unknownKeys(m map[string]any, t reflect.Type, prefix string, out *[]string) {
	fields := map[string]reflect.Type{}
	for i := range t.NumField() {
		if name := tagName(t.Field(i)); name != "" {
			fields[name] = t.Field(i).Type
		}
	}
	for k, v := range m {
		path := k
		if prefix != "" {
			path = prefix + "." + k
		}
		ft, ok := fields[strings.ToLower(k)]
		if !ok {
			*out = append(*out, path)
			continue
		}
		checkValue(v, ft, path, out)
	}
}

func checkValue(v any, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if m, ok := v.(map[string]any); ok {
			unknownKeys(m, t, path, out)
		}
	case reflect.Slice:
		if list, ok := v.([]any); ok {
			for i, item := range list {
				checkValue(item, t.Elem(), path+"["+strconv.Itoa(i)+"]", out)
			}
		}
	}
}
