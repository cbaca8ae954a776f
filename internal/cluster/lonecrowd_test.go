package cluster

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"time"
)

// TestAModelWithoutTheCrowdTermLeadsAsBefore: a model written before
// lone_crowd existed (no such key) loads with no crowd term, and its lone
// step asks for LoneRatio whatever the number of near candidates (the
// rule before session 46): a lead of 1.2 over the runner-up clears a
// ratio of 1.1 with one, five or a thousand candidates near the best.
// Written back, the model still has no lone_crowd key.
func TestAModelWithoutTheCrowdTermLeadsAsBefore(t *testing.T) {
	m := loneModel(t, "1.1", "0.05")
	if m.LoneCrowd != 0 {
		t.Fatalf("a model without lone_crowd loaded with a crowd term of %v", m.LoneCrowd)
	}
	c := New(Options{Model: m})
	lone := &story{id: "lone", storyHead: &storyHead{n: 1}}
	cands := []*story{{id: "closest", storyHead: &storyHead{n: 2}}, {id: "next", storyHead: &storyHead{n: 2}}}
	for _, near := range []int{0, 1, 5, 1000} {
		got, _, _ := c.clearlyClosest(lone, lead{best: 0, bestCos: 0.30, next: 0.25, near: near, groups: near}, cands, []float64{0.5, 0.4})
		if got == nil {
			t.Errorf("%d near candidates: a lead of 1.2 left the article alone under a model with no crowd term", near)
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]any
	if err := json.Unmarshal(data, &keys); err != nil {
		t.Fatal(err)
	}
	if _, ok := keys["lone_crowd"]; ok {
		t.Errorf("a model with no crowd term was written with a lone_crowd key: %s", data)
	}
}

// TestTheCrowdTermStaysFiniteForThousandsNear: with thousands of
// candidates near the best (a stream of 100,000 articles), the lead the
// step asks for is a finite number that grows with them, so a crowded
// article is left alone and nothing overflows.
func TestTheCrowdTermStaysFiniteForThousandsNear(t *testing.T) {
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.1,"lone_floor":0.05,"lone_crowd":0.5}`))
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Model: m})
	lone := &story{id: "lone", storyHead: &storyHead{n: 1}}
	cands := []*story{{id: "closest", storyHead: &storyHead{n: 2}}, {id: "next", storyHead: &storyHead{n: 2}}}
	for _, near := range []int{2, 5000, math.MaxInt32} {
		// a lead of 40 clears 1.1 × (1 + 0.5 ln k) for any k a stream holds
		got, _, ratio := c.clearlyClosest(lone, lead{best: 0, bestCos: 0.40, next: 0.01, near: near, groups: near}, cands, []float64{0.5, 0.4})
		if got == nil || math.IsNaN(ratio) || math.IsInf(ratio, 0) {
			t.Errorf("%d near: a lead of 40 did not join (ratio %v)", near, ratio)
		}
		// a lead of 1.45 clears none of them
		if got, _, _ := c.clearlyClosest(lone, lead{best: 0, bestCos: 0.29, next: 0.20, near: near, groups: near}, cands, []float64{0.5, 0.4}); got != nil {
			t.Errorf("%d near: a lead of 1.45 joined under a crowd term of 0.5", near)
		}
	}
}

// TestReadLeadCountsNoneNearWithoutACandidateToJoin: when the lone
// article may join no candidate (each one kept apart by its dates), there
// is no best to be near, and none is counted near; the runner-up is still
// read. Without the guard every candidate counted near a best of cosine 0,
// and the watcher was told a crowd round an article with no closest story.
func TestReadLeadCountsNoneNearWithoutACandidateToJoin(t *testing.T) {
	c := New(Options{})
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	lone := &story{id: "lone", storyHead: &storyHead{n: 1}, first: day, last: day}
	var cands []*story
	var rows [][]float64
	for i, x := range []float64{0.25, 0.30, 0.21} {
		then := day.AddDate(0, 0, -10-i) // ran days before the article: no overlap
		cands = append(cands, &story{id: fmt.Sprint("s", i), storyHead: &storyHead{n: 2}, first: then, last: then})
		row := make([]float64, numSignals)
		row[sigAvgCos] = x
		rows = append(rows, row)
	}
	l := c.readLead(lone, cands, rows)
	if l.best != -1 || l.next != 0.30 || l.near != 0 {
		t.Errorf("got best %d, next %.2f, near %d; want no best (-1), next .30, none near", l.best, l.next, l.near)
	}
}

// nearFixture is the strike's two stories (the wire and the own report)
// and the fire's (another event of the same town), as candidates near a
// best at cosine .18: the strike's at .15 and .14, the fire's at .13, all
// within NearLead of it (.12). The best is a story of its own, which
// the count of near candidates does not read.
func nearFixture(t *testing.T, crowd string) (c *Clusterer, lone *story, cands []*story, rows [][]float64) {
	t.Helper()
	c, s := strikeAndFire(t, -1, day(16).Add(20*time.Minute))
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.1,"lone_floor":0.05,"lone_crowd":` + crowd + `}`))
	if err != nil {
		t.Fatal(err)
	}
	c.opt.Model = m
	lone = &story{id: "lone", storyHead: &storyHead{n: 1}}
	cands = []*story{{id: "best", storyHead: &storyHead{n: 2}}, s[0], s[1], s[2]}
	for _, x := range []float64{0.18, 0.15, 0.14, 0.13} {
		row := make([]float64, numSignals)
		row[sigAvgCos] = x
		rows = append(rows, row)
	}
	return c, lone, cands, rows
}

// TestNearCandidatesAlikeAmongThemselvesCountOnce: of three candidates
// near a lone article's best, the strike's two stories are as alike to
// each other as a near candidate is to the article (an average-link
// cosine of at least the best's over NearLead), the fire's is not alike
// to either: the crowd term counts two rivals, not three. With no crowd
// term nothing is grouped, and the count is the near candidates'.
func TestNearCandidatesAlikeAmongThemselvesCountOnce(t *testing.T) {
	c, lone, cands, rows := nearFixture(t, "0.5")
	bar := 0.18 / NearLead
	if same := c.linkCosine(cands[1], cands[2]); same < bar {
		t.Fatalf("the strike's two stories have an average-link cosine of %.3f, under the alike bar %.3f: the fixture needs them alike", same, bar)
	}
	if other := max(c.linkCosine(cands[3], cands[1]), c.linkCosine(cands[3], cands[2])); other >= bar {
		t.Fatalf("the fire's story is alike to the strike's (%.3f, bar %.3f): the fixture needs it apart", other, bar)
	}
	l := c.readLead(lone, cands, rows)
	if l.best != 0 || l.near != 3 || l.groups != 2 {
		t.Errorf("got best %d, near %d in %d groups; want 0, 3 near in 2 groups (the strike's two stories once)", l.best, l.near, l.groups)
	}
	c, lone, cands, rows = nearFixture(t, "0")
	if l := c.readLead(lone, cands, rows); l.near != 3 || l.groups != 3 {
		t.Errorf("no crowd term: got %d near in %d groups; want 3 in 3", l.near, l.groups)
	}
}

// TestALeadOverOneEventInSeveralStoriesJoins: a lone article whose near
// candidates are one event's two stories (the fire's left out of reach,
// far under the best) leads one rival, and a lead of 1.2 (.18 over .15)
// clears the ratio
// of 1.1 under a crowd term of 0.5; counted as two rivals it would have
// needed 1.48 and stayed alone.
func TestALeadOverOneEventInSeveralStoriesJoins(t *testing.T) {
	c, lone, cands, rows := nearFixture(t, "0.5")
	rows[3][sigAvgCos] = 0.03 // the fire's story: not near
	l := c.readLead(lone, cands, rows)
	if l.near != 2 || l.groups != 1 {
		t.Fatalf("got %d near in %d groups; want the strike's 2 in 1", l.near, l.groups)
	}
	if got, _, _ := c.clearlyClosest(lone, l, cands, []float64{0.5, 0.4, 0.4, 0.1}); got != cands[0] {
		t.Errorf("a lead of 1.2 over one event's two stories left the article alone")
	}
}
