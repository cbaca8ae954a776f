package server

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"sync"
	"time"
)

// pageCache keeps the answers of the pages read far more often than the
// database changes (the home page, story pages, the outlets, the API's
// lists and stories, searches) for a short time, whole: a kept answer costs
// a map lookup instead of the queries and the template. Only 200 answers
// are kept, and only for as long as the server's Options.CacheFor; the
// server forgets them all after each of its writes.
type pageCache struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]keptPage
	bytes   int
	gen     int // counts Forget calls: an answer made across one is not kept
	store   storeGeneration
}

type keptPage struct {
	until      time.Time
	made       time.Time
	storeGen   string      // the store's generation when it was made; "" unknown
	header     http.Header // the headers the handler set: Content-Type, and an API list's X-Total-Count and Link
	body       []byte
	refreshing bool // one request is making it again; the others get this copy meanwhile
}

// write gives the kept answer: the handler's headers, then its body.
func (p keptPage) write(w http.ResponseWriter) {
	for name, values := range p.header {
		w.Header()[name] = slices.Clone(values)
	}
	w.Write(p.body)
}

// headersSet returns the headers of after that before did not have, or
// had with other values: those a handler set, apart from the ones the
// middleware around it sets on every answer.
func headersSet(before, after http.Header) http.Header {
	set := http.Header{}
	for name, values := range after {
		if !slices.Equal(before[name], values) {
			set[name] = slices.Clone(values)
		}
	}
	return set
}

// storeGeneration asks the store, at most once per genCheckEvery, whether
// anything stored changed (read.Reader.Generation): an answer past its
// time whose store has not changed is kept on instead of being made again.
// Without it every kept answer was made again each CacheFor; with a few
// thousand distinct pages read (the load test's 1,200) that work, all due
// at once, filled the server (20,000 of 60,000 requests refused at 1,000/s).
//
// It is also the one poll of the server's Watch: while Watch runs, only
// Watch asks the store (poll, each of its ticks) and the page cache takes
// its latest answer, so that a serving process asks once per tick, not
// once for Watch and once more for the cache (session 40 had both).
type storeGeneration struct {
	read func(ctx context.Context) (string, error)
	mu   sync.Mutex
	at   time.Time
	last string
	// watchEvery is Watch's interval while it runs (0: it does not): an
	// answer younger than two of its ticks is taken as current, as Watch
	// asks again before then (and forgets every kept page on a change).
	watchEvery time.Duration
}

// genCheckEvery bounds how often the store is asked for its generation: one
// query a second, while a change shows within a second.
const genCheckEvery = time.Second

// maxKeptAge bounds how long an answer is kept on while the store does not
// change: pages that depend on the clock ("since 7d", "2 hours ago") are
// made again after it. Five minutes of 1,200 pages is 4 pages a second.
const maxKeptAge = 5 * time.Minute

// current is the store's generation, asked at most once per genCheckEvery;
// "" when it cannot tell.
func (g *storeGeneration) current(ctx context.Context, now time.Time) string {
	if g.read == nil {
		return ""
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	fresh := genCheckEvery
	if g.watchEvery > 0 {
		fresh = max(fresh, 2*g.watchEvery)
	}
	if now.Sub(g.at) < fresh && !g.at.IsZero() {
		return g.last
	}
	return g.ask(ctx, now)
}

// poll asks the store now, whenever it was last asked: Watch's tick.
func (g *storeGeneration) poll(ctx context.Context, now time.Time) string {
	if g.read == nil {
		return ""
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.ask(ctx, now)
}

// ask reads the store's generation and keeps it as of now; g.mu is held.
func (g *storeGeneration) ask(ctx context.Context, now time.Time) string {
	v, err := g.read(ctx)
	if err != nil {
		v = "" // unknown: answers last only their time
	}
	g.at, g.last = now, v
	return v
}

// watched tells g that Watch asks the store every interval from now on
// (0: no longer).
func (g *storeGeneration) watched(every time.Duration) {
	g.mu.Lock()
	g.watchEvery = every
	g.mu.Unlock()
}

// maxKeptPages and maxKeptBytes bound the answers kept: a client varying
// its query string cannot grow the cache past them. At 16 MB the working
// set of `storyline eval load --articles 10000 --rate 1000 --phases mixed`
// (1,200 answers: 200 stories' pages and API answers with their charts,
// searches, lists) did not fit, the cache emptied itself over and over and
// a third of the requests were refused; at 64 MB none is, p99 1.8 ms.
const (
	maxKeptPages = 4096
	maxKeptBytes = 64 << 20
)

func newPageCache(ttl time.Duration, generation func(ctx context.Context) (string, error)) *pageCache {
	return &pageCache{ttl: ttl, entries: map[string]keptPage{}, store: storeGeneration{read: generation}}
}

// wrap answers from the cache, or serves h and keeps a 200 answer (not one
// marked Cache-Control: no-store).
func (c *pageCache) wrap(h http.HandlerFunc) http.HandlerFunc {
	if c.ttl <= 0 {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Path + "?" + r.URL.RawQuery
		c.mu.Lock()
		p, ok := c.entries[key]
		c.mu.Unlock()
		if ok && time.Now().Before(p.until) {
			p.write(w)
			return
		}
		now := time.Now()
		storeGen := c.store.current(r.Context(), now) // before it is made: a write meanwhile shows as a change
		c.mu.Lock()
		gen := c.gen
		c.mu.Unlock()
		before := w.Header().Clone()
		rec := &recordingWriter{ResponseWriter: w, status: http.StatusOK}
		h(rec, r)
		if rec.status != http.StatusOK || w.Header().Get("Cache-Control") == "no-store" {
			return // an answer to make again (a story being compared)
		}
		body := rec.body.Bytes()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.gen != gen {
			return // a write happened while it was made: it may not show it
		}
		if old, ok := c.entries[key]; ok {
			c.bytes -= len(old.body)
		}
		// Full: some kept answers go (any, as the map gives them), not all,
		// so that a working set a little larger than the cache does not
		// make every page again at each turn.
		for k, old := range c.entries {
			if len(c.entries) < maxKeptPages && c.bytes+len(body) <= maxKeptBytes {
				break
			}
			delete(c.entries, k)
			c.bytes -= len(old.body)
		}
		c.entries[key] = keptPage{until: now.Add(c.ttl), made: now, storeGen: storeGen, header: headersSet(before, w.Header()), body: body}
		c.bytes += len(body)
	}
}

// serve answers r from the cache if it holds an answer for it, before
// admission control: a kept answer costs a map lookup, so it is given even
// when the server has no room for work. An answer past its time (but not
// past twice its time) is made again by the first request that finds it,
// while the others get the kept copy meanwhile: answers kept at once do not
// all expire into one burst of work. (Writes drop every answer: Forget.)
func (c *pageCache) serve(w http.ResponseWriter, r *http.Request) bool {
	if c.ttl <= 0 || r.Method != http.MethodGet {
		return false
	}
	key := r.URL.Path + "?" + r.URL.RawQuery
	now := time.Now()
	c.mu.Lock()
	p, ok := c.entries[key]
	c.mu.Unlock()
	renew := ok && c.stillHolds(r.Context(), p, now) // may ask the store: outside c.mu
	c.mu.Lock()
	if cur, same := c.entries[key]; renew && same && cur.made.Equal(p.made) {
		p.until = now.Add(c.ttl) // nothing stored changed: it still holds
		c.entries[key] = p
	} else {
		p, ok = cur, same // as it is now
	}
	switch {
	case !ok || !now.Before(p.until.Add(c.ttl)):
		ok = false // none, or too old to give
	case now.Before(p.until), p.refreshing:
	default:
		p.refreshing = true // this request makes it again
		c.entries[key] = p
		ok = false
	}
	c.mu.Unlock()
	if !ok {
		return false
	}
	p.write(w)
	return true
}

// stillHolds reports whether an answer past its time may be given on: it
// is not being made again, is younger than maxKeptAge, and the store's
// generation is the one it was made at.
func (c *pageCache) stillHolds(ctx context.Context, p keptPage, now time.Time) bool {
	return !now.Before(p.until) && !p.refreshing && p.storeGen != "" && now.Sub(p.made) < maxKeptAge &&
		c.store.current(ctx, now) == p.storeGen
}

// forget drops every kept answer.
func (c *pageCache) forget() {
	c.mu.Lock()
	clear(c.entries)
	c.bytes = 0
	c.gen++
	c.mu.Unlock()
}

// recordingWriter writes through and keeps a copy of what was written.
type recordingWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *recordingWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}
