// Package config defines the briefing's configuration: its keys, their defaults and their
// validation. Loading (file, environment, flags) happens in cmd/briefing; this package only
// knows plain values.
package config

import (
	"fmt"
	"os"
	"slices"
	"time"
)

// Config is the whole configuration. Every key can be set in config.yaml, by an environment
// variable BRIEFING_<KEY> (nested keys joined by "_", e.g. BRIEFING_DOCS_DIR) and, for some
// keys, by a command-line flag; flags win over the environment, which wins over the file.
type Config struct {
	// Language of the briefing's wording and the fallback for documents: "de" or "en".
	Language string `mapstructure:"language"`
	// Timezone is the IANA zone of the edition date and the schedule ("Europe/Berlin").
	Timezone  string    `mapstructure:"timezone"`
	Briefing  Briefing  `mapstructure:"briefing"`
	Output    Output    `mapstructure:"output"`
	PDF       PDF       `mapstructure:"pdf"`
	Templates Templates `mapstructure:"templates"`
	Charts    []Chart   `mapstructure:"charts"`
	// Schedule is when "briefing serve" rebuilds: five cron fields or a descriptor such as
	// @daily or "@every 10m", in Timezone unless prefixed with CRON_TZ=.
	Schedule   string `mapstructure:"schedule"`
	RunOnStart bool   `mapstructure:"run_on_start"`
	// ShutdownGrace is how long a running build may take to finish after SIGTERM.
	ShutdownGrace time.Duration `mapstructure:"shutdown_grace"`
	// ScheduleMinInterval is the shortest time between two scheduled runs that the schedule
	// may ask for; a shorter one is an error (tests set it lower).
	ScheduleMinInterval time.Duration `mapstructure:"schedule_min_interval"`
	// BuildTimeout bounds a run of "serve": after it the run is cancelled and recorded as
	// failed, and a run that still goes on a minute later makes /healthz fail.
	BuildTimeout time.Duration `mapstructure:"build_timeout"`
	State        State         `mapstructure:"state"`
	HTTP         HTTP          `mapstructure:"http"`
	Delivery     Delivery      `mapstructure:"delivery"`
	Mail         Mail          `mapstructure:"mail"`
	Webhook      Webhook       `mapstructure:"webhook"`
	Docs         Docs          `mapstructure:"docs"`
	Log          Log           `mapstructure:"log"`
	Analysis     Analysis      `mapstructure:"analysis"`
	// Themes, Measures and Entities are the vocabulary of the analysis; config.yaml ships a
	// default set for the Korean peninsula and NATO's Indo-Pacific partners.
	Themes   []Theme   `mapstructure:"themes"`
	Measures []Measure `mapstructure:"measures"`
	Entities []Entity  `mapstructure:"entities"`
}

// Docs configures the documents folder.
type Docs struct {
	// Dir is the folder of source documents, read recursively.
	Dir string `mapstructure:"dir"`
	// MaxFileMB skips larger files with a warning.
	MaxFileMB int `mapstructure:"max_file_mb"`
}

// Log configures logging.
type Log struct {
	// Format is "auto" (text on a terminal, JSON otherwise), "text" or "json".
	Format string `mapstructure:"format"`
	// Level is "debug", "info", "warn" or "error".
	Level string `mapstructure:"level"`
}

// Default returns the configuration used where config.yaml is silent.
func Default() Config {
	return Config{
		Language: "de",
		Timezone: "Europe/Berlin",
		Briefing: Briefing{Title: "Lagebild", Marking: "VS – NUR FÜR DEN DIENSTGEBRAUCH"},
		Output:   Output{File: "out/briefing.pdf", Dir: "out", Keep: 30},
		Schedule: "0 6 * * *", ShutdownGrace: 30 * time.Second, ScheduleMinInterval: time.Minute,
		BuildTimeout: 10 * time.Minute,
		State:        State{Dir: "state", History: 200, SkipUnchanged: true, Cache: true},
		HTTP:         HTTP{Listen: "127.0.0.1:8080"},
		Delivery:     Delivery{Attempts: 5, BaseDelay: 2 * time.Second, MaxDelay: time.Minute},
		Mail:         Mail{Port: 587, TLS: "starttls"},
		PDF: PDF{Paper: "A4", Orientation: "portrait", StatementsPerTheme: 4, KeyJudgements: 5,
			KeyFigures: 10, TimelineEvents: 12, ChartDPI: 220, MaxBars: 6, MaxCites: 4},
		Docs:     Docs{Dir: "seeds", MaxFileMB: 20},
		Log:      Log{Format: "auto", Level: "info"},
		Analysis: Analysis{StatementsPerTheme: 10, MinThemeScore: 2, Candidates: 300, DuplicateSimilarity: 0.5},
	}
}

// Problem is one invalid setting.
type Problem struct {
	Key     string
	Value   any
	Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s = %q: %s", p.Key, fmt.Sprint(p.Value), p.Message)
}

// Validate checks every setting and returns all problems found.
func (c Config) Validate() []Problem {
	var ps []Problem
	add := func(key string, value any, format string, args ...any) {
		ps = append(ps, Problem{Key: key, Value: value, Message: fmt.Sprintf(format, args...)})
	}
	oneOf := func(key, value string, allowed ...string) {
		if !slices.Contains(allowed, value) {
			add(key, value, "must be one of %v", allowed)
		}
	}
	oneOf("language", c.Language, "de", "en")
	oneOf("log.format", c.Log.Format, "auto", "text", "json")
	oneOf("log.level", c.Log.Level, "debug", "info", "warn", "error")
	if c.Docs.Dir == "" {
		add("docs.dir", c.Docs.Dir, "must name the documents folder")
	} else if fi, err := os.Stat(c.Docs.Dir); err != nil {
		add("docs.dir", c.Docs.Dir, "cannot read the folder: %v", err)
	} else if !fi.IsDir() {
		add("docs.dir", c.Docs.Dir, "is not a folder")
	}
	if c.Docs.MaxFileMB < 1 || c.Docs.MaxFileMB > 4096 {
		add("docs.max_file_mb", c.Docs.MaxFileMB, "must be between 1 and 4096")
	}
	validateAnalysis(c, add)
	validateOutput(c, add)
	validateServe(c, add)
	return ps
}
