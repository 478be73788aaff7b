package deliver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/secbrief/briefing/edition"
)

var testEdition = edition.Edition{ID: "2026-11-24T0600", Name: "briefing-2026-11-24T0600.pdf"}

// fakeTarget fails its first failures calls, then succeeds (never, if failures < 0).
type fakeTarget struct {
	name     string
	failures int

	mu    sync.Mutex
	calls int
}

func (f *fakeTarget) Name() string { return f.name }

func (f *fakeTarget) Deliver(ctx context.Context, e edition.Edition) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.failures < 0 || f.calls <= f.failures {
		return fmt.Errorf("%s refused call %d", f.name, f.calls)
	}
	return nil
}

func (f *fakeTarget) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// fakeSleep records the waits asked for and returns at once; after cancelAfter waits (if > 0)
// it cancels the context, as a shutdown during a wait would.
type fakeSleep struct {
	waits       []time.Duration
	cancel      context.CancelFunc
	cancelAfter int
}

func (s *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	s.waits = append(s.waits, d)
	if s.cancelAfter > 0 && len(s.waits) >= s.cancelAfter {
		s.cancel()
	}
	return ctx.Err()
}

func newDeliverer(s *fakeSleep) deliverer {
	return deliverer{sleep: s.sleep, now: time.Now}
}

func openLedger(t *testing.T) *Ledger {
	t.Helper()
	l, err := OpenLedger(filepath.Join(t.TempDir(), "deliveries.json"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

var secondsPolicy = Policy{Attempts: 5, BaseDelay: time.Second, MaxDelay: time.Minute}

func TestDeliverSendsToEveryTargetAndRecordsIt(t *testing.T) {
	l := openLedger(t)
	mail, hook := &fakeTarget{name: "mail"}, &fakeTarget{name: "webhook"}
	got := newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{mail, hook}, l, secondsPolicy)

	if len(got) != 2 {
		t.Fatalf("got %d deliveries, want 2", len(got))
	}
	for i, name := range []string{"mail", "webhook"} {
		if got[i].Target != name || got[i].Status != edition.DeliverySent || got[i].Attempts != 1 || got[i].Error != "" || got[i].At.IsZero() {
			t.Errorf("delivery %d = %+v, want sent to %s in 1 attempt", i, got[i], name)
		}
		if !l.Delivered(testEdition.ID, name) {
			t.Errorf("delivery to %s is not in the ledger", name)
		}
	}
}

func TestDeliverSkipsTargetsAlreadyInTheLedger(t *testing.T) {
	l := openLedger(t)
	sentAt := time.Date(2026, 11, 24, 6, 1, 0, 0, time.UTC)
	if err := l.Record(testEdition.ID, "mail", sentAt); err != nil {
		t.Fatal(err)
	}
	mail, hook := &fakeTarget{name: "mail"}, &fakeTarget{name: "webhook"}
	got := newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{mail, hook}, l, secondsPolicy)

	if mail.Calls() != 0 {
		t.Errorf("mail called %d times, want 0", mail.Calls())
	}
	if want := (edition.Delivery{Target: "mail", Status: edition.DeliverySkipped, At: sentAt}); got[0] != want {
		t.Errorf("mail delivery = %+v, want %+v", got[0], want)
	}
	if got[1].Status != edition.DeliverySent {
		t.Errorf("webhook status = %s, want sent", got[1].Status)
	}
}

func TestDeliverDoesNotResendAfterARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deliveries.json")
	mail := &fakeTarget{name: "mail"}
	for run := range 2 {
		l, err := OpenLedger(path) // as a restarted daemon does
		if err != nil {
			t.Fatal(err)
		}
		got := Deliver(context.Background(), testEdition, []edition.Target{mail}, l, secondsPolicy, nil)
		want := []string{edition.DeliverySent, edition.DeliverySkipped}[run]
		if got[0].Status != want {
			t.Errorf("run %d: status = %s, want %s", run+1, got[0].Status, want)
		}
	}
	if mail.Calls() != 1 {
		t.Errorf("mail called %d times, want 1", mail.Calls())
	}
}

func TestDeliverRetriesWithExponentialBackoff(t *testing.T) {
	for _, tc := range []struct {
		name      string
		failures  int
		policy    Policy
		wantWaits []time.Duration
	}{
		{"succeeds at once without waiting", 0, secondsPolicy, nil},
		{"doubles the wait after each failure", 3, secondsPolicy, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},
		{"caps the wait at the maximum", 4, Policy{Attempts: 5, BaseDelay: time.Second, MaxDelay: 3 * time.Second},
			[]time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := openLedger(t)
			target := &fakeTarget{name: "mail", failures: tc.failures}
			s := &fakeSleep{}
			got := newDeliverer(s).deliver(context.Background(), testEdition, []edition.Target{target}, l, tc.policy)[0]

			if got.Status != edition.DeliverySent || got.Attempts != tc.failures+1 {
				t.Errorf("delivery = %+v, want sent after %d attempts", got, tc.failures+1)
			}
			if !slices.Equal(s.waits, tc.wantWaits) {
				t.Errorf("waits = %v, want %v", s.waits, tc.wantWaits)
			}
			if !l.Delivered(testEdition.ID, "mail") {
				t.Error("delivery is not in the ledger")
			}
		})
	}
}

func TestDeliverGivesUpAfterThePolicysAttempts(t *testing.T) {
	l := openLedger(t)
	target := &fakeTarget{name: "mail", failures: -1}
	s := &fakeSleep{}
	p := Policy{Attempts: 4, BaseDelay: time.Second, MaxDelay: time.Minute}
	got := newDeliverer(s).deliver(context.Background(), testEdition, []edition.Target{target}, l, p)[0]

	if got.Status != edition.DeliveryFailed || got.Attempts != p.Attempts {
		t.Errorf("delivery = %+v, want failed after %d attempts", got, p.Attempts)
	}
	if target.Calls() != p.Attempts {
		t.Errorf("target called %d times, want %d", target.Calls(), p.Attempts)
	}
	if want := "mail refused call 4"; got.Error != want {
		t.Errorf("error = %q, want the last one, %q", got.Error, want)
	}
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}; !slices.Equal(s.waits, want) {
		t.Errorf("waits = %v, want %v (none after the last attempt)", s.waits, want)
	}
	if l.Delivered(testEdition.ID, "mail") {
		t.Error("a failed delivery is in the ledger")
	}
}

func TestCancellationStopsRetries(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := openLedger(t)
	mail, hook := &fakeTarget{name: "mail", failures: -1}, &fakeTarget{name: "webhook"}
	s := &fakeSleep{cancel: cancel, cancelAfter: 2}
	got := newDeliverer(s).deliver(ctx, testEdition, []edition.Target{mail, hook}, l, secondsPolicy)

	if got[0].Status != edition.DeliveryFailed || got[0].Attempts != 2 {
		t.Errorf("mail delivery = %+v, want failed after 2 attempts", got[0])
	}
	if !strings.Contains(got[0].Error, context.Canceled.Error()) {
		t.Errorf("mail error = %q, want it to say the context was canceled", got[0].Error)
	}
	if got[1].Status != edition.DeliveryFailed || got[1].Attempts != 0 || hook.Calls() != 0 {
		t.Errorf("webhook delivery = %+v after %d calls, want failed without an attempt", got[1], hook.Calls())
	}
}

func TestAFailingTargetDoesNotStopTheOthers(t *testing.T) {
	l := openLedger(t)
	broken, mail := &fakeTarget{name: "webhook", failures: -1}, &fakeTarget{name: "mail"}
	got := newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{broken, mail}, l, Policy{Attempts: 2})

	if got[0].Status != edition.DeliveryFailed || got[1].Status != edition.DeliverySent {
		t.Errorf("statuses = %s, %s, want failed, sent", got[0].Status, got[1].Status)
	}
	if !l.Delivered(testEdition.ID, "mail") || l.Delivered(testEdition.ID, "webhook") {
		t.Error("ledger does not hold exactly the successful delivery")
	}
}

// A ledger that cannot be written means a crash could send an edition twice: nothing is
// sent, and the delivery fails with the reason.
func TestNothingIsSentWhenTheIntentCannotBeRecorded(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A ledger whose folder is a file cannot be written.
	l := &Ledger{path: filepath.Join(file, "deliveries.json"), editions: map[string]map[string]time.Time{}, intents: map[string]map[string]time.Time{}}
	mail := &fakeTarget{name: "mail"}
	got := newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{mail}, l, secondsPolicy)[0]

	if got.Status != edition.DeliveryFailed || !strings.Contains(got.Error, "not sent") || mail.Calls() != 0 {
		t.Errorf("delivery = %+v after %d calls, want failed without a call", got, mail.Calls())
	}
}

// The process ends while it hands an edition over (the SMTP server accepted the mail, the
// ledger was not written yet): after a restart the delivery is in doubt and not sent again
// until the operator asks; then it is.
func TestADeliveryCutOffByACrashIsInDoubtNotRepeated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deliveries.json")
	l, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	// What the crashed process left: the intent, no outcome.
	if err := l.Intend(testEdition.ID, "mail", time.Date(2026, 11, 24, 6, 1, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	restarted, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	mail := &fakeTarget{name: "mail"}
	got := newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{mail}, restarted, secondsPolicy)[0]
	if got.Status != edition.DeliveryInDoubt || mail.Calls() != 0 || !strings.Contains(got.Error, "--retry "+testEdition.ID) {
		t.Errorf("delivery = %+v after %d calls, want in doubt without a call", got, mail.Calls())
	}
	cleared, err := restarted.Retry(testEdition.ID, "")
	if err != nil || len(cleared) != 1 || cleared[0] != "mail" {
		t.Fatalf("Retry = %v, %v", cleared, err)
	}
	got = newDeliverer(&fakeSleep{}).deliver(context.Background(), testEdition, []edition.Target{mail}, restarted, secondsPolicy)[0]
	if got.Status != edition.DeliverySent || mail.Calls() != 1 {
		t.Errorf("after --retry: %+v after %d calls", got, mail.Calls())
	}
	if _, doubt := restarted.InDoubt(testEdition.ID, "mail"); doubt {
		t.Error("the intent is still there after the delivery")
	}
}

func TestPolicyWait(t *testing.T) {
	for _, tc := range []struct {
		name   string
		policy Policy
		n      int
		want   time.Duration
	}{
		{"first wait is the base delay", Policy{BaseDelay: time.Second}, 1, time.Second},
		{"fourth wait is eight times the base", Policy{BaseDelay: time.Second}, 4, 8 * time.Second},
		{"wait is capped", Policy{BaseDelay: time.Second, MaxDelay: 5 * time.Second}, 4, 5 * time.Second},
		{"base above the cap is capped", Policy{BaseDelay: time.Hour, MaxDelay: time.Minute}, 1, time.Minute},
		{"no base, no wait", Policy{}, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.policy.wait(tc.n); got != tc.want {
				t.Errorf("wait(%d) = %v, want %v", tc.n, got, tc.want)
			}
		})
	}
	t.Run("many doublings do not overflow", func(t *testing.T) {
		if got := (Policy{BaseDelay: time.Second}).wait(200); got < time.Duration(1<<62) {
			t.Errorf("wait(200) = %v, want a huge positive duration", got)
		}
	})
}

func TestPolicyValidate(t *testing.T) {
	for _, tc := range []struct {
		policy Policy
		want   string
	}{
		{Policy{Attempts: 5, BaseDelay: 2 * time.Second, MaxDelay: time.Minute}, ""},
		{Policy{Attempts: 0}, "attempts = 0"},
		{Policy{Attempts: 1, BaseDelay: -time.Second}, "base delay = -1s"},
		{Policy{Attempts: 1, MaxDelay: -time.Second}, "max delay = -1s"},
	} {
		err := tc.policy.Validate()
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Validate(%+v) = %v, want %q", tc.policy, err, tc.want)
		}
	}
}

func TestSleepHonoursTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("sleep took %v after cancellation", elapsed)
	}
	if err := sleep(context.Background(), time.Millisecond); err != nil {
		t.Errorf("short sleep: %v", err)
	}
}
