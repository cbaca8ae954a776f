package read

import (
	"context"
	"sync"
	"time"
)

// cache keeps what is read far more often than it changes (the story list,
// the outlets) for a short time, and lets concurrent readers of one key
// wait for a single load instead of each running the query. Errors are not
// kept. Its size is bounded: past maxCacheEntries, expired entries go, and
// if none has expired, all do.
type cache struct {
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]*cacheEntry
}

// maxCacheEntries bounds the kept answers: the home page and the API's
// list take a handful of distinct queries; a client that varies its query
// string cannot grow the cache past this.
const maxCacheEntries = 1024

type cacheEntry struct {
	ready chan struct{} // closed when val and err are set
	until time.Time
	val   any
	err   error
}

func newCache(ttl time.Duration) *cache {
	return &cache{ttl: ttl, entries: map[string]*cacheEntry{}}
}

// get returns the value kept under key, loading it once when it is missing
// or expired.
func (c *cache) get(ctx context.Context, key string, load func(context.Context) (any, error)) (any, error) {
	if c == nil || c.ttl <= 0 {
		return load(ctx)
	}
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok {
		select {
		case <-e.ready:
			if now.After(e.until) || e.err != nil {
				ok = false
			}
		default: // being loaded: wait for it
		}
	}
	if !ok {
		if len(c.entries) >= maxCacheEntries {
			c.prune(now)
		}
		e = &cacheEntry{ready: make(chan struct{})}
		c.entries[key] = e
		c.mu.Unlock()
		e.val, e.err = load(ctx)
		e.until = time.Now().Add(c.ttl)
		close(e.ready)
		return e.val, e.err
	}
	c.mu.Unlock()
	select {
	case <-e.ready:
		return e.val, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// prune drops the expired entries, or all of them if none has expired.
// The caller holds c.mu.
func (c *cache) prune(now time.Time) {
	for k, e := range c.entries {
		select {
		case <-e.ready:
			if now.After(e.until) {
				delete(c.entries, k)
			}
		default:
		}
	}
	if len(c.entries) >= maxCacheEntries {
		clear(c.entries)
	}
}

// forget drops every kept answer (after a write this process made).
func (c *cache) forget() {
	if c == nil {
		return
	}
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}
