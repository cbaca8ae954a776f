package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestHeadSlabsFollowTheStoriesHeld: a stream of 2,000 short stories of
// three reports each, an hour apart, lets go of each story a window after
// its last report (evict): the slabs of story heads must hold about as
// many heads as the stories held at once, not as the stream's stories (a
// head held by its slab holds its story), no two stories share a head,
// and a story let go of keeps what its head said.
func TestHeadSlabsFollowTheStoriesHeld(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports = 6000
	most := 0 // the most stories held at once, open or merged and not yet let go of
	var first *story
	firstN := 0
	for i := range reports {
		m := c.Add(inventedReport(r, fmt.Sprintf("r%d", i), i/3, start.Add(time.Duration(i)*time.Hour)))
		if i == 0 {
			first = c.stories[m.StoryID]
		}
		if i == 2 {
			firstN = first.n
		}
		most = max(most, len(c.stories)+len(c.mergedSinceEvict))
	}
	if _, held := c.stories[first.id]; held {
		t.Fatalf("the first story is still held after %d reports: the test needs it let go of", reports)
	}
	if first.n != firstN || first.storyHead.owner != nil {
		t.Errorf("the first story, let go of, reads %d articles (%d before) and owner %p, want nil", first.n, firstN, first.storyHead.owner)
	}
	heads := map[*storyHead]string{first.storyHead: first.id}
	for id, s := range c.stories {
		if other, taken := heads[s.storyHead]; taken {
			t.Errorf("stories %s and %s share a head", id, other)
		}
		if s.storyHead.owner != s {
			t.Errorf("story %s's head names another story", id)
		}
		heads[s.storyHead] = id
	}
	if want := most/headsPerSlab + 2; c.heads.slabs > want {
		t.Errorf("%d slabs of heads for at most %d stories held at once (%d made in all), want at most %d",
			c.heads.slabs, most, c.seq, want)
	}
}

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
	c.postings.each(func(term uint64, l *postingList) {
		for _, p := range l.ps {
			if owners[p.head] == nil {
				t.Errorf("after report %d: a posting of term %x points at a head no held story has (owner %v)", step, term, p.head.owner)
				return
			}
		}
	})
	checkSlotPostings(t, c, fmt.Sprintf("after report %d", step))
}

// TestReusedHeadsUndatedAndRestored: the same invariant (see checkHeads)
// for the two other ways stories come and go: undated reports, whose
// stories are let go of by arrivals (Options.UndatedWindow), and a
// clusterer rebuilt from storage (Restore, Resume, as the engine's writer
// does) whose restored stories close and are dropped as the stream moves
// on, their heads handed out to new stories.
func TestReusedHeadsUndatedAndRestored(t *testing.T) {
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	t.Run("undated", func(t *testing.T) {
		r := rand.New(rand.NewPCG(13, 14))
		c := New(Options{UndatedWindow: 200})
		for i := range 2000 {
			c.Add(inventedReport(r, fmt.Sprintf("u%d", i), i/15+r.IntN(10), time.Time{}))
			if i%29 == 0 {
				c.Settle()
			}
			checkHeads(t, c, i)
			if t.Failed() {
				return
			}
		}
		if c.heads.slabs*headsPerSlab >= c.seq {
			t.Fatalf("%d slabs for %d stories: the test needs heads handed out again", c.heads.slabs, c.seq)
		}
	})
	t.Run("restored", func(t *testing.T) {
		r := rand.New(rand.NewPCG(15, 16))
		c := New(Options{})
		for i := range 300 {
			k := i / 4
			c.Restore(inventedReport(r, fmt.Sprintf("s%d", i), k, start.Add(time.Duration(i)*time.Hour)), fmt.Sprintf("story%d", k))
		}
		c.Resume()
		checkHeads(t, c, -1)
		later := start.Add(60 * 24 * time.Hour)
		for i := range 1500 {
			when := later.Add(time.Duration(i) * time.Hour)
			if i%24 == 0 {
				c.EndDay(when)
			}
			c.Add(inventedReport(r, fmt.Sprintf("n%d", i), 1000+i/20+r.IntN(8), when))
			if i%31 == 0 {
				c.Settle()
			}
			checkHeads(t, c, i)
			if t.Failed() {
				return
			}
		}
		for _, s := range c.stories {
			if s.created <= 300 {
				t.Fatalf("restored story %s still held: the test needs the restored stories let go of", s.id)
			}
		}
	})
}
