package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestDiskFullMidwayLeavesTheDatabaseConsistent fills the database up in
// the middle of a transaction (SQLite's max_page_count: the write fails
// with "database or disk is full" as on a full disk): the failed batch
// leaves nothing behind (no article, raw page, membership or index entry of
// it), the error names the operation, the database passes its integrity
// check, and the same batch is stored whole once there is room.
func TestDiskFullMidwayLeavesTheDatabaseConsistent(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	save(t, st, placement(article("first", "ledger", "Calder strike ends", "Dockworkers voted to end the strike.", now), "s1"))
	st.db.SetMaxOpenConns(1) // the page limit is a connection's setting
	var pages int
	if err := st.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages+4)); err != nil {
		t.Fatal(err)
	}
	var big []news.Placement
	for i := range 40 {
		a := article(fmt.Sprintf("big%02d", i), "courier", fmt.Sprintf("Harbour report %d", i), strings.Repeat(fmt.Sprintf("Paragraph of report %d about the harbour. ", i), 200), now)
		big = append(big, placement(a, fmt.Sprintf("s%d", 2+i%3)))
	}
	_, err := st.SaveBatch(ctx, news.WriteBatch{Placements: big, At: now})
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("a batch past the page limit: %v, want the database full", err)
	}
	if !strings.Contains(err.Error(), "save") {
		t.Errorf("error %q does not name the operation", err)
	}
	var check string
	if err := st.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q %v", check, err)
	}
	counts := map[string]int{}
	for _, table := range []string{"articles", "raw_inputs", "story_articles", "articles_fts"} {
		var n int
		if err := st.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	if counts["articles"] != 1 || counts["raw_inputs"] != 1 || counts["story_articles"] != 1 || counts["articles_fts"] != 1 {
		t.Errorf("after the failed batch: %v, want only the first article's rows", counts)
	}
	if _, err := st.db.ExecContext(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Placements: big, At: now}); err != nil {
		t.Fatalf("the same batch with room: %v", err)
	}
	if n, _, _ := st.Counts(ctx); n != 41 {
		t.Errorf("%d articles after the retry, want 41", n)
	}
}
