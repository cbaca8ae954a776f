package engine

import (
	"context"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue"
)

// The engine's ports: what it needs of a database and of a queue, in news
// types only, so that a backend is written without importing another. Every
// store backend passes the conformance suite of package storetest; the
// SQLite store checks that it implements Store when it compiles, as the
// in-process queue is checked here.
var _ Queue = (*queue.Local)(nil)

// Store is what the engine needs of the database.
type Store interface {
	Lookups
	Writes
	Comparisons
	Templates
	Raws
	Locker
	Aliases
}

// Aliases are the outlet aliases the user gives (storyline sources alias,
// news.OutletAlias): each files the articles of a name's key under an
// outlet's, in one transaction with the articles it moves.
type Aliases interface {
	// SetOutletAlias files name's key under outlet's from now on and
	// returns the alias stored and how many stored articles moved.
	SetOutletAlias(ctx context.Context, name, outlet string) (news.OutletAlias, int, error)
	// RemoveOutletAlias parts name's key from the outlet it is filed
	// under and returns the alias as it was and how many articles moved
	// (news.ErrNotFound when name has no alias).
	RemoveOutletAlias(ctx context.Context, name string) (news.OutletAlias, int, error)
}

// Lookups are the reads the writer makes for every input.
type Lookups interface {
	// HasRaw reports whether a raw input with this digest (news.Digest) is
	// stored and gave an article.
	HasRaw(ctx context.Context, digest string) (bool, error)
	// Duplicate returns a stored article with this URL (when not empty)
	// or this content hash: the one at the URL when there is one, else
	// the first stored (every store answers alike).
	Duplicate(ctx context.Context, url, contentHash string) (a news.ArticleRef, ok bool, err error)
	// RawArticles returns the articles extracted from the raw input with
	// this digest (news.Digest), in the order stored.
	RawArticles(ctx context.Context, digest string) ([]news.ArticleRef, error)
	// IDTaken reports whether a stored article has this id.
	IDTaken(ctx context.Context, id string) (bool, error)
	// OpenStories returns, oldest first, the articles (at most maxArticles,
	// the newest) of the stories published within window of the newest
	// stored article or undated: what restores a clusterer.
	OpenStories(ctx context.Context, window time.Duration, maxArticles int) ([]news.Assigned, error)
	// StoryMembers returns, oldest first (in the order stored), every
	// article of the given stories: what restores a clusterer whose saved
	// state names the stories it held (cluster.StreamState.Stories).
	StoryMembers(ctx context.Context, stories []string) ([]news.Assigned, error)
	// HeldMembers returns, oldest first (in the order stored), every
	// article of the given stories with only its id (Article.ID) and
	// story, but those whose ids whole names, read whole: what restores
	// a clusterer whose saved state holds its stories' sums over all
	// their members (cluster.StorySums), from the members they keep
	// whole.
	HeldMembers(ctx context.Context, stories, whole []string) ([]news.Assigned, error)
	// KeptApart returns, oldest first, the stored splits and moves out
	// of the given stories (those OpenStories restored), each story
	// followed through the merges since to the given story that holds it
	// now: the articles each took out, and the given story each of them
	// is in now ("" for none). Only the changes of the given stories, and
	// of the stories merged into them, are read.
	KeptApart(ctx context.Context, stories []string) ([]news.Parting, error)
	// LastArticle is the number (seq) of the newest stored article (the
	// articles are numbered in the order stored), 0 when none is: the
	// saved state is of every stored article when it records that number
	// (news.StoredSeqPart).
	LastArticle(ctx context.Context) (int64, error)
	// LastChange is the highest number (id) of a recorded story change, 0
	// when none is.
	LastChange(ctx context.Context) (int64, error)
	// StreamState is the parts of the clusterer's saved state of its
	// stream (its running statistics and its stories' state) as the last
	// writes stored them (news.WriteBatch.StreamState), none when none
	// was.
	StreamState(ctx context.Context) ([]news.StatePart, error)
}

// Writes are the writer's transactions.
type Writes interface {
	// SaveBatch stores a batch in one transaction and returns the stories
	// it began (those of its placements that were not stored before).
	SaveBatch(ctx context.Context, b news.WriteBatch) (newStories []string, err error)
	// SetSources gives, in one transaction, the articles of each named
	// page (the raw input of its digest) the outlet its input names where
	// theirs differs (a page added again with the outlet named,
	// news.OutletGiven), marking their stories for comparison again, and
	// returns how many changed for each.
	SetSources(ctx context.Context, outlets []news.OutletGiven) ([]int, error)
}

// Comparisons are what the comparison projector reads and writes.
type Comparisons interface {
	// StaleStories lists the stories changed after their last comparison,
	// most recently updated first, at most limit (0: all).
	StaleStories(ctx context.Context, limit int) ([]string, error)
	// StoryVersion is the time a story last changed (news.ErrNotFound for a
	// story that is gone).
	StoryVersion(ctx context.Context, id string) (string, error)
	StoryArticles(ctx context.Context, id string) ([]news.Article, error)
	// SaveComparisons stores comparisons; one made for an older version
	// than the story's leaves the story stale.
	SaveComparisons(ctx context.Context, records []news.ComparisonRecord) error
}

// Templates are the site templates extraction learns, read when a site is
// first met (they are saved with the batches, news.WriteBatch.Templates).
type Templates interface {
	// SiteTemplate returns a site's template, nil when there is none.
	SiteTemplate(ctx context.Context, site string) ([]byte, error)
	// ReplaceSiteTemplates stores templates (site -> encoding) in place
	// of every stored one, in one transaction: a site left out has none
	// after. at is when they were learned.
	ReplaceSiteTemplates(ctx context.Context, templates map[string][]byte, at time.Time) error
}

// Raws are what reextract reads and rewrites.
type Raws interface {
	// Raws calls fn for every stored raw input, oldest first, with the ids
	// of the articles extracted from it, holding no query open while fn runs.
	// An input whose stored body cannot be read back comes with no Body and
	// damaged saying what is wrong; the inputs after it still come.
	Raws(ctx context.Context, fn func(r news.Raw, articleIDs []string, damaged error) error) error
	// UpdateArticle replaces an article's extracted fields and marks its
	// story for comparison again.
	UpdateArticle(ctx context.Context, a news.Article, contentHash string) error
	// StoryOf returns the story of an article.
	StoryOf(ctx context.Context, articleID string) (string, error)
}

// Locker is the database's writer lock: one process at a time writes.
type Locker interface {
	// LockWriter takes the lock for the process info describes, without
	// waiting: when another process holds it, the error is a
	// *news.LockedError naming that process (and where it takes inputs,
	// when it serves). The returned function releases it.
	LockWriter(ctx context.Context, info news.WriterInfo) (unlock func() error, err error)
}

// Queue carries batches of extracted inputs from the producers (add runs,
// API requests, the feed poller, and later workers on other machines) to
// the one writer, and each batch's result back to its producer. Batches of
// one job arrive in the order they were published.
type Queue interface {
	// Publish hands a batch to the writer. Its result comes on the returned
	// channel once the writer has stored it (or failed to); a producer
	// acknowledges nothing to its own caller before.
	Publish(ctx context.Context, b news.Batch) (<-chan news.BatchResult, error)
	// Receive waits for the next batches for the writer and returns at
	// least one and at most max of them, in publication order.
	Receive(ctx context.Context, max int) ([]news.Batch, error)
	// Ack reports a batch's result to its producer; the batch then leaves
	// the queue.
	Ack(ctx context.Context, r news.BatchResult) error
}
