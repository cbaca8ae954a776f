package cluster

import (
	"testing"
	"time"
)

// TestTakeWindowSecondPassReadsFirstPassCosines: with a take window
// shorter than the base, score's second pass takes each in-window
// candidate's average-link cosine from the first pass's rows instead of
// computing it again. Its probabilities must be those of a pass that
// computes the cosines afresh for the same candidates: a cosine taken
// from another candidate's row would move them.
func TestTakeWindowSecondPassReadsFirstPassCosines(t *testing.T) {
	c := twoPassStream()
	if c.take >= c.base {
		t.Fatalf("take window %v, not shorter than the base %v", c.take, c.base)
	}
	f := Prepare(jobless("B", day(23).Add(3*time.Hour), "xshared xb xc xd xe bown")).f
	c.learn(f)
	c.seq++
	q := c.prepareQuery(f)
	in, probs := c.score(q, f.when)
	if c.outside == 0 || len(in) < 2 {
		t.Fatalf("%d candidates within the take window, %d outside: the test needs two passes and two candidates", len(in), c.outside)
	}
	reused := append([]float64(nil), probs...)
	cosReused := make([]float64, len(in))
	for i := range in {
		cosReused[i] = c.rows[i][sigAvgCos]
	}
	distinct := false
	for i := 1; i < len(in); i++ {
		if cosReused[i] != cosReused[0] {
			distinct = true
		}
	}
	if !distinct {
		t.Fatalf("every in-window candidate has the cosine %v: the test cannot tell them apart", cosReused[0])
	}
	// A pass computing the cosines itself, feeding nothing (learn false).
	c.scoreRows(q, in, scoring{background: true})
	for i, s := range in {
		if got := c.rows[i][sigAvgCos]; got != cosReused[i] {
			t.Errorf("story %s: reused average-link cosine %v, computed %v", s.id, cosReused[i], got)
		}
		if c.probs[i] != reused[i] {
			t.Errorf("story %s: probability %v with the first pass's cosines, %v computed afresh", s.id, reused[i], c.probs[i])
		}
	}
}
