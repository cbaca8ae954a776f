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
