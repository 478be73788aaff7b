package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/secbrief/briefing/briefing"
)

// Input formats by file extension.
const (
	formatText     = "text"
	formatMarkdown = "markdown"
	formatHTML     = "html"
)

var formats = map[string]string{
	".txt": formatText, ".text": formatText,
	".md": formatMarkdown, ".markdown": formatMarkdown,
	".html": formatHTML, ".htm": formatHTML,
}

// file is a document found by walk.
type file struct {
	path    string // path to open
	rel     string // path relative to the root, with forward slashes
	format  string
	modTime time.Time
}

// walker collects the files below a root, following symbolic links but never in a loop.
type walker struct {
	maxBytes int64
	files    []file
	warnings []briefing.Warning
}

// walk lists the documents below root in path order. Hidden files and folders (".git") are
// passed over; every other file that is not read says why in a warning.
func walk(root string, maxBytes int64) ([]file, []briefing.Warning, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("documents folder: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("documents folder %s: not a folder", root)
	}
	w := &walker{maxBytes: maxBytes}
	w.dir(root, "", []fs.FileInfo{info})
	return w.files, w.warnings, nil
}

func (w *walker) warn(rel, format string, args ...any) {
	w.warnings = append(w.warnings, briefing.Warning{Path: rel, Message: fmt.Sprintf(format, args...)})
}

func (w *walker) dir(dir, rel string, ancestors []fs.FileInfo) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.warn(orDot(rel), "skipped folder: cannot read: %v", unwrapPathError(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full, r := filepath.Join(dir, name), path.Join(rel, name)
		info, err := os.Stat(full)
		switch {
		case errors.Is(err, syscall.ELOOP):
			w.warn(r, "skipped: symlink loop")
			continue
		case err != nil && e.Type()&fs.ModeSymlink != 0:
			w.warn(r, "skipped: broken symlink (%v)", unwrapPathError(err))
			continue
		case err != nil:
			w.warn(r, "skipped: cannot read: %v", unwrapPathError(err))
			continue
		}
		switch {
		case info.IsDir():
			if loop := loopTarget(info, ancestors, rel); loop != "" {
				w.warn(r, "skipped folder: symlink loop (leads back to %s)", loop)
				continue
			}
			w.dir(full, r, append(ancestors[:len(ancestors):len(ancestors)], info))
		case !info.Mode().IsRegular():
			w.warn(r, "skipped: not a regular file")
		default:
			w.add(full, r, info)
		}
	}
}

func (w *walker) add(full, rel string, info fs.FileInfo) {
	format, ok := formats[strings.ToLower(filepath.Ext(rel))]
	switch {
	case !ok:
		w.warn(rel, "skipped: unsupported file type %q (supported: .txt, .md, .markdown, .html, .htm)", filepath.Ext(rel))
	case info.Size() == 0:
		w.warn(rel, "skipped: empty file")
	case info.Size() > w.maxBytes:
		w.warn(rel, "skipped: %s is larger than the limit of %s", byteSize(info.Size()), byteSize(w.maxBytes))
	default:
		w.files = append(w.files, file{path: full, rel: rel, format: format, modTime: info.ModTime()})
	}
}

// loopTarget returns the folder that info already is among its ancestors, or "".
func loopTarget(info fs.FileInfo, ancestors []fs.FileInfo, rel string) string {
	for i, a := range ancestors {
		if os.SameFile(a, info) {
			parts := strings.Split(rel, "/")
			if i == 0 || rel == "" {
				return "."
			}
			return strings.Join(parts[:i], "/")
		}
	}
	return ""
}

func orDot(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

// Listing is what ingestion would read below a folder: the documents in path order and the
// warnings about files it would pass over.
type Listing struct {
	// Paths are the documents: the path to open and the path relative to the root.
	Paths    [][2]string
	Warnings []briefing.Warning
}

// List walks root as Load does (symbolic links followed, loops, hidden and unsupported files
// left out) without reading the documents, so that callers can tell whether the input changed.
func List(root string, maxFileBytes int64) (Listing, error) {
	if maxFileBytes <= 0 {
		maxFileBytes = DefaultMaxFileBytes
	}
	files, warnings, err := walk(root, maxFileBytes)
	if err != nil {
		return Listing{}, err
	}
	l := Listing{Warnings: warnings}
	for _, f := range files {
		l.Paths = append(l.Paths, [2]string{f.path, f.rel})
	}
	return l, nil
}
