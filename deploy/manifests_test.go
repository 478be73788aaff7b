package deploy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// manifestDir holds the Kubernetes manifests, applied with "kubectl apply -f".
const manifestDir = "kubernetes"

// manifests are the objects of manifestDir by kind.
type manifests struct {
	namespaces  []*corev1.Namespace
	configMaps  []*corev1.ConfigMap
	secrets     []*corev1.Secret
	claims      []*corev1.PersistentVolumeClaim
	services    []*corev1.Service
	deployments []*appsv1.Deployment
	cronJobs    []*batchv1.CronJob
}

// kinds maps "apiVersion kind" to a new typed object; a kind not listed is an error, so a new
// kind of object needs its checks here first.
var kinds = map[string]func() any{
	"v1 Namespace":             func() any { return new(corev1.Namespace) },
	"v1 ConfigMap":             func() any { return new(corev1.ConfigMap) },
	"v1 Secret":                func() any { return new(corev1.Secret) },
	"v1 PersistentVolumeClaim": func() any { return new(corev1.PersistentVolumeClaim) },
	"v1 Service":               func() any { return new(corev1.Service) },
	"apps/v1 Deployment":       func() any { return new(appsv1.Deployment) },
	"batch/v1 CronJob":         func() any { return new(batchv1.CronJob) },
}

// loadManifests decodes every document of every YAML file in manifestDir.
func loadManifests(t *testing.T) manifests {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(manifestDir, "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no manifests in %s", manifestDir)
	}
	var m manifests
	for _, file := range files {
		docs, err := readDocuments(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range docs {
			obj, err := decodeStrict(doc)
			if err != nil {
				t.Fatalf("%s, document %d: %v", file, i+1, err)
			}
			m.add(obj)
		}
	}
	return m
}

func (m *manifests) add(obj any) {
	switch o := obj.(type) {
	case *corev1.Namespace:
		m.namespaces = append(m.namespaces, o)
	case *corev1.ConfigMap:
		m.configMaps = append(m.configMaps, o)
	case *corev1.Secret:
		m.secrets = append(m.secrets, o)
	case *corev1.PersistentVolumeClaim:
		m.claims = append(m.claims, o)
	case *corev1.Service:
		m.services = append(m.services, o)
	case *appsv1.Deployment:
		m.deployments = append(m.deployments, o)
	case *batchv1.CronJob:
		m.cronJobs = append(m.cronJobs, o)
	}
}

// readDocuments splits a multi-document YAML file, leaving out empty documents.
func readDocuments(file string) ([][]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := utilyaml.NewYAMLReader(bufio.NewReader(f))
	var docs [][]byte
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("split %s: %w", file, err)
		}
		j, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", file, err)
		}
		if string(j) != "null" {
			docs = append(docs, doc)
		}
	}
}

// decodeStrict decodes one YAML document into the typed object of its kind. Unknown and
// duplicate fields are errors, and field names must match in case, as with
// "kubectl apply --validate=strict".
func decodeStrict(doc []byte) (any, error) {
	j, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return nil, fmt.Errorf("yaml: %w", err)
	}
	var tm metav1.TypeMeta
	if err := json.Unmarshal(j, &tm); err != nil {
		return nil, fmt.Errorf("type: %w", err)
	}
	newObj, ok := kinds[tm.APIVersion+" "+tm.Kind]
	if !ok {
		return nil, fmt.Errorf("unexpected apiVersion %q kind %q", tm.APIVersion, tm.Kind)
	}
	obj := newObj()
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.DisallowUnknownFields()
	if err := dec.Decode(obj); err != nil {
		return nil, fmt.Errorf("%s: %w", tm.Kind, err)
	}
	// encoding/json matches field names regardless of case; Kubernetes does not.
	strict, err := kjson.UnmarshalStrict(j, newObj())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tm.Kind, err)
	}
	if len(strict) > 0 {
		return nil, fmt.Errorf("%s: %w", tm.Kind, errors.Join(strict...))
	}
	return obj, nil
}

// pod is a pod template of a workload, with the name tests report.
type pod struct {
	name string
	spec corev1.PodSpec
}

func (m manifests) pods() []pod {
	var ps []pod
	for _, d := range m.deployments {
		ps = append(ps, pod{"Deployment " + d.Name, d.Spec.Template.Spec})
	}
	for _, c := range m.cronJobs {
		ps = append(ps, pod{"CronJob " + c.Name, c.Spec.JobTemplate.Spec.Template.Spec})
	}
	return ps
}

// imageEnv returns the variables the final stage of ../Dockerfile sets with ENV.
func imageEnv(t *testing.T) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(raw), "\\\n", " ")
	env := map[string]string{}
	for line := range strings.Lines(text) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		switch strings.ToUpper(fields[0]) {
		case "FROM":
			clear(env) // only the last stage counts
		case "ENV":
			if len(fields) == 3 && !strings.Contains(fields[1], "=") {
				env[fields[1]] = fields[2] // legacy "ENV KEY VALUE"
				continue
			}
			for _, kv := range fields[1:] {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("Dockerfile: cannot read ENV %q", kv)
				}
				env[k] = strings.Trim(v, `"`)
			}
		}
	}
	if len(env) == 0 {
		t.Fatal("Dockerfile: the final stage sets no ENV")
	}
	return env
}

// containerEnv returns the literal variables a container sees: the image's, overridden by
// the container's env (env wins over envFrom, which adds the Secret's keys).
func containerEnv(image map[string]string, c corev1.Container, secrets []*corev1.Secret) map[string]string {
	env := maps.Clone(image)
	for _, from := range c.EnvFrom {
		if from.SecretRef == nil {
			continue
		}
		for _, s := range secrets {
			if s.Name == from.SecretRef.Name {
				for k, v := range secretData(s) {
					env[from.Prefix+k] = v
				}
			}
		}
	}
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			env[e.Name] = e.Value
		}
	}
	return env
}

// secretData merges a Secret's data and stringData.
func secretData(s *corev1.Secret) map[string]string {
	d := map[string]string{}
	for k, v := range s.Data {
		d[k] = string(v)
	}
	for k, v := range s.StringData {
		d[k] = v
	}
	return d
}

// mountFor returns the volume mount that holds path, the deepest one.
func mountFor(c corev1.Container, path string) (corev1.VolumeMount, bool) {
	var best corev1.VolumeMount
	found := false
	for _, vm := range c.VolumeMounts {
		if within(path, vm.MountPath) && (!found || len(vm.MountPath) > len(best.MountPath)) {
			best, found = vm, true
		}
	}
	return best, found
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	path, dir = filepath.Clean(path), filepath.Clean(dir)
	return path == dir || strings.HasPrefix(path, strings.TrimSuffix(dir, "/")+"/")
}

func volumeNamed(spec corev1.PodSpec, name string) (corev1.Volume, bool) {
	i := slices.IndexFunc(spec.Volumes, func(v corev1.Volume) bool { return v.Name == name })
	if i < 0 {
		return corev1.Volume{}, false
	}
	return spec.Volumes[i], true
}
