package postgres

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

func storyQueryKey(q news.StoryQuery) string {
	return fmt.Sprintf("q=%q since=%s from=%s until=%s source=%q limit=%d offset=%d", q.Q, q.Since,
		news.FormatPublished(q.From), news.FormatPublished(q.Until), q.Source, q.Limit, q.Offset)
}

// tsQuery turns what a user types into a tsquery expression with its
// arguments (news.ParseSearch): every word, phrase (phraseto_tsquery) and
// prefix (word:*) must match. A prefix's word is letters and digits only,
// so to_tsquery reads it as one. "" when there is no word to look for.
func tsQuery(q string) (string, pgx.NamedArgs) {
	args := pgx.NamedArgs{}
	var parts []string
	for i, t := range news.ParseSearch(q) {
		name := fmt.Sprintf("t%d", i)
		if t.Prefix {
			parts = append(parts, "to_tsquery('storyline_search', @"+name+")")
			args[name] = t.Words[0] + ":*"
			continue
		}
		// The term as typed, so that PostgreSQL's parser splits it as it
		// split the text it indexed ("U.S." is one token there).
		parts = append(parts, "phraseto_tsquery('storyline_search', @"+name+")")
		args[name] = t.Raw
		if args[name] == "" {
			args[name] = strings.Join(t.Words, " ")
		}
	}
	if len(parts) == 0 {
		return "", args
	}
	return "(" + strings.Join(parts, " && ") + ")", args
}

// storyFilter is the WHERE of a story query over stories s; none says that
// nothing can match (a query with no word to look for).
func storyFilter(q news.StoryQuery) (where []string, args pgx.NamedArgs, none bool) {
	args = pgx.NamedArgs{}
	if q.Q != "" {
		tsq, targs := tsQuery(q.Q)
		if tsq == "" {
			return nil, nil, true
		}
		where = append(where, `s.id IN (SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id
			WHERE a.search @@ `+tsq+`)`)
		for k, v := range targs {
			args[k] = v
		}
	}
	if q.Since > 0 {
		// When the news happened: publication time, and the time it was
		// stored only for a story with no date at all.
		where = append(where, "(s.last_published >= @cutoff OR (s.last_published = '' AND s.updated_at >= @cutoff))")
		args["cutoff"] = q.Now.Add(-q.Since).UTC().Format(time.RFC3339)
	}
	if !q.From.IsZero() {
		where = append(where, sqlstore.StoryWhen+" >= @from")
		args["from"] = news.FormatPublished(q.From)
	}
	if !q.Until.IsZero() {
		where = append(where, sqlstore.StoryStart+" < @until")
		args["until"] = news.FormatPublished(q.Until)
	}
	if q.Source != "" {
		where = append(where, `s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE a.outlet = `+sqlstore.FiledUnder("@source")+`)`)
		args["source"] = news.OutletKey(q.Source)
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
	var n int64
	err := s.ro.QueryRow(ctx, query, args).Scan(&n)
	return int(n), fail("count stories", storyQueryKey(q), err)
}

// SearchStories finds the stories whose articles match a full-text query
// (phrases and prefixes: news.ParseSearch), best story first: a story
// ranks by its best article's rank (as Search ranks articles). It reads at
// most news.MaxSearchArticles matching articles, the most recently stored,
// and says when more matched (Cut).
func (s *Store) SearchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	res, err := s.searchStories(ctx, q)
	return res, fail("search stories", fmt.Sprintf("%q source=%q from=%s until=%s", q.Q, q.Source,
		news.FormatPublished(q.From), news.FormatPublished(q.Until)), err)
}

func (s *Store) searchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	res := news.SearchResult{Stories: []news.StoryHits{}}
	tsq, args := tsQuery(q.Q)
	if tsq == "" {
		return res, nil
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.PerStory <= 0 {
		q.PerStory = 3
	}
	filter := ""
	if q.Source != "" {
		filter += " AND a.outlet = " + sqlstore.FiledUnder("@source")
		args["source"] = news.OutletKey(q.Source)
	}
	if !q.From.IsZero() {
		filter += " AND a.published >= @from"
		args["from"] = news.FormatPublished(q.From)
	}
	if !q.Until.IsZero() {
		filter += " AND a.published <> '' AND a.published < @until"
		args["until"] = news.FormatPublished(q.Until)
	}
	args["cap"] = q.Cap() + 1
	rows, err := s.ro.Query(ctx, `WITH query AS (SELECT `+tsq+` AS q)
		SELECT sa.story_id, -ts_rank('{0, 0, 0.2, 1}', a.search, query.q, 1) FROM articles a
		JOIN story_articles sa ON sa.article_id = a.id, query
		WHERE a.search @@ query.q`+filter+` ORDER BY a.seq DESC LIMIT @cap`, args)
	if err != nil {
		return res, err
	}
	groups := map[string]*news.StoryHits{}
	for rows.Next() {
		var story string
		var rank float32
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
			g = &news.StoryHits{StoryID: story, Rank: float64(rank)}
			groups[story] = g
		}
		g.Matches++
		g.Rank = min(g.Rank, float64(rank))
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
	ids := make([]string, len(page))
	at := map[string]int{}
	for i, g := range page {
		ids[i], at[g.StoryID] = g.StoryID, i
	}
	args["ids"] = ids
	args["per"] = q.PerStory
	rows, err = s.ro.Query(ctx, `WITH query AS (SELECT `+tsq+` AS q),
		hits AS (SELECT a.id, a.seq, sa.story_id, ts_rank('{0, 0, 0.2, 1}', a.search, query.q, 1) AS rank
			FROM articles a JOIN story_articles sa ON sa.article_id = a.id, query
			WHERE a.search @@ query.q AND sa.story_id = ANY(@ids)`+filter+`),
		best AS (SELECT *, row_number() OVER (PARTITION BY story_id ORDER BY rank DESC, seq) AS n FROM hits)
		SELECT a.id, b.story_id, st.title, st.title_derived, a.title, a.outlet_name, a.published,
			replace(ts_headline('storyline_search', replace(a.text, '<', chr(1)), query.q, `+headlineOptions+`), chr(1), '<'),
			left(a.text, 64), right(a.text, 64), -b.rank
		FROM best b JOIN articles a ON a.id = b.id JOIN stories st ON st.id = b.story_id, query
		WHERE b.n <= @per ORDER BY b.rank DESC, b.seq`, args)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		var h news.SearchHit
		var storyTitle, raw, head, tail string
		var derived bool
		var rank float32
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &storyTitle, &derived, &h.Title, &h.Source, &h.Published, &raw, &head, &tail, &rank); err != nil {
			return res, err
		}
		raw = withEllipses(raw, head, tail)
		h.Rank = float64(rank)
		h.Snippet = unmark.Replace(raw)
		h.Marked = markHTML.Replace(html.EscapeString(raw))
		g := &page[at[h.StoryID]]
		g.Title, g.TitleDerived = storyTitle, derived
		g.Hits = append(g.Hits, h)
	}
	res.Stories = page
	return res, rows.Err()
}
