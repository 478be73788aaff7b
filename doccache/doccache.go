// Package doccache keeps what reading each document gave, on disk in the state folder, so
// that the daemon's next edition reads only the files that changed. Entries are plain files
// named by their key (content-addressed: the key hashes the file's bytes, name and time, the
// reading options and the program's version), written atomically. Plain files rather than an
// embedded database: an entry is written once and never changed, readers need no lock, and
// several processes (or machines sharing a volume, each reading a shard of a corpus) could
// fill one cache side by side without a single writer. Pruning (Keep) belongs to the one
// process that owns the folder, the daemon, and removes only what its own run did not use.
package doccache

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/secbrief/briefing/atomicfile"
	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/ingest"
)

// Store is a cache of read documents in a folder.
type Store struct {
	dir string
}

var _ ingest.Cache = (*Store)(nil)

// Open opens (and creates) the cache in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("document cache %s: %w", dir, err)
	}
	return &Store{dir: dir}, nil
}

// Dir returns the cache's folder.
func (s *Store) Dir() string { return s.dir }

// path returns the file of a key: below a folder of its first two characters, so that no
// folder holds 100 000 entries.
func (s *Store) path(key string) string {
	return filepath.Join(s.dir, key[:2], key+".gob")
}

// Get returns the entry of a key. An entry that cannot be decoded (a disk error, a file
// from elsewhere) is removed and counts as missing: the document is read again.
func (s *Store) Get(key string) (ingest.Cached, bool) {
	var c ingest.Cached
	if len(key) < 3 {
		return c, false
	}
	raw, err := os.ReadFile(s.path(key))
	if err != nil {
		return c, false
	}
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&c); err != nil {
		os.Remove(s.path(key))
		return ingest.Cached{}, false
	}
	if c.Doc != nil && c.Doc.References == nil {
		// gob does not tell an empty list from none; a read document's references are a
		// list, empty or not (the JSON model writes []).
		c.Doc.References = []briefing.Reference{}
	}
	return c, true
}

// Put stores the entry of a key. A cache that cannot be written costs time, never a
// document: errors are dropped.
func (s *Store) Put(key string, c ingest.Cached) {
	if len(key) < 3 {
		return
	}
	// Not synced: an entry a crash damages fails to decode and is read again, and 10 000
	// syncs made the first edition of a large corpus six times slower.
	_ = atomicfile.WriteUnsynced(s.path(key), func(w io.Writer) error { return gob.NewEncoder(w).Encode(c) })
}

// tmpMark marks the temporary file of an entry being written (atomicfile names it
// ".<name>.tmp-<random>").
const tmpMark = ".tmp-"

// Keep removes the entries of every key but keys (the documents that went, and what an older
// version of the program read) and the temporary files of interrupted writes. Call it when
// no other run writes to the cache.
func (s *Store) Keep(keys []string) {
	keep := make(map[string]bool, len(keys))
	for _, k := range keys {
		keep[k+".gob"] = true
	}
	_ = filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		name := d.Name()
		switch {
		case strings.Contains(name, tmpMark):
			// The temporary file of a write that a kill interrupted; one being written now
			// is younger than an hour.
			if info, err := d.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				os.Remove(p)
			}
		case strings.HasSuffix(name, ".gob") && !keep[name]:
			os.Remove(p)
		}
		return nil
	})
}
