package eval

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// baselineSets are two files of made-up events, each reported in
// different words around the same specifics.
func baselineSets() (a, b ClusterSet) {
	a = eventSet("a", [][]string{
		{"Flood waters from the swollen Marrow river cut the valley railway near Ostby on Tuesday.",
			"The Marrow river burst its banks near Ostby, and flood waters cut the valley railway.",
			"Commuters were stranded near Ostby after the Marrow flood cut the valley railway line."},
		{"The Varne glassworks will close its furnace for good after ninety years, its owners said.",
			"After ninety years the Varne glassworks is closing, the owners told workers at the furnace.",
			"Workers at the Varne glassworks heard the furnace will close after ninety years."},
	})
	b = eventSet("b", [][]string{
		{"Twelve-year-old Ada Kestrel won the national chess title in Lindholm on Sunday.",
			"Ada Kestrel, twelve, beat the champion in Lindholm to win the national chess title.",
			"In Lindholm the national chess title went to twelve-year-old Ada Kestrel."},
		{"Harbour pilots in Brennock walked out over pay, stopping ships at the Brennock quays.",
			"A pay strike by Brennock harbour pilots left ships waiting off the quays.",
			"Ships queued off Brennock as harbour pilots struck over pay."},
	})
	return a, b
}

func TestSinglePassFindsEventsAndSplitsAtAHighThreshold(t *testing.T) {
	a, _ := baselineSets()
	for _, fileIDF := range []bool{false, true} {
		opt := SinglePassOptions{FileIDF: fileIDF}
		if r := a.SinglePass(0.15, opt, 0); r.PredClusters != 2 || r.BCubed.F1 != 1 {
			t.Errorf("file IDF %v, threshold 0.15: %d clusters, F1 %.3f; want the 2 events", fileIDF, r.PredClusters, r.BCubed.F1)
		}
		if r := a.SinglePass(0.95, opt, 0); r.PredClusters != 6 || r.BCubed.P != 1 {
			t.Errorf("file IDF %v, threshold 0.95: %d clusters, want every report apart", fileIDF, r.PredClusters)
		}
	}
}

func TestSinglePassCentroidOfCopiesHasCosineOne(t *testing.T) {
	text := "The Marrow river burst its banks near Ostby, and flood waters cut the valley railway."
	set := eventSet("copies", [][]string{{text, text, text}})
	if r := set.SinglePass(0.999, SinglePassOptions{FileIDF: true}, 0); r.PredClusters != 1 {
		t.Errorf("three copies at threshold 0.999 with one IDF: %d clusters, want 1", r.PredClusters)
	}
}

func TestSinglePassWindowKeepsLateReportsOut(t *testing.T) {
	texts := []string{
		"Flood waters from the swollen Marrow river cut the valley railway near Ostby.",
		"The Marrow river burst its banks near Ostby, and flood waters cut the valley railway.",
	}
	var items []labelled
	for i, d := range []int{1, 40} {
		a := news.Article{ID: fmt.Sprint(i), Text: texts[i], Published: time.Date(2024, 1, d, 9, 0, 0, 0, time.UTC)}
		items = append(items, labelled{Article: a, Cluster: "x"})
	}
	set := prepareSet("late", items)
	if r := set.SinglePass(0.1, SinglePassOptions{}, 0); r.PredClusters != 1 {
		t.Errorf("no window: %d clusters, want 1", r.PredClusters)
	}
	if r := set.SinglePass(0.1, SinglePassOptions{Window: 7 * 24 * time.Hour}, 0); r.PredClusters != 2 {
		t.Errorf("7-day window, reports 39 days apart: %d clusters, want 2", r.PredClusters)
	}
}

func TestSinglePassLeaveOneSetOutChoosesTheThresholdWithoutTheHeldFile(t *testing.T) {
	a, b := baselineSets()
	noneReportOnly := func(string) bool { return false }
	held, err := SinglePassLeaveOneSetOut(context.Background(), []ClusterSet{a, b}, nil, noneReportOnly, []int64{3}, nil, SinglePassOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 || held[0].Set != "a" || held[1].Set != "b" {
		t.Fatalf("held out %+v, want a then b", held)
	}
	for i, h := range held {
		other := []ClusterSet{b, a}[i]
		want, _, _ := FitSinglePass(context.Background(), []ClusterSet{other}, SinglePassOptions{})
		if h.Threshold != want {
			t.Errorf("%s: threshold %.3f, want %.3f, the one chosen on %s alone", h.Set, h.Threshold, want, other.Name)
		}
		if len(h.Orders) != 2 {
			t.Fatalf("%s: %d orders, want its own and one shuffle", h.Set, len(h.Orders))
		}
	}
	only, err := SinglePassLeaveOneSetOut(context.Background(), []ClusterSet{a, b}, nil, noneReportOnly, nil, []string{"b"}, SinglePassOptions{})
	if err != nil || len(only) != 1 || only[0].Set != "b" {
		t.Errorf("only b: %+v, %v", only, err)
	}
}
