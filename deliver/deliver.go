// Package deliver hands editions to their targets with retries and a ledger, so that an
// edition is delivered at most once to each target, also across restarts.
//
// The ledger records a delivery as soon as a target has accepted it, before the next target is
// tried. One window remains: if the process dies after a target accepted an edition and before
// the ledger is on disk, the edition is sent again after the restart. Receivers that must never
// see a duplicate can drop it by the edition ID (the webhook sends it in X-Briefing-Edition, the
// e-mail in the header of the same name).
//
// Deliver does not guard against two calls delivering the same edition at the same time; the
// caller runs one delivery at a time (the edition engine refuses overlapping runs).
package deliver

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/secbrief/briefing/edition"
)

// Policy says how often and how patiently a delivery is retried.
type Policy struct {
	Attempts  int           // at most this many tries per target and edition (≥1)
	BaseDelay time.Duration // first wait; doubles each time (exponential backoff)
	MaxDelay  time.Duration // upper bound of a wait; 0 = no bound
}

// Validate checks the policy; errors name the field and value.
func (p Policy) Validate() error {
	switch {
	case p.Attempts < 1:
		return fmt.Errorf("delivery policy: attempts = %d, want at least 1", p.Attempts)
	case p.BaseDelay < 0:
		return fmt.Errorf("delivery policy: base delay = %s, must not be negative", p.BaseDelay)
	case p.MaxDelay < 0:
		return fmt.Errorf("delivery policy: max delay = %s, must not be negative", p.MaxDelay)
	}
	return nil
}

// wait returns how long to wait after the n-th failed attempt (n ≥ 1): BaseDelay·2^(n-1),
// capped at MaxDelay.
func (p Policy) wait(n int) time.Duration {
	d := p.BaseDelay
	for i := 1; i < n && d > 0; i++ {
		if p.MaxDelay > 0 && d >= p.MaxDelay {
			break
		}
		if d > time.Duration(1<<62) { // doubling would overflow
			break
		}
		d *= 2
	}
	if p.MaxDelay > 0 && d > p.MaxDelay {
		d = p.MaxDelay
	}
	return d
}

// Deliver sends e to every target that has not had it, retrying failures with backoff until
// the policy's attempts are used or ctx ends; each success is recorded in the ledger before
// the next target. It returns one edition.Delivery per target (status sent, failed or skipped).
// A failing target does not keep the others from being tried. A nil log discards.
func Deliver(ctx context.Context, e edition.Edition, targets []edition.Target, l *Ledger, p Policy, log *slog.Logger) []edition.Delivery {
	d := deliverer{sleep: sleep, now: time.Now, log: log}
	return d.deliver(ctx, e, targets, l, p)
}

// deliverer carries what tests replace: the waiting and the clock.
type deliverer struct {
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time
	log   *slog.Logger
}

func (d deliverer) deliver(ctx context.Context, e edition.Edition, targets []edition.Target, l *Ledger, p Policy) []edition.Delivery {
	if d.log == nil {
		d.log = slog.New(slog.DiscardHandler)
	}
	if p.Attempts < 1 {
		p.Attempts = 1
	}
	out := make([]edition.Delivery, 0, len(targets))
	for _, t := range targets {
		log := d.log.With("edition", e.ID, "target", t.Name())
		out = append(out, d.one(ctx, e, t, l, p, log))
	}
	return out
}

// one delivers e to t.
func (d deliverer) one(ctx context.Context, e edition.Edition, t edition.Target, l *Ledger, p Policy, log *slog.Logger) edition.Delivery {
	name := t.Name()
	if at, ok := l.deliveredAt(e.ID, name); ok {
		log.Debug("delivery skipped, already sent", "sent_at", at)
		return edition.Delivery{Target: name, Status: edition.DeliverySkipped, At: at}
	}
	if at, ok := l.InDoubt(e.ID, name); ok {
		// The process ended while it handed this edition over: the target may have it.
		msg := fmt.Sprintf("in doubt: a hand-over begun at %s was cut off; not sent again (briefing deliver --retry %s)", at.Format(time.RFC3339), e.ID)
		log.Warn("delivery in doubt, not sent again", "since", at)
		return edition.Delivery{Target: name, Status: edition.DeliveryInDoubt, Error: msg, At: d.now()}
	}
	var err error
	attempts := 0
	for attempts < p.Attempts {
		if cerr := ctx.Err(); cerr != nil {
			if err == nil {
				err = cerr
			} else {
				err = fmt.Errorf("%w (then: %w)", err, cerr)
			}
			break
		}
		attempts++
		start := d.now()
		if ierr := l.Intend(e.ID, name, start); ierr != nil {
			// Without the intent on disk a crash could send the edition twice.
			err = fmt.Errorf("not sent: %w", ierr)
			break
		}
		err = t.Deliver(ctx, e)
		if err != nil {
			if aerr := l.Abandon(e.ID, name); aerr != nil {
				log.Error("intent not cleared", "err", aerr)
			}
		}
		if err == nil {
			at := d.now()
			res := edition.Delivery{Target: name, Status: edition.DeliverySent, Attempts: attempts, At: at}
			if rerr := l.Record(e.ID, name, at); rerr != nil {
				// Sent, but a restart may send it again; the status must not hide that.
				res.Error = rerr.Error()
				log.Error("delivered, but not recorded", "attempts", attempts, "err", rerr)
				return res
			}
			log.Info("delivered", "attempts", attempts, "duration", at.Sub(start))
			return res
		}
		if attempts == p.Attempts {
			break
		}
		wait := p.wait(attempts)
		log.Warn("delivery failed, will retry", "attempt", attempts, "wait", wait, "err", err)
		if serr := d.sleep(ctx, wait); serr != nil {
			err = fmt.Errorf("%w (then: %w)", err, serr)
			break
		}
	}
	log.Error("delivery failed", "attempts", attempts, "err", err)
	return edition.Delivery{Target: name, Status: edition.DeliveryFailed, Attempts: attempts, Error: err.Error(), At: d.now()}
}

// sleep waits for d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
