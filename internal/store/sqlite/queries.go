package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// The read side's queries run on the query-only connections (s.ro): reading
// a page cannot write to the database.

const articleColumns = "a.id, a.url, a.source, a.published, a.title, a.byline, a.lang, a.text"

// scanArticle reads articleColumns, then the extra destinations.
func scanArticle(sc interface{ Scan(...any) error }, extra ...any) (news.Article, error) {
	var a news.Article
	var published string
	if err := sc.Scan(append([]any{&a.ID, &a.URL, &a.Source, &published, &a.Title, &a.Byline, &a.Lang, &a.Text}, extra...)...); err != nil {
		return a, err
	}
	var ok bool
	if a.Published, ok = news.ParsePublished(published); !ok {
		return a, fmt.Errorf("article %s: stored publication time %q is not RFC 3339", a.ID, published)
	}
	return a, nil
}

// Article returns one stored article.
func (s *Store) Article(ctx context.Context, id string) (news.Article, error) {
	a, err := scanArticle(s.ro.QueryRowContext(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fail("read article", id, news.ErrNotFound)
	}
	return a, fail("read article", id, err)
}

// StoryArticles returns a story's articles in the order they were added.
func (s *Store) StoryArticles(ctx context.Context, storyID string) ([]news.Article, error) {
	rows, err := s.ro.QueryContext(ctx, "SELECT "+articleColumns+` FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ? ORDER BY a.seq`, storyID)
	if err != nil {
		return nil, fail("read articles of story", storyID, err)
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fail("read articles of story", storyID, err)
		}
		out = append(out, a)
	}
	return out, fail("read articles of story", storyID, rows.Err())
}

// Stories lists stories, most recently updated first (q.ByPublished: most
// recent news first).
func (s *Store) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	key := storyQueryKey(q)
	where, args, none := storyFilter(q)
	if none {
		return []news.StorySummary{}, nil // no word to look for: nothing matches
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	query := `SELECT s.id, s.title, s.summary, s.first_published, s.last_published, s.updated_at, s.compared_at < s.updated_at FROM stories s`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	if q.ByPublished {
		query += " ORDER BY " + storyWhen + " DESC, s.id LIMIT ? OFFSET ?" // the order of index stories_when
	} else {
		query += " ORDER BY s.updated_at DESC, s.last_published DESC, s.id LIMIT ? OFFSET ?" // the order of index stories_order
	}
	args = append(args, q.Limit, q.Offset)
	rows, err := s.ro.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fail("list stories", key, err)
	}
	out := []news.StorySummary{}
	at := map[string]int{}
	for rows.Next() {
		var st news.StorySummary
		if err := rows.Scan(&st.ID, &st.Title, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &st.Updating); err != nil {
			rows.Close()
			return nil, fail("list stories", key, err)
		}
		st.Sources = []string{}
		at[st.ID] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, fail("list stories", key, err)
	}
	return out, fail("list outlets of stories", key, s.addStoryOutlets(ctx, out, at))
}

// addStoryOutlets fills in the article counts and outlets (in the order they
// joined) of a page of stories, in one query for the page rather than two
// per story.
func (s *Store) addStoryOutlets(ctx context.Context, out []news.StorySummary, at map[string]int) error {
	ids := make([]any, len(out))
	marks := make([]string, len(out))
	for i, st := range out {
		ids[i], marks[i] = st.ID, "?"
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT sa.story_id, min(a.outlet_name), count(*), min(a.seq) AS first FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (`+strings.Join(marks, ",")+`)
		GROUP BY sa.story_id, a.outlet ORDER BY sa.story_id, first`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, source string
		var n, first int
		if err := rows.Scan(&id, &source, &n, &first); err != nil {
			return err
		}
		st := &out[at[id]]
		st.Articles += n
		if source != "" && source != unknownOutlet {
			st.Sources = append(st.Sources, source)
		}
	}
	return rows.Err()
}

// FTSQuery turns what a user types into an FTS5 query (news.ParseSearch):
// every word, phrase and prefix must match; each is quoted, so that FTS5's
// operators in the input are taken as text.
func FTSQuery(q string) string {
	var parts []string
	for _, t := range news.ParseSearch(q) {
		part := `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			part += "*"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " ")
}

// Story returns a story with its articles, its last stored comparison and
// memberships; Updating says whether it changed since that comparison.
func (s *Store) Story(ctx context.Context, id string) (news.StoryDetail, error) {
	d, err := s.story(ctx, id)
	return d, fail("read story", id, err)
}

func (s *Store) story(ctx context.Context, id string) (news.StoryDetail, error) {
	var d news.StoryDetail
	var cmp string
	// One read transaction, so that the articles, memberships and changes
	// are of one moment of the story.
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return d, err
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, "SELECT id, title, comparison, updated_at, compared_at < updated_at FROM stories WHERE id = ?", id).
		Scan(&d.ID, &d.Title, &cmp, &d.Version, &d.Updating)
	if errors.Is(err, sql.ErrNoRows) {
		var into string
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM story_changes WHERE kind = 'merge' AND other_story_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&into)
		if err == nil {
			return d, &news.MergedError{Story: id, Into: into}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return d, err
		}
		return d, news.ErrNotFound
	}
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(cmp), &d.Comparison); err != nil {
		return d, fmt.Errorf("stored comparison: %w", err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+articleColumns+`, sa.membership FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ? ORDER BY a.seq`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var raw string
		a, err := scanArticle(rows, &raw)
		if err != nil {
			return d, err
		}
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
	d.Changes, err = storyChanges(ctx, tx, id)
	return d, err
}

// StoryChanges lists the merges and splits that involved a story, oldest
// first.
func (s *Store) StoryChanges(ctx context.Context, id string) ([]news.StoryChange, error) {
	out, err := storyChanges(ctx, s.ro, id)
	return out, fail("read changes of story", id, err)
}

func storyChanges(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, id string) ([]news.StoryChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, story_id, other_story_id, articles, score, threshold, reason, at
		FROM story_changes WHERE story_id = ? OR other_story_id = ? ORDER BY id`, id, id)
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
func (s *Store) Counts(ctx context.Context) (articles, stories int, err error) {
	err = s.ro.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").Scan(&articles, &stories)
	return articles, stories, fail("count articles and stories", s.path, err)
}

// StoryOf returns the id of the story an article belongs to.
func (s *Store) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := s.ro.QueryRowContext(ctx, "SELECT story_id FROM story_articles WHERE article_id = ?", articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = news.ErrNotFound
	}
	return id, fail("read story of article", articleID, err)
}

// HasURL reports whether an article from this URL is stored; urls are the
// forms to look for (as linked, canonical).
func (s *Store) HasURL(ctx context.Context, urls ...string) (bool, error) {
	for _, u := range urls {
		if u == "" {
			continue
		}
		var n int
		if err := s.ro.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE url = ?", u).Scan(&n); err != nil {
			return false, fail("look up article URL", u, err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// Snippet markers: control characters that never occur in stored text, so
// that the snippet can be escaped before the matches are marked.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// unmark drops the match marks from a snippet; markHTML turns them into
// <mark> elements.
var (
	unmark   = strings.NewReplacer(markOpen, "", markClose, "")
	markHTML = strings.NewReplacer(markOpen, "<mark>", markClose, "</mark>")
)

// Search ranks articles for a full-text query by BM25, titles weighing five
// times the text, with a snippet of the best passage.
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]news.SearchHit, error) {
	match := FTSQuery(q)
	if match == "" {
		return []news.SearchHit{}, nil // no word to look for
	}
	if limit <= 0 {
		limit = 20
	}
	key := fmt.Sprintf("%q", q)
	rows, err := s.ro.QueryContext(ctx, `SELECT a.id, coalesce(sa.story_id, ''), a.title, a.source, a.published,
		snippet(articles_fts, 1, char(2), char(3), '…', 24), bm25(articles_fts, 5.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ? OFFSET ?`, match, limit, offset)
	if err != nil {
		return nil, fail("search", key, err)
	}
	defer rows.Close()
	out := []news.SearchHit{}
	for rows.Next() {
		var h news.SearchHit
		var raw string
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Source, &h.Published, &raw, &h.Rank); err != nil {
			return nil, fail("search", key, err)
		}
		h.Snippet = unmark.Replace(raw)
		h.Marked = markHTML.Replace(html.EscapeString(raw))
		out = append(out, h)
	}
	return out, fail("search", key, rows.Err())
}

// unknownOutlet names the outlet of articles that do not say theirs.
const unknownOutlet = news.UnknownOutlet

// Sources summarises every outlet, most articles first. First reports and
// rewrites are read from the stories' stored comparisons.
func (s *Store) Sources(ctx context.Context) ([]news.SourceSummary, error) {
	out, err := s.sources(ctx)
	return out, fail("summarise sources", s.path, err)
}

func (s *Store) sources(ctx context.Context) ([]news.SourceSummary, error) {
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.outlet, sa.story_id FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.seq`)
	if err != nil {
		return nil, err
	}
	tally := news.NewSourceTally()
	for rows.Next() {
		var id, source, story string
		if err := rows.Scan(&id, &source, &story); err != nil {
			rows.Close()
			return nil, err
		}
		tally.Article(id, source, story)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Only the comparisons of stories with two or more outlets say anything
	// about first reports and rewrites across outlets.
	rows, err = tx.QueryContext(ctx, `SELECT id, comparison FROM stories WHERE comparison <> '{}'
		AND id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			GROUP BY sa.story_id HAVING count(DISTINCT a.outlet) > 1)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var story, raw string
		if err := rows.Scan(&story, &raw); err != nil {
			return nil, err
		}
		var c news.Comparison
		if err := json.Unmarshal([]byte(raw), &c); err != nil {
			return nil, fmt.Errorf("stored comparison of story %s: %w", story, err)
		}
		tally.Comparison(story, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	names, err := s.SourceNames(ctx)
	if err != nil {
		return nil, err
	}
	return news.NameSummaries(tally.Summaries(), names), nil
}

// RawOf returns the raw input an article was extracted from; ok is false for
// an article that came as text (JSONL) without a page.
func (s *Store) RawOf(ctx context.Context, articleID string) (r news.Raw, ok bool, err error) {
	var kind, published string
	var body []byte
	err = s.ro.QueryRowContext(ctx, `SELECT r.id, r.sha256, r.name, r.url, r.kind, r.published, r.body FROM raw_inputs r
		JOIN articles a ON a.raw_id = r.id WHERE a.id = ?`, articleID).Scan(&r.ID, &r.Digest, &r.Name, &r.URL, &kind, &published, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fail("read raw input of article", articleID, err)
	}
	r.Kind = news.PageKind(kind)
	r.Published, _ = news.ParsePublished(published)
	if r.Body, err = unpack(body); err != nil {
		return r, false, fail("unpack raw input of article", articleID, err)
	}
	return r, true, nil
}

// SourceNames lists the outlets with their article counts, by name: cheap
// enough for every page that offers a filter by source.
func (s *Store) SourceNames(ctx context.Context) ([]news.SourceCount, error) {
	rows, err := s.ro.QueryContext(ctx, "SELECT outlet, outlet_name, count(*) FROM articles WHERE outlet <> '' GROUP BY outlet, outlet_name")
	if err != nil {
		return nil, fail("list source names", s.path, err)
	}
	defer rows.Close()
	var spellings []news.OutletSpelling
	for rows.Next() {
		var sp news.OutletSpelling
		if err := rows.Scan(&sp.Key, &sp.Name, &sp.Articles); err != nil {
			return nil, fail("list source names", s.path, err)
		}
		spellings = append(spellings, sp)
	}
	return news.OutletCounts(spellings), fail("list source names", s.path, rows.Err())
}

// Feeds lists the polled feeds by URL.
func (s *Store) Feeds(ctx context.Context) ([]news.FeedState, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT url, title, etag, last_modified, last_checked, last_success, last_error,
		interval_s, next_check, items_added FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fail("list feeds", s.path, err)
	}
	defer rows.Close()
	out := []news.FeedState{}
	for rows.Next() {
		var f news.FeedState
		var checked, success, next string
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &success, &f.LastError, &f.IntervalS, &next, &f.ItemsAdded); err != nil {
			return nil, fail("list feeds", s.path, err)
		}
		f.LastChecked, _ = news.ParsePublished(checked)
		f.LastSuccess, _ = news.ParsePublished(success)
		f.NextCheck, _ = news.ParsePublished(next)
		f.Interval = time.Duration(f.IntervalS) * time.Second
		out = append(out, f)
	}
	return out, fail("list feeds", s.path, rows.Err())
}

// StaleStories lists the stories that changed after their last comparison
// (or were never compared), most recently updated first, at most limit of
// them (0: all).
func (s *Store) StaleStories(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, "SELECT id FROM stories WHERE compared_at < updated_at ORDER BY updated_at DESC, id LIMIT ?", limit)
	if err != nil {
		return nil, fail("list stale stories", fmt.Sprint("limit ", limit), err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fail("list stale stories", fmt.Sprint("limit ", limit), err)
		}
		out = append(out, id)
	}
	return out, fail("list stale stories", fmt.Sprint("limit ", limit), rows.Err())
}

// StoryVersion is the time a story last changed. Read before its articles, it
// is what their comparison is stored as having seen (ComparisonRecord.Version).
func (s *Store) StoryVersion(ctx context.Context, id string) (string, error) {
	var v string
	err := s.ro.QueryRowContext(ctx, "SELECT updated_at FROM stories WHERE id = ?", id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		err = news.ErrNotFound
	}
	return v, fail("read version of story", id, err)
}
