package config

import (
	"strings"
	"testing"
	"time"
)

func TestProjectConfigIsValid(t *testing.T) {
	c, err := ReadFile("../config.yaml")
	if err != nil {
		t.Fatalf("config.yaml: %v", err)
	}
	t.Chdir("..")
	if ps := c.Validate(); len(ps) > 0 {
		t.Errorf("config.yaml has problems: %v", ps)
	}
	ids := map[string]bool{}
	for _, th := range c.Themes {
		ids[th.ID] = true
	}
	for _, want := range []string{"alliance", "sanctions", "nato"} {
		if !ids[want] {
			t.Errorf("config.yaml lacks the theme %q", want)
		}
	}
}

func TestDaylightSavingWarning(t *testing.T) {
	for spec, warn := range map[string]bool{
		"30 2 * * *": true, "0 2 * * 0": true, "0 6 * * *": false, "@daily": false, "@every 1h": false,
		"CRON_TZ=UTC 30 2 * * *": false, "*/15 * * * *": true,
	} {
		c := Default()
		c.Schedule = spec
		if got := c.DaylightSavingWarning() != ""; got != warn {
			t.Errorf("schedule %q: warning %v, want %v", spec, got, warn)
		}
	}
}

func TestUnknownKeysAreNamedWithTheirPath(t *testing.T) {
	_, err := FromYAML([]byte("docs:\n  dirr: x\nthemes:\n  - id: a\n    lexicon:\n      - weight: 1\n        termz: [x]\n"))
	for _, want := range []string{`'themes[0].lexicon[0]' has invalid keys: termz`, `'docs' has invalid keys: dirr`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q: every unknown key, with its path", err, want)
		}
	}
}

func TestValidateNamesKeyAndValue(t *testing.T) {
	c := Default()
	c.Docs.Dir = t.TempDir()
	c.Language = "fr"
	c.Analysis.DuplicateSimilarity = 2
	c.Themes = []Theme{{ID: "a", Title: Titles{De: "A"}, Lexicon: []TermGroup{{Weight: 0, Terms: []string{"x"}}}}, {ID: "a", Title: Titles{De: "B"}}}
	c.Measures = []Measure{{ID: "m", Kind: "dollars", Terms: []string{"x"}}}
	c.Entities = []Entity{{ID: "nk", Terms: []string{"Nordkorea"}}}
	c.Analysis.Subject = []string{"nk", "narnia", "nk+atlantis"}
	c.Briefing.Window = "thirty days"
	var got []string
	for _, p := range c.Validate() {
		got = append(got, p.String())
	}
	for _, want := range []string{
		`language = "fr": must be one of [de en]`,
		`analysis.duplicate_similarity = "2": must be in (0, 1]`,
		`themes[0].lexicon[0].weight = "0": must be greater than 0`,
		`themes[1].id = "a": is used by another theme`,
		`themes[1].lexicon = "": needs at least one group of terms`,
		`analysis.subject[1] = "narnia": "narnia" is not the id of an entity`,
		`analysis.subject[2] = "nk+atlantis": "atlantis" is not the id of an entity`,
		`briefing.window = "thirty days": want a positive length such as 30d, 8w or 720h`,
	} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("problems lack %q:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

func TestTheWindowStartsItsLengthBeforeTheEdition(t *testing.T) {
	edition := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	for window, want := range map[string]string{"": "", "30d": "2026-10-25", "2w": "2026-11-10", "48h": "2026-11-22"} {
		if got := (Briefing{Window: window}).Since(edition); got != want {
			t.Errorf("window %q: since %q, want %q", window, got, want)
		}
	}
	for _, bad := range []string{"0d", "-3w", "xd", "soon"} {
		if _, err := (Briefing{Window: bad}).WindowLength(); err == nil {
			t.Errorf("window %q is accepted", bad)
		}
	}
}

// Values that were accepted and did something else: a duration without a unit (30 ns), a
// fraction where a whole number goes (truncated), a schedule that never fires or fires every
// millisecond, an ftp link, a DPI that config validate passed and generate refused, a file
// size limit that overflowed.
func TestValuesThatMeantSomethingElseAreRefused(t *testing.T) {
	for _, bad := range []string{"shutdown_grace: 30\n", "delivery:\n  base_delay: 2\n", "docs:\n  max_file_mb: 1.5\n"} {
		if _, err := FromYAML([]byte(bad)); err == nil {
			t.Errorf("%q is accepted", bad)
		}
	}
	if c, err := FromYAML([]byte("shutdown_grace: 30s\ndocs:\n  max_file_mb: 20\n")); err != nil || c.ShutdownGrace != 30*time.Second || c.Docs.MaxFileMB != 20 {
		t.Errorf("valid values: %+v, %v", c.ShutdownGrace, err)
	}
	c := Default()
	c.Docs.Dir = t.TempDir()
	c.Webhook = Webhook{Enabled: true, URL: "https://hooks.example.org/x", Secret: "s", LinkBase: "ftp://x"}
	c.PDF.ChartDPI = 180
	c.Docs.MaxFileMB = 9999999999999
	var got []string
	for _, schedule := range []string{"0 6 30 2 *", "@every 0s", "@every 1ms", "* * * * *"} {
		c.Schedule = schedule
		c.ScheduleMinInterval = 2 * time.Minute
		for _, p := range c.Validate() {
			got = append(got, p.String())
		}
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`schedule = "0 6 30 2 *": never fires`,
		`schedule = "@every 0s": runs more often than every 2m0s`,
		`schedule = "@every 1ms": runs more often`,
		`schedule = "* * * * *": runs more often`,
		`webhook.link_base = "ftp://x": must be an http or https URL`,
		`docs.max_file_mb = "9999999999999": must be between 1 and 4096`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
}

// A misspelt BRIEFING_* variable is named with the variable it was probably meant to be.
func TestUnknownEnvironmentVariablesAreNamed(t *testing.T) {
	got := UnknownEnv([]string{"BRIEFING_MAIL_PASWORD=x", "BRIEFING_MAIL_PASSWORD=y", "BRIEFING_CONFIG=c.yaml", "HOME=/root", "BRIEFING_XYZZY_FOO=1"})
	want := []string{
		"BRIEFING_MAIL_PASWORD is not a configuration variable (did you mean BRIEFING_MAIL_PASSWORD?)",
		"BRIEFING_XYZZY_FOO is not a configuration variable",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("UnknownEnv = %q, want %q", got, want)
	}
}

// A file with five mistakes gets all five in one pass, each with its line, and a value that
// came from the environment names the variable.
func TestProblemsNameTheirLineOrVariable(t *testing.T) {
	raw := []byte("language: fr\n\nschedule: \"0 6 30 2 *\"\npdf:\n  chart_dpi: 180\ndocs:\n  dir: .\n  max_file_mb: 0\nwebhook:\n  enabled: true\n  url: ftp://x\n  secret: s\n")
	c, err := FromYAML(raw)
	if err != nil {
		t.Fatal(err)
	}
	c.Output.Keep = 0 // as BRIEFING_OUTPUT_KEEP=0 would set it
	env := func(name string) (string, bool) { return "0", name == "BRIEFING_OUTPUT_KEEP" }
	got := strings.Join(NewOrigins("config.yaml", raw, env).Locate(c.Validate()), "\n")
	for _, want := range []string{
		`config.yaml:1: language = "fr"`,
		`config.yaml:3: schedule = "0 6 30 2 *"`,
		`config.yaml:8: docs.max_file_mb = "0"`,
		`config.yaml:11: webhook.url = "ftp://x"`,
		`BRIEFING_OUTPUT_KEEP: output.keep = "0"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
