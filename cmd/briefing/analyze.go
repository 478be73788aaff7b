package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/config"
)

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", "Analyse the documents and print the model as JSON on stdout.", stderr)
	configFlags(fs)
	fs.String("docs", "", "documents folder (config docs.dir, env BRIEFING_DOCS_DIR)")
	cfg, log, err := setup(fs, args, stderr)
	if err != nil {
		return err
	}
	edition, err := editionTime("", time.Now)
	if err != nil {
		return err
	}
	model, err := build.Model(ctx, cfg, edition, log)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(model); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// setup parses a command's flags, loads and validates the configuration and makes the logger.
func setup(fs *pflag.FlagSet, args []string, stderr io.Writer) (config.Config, *slog.Logger, error) {
	if err := parseFlags(fs, args, false); err != nil {
		return config.Config{}, nil, err
	}
	return loadChecked(fs, stderr)
}

// loadChecked loads and validates the configuration of parsed flags and makes the logger.
func loadChecked(fs *pflag.FlagSet, stderr io.Writer) (config.Config, *slog.Logger, error) {
	cfg, path, err := loadConfig(fs)
	if err != nil {
		return config.Config{}, nil, err
	}
	if err := checkConfig(cfg, path); err != nil {
		return config.Config{}, nil, err
	}
	log := newLogger(stderr, cfg.Log)
	for _, w := range config.UnknownEnv(os.Environ()) {
		log.Warn(w)
	}
	return cfg, log, nil
}

// checkConfig turns validation problems into one error listing them all, each with where
// its value came from (the file's line or the environment variable).
func checkConfig(cfg config.Config, path string) error {
	problems := build.Validate(cfg)
	if len(problems) == 0 {
		return nil
	}
	msg := "invalid configuration:"
	for _, p := range origins(path).Locate(problems) {
		msg += "\n  " + p
	}
	return fmt.Errorf("%s", msg)
}

// origins reads where each setting of the configuration file at path (if any) stands.
func origins(path string) config.Origins {
	var raw []byte
	if path != "" {
		raw, _ = os.ReadFile(path)
	}
	return config.NewOrigins(path, raw, os.LookupEnv)
}
