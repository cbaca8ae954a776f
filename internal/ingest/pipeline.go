// Package ingest reads inputs (files, folders, JSONL, URLs) and runs them
// through the pipeline: extraction on a pool of workers, clustering in input
// order, storage in batched transactions. Stories that changed are compared
// when next read, or in the background (stale.go). It defines the Store
// interface it needs.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
	"github.com/storyline-news/storyline/internal/text"
)

// Store is what the pipeline needs of the database.
type Store interface {
	HasRaw(ctx context.Context, digest string) (bool, error)
	HasURL(ctx context.Context, urls ...string) (bool, error)
	Duplicate(ctx context.Context, url, contentHash string) (string, bool, error)
	IDTaken(ctx context.Context, id string) (bool, error)
	SaveBatch(ctx context.Context, entries []store.Entry, changes []news.StoryChange, now time.Time) error
	SaveRaw(ctx context.Context, r store.Raw) error
	OpenStories(ctx context.Context, window time.Duration, maxArticles int) ([]store.Assigned, error)
	ComparisonStore
	TemplateStore
}

// ComparisonStore is what comparing stories needs: which stories changed
// since they were compared, a story's version and articles, and a place for
// their comparison.
type ComparisonStore interface {
	StaleStories(ctx context.Context, limit int) ([]string, error)
	StaleAmong(ctx context.Context, ids []string) ([]string, error)
	StoryVersion(ctx context.Context, storyID string) (string, error)
	StoryArticles(ctx context.Context, storyID string) ([]news.Article, error)
	SaveComparisons(ctx context.Context, records []store.ComparisonRecord) error
}

// Options tune the pipeline. Zero fields take their defaults.
type Options struct {
	Workers   int // extraction workers; default the number of CPUs
	BatchSize int // articles per transaction; default 200
	Cluster   cluster.Options
	Sources   SourceOptions
	// Progress, when set, is called after each input with the counts so far.
	Progress func(Summary)
	Now      func() time.Time // default time.Now
	Logger   *slog.Logger     // default discards
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Summary counts what a run did.
type Summary struct {
	Read           int // inputs read (pages, articles, and inputs that failed)
	Stored         int // articles stored
	AlreadyStored  int // inputs or articles that were stored before
	StoriesNew     int
	StoriesUpdated int
	StoriesMerged  int // stories found to be one with another and merged into it
	ArticlesSplit  int // articles split off from a story they had drifted from
	Failures       []*InputError
	Added          []news.Membership // the stored articles and their stories, in order
}

// String is the one-line summary `storyline add` prints.
func (s Summary) String() string {
	changes := ""
	if s.StoriesMerged > 0 || s.ArticlesSplit > 0 {
		changes = fmt.Sprintf(" (%d merged, %d articles split off)", s.StoriesMerged, s.ArticlesSplit)
	}
	return fmt.Sprintf("%d inputs read, %d articles stored, %d already stored, %d stories new, %d updated%s, %d failed",
		s.Read, s.Stored, s.AlreadyStored, s.StoriesNew, s.StoriesUpdated, changes, len(s.Failures))
}

// Result is one input after extraction.
type Result struct {
	Input   Input
	Article news.Article
	Seen    bool     // the raw input was stored before; nothing was extracted
	Err     error    // why the input gave no article
	Site    string   // the page's site, for its template
	Blocks  []uint64 // the page's block fingerprints, for its site's template
	Packed  []byte   // the page compressed for storage, done on the worker
	Digest  string   // the page's store.Digest, when it was looked up
	// ContentHash is the article's store.ContentHash, computed on the worker
	// when the run stores articles.
	ContentHash string
	// Prepared holds the article's clustering features, computed on the
	// worker; nil when the run does not cluster.
	Prepared *cluster.Prepared
}

// Extract reads the inputs named by args and extracts them on opt.Workers
// goroutines, calling handle with each result in input order. seen, when not
// nil, tells which raw pages to skip. handle's error stops the run. Each page
// is extracted on its own, without site templates.
func Extract(ctx context.Context, args []string, opt Options, seen func(ctx context.Context, digest string) (bool, error), handle func(Result) error) error {
	return extractInputs(ctx, Inputs(ctx, args, opt.Sources), opt, seen, nil, handle)
}

// extractInputs is Extract with the site templates of a run (nil for none).
func extractInputs(ctx context.Context, inputs iter.Seq2[Input, error], opt Options, seen func(ctx context.Context, digest string) (bool, error), tmpls *siteTemplates, handle func(Result) error) error {
	opt = opt.withDefaults()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  Input
		err error
	}
	type done struct {
		seq int
		r   Result
	}
	jobs := make(chan job, opt.Workers*4)
	results := make(chan done, opt.Workers*16)
	go func() {
		defer close(jobs)
		seq := 0
		for in, err := range inputs {
			select {
			case jobs <- job{seq, in, err}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := process(ctx, j.in, j.err, seen, tmpls)
				select {
				case results <- done{j.seq, r}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]Result{}
	next := 0
	for d := range results {
		pending[d.seq] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := handle(r); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

func process(ctx context.Context, in Input, err error, seen func(context.Context, string) (bool, error), tmpls *siteTemplates) Result {
	r := Result{Input: in, Err: err}
	switch {
	case err != nil:
	case in.Article != nil:
		r.Article = *in.Article
	case in.Page != nil:
		if seen != nil {
			r.Digest = store.Digest(in.Page.Kind, in.Page.Body)
			ok, err := seen(ctx, r.Digest)
			if err != nil {
				r.Err = err
				return r
			}
			if ok {
				r.Seen = true
				return r
			}
		}
		r.Article, r.Site, r.Blocks, r.Err = extractSafely(ctx, *in.Page, tmpls)
		if r.Err == nil && in.FromURL {
			r.Article.ID = URLID(r.Article.URL)
		}
		if tmpls != nil { // storing: pack here, on the worker, not in the single consumer
			r.Packed = store.Pack(in.Page.Body)
		}
	}
	if tmpls != nil && r.Err == nil && !r.Seen { // clustering and storing come next: prepare them here too
		r.ContentHash = store.ContentHash(r.Article)
		p := cluster.Prepare(r.Article)
		r.Prepared = &p
	}
	return r
}

// extractSafely extracts a page with its site's template, turning a panic
// inside the extractor into an error for that input, so that one bad page
// cannot stop a batch.
func extractSafely(ctx context.Context, p news.Page, tmpls *siteTemplates) (a news.Article, site string, blocks []uint64, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("extractor failed: %v", v)
		}
	}()
	if tmpls == nil {
		a, err = extract.Extract(p)
		return a, "", nil, err
	}
	r, site, err := tmpls.extractWithSite(ctx, p)
	return r.Article, site, r.Blocks, err
}

// maxRestored bounds how many stored articles rebuild the clusterer's state.
const maxRestored = 50000

// Run ingests the inputs named by args into st and returns what it did. Inputs
// that fail are listed in the summary; the error is for failures of the run
// itself (the database, a cancelled context).
func Run(ctx context.Context, st Store, args []string, opt Options) (Summary, error) {
	if opt.Sources.Known == nil {
		opt.Sources.Known = func(ctx context.Context, u string) bool {
			known, err := st.HasURL(ctx, u, CanonicalURL(u))
			return err == nil && known
		}
	}
	return RunInputs(ctx, st, Inputs(ctx, args, opt.Sources), opt)
}

// RunInputs is Run over inputs that are already at hand (an API request's
// page, a feed's items).
func RunInputs(ctx context.Context, st Store, inputs iter.Seq2[Input, error], opt Options) (Summary, error) {
	opt = opt.withDefaults()
	var sum Summary
	cl := cluster.New(opt.Cluster)
	known := map[string]bool{}
	restored, err := st.OpenStories(ctx, opt.Cluster.Window+7*24*time.Hour, maxRestored)
	if err != nil {
		return sum, fmt.Errorf("load open stories: %w", err)
	}
	for _, as := range restored {
		cl.Restore(as.Article, as.StoryID)
		known[as.StoryID] = true
	}
	touched := map[string]bool{} // stories this run counted as new or updated
	tmpls := newSiteTemplates(st)
	var batch []store.Entry
	var changes []news.StoryChange
	inRun := map[string]bool{}   // content hashes and URLs stored by this run
	usedIDs := map[string]bool{} // article ids given out by this run
	// takeChanges logs and counts the clusterer's late corrections.
	takeChanges := func() []news.StoryChange {
		chs := cl.TakeChanges()
		for _, ch := range chs {
			opt.Logger.Info("story "+ch.Kind, "story", ch.Story, "other", ch.Other, "articles", ch.Articles, "score", ch.Score, "reason", ch.Reason)
			touched[ch.Story] = true
			if ch.Kind == "merge" {
				sum.StoriesMerged++
			} else {
				sum.ArticlesSplit += len(ch.Articles)
				touched[ch.Other], known[ch.Other] = true, true
			}
		}
		return chs
	}
	// place clusters and queues one extracted article (its content hash and
	// clustering features made on the worker: process does for every run
	// with site templates).
	place := func(r Result) error {
		a, hash := r.Article, r.ContentHash
		if _, dup, err := st.Duplicate(ctx, a.URL, hash); err != nil {
			return err
		} else if dup || inRun[hash] || (a.URL != "" && inRun[a.URL]) {
			sum.AlreadyStored++
			return nil
		}
		inRun[hash] = true
		if a.URL != "" {
			inRun[a.URL] = true
		}
		if a.ID, err = freeID(ctx, st, a.ID, usedIDs); err != nil {
			return err
		}
		usedIDs[a.ID] = true
		p := *r.Prepared
		p.Article.ID = a.ID
		m := cl.AddPrepared(p)
		if !known[m.StoryID] {
			known[m.StoryID] = true
			sum.StoriesNew++
		} else if !touched[m.StoryID] {
			sum.StoriesUpdated++
		}
		touched[m.StoryID] = true
		changes = append(changes, takeChanges()...)
		e := store.Entry{Article: a, Membership: m, ContentHash: hash}
		if r.Input.Page != nil {
			raw := rawOf(r)
			e.Raw = &raw
		}
		// Only pages that are stored teach their site, so that the same
		// article read twice cannot become "boilerplate".
		if err := tmpls.learn(ctx, r.Site, r.Blocks); err != nil {
			return err
		}
		batch = append(batch, e)
		sum.Stored++
		sum.Added = append(sum.Added, m)
		return nil
	}
	saver := startSaver(ctx, st, tmpls, opt.Now)
	// A batch is clustered in publication order (undated articles last, in
	// input order), so that a folder read in name order still tells the first
	// report from the ones that followed.
	var pending []Result
	flush := func() error {
		sort.SliceStable(pending, func(i, j int) bool {
			a, b := pending[i].Article.Published, pending[j].Article.Published
			if a.IsZero() || b.IsZero() {
				return !a.IsZero() && b.IsZero()
			}
			return a.Before(b)
		})
		for _, r := range pending {
			if err := place(r); err != nil {
				return err
			}
		}
		pending = pending[:0]
		if len(batch) == 0 {
			return nil
		}
		if err := saver.err(); err != nil {
			return err
		}
		saver.jobs <- saveJob{batch, changes}
		batch, changes = nil, nil
		return nil
	}
	handle := func(r Result) error {
		sum.Read++
		defer func() {
			if opt.Progress != nil {
				opt.Progress(sum)
			}
		}()
		if r.Seen {
			sum.AlreadyStored++
			return nil
		}
		if r.Err != nil {
			var ie *InputError
			if !errors.As(r.Err, &ie) {
				ie = &InputError{Name: r.Input.Name, Err: r.Err}
			}
			sum.Failures = append(sum.Failures, ie)
			if r.Input.Page != nil && errors.Is(r.Err, extract.ErrNoContent) {
				return st.SaveRaw(ctx, rawOf(r))
			}
			return nil
		}
		pending = append(pending, r)
		if len(pending) >= opt.BatchSize {
			return flush()
		}
		return nil
	}
	if err := extractInputs(ctx, inputs, opt, st.HasRaw, tmpls, handle); err != nil {
		saver.wait()
		return sum, err
	}
	if err := flush(); err != nil {
		saver.wait()
		return sum, err
	}
	// The stories of one article left by the run may fit a story now.
	cl.Settle()
	if settled := takeChanges(); len(settled) > 0 {
		if err := saver.err(); err != nil {
			saver.wait()
			return sum, err
		}
		saver.jobs <- saveJob{nil, settled}
	}
	if err := saver.wait(); err != nil {
		return sum, err
	}
	return sum, nil
}

// saveJob is a batch of placed articles and the story changes made while
// placing them.
type saveJob struct {
	entries []store.Entry
	changes []news.StoryChange
}

// saver stores batches on a goroutine of its own, one transaction each, so
// that clustering the next batch, and extraction, go on while a batch is
// written: the pipeline's single consumer used to stop for every save, and
// the extraction workers behind it. One batch waits at most.
type saver struct {
	jobs    chan saveJob
	done    chan struct{}
	mu      sync.Mutex
	failure error
}

func startSaver(ctx context.Context, st Store, tmpls *siteTemplates, now func() time.Time) *saver {
	sv := &saver{jobs: make(chan saveJob, 1), done: make(chan struct{})}
	go func() {
		defer close(sv.done)
		for job := range sv.jobs {
			if sv.err() != nil {
				continue // after a failure, later batches are not stored either
			}
			err := st.SaveBatch(ctx, job.entries, job.changes, now())
			if err != nil {
				err = fmt.Errorf("save articles: %w", err)
			} else if err = tmpls.save(ctx, now()); err != nil {
				err = fmt.Errorf("save site templates: %w", err)
			}
			if err != nil {
				sv.mu.Lock()
				sv.failure = err
				sv.mu.Unlock()
			}
		}
	}()
	return sv
}

// err is the first failure to save, if any.
func (sv *saver) err() error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.failure
}

// wait stores the batches handed over and returns the first failure.
func (sv *saver) wait() error {
	close(sv.jobs)
	<-sv.done
	return sv.err()
}

// freeID returns id, or id with the first numeric suffix ("-2", "-3", ...)
// that neither the store nor this run has used: two files of one name in
// different folders are two articles.
func freeID(ctx context.Context, st Store, id string, used map[string]bool) (string, error) {
	candidate := id
	for n := 2; ; n++ {
		if !used[candidate] {
			taken, err := st.IDTaken(ctx, candidate)
			if err != nil || !taken {
				return candidate, err
			}
		}
		candidate = fmt.Sprintf("%s-%d", id, n)
	}
}

// rawOf is the raw page of a result, with the packing and digest its
// worker made.
func rawOf(r Result) store.Raw {
	p := r.Input.Page
	return store.Raw{Name: r.Input.Name, URL: p.URL, Kind: p.Kind, Published: p.Published, Body: p.Body, Packed: r.Packed, Digest: r.Digest}
}

// comparisonOf reads a story's articles and compares them.
func comparisonOf(ctx context.Context, st ComparisonStore, storyID string) (store.ComparisonRecord, error) {
	version, err := st.StoryVersion(ctx, storyID)
	if err != nil {
		return store.ComparisonRecord{}, err
	}
	arts, err := st.StoryArticles(ctx, storyID)
	if err != nil {
		return store.ComparisonRecord{}, fmt.Errorf("story %s: %w", storyID, err)
	}
	cmp, err := compareSafely(arts)
	if err != nil {
		return store.ComparisonRecord{}, fmt.Errorf("story %s: %w", storyID, err)
	}
	return store.ComparisonRecord{StoryID: storyID, Title: StoryTitle(arts), Summary: StorySummary(arts, cmp), Comparison: cmp, Version: version}, nil
}

// errCompare marks a comparison that failed on the articles themselves (a
// panic in compare): the story is left stale, and the others go on.
var errCompare = errors.New("comparison failed")

// compareSafely compares a story's articles and finds its derivations,
// turning a panic into an error: comparisons now also run inside serve, in
// the background, where a panic would stop the server.
func compareSafely(arts []news.Article) (cmp news.Comparison, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: %v", errCompare, v)
		}
	}()
	cmp = compare.Compare(arts)
	cmp.Derivations = cluster.Derive(arts)
	if len(cmp.Derivations) == 0 {
		cmp.Derivations = []news.Derivation{}
	}
	return cmp, nil
}

// recompareAll recompares the given stories on one goroutine per CPU:
// comparisons of different stories are independent, and they are the costly
// part of reading a story that changed. One writer stores them, many to a
// transaction, so that the comparing goroutines never wait for one another's
// writes.
func recompareAll(ctx context.Context, st ComparisonStore, ids []string) error {
	return recompareOn(ctx, st, ids, runtime.NumCPU())
}

// recompareOn is recompareAll on the given number of goroutines.
func recompareOn(ctx context.Context, st ComparisonStore, ids []string, workers int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var failure, skippedErr error
	var once, skipped sync.Once
	fail := func(err error) {
		once.Do(func() { failure = err; cancel() })
	}
	next := make(chan string)
	done := make(chan store.ComparisonRecord, 64)
	var comparing sync.WaitGroup
	for range max(1, workers) {
		comparing.Add(1)
		go func() {
			defer comparing.Done()
			for id := range next {
				r, err := comparisonOf(ctx, st, id)
				switch {
				case errors.Is(err, store.ErrNotFound):
					continue // merged into another story since it was listed
				case errors.Is(err, errCompare):
					skipped.Do(func() { skippedErr = err })
					continue // the story stays stale; the others are compared
				case err != nil:
					fail(err)
					continue
				}
				done <- r
			}
		}()
	}
	written := make(chan struct{})
	go func() {
		defer close(written)
		var batch []store.ComparisonRecord
		write := func() {
			if len(batch) > 0 {
				if err := st.SaveComparisons(ctx, batch); err != nil {
					fail(fmt.Errorf("save comparisons: %w", err))
				}
				batch = batch[:0]
			}
		}
		for r := range done {
			if batch = append(batch, r); len(batch) == 100 {
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

// StorySummary is a story's one line: the fact most of its articles state,
// else the first sentence of its first report.
func StorySummary(arts []news.Article, cmp news.Comparison) string {
	if len(cmp.Facts) > 0 {
		return cmp.Facts[0].Text
	}
	for _, t := range cmp.Timeline {
		for _, a := range arts {
			if a.ID == t.Article {
				if ps := a.Paragraphs(); len(ps) > 0 {
					if ss := text.Sentences(ps[0]); len(ss) > 0 {
						return ss[0]
					}
				}
			}
		}
	}
	return ""
}

// StoryTitle is the headline of a story: the title of its earliest dated
// article, else of its first article.
func StoryTitle(arts []news.Article) string {
	best := -1
	for i, a := range arts {
		if a.Title == "" {
			continue
		}
		if best < 0 || !a.Published.IsZero() && (arts[best].Published.IsZero() || a.Published.Before(arts[best].Published)) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return arts[best].Title
}
