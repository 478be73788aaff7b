package config

import (
	"fmt"

	"github.com/go-viper/mapstructure/v2"
	"gopkg.in/yaml.v3"
)

// FromYAML returns the defaults overlaid with a YAML configuration document, without
// environment variables or flags. Unknown keys are an error that names them.
func FromYAML(raw []byte) (Config, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return Config{}, fmt.Errorf("parse: %w", err)
	}
	if unknown := UnknownKeys(doc); len(unknown) > 0 {
		return Config{}, fmt.Errorf("unknown key %q", unknown[0])
	}
	c := Default()
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: &c, WeaklyTypedInput: true, TagName: "mapstructure",
		DecodeHook: mapstructure.ComposeDecodeHookFunc(mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(","))})
	if err != nil {
		return Config{}, err
	}
	if err := dec.Decode(doc); err != nil {
		return Config{}, fmt.Errorf("decode: %w", err)
	}
	return c, nil
}
