package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/secbrief/briefing/briefing/ingest"
	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/templates"
)

// inputHash identifies what an edition built at now is built from: every document (path and
// content), the templates, the configuration that shapes the content and, with a window
// (briefing.window), the first day of the window, which moves on as days pass. Delivery,
// schedule, state and HTTP settings are left out: changing them does not change the briefing.
func inputHash(cfg config.Config, now time.Time) (string, error) {
	h := sha256.New()
	if since := cfg.Briefing.Since(now); since != "" {
		fmt.Fprintf(h, "since\x00%s\x00", since)
	}
	content := cfg
	content.Schedule, content.RunOnStart, content.ShutdownGrace = "", false, 0
	content.State, content.HTTP, content.Delivery = config.State{}, config.HTTP{}, config.Delivery{}
	content.Mail, content.Webhook, content.Log = config.Mail{}, config.Webhook{}, config.Log{}
	content.Output = config.Output{}
	if err := json.NewEncoder(h).Encode(content); err != nil {
		return "", fmt.Errorf("hash configuration: %w", err)
	}
	if err := hashDocuments(h, cfg); err != nil {
		return "", err
	}
	var tmpl fs.FS = templates.FS
	if cfg.Templates.Dir != "" {
		tmpl = os.DirFS(cfg.Templates.Dir)
	}
	if err := hashTree(h, tmpl, "templates"); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashDocuments adds what ingestion reads: every document (relative path and content) and the
// warnings about files it passes over, listed the way ingestion walks the folder (symbolic
// links followed).
func hashDocuments(h io.Writer, cfg config.Config) error {
	l, err := ingest.List(cfg.Docs.Dir, int64(cfg.Docs.MaxFileMB)<<20)
	if err != nil {
		return fmt.Errorf("hash documents: %w", err)
	}
	for _, p := range l.Paths {
		fmt.Fprintf(h, "document\x00%s\x00", p[1])
		if f, err := ingest.OpenRegular(p[0]); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	for _, w := range l.Warnings {
		fmt.Fprintf(h, "warning\x00%s\x00%s\x00", w.Path, w.Message)
	}
	return nil
}

// hashTree adds the names and contents of the regular files of fsys, in a fixed order.
// Unreadable files are part of the hash by name only: ingestion reports them.
func hashTree(h io.Writer, fsys fs.FS, what string) error {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != "." {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("hash %s: %w", what, err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%s\x00", what, p)
		if f, err := fsys.Open(p); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return nil
}
