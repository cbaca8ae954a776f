package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/text"
)

// Result is one input after extraction.
type Result struct {
	Input   news.Input
	Article news.Article
	Seen    bool   // the raw page was stored before; nothing was extracted
	Err     error  // why the input gave no article
	Site    string // the page's site, for its template
	Blocks  []uint64
	Words   []int32 // the words of each of Blocks
	Digest  string  // the page's news.Digest, when it was looked up
}

// Extract extracts the inputs on workers goroutines (one per CPU when
// workers <= 0), without site templates or a database, and calls handle with
// each result in input order; handle's error stops the run. It is what
// `storyline extract` and the benchmarks run.
func Extract(ctx context.Context, inputs iter.Seq2[news.Input, error], workers int, handle func(Result) error) error {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	return extractOrdered(ctx, inputs, extractor{workers: workers, bytes: newBudget(DefaultExtractBudget)}, handle)
}

// extractor is how a run extracts: how many pages at once (its own workers,
// and a slot of sem, shared by every job of an engine, for each page), which
// raw pages to skip as stored (seen), and the site templates.
type extractor struct {
	workers int
	sem     chan struct{}
	bytes   *budget // the bytes of pages extracted at once, across jobs
	seen    func(ctx context.Context, digest string) (bool, error)
	tmpls   *siteTemplates
}

// extractOrdered runs the inputs through x on its workers and hands the
// results to handle in input order. At most a few results per worker wait
// for their turn, so memory stays bounded whatever the input.
func extractOrdered(ctx context.Context, inputs iter.Seq2[news.Input, error], x extractor, handle func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  news.Input
		err error
	}
	type done struct {
		seq int
		r   Result
	}
	jobs := make(chan job, x.workers*4)
	results := make(chan done, x.workers*16)
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
	for range x.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := x.process(ctx, j.in, j.err)
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
				cancel()
				for range results { // let the workers finish
				}
				return err
			}
		}
	}
	return ctx.Err()
}

// process extracts one input.
func (x extractor) process(ctx context.Context, in news.Input, err error) Result {
	r := Result{Input: in, Err: err}
	switch {
	case err != nil:
	case in.Article != nil:
		r.Article = *in.Article
		datedByURL(&r.Article)
	case in.Page != nil:
		if x.seen != nil {
			r.Digest = news.Digest(in.Page.Kind, in.Page.Body)
			ok, err := x.seen(ctx, r.Digest)
			if err != nil {
				r.Err = err
				return r
			}
			if ok {
				r.Seen = true
				return r
			}
		}
		if x.sem != nil {
			select {
			case x.sem <- struct{}{}:
				defer func() { <-x.sem }()
			case <-ctx.Done():
				r.Err = ctx.Err()
				return r
			}
		}
		if err := notText(in.Page.Body); err != nil {
			r.Err = err
			return r
		}
		size := int64(len(in.Page.Body))
		if err := x.bytes.acquire(ctx, size); err != nil {
			r.Err = err
			return r
		}
		defer x.bytes.release(size)
		r.Article, r.Site, r.Blocks, r.Words, r.Err = extractSafely(ctx, *in.Page, x.tmpls)
		if r.Err == nil && in.FromURL {
			r.Article.ID = web.URLID(r.Article.URL)
		}
		if r.Err == nil {
			r.Article.Capture = in.Page.Capture
		}
	case in.Fetch != nil:
		r.Err = fmt.Errorf("%s: a page still to fetch reached the extractor (only workers on a queue fetch handed-on URLs)", in.Fetch.URL)
	default:
		r.Err = errors.New("an input with neither a page nor an article")
	}
	labelled(&r.Article)
	return r
}

// labelled makes the article's title and source what they are shown as
// (text.Label: no control characters, one line), once, as it comes in: a
// page's or a JSONL line's escape sequence or NUL is then in no stored
// title or outlet name, nor in the HTML, JSON, exports and terminal output
// made from them.
func labelled(a *news.Article) {
	a.Title, a.Source = text.Label(a.Title), text.Label(a.Source)
}

// datedByURL gives an article that came without a date and without a page
// (a JSONL line with text) the day its URL gives, as extraction dates a
// page that states none (extract.DateFromURL): a date alone. The article
// model has no field for where a date came from, as a page's extracted
// date has none.
func datedByURL(a *news.Article) {
	if !a.Published.IsZero() || a.URL == "" {
		return
	}
	if t, ok := extract.DateFromURL(a.URL, time.Time{}); ok {
		a.Published, a.DateOnly = news.DayOf(t), true
	}
}

// notText says why a page body is not text (an image, an archive, random
// bytes), nil when it is: a body whose first 64 KB hold more than one
// binary byte in a hundred is refused. Binary bytes are those WHATWG MIME
// sniffing counts as such (controls other than tab, newlines, form feed and
// escape): text in any encoding a news page uses has next to none, while
// random bytes have one in ten and images or archives several in a hundred.
// UTF-16 text, which has NULs, is recognised by its byte-order mark and
// left alone. Magic numbers are not used: text dumps start with any words
// ("BM..." is a bitmap's signature; sniffing refused three dumps of
// ../shared for it). Measured on the 9,994 pages of ../shared/bench: none
// refused.
func notText(body []byte) error {
	if bytes.HasPrefix(body, []byte{0xff, 0xfe}) || bytes.HasPrefix(body, []byte{0xfe, 0xff}) {
		return nil
	}
	sample := body[:min(len(body), 64<<10)]
	binary := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			binary++
		}
	}
	if binary*100 > len(sample) {
		return fmt.Errorf("not a page but binary data (%d binary bytes in its first %d)", binary, len(sample))
	}
	return nil
}

// extractSafely extracts a page with its site's template, turning a panic
// inside the extractor into an error for that input, so that one bad page
// cannot stop a batch.
func extractSafely(ctx context.Context, p news.Page, tmpls *siteTemplates) (a news.Article, site string, blocks []uint64, words []int32, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("extractor failed: %v", v)
		}
	}()
	if tmpls == nil {
		a, err = extract.Extract(p)
		return a, "", nil, nil, err
	}
	r, site, err := tmpls.extractWithSite(ctx, p)
	return r.Article, site, r.Blocks, r.Words, err
}
