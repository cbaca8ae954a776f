package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// touchPostingsTermByTerm is the candidate walk as it was before
// lookupPostings: each term's postings found in the table as the walk
// comes to the term, after the walks of the terms before it (and the
// rescales their first touches made).
func (c *Clusterer) touchPostingsTermByTerm(q *query, lookups []int, when time.Time) {
	c.epoch++
	epoch, touched := c.epoch, c.touched[:0]
	var skip *storyHead
	if q.skip != nil {
		skip = q.skip.storyHead
	}
	docs := c.df.docs()
	for _, i := range lookups {
		w := q.weights[i] * q.idfs[i]
		l := c.termPostings(q.f.terms[i].h)
		if l == nil {
			continue
		}
		ps := l.ps
		if len(ps) > maxPostingsRead {
			ps = ps[len(ps)-maxPostingsRead:]
		}
		for _, p := range ps {
			h := p.head
			if h.epoch != epoch {
				open := !h.merged && h != skip && c.open(h.owner, when)
				h.epoch, h.partial, h.openNow = epoch, 0, open
				touched = append(touched, h)
				if open && scaleStale(h, docs) {
					c.rescale(h.owner)
				}
			}
			if h.openNow {
				h.partial += w * p.w / h.size()
			}
		}
	}
	c.touched = touched
}

// staleProbeClusterer is lookupProbeClusterer with a third more documents
// counted after its stories were made, so that every story is stale (see
// scaleStale) and the walk rescales each one it touches first.
func staleProbeClusterer() *Clusterer {
	c := lookupProbeClusterer(rand.New(rand.NewPCG(11, 12)))
	r := rand.New(rand.NewPCG(13, 14))
	for i := range c.df.docs() / 3 {
		f, _ := featuresOf(inventedReport(r, fmt.Sprintf("n%d", i), r.IntN(150), time.Time{}))
		c.learn(&f)
	}
	return c
}

// TestWalkOfFoundPostingsAsTermByTerm: the walk that finds every term's
// postings before it walks them touches the same stories in the same
// order, with the same partial sums to the last bit (of the open ones: a
// story not open sums a partial never read), and leaves the same
// weights in the stories it rescales, as the walk that found each term's
// postings as it came to it, on two clusterers built alike whose every
// story is stale, so that first touches rescale stories in the middle of
// the walk and the postings of terms still to walk hold weights those
// rescales wrote (a posting read as it was when its list was found would
// count the weight from before). Queries are dated, undated, and with the
// closest story to skip.
func TestWalkOfFoundPostingsAsTermByTerm(t *testing.T) {
	old, found := staleProbeClusterer(), staleProbeClusterer()
	r := rand.New(rand.NewPCG(15, 16))
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	rescaled, laterWeightsRewritten := 0, 0
	for k := range 40 {
		a := inventedReport(r, fmt.Sprintf("q%d", k), r.IntN(150), start.Add(time.Duration(k)*12*time.Hour))
		if k%4 == 3 {
			a.Published = time.Time{}
		}
		fo, _ := featuresOf(a)
		ff := fo
		qo, qf := old.prepareQuery(&fo), found.prepareQuery(&ff)
		if k%5 == 4 && len(old.touched) > 0 {
			qo.skip, qf.skip = old.touched[0].owner, found.stories[old.touched[0].owner.id]
		}
		lookups := old.lookupTerms(qo)
		lookups = append([]int(nil), lookups[:min(maxLookups, len(lookups))]...)
		staleBefore := staleStories(old)
		weightsBefore := postingWeights(old, qo, lookups)
		old.touchPostingsTermByTerm(qo, lookups, a.Published)
		found.touchPostings(qf, lookups, a.Published)
		rescaled += staleBefore - staleStories(old)
		laterWeightsRewritten += changedWeights(weightsBefore, postingWeights(old, qo, lookups))
		if len(old.touched) != len(found.touched) {
			t.Fatalf("%s: %d stories touched, term by term %d", a.ID, len(found.touched), len(old.touched))
		}
		for i, h := range old.touched {
			g := found.touched[i]
			if g.owner.id != h.owner.id || g.openNow != h.openNow || h.openNow && math.Float64bits(g.partial) != math.Float64bits(h.partial) {
				t.Fatalf("%s: touched story %d is %s (open %v, partial %v), term by term %s (open %v, partial %v)",
					a.ID, i, g.owner.id, g.openNow, g.partial, h.owner.id, h.openNow, h.partial)
			}
			for j, w := range h.owner.w {
				if math.Float64bits(g.owner.w[j]) != math.Float64bits(w) {
					t.Fatalf("%s: story %s's slot %d weighs %v, term by term %v", a.ID, h.owner.id, j, g.owner.w[j], w)
				}
			}
		}
	}
	if rescaled == 0 || laterWeightsRewritten == 0 {
		t.Fatalf("%d stories rescaled by the walks, %d postings' weights rewritten by them: the probe tells nothing", rescaled, laterWeightsRewritten)
	}
	t.Logf("%d stories rescaled by the walks, %d postings' weights rewritten by them", rescaled, laterWeightsRewritten)
}

// staleStories counts a clusterer's stories a first touch would rescale.
func staleStories(c *Clusterer) int {
	n := 0
	for _, s := range c.stories {
		if scaleStale(s.storyHead, c.df.docs()) {
			n++
		}
	}
	return n
}

// postingWeights lists the weights of the postings a lookup reads, term by
// term in its order.
func postingWeights(c *Clusterer, q *query, lookups []int) []float64 {
	var ws []float64
	for _, i := range lookups {
		if l := c.termPostings(q.f.terms[i].h); l != nil {
			for _, p := range l.ps[max(0, len(l.ps)-maxPostingsRead):] {
				ws = append(ws, p.w)
			}
		}
	}
	return ws
}

// changedWeights counts the weights that differ between two lists of one
// lookup's postings.
func changedWeights(before, after []float64) int {
	n := 0
	for i := range min(len(before), len(after)) {
		if before[i] != after[i] {
			n++
		}
	}
	return n
}

// TestWalkHoldsNoPostingsAfterIt: the postings a walk found for its terms
// (lookupPostings) are let go of when it ends, so that an eviction after
// it frees the arrays it empties; and they were the lookup's, one list a
// term.
func TestWalkHoldsNoPostingsAfterIt(t *testing.T) {
	c := staleProbeClusterer()
	f, _ := featuresOf(inventedReport(rand.New(rand.NewPCG(17, 18)), "q", 3, time.Time{}))
	q := c.prepareQuery(&f)
	lookups := c.lookupTerms(q)
	lookups = lookups[:min(maxLookups, len(lookups))]
	lists := c.lookupPostings(q, lookups)
	if len(lists) != len(lookups) || len(lists[0]) == 0 {
		t.Fatalf("%d lists for %d terms, the first of %d postings", len(lists), len(lookups), len(lists[0]))
	}
	c.touchPostings(q, lookups, f.when)
	for k, ps := range c.lookupPosts[:len(lookups)] {
		if ps != nil {
			t.Fatalf("after the walk, the scratch still holds term %d's %d postings", k, len(ps))
		}
	}
}

// TestKeptUnlessZeroesOrKeepsToTheBit: the walk's partial at a posting is
// kept to the bit when the posting is not the story's first touch, and is
// +0 when it is (as the walk that set it to 0 at a first touch), whatever
// it held: a sum of another lookup, a negative or signed zero, an
// infinity or NaN of a story not open, a subnormal.
func TestKeptUnlessZeroesOrKeepsToTheBit(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1.5, -2.25, math.SmallestNonzeroFloat64, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN()} {
		if got := keptUnless(x, false); math.Float64bits(got) != math.Float64bits(x) {
			t.Errorf("keptUnless(%v, false) = %v (bits %x), want it kept (bits %x)", x, got, math.Float64bits(got), math.Float64bits(x))
		}
		if got := keptUnless(x, true); math.Float64bits(got) != 0 {
			t.Errorf("keptUnless(%v, true) = %v (bits %x), want +0", x, got, math.Float64bits(got))
		}
	}
}
