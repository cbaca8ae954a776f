// Package worker is `storyline worker`: a stateless process, any number of
// them on any number of machines, that takes raw inputs from the queue
// (pages, articles, URLs to fetch), fetches and extracts them, and
// publishes the extracted articles (with their cluster features: site
// blocks, content hashes) to the one writer. An input is acknowledged only
// once the writer has stored what it gave, so a worker killed mid-page
// loses nothing: the input is delivered again after the queue's AckWait,
// and the store's checks (raw digest, URL, content hash) keep a page that
// was stored before from being stored twice.
package worker

import (
	"context"
	"errors"
	"iter"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
)

// Inputs hands out inputs: natsqueue.Queue.
type Inputs interface {
	Inputs(ctx context.Context, max int) ([]*natsqueue.Delivery, error)
}

// Producer extracts a job and publishes it to the writer, returning once
// it is stored: an engine.NewProducer.
type Producer interface {
	Submit(ctx context.Context, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error)
}

// Fetch fetches the page a URL input names (web.Fetcher.Page).
type Fetch func(ctx context.Context, req news.FetchRequest) (news.Input, error)

// Options tune a worker. Zero fields take their defaults.
type Options struct {
	// Take is how many inputs the worker takes at once: one job, published
	// as one window; default 32.
	Take int
	// Retry is how long an input whose job failed (the database or the
	// writer unreachable) waits before it is delivered again; default 5 s.
	Retry  time.Duration
	Fetch  Fetch
	Logger *slog.Logger
}

// Stats count what a worker did since it started.
type Stats struct {
	Jobs, Inputs, Stored, AlreadyStored, Failed, Redelivered, Retried atomic.Int64
	// OutletsSet counts the articles stored before that were given the
	// outlet their input names now (news.RunSummary.OutletsSet).
	OutletsSet atomic.Int64
	Busy       atomic.Bool
}

// Worker takes inputs until its context ends.
type Worker struct {
	in    Inputs
	prod  Producer
	opt   Options
	Stats Stats
}

// New returns a worker taking inputs from in and submitting them to prod.
func New(in Inputs, prod Producer, opt Options) *Worker {
	if opt.Take <= 0 {
		opt.Take = 32
	}
	if opt.Retry <= 0 {
		opt.Retry = 5 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Worker{in: in, prod: prod, opt: opt}
}

// Run takes inputs and submits them, one job at a time, until ctx ends.
// A job taken is finished (stored and acknowledged) even when ctx ends
// meanwhile: stopping drains the work in flight and takes no more.
func (w *Worker) Run(ctx context.Context) error {
	for {
		ds, err := w.in.Inputs(ctx, w.opt.Take)
		if ctx.Err() != nil {
			for _, d := range ds {
				d.Nak(0)
			}
			return nil
		}
		if err != nil {
			w.opt.Logger.Warn("take inputs; trying again", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
			}
			continue
		}
		w.job(context.WithoutCancel(ctx), ds)
	}
}

// job submits a set of deliveries as one job and acknowledges them once it
// is stored, or gives them back when it failed.
func (w *Worker) job(ctx context.Context, ds []*natsqueue.Delivery) {
	w.Stats.Busy.Store(true)
	defer w.Stats.Busy.Store(false)
	w.Stats.Jobs.Add(1)
	for _, d := range ds {
		if d.Attempt > 1 {
			w.Stats.Redelivered.Add(1)
		}
	}
	start := time.Now()
	sum, err := w.prod.Submit(ctx, w.inputs(ctx, ds), nil)
	if err != nil {
		w.Stats.Retried.Add(int64(len(ds)))
		w.opt.Logger.Error("job failed; its inputs go back to the queue", "inputs", len(ds), "err", err)
		for _, d := range ds {
			d.Nak(w.opt.Retry)
		}
		return
	}
	for _, f := range sum.Failures {
		w.opt.Logger.Warn("input failed", "err", f)
	}
	for _, d := range ds {
		if err := d.Ack(ctx); err != nil {
			// Stored, but the queue did not hear: the input comes again
			// and is found stored.
			w.opt.Logger.Warn("acknowledge input", "err", err)
		}
	}
	w.Stats.Inputs.Add(int64(sum.Read))
	w.Stats.Stored.Add(int64(sum.Stored))
	w.Stats.AlreadyStored.Add(int64(sum.AlreadyStored))
	w.Stats.OutletsSet.Add(int64(sum.OutletsSet))
	w.Stats.Failed.Add(int64(len(sum.Failures)))
	w.opt.Logger.Info("job stored", "inputs", sum.Read, "stored", sum.Stored, "already", sum.AlreadyStored,
		"outlets_set", sum.OutletsSet, "failed", len(sum.Failures), "took", time.Since(start).Round(time.Millisecond))
}

// inputs turns deliveries into the engine's inputs, fetching URLs.
func (w *Worker) inputs(ctx context.Context, ds []*natsqueue.Delivery) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for _, d := range ds {
			in := news.Input{Name: d.Name, Page: d.Page, Article: d.Article, FromURL: d.FromURL}
			var err error
			if d.Page == nil && d.Article == nil {
				if w.opt.Fetch == nil {
					in, err = news.Input{Name: d.URL}, errNoFetcher
				} else {
					in, err = w.opt.Fetch(ctx, news.FetchRequest{URL: d.URL, Published: d.Published, DateOnly: d.DateOnly, ForceText: d.ForceText})
					if in.Name == "" {
						in.Name = d.URL
					}
					if in.Page != nil && !d.Published.IsZero() {
						in.Page.Published, in.Page.DateOnly = d.Published, d.DateOnly // the feed item's date, as when a feed is read in-process
					}
				}
			}
			if !yield(in, err) {
				return
			}
		}
	}
}

// errNoFetcher fails a URL input of a worker made without Fetch.
var errNoFetcher = errors.New("this worker fetches no URLs")
