package engine

import (
	"crypto/rand"
	"encoding/hex"
)

// NewProducer returns an engine that only produces: its jobs (Submit) are
// extracted here and their windows published on opt.Queue, for the writer
// that holds the database's lease in another process, perhaps on another
// machine (a `storyline worker`, or a server standing by). It takes no
// lock and places nothing; its site templates are read from the store
// (the writer learns and saves them): a site's when the producer first
// meets it, and again in a job that begins after the store changed (a
// store that tells, as both do: its Generation), so that a running worker
// extracts with what the writer, or a reextract, stored since. Close ends
// its jobs.
func NewProducer(st Store, opt Options) *Engine {
	opt = opt.withDefaults()
	var id [4]byte
	rand.Read(id[:])
	e := &Engine{st: st, opt: opt, tmpls: newSiteTemplates(st), sem: make(chan struct{}, opt.Workers),
		unlock: func() error { return nil }, prefix: hex.EncodeToString(id[:]), stopped: make(chan struct{})}
	if g, ok := st.(generations); ok {
		e.tmpls.changes = g
	}
	e.cancel = func() { close(e.stopped) }
	return e
}
