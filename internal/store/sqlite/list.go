package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

func storyQueryKey(q news.StoryQuery) string {
	return fmt.Sprintf("q=%q since=%s from=%s until=%s source=%q limit=%d offset=%d", q.Q, q.Since,
		news.FormatPublished(q.From), news.FormatPublished(q.Until), q.Source, q.Limit, q.Offset)
}

// storyFilter is the WHERE of a story query over stories s; none says that
// nothing can match (a query with no word to look for).
func storyFilter(q news.StoryQuery) (where []string, args []any, none bool) {
	if q.Q != "" {
		match := FTSQuery(q.Q)
		if match == "" {
			return nil, nil, true
		}
		where = append(where, `s.id IN (SELECT sa.story_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
			JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ?)`)
		args = append(args, match)
	}
	if q.Since > 0 {
		cutoff := q.Now.Add(-q.Since).UTC().Format(time.RFC3339)
		// When the news happened: publication time, and the time it was
		// stored only for a story with no date at all.
		where = append(where, "(s.last_published >= ? OR (s.last_published = '' AND s.updated_at >= ?))")
		args = append(args, cutoff, cutoff)
	}
	if !q.From.IsZero() {
		where = append(where, sqlstore.StoryWhen+" >= ?")
		args = append(args, news.FormatPublished(q.From))
	}
	if !q.Until.IsZero() {
		where = append(where, sqlstore.StoryStart+" < ?")
		args = append(args, news.FormatPublished(q.Until))
	}
	if q.Source != "" {
		where = append(where, `s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.outlet = `+sqlstore.FiledUnder("?")+`)`)
		args = append(args, news.OutletKey(q.Source), news.OutletKey(q.Source))
	}
	return where, args, false
}

// CountStories counts the stories of a query, whatever its limit and
// offset: the total a page of it is shown with.
func (s *Store) CountStories(ctx context.Context, q news.StoryQuery) (int, error) {
	where, args, none := storyFilter(q)
	if none {
		return 0, nil
	}
	query := "SELECT count(*) FROM stories s"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	var n int
	err := s.ro.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, fail("count stories", storyQueryKey(q), err)
}
