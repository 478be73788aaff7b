package deploy

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	yaml3 "gopkg.in/yaml.v3"
	corev1 "k8s.io/api/core/v1"
)

var update = flag.Bool("update", false, "rewrite kubernetes/10-configmap.yaml from ../config.yaml")

const (
	configMapFile = "kubernetes/10-configmap.yaml"
	configMapName = "briefing"
	configKey     = "config.yaml"
)

// clusterSettings are the keys of ../config.yaml that the ConfigMap changes: the folders on
// the claim mounted at /data, the HTTP address the probes and the Service reach, editions and
// run history only with the read token, JSON logs.
// Everything else (themes, measures, charts, ...) is the project's configuration, unchanged.
var clusterSettings = []struct{ key, value string }{
	{"docs.dir", "/data/docs"},
	{"output.file", "/data/out/briefing.pdf"},
	{"output.dir", "/data/out"},
	{"state.dir", "/data/state"},
	{"http.listen", "0.0.0.0:8080"},
	{"http.require_read_token", "true"},
	{"log.format", "json"},
}

// adaptConfig returns config.yaml with the clusterSettings written over their values. Only
// the values change: comments and layout stay as they are.
func adaptConfig(src []byte) ([]byte, error) {
	var doc yaml3.Node
	if err := yaml3.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	type edit struct {
		n     *yaml3.Node
		key   string
		value string
	}
	var edits []edit
	for _, s := range clusterSettings {
		n, err := lookup(&doc, s.key)
		if err != nil {
			return nil, err
		}
		if !plainSafe.MatchString(s.value) {
			return nil, fmt.Errorf("%s: %q needs quoting", s.key, s.value)
		}
		edits = append(edits, edit{n, s.key, s.value})
	}
	// From the end, so that an edit does not move the columns of the next one.
	slices.SortFunc(edits, func(a, b edit) int {
		if a.n.Line != b.n.Line {
			return b.n.Line - a.n.Line
		}
		return b.n.Column - a.n.Column
	})
	lines := strings.SplitAfter(string(src), "\n")
	for _, e := range edits {
		line := []rune(lines[e.n.Line-1])
		start := e.n.Column - 1
		var old string
		switch e.n.Style {
		case 0:
			old = e.n.Value
		case yaml3.DoubleQuotedStyle:
			old = `"` + e.n.Value + `"`
		case yaml3.SingleQuotedStyle:
			old = `'` + e.n.Value + `'`
		}
		end := start + len([]rune(old))
		if old == "" || end > len(line) || string(line[start:end]) != old {
			return nil, fmt.Errorf("config.yaml line %d: cannot rewrite the value of %s", e.n.Line, e.key)
		}
		lines[e.n.Line-1] = string(line[:start]) + e.value + string(line[end:])
	}
	return []byte(strings.Join(lines, "")), nil
}

var plainSafe = regexp.MustCompile(`^[A-Za-z0-9/][A-Za-z0-9/._:-]*$`)

// lookup finds the scalar value of a dotted key in a YAML document.
func lookup(doc *yaml3.Node, key string) (*yaml3.Node, error) {
	n := doc
	if n.Kind == yaml3.DocumentNode {
		n = n.Content[0]
	}
	for part := range strings.SplitSeq(key, ".") {
		if n.Kind != yaml3.MappingNode {
			return nil, fmt.Errorf("config.yaml: %s: not a mapping above %q", key, part)
		}
		var next *yaml3.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return nil, fmt.Errorf("config.yaml has no key %s", key)
		}
		n = next
	}
	if n.Kind != yaml3.ScalarNode {
		return nil, fmt.Errorf("config.yaml: %s is not a single value", key)
	}
	return n, nil
}

// renderConfigMap writes the ConfigMap with config as a literal block.
func renderConfigMap(config []byte) ([]byte, error) {
	if bytes.HasPrefix(config, []byte(" ")) || !bytes.HasSuffix(config, []byte("\n")) {
		return nil, errors.New("config.yaml must not start with a space and must end with a newline")
	}
	var b bytes.Buffer
	b.WriteString(`# The configuration of both pods, mounted at /config/config.yaml (BRIEFING_CONFIG).
# Generated from ../../config.yaml by "go test -run ConfigMap -update" in deploy/: the
# project's configuration with the folders under /data (the claim briefing-data), the HTTP
# interface on 0.0.0.0:8080 and JSON logs. The test fails when the two drift apart. Secrets
# (mail.password, http.token) come from the Secret briefing as environment variables.
# After a change: kubectl -n briefing rollout restart deployment/briefing
apiVersion: v1
kind: ConfigMap
metadata:
  name: briefing
  namespace: briefing
  labels:
    app.kubernetes.io/name: briefing
data:
  config.yaml: |
`)
	for line := range strings.Lines(string(config)) {
		if strings.TrimSpace(line) == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString("    " + line)
	}
	return b.Bytes(), nil
}

func TestConfigMapIsTheProjectConfigurationWithClusterPaths(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := adaptConfig(src)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		out, err := renderConfigMap(want)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(configMapFile, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cm := configMap(t, loadManifests(t))
	var got, wantDoc map[string]any
	if err := yaml3.Unmarshal([]byte(cm.Data[configKey]), &got); err != nil {
		t.Fatalf("ConfigMap %s: %s is not YAML: %v", cm.Name, configKey, err)
	}
	if err := yaml3.Unmarshal(want, &wantDoc); err != nil {
		t.Fatal(err)
	}
	var differ []string
	for k := range mergedKeys(got, wantDoc) {
		if !reflect.DeepEqual(got[k], wantDoc[k]) {
			differ = append(differ, k)
		}
	}
	if len(differ) > 0 {
		slices.Sort(differ)
		t.Errorf("%s differs from ../config.yaml (with the cluster paths) in %s; "+
			"run \"go test -run ConfigMap -update\" in deploy/ and review the diff", configMapFile, strings.Join(differ, ", "))
	}

	for _, s := range clusterSettings {
		if got := configValue(got, s.key); got != s.value {
			t.Errorf("ConfigMap %s = %q, want %q", s.key, got, s.value)
		}
	}
	for _, key := range []string{"docs.dir", "output.dir", "output.file", "state.dir"} {
		if v := configValue(got, key); !within(v, "/data") {
			t.Errorf("ConfigMap %s = %q, want a path under /data", key, v)
		}
	}
}

func mergedKeys(a, b map[string]any) map[string]bool {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// configValue returns the value of a dotted key as text, or "" when it is missing.
func configValue(doc map[string]any, key string) string {
	var v any = doc
	for part := range strings.SplitSeq(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[part]
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// configMap returns the ConfigMap of the configuration file.
func configMap(t *testing.T, m manifests) *corev1.ConfigMap {
	t.Helper()
	for _, cm := range m.configMaps {
		if cm.Name == configMapName {
			if _, ok := cm.Data[configKey]; !ok {
				t.Fatalf("ConfigMap %s has no key %s", cm.Name, configKey)
			}
			return cm
		}
	}
	t.Fatalf("no ConfigMap %s", configMapName)
	return nil
}
