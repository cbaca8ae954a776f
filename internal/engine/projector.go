package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
)

// Comparing a story (shared facts, quotes, conflicts, derivations) is the
// costliest stage by far (on 10,000 pages, as much CPU as everything else
// but extraction together), it is redone whenever a story grows, and most
// stories of a large import or of a busy feed are never looked at before
// they grow again. So the writer stores and clusters, leaving the stories it
// changed stale, and the Projector compares stale stories in the
// background, the most recently updated first, storing each comparison with
// the version of the story it saw. Readers never wait for it (package read
// shows a stale story with its last comparison, or compares it in memory).

// Projector keeps stories' stored comparisons current. Its methods are safe
// for concurrent use.
type Projector struct {
	st       Comparisons
	memo     *projection.Memo
	workers  int
	interval time.Duration
	logger   *slog.Logger
	wake     chan struct{}
	onSaved  func()
	written  atomic.Int64 // when the writer last stored something (Unix nanoseconds)
}

// ProjectorOptions tune a projector. Zero fields take their defaults.
type ProjectorOptions struct {
	// Memo is shared with the read side, so that a story a reader just
	// compared is not compared again; default a memo of its own.
	Memo *projection.Memo
	// Workers compare stories at once; default half the CPUs, so that a
	// backlog (after a large add) leaves a server the rest.
	Workers int
	// Interval is how often stale stories are looked for when nothing
	// said that stories changed; default 5 s.
	Interval time.Duration
	Logger   *slog.Logger
	// OnSaved, when set, is called after comparisons are stored (a server
	// drops the answers it keeps).
	OnSaved func()
}

// NewProjector returns a projector over st.
func NewProjector(st Comparisons, opt ProjectorOptions) *Projector {
	if opt.Memo == nil {
		opt.Memo = projection.NewMemo(0)
	}
	if opt.Workers <= 0 {
		opt.Workers = max(1, runtime.NumCPU()/2)
	}
	if opt.Interval <= 0 {
		opt.Interval = 5 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Projector{st: st, memo: opt.Memo, workers: opt.Workers, interval: opt.Interval, logger: opt.Logger, wake: make(chan struct{}, 1), onSaved: opt.OnSaved}
}

// Notify says that stories changed; the projector looks for them at once.
func (p *Projector) Notify() {
	p.written.Store(time.Now().UnixNano())
	p.Wake()
}

// Wake makes the projector look for stale stories at once, as Notify
// does, without counting a write of this process (which makes it yield to
// the writer): another process changed the store (an alias set from the
// command line marks the stories it refiles stale).
func (p *Projector) Wake() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// backgroundChunk is how many stale stories Run takes at a time, so that
// stories changed meanwhile (the newest first) are not queued behind a long
// backlog.
const backgroundChunk = 100

// Run compares stale stories until ctx ends: the most recently updated
// first, a chunk at a time, then, once none is left, when notified or every
// interval. Failures are logged and tried again later.
func (p *Projector) Run(ctx context.Context) {
	for {
		stale, err := p.st.StaleStories(ctx, backgroundChunk)
		if err == nil && len(stale) > 0 {
			err = p.compare(ctx, stale, p.workers, backgroundSave)
		}
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			p.logger.Error("comparing stale stories", "err", err)
		}
		if err == nil && len(stale) == backgroundChunk {
			continue // more are waiting
		}
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		case <-time.After(p.interval):
		}
	}
}

// CompareAll compares every stale story now, on every CPU, and returns how
// many it compared.
func (p *Projector) CompareAll(ctx context.Context) (int, error) {
	stale, err := p.st.StaleStories(ctx, 0)
	if err != nil || len(stale) == 0 {
		return 0, err
	}
	return len(stale), p.compare(ctx, stale, runtime.NumCPU(), bulkSave)
}

// How many comparisons the projector stores per transaction. In the
// background it stores what is ready, a few at a time, so that it never
// holds the database's write lock long while the writer waits to store a
// post (100 comparisons to a transaction held it for tens of milliseconds,
// the p99 of POST /api/v1/articles on 10,000 articles went from 46 ms to
// 208 ms); CompareAll, which nothing waits behind, fills larger ones.
const (
	backgroundSave = 8
	bulkSave       = 100
)

// compare compares the given stories on workers goroutines: comparisons of
// different stories are independent. One goroutine stores them, up to
// perSave to a transaction (in the background, as many as are ready), so
// that the comparing goroutines never wait for one another's writes. A
// story whose comparison fails on its articles stays stale and the others
// go on; its error is returned at the end. Those finished when ctx ends
// are stored before it returns ctx's error.
func (p *Projector) compare(ctx context.Context, ids []string, workers, perSave int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var failure, skippedErr error
	var once, skipped sync.Once
	fail := func(err error) {
		once.Do(func() { failure = err; cancel() })
	}
	next := make(chan string)
	done := make(chan news.ComparisonRecord, 64)
	var comparing sync.WaitGroup
	for range max(1, workers) {
		comparing.Add(1)
		go func() {
			defer comparing.Done()
			for id := range next {
				began := time.Now()
				r, err := p.record(ctx, id)
				if perSave < bulkSave {
					p.yield(ctx, time.Since(began))
				}
				switch {
				case errors.Is(err, news.ErrNotFound):
					continue // merged into another story since it was listed
				case errors.Is(err, projection.ErrCompare):
					skipped.Do(func() { skippedErr = err })
					continue
				case err != nil:
					fail(err)
					continue
				}
				done <- r
			}
		}()
	}
	written := make(chan struct{})
	// Comparisons finished are stored even once ctx ended (an interrupt, a
	// server stopping): each save is one short transaction, and a batch
	// dropped would be compared again by the next run for nothing.
	saving := context.WithoutCancel(ctx)
	go func() {
		defer close(written)
		var batch []news.ComparisonRecord
		write := func() {
			if len(batch) > 0 {
				if err := p.st.SaveComparisons(saving, batch); err != nil {
					fail(fmt.Errorf("save comparisons: %w", err))
				} else if p.onSaved != nil {
					p.onSaved()
				}
				batch = batch[:0]
			}
		}
		for r := range done {
			batch = append(batch, r)
			if perSave < bulkSave {
				// In the background: take what is ready, then store it.
			ready:
				for len(batch) < perSave {
					select {
					case r, ok := <-done:
						if !ok {
							break ready
						}
						batch = append(batch, r)
					default:
						break ready
					}
				}
			}
			if len(batch) >= perSave || perSave < bulkSave {
				write()
			}
		}
		write()
	}()
feed:
	for _, id := range ids {
		select {
		case next <- id:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	comparing.Wait()
	close(done)
	<-written
	if failure != nil {
		return failure
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return skippedErr
}

// writesRecent is how long after the writer last stored something the
// background projector still counts writes as flowing.
const writesRecent = time.Second

// yield rests after a background comparison that took d, for as long, while
// writes are flowing: the projector then takes at most half of the CPU it
// runs on, and the writer (posts, feed items, adds) the rest. On a 2-core
// machine shared with other jobs, POST /api/v1/articles had a p99 of 41-47
// ms with no projector and 90-500 ms with one comparing at full speed.
func (p *Projector) yield(ctx context.Context, d time.Duration) {
	if time.Since(time.Unix(0, p.written.Load())) > writesRecent {
		return
	}
	select {
	case <-ctx.Done():
	case <-time.After(min(d, writesRecent)):
	}
}

// record compares one story as it is now; its version is read before its
// articles, so that an article added meanwhile leaves it stale.
func (p *Projector) record(ctx context.Context, id string) (news.ComparisonRecord, error) {
	version, err := p.st.StoryVersion(ctx, id)
	if err != nil {
		return news.ComparisonRecord{}, err
	}
	return p.memo.Record(ctx, id, version, func(ctx context.Context) ([]news.Article, error) {
		return p.st.StoryArticles(ctx, id)
	})
}
