package news

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Input is one unit of work as a source yields it: a raw page to extract, or
// an article that came already extracted (JSONL with "text").
type Input struct {
	Name    string   // where it came from, for messages: a path, "path:line" or a URL
	Page    *Page    // a page to extract
	Article *Article // an article given as such
	FromURL bool     // fetched from the web: its id is a hash of its URL
	// Fetch, when set (and Page and Article are nil), is a page not fetched
	// yet: a feed item's address handed on to whoever fetches, a worker on
	// the queue when storyline runs on many machines.
	Fetch *FetchRequest
}

// FetchRequest is a page to fetch: its address and what the feed that
// named it said of it.
type FetchRequest struct {
	URL       string
	Published time.Time // the feed item's date, the page's when it gives none
	DateOnly  bool      // Published is a date alone (its midnight UTC)
	ForceText bool      // read the page as a plain-text dump
}

// InputError says which input failed and why.
type InputError struct {
	Name string
	Err  error
}

func (e *InputError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Raw is one input as it was read, before extraction: kept so that a better
// extractor can read it again.
type Raw struct {
	ID        int64 // the store's row id, 0 before it is stored
	Name      string
	URL       string
	Kind      PageKind
	Published time.Time
	DateOnly  bool // Published is a date alone (its midnight UTC), not a time of day
	Body      []byte
	Digest    string // Digest(Kind, Body), when the caller computed it already
	Source    string // the outlet the input named (add --source, a JSONL line's source), which wins over extraction's; "" for none
}

// Digest is the key under which a raw input is stored once: a SHA-256 of its
// kind and body.
func Digest(kind PageKind, body []byte) string {
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// RawOf is the raw input of a page.
func RawOf(name string, p Page) Raw {
	return Raw{Name: name, URL: p.URL, Kind: p.Kind, Published: p.Published, DateOnly: p.DateOnly, Body: p.Body, Source: p.Source}
}

// MaxPageBytes bounds one input (a page, or one JSONL line) after
// decompression: the largest news pages with their inline scripts and
// styles stay under 5 MB; 32 MB leaves room without letting one input take
// the memory of a run.
const MaxPageBytes = 32 << 20
