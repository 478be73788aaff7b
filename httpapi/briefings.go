package httpapi

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

const latestName = "latest.pdf"

// editionName matches the files of dated editions; with latest.pdf they are the only files
// of the output folder that are served.
var editionName = regexp.MustCompile(`^briefing-(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d+))?\.pdf$`)

// servable reports whether name may be served from the output folder.
func servable(name string) bool {
	return name == latestName || editionName.MatchString(name)
}

// written reports whether a file of the output folder is one the daemon wrote: a regular
// file with one link (a hard link to a file elsewhere, "briefing-….pdf" → /etc/shadow, has
// two), and, when the run history is known, latest.pdf or the output of a recorded run.
func (a *api) written(name string, fi fs.FileInfo, recorded map[string]bool) bool {
	if !fi.Mode().IsRegular() || links(fi) != 1 {
		return false
	}
	return name == latestName || recorded == nil || recorded[name]
}

// recorded returns the outputs of the recorded runs, or nil when the history is not known.
func (a *api) recorded() map[string]bool {
	if a.History == nil {
		return nil
	}
	out := map[string]bool{}
	for _, r := range a.History.Runs() {
		out[r.Output] = true
	}
	return out
}

// editionFile is one entry of GET /briefings/.
type editionFile struct {
	Name     string    `json:"name"`
	Size     int64     `json:"size"`
	Modified time.Time `json:"modified"`
	URL      string    `json:"url"`
}

// listEditions answers the editions in the output folder, latest.pdf first, then the dated
// editions newest first.
func (a *api) listEditions(w http.ResponseWriter, r *http.Request) {
	files := []editionFile{}
	root, err := os.OpenRoot(a.OutputDir)
	if errors.Is(err, fs.ErrNotExist) {
		writeJSON(w, http.StatusOK, files)
		return
	}
	if err != nil {
		a.Log.Error("open output folder", "dir", a.OutputDir, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"cannot read the output folder"})
		return
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil {
		a.Log.Error("list output folder", "dir", a.OutputDir, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"cannot read the output folder"})
		return
	}
	recorded := a.recorded()
	for _, e := range entries {
		if !servable(e.Name()) {
			continue
		}
		fi, err := root.Stat(e.Name()) // follows symlinks, but only inside the folder
		if err != nil || !a.written(e.Name(), fi, recorded) {
			continue
		}
		files = append(files, editionFile{Name: e.Name(), Size: fi.Size(), Modified: fi.ModTime().UTC(),
			URL: "/briefings/" + url.PathEscape(e.Name())})
	}
	slices.SortFunc(files, func(x, y editionFile) int { return compareNewestFirst(x.Name, y.Name) })
	writeJSON(w, http.StatusOK, files)
}

// compareNewestFirst orders latest.pdf first, then dated editions by time stamp and suffix,
// newest first: briefing-…T0600-2.pdf was written after briefing-…T0600.pdf.
func compareNewestFirst(x, y string) int {
	if x == latestName || y == latestName {
		return boolInt(y == latestName) - boolInt(x == latestName)
	}
	mx, my := editionName.FindStringSubmatch(x), editionName.FindStringSubmatch(y)
	if c := strings.Compare(my[1], mx[1]); c != 0 {
		return c
	}
	nx, _ := strconv.Atoi(mx[2])
	ny, _ := strconv.Atoi(my[2])
	return ny - nx
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// serveEdition serves one edition. Any name that is not an edition, and any file that is not
// a regular file inside the output folder, is answered 404.
func (a *api) serveEdition(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !servable(name) {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(a.OutputDir)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !a.written(name, fi, a.recorded()) {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	if name == latestName {
		h.Set("Cache-Control", "no-cache") // replaced by every new edition: revalidate
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}
