package deploy

import (
	"net"
	"path"
	"slices"
	"strings"
	"testing"

	yaml3 "gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

const (
	claimName  = "briefing-data"
	secretName = "briefing"
	httpPort   = 8080
	uid        = 65532
)

func TestManifestsHaveOneObjectOfEachKindInOneNamespace(t *testing.T) {
	m := loadManifests(t)
	counts := map[string]int{
		"ConfigMap": len(m.configMaps), "Secret": len(m.secrets), "PersistentVolumeClaim": len(m.claims),
		"Service": len(m.services), "Deployment": len(m.deployments), "CronJob": len(m.cronJobs),
	}
	for kind, n := range counts {
		if n != 1 {
			t.Errorf("%d objects of kind %s, want 1", n, kind)
		}
	}
	if len(m.namespaces) > 1 {
		t.Errorf("%d namespaces, want at most 1", len(m.namespaces))
	}
	var namespaces []string
	for _, ns := range m.namespaces {
		namespaces = append(namespaces, ns.Name)
	}
	for _, o := range []struct{ kind, name, ns string }{
		{"ConfigMap", first(m.configMaps).Name, first(m.configMaps).Namespace},
		{"Secret", first(m.secrets).Name, first(m.secrets).Namespace},
		{"PersistentVolumeClaim", first(m.claims).Name, first(m.claims).Namespace},
		{"Service", first(m.services).Name, first(m.services).Namespace},
		{"Deployment", first(m.deployments).Name, first(m.deployments).Namespace},
		{"CronJob", first(m.cronJobs).Name, first(m.cronJobs).Namespace},
	} {
		namespaces = append(namespaces, o.ns)
		if o.ns == "" {
			t.Errorf("%s %s has no namespace", o.kind, o.name)
		}
	}
	slices.Sort(namespaces)
	if namespaces = slices.Compact(namespaces); len(namespaces) > 1 {
		t.Errorf("objects in several namespaces: %v", namespaces)
	}
}

// first returns the first object, or a zero one so that a missing kind fails as a count.
func first[T any](objs []*T) *T {
	if len(objs) == 0 {
		return new(T)
	}
	return objs[0]
}

func TestCronJobRunsGenerateOnceAtATime(t *testing.T) {
	for _, cj := range loadManifests(t).cronJobs {
		s := cj.Spec
		if s.ConcurrencyPolicy != batchv1.ForbidConcurrent {
			t.Errorf("CronJob %s: concurrencyPolicy %q, want Forbid", cj.Name, s.ConcurrencyPolicy)
		}
		if s.StartingDeadlineSeconds == nil || *s.StartingDeadlineSeconds <= 0 {
			t.Errorf("CronJob %s: startingDeadlineSeconds not set", cj.Name)
		}
		if s.SuccessfulJobsHistoryLimit == nil || s.FailedJobsHistoryLimit == nil {
			t.Errorf("CronJob %s: successfulJobsHistoryLimit and failedJobsHistoryLimit must be set", cj.Name)
		}
		if s.TimeZone == nil || *s.TimeZone == "" {
			t.Errorf("CronJob %s: timeZone not set (the schedule would follow the controller's zone)", cj.Name)
		}
		if len(strings.Fields(s.Schedule)) != 5 {
			t.Errorf("CronJob %s: schedule %q, want five cron fields", cj.Name, s.Schedule)
		}
		if s.JobTemplate.Spec.BackoffLimit == nil {
			t.Errorf("CronJob %s: backoffLimit not set", cj.Name)
		}
		pod := s.JobTemplate.Spec.Template.Spec
		if pod.RestartPolicy != corev1.RestartPolicyNever && pod.RestartPolicy != corev1.RestartPolicyOnFailure {
			t.Errorf("CronJob %s: restartPolicy %q, want Never or OnFailure", cj.Name, pod.RestartPolicy)
		}
		if got := subcommands(pod); !slices.Equal(got, []string{"generate"}) {
			t.Errorf("CronJob %s runs %v, want [generate]", cj.Name, got)
		}
	}
}

// subcommands returns the briefing subcommand of each container: the first argument after
// the entry point /briefing.
func subcommands(spec corev1.PodSpec) []string {
	var subs []string
	for _, c := range spec.Containers {
		args := append(slices.Clone(c.Command), c.Args...)
		if len(c.Command) > 0 && path.Base(c.Command[0]) == "briefing" {
			args = args[1:]
		}
		if len(args) == 0 {
			subs = append(subs, "serve") // the image's CMD
			continue
		}
		subs = append(subs, args[0])
	}
	return subs
}

func TestDeploymentRunsOneDaemonWithProbes(t *testing.T) {
	for _, d := range loadManifests(t).deployments {
		if d.Spec.Replicas == nil || *d.Spec.Replicas != 1 {
			t.Errorf("Deployment %s: replicas must be 1 (runs and deliveries must not be doubled)", d.Name)
		}
		if d.Spec.Strategy.Type != "Recreate" {
			t.Errorf("Deployment %s: strategy %q, want Recreate (a rolling update overlaps two daemons)", d.Name, d.Spec.Strategy.Type)
		}
		if d.Spec.Selector == nil || !labelsMatch(d.Spec.Selector.MatchLabels, d.Spec.Template.Labels) {
			t.Errorf("Deployment %s: selector does not match the pod labels", d.Name)
		}
		spec := d.Spec.Template.Spec
		if got := subcommands(spec); !slices.Equal(got, []string{"serve"}) {
			t.Errorf("Deployment %s runs %v, want [serve]", d.Name, got)
		}
		if spec.TerminationGracePeriodSeconds == nil || *spec.TerminationGracePeriodSeconds <= 30 {
			t.Errorf("Deployment %s: terminationGracePeriodSeconds must exceed shutdown_grace (30s)", d.Name)
		}
		for _, c := range spec.Containers {
			checkProbe(t, d.Name+" liveness", c.LivenessProbe, "/healthz")
			checkProbe(t, d.Name+" readiness", c.ReadinessProbe, "/readyz")
			if !slices.ContainsFunc(c.Ports, func(p corev1.ContainerPort) bool { return p.ContainerPort == httpPort }) {
				t.Errorf("Deployment %s: container %s does not declare port %d", d.Name, c.Name, httpPort)
			}
		}
	}
}

func checkProbe(t *testing.T, what string, p *corev1.Probe, wantPath string) {
	t.Helper()
	if p == nil || p.HTTPGet == nil {
		t.Errorf("%s probe: want GET %s on port %d", what, wantPath, httpPort)
		return
	}
	if p.HTTPGet.Path != wantPath || p.HTTPGet.Port.IntValue() != httpPort {
		t.Errorf("%s probe: GET %s on port %s, want %s on %d", what, p.HTTPGet.Path, p.HTTPGet.Port.String(), wantPath, httpPort)
	}
}

func labelsMatch(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}

func TestPodsRunAsNonRootWithReadOnlyRoot(t *testing.T) {
	for _, p := range loadManifests(t).pods() {
		sc := p.spec.SecurityContext
		switch {
		case sc == nil:
			t.Errorf("%s: no pod securityContext", p.name)
			continue
		case sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot:
			t.Errorf("%s: runAsNonRoot must be true", p.name)
		case sc.RunAsUser == nil || *sc.RunAsUser != uid:
			t.Errorf("%s: runAsUser must be %d (the image's user)", p.name, uid)
		case sc.FSGroup == nil || *sc.FSGroup != uid:
			t.Errorf("%s: fsGroup must be %d, so that the claim is writable", p.name, uid)
		case sc.SeccompProfile == nil || sc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
			t.Errorf("%s: seccompProfile must be RuntimeDefault", p.name)
		}
		if p.spec.EnableServiceLinks == nil || *p.spec.EnableServiceLinks {
			t.Errorf("%s: enableServiceLinks must be false (the Service briefing would add BRIEFING_* variables)", p.name)
		}
		for _, c := range slices.Concat(p.spec.InitContainers, p.spec.Containers) {
			csc := c.SecurityContext
			switch {
			case csc == nil:
				t.Errorf("%s/%s: no container securityContext", p.name, c.Name)
			case csc.ReadOnlyRootFilesystem == nil || !*csc.ReadOnlyRootFilesystem:
				t.Errorf("%s/%s: readOnlyRootFilesystem must be true", p.name, c.Name)
			case csc.AllowPrivilegeEscalation == nil || *csc.AllowPrivilegeEscalation:
				t.Errorf("%s/%s: allowPrivilegeEscalation must be false", p.name, c.Name)
			case csc.Capabilities == nil || !slices.Contains(csc.Capabilities.Drop, "ALL") || len(csc.Capabilities.Add) > 0:
				t.Errorf("%s/%s: capabilities must drop ALL and add none", p.name, c.Name)
			}
			if c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
				t.Errorf("%s/%s: memory requests and limits must be set", p.name, c.Name)
			}
			if c.Image == "" || c.Image != p.spec.Containers[0].Image {
				t.Errorf("%s/%s: image %q", p.name, c.Name, c.Image)
			}
		}
	}
}

func TestSecretHoldsTheMailPasswordAndTheToken(t *testing.T) {
	for _, s := range loadManifests(t).secrets {
		data := secretData(s)
		for _, key := range []string{"BRIEFING_MAIL_PASSWORD", "BRIEFING_HTTP_TOKEN"} {
			if _, ok := data[key]; !ok {
				t.Errorf("Secret %s has no key %s", s.Name, key)
			}
		}
	}
}

// TestPodsUseTheConfigMapTheSecretAndTheClaim follows what the program does in each pod: the
// configuration file it reads, the variables that override it (the image's ENV, the pod's
// env, the Secret), and whether the folders it reads and writes are on the claim.
func TestPodsUseTheConfigMapTheSecretAndTheClaim(t *testing.T) {
	m := loadManifests(t)
	image := imageEnv(t)
	cm := configMap(t, m)
	var file map[string]any
	if err := yaml3.Unmarshal([]byte(cm.Data[configKey]), &file); err != nil {
		t.Fatal(err)
	}
	for _, p := range m.pods() {
		for _, c := range p.spec.Containers {
			name := p.name + "/" + c.Name
			env := containerEnv(image, c, m.secrets)

			// The configuration file is the ConfigMap's.
			cfgPath := env["BRIEFING_CONFIG"]
			vm, ok := mountFor(c, cfgPath)
			vol, _ := volumeNamed(p.spec, vm.Name)
			switch {
			case !ok || vol.ConfigMap == nil:
				t.Errorf("%s: BRIEFING_CONFIG=%q is not on a ConfigMap volume", name, cfgPath)
			case vol.ConfigMap.Name != cm.Name || !configMapHolds(vol.ConfigMap, strings.TrimPrefix(cfgPath, vm.MountPath+"/"), configKey):
				t.Errorf("%s: BRIEFING_CONFIG=%q is not the ConfigMap %s's %s", name, cfgPath, cm.Name, configKey)
			}

			// The Secret reaches the container.
			if !slices.ContainsFunc(c.EnvFrom, func(e corev1.EnvFromSource) bool {
				return e.SecretRef != nil && e.SecretRef.Name == secretName
			}) {
				t.Errorf("%s: no envFrom of the Secret %s", name, secretName)
			}

			// The folders, as the program sees them, are those of the ConfigMap and on the claim.
			for _, f := range []struct {
				key      string
				writable bool
			}{{"docs.dir", false}, {"output.dir", true}, {"state.dir", true}, {"output.file", true}} {
				got := effective(env, file, f.key)
				if want := configValue(file, f.key); got != want {
					t.Errorf("%s: %s is %q (environment) but %q in the ConfigMap", name, f.key, got, want)
				}
				dir := got
				if f.key == "output.file" {
					dir = path.Dir(got)
				}
				vm, ok := mountFor(c, dir)
				vol, _ := volumeNamed(p.spec, vm.Name)
				switch {
				case !ok || vol.PersistentVolumeClaim == nil || vol.PersistentVolumeClaim.ClaimName != claimName:
					t.Errorf("%s: %s %q is not on the claim %s", name, f.key, got, claimName)
				case f.writable && (vm.ReadOnly || vol.PersistentVolumeClaim.ReadOnly):
					t.Errorf("%s: %s %q is mounted read-only", name, f.key, got)
				}
			}

			// The daemon listens where the probes and the Service knock.
			if subcommands(corev1.PodSpec{Containers: []corev1.Container{c}})[0] == "serve" {
				listen := effective(env, file, "http.listen")
				host, port, err := net.SplitHostPort(listen)
				if err != nil || port != "8080" || (host != "" && host != "0.0.0.0" && host != "::") {
					t.Errorf("%s: http.listen %q, want all interfaces on port %d", name, listen, httpPort)
				}
			}
		}
	}
	if claims := m.claims; len(claims) == 1 && claims[0].Name != claimName {
		t.Errorf("the claim is %s, want %s", claims[0].Name, claimName)
	}
}

// effective is the value the program uses for key: BRIEFING_<KEY> when set and not empty
// (viper treats an empty variable as unset), else the file's.
func effective(env map[string]string, file map[string]any, key string) string {
	if v := env["BRIEFING_"+strings.ToUpper(strings.ReplaceAll(key, ".", "_"))]; v != "" {
		return v
	}
	return configValue(file, key)
}

// configMapHolds reports whether the file name in a ConfigMap volume is the given key.
func configMapHolds(src *corev1.ConfigMapVolumeSource, name, key string) bool {
	if len(src.Items) == 0 {
		return name == key
	}
	return slices.ContainsFunc(src.Items, func(i corev1.KeyToPath) bool { return i.Key == key && i.Path == name })
}

func TestServiceReachesTheDaemon(t *testing.T) {
	m := loadManifests(t)
	for _, svc := range m.services {
		if !slices.ContainsFunc(m.deployments, func(d *appsv1.Deployment) bool {
			return labelsMatch(svc.Spec.Selector, d.Spec.Template.Labels)
		}) {
			t.Errorf("Service %s selects no Deployment's pods", svc.Name)
		}
		if !slices.ContainsFunc(svc.Spec.Ports, func(p corev1.ServicePort) bool {
			return p.Port == httpPort && (p.TargetPort.IntValue() == httpPort || p.TargetPort.String() == "http")
		}) {
			t.Errorf("Service %s: no port %d to the daemon's %d", svc.Name, httpPort, httpPort)
		}
	}
}
