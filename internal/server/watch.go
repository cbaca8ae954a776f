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

// Watch asks the store every interval whether anything stored changed and,
// when it did, forgets the kept answers and lists (Forget) and calls
// changed (nil: nothing more), until ctx ends. A store that cannot tell
// (Generation "" or an error) is asked again at the next tick. Its answers
// are the page cache's too (storeGeneration): one query per tick.
func (s *Server) Watch(ctx context.Context, every time.Duration, changed func()) {
	g := &s.kept.store
	g.watched(every)
	defer g.watched(0)
	last := g.poll(ctx, time.Now())
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		gen := g.poll(ctx, time.Now())
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
