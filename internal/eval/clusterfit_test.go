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
	a := eventSet("a", [][]string{
		{"Flood waters from the swollen Marrow river cut the valley railway near Ostby on Tuesday.",
			"The Marrow river burst its banks near Ostby, and flood waters cut the valley railway.",
			"Commuters were stranded near Ostby after the Marrow flood cut the valley railway line."},
		{"The Varne glassworks will close its furnace for good after ninety years, its owners said.",
			"After ninety years the Varne glassworks is closing, the owners told workers at the furnace.",
			"Workers at the Varne glassworks heard the furnace will close after ninety years."},
	})
	b := eventSet("b", [][]string{
		{"Twelve-year-old Ada Kestrel won the national chess title in Lindholm on Sunday.",
			"Ada Kestrel, twelve, beat the champion in Lindholm to win the national chess title.",
			"In Lindholm the national chess title went to twelve-year-old Ada Kestrel."},
		{"Harbour pilots in Brennock walked out over pay, stopping ships at the Brennock quays.",
			"A pay strike by Brennock harbour pilots left ships waiting off the quays.",
			"Ships queued off Brennock as harbour pilots struck over pay."},
	})
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
