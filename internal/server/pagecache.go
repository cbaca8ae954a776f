package server

import (
	"bytes"
	"net/http"
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
}

type keptPage struct {
	until       time.Time
	contentType string
	body        []byte
	refreshing  bool // one request is making it again; the others get this copy meanwhile
}

// maxKeptPages and maxKeptBytes bound the answers kept: a client varying
// its query string cannot grow the cache past them. 16 MB holds a few
// hundred story pages, the ones being read at the moment.
const (
	maxKeptPages = 4096
	maxKeptBytes = 16 << 20
)

func newPageCache(ttl time.Duration) *pageCache {
	return &pageCache{ttl: ttl, entries: map[string]keptPage{}}
}

// wrap answers from the cache, or serves h and keeps a 200 answer.
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
			w.Header().Set("Content-Type", p.contentType)
			w.Write(p.body)
			return
		}
		now := time.Now()
		c.mu.Lock()
		gen := c.gen
		c.mu.Unlock()
		rec := &recordingWriter{ResponseWriter: w, status: http.StatusOK}
		h(rec, r)
		if rec.status != http.StatusOK {
			return
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
		if len(c.entries) >= maxKeptPages || c.bytes+len(body) > maxKeptBytes {
			clear(c.entries)
			c.bytes = 0
		}
		c.entries[key] = keptPage{until: now.Add(c.ttl), contentType: w.Header().Get("Content-Type"), body: body}
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
	w.Header().Set("Content-Type", p.contentType)
	w.Write(p.body)
	return true
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
