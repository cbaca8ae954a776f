package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// crowdedLone is the lone step's worst case for nearGroups: a lone
// article whose every candidate (maxCandidates of them, so maxCandidates-1
// near the best) is a story of members members, of a topic of its own
// (inventedReport's, so that no two are alike and every near candidate
// is compared with every group's first: (k-1)k/2 average-link cosines for
// k near). The rows put every candidate near the best.
func crowdedLone(members int, crowd string) (c *Clusterer, lone *story, cands []*story, rows [][]float64) {
	r := rand.New(rand.NewPCG(11, 12))
	c = New(Options{})
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.1,"lone_floor":0.05,"lone_crowd":` + crowd + `}`))
	if err != nil {
		panic(err)
	}
	c.opt.Model = m
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for k := range maxCandidates {
		s := c.newStory(fmt.Sprintf("topic%d-0", k))
		for i := range members {
			a := inventedReport(r, fmt.Sprintf("topic%d-%d", k, i), k, start.Add(time.Duration(i)*time.Minute))
			f, _ := featuresOf(a)
			c.learn(&f)
			c.join(s, a.ID, &f)
		}
		cands = append(cands, s)
	}
	lone = c.newStory("lone")
	f, _ := featuresOf(inventedReport(r, "lone", maxCandidates, start))
	c.learn(&f)
	c.join(lone, "lone", &f)
	for i := range cands {
		row := make([]float64, numSignals)
		row[sigAvgCos] = 0.6 // near a best of .85: alike only at .57, which no two topics' stories reach
		if i == 0 {
			row[sigAvgCos] = 0.85
		}
		rows = append(rows, row)
	}
	return c, lone, cands, rows
}

// TestTheCrowdedLoneArticleIsTheWorstCase checks crowdedLone's premise, on
// which BenchmarkLoneLeadCrowded's count rests: its near candidates are
// maxCandidates-1, none alike to another, so nearGroups reads the largest
// number of average-link cosines it can.
func TestTheCrowdedLoneArticleIsTheWorstCase(t *testing.T) {
	c, lone, cands, rows := crowdedLone(20, "0.5")
	if l := c.readLead(lone, cands, rows); l.near != maxCandidates-1 || l.groups != maxCandidates-1 {
		t.Errorf("got %d near in %d groups; want %d in as many (no two topics alike)", l.near, l.groups, maxCandidates-1)
	}
}

// BenchmarkLoneLeadCrowded measures the lone step's read of a lead
// (readLead) in its worst case, crowdedLone's: maxCandidates stories of
// 500 members each, all near the best, none alike, against the same read
// without a crowd term (no grouping) and the candidate scoring settleLone
// does before it (score), so that the grouping's cost reads beside what
// the step costs anyway. It reports the average-link cosines read per
// lone article (pairs/op) and a candidate's distinct terms (terms/story),
// which a loaded machine does not distort.
//
//	go test ./internal/cluster -run '^$' -bench LoneLeadCrowded
func BenchmarkLoneLeadCrowded(b *testing.B) {
	for _, crowd := range []string{"0.5", "0"} {
		b.Run("crowd="+crowd, func(b *testing.B) {
			c, lone, cands, rows := crowdedLone(500, crowd)
			pairs := 0
			for b.Loop() {
				l := c.readLead(lone, cands, rows)
				if crowd == "0" {
					continue // nothing grouped, no cosine read
				}
				if l.groups != l.near {
					b.Fatalf("%d near in %d groups: the worst case needs none alike", l.near, l.groups)
				}
				pairs += l.near * (l.near - 1) / 2 // none alike: each compared with every earlier first
			}
			b.ReportMetric(float64(pairs)/float64(b.N), "pairs/op")
			b.ReportMetric(float64(len(cands[1].hashes)), "terms/story") // what a cosine reads: the smaller story's terms
		})
	}
	b.Run("score", func(b *testing.B) {
		c, lone, _, _ := crowdedLone(500, "0.5")
		for b.Loop() {
			q := c.prepareQuery(lone.kept[0].f)
			q.skip = lone
			c.score(q, lone.last)
		}
	})
}

// TestNearCandidatesLessAlikeThanTheBarCountTwice (a probe, s47-lone2rev):
// the bar of nearGroups is the lowest cosine at which a candidate is near
// the article, no lower. nearFixture's strike stories, near a best whose
// bar sits just above their average-link cosine to each other, count as
// two rivals; a bar lower than the best's over NearLead (such as its
// over NearLead squared) would have grouped them.
func TestNearCandidatesLessAlikeThanTheBarCountTwice(t *testing.T) {
	c, lone, cands, rows := nearFixture(t, "0.5")
	same := c.linkCosine(cands[1], cands[2])
	bar := same * 1.05 // just above: the two are not alike
	rows[0][sigAvgCos] = bar * NearLead
	rows[1][sigAvgCos], rows[2][sigAvgCos] = bar*1.01, bar*1.01 // near the best
	rows[3][sigAvgCos] = 0.01                                   // the fire's story: not near
	if l := c.readLead(lone, cands, rows); l.near != 2 || l.groups != 2 {
		t.Errorf("the strike's stories at %.3f to each other, under the bar %.3f: got %d near in %d groups, want 2 in 2", same, bar, l.near, l.groups)
	}
}

// TestWatchLoneToldTheNearGroups (s47-lone2rev): the watcher (eval's
// placement log, near_groups) is told the groups the crowd term read
// beside the near candidates: nearFixture's 3 near in 2 groups.
func TestWatchLoneToldTheNearGroups(t *testing.T) {
	c, lone, cands, rows := nearFixture(t, "0.5")
	var told []LoneLead
	c.WatchLone(func(l LoneLead) { told = append(told, l) })
	c.tellLone("lone-article", lone, c.readLead(lone, cands, rows), cands, nil)
	if len(told) != 1 || told[0].Near != 3 || told[0].NearGroups != 2 {
		t.Errorf("told %+v; want one lead with 3 near in 2 groups", told)
	}
}
