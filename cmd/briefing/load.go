package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/secbrief/briefing/config"
)

// defaultConfigFile is read when it exists and no --config flag or BRIEFING_CONFIG is given.
const defaultConfigFile = "config.yaml"

// configFlags adds the flags every command that reads the configuration has.
func configFlags(flags *pflag.FlagSet) {
	flags.String("config", "", "configuration file (default: $BRIEFING_CONFIG or ./config.yaml)")
}

// flagKeys maps command-line flags to the configuration keys they override.
var flagKeys = map[string]string{
	"docs": "docs.dir",
	"out":  "output.file",
}

// loadConfig merges defaults, the configuration file, BRIEFING_* environment variables and
// the flags that were set, in rising order of precedence. Unknown keys in the file are an
// error that names them.
func loadConfig(flags *pflag.FlagSet) (config.Config, string, error) {
	v := viper.New()
	for key, value := range config.Flatten(config.Default()) {
		v.SetDefault(key, value)
	}
	v.SetEnvPrefix("BRIEFING")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	path, explicit := configPath(flags)
	if path != "" {
		if err := readConfigFile(v, path); err != nil {
			if !explicit && errors.Is(err, os.ErrNotExist) {
				path = ""
			} else {
				return config.Config{}, path, err
			}
		}
	}
	for flag, key := range flagKeys {
		if f := flags.Lookup(flag); f != nil && f.Changed {
			if err := v.BindPFlag(key, f); err != nil {
				return config.Config{}, path, fmt.Errorf("bind flag --%s: %w", flag, err)
			}
		}
	}
	var c config.Config
	// Strict: a key of the file that Config does not have is an error naming its path.
	strict := func(dc *mapstructure.DecoderConfig) { dc.ErrorUnused = true }
	if err := v.Unmarshal(&c, viper.DecodeHook(config.DecodeHook()), strict); err != nil {
		return config.Config{}, path, fmt.Errorf("config %s: %w", orDefaults(path), err)
	}
	return c, path, nil
}

// configPath returns the configuration file to read and whether the user named it.
func configPath(flags *pflag.FlagSet) (string, bool) {
	if f := flags.Lookup("config"); f != nil && f.Changed {
		return f.Value.String(), true
	}
	if p := os.Getenv("BRIEFING_CONFIG"); p != "" {
		return p, true
	}
	return defaultConfigFile, false
}

// readConfigFile reads a YAML file into v after checking it for unknown keys.
func readConfigFile(v *viper.Viper, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config %s: %w", path, err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("parse config %s: %w", path, err)
	}
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader(string(raw))); err != nil {
		return fmt.Errorf("parse config %s: %w", path, err)
	}
	return nil
}
