package edition

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/secbrief/briefing/briefing"
)

// clock is a test clock that advances a minute per call.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Minute)
	return c.t
}

func newEngine(t *testing.T) (*Engine, string) {
	t.Helper()
	dir := t.TempDir()
	c := &clock{t: time.Date(2026, 11, 24, 5, 0, 0, 0, time.UTC)}
	e, err := NewEngine(Options{OutputDir: filepath.Join(dir, "out"), StateDir: filepath.Join(dir, "state"), History: 5, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	return e, dir
}

func job(hash string, pdf string, fail error) Job {
	return Job{
		Hash: func() (string, error) { return hash, nil },
		Build: func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
			if fail != nil {
				return Built{}, fail
			}
			return Built{PDF: []byte(pdf), Model: &briefing.Model{Documents: []briefing.Document{{ID: "a"}}}, Title: "T"}, nil
		},
		Deliver: func(ctx context.Context, e Edition, _ *slog.Logger) []Delivery {
			return []Delivery{{Target: "mail", Status: DeliverySent}}
		},
		SkipUnchanged: true,
		Keep:          2,
	}
}

func editions(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestRunWritesADatedEditionAndLatest(t *testing.T) {
	e, dir := newEngine(t)
	rec, err := e.Run(context.Background(), job("h1", "%PDF-1", nil), TriggerManual, time.Time{})
	if err != nil || rec.Status != StatusSuccess || rec.Output != "briefing-2026-11-24T0501.pdf" || len(rec.Deliveries) != 1 {
		t.Fatalf("record = %+v, %v", rec, err)
	}
	if got := editions(t, dir); len(got) != 2 || got[0] != "briefing-2026-11-24T0501.pdf" || got[1] != "latest.pdf" {
		t.Errorf("output = %v", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", "latest.pdf")); string(b) != "%PDF-1" {
		t.Errorf("latest.pdf = %q", b)
	}
}

// remembering delivers like the real ledger: once per edition.
func remembering(fail *bool) func(ctx context.Context, e Edition, _ *slog.Logger) []Delivery {
	sent := map[string]bool{}
	return func(ctx context.Context, e Edition, _ *slog.Logger) []Delivery {
		switch {
		case sent[e.ID]:
			return []Delivery{{Target: "mail", Status: DeliverySkipped}}
		case *fail:
			return []Delivery{{Target: "mail", Status: DeliveryFailed}}
		}
		sent[e.ID] = true
		return []Delivery{{Target: "mail", Status: DeliverySent}}
	}
}

func TestAnUnchangedInputIsNotBuiltAgain(t *testing.T) {
	e, dir := newEngine(t)
	down := false
	deliver := remembering(&down)
	j := job("h1", "%PDF-1", nil)
	j.Deliver = deliver
	e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	rec, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if rec.Status != StatusUnchanged || len(rec.Deliveries) != 0 {
		t.Errorf("record = %+v", rec)
	}
	if got := editions(t, dir); len(got) != 2 {
		t.Errorf("output = %v", got)
	}
	rec, _ = e.Run(context.Background(), job("h2", "%PDF-2", nil), TriggerSchedule, time.Time{})
	if rec.Status != StatusSuccess {
		t.Errorf("a changed input: %+v", rec)
	}
}

func TestAFailedBuildKeepsTheLastEdition(t *testing.T) {
	e, dir := newEngine(t)
	e.Run(context.Background(), job("h1", "%PDF-1", nil), TriggerSchedule, time.Time{})
	rec, _ := e.Run(context.Background(), job("h2", "", errors.New("templates: de.tmpl:3: bad")), TriggerSchedule, time.Time{})
	if rec.Status != StatusFailed || rec.Error != "build: templates: de.tmpl:3: bad" {
		t.Errorf("record = %+v", rec)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", "latest.pdf")); string(b) != "%PDF-1" {
		t.Errorf("latest.pdf = %q", b)
	}
	if got := editions(t, dir); len(got) != 2 {
		t.Errorf("output = %v", got)
	}
}

func TestOldEditionsAreRemoved(t *testing.T) {
	e, dir := newEngine(t)
	for i, h := range []string{"a", "b", "c", "d"} {
		if rec, _ := e.Run(context.Background(), job(h, "%PDF-"+h, nil), TriggerSchedule, time.Time{}); rec.Status != StatusSuccess {
			t.Fatalf("run %d: %+v", i, rec)
		}
	}
	got := editions(t, dir)
	if len(got) != 3 || got[0] != "briefing-2026-11-24T0505.pdf" || got[1] != "briefing-2026-11-24T0507.pdf" {
		t.Errorf("output = %v, want the two newest editions and latest.pdf", got)
	}
}

func TestARunWhileRunningIsRefused(t *testing.T) {
	e, _ := newEngine(t)
	started, release := make(chan struct{}), make(chan struct{})
	j := job("h", "%PDF", nil)
	j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
		close(started)
		<-release
		return Built{PDF: []byte("%PDF"), Model: &briefing.Model{}}, nil
	}
	done := make(chan struct{})
	go func() { e.Run(context.Background(), j, TriggerSchedule, time.Time{}); close(done) }()
	<-started
	if _, err := e.Run(context.Background(), job("x", "%PDF", nil), TriggerManual, time.Time{}); !errors.Is(err, ErrBusy) {
		t.Errorf("second run: %v, want ErrBusy", err)
	}
	close(release)
	<-done
}

func TestTheHistoryIsKeptAcrossRestartsAndBounded(t *testing.T) {
	e, dir := newEngine(t)
	for _, h := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		e.Run(context.Background(), job(h, "%PDF", nil), TriggerSchedule, time.Time{})
	}
	// A run record left "running" by a crash.
	writeJSON(filepath.Join(dir, "state", "runs", "20991231T000000.000000000Z.json"), Record{ID: "20991231T000000.000000000Z", Status: StatusRunning})
	again, err := NewEngine(Options{OutputDir: filepath.Join(dir, "out"), StateDir: filepath.Join(dir, "state"), History: 5})
	if err != nil {
		t.Fatal(err)
	}
	runs := again.Runs()
	if len(runs) != 6 || runs[0].Status != StatusFailed || runs[1].InputHash != "g" {
		t.Errorf("runs = %d, first %+v", len(runs), runs[0])
	}
	if again.LastSuccess().IsZero() {
		t.Error("the last success is forgotten")
	}
}

func TestAFailedDeliveryIsMadeUpByALaterUnchangedRun(t *testing.T) {
	e, _ := newEngine(t)
	down := true
	j := job("h1", "%PDF-1", nil)
	j.Deliver = remembering(&down)
	first, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	down = false
	second, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	third, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if first.Deliveries[0].Status != DeliveryFailed || second.Status != StatusUnchanged || len(second.Deliveries) != 1 ||
		second.Deliveries[0].Status != DeliverySent || len(third.Deliveries) != 0 {
		t.Errorf("deliveries: %+v / %+v / %+v", first.Deliveries, second.Deliveries, third.Deliveries)
	}
}

func TestAPanicFailsTheRunNotTheProcess(t *testing.T) {
	e, _ := newEngine(t)
	j := job("h", "%PDF", nil)
	j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
		var m map[string]int
		m["boom"] = 1
		return Built{}, nil
	}
	done := make(chan Record, 1)
	if _, err := e.Start(context.Background(), j, TriggerManual, func(r Record) { done <- r }); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.Status != StatusFailed || !strings.Contains(r.Error, "panic: assignment to entry in nil map") || e.Running() {
		t.Errorf("record = %+v, running %v", r, e.Running())
	}
}

func TestEditionsOfTheSameMinuteAreKeptNewestFirst(t *testing.T) {
	names := []string{"briefing-2026-11-24T0600-10.pdf", "briefing-2026-11-24T0600.pdf", "briefing-2026-11-24T0600-2.pdf", "briefing-2026-11-23T0600-3.pdf"}
	sort.Slice(names, func(i, j int) bool { return olderEdition(names[i], names[j]) })
	want := "briefing-2026-11-23T0600-3.pdf briefing-2026-11-24T0600.pdf briefing-2026-11-24T0600-2.pdf briefing-2026-11-24T0600-10.pdf"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("order = %s\nwant    %s", got, want)
	}
	e, dir := newEngine(t)
	e.opt.Now = func() time.Time { return time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC) }
	j := job("a", "%PDF", nil)
	j.SkipUnchanged, j.Keep = false, 1
	e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	rec, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if got := editions(t, dir); rec.Output != "briefing-2026-11-24T0600-2.pdf" || len(got) != 2 || got[0] != rec.Output {
		t.Errorf("output %s, folder %v: the newest edition must stay", rec.Output, got)
	}
}

// A build stopped by its context (shutdown after the grace period) is recorded as aborted,
// not as failed or left running, and the last edition stays.
func TestACancelledBuildIsRecordedAsAborted(t *testing.T) {
	e, dir := newEngine(t)
	e.Run(context.Background(), job("h1", "%PDF-1", nil), TriggerSchedule, time.Time{})
	ctx, cancel := context.WithCancel(context.Background())
	j := job("h2", "", nil)
	j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
		cancel() // SIGTERM arrives while the corpus is analysed
		return Built{}, ctx.Err()
	}
	rec, _ := e.Run(ctx, j, TriggerSchedule, time.Time{})
	if rec.Status != StatusAborted {
		t.Errorf("record = %+v, want aborted", rec)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out", "latest.pdf")); string(b) != "%PDF-1" {
		t.Errorf("latest.pdf = %q", b)
	}
}

// A run record whose id is not a run id ("../../victim") is ignored: history pruning never
// builds a path from it (it deleted a .json file outside the state folder).
func TestAForeignRunIDIsNeverAPath(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	victim := filepath.Join(dir, "victim.json")
	if err := os.WriteFile(victim, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(state, "runs"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A record planted in the state folder, older than any run, with a hostile id.
	os.WriteFile(filepath.Join(state, "runs", "00000000T000000.000000000Z.json"), []byte(`{"id": "../../victim", "status": "success"}`), 0o644)
	c := &clock{t: time.Date(2026, 11, 24, 5, 0, 0, 0, time.UTC)}
	e, err := NewEngine(Options{OutputDir: filepath.Join(dir, "out"), StateDir: state, History: 1, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		e.Run(context.Background(), job("h"+time.Now().String(), "%PDF", nil), TriggerSchedule, time.Time{})
	}
	if _, err := os.Stat(victim); err != nil {
		t.Errorf("the file outside the state folder is gone: %v", err)
	}
	for _, r := range e.Runs() {
		if strings.Contains(r.ID, "/") {
			t.Errorf("a foreign id is listed: %q", r.ID)
		}
	}
}

// The temporary file of a write the process did not finish (killed during the rename) is
// removed at start instead of staying in the output folder for ever.
func TestStaleTemporaryFilesAreRemovedAtStart(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	stale := filepath.Join(out, ".latest.pdf.tmp-123456")
	os.WriteFile(stale, []byte("%PDF-half"), 0o644)
	keep := filepath.Join(out, "notes.tmp-not-ours.txt")
	os.WriteFile(keep, []byte("x"), 0o644)
	if _, err := NewEngine(Options{OutputDir: out, StateDir: filepath.Join(dir, "state")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file that is not a temporary file of ours was removed: %v", err)
	}
}

// When latest.pdf cannot be written (a full disk; here a folder in its place), the dated
// edition is not left behind as if it were finished, and the run fails.
func TestAnEditionWithoutLatestIsNotLeft(t *testing.T) {
	e, dir := newEngine(t)
	if err := os.MkdirAll(filepath.Join(dir, "out", "latest.pdf", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	rec, _ := e.Run(context.Background(), job("h1", "%PDF-1", nil), TriggerSchedule, time.Time{})
	if rec.Status != StatusFailed {
		t.Errorf("record = %+v", rec)
	}
	for _, name := range editions(t, dir) {
		if strings.HasPrefix(name, "briefing-") {
			t.Errorf("the unfinished edition %s is left in the output folder", name)
		}
	}
}

// A run whose every delivery failed is not a success: the readers did not get the edition.
func TestARunWhoseDeliveriesAllFailedSaysSo(t *testing.T) {
	e, _ := newEngine(t)
	j := job("h1", "%PDF-1", nil)
	j.Deliver = func(ctx context.Context, ed Edition, _ *slog.Logger) []Delivery {
		return []Delivery{{Target: "mail", Status: DeliveryFailed}, {Target: "webhook", Status: DeliveryFailed}}
	}
	rec, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if rec.Status != StatusDeliveryFailed {
		t.Errorf("status %q, want %q", rec.Status, StatusDeliveryFailed)
	}
	j2 := job("h2", "%PDF-2", nil)
	j2.Deliver = func(ctx context.Context, ed Edition, _ *slog.Logger) []Delivery {
		return []Delivery{{Target: "mail", Status: DeliveryFailed}, {Target: "webhook", Status: DeliverySent}}
	}
	if rec, _ := e.Run(context.Background(), j2, TriggerSchedule, time.Time{}); rec.Status != StatusSuccess {
		t.Errorf("one delivery sent: status %q", rec.Status)
	}
}

// A corrupt last-success.json is moved aside and rebuilt from the run records: an unchanged
// input stays unchanged (it was built and delivered again under a new edition id).
func TestACorruptStateFileIsRebuiltNotABuild(t *testing.T) {
	e, dir := newEngine(t)
	sent := 0
	j := job("h1", "%PDF-1", nil)
	j.Deliver = func(ctx context.Context, ed Edition, _ *slog.Logger) []Delivery {
		sent++
		return []Delivery{{Target: "mail", Status: DeliverySent}}
	}
	e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	state := filepath.Join(dir, "state", "last-success.json")
	if err := os.WriteFile(state, []byte(`{"edition": {"id": "2026-1`), 0o644); err != nil {
		t.Fatal(err)
	}
	j.Deliver = func(ctx context.Context, ed Edition, _ *slog.Logger) []Delivery {
		sent++
		return []Delivery{{Target: "mail", Status: DeliverySkipped}} // the ledger has it
	}
	rec, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if rec.Status != StatusUnchanged {
		t.Errorf("after a corrupt state file the same input gave %q, want unchanged", rec.Status)
	}
	if got := editions(t, dir); len(got) != 2 { // one dated edition and latest.pdf
		t.Errorf("output = %v", got)
	}
	matches, _ := filepath.Glob(state + ".corrupt-*")
	if len(matches) != 1 {
		t.Errorf("the corrupt file is not kept aside: %v", matches)
	}
}

// A build that runs beyond build_timeout is cancelled and recorded as failed, with the reason.
func TestABuildBeyondItsTimeoutFails(t *testing.T) {
	dir := t.TempDir()
	e, err := NewEngine(Options{OutputDir: filepath.Join(dir, "out"), StateDir: filepath.Join(dir, "state"), BuildTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	j := job("h", "", nil)
	j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
		<-ctx.Done() // an analysis that checks its context
		return Built{}, ctx.Err()
	}
	rec, _ := e.Run(context.Background(), j, TriggerSchedule, time.Time{})
	if rec.Status != StatusFailed || !strings.Contains(rec.Error, "timed out after 50ms (build_timeout)") {
		t.Errorf("record = %+v", rec)
	}
	if _, stuck := e.Stuck(); stuck {
		t.Error("a finished run is reported stuck")
	}
}

// Shutdown waits on the run's end, not by polling: WaitIdle returns when the run finishes,
// or with the context's error when that ends first.
func TestWaitIdle(t *testing.T) {
	e, _ := newEngine(t)
	if err := e.WaitIdle(context.Background()); err != nil {
		t.Fatalf("no run: %v", err)
	}
	release := make(chan struct{})
	j := job("h", "%PDF", nil)
	j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
		<-release
		return Built{PDF: []byte("%PDF"), Model: &briefing.Model{}, Title: "T"}, nil
	}
	done := make(chan Record, 1)
	if _, err := e.Start(context.Background(), j, TriggerManual, func(r Record) { done <- r }); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := e.WaitIdle(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitIdle during a run = %v, want the deadline", err)
	}
	close(release)
	if err := e.WaitIdle(context.Background()); err != nil || e.Running() {
		t.Errorf("WaitIdle after the run = %v, running %v", err, e.Running())
	}
	<-done
}

// The next run compares with what the previous edition's model says: its documents (by id),
// its figures and its events, as the previous run built them.
func TestTheNextRunGetsThePreviousModel(t *testing.T) {
	e, _ := newEngine(t)
	built := &briefing.Model{
		Documents: []briefing.Document{{ID: "d1", Text: "Nordkorea liefert.", Sentences: []briefing.Sentence{{Start: 0, End: 18}}}},
		Figures:   []briefing.Figure{{Value: 3000, Unit: "Soldaten", Subject: "Soldaten Nordkorea"}},
		Events:    []briefing.Event{{Date: "2024-10-31", Text: "Nordkorea testete eine Rakete."}},
	}
	var got *briefing.Model
	for i, h := range []string{"a", "b"} {
		j := job(h, "%PDF", nil)
		j.Build = func(ctx context.Context, date time.Time, prev *briefing.Model, _ *slog.Logger) (Built, error) {
			if i == 1 {
				got = prev
			}
			return Built{PDF: []byte("%PDF-" + h), Model: built}, nil
		}
		if _, err := e.Run(context.Background(), j, TriggerSchedule, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if got == nil || len(got.Documents) != 1 || got.Documents[0].ID != "d1" || got.Documents[0].Text != "" ||
		len(got.Figures) != 1 || got.Figures[0].Value != 3000 || len(got.Events) != 1 || got.Events[0].Date != "2024-10-31" {
		t.Errorf("previous model = %+v", got)
	}
}
