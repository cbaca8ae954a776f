package engine

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/storyline-news/storyline/internal/news"
)

// TestPreparedAheadYieldsEveryWindowInOrder: each window comes with its own
// articles' features, in order, and a caller that stops early leaves no
// goroutine behind once the loop has returned.
func TestPreparedAheadYieldsEveryWindowInOrder(t *testing.T) {
	var windows [][]news.Article
	for k := range 4 {
		var w []news.Article
		for i := range 3 {
			w = append(w, news.Article{ID: fmt.Sprintf("a%d-%d", k, i), Title: "Storm closes the harbour",
				Text: fmt.Sprintf("The harbour closed on day %d as the storm came ashore, officials said.", k)})
		}
		windows = append(windows, w)
	}
	next := 0
	for k, prepared := range preparedAhead(windows) {
		if k != next || len(prepared) != len(windows[k]) {
			t.Fatalf("window %d (%d features) where window %d (%d articles) was due", k, len(prepared), next, len(windows[next]))
		}
		for i, p := range prepared {
			if p.Article.ID != windows[k][i].ID {
				t.Errorf("window %d, article %d: features of %q, want %q", k, i, p.Article.ID, windows[k][i].ID)
			}
		}
		next++
	}
	if next != len(windows) {
		t.Fatalf("%d windows yielded, want %d", next, len(windows))
	}

	// In a bubble, synctest.Test fails if a goroutine preparedAhead
	// started is left blocked once the loop has stopped.
	for _, last := range []int{0, 1, 2} {
		synctest.Test(t, func(t *testing.T) {
			for k := range preparedAhead(windows) {
				if k == last {
					break
				}
			}
		})
	}
}
