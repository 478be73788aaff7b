package httpapi_test

import (
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
	"github.com/secbrief/briefing/httpapi"
)

const secret = "password: hunter2"

// editions makes an output folder with editions, files that must stay invisible, and a
// secret next to it; it returns the output folder.
func editions(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	writeFile(t, filepath.Join(base, "config.yaml"), secret)
	writeFile(t, filepath.Join(base, "secret.pdf"), secret)
	out := filepath.Join(base, "out")
	if err := os.MkdirAll(filepath.Join(out, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]struct {
		content string
		mod     time.Time
	}{
		"briefing-2026-11-23T0600.pdf":     {"%PDF-1.4 monday", time.Date(2026, 11, 23, 6, 1, 0, 0, time.UTC)},
		"briefing-2026-11-24T0600.pdf":     {"%PDF-1.4 tuesday", time.Date(2026, 11, 24, 6, 1, 0, 0, time.UTC)},
		"briefing-2026-11-24T0600-2.pdf":   {"%PDF-1.4 tuesday, again", time.Date(2026, 11, 24, 6, 2, 0, 0, time.UTC)},
		"latest.pdf":                       {"%PDF-1.4 tuesday, again", time.Date(2026, 11, 24, 6, 2, 0, 0, time.UTC)},
		".hidden.pdf":                      {secret, time.Now()},
		"config.yaml":                      {secret, time.Now()},
		"notes.txt":                        {secret, time.Now()},
		"briefing-2026-11-25T0600.pdf.tmp": {secret, time.Now()},
		"sub/briefing-2026-03-01T0000.pdf": {secret, time.Now()},
	}
	for name, f := range files {
		path := filepath.Join(out, name)
		writeFile(t, path, f.content)
		if err := os.Chtimes(path, f.mod, f.mod); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"briefing-2026-01-01T0000.pdf": "../secret.pdf",                        // relative, escapes
		"briefing-2026-01-02T0000.pdf": filepath.Join(base, "config.yaml"),     // absolute, escapes
		"briefing-2026-01-03T0000.pdf": filepath.Join(out, "latest.pdf"),       // absolute, inside: still refused by os.Root
		"briefing-2026-01-04T0000.pdf": "../out/../secret.pdf",                 // climbs back out
		"briefing-2026-01-05T0000.pdf": "briefing-2026-11-23T0600.pdf.missing", // dangling
	} {
		if err := os.Symlink(target, filepath.Join(out, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(out, "briefing-2026-02-01T0000.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestListingShowsOnlyEditionsNewestFirst(t *testing.T) {
	out := editions(t)
	srv := start(t, httpapi.Config{OutputDir: out})
	got := do(t, srv, http.MethodGet, "/briefings/", nil)
	if got.status != http.StatusOK || got.header.Get("Content-Type") != "application/json" {
		t.Fatalf("got %d %s, want 200 application/json", got.status, got.header.Get("Content-Type"))
	}
	var list []struct {
		Name     string    `json:"name"`
		Size     int64     `json:"size"`
		Modified time.Time `json:"modified"`
		URL      string    `json:"url"`
	}
	if err := json.Unmarshal([]byte(got.body), &list); err != nil {
		t.Fatalf("%v in %s", err, got.body)
	}
	wantNames := []string{"latest.pdf", "briefing-2026-11-24T0600-2.pdf", "briefing-2026-11-24T0600.pdf", "briefing-2026-11-23T0600.pdf"}
	if len(list) != len(wantNames) {
		t.Fatalf("got %d entries, want %d:\n%s", len(list), len(wantNames), got.body)
	}
	for i, e := range list {
		t.Run("entry "+e.Name+" is listed in its place with its size, time and url", func(t *testing.T) {
			fi, err := os.Stat(filepath.Join(out, e.Name))
			if err != nil {
				t.Fatal(err)
			}
			if e.Name != wantNames[i] || e.Size != fi.Size() || !e.Modified.Equal(fi.ModTime()) || e.URL != "/briefings/"+e.Name {
				t.Errorf("entry %d: got %+v, want name %s, size %d, modified %v", i, e, wantNames[i], fi.Size(), fi.ModTime())
			}
		})
	}
	if strings.Contains(got.body, "hidden") || strings.Contains(got.body, "T0000") || strings.Contains(got.body, "yaml") {
		t.Errorf("the listing shows more than editions:\n%s", got.body)
	}
}

func TestListingOfAMissingFolderIsEmpty(t *testing.T) {
	srv := start(t, httpapi.Config{OutputDir: filepath.Join(t.TempDir(), "not-yet")})
	got := do(t, srv, http.MethodGet, "/briefings/", nil)
	if got.status != http.StatusOK || strings.TrimSpace(got.body) != "[]" {
		t.Errorf("got %d %q, want 200 []", got.status, got.body)
	}
}

func TestServingAnEdition(t *testing.T) {
	out := editions(t)
	srv := start(t, httpapi.Config{OutputDir: out})
	tests := []struct {
		name string
		file string
		want string
	}{
		{"latest.pdf is served", "latest.pdf", "%PDF-1.4 tuesday, again"},
		{"a dated edition is served", "briefing-2026-11-23T0600.pdf", "%PDF-1.4 monday"},
		{"a second edition of the same minute is served", "briefing-2026-11-24T0600-2.pdf", "%PDF-1.4 tuesday, again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := do(t, srv, http.MethodGet, "/briefings/"+tt.file, nil)
			if got.status != http.StatusOK || got.body != tt.want {
				t.Fatalf("got %d %q, want 200 %q", got.status, got.body, tt.want)
			}
			if ct := got.header.Get("Content-Type"); ct != "application/pdf" {
				t.Errorf("Content-Type: got %q, want application/pdf", ct)
			}
			disp, params, err := mime.ParseMediaType(got.header.Get("Content-Disposition"))
			if err != nil || disp != "inline" || params["filename"] != tt.file {
				t.Errorf("Content-Disposition: got %q, want inline with filename %s", got.header.Get("Content-Disposition"), tt.file)
			}
			fi, _ := os.Stat(filepath.Join(out, tt.file))
			if lm := got.header.Get("Last-Modified"); lm != fi.ModTime().UTC().Format(http.TimeFormat) {
				t.Errorf("Last-Modified: got %q, want %q", lm, fi.ModTime().UTC().Format(http.TimeFormat))
			}
		})
	}
}

func TestServingAnEditionInsideTheFolderThroughASymlink(t *testing.T) {
	out := t.TempDir()
	writeFile(t, filepath.Join(out, "briefing-2026-11-24T0600.pdf"), "%PDF-1.4 linked")
	if err := os.Symlink("briefing-2026-11-24T0600.pdf", filepath.Join(out, "latest.pdf")); err != nil {
		t.Fatal(err)
	}
	srv := start(t, httpapi.Config{OutputDir: out})
	if got := do(t, srv, http.MethodGet, "/briefings/latest.pdf", nil); got.status != http.StatusOK || got.body != "%PDF-1.4 linked" {
		t.Errorf("got %d %q, want 200 %q", got.status, got.body, "%PDF-1.4 linked")
	}
}

func TestRangeAndConditionalRequests(t *testing.T) {
	srv := start(t, httpapi.Config{OutputDir: editions(t)})
	lastMod := time.Date(2026, 11, 23, 6, 1, 0, 0, time.UTC)
	tests := []struct {
		name         string
		header       http.Header
		wantStatus   int
		wantBody     string
		wantRangeHdr string
	}{
		{"a range request gets the bytes asked for", http.Header{"Range": {"bytes=0-3"}}, http.StatusPartialContent, "%PDF", "bytes 0-3/15"},
		{"a suffix range gets the end of the file", http.Header{"Range": {"bytes=-6"}}, http.StatusPartialContent, "monday", "bytes 9-14/15"},
		{"a range past the end is not satisfiable", http.Header{"Range": {"bytes=100-200"}}, http.StatusRequestedRangeNotSatisfiable, "", "bytes */15"},
		{"an unchanged file is not sent again", http.Header{"If-Modified-Since": {lastMod.Format(http.TimeFormat)}}, http.StatusNotModified, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := do(t, srv, http.MethodGet, "/briefings/briefing-2026-11-23T0600.pdf", tt.header)
			if got.status != tt.wantStatus || got.header.Get("Content-Range") != tt.wantRangeHdr {
				t.Errorf("got %d Content-Range %q, want %d %q", got.status, got.header.Get("Content-Range"), tt.wantStatus, tt.wantRangeHdr)
			}
			if tt.wantBody != "" && got.body != tt.wantBody {
				t.Errorf("body: got %q, want %q", got.body, tt.wantBody)
			}
		})
	}
}

func TestNothingButEditionsCanBeFetched(t *testing.T) {
	srv := start(t, httpapi.Config{OutputDir: editions(t)})
	tests := []struct {
		name   string
		target string
	}{
		{"a parent segment is not found", "/briefings/../config.yaml"},
		{"a parent segment with an encoded slash is not found", "/briefings/..%2fconfig.yaml"},
		{"an upper-case encoded slash is not found", "/briefings/..%2Fconfig.yaml"},
		{"an encoded parent segment is not found", "/briefings/%2e%2e/config.yaml"},
		{"an encoded parent segment and slash are not found", "/briefings/%2e%2e%2fconfig.yaml"},
		{"a parent segment to a pdf outside is not found", "/briefings/../secret.pdf"},
		{"two parent segments are not found", "/briefings/../../etc/passwd"},
		{"an absolute path is not found", "/briefings//etc/passwd"},
		{"an encoded absolute path is not found", "/briefings/%2fetc%2fpasswd"},
		{"a dot segment is not found", "/briefings/./latest.pdf"},
		{"a hidden file is not found", "/briefings/.hidden.pdf"},
		{"a file that is not an edition is not found", "/briefings/config.yaml"},
		{"a text file is not found", "/briefings/notes.txt"},
		{"a temporary file is not found", "/briefings/briefing-2026-11-25T0600.pdf.tmp"},
		{"a file in a subfolder is not found", "/briefings/sub/briefing-2026-03-01T0000.pdf"},
		{"a subfolder with an encoded slash is not found", "/briefings/sub%2fbriefing-2026-03-01T0000.pdf"},
		{"a subfolder is not listed", "/briefings/sub/"},
		{"a folder named like an edition is not found", "/briefings/briefing-2026-02-01T0000.pdf"},
		{"a symlink to a file outside the folder is not found", "/briefings/briefing-2026-01-01T0000.pdf"},
		{"an absolute symlink to a file outside the folder is not found", "/briefings/briefing-2026-01-02T0000.pdf"},
		{"an absolute symlink back into the folder is not found", "/briefings/briefing-2026-01-03T0000.pdf"},
		{"a symlink that climbs out and back is not found", "/briefings/briefing-2026-01-04T0000.pdf"},
		{"a dangling symlink is not found", "/briefings/briefing-2026-01-05T0000.pdf"},
		{"an edition that does not exist is not found", "/briefings/briefing-2030-01-01T0000.pdf"},
		{"a backslash path is not found", `/briefings/..\config.yaml`},
		{"a NUL byte is not found", "/briefings/latest.pdf%00.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := do(t, srv, http.MethodGet, tt.target, nil)
			if got.status != http.StatusNotFound {
				t.Errorf("GET %s: got %d (Location %q), want 404", tt.target, got.status, got.header.Get("Location"))
			}
			if strings.Contains(got.body, "hunter2") {
				t.Errorf("GET %s: the secret was served", tt.target)
			}
		})
	}
}

// runsOf is a run history that produced the named editions.
type runsOf []string

func (r runsOf) Runs() []edition.Record {
	var out []edition.Record
	for _, name := range r {
		out = append(out, edition.Record{ID: "20261124T060000.000000000Z", Status: edition.StatusSuccess, Output: name})
	}
	return out
}

// Only files the daemon wrote are served: a hard link in the output folder to a file
// elsewhere (it has two links), or a file named like an edition that no run produced, is
// neither listed nor served.
func TestOnlyFilesTheDaemonWroteAreServed(t *testing.T) {
	out := editions(t)
	outside := filepath.Join(filepath.Dir(out), "secret.pdf")
	if err := os.Link(outside, filepath.Join(out, "briefing-2026-11-25T0600.pdf")); err != nil {
		t.Skip(err)
	}
	writeFile(t, filepath.Join(out, "briefing-2026-11-26T0600.pdf"), "%PDF-1.4 planted")
	srv := start(t, httpapi.Config{OutputDir: out, History: runsOf{"briefing-2026-11-24T0600.pdf", "briefing-2026-11-26T0600-9.pdf"}})
	for _, name := range []string{"briefing-2026-11-25T0600.pdf", "briefing-2026-11-26T0600.pdf", "briefing-2026-11-23T0600.pdf"} {
		if r := do(t, srv, http.MethodGet, "/briefings/"+name, nil); r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", name, r.status)
		}
	}
	if r := do(t, srv, http.MethodGet, "/briefings/briefing-2026-11-24T0600.pdf", nil); r.status != http.StatusOK {
		t.Errorf("a recorded edition: status %d", r.status)
	}
	r := do(t, srv, http.MethodGet, "/briefings/", nil)
	if strings.Contains(r.body, "11-25") || strings.Contains(r.body, "11-26") || !strings.Contains(r.body, "11-24T0600.pdf") {
		t.Errorf("listing: %s", r.body)
	}
}

// With http.read_token, the editions and the run history need it (bearer token or basic
// authentication); health, readiness and metrics stay open.
func TestReadingNeedsTheReadToken(t *testing.T) {
	out := editions(t)
	srv := start(t, httpapi.Config{OutputDir: out, Token: "run-token-0123456789", ReadToken: "read-token-0123456789"})
	for _, c := range []struct {
		path   string
		header http.Header
		want   int
	}{
		{"/briefings/", nil, http.StatusUnauthorized},
		{"/briefings/latest.pdf", nil, http.StatusUnauthorized},
		{"/runs", nil, http.StatusUnauthorized},
		{"/briefings/latest.pdf", http.Header{"Authorization": {"Bearer wrong"}}, http.StatusUnauthorized},
		{"/briefings/latest.pdf", http.Header{"Authorization": {"Bearer read-token-0123456789"}}, http.StatusOK},
		{"/briefings/", http.Header{"Authorization": {"Bearer run-token-0123456789"}}, http.StatusOK},
		{"/briefings/latest.pdf", http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte("lage:read-token-0123456789"))}}, http.StatusOK},
		{"/healthz", nil, http.StatusOK},
	} {
		if r := do(t, srv, http.MethodGet, c.path, c.header); r.status != c.want {
			t.Errorf("GET %s with %v: status %d, want %d", c.path, c.header, r.status, c.want)
		}
	}
}
