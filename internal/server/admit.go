package server

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"time"
)

// admission bounds the reads the server works on at once, so that a burst
// beyond what the machine can answer is refused early (429 with
// Retry-After) instead of queueing until every answer is late: at most
// `running` requests run, at most `queued` more wait, each at most `wait`.
type admission struct {
	slots chan struct{}
	queue chan struct{}
	wait  time.Duration
}

// Defaults for Options.MaxRunning, MaxQueued and MaxWait. Reads are CPU
// and SQLite work: beyond a few per core they only wait for each other,
// so 4 per core run. 64 queued at ~1 ms a read is well under a second of
// work; a request that waited half a second for a slot is answered 429,
// since its client is better served trying again than waiting longer.
const (
	runningPerCPU = 4
	defaultQueued = 64
	defaultWait   = 500 * time.Millisecond
)

func newAdmission(running, queued int, wait time.Duration) *admission {
	if running <= 0 {
		running = runningPerCPU * runtime.GOMAXPROCS(0)
	}
	if queued <= 0 {
		queued = defaultQueued
	}
	if wait <= 0 {
		wait = defaultWait
	}
	return &admission{slots: make(chan struct{}, running), queue: make(chan struct{}, queued), wait: wait}
}

// exempt are the paths that are never refused: health and metrics (a
// monitor must see an overloaded server), static assets (served from
// memory), and writes (bounded by the engine's queue, and their clients
// retry on their own terms).
func exempt(r *http.Request) bool {
	p := r.URL.Path
	return p == "/healthz" || p == "/metrics" || strings.HasPrefix(p, "/static/") || r.Method != http.MethodGet && r.Method != http.MethodHead
}

// wrap admits requests to h; kept answers (served by kept, when it
// returns true) take no slot.
func (a *admission) wrap(h http.Handler, kept func(w http.ResponseWriter, r *http.Request) bool, refuse func(w http.ResponseWriter, r *http.Request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if exempt(r) {
			h.ServeHTTP(w, r)
			return
		}
		if kept(w, r) {
			return
		}
		select {
		case a.slots <- struct{}{}:
		default:
			if !a.await(r.Context()) {
				refuse(w, r)
				return
			}
		}
		defer func() { <-a.slots }()
		h.ServeHTTP(w, r)
	})
}

// await queues for a slot; false when the queue is full or the wait too
// long.
func (a *admission) await(ctx context.Context) bool {
	select {
	case a.queue <- struct{}{}:
	default:
		return false
	}
	defer func() { <-a.queue }()
	t := time.NewTimer(a.wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}
