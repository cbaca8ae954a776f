package engine

import (
	"fmt"
	"testing"
	"testing/synctest"

	"github.com/storyline-news/storyline/internal/cluster"
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
	for k, prepared := range preparedAhead(windows, cluster.Prepare) {
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
			for k := range preparedAhead(windows, cluster.Prepare) {
				if k == last {
					break
				}
			}
		})
	}
}

// TestPreparedAheadMakesWindowsWhenDue: a stream made as it goes (`eval
// cluster --stream`) has its windows made in order and at most two ahead
// of the one being placed, so that a long stream is never held whole.
func TestPreparedAheadMakesWindowsWhenDue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		made := 0
		window := func(k int) []news.Article {
			if k != made {
				t.Errorf("window %d made where %d was due", k, made)
			}
			made++
			return []news.Article{{ID: fmt.Sprint("a", k), Title: "Storm closes the harbour", Text: "The harbour closed as the storm came ashore."}}
		}
		for k, prepared := range PreparedAhead(10, window, 1, cluster.Prepare) {
			synctest.Wait() // the preparing goroutine has gone as far as it can
			if made > k+3 {
				t.Errorf("placing window %d, %d windows made: more than two ahead", k, made)
			}
			if len(prepared) != 1 || prepared[0].Article.ID != fmt.Sprint("a", k) {
				t.Errorf("window %d: %v", k, prepared)
			}
		}
		if made != 10 {
			t.Errorf("%d windows made, want 10", made)
		}
	})
}

// TestPreparedAheadWithoutWorkers: workers under one prepares on one, where
// it left every window waiting for a worker and the loop blocked for good.
func TestPreparedAheadWithoutWorkers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		window := func(k int) []news.Article {
			return []news.Article{{ID: fmt.Sprint("a", k), Title: "Storm closes the harbour", Text: "The harbour closed as the storm came ashore."}}
		}
		n := 0
		for k, prepared := range PreparedAhead(3, window, 0, cluster.Prepare) {
			if len(prepared) != 1 || prepared[0].Article.ID != fmt.Sprint("a", k) {
				t.Errorf("window %d: %v", k, prepared)
			}
			n++
		}
		if n != 3 {
			t.Errorf("%d windows, want 3", n)
		}
	})
}
