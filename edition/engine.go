package edition

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/secbrief/briefing/atomicfile"
	"github.com/secbrief/briefing/briefing"
)

// Job is what one run does; it is made from the configuration in force when the run starts.
type Job struct {
	// Hash identifies the input: documents, configuration and templates.
	Hash func() (string, error)
	// Build makes the PDF of an edition dated date; prev is what the previous edition's model
	// says for a comparison: its documents (by id only), figures and events (nil for the first
	// edition). log carries the run's id.
	Build func(ctx context.Context, date time.Time, prev *briefing.Model, log *slog.Logger) (Built, error)
	// Deliver hands a new edition to the targets (may be nil). log carries the run's id.
	Deliver func(ctx context.Context, e Edition, log *slog.Logger) []Delivery
	// SkipUnchanged records a run with an unchanged input as unchanged and builds nothing.
	SkipUnchanged bool
	// Keep is the number of dated editions kept in the output folder.
	Keep int
}

// Built is a built edition before it is written.
type Built struct {
	PDF      []byte
	Model    *briefing.Model
	Title    string
	Warnings int
}

// Observer is told about runs, for metrics.
type Observer interface {
	RunStarted()
	RunFinished(status string, d time.Duration, end time.Time)
	Documents(n int)
	Warnings(n int)
	Delivery(target, status string)
	Editions(n int)
}

// Options set where an Engine keeps editions and state.
type Options struct {
	OutputDir string
	StateDir  string
	// History is the number of run records kept.
	History int
	// Location is the zone of edition names and dates.
	Location *time.Location
	Now      func() time.Time
	Log      *slog.Logger
	Observer Observer
	// BuildTimeout bounds a run: after it the run is cancelled and recorded as failed. Zero
	// means no bound.
	BuildTimeout time.Duration
}

// Engine runs jobs one at a time and keeps their history.
type Engine struct {
	opt     Options
	history *history
	mu      sync.Mutex
	idle    chan struct{} // closed when the running run ends; nil while none runs
	since   time.Time     // when the running run began
}

// WaitIdle returns when no run is in progress, or with ctx's error when ctx ends first.
func (e *Engine) WaitIdle(ctx context.Context) error {
	e.mu.Lock()
	idle := e.idle
	e.mu.Unlock()
	if idle == nil {
		return nil
	}
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stuck reports a run that has gone on for longer than the build timeout and a minute more:
// it did not stop when it was cancelled, and the process needs a restart. (A liveness probe
// that asks /healthz restarts it.)
func (e *Engine) Stuck() (time.Duration, bool) {
	e.mu.Lock()
	running, since := e.idle != nil, e.since
	e.mu.Unlock()
	if e.opt.BuildTimeout <= 0 || !running {
		return 0, false
	}
	d := time.Since(since)
	return d, d > e.opt.BuildTimeout+time.Minute
}

// NewEngine prepares the output and state folders and loads the run history.
func NewEngine(opt Options) (*Engine, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	for _, dir := range []string{opt.OutputDir, opt.StateDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
	}
	// A process killed while it wrote a file left its temporary file behind.
	for _, dir := range []string{opt.OutputDir, opt.StateDir, filepath.Join(opt.StateDir, "runs")} {
		if removed, err := atomicfile.RemoveStale(dir); err == nil && len(removed) > 0 {
			opt.Log.Warn("removed temporary files of an interrupted write", "dir", dir, "files", removed)
		}
	}
	h, err := openHistory(filepath.Join(opt.StateDir, "runs"), max(1, opt.History), opt.Log)
	if err != nil {
		return nil, err
	}
	return &Engine{opt: opt, history: h}, nil
}

// Runs returns the run history, newest first.
func (e *Engine) Runs() []Record { return e.history.list() }

// Running reports whether a run is in progress.
func (e *Engine) Running() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.idle != nil
}

// lastSuccess is what the state folder remembers of the latest edition.
type lastSuccess struct {
	Edition   Edition   `json:"edition"`
	InputHash string    `json:"input_hash"`
	Time      time.Time `json:"time"`
}

// LastSuccess returns the time of the latest edition, or the zero time.
func (e *Engine) LastSuccess() time.Time {
	ls, _ := e.loadLastSuccess()
	if ls == nil {
		return time.Time{}
	}
	return ls.Time
}

// Run executes job unless a run is in progress (ErrBusy). The record is saved when the run
// starts and when it ends; a failure never removes or replaces the last good edition.
func (e *Engine) Run(ctx context.Context, job Job, trigger string, scheduled time.Time) (Record, error) {
	rec, err := e.claim(trigger, scheduled)
	if err != nil {
		return Record{}, err
	}
	defer release()
	return e.execute(ctx, job, rec), nil
}

// release hands the memory of a finished run back to the system. A build of a large corpus
// uses hundreds of MB for seconds; between runs the daemon needs a few, and the runtime's
// scavenger would return them only over minutes. The first collection empties the pools
// into their victim caches (encoding/json keeps the buffer of the model it wrote, 100 MB
// for 10 000 documents); the second, in FreeOSMemory, frees them and returns the pages.
func release() {
	runtime.GC()
	debug.FreeOSMemory()
}

// Start begins a run in the background and returns its id, or ErrBusy. done, when set, is
// called with the finished record.
func (e *Engine) Start(ctx context.Context, job Job, trigger string, done func(Record)) (string, error) {
	rec, err := e.claim(trigger, time.Time{})
	if err != nil {
		return "", err
	}
	go func() {
		defer release()
		r := e.execute(ctx, job, rec)
		if done != nil {
			done(r)
		}
	}()
	return rec.ID, nil
}

// claim marks the engine busy and opens the run's record.
func (e *Engine) claim(trigger string, scheduled time.Time) (Record, error) {
	e.mu.Lock()
	if e.idle != nil {
		e.mu.Unlock()
		return Record{}, ErrBusy
	}
	e.idle, e.since = make(chan struct{}), time.Now()
	e.mu.Unlock()
	start := e.opt.Now()
	return Record{ID: runID(start), Trigger: trigger, Scheduled: scheduled, Start: start, Status: StatusRunning, Deliveries: []Delivery{}}, nil
}

func (e *Engine) execute(ctx context.Context, job Job, rec Record) Record {
	defer func() {
		e.mu.Lock()
		close(e.idle)
		e.idle = nil
		e.mu.Unlock()
	}()
	start := rec.Start
	var cancel context.CancelFunc = func() {}
	if e.opt.BuildTimeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, e.opt.BuildTimeout)
	}
	defer cancel()
	log := e.opt.Log.With("run_id", rec.ID)
	if err := e.history.save(rec); err != nil {
		log.Error("save run record", "err", err)
	}
	if e.opt.Observer != nil {
		e.opt.Observer.RunStarted()
	}
	log.Info("run started", "trigger", rec.Trigger)
	err := e.safeRun(ctx, job, &rec, log)
	rec.End = e.opt.Now()
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		rec.Status, rec.Error = StatusFailed, fmt.Sprintf("timed out after %s (build_timeout): %v", e.opt.BuildTimeout, err)
		log.Error("run timed out", "err", err, "duration", rec.End.Sub(start).String())
	case err != nil && ctx.Err() != nil:
		rec.Status, rec.Error = StatusAborted, err.Error()
		log.Warn("run aborted", "err", err, "duration", rec.End.Sub(start).String())
	case err != nil:
		rec.Status, rec.Error = StatusFailed, err.Error()
		log.Error("run failed", "err", err, "duration", rec.End.Sub(start).String())
	default:
		log.Info("run finished", "status", rec.Status, "output", rec.Output, "duration", rec.End.Sub(start).String())
	}
	if err := e.history.save(rec); err != nil {
		log.Error("save run record", "err", err)
	}
	if o := e.opt.Observer; o != nil {
		o.RunFinished(rec.Status, rec.End.Sub(start), rec.End)
		for _, d := range rec.Deliveries {
			o.Delivery(d.Target, d.Status)
		}
	}
	return rec
}

// safeRun runs a job and turns a panic into the run's error: a run started by POST /run or at
// start-up is not covered by the scheduler's recovery, and a panic must never end the daemon
// or leave the run "running".
func (e *Engine) safeRun(ctx context.Context, job Job, rec *Record, log *slog.Logger) (err error) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("run panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return e.run(ctx, job, rec, log)
}

func (e *Engine) run(ctx context.Context, job Job, rec *Record, log *slog.Logger) error {
	hash, err := job.Hash()
	if err != nil {
		return fmt.Errorf("hash input: %w", err)
	}
	rec.InputHash = hash
	last, err := e.loadLastSuccess()
	if err != nil {
		log.Warn("state unreadable, building anew", "err", err)
	}
	if job.SkipUnchanged && last != nil && last.InputHash == hash {
		rec.Status, rec.Output = StatusUnchanged, last.Edition.Name
		log.Info("input unchanged since the last edition", "edition", last.Edition.Name)
		e.deliverPending(ctx, job, last.Edition, rec, log)
		markDeliveryFailed(rec)
		return nil
	}
	prev, err := e.loadModel()
	if err != nil {
		log.Warn("previous model unreadable, no comparison with the last edition", "err", err)
	}
	date := rec.Start.In(e.opt.Location)
	built, err := job.Build(ctx, date, prev, log)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("aborted: %w", err)
	}
	rec.Documents = len(built.Model.Documents)
	if o := e.opt.Observer; o != nil {
		o.Documents(rec.Documents)
		o.Warnings(built.Warnings)
	}
	ed, err := e.write(built, date, hash)
	if err != nil {
		return err
	}
	rec.Status, rec.Output = StatusSuccess, ed.Name
	if err := e.saveState(ed, built.Model, hash, rec.Start); err != nil {
		return err
	}
	kept := e.prune(job.Keep, log)
	if o := e.opt.Observer; o != nil {
		o.Editions(kept)
	}
	if job.Deliver != nil {
		rec.Deliveries = job.Deliver(ctx, ed, log)
		markDeliveryFailed(rec)
	}
	return nil
}

// markDeliveryFailed gives a run whose every delivery failed its own status: the readers did
// not get the edition, which "success" would hide.
func markDeliveryFailed(rec *Record) {
	tried, failed := 0, 0
	for _, d := range rec.Deliveries {
		if d.Status == DeliverySkipped {
			continue
		}
		tried++
		if d.Status == DeliveryFailed || d.Status == DeliveryInDoubt {
			failed++
		}
	}
	if tried > 0 && failed == tried {
		rec.Status = StatusDeliveryFailed
	}
}

// deliverPending offers the latest edition again to the targets: those that have it (the
// delivery ledger says so) are skipped and left out of the record; one that failed before,
// say because the mail server was down, gets it now.
func (e *Engine) deliverPending(ctx context.Context, job Job, ed Edition, rec *Record, log *slog.Logger) {
	if job.Deliver == nil {
		return
	}
	ed.Path = filepath.Join(e.opt.OutputDir, ed.Name)
	if !fileExists(ed.Path) {
		return
	}
	for _, d := range job.Deliver(ctx, ed, log) {
		if d.Status != DeliverySkipped {
			rec.Deliveries = append(rec.Deliveries, d)
		}
	}
}

// editionName matches the files of dated editions.
var editionName = regexp.MustCompile(`^briefing-\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?\.pdf$`)

// write stores the edition under its dated name and as latest.pdf, each atomically.
func (e *Engine) write(b Built, date time.Time, hash string) (Edition, error) {
	id := date.Format("2006-01-02T1504")
	name := "briefing-" + id + ".pdf"
	for n := 2; fileExists(filepath.Join(e.opt.OutputDir, name)); n++ {
		id = fmt.Sprintf("%s-%d", date.Format("2006-01-02T1504"), n)
		name = "briefing-" + id + ".pdf"
	}
	sum := sha256.Sum256(b.PDF)
	ed := Edition{ID: id, Name: name, Path: filepath.Join(e.opt.OutputDir, name), Date: date, Title: b.Title,
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b.PDF)), Documents: len(b.Model.Documents), InputHash: hash}
	for _, path := range []string{ed.Path, filepath.Join(e.opt.OutputDir, "latest.pdf")} {
		if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(b.PDF); return err }); err != nil {
			// An edition without its latest.pdf (the disk filled up) is not a finished
			// edition: it must not be listed, served or taken for the last one.
			os.Remove(ed.Path)
			return Edition{}, err
		}
	}
	return ed, nil
}

// prune removes the oldest dated editions beyond keep and returns how many are kept.
func (e *Engine) prune(keep int, log *slog.Logger) int {
	entries, err := os.ReadDir(e.opt.OutputDir)
	if err != nil {
		log.Warn("list editions", "err", err)
		return 0
	}
	var names []string
	for _, en := range entries {
		if editionName.MatchString(en.Name()) {
			names = append(names, en.Name())
		}
	}
	sort.Slice(names, func(i, j int) bool { return olderEdition(names[i], names[j]) })
	for len(names) > max(1, keep) {
		if err := os.Remove(filepath.Join(e.opt.OutputDir, names[0])); err != nil {
			log.Warn("remove old edition", "file", names[0], "err", err)
		}
		names = names[1:]
	}
	return len(names)
}

// olderEdition orders edition file names by their time stamp, then by the number that tells
// editions of the same minute apart ("…T0600.pdf" before "…T0600-2.pdf" before "…T0600-10.pdf").
func olderEdition(a, b string) bool {
	sa, na := editionOrder(a)
	sb, nb := editionOrder(b)
	if sa != sb {
		return sa < sb
	}
	return na < nb
}

func editionOrder(name string) (string, int) {
	m := editionName.FindStringSubmatch(name)
	stamp := strings.TrimSuffix(strings.TrimPrefix(name, "briefing-"), ".pdf")
	if m == nil || m[1] == "" {
		return stamp, 1
	}
	n, _ := strconv.Atoi(m[1][1:])
	return strings.TrimSuffix(stamp, m[1]), n
}

func (e *Engine) statePath(name string) string { return filepath.Join(e.opt.StateDir, name) }

// saveState remembers the edition and its model for the next run.
func (e *Engine) saveState(ed Edition, m *briefing.Model, hash string, at time.Time) error {
	if err := writeJSON(e.statePath("model.json"), m); err != nil {
		return err
	}
	return writeJSON(e.statePath("last-success.json"), lastSuccess{Edition: ed, InputHash: hash, Time: at})
}

func (e *Engine) loadLastSuccess() (*lastSuccess, error) {
	var ls lastSuccess
	path := e.statePath("last-success.json")
	err := readJSON(path, &ls)
	switch {
	case err == nil && ls.Edition.Name != "":
		return &ls, nil
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	}
	// A corrupt state file is moved aside and rebuilt from the run records and the editions
	// on disk: it must never make the same content an edition again and deliver it twice.
	aside := fmt.Sprintf("%s.corrupt-%d", path, e.opt.Now().Unix())
	if rerr := os.Rename(path, aside); rerr != nil {
		return nil, fmt.Errorf("move aside %s: %w", path, rerr)
	}
	e.opt.Log.Warn("state file corrupt, moved aside and rebuilt from the run records", "file", path, "moved_to", aside, "err", err)
	rebuilt := e.lastFromHistory()
	if rebuilt == nil {
		return nil, nil
	}
	if werr := writeJSON(path, rebuilt); werr != nil {
		e.opt.Log.Warn("rebuilt state not written", "err", werr)
	}
	return rebuilt, nil
}

// lastFromHistory rebuilds what last-success.json says from the newest run that produced or
// kept an edition that is still on disk; nil when there is none.
func (e *Engine) lastFromHistory() *lastSuccess {
	for _, r := range e.history.list() {
		switch r.Status {
		case StatusSuccess, StatusUnchanged, StatusDeliveryFailed:
		default:
			continue
		}
		if r.InputHash == "" {
			continue
		}
		ed, err := FromFile(e.opt.OutputDir, r.Output, e.opt.Location)
		if err != nil {
			continue
		}
		ed.Documents, ed.InputHash = r.Documents, r.InputHash
		return &lastSuccess{Edition: ed, InputHash: r.InputHash, Time: r.Start}
	}
	return nil
}

// FromFile describes the dated edition name in dir from its file: id, path, digest, size and
// the date its name gives (in loc). It is an error when name is not an edition's name or the
// file cannot be read.
func FromFile(dir, name string, loc *time.Location) (Edition, error) {
	if !editionName.MatchString(name) {
		return Edition{}, fmt.Errorf("%q is not the name of an edition", name)
	}
	path := filepath.Join(dir, name)
	raw, err := os.ReadFile(path)
	if err != nil {
		return Edition{}, fmt.Errorf("read edition: %w", err)
	}
	sum := sha256.Sum256(raw)
	id := strings.TrimSuffix(strings.TrimPrefix(name, "briefing-"), ".pdf")
	ed := Edition{ID: id, Name: name, Path: path, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(raw))}
	if t, err := time.ParseInLocation("2006-01-02T1504", id[:min(len(id), len("2006-01-02T1504"))], loc); err == nil {
		ed.Date = t
	}
	return ed, nil
}

// loadModel reads what the next edition compares with from the previous edition's model:
// its documents by id, its figures and its events. The documents' texts and sentences, most
// of the file (24 MB for 10 000 documents), are skipped, not decoded.
func (e *Engine) loadModel() (*briefing.Model, error) {
	var prev struct {
		Documents []struct {
			ID string `json:"id"`
		} `json:"documents"`
		Figures []briefing.Figure `json:"figures"`
		Events  []briefing.Event  `json:"events"`
	}
	if err := readJSON(e.statePath("model.json"), &prev); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	m := &briefing.Model{Documents: make([]briefing.Document, len(prev.Documents)), Figures: prev.Figures, Events: prev.Events}
	for i, d := range prev.Documents {
		m.Documents[i].ID = d.ID
	}
	return m, nil
}

func writeJSON(path string, v any) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		if err := json.NewEncoder(w).Encode(v); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	})
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// runID names a run by its start time; it sorts in time order.
func runID(t time.Time) string { return t.UTC().Format("20060102T150405.000000000Z") }
