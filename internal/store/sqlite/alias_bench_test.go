package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// BenchmarkAliasChangeOnALargeStore sets and removes one alias (100
// articles move each way) on a store of 100,000 invented articles from
// 1,000 outlets, 5 to a story, with 200 other aliases stored: what a user's
// `sources alias` costs on a large database. Session 39 (-benchtime 20x,
// machine load about 28 on 2 cores): 45.7 ms an op, a set and a removal,
// each its own transaction. markMovedStale, which marks the moved
// articles' stories for comparison, reads the alias table (201 rows) and
// probes the articles' outlet index once for each alias filed elsewhere:
// 1 to 4 ms of CPU in sqlite3's timer, so it was left as it is
// (docs/measurements/engine.md, session 39).
func BenchmarkAliasChangeOnALargeStore(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const articles, outlets, perStory = 100_000, 1_000, 5
	for first := 0; first < articles; first += 2_000 {
		var ps []news.Placement
		for i := first; i < first+2_000; i++ {
			a := news.Article{ID: fmt.Sprintf("a%d", i), URL: fmt.Sprintf("https://o%d.example/%d", i%outlets, i), Source: fmt.Sprintf("Outlet %d", i%outlets),
				Title: fmt.Sprintf("Report %d", i), Text: fmt.Sprintf("Report number %d of the harbour works.", i), Published: now, Lang: "en"}
			ps = append(ps, news.Placement{Article: a, ContentHash: a.ID, Membership: news.Membership{ArticleID: a.ID, StoryID: fmt.Sprintf("s%d", i/perStory), Score: 0.7, Reason: "bench"}})
		}
		if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: ps, At: now}); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 200 {
		if _, _, err := st.SetOutletAlias(ctx, fmt.Sprintf("Outlet %d", 500+i), fmt.Sprintf("Outlet %d", 700+i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		if _, n, err := st.SetOutletAlias(ctx, "Outlet 7", "Outlet 8"); err != nil || n != 100 {
			b.Fatalf("alias: %d articles moved, %v; want 100", n, err)
		}
		if _, n, err := st.RemoveOutletAlias(ctx, "Outlet 7"); err != nil || n != 100 {
			b.Fatalf("alias removed: %d articles moved, %v; want 100", n, err)
		}
	}
}
