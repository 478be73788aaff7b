package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/secbrief/briefing/build"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/report"
)

func runConfig(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "validate" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stdout, "Usage: briefing config validate [--config FILE]")
			return nil
		}
		return usageError{"config: want the subcommand \"validate\""}
	}
	fs := newFlags("config validate", "Check every configuration setting and print each problem with its key and value.", stderr)
	configFlags(fs)
	if err := parseFlags(fs, args[1:], false); err != nil {
		return err
	}
	cfg, path, err := loadConfig(fs)
	if err != nil {
		return err
	}
	problems := build.Validate(cfg)
	for _, p := range origins(path).Locate(problems) {
		fmt.Fprintln(stdout, p)
	}
	if _, err := report.LoadWording(cfg.Language, cfg.Templates.Dir); err != nil {
		fmt.Fprintf(stdout, "templates.dir = %q: %v\n", cfg.Templates.Dir, err)
		problems = append(problems, config.Problem{Key: "templates.dir"})
	}
	if w := cfg.DaylightSavingWarning(); w != "" {
		fmt.Fprintln(stdout, "warning: "+w)
	}
	for _, w := range config.UnknownEnv(os.Environ()) {
		fmt.Fprintln(stdout, "warning: "+w)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %d problem(s)", orDefaults(path), len(problems))
	}
	fmt.Fprintf(stdout, "%s: configuration is valid\n", orDefaults(path))
	return nil
}

func orDefaults(path string) string {
	if path == "" {
		return "defaults"
	}
	return path
}
