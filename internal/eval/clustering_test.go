package eval

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// datedSet is a set of n one-line articles published on the days given, in
// that order in the file.
func datedSet(days []int) ClusterSet {
	var items []labelled
	for i, d := range days {
		a := news.Article{ID: fmt.Sprint(i), Text: fmt.Sprintf("Report number %d of the day.", i)}
		if d > 0 {
			a.Published = time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC)
		}
		items = append(items, labelled{Article: a, Cluster: "x"})
	}
	return prepareSet("dated", items)
}

func TestStreamOrderPutsADatedFileInDateOrder(t *testing.T) {
	tests := []struct {
		name string
		days []int // 0: undated
		seed int64
		want []int
	}{
		{"dated, in the file's order", []int{3, 1, 2, 1}, 0, []int{1, 3, 2, 0}},
		{"dated, shuffled: the same days in order", []int{3, 1, 2, 4, 5, 6, 7, 8}, 7, []int{1, 2, 0, 3, 4, 5, 6, 7}},
		{"one undated: the file's order", []int{3, 1, 0, 2}, 0, []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := datedSet(tt.days).streamOrder(tt.seed); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStreamOrderSortsAFileLargerThanAWindowWhole(t *testing.T) {
	days := make([]int, 1500) // more than engine.DefaultWindow, latest first
	for i := range days {
		days[i] = 25 - i/60
	}
	set := datedSet(days)
	order := set.streamOrder(0)
	for k := 1; k < len(order); k++ {
		prev, cur := set.Articles[order[k-1]].Article.Published, set.Articles[order[k]].Article.Published
		if cur.Before(prev) {
			t.Fatalf("article %d of the stream (%s) comes after one of %s", k, cur.Format(time.DateOnly), prev.Format(time.DateOnly))
		}
	}
}

func TestClusterReportCountsChangesByKind(t *testing.T) {
	var rep ClusterReport
	for _, kind := range []string{"merge", "split", "move", "move", "merge", "merge"} {
		rep.count(news.StoryChange{Kind: kind})
	}
	if rep.Merges != 3 || rep.Splits != 1 || rep.Moves != 2 {
		t.Errorf("counted %d merges, %d splits, %d moves; want 3, 1, 2", rep.Merges, rep.Splits, rep.Moves)
	}
}
