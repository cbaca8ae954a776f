package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzSearch: any query a reader types (FTS5 operators, quotes, NUL bytes,
// invalid UTF-8) is searched as words: the story list, search and count
// never fail with a syntax error (with the query as an outlet's name too),
// and a query of one stored word finds its article.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"dockworkers", `"strike`, "strike AND NOT", "NEAR(a b)", "title:strike", "*", "a OR", "(", "^x", "x\x00y", "caf\xe9", "-strike", "strike*"} {
		f.Add(q)
	}
	st, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	a := article("strike", "ledger", "Calder dockworkers end strike", "Dockworkers at the port voted to end the strike.", now)
	if _, err := st.SaveBatch(context.Background(), news.WriteBatch{Placements: []news.Placement{placement(a, "s1")}, At: now}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ctx := context.Background()
		if _, err := st.Stories(ctx, news.StoryQuery{Q: q, Limit: 5}); err != nil {
			t.Fatalf("stories matching %q: %v", q, err)
		}
		res, err := st.SearchStories(ctx, news.SearchQuery{Q: q, Source: q, Limit: 5})
		if err != nil {
			t.Fatalf("stories found by %q: %v", q, err)
		}
		if _, err := st.CountStories(ctx, news.StoryQuery{Q: q, Source: q}); err != nil {
			t.Fatalf("count stories matching %q: %v", q, err)
		}
		if res.Total != len(res.Stories) {
			t.Fatalf("search %q: total %d but %d stories on a page of 5 of one stored story", q, res.Total, len(res.Stories))
		}
		if found, _ := st.SearchStories(ctx, news.SearchQuery{Q: q}); strings.EqualFold(strings.TrimSpace(q), "dockworkers") && found.Articles != 1 {
			t.Fatalf("search %q: %d articles, want the stored one", q, found.Articles)
		}
	})
}
