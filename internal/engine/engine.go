// Package engine is storyline's one writer per database. An Engine holds
// the database's writer lock and owns the clusterer, restored from the store
// once when it starts; every producer (an add run in this process or
// submitted through a server, an API request, the feed poller) submits its
// inputs as a job: extracted on a bounded pool of workers, cut into windows
// (the stream driver, stream.go) and published on the queue; the writer
// (writer.go) takes the batches in order, places their articles in stories,
// saves them in batched transactions, settles the clusterer at each job's
// end, and tells the comparison projector (projector.go), which compares
// the stories that changed in the background.
//
// The engine's ports (ports.go) speak news types only: the SQLite store and
// the in-process queue implement them today, other backends can tomorrow.
package engine

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue"
	"github.com/storyline-news/storyline/internal/text"
)

// Options tune an engine. Zero fields take their defaults.
type Options struct {
	// Workers bounds how many pages are extracted at once, across every
	// job; default the number of CPUs.
	Workers int
	// ExtractBudget bounds the bytes of pages extracted at once, across
	// every job; default DefaultExtractBudget.
	ExtractBudget int64
	// Window is how many articles of a job the stream driver puts in order
	// together; default DefaultWindow.
	Window int
	// BatchSize is how many articles the writer stores per transaction;
	// default 200.
	BatchSize int
	Cluster   cluster.Options
	// Queue carries batches to the writer; default an in-process queue.
	Queue Queue
	// Writer says who holds the writer lock (PID and Since are filled in).
	Writer news.WriterInfo
	// Projector, when set, is told when stories changed (see Projector).
	Projector *Projector
	// OnStored, when set, is called after each write is committed (a
	// server drops the answers it keeps).
	OnStored func()
	Now      func() time.Time // default time.Now
	Logger   *slog.Logger     // default discards
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.ExtractBudget <= 0 {
		o.ExtractBudget = DefaultExtractBudget
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.Queue == nil {
		o.Queue = queue.NewLocal(16)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Writer.PID == 0 {
		o.Writer.PID = os.Getpid()
	}
	if o.Writer.Since.IsZero() {
		o.Writer.Since = o.Now().UTC()
	}
	return o
}

// Engine is a running writer. Its methods are safe for concurrent use.
type Engine struct {
	st     Store
	opt    Options
	tmpls  *siteTemplates
	sem    chan struct{} // a slot per page being extracted, across jobs
	bytes  *budget       // the bytes of the pages being extracted, across jobs
	unlock func() error
	prefix string // makes job ids unique across processes
	jobSeq atomic.Int64

	w       *writer // its goroutine alone touches it, but for reread (Reextract)
	cancel  context.CancelFunc
	stopped chan struct{} // closed when the writer has stopped
	closing sync.Once
}

// ErrStopped is the failure of a job whose engine stopped before storing it.
var ErrStopped = errors.New("the engine stopped")

// maxRestored bounds how many stored articles rebuild the clusterer's state.
const maxRestored = 50000

// Start takes the database's writer lock (failing with a *news.LockedError
// when another process holds it), restores the clusterer from the store's
// open stories and starts the writer. Close stops it.
func Start(ctx context.Context, st Store, opt Options) (*Engine, error) {
	opt = opt.withDefaults()
	unlock, err := st.LockWriter(ctx, opt.Writer)
	if err != nil {
		return nil, err
	}
	var id [4]byte
	rand.Read(id[:])
	e := &Engine{st: st, opt: opt, tmpls: newSiteTemplates(st), sem: make(chan struct{}, opt.Workers), bytes: newBudget(opt.ExtractBudget),
		unlock: unlock, prefix: hex.EncodeToString(id[:]), stopped: make(chan struct{})}
	w := &writer{st: st, q: opt.Queue, opt: opt, tmpls: e.tmpls, logger: opt.Logger}
	if err := w.restore(ctx); err != nil {
		unlock()
		return nil, err
	}
	e.w = w
	w.stored = func() {
		if opt.Projector != nil {
			opt.Projector.Notify()
		}
		if opt.OnStored != nil {
			opt.OnStored()
		}
	}
	run, cancel := context.WithCancel(context.WithoutCancel(ctx))
	e.cancel = cancel
	go func() {
		defer close(e.stopped)
		w.run(run)
	}()
	return e, nil
}

// Close stops the writer once the batch it is storing is stored, and
// releases the writer lock. Jobs still running fail with ErrStopped.
func (e *Engine) Close() error {
	var err error
	e.closing.Do(func() {
		e.cancel()
		<-e.stopped
		err = e.unlock()
	})
	return err
}

// Done is closed when the writer has stopped: after Close, or by itself
// when its lease on a shared database was taken over (its writes failed
// with news.ErrLeaseLost); the engine is then to be closed. A producer's
// (NewProducer) is closed by Close only.
func (e *Engine) Done() <-chan struct{} { return e.stopped }

// Submit runs a job: it extracts the inputs (pages whose raw input is
// stored already are skipped as such), hands them to the writer window by
// window, and returns what was stored once the writer has stored all of
// it. progress (when not nil) is called with the counts so far after each
// input and each stored window. Inputs that fail are listed in the summary;
// the error is for failures of the job itself (the database, the engine
// stopping, a cancelled context).
func (e *Engine) Submit(ctx context.Context, inputs iter.Seq2[news.Input, error], progress func(news.RunSummary)) (news.RunSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { // a job cannot outlive its engine
		select {
		case <-e.stopped:
			cancel()
		case <-ctx.Done():
		}
	}()
	j := &job{e: e, ctx: ctx, id: fmt.Sprintf("%s-%d", e.prefix, e.jobSeq.Add(1)), progress: progress, touched: map[string]bool{}}
	j.results = make(chan (<-chan news.BatchResult), maxInFlight)
	collected := make(chan error, 1)
	go func() { collected <- j.collect(cancel) }()
	x := extractor{workers: e.opt.Workers, sem: e.sem, bytes: e.bytes, seen: e.st.HasRaw, tmpls: e.tmpls}
	err := e.tmpls.refresh(ctx)
	if err == nil {
		err = extractOrdered(ctx, inputs, x, j.handle)
	}
	if err == nil {
		err = j.publish(true)
	}
	close(j.results)
	if cerr := <-collected; cerr != nil {
		err = cerr // the writer's failure says more than the cancelled extraction
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.sum, err
}

// maxInFlight is how many windows of one job may wait for the writer: one
// being stored and one ready, so that extraction goes on meanwhile and a job
// never holds more than a few windows in memory.
const maxInFlight = 2

// job is one Submit: its window being filled, its windows in flight and
// what it did so far.
type job struct {
	e        *Engine
	ctx      context.Context
	id       string
	progress func(news.RunSummary)
	results  chan (<-chan news.BatchResult)
	batches  int

	window      []news.Extracted
	failed      []news.Raw
	outlets     []news.OutletGiven // outlets named for pages stored before
	seen        []news.PageSeen    // pages stored before
	windowBytes int

	mu      sync.Mutex
	sum     news.RunSummary
	touched map[string]bool // stories counted as new or updated
}

// handle takes one extraction result into the job's window.
func (j *job) handle(r Result) error {
	j.mu.Lock()
	if j.cutOff(r) {
		j.report()
		j.mu.Unlock()
		return nil
	}
	j.sum.Read++
	switch {
	case r.Seen:
		// The writer names the article it is stored as (StoredBefore)
		// and gives that the page's capture.
		j.sum.AlreadyStored++
		j.seen = append(j.seen, news.PageSeen{Name: r.Input.Name, Digest: r.Digest, Capture: pageCapture(r.Input.Page)})
		if p := r.Input.Page; p != nil && p.Source != "" {
			j.outlets = append(j.outlets, news.OutletGiven{Name: r.Input.Name, Digest: r.Digest, Source: text.Label(p.Source)})
		}
	case r.Err != nil:
		var ie *news.InputError
		if !errors.As(r.Err, &ie) {
			ie = &news.InputError{Name: r.Input.Name, Err: r.Err}
		}
		j.sum.Failures = append(j.sum.Failures, ie)
		// A page the extractor found nothing in is kept, so that a better
		// extractor (reextract, or the next add) can try it again.
		if r.Input.Page != nil && errors.Is(r.Err, extract.ErrNoContent) {
			raw := news.RawOf(r.Input.Name, *r.Input.Page)
			raw.Digest = r.Digest
			j.failed = append(j.failed, raw)
			j.windowBytes += len(raw.Body)
		}
	default:
		it := news.Extracted{Name: r.Input.Name, Article: r.Article, ContentHash: ContentHash(r.Article), Site: r.Site, Blocks: r.Blocks, BlockWords: r.Words}
		if p := r.Input.Page; p != nil {
			raw := news.RawOf(r.Input.Name, *p)
			raw.Digest = r.Digest
			it.Raw = &raw
			j.windowBytes += len(p.Body)
		}
		j.window = append(j.window, it)
	}
	j.report()
	j.mu.Unlock()
	if len(j.window) >= j.e.opt.Window || j.windowBytes >= maxWindowBytes {
		return j.publish(false)
	}
	return nil
}

// pageCapture is the web-archive record a page was read from (none for
// an input that is no page).
func pageCapture(p *news.Page) news.Capture {
	if p == nil {
		return news.Capture{}
	}
	return p.Capture
}

// cutOff takes an input the job's stopping cut off (Ctrl-C, the writer
// failing: its extraction, fetch or look-up ended with the job's context)
// as not read, naming it in Interrupted rather than as a failed input,
// and reports whether it was one; j.mu is held.
func (j *job) cutOff(r Result) bool {
	if r.Err == nil || j.ctx.Err() == nil || !errors.Is(r.Err, j.ctx.Err()) {
		return false
	}
	name := r.Input.Name
	var ie *news.InputError
	if errors.As(r.Err, &ie) {
		name = ie.Name
	}
	j.sum.Interrupted = append(j.sum.Interrupted, name)
	return true
}

// report calls progress with the counts so far; j.mu is held.
func (j *job) report() {
	if j.progress != nil {
		j.progress(j.sum)
	}
}

// publish hands the job's window to the writer (final: the job's last).
func (j *job) publish(final bool) error {
	j.batches++
	b := news.Batch{ID: fmt.Sprintf("%s/%d", j.id, j.batches), Job: j.id, Items: j.window, Failed: j.failed, Final: final, Outlets: j.outlets, Seen: j.seen}
	j.window, j.failed, j.outlets, j.seen, j.windowBytes = nil, nil, nil, nil, 0
	done, err := j.e.opt.Queue.Publish(j.ctx, b)
	if err != nil {
		return err
	}
	select {
	case j.results <- done:
		return nil
	case <-j.e.stopped:
		return ErrStopped
	}
}

// collect takes the results of the job's windows in order and counts them;
// the first failure cancels the job (stop, called once).
func (j *job) collect(stop context.CancelFunc) error {
	var failure error
	for done := range j.results {
		var r news.BatchResult
		select {
		case r = <-done:
		case <-j.e.stopped:
			if failure == nil {
				failure = ErrStopped
				stop()
			}
			continue
		}
		if r.Err != "" {
			j.count(r) // what its committed transactions stored
			if failure == nil {
				failure = fmt.Errorf("save articles: %s", r.Err)
				stop()
			}
			continue
		}
		j.count(r)
	}
	return failure
}

// count adds a stored window's result to the job's summary.
func (j *job) count(r news.BatchResult) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, id := range r.NewStories {
		if !j.touched[id] {
			j.touched[id] = true
			j.sum.StoriesNew++
		}
	}
	for _, m := range r.Added {
		if !j.touched[m.StoryID] {
			j.touched[m.StoryID] = true
			j.sum.StoriesUpdated++
		}
	}
	for _, ch := range r.Changes {
		j.touched[ch.Story] = true
		switch ch.Kind {
		case "merge":
			j.sum.StoriesMerged++
		case "move":
			j.sum.ArticlesMoved += len(ch.Articles)
			j.touched[ch.Other] = true
		default:
			j.sum.ArticlesSplit += len(ch.Articles)
			j.touched[ch.Other] = true
		}
	}
	j.sum.Stored += len(r.Added)
	j.sum.AlreadyStored += r.AlreadyStored
	j.sum.StoredBefore = append(j.sum.StoredBefore, r.StoredBefore...)
	j.sum.OutletsSet += r.OutletsSet
	j.sum.Added = append(j.sum.Added, r.Added...)
	j.report()
}

// ContentHash identifies an article's text regardless of spacing, case and
// typography, so that the same article ingested twice is stored once.
func ContentHash(a news.Article) string {
	sum := sha256.Sum256([]byte(strings.Join(text.Words(text.Normalize(a.Title+" "+a.Text)), " ")))
	return hex.EncodeToString(sum[:16])
}
