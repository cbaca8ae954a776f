package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// BenchmarkSourcesOfManyNamelessArticles makes the sources' list (the
// /sources page, `storyline sources`) of a store of 10,000 invented
// articles of no outlet, each a story of its own and each with a title
// and 1,500 characters of text, and 1,000 articles of 100 outlets, 5 to a
// story: session 40 found /sources of such a store over its 2 s budget
// under load. It reports the CPU time of an operation (cpu-ms/op) beside
// its wall time, which a loaded machine moves far more. Figures in
// docs/measurements/engine.md (session 41, s41-ui).
func BenchmarkSourcesOfManyNamelessArticles(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	body := strings.Repeat("The tide gauge at the harbour mouth was read again this week. ", 25)[:1500]
	const nameless, named, outlets, perStory = 10_000, 1_000, 100, 5
	var ps []news.Placement
	for i := range nameless + named {
		a := news.Article{ID: fmt.Sprintf("a%d", i), Title: fmt.Sprintf("Tide gauge reading %d at the harbour mouth", i), Text: body, Published: now, Lang: "en"}
		story := fmt.Sprintf("s%d", i)
		if i >= nameless {
			a.Source, a.URL = fmt.Sprintf("Outlet %d", i%outlets), fmt.Sprintf("https://o%d.example/%d", i%outlets, i)
			story = fmt.Sprintf("t%d", i/perStory)
		}
		ps = append(ps, news.Placement{Article: a, ContentHash: a.ID, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "bench"}})
		if len(ps) == 2_000 {
			if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: ps, At: now}); err != nil {
				b.Fatal(err)
			}
			ps = nil
		}
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: ps, At: now}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		list, err := st.Sources(ctx)
		if err != nil || len(list) != nameless+outlets {
			b.Fatalf("sources: %d rows, %v; want %d", len(list), err, nameless+outlets)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
}
