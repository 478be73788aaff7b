//go:build unix

package ingest

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO put in place of a listed file (between listing and reading) is a warning, not a run
// that blocks for ever in open.
func TestAFIFOInPlaceOfAFileIsSkipped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := readLimited(path, 1<<20)
		done <- err
	}()
	err := <-done // before the fix this never returned; the test binary's timeout ends it
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("reading a FIFO: %v", err)
	}
}
