package eval

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// baselineSets are two files of made-up events, each reported in
// different words around the same specifics (the leave-one-set-out tests of
// the clusterer and of the baseline read them).
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

// thresholdSets are two files whose best single-pass thresholds differ:
// tight holds two events at one place told in shared words, kept apart
// only at a high cosine; loose holds reports of one event in few shared
// words, joined only at a low one.
func thresholdSets() (tight, loose ClusterSet) {
	tight = eventSet("tight", [][]string{
		{"Fire destroyed the old Ostby town hall and its clock tower on Monday night, firefighters said.",
			"The old town hall of Ostby and its clock tower burned down on Monday night, firefighters said."},
		{"Fire destroyed a grain warehouse at the Ostby harbour on Friday night, firefighters said.",
			"A grain warehouse burned down at the harbour of Ostby on Friday night, firefighters said."},
	})
	loose = eventSet("loose", [][]string{
		{"Kestrel wins chess crown at twelve.",
			"Lindholm tournament: a schoolgirl named Kestrel takes the national title."},
		{"Brennock pilots strike over pay.",
			"Ships wait at Brennock quays as pilots walk out."},
	})
	return tight, loose
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

// TestSinglePassLeaveOneSetOutChoosesTheThresholdWithoutTheHeldFile holds
// out each of two sets whose best thresholds differ: each must be scored
// at the other's threshold. Fitting on the held set as well gives tight's
// own threshold, so a fold that peeks at tight fails (review s8b: on sets
// that every threshold splits right, any fit passed).
func TestSinglePassLeaveOneSetOutChoosesTheThresholdWithoutTheHeldFile(t *testing.T) {
	tight, loose := thresholdSets()
	ctx := context.Background()
	fit := func(sets ...ClusterSet) float64 {
		th, _, err := FitSinglePass(ctx, sets, SinglePassOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
	tightOwn, looseOwn, both := fit(tight), fit(loose), fit(tight, loose)
	if tightOwn <= looseOwn || both == looseOwn {
		t.Fatalf("thresholds fitted on tight %.3f, loose %.3f, both %.3f: want tight's above loose's and both's apart from loose's", tightOwn, looseOwn, both)
	}
	noneReportOnly := func(string) bool { return false }
	held, err := SinglePassLeaveOneSetOut(ctx, []ClusterSet{tight, loose}, nil, noneReportOnly, []int64{3}, nil, SinglePassOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 || held[0].Set != "tight" || held[1].Set != "loose" {
		t.Fatalf("held out %+v, want tight then loose", held)
	}
	for i, want := range []float64{looseOwn, tightOwn} {
		if h := held[i]; h.Threshold != want {
			t.Errorf("%s: threshold %.3f, want %.3f, the one chosen on the other set alone", h.Set, h.Threshold, want)
		}
		if len(held[i].Orders) != 2 {
			t.Fatalf("%s: %d orders, want its own and one shuffle", held[i].Set, len(held[i].Orders))
		}
	}
	only, err := SinglePassLeaveOneSetOut(ctx, []ClusterSet{tight, loose}, nil, noneReportOnly, nil, []string{"loose"}, SinglePassOptions{})
	if err != nil || len(only) != 1 || only[0].Set != "loose" || only[0].Threshold != tightOwn {
		t.Errorf("only loose: %+v, %v", only, err)
	}
}
