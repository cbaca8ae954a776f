package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/rawbody"
)

// Reads are the read-side methods both SQL stores answer with the same
// queries; a store embeds it.
type Reads struct {
	// DB is the store's read-only connections.
	DB Querier
	// Snapshot runs fn in one read-only transaction, so that what fn reads
	// is of one moment of the database.
	Snapshot func(ctx context.Context, fn func(tx Querier) error) error
	// Name is the database's, for errors.
	Name string
	// Dialect holds the expressions the two SQL dialects write apart.
	Dialect Dialect
}

// Dialect holds the expressions of the shared queries that SQLite and
// PostgreSQL write apart.
type Dialect struct {
	// Membership reads story_articles sa's membership as JSON text.
	Membership string
	// StoryOutlets is the names of story s's outlets (the name each is
	// shown under: the least by byte order of its spellings) in the
	// order they joined, joined by "\x1f"; '' when it has none.
	StoryOutlets string
	// ArticleIDs aggregates a.id over a group in article order, joined by
	// "\x1f", NULL when none.
	ArticleIDs string
}

// Article returns one stored article.
func (r Reads) Article(ctx context.Context, id string) (news.Article, error) {
	return Article(ctx, r.DB, id)
}

// StoryArticles returns a story's articles in the order they were added.
func (r Reads) StoryArticles(ctx context.Context, storyID string) ([]news.Article, error) {
	return StoryArticles(ctx, r.DB, storyID)
}

// Story returns a story with its articles, its last stored comparison and
// memberships; Updating says whether it changed since that comparison.
func (r Reads) Story(ctx context.Context, id string) (d news.StoryDetail, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		d, err = Story(ctx, tx, id, r.Dialect.Membership)
		return err
	})
	return d, Fail("read story", id, err)
}

// StoryChanges lists the merges and splits that involved a story, oldest
// first.
func (r Reads) StoryChanges(ctx context.Context, id string) ([]news.StoryChange, error) {
	out, err := StoryChanges(ctx, r.DB, id)
	return out, Fail("read changes of story", id, err)
}

// Counts returns how many articles and stories are stored.
func (r Reads) Counts(ctx context.Context) (articles, stories int, err error) {
	return Counts(ctx, r.DB, r.Name)
}

// StoryOf returns the id of the story an article belongs to.
func (r Reads) StoryOf(ctx context.Context, articleID string) (string, error) {
	return StoryOf(ctx, r.DB, articleID)
}

// StoryVersion is the time a story last changed (see the function
// StoryVersion).
func (r Reads) StoryVersion(ctx context.Context, id string) (string, error) {
	return StoryVersion(ctx, r.DB, id)
}

// StaleStories lists the stories that changed after their last comparison
// (or were never compared), most recently updated first, at most limit of
// them (0: all).
func (r Reads) StaleStories(ctx context.Context, limit int) ([]string, error) {
	return StaleStories(ctx, r.DB, limit)
}

// Feeds lists the polled feeds by URL.
func (r Reads) Feeds(ctx context.Context) ([]news.FeedState, error) {
	return Feeds(ctx, r.DB, r.Name)
}

// Sources summarises every outlet, most articles first. First reports and
// rewrites are read from the stories' stored comparisons.
func (r Reads) Sources(ctx context.Context) (out []news.SourceSummary, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		out, err = Sources(ctx, tx, r.Name)
		return err
	})
	return out, Fail("summarise sources", r.Name, err)
}

// SourceNames lists the outlets with their article counts, by name: cheap
// enough for every page that offers a filter by source.
func (r Reads) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	return SourceNames(ctx, r.DB, r.Name)
}

// OutletStories lists the stories of an outlet (its key), most recent news
// first, at most limit, each with what the outlet did in it according to
// the story's stored comparison.
func (r Reads) OutletStories(ctx context.Context, key string, limit int) (out []news.OutletStory, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		out, err = OutletStories(ctx, tx, key, limit)
		return err
	})
	return out, Fail("list stories of outlet", fmt.Sprintf("%s limit %d", key, limit), err)
}

// RawOf returns the raw input an article was extracted from; ok is false for
// an article that came as text (JSONL) without a page.
func (r Reads) RawOf(ctx context.Context, articleID string) (raw news.Raw, ok bool, err error) {
	var kind, published string
	var body []byte
	err = r.DB.QueryRow(ctx, `SELECT r.id, r.sha256, r.name, r.url, r.kind, r.published, r.body FROM raw_inputs r
		JOIN articles a ON a.raw_id = r.id WHERE a.id = $1`, articleID).Scan(&raw.ID, &raw.Digest, &raw.Name, &raw.URL, &kind, &published, &body)
	if errors.Is(err, ErrNoRows) {
		return raw, false, nil
	}
	if err != nil {
		return raw, false, Fail("read raw input of article", articleID, err)
	}
	raw.Kind = news.PageKind(kind)
	raw.Published, _ = news.ParsePublished(published)
	if raw.Body, err = rawbody.Unpack(body); err != nil {
		return raw, false, Fail("unpack raw input of article", articleID, err)
	}
	return raw, true, nil
}
