package postgres

import (
	"context"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// The read side's queries run on the read-only sessions (s.ro): reading a
// page cannot write to the database.

// Stories lists stories, most recently updated first (q.ByPublished: most
// recent news first, the undated stories after the dated ones:
// sqlstore.StoryRecency).
func (s *Store) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	key := storyQueryKey(q)
	where, args, none := storyFilter(q)
	if none {
		return []news.StorySummary{}, nil // no word to look for: nothing matches
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	query := `SELECT s.id, s.title, s.title_derived, s.summary, s.first_published, s.last_published, s.updated_at, s.compared_at < s.updated_at FROM stories s`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	if q.ByPublished {
		query += " ORDER BY " + sqlstore.StoryRecency + " DESC, s.id LIMIT @limit OFFSET @offset" // the order of index stories_recency
	} else {
		query += " ORDER BY s.updated_at DESC, s.last_published DESC, s.id LIMIT @limit OFFSET @offset" // the order of index stories_order
	}
	args["limit"], args["offset"] = q.Limit, q.Offset
	rows, err := s.ro.Query(ctx, query, args)
	if err != nil {
		return nil, fail("list stories", key, err)
	}
	out := []news.StorySummary{}
	at := map[string]int{}
	for rows.Next() {
		var st news.StorySummary
		if err := rows.Scan(&st.ID, &st.Title, &st.TitleDerived, &st.Summary, &st.FirstPublished, &st.LastPublished, &st.Updated, &st.Updating); err != nil {
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
	ids := make([]string, len(out))
	for i, st := range out {
		ids[i] = st.ID
	}
	rows, err := s.ro.Query(ctx, `SELECT sa.story_id, min(a.outlet_name COLLATE "C"), count(*), min(a.seq) AS first FROM story_articles sa
		JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ANY($1)
		GROUP BY sa.story_id, a.outlet ORDER BY sa.story_id, first`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, source string
		var n, first int64
		if err := rows.Scan(&id, &source, &n, &first); err != nil {
			return err
		}
		st := &out[at[id]]
		st.Articles += int(n)
		if source != "" && source != unknownOutlet {
			st.Sources = append(st.Sources, source)
		}
	}
	return rows.Err()
}

// HasURL reports whether an article from this URL is stored; urls are the
// forms to look for (as linked, canonical).
func (s *Store) HasURL(ctx context.Context, urls ...string) (bool, error) {
	var look []string
	for _, u := range urls {
		if u != "" {
			look = append(look, u)
		}
	}
	if len(look) == 0 {
		return false, nil
	}
	var ok bool
	err := s.ro.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM articles WHERE url = ANY($1) AND url <> '')", look).Scan(&ok)
	return ok, fail("look up article URL", strings.Join(look, " "), err)
}

// Snippet markers: control characters that never occur in stored text, so
// that the snippet can be escaped before the matches are marked.
const (
	markOpen  = "\x02"
	markClose = "\x03"
	ellipsis  = "…"
)

// unmark drops the match marks from a snippet; markHTML turns them into
// <mark> elements.
var (
	unmark   = strings.NewReplacer(markOpen, "", markClose, "")
	markHTML = strings.NewReplacer(markOpen, "<mark>", markClose, "</mark>")
)

// ts_headline's parser takes "<b>" in a text for a markup tag and leaves it
// out of the passage: the text's '<' are hidden from it (as \x01, which
// stored text never holds) and put back after.
//
// headlineOptions ask ts_headline for one passage of 12 to 24 words (the
// SQLite store's snippets are 24 tokens), matches between the markers.
const headlineOptions = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MinWords=12, MaxWords=24, ShortWord=2, HighlightAll=false'`

// withEllipses marks where a snippet cuts its text: ts_headline returns the
// passage only. head and tail are the text's first and last characters.
func withEllipses(snippet, head, tail string) string {
	plain := strings.TrimSpace(unmark.Replace(snippet))
	if plain == "" {
		return snippet
	}
	head, tail = strings.TrimSpace(head), strings.TrimSpace(tail)
	if !strings.HasPrefix(plain, head) && !strings.HasPrefix(head, plain) {
		snippet = ellipsis + strings.TrimLeft(snippet, " ")
	}
	if !strings.HasSuffix(plain, tail) && !strings.HasSuffix(tail, plain) {
		snippet = strings.TrimRight(snippet, " ") + ellipsis
	}
	return snippet
}

// unknownOutlet names the outlet of articles that do not say theirs.
const unknownOutlet = news.UnknownOutlet
