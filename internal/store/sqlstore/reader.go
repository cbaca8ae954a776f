package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

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

// Story returns a story with its articles, its last stored comparison and
// memberships; Updating says whether it changed since that comparison.
func (r Reads) Story(ctx context.Context, id string) (d news.StoryDetail, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		d, err = story(ctx, tx, id, r.Dialect.Membership)
		return err
	})
	return d, Fail("read story", id, err)
}

// StoryChanges lists the merges and splits that involved a story, oldest
// first.
func (r Reads) StoryChanges(ctx context.Context, id string) ([]news.StoryChange, error) {
	out, err := storyChanges(ctx, r.DB, id)
	return out, Fail("read changes of story", id, err)
}

// Sources summarises every outlet, most articles first. First reports and
// rewrites are read from the stories' stored comparisons.
func (r Reads) Sources(ctx context.Context) (out []news.SourceSummary, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		out, err = sources(ctx, tx)
		return err
	})
	return out, Fail("summarise sources", r.Name, err)
}

// SourceNames lists the outlets with their article counts, by name: cheap
// enough for every page that offers a filter by source.
func (r Reads) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	names, err := sourceNames(ctx, r.DB)
	return names, Fail("list source names", r.Name, err)
}

// SourceNamesOf is SourceNames for the outlets of these keys alone (each
// key once), sorted as SourceNames is: what a story's page needs to name the
// outlets its articles are filed under, without reading every outlet.
func (r Reads) SourceNamesOf(ctx context.Context, keys []string) ([]news.SourceCount, error) {
	names, err := sourceNamesOf(ctx, r.DB, keys)
	return names, Fail("list source names of", strings.Join(keys, ", "), err)
}

// OutletStories lists the stories of an outlet (its key), most recent news
// first, at most limit, each with what the outlet did in it according to
// the story's stored comparison.
func (r Reads) OutletStories(ctx context.Context, key string, limit int) (out []news.OutletStory, err error) {
	err = r.Snapshot(ctx, func(tx Querier) error {
		out, err = outletStories(ctx, tx, key, limit)
		return err
	})
	return out, Fail("list stories of outlet", fmt.Sprintf("%s limit %d", key, limit), err)
}

// RawOf returns the raw input an article was extracted from; ok is false for
// an article that came as text (JSONL) without a page.
func (r Reads) RawOf(ctx context.Context, articleID string) (raw news.Raw, ok bool, err error) {
	var kind, published string
	var body []byte
	err = r.DB.QueryRow(ctx, `SELECT r.id, r.sha256, r.name, r.url, r.kind, r.published, r.body, r.source, r.published_date_only FROM raw_inputs r
		JOIN articles a ON a.raw_id = r.id WHERE a.id = $1`, articleID).Scan(&raw.ID, &raw.Digest, &raw.Name, &raw.URL, &kind, &published, &body, &raw.Source, &raw.DateOnly)
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
