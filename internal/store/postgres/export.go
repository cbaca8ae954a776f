package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// exportFilter is the WHERE clause of an export over articles a: the
// publication time in [since, until) (a zero bound is open; with a bound,
// an article with no date is left out) and the outlet.
func exportFilter(since, until time.Time, source string) (string, pgx.NamedArgs) {
	where := []string{"true"}
	args := pgx.NamedArgs{}
	if !since.IsZero() {
		where = append(where, "a.published <> '' AND a.published >= @since")
		args["since"] = since.UTC().Format(time.RFC3339)
	}
	if !until.IsZero() {
		where = append(where, "a.published <> '' AND a.published < @until")
		args["until"] = until.UTC().Format(time.RFC3339)
	}
	if source != "" {
		where = append(where, "a.outlet = @source")
		args["source"] = news.OutletKey(source)
	}
	return strings.Join(where, " AND "), args
}

func exportKey(since, until time.Time, source string) string {
	return fmt.Sprintf("since=%s until=%s source=%q", since.Format(time.RFC3339), until.Format(time.RFC3339), source)
}

// ExportArticles calls fn with every stored article that the filter keeps
// (publication time in [since, until), a zero bound open; the outlet named
// source however it is spelt (news.OutletKey), empty for any) and its membership of its story, story by story (stories
// by id, each one's articles in the order they were stored). The rows are
// read as fn takes them, so memory stays flat however large the database.
func (s *Store) ExportArticles(ctx context.Context, since, until time.Time, source string, fn func(news.Article, news.Membership) error) error {
	key := exportKey(since, until, source)
	where, args := exportFilter(since, until, source)
	rows, err := s.ro.Query(ctx, "SELECT "+sqlstore.ArticleColumns+`, sa.membership::text FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id WHERE `+where+` ORDER BY sa.story_id, a.seq`, args)
	if err != nil {
		return fail("export articles", key, err)
	}
	defer rows.Close()
	for rows.Next() {
		var raw string
		a, err := sqlstore.ScanArticle(rows, &raw)
		if err != nil {
			return fail("export articles", key, err)
		}
		var m news.Membership
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return fail("export articles", key, fmt.Errorf("stored membership of article %s: %w", a.ID, err))
		}
		if err := fn(a, m); err != nil {
			return err
		}
	}
	return fail("export articles", key, rows.Err())
}

// ExportStories calls fn with every story that has an article the filter
// keeps (as ExportArticles), by id: its title, its articles' count, its
// outlets (the names they are shown under) in the order they joined, and its publication span. The rows
// are read as fn takes them.
func (s *Store) ExportStories(ctx context.Context, since, until time.Time, source string, fn func(news.StorySummary) error) error {
	key := exportKey(since, until, source)
	where, args := exportFilter(since, until, source)
	rows, err := s.ro.Query(ctx, `SELECT s.id, s.title, s.summary, s.first_published, s.last_published, s.updated_at,
		(SELECT count(*) FROM story_articles c WHERE c.story_id = s.id),
		coalesce((SELECT array_agg(o.name ORDER BY o.first) FROM (SELECT min(a.outlet_name COLLATE "C") AS name, min(a.seq) AS first FROM story_articles j
			JOIN articles a ON a.id = j.article_id WHERE j.story_id = s.id AND a.outlet <> '' GROUP BY a.outlet) o), '{}')
		FROM stories s WHERE EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
			WHERE sa.story_id = s.id AND `+where+`) ORDER BY s.id`, args)
	if err != nil {
		return fail("export stories", key, err)
	}
	defer rows.Close()
	for rows.Next() {
		var st news.StorySummary
		var n int64
		if err := rows.Scan(&st.ID, &st.Title, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &n, &st.Sources); err != nil {
			return fail("export stories", key, err)
		}
		st.Articles = int(n)
		if st.Sources == nil {
			st.Sources = []string{}
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return fail("export stories", key, rows.Err())
}
