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
}

type keptPage struct {
	until       time.Time
	contentType string
	body        []byte
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
		if c.serve(w, r) {
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		now := time.Now()
		rec := &recordingWriter{ResponseWriter: w, status: http.StatusOK}
		h(rec, r)
		if rec.status != http.StatusOK {
			return
		}
		body := rec.body.Bytes()
		c.mu.Lock()
		if len(c.entries) >= maxKeptPages || c.bytes+len(body) > maxKeptBytes {
			clear(c.entries)
			c.bytes = 0
		}
		c.entries[key] = keptPage{until: now.Add(c.ttl), contentType: w.Header().Get("Content-Type"), body: body}
		c.bytes += len(body)
		c.mu.Unlock()
	}
}

// serve answers r from the cache if it holds a current answer for it. It
// runs before admission control too: a kept answer costs a map lookup, so
// it is given even when the server has no room for work.
func (c *pageCache) serve(w http.ResponseWriter, r *http.Request) bool {
	if c.ttl <= 0 || r.Method != http.MethodGet {
		return false
	}
	c.mu.Lock()
	p, ok := c.entries[r.URL.Path+"?"+r.URL.RawQuery]
	c.mu.Unlock()
	if !ok || !time.Now().Before(p.until) {
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
