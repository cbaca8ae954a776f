package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// exportFilter is the WHERE clause of an export over articles a: the
// publication time in [since, until) (a zero bound is open; with a bound,
// an article with no date is left out) and the outlet.
func exportFilter(since, until time.Time, source string) (string, []any) {
	where := []string{"1 = 1"}
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if !since.IsZero() {
		add("a.published <> '' AND a.published >= $%d", since.UTC().Format(time.RFC3339))
	}
	if !until.IsZero() {
		add("a.published <> '' AND a.published < $%d", until.UTC().Format(time.RFC3339))
	}
	if source != "" {
		add("a.outlet = "+FiledUnder("$%[1]d"), news.OutletKey(source))
	}
	return strings.Join(where, " AND "), args
}

func exportKey(since, until time.Time, source string) string {
	return fmt.Sprintf("since=%s until=%s source=%q", since.Format(time.RFC3339), until.Format(time.RFC3339), source)
}

// ExportArticles calls fn with every stored article that the filter keeps
// (publication time in [since, until), a zero bound open; the outlet named
// source however it is spelt (news.OutletKey), empty for any) and its
// membership of its story, story by story (stories by id, each one's
// articles in the order they were stored). The rows are read as fn takes
// them, so memory stays flat however large the database.
func (r Reads) ExportArticles(ctx context.Context, since, until time.Time, source string, fn func(news.Article, news.Membership) error) error {
	key := exportKey(since, until, source)
	where, args := exportFilter(since, until, source)
	err := each(ctx, r.DB, func(rows Rows) error {
		var raw string
		a, err := ScanArticle(rows, &raw)
		if err != nil {
			return err
		}
		var m news.Membership
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return fmt.Errorf("stored membership of article %s: %w", a.ID, err)
		}
		return asCallers(fn(a, m))
	}, "SELECT "+ArticleColumns+", "+r.Dialect.Membership+` FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE `+where+` ORDER BY sa.story_id, a.seq`, args...)
	return exportError("export articles", key, err)
}

// ExportStories calls fn with every story that has an article the filter
// keeps (as ExportArticles), by id: its title, its articles' count, its
// outlets (the names they are shown under) in the order they joined, and
// its publication span. The rows are read as fn takes them.
func (r Reads) ExportStories(ctx context.Context, since, until time.Time, source string, fn func(news.StorySummary) error) error {
	key := exportKey(since, until, source)
	where, args := exportFilter(since, until, source)
	err := each(ctx, r.DB, func(rows Rows) error {
		var st news.StorySummary
		var sources string
		if err := rows.Scan(&st.ID, &st.Title, &st.TitleDerived, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &st.Articles, &sources); err != nil {
			return err
		}
		st.Sources = []string{}
		if sources != "" {
			st.Sources = strings.Split(sources, "\x1f")
		}
		return asCallers(fn(st))
	}, `SELECT s.id, s.title, s.title_derived, s.summary, s.first_published, s.last_published, s.updated_at,
		(SELECT count(*) FROM story_articles c WHERE c.story_id = s.id), `+r.Dialect.StoryOutlets+`
		FROM stories s WHERE EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id = s.id AND `+where+`) ORDER BY s.id`, args...)
	return exportError("export stories", key, err)
}

// callerError carries an error the caller's fn returned out of a row loop:
// the caller's errors are its own, returned as they are, while the
// store's are named by the export.
type callerError struct{ err error }

func (c *callerError) Error() string { return c.err.Error() }

func asCallers(err error) error {
	if err == nil {
		return nil
	}
	return &callerError{err}
}

// exportError is the export's error: the caller's own as it is, the
// store's named as the failure of op on key.
func exportError(op, key string, err error) error {
	if c, ok := err.(*callerError); ok {
		return c.err
	}
	return Fail(op, key, err)
}
