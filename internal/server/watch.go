package server

import (
	"context"
	"time"
)

// Writers that do not go through this server change the store too: the
// command line's `storyline sources alias`, a reextract, another server
// that holds the writer lock while this one serves reads, the writers of
// other machines with a queue. Their commits do not call Forget, and the
// server kept its answers for their time (CacheFor) and its projector did
// not look for the stories they marked until its next round; an alias set
// from the command line showed after up to 15 s. Watch asks the store
// whether anything changed (read.Reader.Generation: SQLite's data_version,
// which moves on any other connection's commit; PostgreSQL's current
// snapshot, which moves when any writing transaction ends) and, when it moved, forgets what the server keeps and
// calls changed (serve wakes its projector), so that another writer's
// change shows within about WatchEvery.

// WatchEvery is how often Watch asks the store whether it changed: one
// cheap query a second (a PRAGMA on a connection of its own, or one
// SELECT of the current snapshot), the page cache's own poll (it takes
// Watch's answers while Watch runs: storeGeneration), and a change made by
// another process shows within a second or two.
const WatchEvery = time.Second

// wakeGap is the least time between two of Watch's questions that a store's
// notifications ask for: another process's bulk add commits a batch every
// few milliseconds, and each change makes the server forget every kept
// page; at most ten a second keeps a change showing within a tenth of a
// second (the tick, a second, was the bound before notifications).
const wakeGap = 100 * time.Millisecond

// waitUntil waits until t, or until ctx ends (false).
func waitUntil(ctx context.Context, t time.Time) bool {
	wait := time.Until(t)
	if wait <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}

// Watch asks the store every interval whether anything stored changed and,
// when it did, forgets the kept answers and lists (Forget) and calls
// changed (nil: nothing more), until ctx ends. A store that cannot tell
// (Generation "" or an error) is asked again at the next tick. Its answers
// are the page cache's too (storeGeneration): one query per tick. A store
// that hears of changes (read.Reader.Changes: PostgreSQL's notifications)
// also has it ask at once, so that another process's write shows without
// waiting for the tick.
func (s *Server) Watch(ctx context.Context, every time.Duration, changed func()) {
	g := &s.kept.store
	g.watched(every)
	defer g.watched(0)
	last := g.poll(ctx, time.Now())
	tick := time.NewTicker(every)
	defer tick.Stop()
	heard := s.read.Changes()
	asked := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-heard:
			if !waitUntil(ctx, asked.Add(wakeGap)) {
				return
			}
		}
		asked = time.Now()
		gen := g.poll(ctx, asked)
		if gen == "" || gen == last {
			continue
		}
		last = gen
		s.Forget()
		if changed != nil {
			changed()
		}
	}
}
