package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// metric reads one value from the daemon's /metrics.
func metric(t *testing.T, base, name string) float64 {
	t.Helper()
	_, body := get(base + "/metrics")
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `\s+(\S+)$`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("/metrics has no %s", name)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// TestSoak runs the daemon for many builds and checks that it does not grow: idle resident
// memory and goroutines before and after the runs. It takes minutes; run it with make soak
// (BRIEFING_SOAK=1, BRIEFING_SOAK_RUNS=100).
func TestSoak(t *testing.T) {
	if os.Getenv("BRIEFING_SOAK") == "" {
		t.Skip("set BRIEFING_SOAK=1 (make soak) to run the soak test")
	}
	runsWanted := 100
	if n, err := strconv.Atoi(os.Getenv("BRIEFING_SOAK_RUNS")); err == nil {
		runsWanted = n
	}
	dir := t.TempDir()
	copyDir(t, filepath.Join(repoRoot(t), "seeds"), filepath.Join(dir, "docs"))
	raw, _ := os.ReadFile(filepath.Join(repoRoot(t), "config.yaml"))
	listen := freePort(t)
	base := "http://" + listen
	cfg := string(raw) + fmt.Sprintf("\n# soak\n")
	writeFile(t, filepath.Join(dir, "project.yaml"), cfg)
	env := []string{
		"BRIEFING_DOCS_DIR=" + filepath.Join(dir, "docs"), "BRIEFING_OUTPUT_DIR=" + filepath.Join(dir, "out"),
		"BRIEFING_STATE_DIR=" + filepath.Join(dir, "state"), "BRIEFING_HTTP_LISTEN=" + listen,
		"BRIEFING_STATE_SKIP_UNCHANGED=false", "BRIEFING_OUTPUT_KEEP=3", "BRIEFING_LOG_LEVEL=warn",
	}
	d := startDaemonEnv(t, dir, filepath.Join(dir, "project.yaml"), append(env, "BRIEFING_SCHEDULE=@every 1s", "BRIEFING_SCHEDULE_MIN_INTERVAL=1s"))
	eventually(t, 60*time.Second, "the first edition", func() bool { code, _ := get(base + "/readyz"); return code == http.StatusOK })
	time.Sleep(2 * time.Second)
	g0, rss0 := metric(t, base, "go_goroutines"), metric(t, base, "process_resident_memory_bytes")
	eventually(t, time.Duration(runsWanted)*3*time.Second, fmt.Sprintf("%d runs", runsWanted), func() bool {
		return metric(t, base, `briefing_runs_total{status="success"}`) >= float64(runsWanted)
	})
	g1, rss1 := metric(t, base, "go_goroutines"), metric(t, base, "process_resident_memory_bytes")
	t.Logf("after the first edition: %v goroutines, RSS %.1f MB; after %d runs: %v goroutines, RSS %.1f MB",
		g0, rss0/1e6, runsWanted, g1, rss1/1e6)
	if g1 > g0+2 {
		t.Errorf("goroutines grew from %v to %v", g0, g1)
	}
	d.cmd.Process.Kill()

	// Idle: a daemon whose edition exists and whose next run is far away.
	listen2 := freePort(t)
	env2 := append(env[:3:3], "BRIEFING_HTTP_LISTEN="+listen2, "BRIEFING_SCHEDULE=0 6 1 1 *", "BRIEFING_LOG_LEVEL=warn")
	startDaemonEnv(t, dir, filepath.Join(dir, "project.yaml"), env2)
	base2 := "http://" + listen2
	eventually(t, 30*time.Second, "the idle daemon answers", func() bool { code, _ := get(base2 + "/readyz"); return code == http.StatusOK })
	time.Sleep(3 * time.Second)
	idle := metric(t, base2, "process_resident_memory_bytes")
	t.Logf("idle daemon: RSS %.1f MB, %v goroutines", idle/1e6, metric(t, base2, "go_goroutines"))
	if idle > 30e6 {
		t.Errorf("idle RSS %.1f MB, want at most 30 MB", idle/1e6)
	}
}
