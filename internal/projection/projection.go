// Package projection derives what is shown of a story from its articles:
// the comparison of its sources (package compare, with the derivations of
// package cluster), its headline and its one-line summary. A Memo makes one
// comparison per version of a story however many readers (and the engine's
// projector) ask for it at once.
package projection

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// ErrCompare marks a comparison that failed on the articles themselves (a
// panic in compare): the story stays as it was, and others go on.
var ErrCompare = errors.New("comparison failed")

// Compare compares a story's articles and finds its derivations, turning a
// panic into an error wrapping ErrCompare: comparisons run inside a server,
// where a panic would stop it.
func Compare(arts []news.Article) (cmp news.Comparison, err error) {
	return CompareContext(context.Background(), arts)
}

// CompareContext is Compare, given up with ctx's error (no ErrCompare:
// the articles are not at fault, and the story is compared again next
// time) as soon as ctx ends, between the comparison's steps and pairs
// (compare.CompareContext, cluster.DeriveContext).
func CompareContext(ctx context.Context, arts []news.Article) (cmp news.Comparison, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: %v", ErrCompare, v)
		}
	}()
	if cmp, err = compare.CompareContext(ctx, arts); err != nil {
		return news.Comparison{}, err
	}
	if cmp.Derivations, err = cluster.DeriveContext(ctx, arts); err != nil {
		return news.Comparison{}, err
	}
	if len(cmp.Derivations) == 0 {
		cmp.Derivations = []news.Derivation{}
	}
	unmarkCopiedFirst(&cmp)
	return cmp, nil
}

// unmarkCopiedFirst takes the first-report mark off the earliest article
// when the derivations credit it, untied, to another outlet's article: the
// times put it first, but a credit in the text says it copied a report
// its clock stamped later (cluster.Derive orders two outlets minutes apart
// by a credit). Left marked, a reader would see one outlet "reported
// first" beside the same outlet's rewrite of another; which of the two
// was first the times and the text do not agree on, so neither is shown.
// The sources' tally counts first reports by the same rule
// (news.CopiesAnotherOutlet).
func unmarkCopiedFirst(cmp *news.Comparison) {
	otherOutlet := func(d news.Derivation) bool { return !d.SameOutlet }
	for k, e := range cmp.Timeline {
		if e.First && news.CopiesAnotherOutlet(e.Article, cmp.Derivations, otherOutlet) {
			cmp.Timeline[k].First = false
		}
	}
}

// Record is a story's comparison with its title and summary, made for the
// given version of the story.
func Record(storyID, version string, arts []news.Article) (news.ComparisonRecord, error) {
	return RecordContext(context.Background(), storyID, version, arts)
}

// RecordContext is Record, given up with ctx's error as soon as ctx ends
// (CompareContext).
func RecordContext(ctx context.Context, storyID, version string, arts []news.Article) (news.ComparisonRecord, error) {
	cmp, err := CompareContext(ctx, arts)
	if err != nil {
		return news.ComparisonRecord{}, fmt.Errorf("story %s: %w", storyID, err)
	}
	title, derived := Title(arts)
	summary := Summary(arts, cmp)
	if derived {
		summary = notTheLead(arts, title, summary)
	}
	summary = news.ShownSentence(summary) // read as the title is: no "&amp;" nor "--" in the line under it
	return news.ComparisonRecord{StoryID: storyID, Title: title, TitleDerived: derived, Summary: summary, Comparison: cmp, Version: version, Outlets: filedOutlets(arts)}, nil
}

// filedOutlets are the keys the articles' outlets were filed under, by
// article id (news.ComparisonRecord.Outlets), or nil when no store set
// them (no article has news.Article.OutletKey).
func filedOutlets(arts []news.Article) map[string]string {
	if !slices.ContainsFunc(arts, func(a news.Article) bool { return a.OutletKey != "" }) {
		return nil
	}
	out := make(map[string]string, len(arts))
	for _, a := range arts {
		out[a.ID] = a.OutletKey
	}
	return out
}

// notTheLead is the one line of a story titled by the lead of an article
// (derived, Title): the summary, unless it is that lead sentence or a
// piece of it (its dateline, "PENSACOLA, Fla.", cut off by the sentence
// splitter), which lists would show under the title as a second copy or
// as no sentence at all; then the sentence after the lead ("" when none).
func notTheLead(arts []news.Article, title, summary string) string {
	s := strings.TrimSpace(summary)
	for _, a := range arts {
		if news.LeadTitle(a) != title {
			continue
		}
		if head, next := news.LeadAndNext(a); s != "" && strings.Contains(head, s) {
			return next
		}
		return summary
	}
	return summary
}

// Summary is a story's one line: the fact most of its articles state, else
// the first sentence of its first report's lead paragraph
// (news.LeadParagraph: a byline, a date stamp or a credit above the lead
// is no summary).
func Summary(arts []news.Article, cmp news.Comparison) string {
	if len(cmp.Facts) > 0 {
		return cmp.Facts[0].Text
	}
	for _, t := range cmp.Timeline {
		for _, a := range arts {
			if a.ID == t.Article {
				if ss := text.Sentences(news.LeadParagraph(a)); len(ss) > 0 {
					return ss[0]
				}
			}
		}
	}
	return ""
}

// Title is the headline of a story (news.StoryTitle): the title of its
// earliest dated titled article, else one made from the lead of its
// earliest dated article, derived saying so. The stores' upsert of a story
// as its articles come, and their split-offs, follow the same rule.
func Title(arts []news.Article) (title string, derived bool) {
	return news.StoryTitle(arts)
}

// Memo compares each version of a story once: concurrent callers asking for
// one story version wait for the one comparison under way, and the last
// results are kept for callers that come soon after (the projector storing
// what a reader just compared). It is safe for concurrent use.
type Memo struct {
	mu       sync.Mutex
	inflight map[key]*call
	recent   map[key]news.ComparisonRecord
	order    []key // recent, oldest first
	failed   map[key]error
	failures []key // failed, oldest first
	size     int
	computed int // comparisons made, for tests and metrics
	record   RecordContextFunc
}

// RecordFunc makes the comparison record of a story version from its
// articles, as Record does.
type RecordFunc func(storyID, version string, arts []news.Article) (news.ComparisonRecord, error)

// RecordContextFunc is a RecordFunc that gives up when its context ends,
// as RecordContext does.
type RecordContextFunc func(ctx context.Context, storyID, version string, arts []news.Article) (news.ComparisonRecord, error)

// key is what a memo keeps a record by: the story, its version and the
// outlets its articles were filed under (outletsSeen).
type key struct {
	story, version string
	outlets        uint64
}

type call struct {
	done chan struct{}
	rec  news.ComparisonRecord
	err  error
}

// DefaultMemoSize is how many comparisons a Memo keeps: the stories of a
// home page and some, a few MB.
const DefaultMemoSize = 256

// NewMemo returns a memo keeping the last size comparisons (DefaultMemoSize
// when size <= 0).
func NewMemo(size int) *Memo {
	if size <= 0 {
		size = DefaultMemoSize
	}
	return newMemo(size, RecordContext)
}

// NewMemoFunc returns a memo that makes records with record instead of
// Record (a test's comparison that is slow or fails).
func NewMemoFunc(size int, record RecordFunc) *Memo {
	return newMemo(size, func(_ context.Context, storyID, version string, arts []news.Article) (news.ComparisonRecord, error) {
		return record(storyID, version, arts)
	})
}

// NewMemoContextFunc returns a memo that makes records with record, given
// each comparison's context (a test's comparison that waits until its
// caller leaves, or is let go).
func NewMemoContextFunc(size int, record RecordContextFunc) *Memo {
	return newMemo(size, record)
}

// newMemo returns a memo keeping the last size comparisons, made with record.
func newMemo(size int, record RecordContextFunc) *Memo {
	if size <= 0 {
		size = DefaultMemoSize
	}
	return &Memo{inflight: map[key]*call{}, recent: map[key]news.ComparisonRecord{}, failed: map[key]error{}, size: size, record: record}
}

// Record returns the comparison record of a story version, comparing the
// articles load returns only when no other caller has or is doing it for
// the same articles filed under the same outlets (outletsSeen): an alias
// set or removed since, which marks the story for comparison again
// without changing its version, is compared anew, not given the record
// made with the outlets as they were. The articles are loaded first, by
// every caller (a read of the story, far cheaper than its comparison).
//
// A comparison that failed on the articles (ErrCompare, a panic
// included) is remembered like a record: asking again for the same
// articles gives its error at once rather than fail again, since it
// depends on nothing else; a new version of the story, or an alias that
// files its outlets anew, is tried again.
func (m *Memo) Record(ctx context.Context, storyID, version string, load func(context.Context) ([]news.Article, error)) (news.ComparisonRecord, error) {
	arts, err := load(ctx)
	if err != nil {
		m.mu.Lock()
		m.computed++ // an attempt, as a failed comparison is
		m.mu.Unlock()
		return news.ComparisonRecord{}, err
	}
	k := key{storyID, version, outletsSeen(arts)}
	for {
		m.mu.Lock()
		if rec, ok := m.recent[k]; ok {
			m.mu.Unlock()
			return rec, nil
		}
		if err, ok := m.failed[k]; ok {
			m.mu.Unlock()
			return news.ComparisonRecord{}, err
		}
		c, ok := m.inflight[k]
		if !ok {
			return m.compute(ctx, k, arts)
		}
		m.mu.Unlock()
		select {
		case <-c.done:
		case <-ctx.Done():
			return news.ComparisonRecord{}, ctx.Err()
		}
		if !interrupted(c.err) || ctx.Err() != nil {
			return c.rec, c.err
		}
		// The caller that was comparing it gave up (its context ended,
		// not this one's): compare it here.
	}
}

// interrupted reports whether a comparison was given up because its
// caller's context ended (not a failure of the articles).
func interrupted(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// compute makes the record of k's story version from arts, for every
// caller that asks meanwhile; m.mu is held, and released. A comparison
// given up on ctx is not remembered: the next caller compares again.
func (m *Memo) compute(ctx context.Context, k key, arts []news.Article) (news.ComparisonRecord, error) {
	c := &call{done: make(chan struct{})}
	m.inflight[k] = c
	m.computed++
	m.mu.Unlock()

	c.rec, c.err = m.safeRecord(ctx, k.story, k.version, arts)
	m.mu.Lock()
	delete(m.inflight, k)
	switch {
	case c.err == nil:
		m.remember(k, c.rec)
	case errors.Is(c.err, ErrCompare):
		m.rememberFailure(k, c.err)
	}
	m.mu.Unlock()
	close(c.done)
	return c.rec, c.err
}

// safeRecord makes a record with the memo's RecordFunc, turning a panic
// anywhere in it (the title or summary as well as the comparison) into an
// error wrapping ErrCompare: a panic would otherwise stop the server when
// the record is made in the background, and leave the call in flight for
// every later caller to wait on.
func (m *Memo) safeRecord(ctx context.Context, storyID, version string, arts []news.Article) (rec news.ComparisonRecord, err error) {
	defer func() {
		if v := recover(); v != nil {
			rec, err = news.ComparisonRecord{}, fmt.Errorf("story %s: %w: %v", storyID, ErrCompare, v)
		}
	}()
	return m.record(ctx, storyID, version, arts)
}

// Kept returns what the memo knows of a story version for these articles,
// without comparing or waiting: its record, or the error its comparison
// failed with (ErrCompare); ok is false when it knows neither (not made
// yet, or being made).
func (m *Memo) Kept(storyID, version string, arts []news.Article) (rec news.ComparisonRecord, ok bool, err error) {
	k := key{storyID, version, outletsSeen(arts)}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err, ok := m.failed[k]; ok {
		return news.ComparisonRecord{}, true, err
	}
	rec, ok = m.recent[k]
	return rec, ok, nil
}

// outletsSeen is a digest of what a comparison takes outlets from: each
// article's id, source and the key its outlet is filed under (FNV-1a).
func outletsSeen(arts []news.Article) uint64 {
	h := fnv.New64a()
	for _, a := range arts {
		for _, s := range []string{a.ID, a.Source, a.OutletKey} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

// remember keeps a record, dropping the oldest beyond the memo's size.
func (m *Memo) remember(k key, rec news.ComparisonRecord) {
	m.order = keepBounded(m.recent, m.order, k, rec, m.size)
}

// rememberFailure keeps the error of a failed comparison, dropping the
// oldest beyond the memo's size.
func (m *Memo) rememberFailure(k key, err error) {
	m.failures = keepBounded(m.failed, m.failures, k, err, m.size)
}

// keepBounded stores v under k in kept, whose keys order lists oldest
// first, drops the oldest beyond size and returns the new order.
func keepBounded[V any](kept map[key]V, order []key, k key, v V, size int) []key {
	if _, ok := kept[k]; !ok {
		order = append(order, k)
	}
	kept[k] = v
	for len(order) > size {
		delete(kept, order[0])
		order = order[1:]
	}
	return order
}

// Computed is how many comparisons the memo has made.
func (m *Memo) Computed() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.computed
}
