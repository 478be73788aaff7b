package config

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"gopkg.in/yaml.v3"
)

// FromYAML returns the defaults overlaid with a YAML configuration document, without
// environment variables or flags. Unknown keys are an error that names them all, with their
// paths (mapstructure's strict mode, ErrorUnused).
func FromYAML(raw []byte) (Config, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	c := Default()
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: &c, WeaklyTypedInput: true, TagName: "mapstructure",
		DecodeHook: DecodeHook(), ErrorUnused: true})
	if err != nil {
		return Config{}, err
	}
	if err := dec.Decode(doc); err != nil {
		return Config{}, fmt.Errorf("decode: %w", err)
	}
	return c, nil
}

// DecodeHook converts and checks values as configuration keys need them: a duration needs a
// unit ("30s"; a bare 30 was 30 ns, and builds were aborted at once on SIGTERM), a whole
// number may not have a fraction (1.5 was silently 1), and lists may be written as "a,b".
func DecodeHook() mapstructure.DecodeHookFunc {
	return mapstructure.ComposeDecodeHookFunc(durationWithUnit, wholeNumber,
		mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(","))
}

var durationType = reflect.TypeOf(time.Duration(0))

func durationWithUnit(from, to reflect.Type, data any) (any, error) {
	if to != durationType || from == durationType {
		return data, nil
	}
	switch v := data.(type) {
	case string:
		if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return nil, fmt.Errorf("duration %q needs a unit (s, m, h: \"30s\")", v)
		}
	default:
		// A number without a unit; only zero means the same in every unit.
		if rv := reflect.ValueOf(data); rv.CanFloat() && rv.Float() != 0 || rv.CanInt() && rv.Int() != 0 || rv.CanUint() && rv.Uint() != 0 {
			return nil, fmt.Errorf("duration %v needs a unit (s, m, h: \"30s\")", v)
		}
	}
	return data, nil
}

func wholeNumber(from, to reflect.Type, data any) (any, error) {
	switch to.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
	default:
		return data, nil
	}
	var f float64
	switch v := data.(type) {
	case float64:
		f = v
	case float32:
		f = float64(v)
	case string:
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || strings.IndexAny(v, ".eE") < 0 {
			return data, nil
		}
		f = x
	default:
		return data, nil
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return nil, fmt.Errorf("%v is not a whole number in range", data)
	}
	return int64(f), nil
}

// ReadFile returns the defaults overlaid with the YAML configuration file at path, without
// environment variables or flags (for the evaluation and for tests).
func ReadFile(path string) (Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read %s: %w", path, err)
	}
	c, err := FromYAML(raw)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}
