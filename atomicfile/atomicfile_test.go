package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesTheFile(t *testing.T) {
	for name, write := range map[string]func(string, func(io.Writer) error) error{"Write": Write, "WriteUnsynced": WriteUnsynced} {
		path := filepath.Join(t.TempDir(), "sub", "briefing.pdf")
		for _, content := range []string{"first", "second"} {
			if err := write(path, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != content {
				t.Errorf("%s: content = %q, want %q", name, got, content)
			}
		}
		assertOnly(t, filepath.Dir(path), "briefing.pdf")
	}
}

func TestFailedWriteKeepsTheOldFileAndNoTemporary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "briefing.pdf")
	if err := os.WriteFile(path, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("render failed")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a PDF")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "good" {
		t.Errorf("the old file was changed: %q", got)
	}
	assertOnly(t, dir, "briefing.pdf")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Errorf("folder holds %v, want %v", got, names)
	}
}
