package deploy

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	yaml3 "gopkg.in/yaml.v3"
)

var composeFile = filepath.Join("..", "compose.yaml")

// compose is the part of the Compose specification that compose.yaml uses; decoding is
// strict, so a key outside it (a typo, or a new feature) needs a field here first.
type compose struct {
	Name     string                     `yaml:"name"`
	Services map[string]composeService  `yaml:"services"`
	Volumes  map[string]*composeVolume  `yaml:"volumes"`
	Networks map[string]*composeNetwork `yaml:"networks"`
}

type composeService struct {
	Build           string                      `yaml:"build"`
	Image           string                      `yaml:"image"`
	Command         []string                    `yaml:"command"`
	Environment     map[string]string           `yaml:"environment"`
	Ports           []string                    `yaml:"ports"`
	Volumes         []string                    `yaml:"volumes"`
	Healthcheck     *composeHealthcheck         `yaml:"healthcheck"`
	DependsOn       map[string]composeDependsOn `yaml:"depends_on"`
	StopGracePeriod string                      `yaml:"stop_grace_period"`
	Restart         string                      `yaml:"restart"`
}

type composeHealthcheck struct {
	Test        []string `yaml:"test"`
	Interval    string   `yaml:"interval"`
	Timeout     string   `yaml:"timeout"`
	StartPeriod string   `yaml:"start_period"`
	Retries     int      `yaml:"retries"`
}

type composeDependsOn struct {
	Condition string `yaml:"condition"`
}

type composeVolume struct {
	Driver string `yaml:"driver"`
}

type composeNetwork struct {
	Driver string `yaml:"driver"`
}

func loadCompose(t *testing.T) compose {
	t.Helper()
	raw, err := os.ReadFile(composeFile)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml3.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var c compose
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("%s: %v", composeFile, err)
	}
	return c
}

// TestComposeFileFollowsTheSpecification loads compose.yaml as docker compose does: the
// Compose specification's schema, interpolation of ${...}, normalisation.
func TestComposeFileFollowsTheSpecification(t *testing.T) {
	tests := []struct {
		name      string
		env       types.Mapping
		wantToken string
		wantErr   string
	}{
		{"without the tokens compose refuses to start (no placeholder protects anything)", types.Mapping{}, "", "required variable BRIEFING_HTTP_TOKEN"},
		{"the tokens come from the environment or .env",
			types.Mapping{"BRIEFING_HTTP_TOKEN": "s3cret-0123456789abcdef", "BRIEFING_HTTP_READ_TOKEN": "read-0123456789abcdef"}, "s3cret-0123456789abcdef", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := mustAbs(t, "..")
			p, err := loader.LoadWithContext(t.Context(), types.ConfigDetails{
				WorkingDir:  repo,
				ConfigFiles: []types.ConfigFile{{Filename: composeFile}},
				Environment: tt.env,
			}, func(o *loader.Options) { o.SetProjectName("briefing", true) })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("%s: err = %v, want %q", composeFile, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", composeFile, err)
			}
			svc, err := p.GetService("briefing")
			if err != nil {
				t.Fatal(err)
			}
			token := svc.Environment["BRIEFING_HTTP_TOKEN"]
			if token == nil || *token != tt.wantToken {
				t.Errorf("BRIEFING_HTTP_TOKEN = %v, want %q", token, tt.wantToken)
			}
			if svc.Build == nil || svc.Build.Context != repo || svc.Build.Dockerfile != "Dockerfile" {
				t.Errorf("briefing builds from %+v, want the repository's Dockerfile", svc.Build)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestComposeRunsTheDaemonWithMailpit(t *testing.T) {
	c := loadCompose(t)
	b, ok := c.Services["briefing"]
	if !ok {
		t.Fatal("no service briefing")
	}
	mp, ok := c.Services["mailpit"]
	if !ok {
		t.Fatal("no service mailpit")
	}

	if b.Build != "." || b.Image != "briefing:latest" {
		t.Errorf("briefing: build %q, image %q; want . and briefing:latest", b.Build, b.Image)
	}
	if !slices.Equal(b.Command, []string{"serve"}) {
		t.Errorf("briefing: command %v, want [serve]", b.Command)
	}
	// Published on the loopback interface only: the editions are marked VS-NfD.
	if !slices.Equal(b.Ports, []string{"127.0.0.1:8080:8080"}) {
		t.Errorf("briefing: ports %v, want 127.0.0.1:8080:8080", b.Ports)
	}
	if b.Healthcheck == nil || !slices.Equal(b.Healthcheck.Test, []string{"CMD", "/briefing", "healthcheck"}) {
		t.Errorf("briefing: healthcheck %+v, want [CMD /briefing healthcheck] (the image has no shell)", b.Healthcheck)
	}
	if _, ok := b.DependsOn["mailpit"]; !ok {
		t.Error("briefing: does not depend on mailpit")
	}
	if b.Environment["BRIEFING_SCHEDULE"] == "" {
		t.Error("briefing: BRIEFING_SCHEDULE must be set")
	}
	for _, k := range []string{"BRIEFING_HTTP_TOKEN", "BRIEFING_HTTP_READ_TOKEN"} {
		if v := b.Environment[k]; !strings.HasPrefix(v, "${"+k+":?") {
			t.Errorf("briefing: %s=%q, want a required variable ${%s:?…} without a default", k, v, k)
		}
	}

	// Mail goes to mailpit's SMTP port, in plain text, to at least one address.
	mailWant := map[string]string{
		"BRIEFING_MAIL_ENABLED": "true",
		"BRIEFING_MAIL_HOST":    "mailpit",
		"BRIEFING_MAIL_PORT":    "1025",
		"BRIEFING_MAIL_TLS":     "none",
	}
	for k, want := range mailWant {
		if got := b.Environment[k]; got != want {
			t.Errorf("briefing: %s=%q, want %q", k, got, want)
		}
	}
	for _, k := range []string{"BRIEFING_MAIL_FROM", "BRIEFING_MAIL_TO"} {
		if !strings.Contains(b.Environment[k], "@") {
			t.Errorf("briefing: %s=%q, want an address", k, b.Environment[k])
		}
	}
	if !strings.HasPrefix(mp.Image, "axllent/mailpit") {
		t.Errorf("mailpit: image %q, want axllent/mailpit", mp.Image)
	}
	for _, p := range []string{"127.0.0.1:8025:8025", "127.0.0.1:1025:1025"} {
		if !slices.Contains(mp.Ports, p) {
			t.Errorf("mailpit: ports %v, want %s", mp.Ports, p)
		}
	}

	// The folders the program uses (the image's ENV, overridden by the service's environment)
	// are volumes: editions and state on named volumes, the documents read-only from ./seeds.
	env := imageEnv(t)
	for k, v := range b.Environment {
		env[k] = v
	}
	for _, f := range []struct{ variable, source, mode string }{
		{"BRIEFING_OUTPUT_DIR", "editions", ""},
		{"BRIEFING_STATE_DIR", "state", ""},
		{"BRIEFING_DOCS_DIR", "./seeds", "ro"},
	} {
		dir := env[f.variable]
		if !slices.Contains(b.Volumes, strings.TrimSuffix(f.source+":"+dir+":"+f.mode, ":")) {
			t.Errorf("briefing: %s=%q is not the volume %s (mode %q): %v", f.variable, dir, f.source, f.mode, b.Volumes)
		}
		if path.IsAbs(f.source) || strings.HasPrefix(f.source, ".") {
			continue
		}
		if _, ok := c.Volumes[f.source]; !ok {
			t.Errorf("volume %s is not declared", f.source)
		}
	}
	if out := env["BRIEFING_OUTPUT_FILE"]; path.Dir(out) != env["BRIEFING_OUTPUT_DIR"] {
		t.Errorf("briefing: BRIEFING_OUTPUT_FILE=%q is outside the editions volume", out)
	}
}
