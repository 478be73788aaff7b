// Package atomicfile writes files so that readers see either the old file or the complete new
// one: the content goes to a temporary file in the same folder, is synced (not by WriteUnsynced)
// and then renamed over the target. A failed write removes the temporary file and leaves the target untouched.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Write creates or replaces path with what write produces.
func Write(path string, write func(io.Writer) error) error { return replace(path, write, true) }

// WriteUnsynced is Write without waiting for the disk: readers still see the old file or the
// whole new one, but a crash may leave a damaged file. For caches, whose reader checks what
// it reads and makes it again.
func WriteUnsynced(path string, write func(io.Writer) error) error {
	return replace(path, write, false)
}

func replace(path string, write func(io.Writer) error, durable bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if durable {
		if err := tmp.Sync(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	if durable {
		if d, err := os.Open(dir); err == nil {
			d.Sync() // make the rename durable; not every file system supports it
			d.Close()
		}
	}
	return nil
}

// RemoveStale removes the temporary files that Write leaves when the process is killed
// between creating and renaming them (".latest.pdf.tmp-123456"), in dir, and returns their
// names. Call it at start, before anything writes in dir.
func RemoveStale(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("clean %s: %w", dir, err)
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-") {
			if err := os.Remove(filepath.Join(dir, name)); err == nil {
				removed = append(removed, name)
			}
		}
	}
	return removed, nil
}
