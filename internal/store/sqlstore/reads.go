package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// ArticleColumns are the columns ScanArticle reads, of articles a.
const ArticleColumns = "a.id, a.url, a.source, a.published, a.title, a.byline, a.lang, a.kind, a.text, a.capture_archive, a.capture_record, a.capture_uri, a.capture_offset, a.captures, a.published_date_only"

// articleColumnsBeforeKind are ArticleColumns as a schema older than the
// articles' kind column (SQLite migration 18, PostgreSQL 10) and capture
// columns (SQLite 20 and 21, PostgreSQL 12 and 13) and precision (SQLite
// 22, PostgreSQL 14) can give them, these empty: what the earlier
// migrations' backfills (LeadTitles) read.
const articleColumnsBeforeKind = "a.id, a.url, a.source, a.published, a.title, a.byline, a.lang, '' AS kind, a.text, '' AS capture_archive, '' AS capture_record, '' AS capture_uri, 0 AS capture_offset, '' AS captures, false AS published_date_only"

// StoryWhen is when a story's news happened, as lists filter by it: its
// last publication time, the time it was stored when it has none (the
// expression of index stories_when). StoryStart is the start of its span
// alike.
const (
	StoryWhen  = "(CASE WHEN s.last_published <> '' THEN s.last_published ELSE s.updated_at END)"
	StoryStart = "(CASE WHEN s.first_published <> '' THEN s.first_published ELSE s.updated_at END)"
)

// StoryRecency is the key of "most recent news first", sorted descending
// (the expression of index stories_recency): the dated stories by their
// last publication time, then the undated ones by when they were stored.
// An undated story loaded today is no news of today: placed by its load
// time among the dated ones it topped every list, above news it may well
// be older than. The prefix "1" or "0" sorts every dated story (an RFC
// 3339 time after "1") above every undated one ("0" and a time).
const StoryRecency = "(CASE WHEN s.last_published <> '' THEN '1' || s.last_published ELSE '0' || s.updated_at END)"

// StoryTitleWins is when an upsert of a story (INSERT ... ON CONFLICT DO
// UPDATE, the stored row stories, the new one excluded) takes the new
// article's title, as projection.Title picks a story's title: a real
// headline beats a title derived from a lead (news.LeadTitle), and among
// titles of one kind the earliest dated article's wins. The new article's
// date is compared with the date of the article the story's title came
// from (see titleAfterNew), not with the story's first publication: an
// untitled article dated before every titled one would otherwise keep an
// earlier titled article that comes later from replacing a later one. So
// lists are right before the story is compared, and the comparison
// (SaveComparisons) sets the title exactly.
const StoryTitleWins = `(excluded.title <> '' AND (stories.title = ''
	OR stories.title_derived AND NOT excluded.title_derived
	OR excluded.title_derived = stories.title_derived AND excluded.first_published <> '' AND ` + titleAfterNew + `))`

// titleAfterNew is, in an upsert of a story, whether the stored story's
// title was first published after the new article (excluded), or is of no
// date: for a real headline, whether none of the story's dated articles
// with that title is dated at or before the new one; for a derived title,
// whether the story's first publication (its lead is its earliest dated
// article's: a story titled by a lead has no titled article) is none or
// later. The new article is not among the story's articles yet (its
// membership is written after). It was "the earliest of those dates is
// none or later", a min() over every article of the story with the title:
// the same truth, but every article joining a story of n read n articles,
// so that a store of stories that keep growing (the issue-14 stream's
// 100,000 articles, stories of 45 on average and up to 1,141) spent most
// of its ingest there (session 54); NOT EXISTS stops at the first such
// article, in a stream in date order the story's first.
const titleAfterNew = `(CASE WHEN stories.title_derived THEN (stories.first_published = '' OR excluded.first_published < stories.first_published)
	ELSE NOT EXISTS (SELECT 1 FROM articles ta JOIN story_articles tsa ON tsa.article_id = ta.id
		WHERE tsa.story_id = stories.id AND ta.title = stories.title AND ta.published <> '' AND ta.published <= excluded.first_published) END)`

// SplitOffTitle is the title of a story split off with the articles ids
// (news.StoryTitle), before it is compared: the batch's own articles are
// taken from pending, the others read from the store. Without it a
// split-off of untitled articles is listed as an untitled story, and one
// of titled articles under its first article's title, until compared.
func SplitOffTitle(ctx context.Context, q Querier, ids []string, pending map[string]news.Article) (title string, derived bool, err error) {
	arts := make([]news.Article, 0, len(ids))
	for _, id := range ids {
		a, ok := pending[id]
		if !ok {
			a, err = ScanArticle(q.QueryRow(ctx, "SELECT "+ArticleColumns+" FROM articles a WHERE a.id = $1", id))
			if errors.Is(err, ErrNoRows) {
				continue // the move of the articles says which are missing
			}
			if err != nil {
				return "", false, Fail("read article split off", id, err)
			}
		}
		arts = append(arts, a)
	}
	title, derived = news.StoryTitle(arts)
	return title, derived, nil
}

// LeadTitles titles every stored story that has no title as its
// comparison will (news.StoryTitle: for a story of untitled articles, the
// lead of its earliest), calling set for each: the stores' migration to
// derived titles (sqlite 13, postgres 5) runs it, so that a database
// stored before lists its stories by their leads at once rather than
// blank until each is compared again. Stories are read leadTitleBatch at
// a time, in id order, so that a large database is upgraded in bounded
// memory.
func LeadTitles(ctx context.Context, q Querier, set func(id, title string, derived bool) error) error {
	r := Reads{DB: q}
	for after := ""; ; {
		var ids []string
		if err := each(ctx, q, func(rows Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		}, "SELECT id FROM stories WHERE title = '' AND id > $1 ORDER BY id LIMIT $2", after, leadTitleBatch); err != nil {
			return err
		}
		for _, id := range ids {
			arts, err := r.storyArticles(ctx, id, articleColumnsBeforeKind+", '' AS outlet")
			if err != nil {
				return err
			}
			if title, derived := news.StoryTitle(arts); title != "" {
				if err := set(id, title, derived); err != nil {
					return Fail("title story", id, err)
				}
			}
		}
		if len(ids) < leadTitleBatch {
			return nil
		}
		after = ids[len(ids)-1]
	}
}

// leadTitleBatch is how many untitled stories LeadTitles reads at once:
// their ids, a few tens of kilobytes.
const leadTitleBatch = 1000

// ScanArticle reads ArticleColumns, then the extra destinations.
func ScanArticle(sc Row, extra ...any) (news.Article, error) {
	var a news.Article
	var published, more string
	if err := sc.Scan(append([]any{&a.ID, &a.URL, &a.Source, &published, &a.Title, &a.Byline, &a.Lang, &a.Kind, &a.Text, &a.Capture.Archive, &a.Capture.RecordID, &a.Capture.TargetURI, &a.Capture.Offset, &more, &a.DateOnly}, extra...)...); err != nil {
		return a, err
	}
	var err error
	if a.MoreCaptures, err = ParseCaptures(more); err != nil {
		return a, fmt.Errorf("article %s: %w", a.ID, err)
	}
	var ok bool
	if a.Published, ok = news.ParsePublished(published); !ok {
		return a, fmt.Errorf("article %s: stored publication time %q is not RFC 3339", a.ID, published)
	}
	return a, nil
}

// Article returns one stored article.
func (r Reads) Article(ctx context.Context, id string) (news.Article, error) {
	a, err := ScanArticle(r.DB.QueryRow(ctx, "SELECT "+ArticleColumns+" FROM articles a WHERE a.id = $1", id))
	if errors.Is(err, ErrNoRows) {
		err = news.ErrNotFound
	}
	return a, Fail("read article", id, err)
}

// StoryArticles returns a story's articles in the order they were added,
// each with the key its outlet is filed under (news.Article.OutletKey).
func (r Reads) StoryArticles(ctx context.Context, storyID string) ([]news.Article, error) {
	return r.storyArticles(ctx, storyID, ArticleColumns+", a.outlet")
}

// storyArticles reads a story's articles by columns (ArticleColumns, or
// articleColumnsBeforeKind in a migration's backfill), then the key their
// outlet is filed under.
func (r Reads) storyArticles(ctx context.Context, storyID, columns string) ([]news.Article, error) {
	rows, err := r.DB.Query(ctx, "SELECT "+columns+` FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = $1 ORDER BY a.seq`, storyID)
	if err != nil {
		return nil, Fail("read articles of story", storyID, err)
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		var outlet string
		a, err := ScanArticle(rows, &outlet)
		if err != nil {
			return nil, Fail("read articles of story", storyID, err)
		}
		a.OutletKey = outlet
		out = append(out, a)
	}
	return out, Fail("read articles of story", storyID, rows.Err())
}

// story reads a story with its articles (each with the key its outlet is
// filed under), memberships and changes; tx
// should see one moment of the database. membership is the expression
// that reads story_articles sa's membership as JSON text.
func story(ctx context.Context, tx Querier, id, membership string) (news.StoryDetail, error) {
	var d news.StoryDetail
	var cmp string
	err := tx.QueryRow(ctx, "SELECT id, title, title_derived, comparison, updated_at, compared_at < updated_at FROM stories WHERE id = $1", id).
		Scan(&d.ID, &d.Title, &d.TitleDerived, &cmp, &d.Version, &d.Updating)
	if errors.Is(err, ErrNoRows) {
		return d, mergedOrMissing(ctx, tx, id)
	}
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(cmp), &d.Comparison); err != nil {
		return d, fmt.Errorf("stored comparison: %w", err)
	}
	rows, err := tx.Query(ctx, "SELECT "+ArticleColumns+", "+membership+`, a.outlet FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = $1 ORDER BY a.seq`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var raw, outlet string
		a, err := ScanArticle(rows, &raw, &outlet)
		if err != nil {
			return d, err
		}
		a.OutletKey = outlet
		var m news.Membership
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return d, fmt.Errorf("stored membership of article %s: %w", a.ID, err)
		}
		d.Articles = append(d.Articles, a)
		d.Memberships = append(d.Memberships, m)
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	rows.Close()
	d.Changes, err = storyChanges(ctx, tx, id)
	return d, err
}

// mergedOrMissing is the error for a story id that is not stored: a
// news.MergedError naming the story it was merged into, else
// news.ErrNotFound.
func mergedOrMissing(ctx context.Context, tx Querier, id string) error {
	var into string
	err := tx.QueryRow(ctx, `SELECT story_id FROM story_changes WHERE kind = 'merge' AND other_story_id = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&into)
	switch {
	case err == nil:
		return &news.MergedError{Story: id, Into: into}
	case errors.Is(err, ErrNoRows):
		return news.ErrNotFound
	}
	return err
}

// storyChanges lists the merges and splits that involved a story, oldest
// first.
func storyChanges(ctx context.Context, q Querier, id string) ([]news.StoryChange, error) {
	rows, err := q.Query(ctx, `SELECT kind, story_id, other_story_id, articles, score, threshold, reason, at
		FROM story_changes WHERE story_id = $1 OR other_story_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.StoryChange
	for rows.Next() {
		var ch news.StoryChange
		var articles, at string
		if err := rows.Scan(&ch.Kind, &ch.Story, &ch.Other, &articles, &ch.Score, &ch.Threshold, &ch.Reason, &at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(articles), &ch.Articles); err != nil {
			return nil, fmt.Errorf("stored %s of stories %s and %s: articles: %w", ch.Kind, ch.Story, ch.Other, err)
		}
		if ch.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("stored %s of stories %s and %s: time: %w", ch.Kind, ch.Story, ch.Other, err)
		}
		out = append(out, ch)
	}
	return out, rows.Err()
}

// Counts returns how many articles and stories are stored.
func (r Reads) Counts(ctx context.Context) (articles, stories int, err error) {
	err = r.DB.QueryRow(ctx, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").Scan(&articles, &stories)
	return articles, stories, Fail("count articles and stories", r.Name, err)
}

// StoryOf returns the id of the story an article belongs to.
func (r Reads) StoryOf(ctx context.Context, articleID string) (string, error) {
	return r.oneString(ctx, "read story of article", articleID, "SELECT story_id FROM story_articles WHERE article_id = $1")
}

// StoryVersion is the time a story last changed. Read before its articles, it
// is what their comparison is stored as having seen (ComparisonRecord.Version).
func (r Reads) StoryVersion(ctx context.Context, id string) (string, error) {
	return r.oneString(ctx, "read version of story", id, "SELECT updated_at FROM stories WHERE id = $1")
}

// oneString reads the one text a query of key gives, news.ErrNotFound when
// it finds no row; op names the read in its error.
func (r Reads) oneString(ctx context.Context, op, key, query string) (string, error) {
	var v string
	err := r.DB.QueryRow(ctx, query, key).Scan(&v)
	if errors.Is(err, ErrNoRows) {
		err = news.ErrNotFound
	}
	return v, Fail(op, key, err)
}

// StaleStories lists the stories that changed after their last comparison
// (or were never compared), most recently updated first, at most limit of
// them (0: all).
func (r Reads) StaleStories(ctx context.Context, limit int) ([]string, error) {
	key := fmt.Sprint("limit ", limit)
	query := "SELECT id FROM stories WHERE compared_at < updated_at ORDER BY updated_at DESC, id"
	var args []any
	if limit > 0 {
		query, args = query+" LIMIT $1", []any{limit}
	}
	rows, err := r.DB.Query(ctx, query, args...)
	if err != nil {
		return nil, Fail("list stale stories", key, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, Fail("list stale stories", key, err)
		}
		out = append(out, id)
	}
	return out, Fail("list stale stories", key, rows.Err())
}

// Feeds lists the polled feeds by URL.
func (r Reads) Feeds(ctx context.Context) ([]news.FeedState, error) {
	rows, err := r.DB.Query(ctx, `SELECT url, title, etag, last_modified, last_checked, last_success, last_error,
		interval_s, next_check, items_added FROM feeds ORDER BY url`)
	if err != nil {
		return nil, Fail("list feeds", r.Name, err)
	}
	defer rows.Close()
	out := []news.FeedState{}
	for rows.Next() {
		var f news.FeedState
		var checked, success, next string
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &success, &f.LastError, &f.IntervalS, &next, &f.ItemsAdded); err != nil {
			return nil, Fail("list feeds", r.Name, err)
		}
		f.LastChecked, _ = news.ParsePublished(checked)
		f.LastSuccess, _ = news.ParsePublished(success)
		f.NextCheck, _ = news.ParsePublished(next)
		f.Interval = time.Duration(f.IntervalS) * time.Second
		out = append(out, f)
	}
	return out, Fail("list feeds", r.Name, rows.Err())
}
