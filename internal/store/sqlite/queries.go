package sqlite

import (
	"context"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlstore"
)

// The read side's queries run on the query-only connections (s.ro): reading
// a page cannot write to the database.

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
		query += " ORDER BY " + sqlstore.StoryRecency + " DESC, s.id LIMIT ? OFFSET ?" // the order of index stories_recency
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

// unknownOutlet names the outlet of articles that do not say theirs.
const unknownOutlet = news.UnknownOutlet
