package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

const articleColumns = "a.id, a.url, a.source, a.published, a.title, a.byline, a.lang, a.text"

func scanArticle(sc interface{ Scan(...any) error }) (news.Article, error) {
	var a news.Article
	var published string
	if err := sc.Scan(&a.ID, &a.URL, &a.Source, &published, &a.Title, &a.Byline, &a.Lang, &a.Text); err != nil {
		return a, err
	}
	a.Published, _ = news.ParsePublished(published)
	return a, nil
}

// Article returns one stored article.
func (s *Store) Article(ctx context.Context, id string) (news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	return a, err
}

// StoryArticles returns a story's articles in the order they were added.
func (s *Store) StoryArticles(ctx context.Context, storyID string) ([]news.Article, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+articleColumns+` FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE sa.story_id = ? ORDER BY a.seq`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SaveComparison stores a story's comparison with its title, its one-line
// summary and the publication span derived from its articles.
func (s *Store) SaveComparison(ctx context.Context, storyID, title, summary string, cmp news.Comparison) error {
	return s.SaveComparisons(ctx, []ComparisonRecord{{StoryID: storyID, Title: title, Summary: summary, Comparison: cmp}})
}

// ComparisonRecord is a story's comparison with the title and summary drawn
// from it.
type ComparisonRecord struct {
	StoryID, Title, Summary string
	Comparison              news.Comparison
	// Version is the story's StoryVersion read before its articles were: an
	// article added while they were compared leaves the story stale. Empty
	// means the story's current version.
	Version string
}

// SaveComparisons stores several stories' comparisons in one transaction,
// each as SaveComparison does.
func (s *Store) SaveComparisons(ctx context.Context, records []ComparisonRecord) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE stories SET comparison = ?, title = ?, summary = ?, compared_at = coalesce(nullif(?, ''), updated_at), `+publishedSpan+`
		WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range records {
		b, err := json.Marshal(r.Comparison)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, string(b), r.Title, r.Summary, r.Version, r.StoryID); err != nil {
			return fmt.Errorf("story %s: %w", r.StoryID, err)
		}
	}
	return tx.Commit()
}

// StoryQuery selects stories. Zero fields do not filter.
type StoryQuery struct {
	Q      string        // full-text query over the stories' articles
	Since  time.Duration // updated or published within this long before Now
	Now    time.Time
	Source string // only stories with an article from this outlet
	Limit  int    // default 50
	Offset int
}

// Stories lists stories, most recently updated first.
func (s *Store) Stories(ctx context.Context, q StoryQuery) ([]news.StorySummary, error) {
	var where []string
	var args []any
	if q.Q != "" {
		where = append(where, `s.id IN (SELECT sa.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
			JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ?)`)
		args = append(args, FTSQuery(q.Q))
	}
	if q.Since > 0 {
		cutoff := q.Now.Add(-q.Since).UTC().Format(time.RFC3339)
		where = append(where, "(s.updated_at >= ? OR s.last_published >= ?)")
		args = append(args, cutoff, cutoff)
	}
	if q.Source != "" {
		where = append(where, `s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.source = ?)`)
		args = append(args, q.Source)
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	query := `SELECT s.id, s.title, s.summary, s.first_published, s.last_published, s.updated_at FROM stories s`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY s.updated_at DESC, s.last_published DESC, s.id LIMIT ? OFFSET ?" // the order of index stories_order
	args = append(args, q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	out := []news.StorySummary{}
	at := map[string]int{}
	for rows.Next() {
		var st news.StorySummary
		if err := rows.Scan(&st.ID, &st.Title, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated); err != nil {
			rows.Close()
			return nil, err
		}
		st.Sources = []string{}
		at[st.ID] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.addStoryOutlets(ctx, out, at)
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
	rows, err := s.db.QueryContext(ctx, `SELECT sa.story_id, a.source, count(*), min(a.seq) AS first FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN (`+strings.Join(marks, ",")+`)
		GROUP BY sa.story_id, a.source ORDER BY sa.story_id, first`, ids...)
	if err != nil {
		return fmt.Errorf("list stories' outlets: %w", err)
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
		if source != "" {
			st.Sources = append(st.Sources, source)
		}
	}
	return rows.Err()
}

// FTSQuery turns what a user types into an FTS5 query: each word is quoted,
// so that punctuation and FTS5 operators in the input are taken literally.
func FTSQuery(q string) string {
	var parts []string
	for _, f := range strings.Fields(q) {
		f = strings.ReplaceAll(f, `"`, `""`)
		parts = append(parts, `"`+f+`"`)
	}
	return strings.Join(parts, " ")
}

// Story returns a story with its articles, comparison and memberships.
func (s *Store) Story(ctx context.Context, id string) (news.StoryDetail, error) {
	var d news.StoryDetail
	var cmp string
	err := s.db.QueryRowContext(ctx, "SELECT id, title, comparison FROM stories WHERE id = ?", id).Scan(&d.ID, &d.Title, &cmp)
	if errors.Is(err, sql.ErrNoRows) {
		var into string
		if s.db.QueryRowContext(ctx, `SELECT story_id FROM story_changes WHERE kind = 'merge' AND other_story_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&into) == nil {
			return d, &MergedError{Story: id, Into: into}
		}
		return d, fmt.Errorf("story %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(cmp), &d.Comparison); err != nil {
		return d, fmt.Errorf("story %s: stored comparison: %w", id, err)
	}
	if d.Articles, err = s.StoryArticles(ctx, id); err != nil {
		return d, err
	}
	if d.Changes, err = s.StoryChanges(ctx, id); err != nil {
		return d, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT sa.membership FROM story_articles sa JOIN articles a ON a.id = sa.article_id
		WHERE sa.story_id = ? ORDER BY a.seq`, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var raw string
		var m news.Membership
		if err := rows.Scan(&raw); err != nil {
			return d, err
		}
		if json.Unmarshal([]byte(raw), &m) == nil {
			d.Memberships = append(d.Memberships, m)
		}
	}
	return d, rows.Err()
}

// MergedError says that a story asked for was merged into another.
type MergedError struct{ Story, Into string }

func (e *MergedError) Error() string {
	return fmt.Sprintf("story %q was merged into story %q", e.Story, e.Into)
}

// Is makes a merged story a story not found, for callers that do not follow
// merges.
func (e *MergedError) Is(target error) bool { return target == ErrNotFound }

// StoryChanges lists the merges and splits that involved a story, oldest
// first.
func (s *Store) StoryChanges(ctx context.Context, id string) ([]news.StoryChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, story_id, other_story_id, articles, score, threshold, reason, at
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
		json.Unmarshal([]byte(articles), &ch.Articles)
		ch.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, ch)
	}
	return out, rows.Err()
}

// Assigned is a stored article with its story.
type Assigned struct {
	Article news.Article
	StoryID string
}

// OpenStories returns the articles of the stories that may still take new
// articles: those published within window of the newest stored article, and
// the most recently added undated ones, oldest first, so that a clusterer can
// be rebuilt from them.
func (s *Store) OpenStories(ctx context.Context, window time.Duration, maxArticles int) ([]Assigned, error) {
	var newest string
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(published), '') FROM articles").Scan(&newest); err != nil {
		return nil, err
	}
	cutoff := ""
	if t, ok := news.ParsePublished(newest); ok && !t.IsZero() {
		cutoff = t.Add(-window).Format(time.RFC3339)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+articleColumns+`, sa.story_id FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id
		JOIN stories s ON s.id = sa.story_id
		WHERE s.last_published = '' OR s.last_published >= ?
		ORDER BY a.seq DESC LIMIT ?`, cutoff, maxArticles)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Assigned
	for rows.Next() {
		var a news.Article
		var published, story string
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &published, &a.Title, &a.Byline, &a.Lang, &a.Text, &story); err != nil {
			return nil, err
		}
		a.Published, _ = news.ParsePublished(published)
		out = append(out, Assigned{a, story})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, rows.Err()
}

// Counts returns how many articles and stories are stored.
func (s *Store) Counts(ctx context.Context) (articles, stories int, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").Scan(&articles, &stories)
	return articles, stories, err
}

// StoryOf returns the id of the story an article belongs to.
func (s *Store) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, "SELECT story_id FROM story_articles WHERE article_id = ?", articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %q: %w", articleID, ErrNotFound)
	}
	return id, err
}

// SiteTemplate returns the stored template of a site (as encoded by
// extract.Template), or nil when there is none.
func (s *Store) SiteTemplate(ctx context.Context, site string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, "SELECT template FROM site_templates WHERE site = ?", site).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return b, err
}

// SaveSiteTemplates stores site templates, replacing earlier ones.
func (s *Store) SaveSiteTemplates(ctx context.Context, templates map[string][]byte, now time.Time) error {
	if len(templates) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for site, b := range templates {
		if _, err := tx.ExecContext(ctx, `INSERT INTO site_templates(site, template, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(site) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`,
			site, b, now.UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("save template of %s: %w", site, err)
		}
	}
	return tx.Commit()
}

// SearchHit is an article matching a full-text query.
type SearchHit struct {
	ArticleID string  `json:"article"`
	StoryID   string  `json:"story"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	Snippet   string  `json:"snippet"`      // plain text around the match
	Marked    string  `json:"snippet_html"` // the same, HTML-escaped, matches in <mark>
	Rank      float64 `json:"rank"`         // BM25, lower is better
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
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]SearchHit, error) {
	if strings.TrimSpace(q) == "" {
		return []SearchHit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, coalesce(sa.story_id, ''), a.title, a.source, a.published,
		snippet(articles_fts, 1, char(2), char(3), '…', 24), bm25(articles_fts, 5.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		LEFT JOIN story_articles sa ON sa.article_id = a.id
		WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ? OFFSET ?`, FTSQuery(q), limit, offset)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	out := []SearchHit{}
	for rows.Next() {
		var h SearchHit
		var raw string
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Source, &h.Published, &raw, &h.Rank); err != nil {
			return nil, err
		}
		h.Snippet = unmark.Replace(raw)
		h.Marked = markHTML.Replace(html.EscapeString(raw))
		out = append(out, h)
	}
	return out, rows.Err()
}

// Sources summarises every outlet, most articles first. First reports and
// rewrites are read from the stories' stored comparisons.
func (s *Store) Sources(ctx context.Context) ([]news.SourceSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.source, sa.story_id, s.comparison FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id JOIN stories s ON s.id = sa.story_id ORDER BY a.seq`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	sourceOf := map[string]string{}              // article -> outlet
	storySources := map[string]map[string]bool{} // story -> outlets
	comparisons := map[string]string{}
	for rows.Next() {
		var id, source, story, cmp string
		if err := rows.Scan(&id, &source, &story, &cmp); err != nil {
			return nil, err
		}
		if source == "" {
			source = "(unknown outlet)"
		}
		sourceOf[id] = source
		if storySources[story] == nil {
			storySources[story] = map[string]bool{}
		}
		storySources[story][source] = true
		comparisons[story] = cmp
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	by := map[string]*news.SourceSummary{}
	get := func(src string) *news.SourceSummary {
		if by[src] == nil {
			by[src] = &news.SourceSummary{Source: src}
		}
		return by[src]
	}
	for _, src := range sourceOf {
		get(src).Articles++
	}
	for story, srcs := range storySources {
		for src := range srcs {
			get(src).Stories++
			if len(srcs) > 1 {
				get(src).SharedStories++
			}
		}
		var c news.Comparison
		if json.Unmarshal([]byte(comparisons[story]), &c) != nil {
			continue
		}
		if len(srcs) > 1 && len(c.Timeline) > 0 {
			get(sourceOf[c.Timeline[0].Article]).FirstReports++
		}
		for _, d := range c.Derivations {
			if from, to := sourceOf[d.From], sourceOf[d.To]; to != "" && from != to {
				get(to).Rewrites++
			}
		}
	}
	out := make([]news.SourceSummary, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Source < out[j].Source
	})
	return out, nil
}

// RawOf returns the raw input an article was extracted from; ok is false for
// an article that came as text (JSONL) without a page.
func (s *Store) RawOf(ctx context.Context, articleID string) (r Raw, ok bool, err error) {
	var kind, published string
	var body []byte
	err = s.db.QueryRowContext(ctx, `SELECT r.id, r.name, r.url, r.kind, r.published, r.body FROM raw_inputs r
		JOIN articles a ON a.raw_id = r.id WHERE a.id = ?`, articleID).Scan(&r.ID, &r.Name, &r.URL, &kind, &published, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	r.Kind = news.PageKind(kind)
	r.Published, _ = news.ParsePublished(published)
	if r.Body, err = unpack(body); err != nil {
		return r, false, fmt.Errorf("raw input of %s: %w", articleID, err)
	}
	return r, true, nil
}

// SourceCount is an outlet and how many articles it has.
type SourceCount struct {
	Source   string
	Articles int
}

// SourceNames lists the outlets with their article counts, by name: cheap
// enough for every page that offers a filter by source.
func (s *Store) SourceNames(ctx context.Context) ([]SourceCount, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT source, count(*) FROM articles WHERE source <> '' GROUP BY source ORDER BY source")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SourceCount
	for rows.Next() {
		var c SourceCount
		if err := rows.Scan(&c.Source, &c.Articles); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FeedState is how a polled feed is doing.
type FeedState struct {
	URL          string        `json:"url"`
	Title        string        `json:"title"`
	ETag         string        `json:"-"`
	LastModified string        `json:"-"`
	LastChecked  time.Time     `json:"last_checked"`
	LastSuccess  time.Time     `json:"last_success"`
	LastError    string        `json:"last_error"`
	Interval     time.Duration `json:"-"`
	IntervalS    int           `json:"interval_seconds"`
	NextCheck    time.Time     `json:"next_check"`
	ItemsAdded   int           `json:"items_added"`
}

// AddFeeds registers feeds to poll; known ones keep their state.
func (s *Store) AddFeeds(ctx context.Context, urls []string) error {
	for _, u := range urls {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO feeds(url) VALUES (?) ON CONFLICT(url) DO NOTHING", u); err != nil {
			return fmt.Errorf("register feed %s: %w", u, err)
		}
	}
	return nil
}

// Feeds lists the polled feeds by URL.
func (s *Store) Feeds(ctx context.Context) ([]FeedState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, etag, last_modified, last_checked, last_success, last_error,
		interval_s, next_check, items_added FROM feeds ORDER BY url`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []FeedState{}
	for rows.Next() {
		var f FeedState
		var checked, success, next string
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &checked, &success, &f.LastError, &f.IntervalS, &next, &f.ItemsAdded); err != nil {
			return nil, err
		}
		f.LastChecked, _ = news.ParsePublished(checked)
		f.LastSuccess, _ = news.ParsePublished(success)
		f.NextCheck, _ = news.ParsePublished(next)
		f.Interval = time.Duration(f.IntervalS) * time.Second
		out = append(out, f)
	}
	return out, rows.Err()
}

// SaveFeed stores a feed's state after a poll.
func (s *Store) SaveFeed(ctx context.Context, f FeedState) error {
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_checked = ?, last_success = ?,
		last_error = ?, interval_s = ?, next_check = ?, items_added = ? WHERE url = ?`,
		f.Title, f.ETag, f.LastModified, news.FormatPublished(f.LastChecked), news.FormatPublished(f.LastSuccess),
		f.LastError, int(f.Interval/time.Second), news.FormatPublished(f.NextCheck), f.ItemsAdded, f.URL)
	return err
}

// StaleStories lists the stories that changed after their last comparison
// (or were never compared), most recently updated first, at most limit of
// them (0: all). Comparisons are made when a story is read or by serve in the
// background (see ingest.CompareStale), so stale stories are normal after add.
func (s *Store) StaleStories(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	return s.storyIDs(ctx, "SELECT id FROM stories WHERE compared_at < updated_at ORDER BY updated_at DESC, id LIMIT ?", limit)
}

// StaleAmong lists those of the given stories that StaleStories would.
func (s *Store) StaleAmong(ctx context.Context, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return s.storyIDs(ctx, "SELECT id FROM stories WHERE compared_at < updated_at AND id IN (?"+strings.Repeat(", ?", len(ids)-1)+") ORDER BY updated_at DESC, id", args...)
}

// storyIDs runs a query that selects story ids.
func (s *Store) storyIDs(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// StoryVersion is the time a story last changed. Read before its articles, it
// is what their comparison is stored as having seen (ComparisonRecord.Version).
func (s *Store) StoryVersion(ctx context.Context, id string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT updated_at FROM stories WHERE id = ?", id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("story %q: %w", id, ErrNotFound)
	}
	return v, err
}
