package deploy

import (
	"strings"
	"testing"
)

func TestDecodeStrict(t *testing.T) {
	const pod = `apiVersion: apps/v1
kind: Deployment
metadata: {name: x}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      securityContext:
        %s
      containers: [{name: c, image: i}]
`
	tests := []struct {
		name    string
		doc     string
		wantErr string // empty: no error
	}{
		{"a known field decodes", strings.Replace(pod, "%s", "runAsNonRoot: true", 1), ""},
		{"an unknown field is an error", strings.Replace(pod, "%s", "runAsNonroot: true", 1), "unknown field"},
		{"a field in the wrong case is an error", strings.Replace(pod, "%s", "RunAsNonRoot: true", 1), "unknown field"},
		{"a field at the wrong level is an error", strings.Replace(pod, "%s", "readOnlyRootFilesystem: true", 1), "unknown field"},
		{"a duplicate key is an error", strings.Replace(pod, "%s", "runAsNonRoot: true\n        runAsNonRoot: false", 1), "already set"},
		{"a wrong type is an error", strings.Replace(pod, "%s", "runAsUser: nobody", 1), "cannot unmarshal"},
		{"an unknown kind is an error", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", "unexpected apiVersion"},
		{"a kind of another API version is an error", "apiVersion: batch/v1beta1\nkind: CronJob\n", "unexpected apiVersion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeStrict([]byte(tt.doc))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tt.wantErr != "" && err == nil:
				t.Fatalf("got no error, want one containing %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestAdaptConfigChangesOnlyTheValues(t *testing.T) {
	src := `# comment
docs:
  dir: seeds # the corpus
  max_file_mb: 20
output: {file: "out/briefing.pdf", dir: 'out', keep: 30}
state:
  dir: state
http:
  listen: 127.0.0.1:8080
  require_read_token: false
log:
  format: auto
`
	want := `# comment
docs:
  dir: /data/docs # the corpus
  max_file_mb: 20
output: {file: /data/out/briefing.pdf, dir: /data/out, keep: 30}
state:
  dir: /data/state
http:
  listen: 0.0.0.0:8080
  require_read_token: true
log:
  format: json
`
	got, err := adaptConfig([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := adaptConfig([]byte("docs: {dir: x}\n")); err == nil {
		t.Error("a config.yaml without output.file: got no error")
	}
}
