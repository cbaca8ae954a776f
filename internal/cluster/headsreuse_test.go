package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestReusedHeadsNeverReadAsAnotherStorys: a stream of invented reports of
// many topics, settled every few dozen reports (so that stories merge) and
// a day ending every 24 (so that stories close and are let go of, their
// heads handed back and handed out again), must keep, after every step,
// each posting pointing at the head of a story still held (open, or merged
// since the last eviction), that story's head pointing back at it, no two
// held stories sharing a head, and no head handed back being a held
// story's: a head handed out again while something read it as the old
// story's would break one of these.
func TestReusedHeadsNeverReadAsAnotherStorys(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 3000, 150
	reused, mergedSeen := 0, 0
	for i := range reports {
		when := start.Add(time.Duration(i) * time.Hour)
		if i > 0 && i%24 == 0 {
			c.EndDay(when)
		}
		freed := len(c.heads.freed)
		// Topics drift over the stream, so stories close and are dropped.
		c.Add(inventedReport(r, fmt.Sprintf("r%d", i), i/20+r.IntN(topics/10), when))
		if len(c.heads.freed) < freed {
			reused++
		}
		if i%37 == 0 {
			c.Settle()
		}
		if len(c.mergedSinceEvict) > 0 {
			mergedSeen++
		}
		checkHeads(t, c, i)
		if t.Failed() {
			return
		}
	}
	if reused == 0 || mergedSeen == 0 {
		t.Fatalf("%d heads handed out again, %d steps with merged stories held: the test needs both", reused, mergedSeen)
	}
}

// checkHeads fails t if a posting, a held story or a handed-back head
// breaks the heads' invariant (see TestReusedHeadsNeverReadAsAnotherStorys).
func checkHeads(t *testing.T, c *Clusterer, step int) {
	t.Helper()
	held := map[*story]bool{}
	for _, s := range c.stories {
		held[s] = true
	}
	for _, s := range c.mergedSinceEvict {
		held[s] = true
	}
	owners := map[*storyHead]*story{}
	for s := range held {
		if s.storyHead.owner != s {
			t.Errorf("after report %d: held story %s's head names %v", step, s.id, s.storyHead.owner)
		}
		if o, taken := owners[s.storyHead]; taken {
			t.Errorf("after report %d: stories %s and %s share a head", step, s.id, o.id)
		}
		owners[s.storyHead] = s
	}
	for _, h := range c.heads.freed {
		if o, taken := owners[h]; taken {
			t.Errorf("after report %d: story %s's head is handed back", step, o.id)
		}
	}
	c.postings.each(func(term uint64, ps []posting) {
		for _, p := range ps {
			if owners[p.head] == nil {
				t.Errorf("after report %d: a posting of term %x points at a head no held story has (owner %v)", step, term, p.head.owner)
				return
			}
		}
	})
}
