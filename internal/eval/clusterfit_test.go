package eval

import (
	"context"
	"fmt"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// eventSet is a labelled set of made-up events, each reported several
// times in different words around the same specifics.
func eventSet(name string, events [][]string) ClusterSet {
	var items []labelled
	for e, reports := range events {
		for r, text := range reports {
			items = append(items, labelled{Article: news.Article{ID: fmt.Sprintf("%s-%d-%d", name, e, r), Text: text}, Cluster: fmt.Sprint(e)})
		}
	}
	return prepareSet(name, items)
}

func TestClusterLeaveOneSetOutScoresEachSetWithAModelFittedWithoutIt(t *testing.T) {
	a, b := baselineSets()
	opt := FitOptions{Linear: true, Signals: []string{"avg_cos"}, Thresholds: []float64{0.2, 0.5}}
	held, err := ClusterLeaveOneSetOut(context.Background(), []ClusterSet{a, b}, nil, func(string) bool { return false }, []int64{3}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 || held[0].Set != "a" || held[1].Set != "b" {
		t.Fatalf("held out %+v, want a then b", held)
	}
	for _, h := range held {
		if len(h.Model.FittedOn) != 1 || h.Model.FittedOn[0] == h.Set {
			t.Errorf("%s was scored by a model fitted on %v", h.Set, h.Model.FittedOn)
		}
		if len(h.Orders) != 2 {
			t.Fatalf("%s: %d orders, want its own and one shuffle", h.Set, len(h.Orders))
		}
		for _, r := range h.Orders {
			if r.Articles != 6 || r.BCubed.F1 < 0.8 {
				t.Errorf("%s held out: %+v, want its two events found", h.Set, r)
			}
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ClusterLeaveOneSetOut(ctx, []ClusterSet{a, b}, nil, func(string) bool { return false }, nil, opt); err == nil {
		t.Errorf("a cancelled run returned no error")
	}
}
