// Package ingest reads a folder of documents (plain text, Markdown, HTML) into cleaned
// briefing documents: decoded, normalised, stripped of boilerplate, with metadata and
// sentence spans. A bad file is skipped with a warning and never stops the run.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/sync/errgroup"

	"github.com/secbrief/briefing/briefing"
	"github.com/secbrief/briefing/briefing/charset"
	"github.com/secbrief/briefing/briefing/htmltext"
	"github.com/secbrief/briefing/briefing/segment"
)

// Options control how documents are read.
type Options struct {
	// MaxFileBytes skips larger files with a warning; 0 means DefaultMaxFileBytes.
	MaxFileBytes int64
	// Language is assumed when a document's language cannot be detected ("de").
	Language string
	// Workers is the number of files processed at once; 0 means GOMAXPROCS.
	Workers int
	// Cache, when set, keeps what reading a file gives (the document and its warnings) by a
	// key of the file's bytes, name, time and these options, so that an unchanged file is
	// not read again by the next edition.
	Cache Cache
	// CacheSalt is part of every cache key: the version of the code that reads, so that a
	// new release never uses what an older one read.
	CacheSalt string
}

// Cache keeps the results of reading files between runs. Get and Put are called from
// several goroutines at once.
type Cache interface {
	Get(key string) (Cached, bool)
	Put(key string, c Cached)
	// Keep tells the cache which keys the run used; it may drop the others.
	Keep(keys []string)
}

// Cached is what reading one file gives: its document, or nil when it was skipped, and the
// warnings about it.
type Cached struct {
	Doc      *briefing.Document
	Warnings []briefing.Warning
}

// DefaultMaxFileBytes is the default size limit for one document (20 MB).
const DefaultMaxFileBytes = 20 << 20

// Load reads every supported document below root, in path order. Problems with single files
// become warnings; only an unreadable root is an error.
func Load(ctx context.Context, root string, opt Options) ([]briefing.Document, []briefing.Warning, error) {
	if opt.MaxFileBytes <= 0 {
		opt.MaxFileBytes = DefaultMaxFileBytes
	}
	if opt.Language == "" {
		opt.Language = "de"
	}
	files, warnings, err := walk(root, opt.MaxFileBytes)
	if err != nil {
		return nil, nil, err
	}
	results := make([]result, len(files))
	keys := make([]string, len(files))
	var g errgroup.Group // each file's problem is a warning, never an error of the group
	g.SetLimit(max(1, orDefault(opt.Workers, runtime.GOMAXPROCS(0))))
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			results[i], keys[i] = cachedReadFile(files[i], opt)
			return nil
		})
	}
	g.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}

	if opt.Cache != nil {
		opt.Cache.Keep(slices.DeleteFunc(keys, func(k string) bool { return k == "" }))
	}
	var docs []briefing.Document
	for _, r := range results {
		warnings = append(warnings, r.warnings...)
		if r.doc != nil {
			docs = append(docs, *r.doc)
		}
	}
	sort.SliceStable(warnings, func(i, j int) bool { return warnings[i].Path < warnings[j].Path })
	return docs, warnings, nil
}

// cachedReadFile reads one file, or takes what reading its very bytes gave before from the
// cache. It returns the result with the file's cache key ("" without a cache, or when the
// file cannot be read).
func cachedReadFile(f file, opt Options) (result, string) {
	if opt.Cache == nil {
		return safeReadFile(f, opt, nil), ""
	}
	raw, err := readLimited(f.path, opt.MaxFileBytes)
	if err != nil {
		return result{warnings: []briefing.Warning{{Path: f.rel, Message: "skipped: " + err.Error()}}}, ""
	}
	key := cacheKey(f, raw, opt)
	if c, ok := opt.Cache.Get(key); ok {
		return result{doc: c.Doc, warnings: c.Warnings}, key
	}
	r := safeReadFile(f, opt, raw)
	opt.Cache.Put(key, Cached{Doc: r.doc, Warnings: r.warnings})
	return r, key
}

// cacheKey identifies what reading a file gives: its bytes, its path and time (a date may
// come from either), the options that change the reading, and the salt.
func cacheKey(f file, raw []byte, opt Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00%s\x00%d\x00", opt.CacheSalt, f.rel, f.modTime.UnixNano(), f.format, opt.Language, opt.MaxFileBytes)
	h.Write(raw)
	return hex.EncodeToString(h.Sum(nil))
}

// safeReadFile reads one file; a panic while reading it (a bug that one file triggers) skips
// that file with a warning instead of ending the process from a worker goroutine.
func safeReadFile(f file, opt Options, raw []byte) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{warnings: []briefing.Warning{{Path: f.rel, Message: fmt.Sprintf("skipped: internal error while reading it: %v", p)}}}
		}
	}()
	return readFile(f, opt, raw)
}

// orDefault returns n when it is set, else the fallback.
func orDefault(n, fallback int) int {
	if n > 0 {
		return n
	}
	return fallback
}

type result struct {
	doc      *briefing.Document
	warnings []briefing.Warning
}

// readFile reads, decodes and cleans one file.
func readFile(f file, opt Options, raw []byte) result {
	var r result
	warn := func(format string, args ...any) {
		r.warnings = append(r.warnings, briefing.Warning{Path: f.rel, Message: fmt.Sprintf(format, args...)})
	}
	if raw == nil {
		var err error
		if raw, err = readLimited(f.path, opt.MaxFileBytes); err != nil {
			warn("skipped: %v", err)
			return r
		}
	}
	dec, err := charset.Decode(raw)
	if errors.Is(err, charset.ErrBinary) {
		warn("skipped: not a text file (%v)", err)
		return r
	} else if err != nil {
		warn("skipped: %v", err)
		return r
	}
	if dec.Warning != "" {
		warn("%s", dec.Warning)
	}
	text := normalize(dec.Text)
	if strings.TrimSpace(text) == "" {
		warn("skipped: empty file")
		return r
	}
	parsed, problems := parse(f.format, text)
	for _, p := range problems {
		warn("%s", p)
	}
	doc, reason := build(parsed, f, raw, opt.Language)
	if doc != nil {
		doc.Encoding = dec.Encoding
	}
	if doc == nil {
		warn("skipped: %s", reason)
		return r
	}
	if doc.Date == "" {
		warn("undated: no date in metadata, dateline, address or file name; not counted as new or recent")
	}
	r.doc = doc
	return r
}

// readLimited reads a file but refuses to read more than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	fh, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if fi.Size() > limit {
		return nil, fmt.Errorf("larger than the limit of %s", byteSize(limit))
	}
	b, err := readAll(fh, fi.Size(), limit+1)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than the limit of %s", byteSize(limit))
	}
	return b, nil
}

// readAll reads at most n bytes of an open file whose size was size when it was opened, into
// a buffer of that size rather than one that io.ReadAll grows and copies from 512 bytes up.
// It reads the file as it was when opened: once it has size bytes it stops, without a read
// that only reports the end (a file that reports no size is read to its end).
func readAll(fh *os.File, size, n int64) ([]byte, error) {
	b := make([]byte, 0, min(max(size, 512), n))
	r := io.LimitReader(fh, n)
	for {
		if size > 0 && int64(len(b)) >= size {
			return b, nil
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file is larger than it was: grow as append does
		}
		k, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+k]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// OpenRegular opens a file for reading only if it is a regular file. The file is opened
// without blocking and checked after opening: a FIFO or a device put in place of a listed file
// would otherwise block the open, and the run, for ever.
func OpenRegular(path string) (*os.File, error) {
	fh, _, err := openRegular(path)
	return fh, err
}

// openRegular is OpenRegular, with what the file's status said when it was opened.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	fi, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if !fi.Mode().IsRegular() {
		fh.Close()
		return nil, nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	return fh, fi, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parsed is a file's text split into blocks, with the metadata its format carries.
type parsed struct {
	blocks     []string
	references []briefing.Reference
	title      string
	date       string
	dateSource string
	publisher  string
	author     string
	language   string
	url        string // the document's web address, when its metadata gives one
}

// parse splits text into blocks according to its format.
func parse(format, text string) (parsed, []string) {
	var p parsed
	var problems []string
	switch format {
	case formatMarkdown:
		fm, body, err := splitFrontMatter(text)
		if err != nil {
			problems = append(problems, err.Error())
		}
		md := parseMarkdown(body)
		p.blocks, p.references = md.blocks, md.references
		p.title = firstOf(fm.Title, md.h1)
		p.publisher, p.author, p.language, p.url = fm.Publisher, fm.author(), fm.language(), firstOf(fm.URL, fm.Source)
		if p.date = fm.date(); p.date != "" {
			p.dateSource = briefing.DateFromFrontMatter
		} else if fm.Date != nil {
			problems = append(problems, fmt.Sprintf("front matter: date %v is not a date", fm.Date))
		}
	case formatHTML:
		page, err := htmltext.Extract(text)
		if err != nil {
			problems = append(problems, err.Error())
		}
		for _, b := range page.Blocks {
			if b = collapseSpaces(normalize(b)); b != "" {
				p.blocks = append(p.blocks, b)
			}
		}
		p.title = collapseSpaces(normalize(page.Title))
		p.publisher, p.author, p.language = page.Meta["publisher"], page.Meta["author"], knownLanguage(page.Meta["language"])
		p.url = page.Meta["url"]
		if p.date = isoDate(page.Meta["date"]); p.date != "" {
			p.dateSource = briefing.DateFromMeta
		}
	default:
		lines := splitLines(unescapeEntities(text))
		for i, l := range lines {
			lines[i] = stripBullet(l)
		}
		p.blocks = joinLines(lines, wrapWidth(lines))
	}
	return p, problems
}

// build cleans the blocks and assembles the document, or says why there is none.
func build(p parsed, f file, raw []byte, language string) (*briefing.Document, string) {
	c := clean(p.blocks)
	h, body := readHeader(mendBreaks(c.body))
	if len(body) == 0 {
		return nil, "no text left after removing boilerplate"
	}
	text := strings.Join(body, "\n")
	sum := sha256.Sum256(raw)
	doc := &briefing.Document{
		ID:         hex.EncodeToString(sum[:8]),
		Path:       f.rel,
		Title:      firstOf(p.title, h.title, titleFromText(body)),
		Publisher:  firstOf(p.publisher, h.publisher, first(c.publishers)),
		Author:     firstOf(p.author, h.author),
		Language:   firstOf(p.language, detectLanguage(text, language)),
		Format:     f.format,
		Text:       text,
		References: append(p.references, c.references...),
	}
	doc.Date, doc.DateSource = documentDate(p.date, p.dateSource, h, text, p.url, path.Base(f.rel))
	if doc.References == nil {
		doc.References = []briefing.Reference{}
	}
	for _, s := range segment.Sentences(text) {
		doc.Sentences = append(doc.Sentences, briefing.Sentence{Start: s.Start, End: s.End, Heading: s.Heading})
	}
	return doc, ""
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

func first(s []string) string {
	if len(s) > 0 {
		return s[0]
	}
	return ""
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
