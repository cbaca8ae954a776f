package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// POST /api/v1/ingest takes a stream of inputs, one JSON object a line
// (WireInput), and runs them through the engine as one job, the way `add`
// runs them in its own process: it answers, while it reads, with a line of
// counts now and then ({"progress": ...}) and ends with {"summary": ...}
// (and "error" when the job failed). `storyline add` against a database
// that a server holds sends its inputs here (Submit, client.go).

// WireInput is one input on the wire: a page, an article, or an input that
// failed at its source (Error), which the server counts as failed.
type WireInput struct {
	Name    string        `json:"name"`
	Page    *WirePage     `json:"page,omitempty"`
	Article *news.Article `json:"article,omitempty"`
	FromURL bool          `json:"from_url,omitempty"`
	Error   string        `json:"error,omitempty"`
}

// WirePage is a page on the wire.
type WirePage struct {
	ID        string        `json:"id"`
	URL       string        `json:"url,omitempty"`
	Source    string        `json:"source,omitempty"`
	Kind      news.PageKind `json:"kind"`
	Body      []byte        `json:"body"`
	Published time.Time     `json:"published,omitzero"`
	DateOnly  bool          `json:"date_only,omitempty"` // published is a date alone (its midnight UTC)
	Fetched   time.Time     `json:"fetched,omitzero"`
	Capture   news.Capture  `json:"capture,omitzero"` // the web-archive record it was read from
}

// WireSummary is a job's summary on the wire.
type WireSummary struct {
	Read           int                 `json:"read"`
	Stored         int                 `json:"stored"`
	AlreadyStored  int                 `json:"already_stored"`
	OutletsSet     int                 `json:"outlets_set,omitempty"`
	StoriesNew     int                 `json:"stories_new"`
	StoriesUpdated int                 `json:"stories_updated"`
	StoriesMerged  int                 `json:"stories_merged"`
	ArticlesSplit  int                 `json:"articles_split"`
	ArticlesMoved  int                 `json:"articles_moved"`
	Failures       []WireFailure       `json:"failures,omitempty"`
	Added          []news.Membership   `json:"added,omitempty"`
	StoredBefore   []news.StoredBefore `json:"stored_before,omitempty"`
}

// WireFailure is an input that failed, and why.
type WireFailure struct {
	Name  string `json:"name"`
	Error string `json:"error"`
}

// wireLine is a line of the answer.
type wireLine struct {
	Progress *wireProgress `json:"progress,omitempty"`
	Summary  *WireSummary  `json:"summary,omitempty"`
	Error    string        `json:"error,omitempty"`
}

// wireProgress is the counts so far, with how many inputs failed.
type wireProgress struct {
	WireSummary
	Failed int `json:"failed"`
}

func toWire(s news.RunSummary, full bool) *WireSummary {
	w := &WireSummary{Read: s.Read, Stored: s.Stored, AlreadyStored: s.AlreadyStored, OutletsSet: s.OutletsSet, StoriesNew: s.StoriesNew,
		StoriesUpdated: s.StoriesUpdated, StoriesMerged: s.StoriesMerged, ArticlesSplit: s.ArticlesSplit,
		ArticlesMoved: s.ArticlesMoved}
	if full {
		for _, f := range s.Failures {
			w.Failures = append(w.Failures, WireFailure{f.Name, f.Err.Error()})
		}
		w.Added = s.Added
		w.StoredBefore = s.StoredBefore
	}
	return w
}

func fromWire(w WireSummary, failures int) news.RunSummary {
	s := news.RunSummary{Read: w.Read, Stored: w.Stored, AlreadyStored: w.AlreadyStored, OutletsSet: w.OutletsSet, StoriesNew: w.StoriesNew,
		StoriesUpdated: w.StoriesUpdated, StoriesMerged: w.StoriesMerged, ArticlesSplit: w.ArticlesSplit, ArticlesMoved: w.ArticlesMoved, Added: w.Added, StoredBefore: w.StoredBefore}
	for _, f := range w.Failures {
		s.Failures = append(s.Failures, &news.InputError{Name: f.Name, Err: errors.New(f.Error)})
	}
	for len(s.Failures) < failures { // a progress line counts failures only
		s.Failures = append(s.Failures, &news.InputError{Name: "(an input)", Err: errors.New("failed")})
	}
	return s
}

// maxWireLine bounds one line of the stream: a page of news.MaxPageBytes,
// base64-encoded, with room for its fields.
const maxWireLine = news.MaxPageBytes/3*4 + 1<<20

// progressEvery is how often the ingest answer reports progress.
const progressEvery = 200 * time.Millisecond

func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		s.jsonError(w, r, err)
		return
	}
	// The answer streams while the request is read, for as long as the
	// job takes: the server's read and write timeouts are for pages.
	rc := http.NewResponseController(w)
	if err := rc.EnableFullDuplex(); err != nil {
		// Without it, answering would cut the request short.
		s.jsonError(w, r, fmt.Errorf("ingest: read and answer at once: %w", err))
		return
	}
	rc.SetReadDeadline(time.Time{})
	rc.SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	rc.Flush()
	var mu sync.Mutex // the progress callback and the final line both write
	enc := json.NewEncoder(w)
	send := func(l any) {
		mu.Lock()
		defer mu.Unlock()
		enc.Encode(l)
		rc.Flush()
	}
	var last time.Time
	progress := func(sum news.RunSummary) {
		if time.Since(last) < progressEvery {
			return
		}
		last = time.Now()
		send(wireLine{Progress: &wireProgress{*toWire(sum, false), len(sum.Failures)}})
	}
	var readErr error
	sum, err := s.writer.Submit(r.Context(), wireInputs(r.Body, &readErr), progress)
	s.Forget() // the kept lists and pages may miss what was just stored
	if err == nil && readErr != nil {
		err = &badRequest{"read the inputs: " + readErr.Error()}
	}
	line := wireLine{Summary: toWire(sum, true)}
	if err != nil {
		_, line.Error = s.describe(r, err)
	}
	send(line)
}

// wireInputs reads a stream of WireInput lines; a line that cannot be read
// fails the stream (readErr) rather than being skipped.
func wireInputs(body io.Reader, readErr *error) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		sc := bufio.NewScanner(body)
		sc.Buffer(make([]byte, 64<<10), maxWireLine)
		for n := 1; sc.Scan(); n++ {
			if len(strings.TrimSpace(sc.Text())) == 0 {
				continue
			}
			var wi WireInput
			if err := json.Unmarshal(sc.Bytes(), &wi); err != nil {
				*readErr = fmt.Errorf("line %d: %w", n, err)
				return
			}
			in, err := wi.input()
			if err != nil {
				*readErr = fmt.Errorf("line %d: %w", n, err)
				return
			}
			if wi.Error != "" {
				if !yield(news.Input{Name: wi.Name}, &news.InputError{Name: wi.Name, Err: errors.New(wi.Error)}) {
					return
				}
				continue
			}
			if !yield(in, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil && !errors.Is(err, context.Canceled) {
			*readErr = err
		}
	}
}

// input is the input a wire line carries.
func (wi WireInput) input() (news.Input, error) {
	in := news.Input{Name: wi.Name, Article: wi.Article, FromURL: wi.FromURL}
	if p := wi.Page; p != nil {
		if p.Kind != news.KindHTML && p.Kind != news.KindText {
			return in, fmt.Errorf("page %q: kind %q is neither html nor text", wi.Name, p.Kind)
		}
		in.Page = &news.Page{ID: p.ID, URL: p.URL, Source: p.Source, Kind: p.Kind, Body: p.Body, Published: p.Published, DateOnly: p.DateOnly, Fetched: p.Fetched, Capture: p.Capture}
	}
	if wi.Error == "" && (in.Page == nil) == (in.Article == nil) {
		return in, fmt.Errorf("input %q: give a page or an article", wi.Name)
	}
	return in, nil
}
