// Package testtool runs the command-line tools that tests read their output with (pdftotext,
// pdfinfo, qpdf; .ci/run and make test install them).
package testtool

import (
	"os/exec"
	"testing"
)

// Run runs a tool and returns its output; a missing tool or a failure ends the test.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed by this test: install poppler-utils and qpdf (see .ci/run)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}
