package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestAWriteWaitingForTheGenerationHoldsNoRow: the store's write
// transactions take the generation row (migration 15) before any row of
// their own, so that one waiting for another writer's transaction (here
// SQL run by hand that wrote, then writes the story being compared) holds
// nothing that one needs. When the trigger took it after the first write,
// the comparison's transaction held the story's row and waited for the
// generation row, the other wanted the story: "deadlock detected", and
// one of the two failed.
func TestAWriteWaitingForTheGenerationHoldsNoRow(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("m1", "ledger", "Mill reopens", "The old mill reopened on Monday.", time.Now()), "s1"))
	if _, err := st.rw.Exec(ctx, `INSERT INTO feeds(url) VALUES ('https://ledger.example/feed')`); err != nil {
		t.Fatal(err)
	}
	other, err := st.rw.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback(ctx)
	if _, err := other.Exec(ctx, `UPDATE feeds SET title = 'Ledger' WHERE url = 'https://ledger.example/feed'`); err != nil {
		t.Fatal(err)
	}
	compared := make(chan error, 1)
	go func() {
		compared <- st.SaveComparisons(ctx, []news.ComparisonRecord{{StoryID: "s1", Title: "Mill reopens"}})
	}()
	time.Sleep(300 * time.Millisecond) // the comparison's transaction now waits for the generation row
	_, errOther := other.Exec(ctx, `UPDATE stories SET summary = 'by hand' WHERE id = 's1'`)
	if errOther == nil {
		errOther = other.Commit(ctx)
	}
	if errCompared := <-compared; errOther != nil || errCompared != nil {
		t.Errorf("two writers at once: the other %v, the comparison %v; want both done", errOther, errCompared)
	}
}
