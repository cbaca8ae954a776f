package sqlite

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// articleFilter is the WHERE of a search's outlet and date filters over
// articles a.
func articleFilter(q news.SearchQuery) (where string, args []any) {
	var parts []string
	if q.Source != "" {
		parts = append(parts, "a.outlet = "+sqlstore.FiledUnder("?"))
		args = append(args, news.OutletKey(q.Source), news.OutletKey(q.Source))
	}
	if !q.From.IsZero() {
		parts = append(parts, "a.published >= ?")
		args = append(args, news.FormatPublished(q.From))
	}
	if !q.Until.IsZero() {
		parts = append(parts, "a.published <> '' AND a.published < ?")
		args = append(args, news.FormatPublished(q.Until))
	}
	for _, p := range parts {
		where += " AND " + p
	}
	return where, args
}

// SearchStories finds the stories whose articles match a full-text query
// (phrases and prefixes: news.ParseSearch), best story first: a story
// ranks by its best article's BM25 (titles weigh five times the text).
// It reads at most news.MaxSearchArticles matching articles, the most
// recently stored, and says when more matched (Cut).
func (s *Store) SearchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	res, err := s.searchStories(ctx, q)
	return res, fail("search stories", fmt.Sprintf("%q source=%q from=%s until=%s", q.Q, q.Source,
		news.FormatPublished(q.From), news.FormatPublished(q.Until)), err)
}

func (s *Store) searchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	res := news.SearchResult{Stories: []news.StoryHits{}}
	match := FTSQuery(q.Q)
	if match == "" {
		return res, nil
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.PerStory <= 0 {
		q.PerStory = 3
	}
	filter, fargs := articleFilter(q)
	args := append(append([]any{match}, fargs...), q.Cap()+1)
	rows, err := s.ro.QueryContext(ctx, `SELECT sa.story_id, bm25(articles_fts, 5.0, 1.0) FROM articles_fts
		JOIN articles a ON a.rowid = articles_fts.rowid JOIN story_articles sa ON sa.article_id = a.id
		WHERE articles_fts MATCH ?`+filter+` ORDER BY articles_fts.rowid DESC LIMIT ?`, args...)
	if err != nil {
		return res, err
	}
	groups := map[string]*news.StoryHits{}
	for rows.Next() {
		var story string
		var rank float64
		if err := rows.Scan(&story, &rank); err != nil {
			rows.Close()
			return res, err
		}
		if res.Articles == q.Cap() {
			res.Cut = true
			break
		}
		res.Articles++
		g := groups[story]
		if g == nil {
			g = &news.StoryHits{StoryID: story, Rank: rank}
			groups[story] = g
		}
		g.Matches++
		g.Rank = min(g.Rank, rank)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	page := news.RankStoryHits(groups, q.Offset, q.Limit)
	res.Total = len(groups)
	if len(page) == 0 {
		return res, nil
	}
	ids := make([]any, len(page))
	marks := make([]string, len(page))
	at := map[string]int{}
	for i, g := range page {
		ids[i], marks[i], at[g.StoryID] = g.StoryID, "?", i
	}
	args = append(append([]any{match}, ids...), fargs...)
	rows, err = s.ro.QueryContext(ctx, `SELECT a.id, sa.story_id, st.title, st.title_derived, a.title, a.outlet_name, a.published,
		snippet(articles_fts, 1, char(2), char(3), '…', 24), bm25(articles_fts, 5.0, 1.0) AS rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		JOIN story_articles sa ON sa.article_id = a.id JOIN stories st ON st.id = sa.story_id
		WHERE articles_fts MATCH ? AND sa.story_id IN (`+strings.Join(marks, ",")+`)`+filter+` ORDER BY rank, a.seq`, args...)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		var h news.SearchHit
		var storyTitle, raw string
		var derived bool
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &storyTitle, &derived, &h.Title, &h.Source, &h.Published, &raw, &h.Rank); err != nil {
			return res, err
		}
		g := &page[at[h.StoryID]]
		g.Title, g.TitleDerived = storyTitle, derived
		if len(g.Hits) < q.PerStory {
			h.Snippet = unmark.Replace(raw)
			h.Marked = markHTML.Replace(html.EscapeString(raw))
			g.Hits = append(g.Hits, h)
		}
	}
	res.Stories = page
	return res, rows.Err()
}
