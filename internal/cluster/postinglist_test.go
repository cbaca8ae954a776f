package cluster

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// postingsOf is the postings of term h in c, nil when no story holds it.
func postingsOf(c *Clusterer, h uint64) []posting {
	l, _ := c.postings.get(h)
	if l == nil {
		return nil
	}
	return l.ps
}

// TestRescaleLooksNoTermUpInThePostings: scaling a story's members again
// writes each slot's copy of its weight through the slot's own reference
// to its term's postings, without one lookup of a term in the postings
// table, and gives the weights and postings of scaling term by term, to
// the last bit.
func TestRescaleLooksNoTermUpInThePostings(t *testing.T) {
	c, s := rescaleFixture()
	ref, refStory := rescaleFixture()
	c.postingReads = 0
	c.rescale(s)
	rescaleEachTerm(ref, refStory)
	if c.postingReads != 0 {
		t.Errorf("rescaling a story of %d slots looked terms up in the postings %d times, want none", len(s.w), c.postingReads)
	}
	sameAsTermByTerm(t, c, s, ref, refStory)
}

// TestJoinLooksUpOnlyTheStorysNewTerms: an article joining a story looks
// up in the postings only the terms the story did not hold (to give it a
// slot and a posting); a term it holds has its posting at hand.
func TestJoinLooksUpOnlyTheStorysNewTerms(t *testing.T) {
	c, s := rescaleFixture()
	a := news.Article{ID: "crane-late", Title: "Crane collapses at Calder harbour",
		Text: "A crane collapsed at Calder harbour on Tuesday. The port authority opened an inquiry. Salvage crews lifted the jib."}
	f, _ := featuresOf(a)
	c.learn(&f)
	newTerms := 0
	for _, term := range f.terms {
		if _, held := s.slot.get(term.h); !held {
			newTerms++
		}
	}
	if newTerms == 0 || newTerms == len(f.terms) {
		t.Fatalf("the article has %d terms the story does not hold, of %d; the test needs some of each", newTerms, len(f.terms))
	}
	c.postingReads = 0
	c.join(s, a.ID, &f)
	if c.postingReads != newTerms {
		t.Errorf("joining looked terms up in the postings %d times; the article has %d terms, %d of them new to the story",
			c.postingReads, len(f.terms), newTerms)
	}
	checkSlotPostings(t, c, "after the join")
}

// checkSlotPostings reports, as errors of t, a held story (open, or
// merged since the last eviction: its postings stay until then) whose slot
// does not refer to the postings the clusterer holds for its term, or
// whose posting there is not its own.
func checkSlotPostings(t *testing.T, c *Clusterer, when string) {
	t.Helper()
	held := slices.Collect(maps.Values(c.stories))
	for _, s := range append(held, c.mergedSinceEvict...) {
		for i, h := range s.hashes {
			l, _ := c.postings.get(h)
			if l != s.lists[i] {
				t.Errorf("%s: story %s's slot %d refers to other postings than its term's", when, s.id, i)
				continue
			}
			if at := int(s.at[i]); at >= len(l.ps) || l.ps[at].head != s.storyHead {
				t.Errorf("%s: story %s's slot %d: its posting is not at %d", when, s.id, i, at)
			}
		}
	}
}

// TestSlotPostingsFollowEvictions: over an undated stream of three topics
// at a time, whose stories close by arrivals and are let go of (their
// postings removed, the others' moved up), every held story's slots keep
// referring to their terms' postings, where the story's posting is.
func TestSlotPostingsFollowEvictions(t *testing.T) {
	c := New(Options{UndatedWindow: 40})
	made := map[string]bool{}
	for i := range 2500 { // the clusterer evicts every 1,000 articles
		topic := i/20*3 + i%3 // three topics at a time, each for 20 reports
		m := c.Add(news.Article{ID: fmt.Sprintf("r%04d", i), Title: fmt.Sprintf("Topic%d report", topic),
			Text: fmt.Sprintf("Topic%d news: word%d and word%d met word%d at the harbour.", topic, i%7, i%11, i%13)})
		made[m.StoryID] = true
		if i%250 == 249 {
			checkSlotPostings(t, c, fmt.Sprintf("after report %d", i))
		}
	}
	if len(c.stories) >= len(made) {
		t.Errorf("%d stories held of %d made: the stream let none go, and the test needs evictions", len(c.stories), len(made))
	}
}
