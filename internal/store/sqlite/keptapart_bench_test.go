package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

// BenchmarkKeptApartOfALongHistory restores the partings of a store whose
// 100 open stories each had a split, behind 200,000 recorded changes of
// stories closed long ago (review s12a #7: the replay read every row, about
// 13 µs a row: 2.80 s an op here). Only the open stories' changes were read
// next: 5.7 ms (-benchtime 50x, load about 10); only the restored stories'
// now, by their ids: 1.2 to 1.4 ms (load about 5).
func BenchmarkKeptApartOfALongHistory(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	tx, err := st.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 200_000 {
		kind := "split"
		if i%2 == 1 {
			kind = "merge"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_changes(kind, story_id, other_story_id, articles, score, threshold, reason, at)
			VALUES (?, ?, ?, ?, 0.1, 0.2, 'old', '2020-01-01T00:00:00Z')`, kind, fmt.Sprintf("old-%d", i/2), fmt.Sprintf("old-%d-x", i/2), fmt.Sprintf(`["old-article-%d"]`, i)); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	var ps []news.Placement
	var chs []news.StoryChange
	for i := range 100 {
		story := fmt.Sprintf("open-%d", i)
		for j := range 2 {
			a := news.Article{ID: fmt.Sprintf("%s-%d", story, j), Source: "ledger", Title: "Title", Text: fmt.Sprintf("Text %d %d.", i, j), Published: now.Add(-time.Hour), Lang: "en"}
			ps = append(ps, news.Placement{Article: a, ContentHash: a.Text, Membership: news.Membership{ArticleID: a.ID, StoryID: story, Score: 0.7, Reason: "test"}})
		}
		chs = append(chs, news.StoryChange{Kind: "split", Story: story, Other: story + "#split", Articles: []string{story + "-1"}, Score: 0.1, Threshold: 0.2, Reason: "apart"})
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: ps, Changes: chs, At: now}); err != nil {
		b.Fatal(err)
	}
	stories := storetest.RestoredStories(b, st)
	b.ResetTimer()
	for range b.N {
		if ps, err := st.KeptApart(ctx, stories); err != nil || len(ps) != 100 {
			b.Fatalf("KeptApart = %d partings, %v; want 100", len(ps), err)
		}
	}
}
