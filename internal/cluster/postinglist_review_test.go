package cluster

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// wharfReport is an undated report of a wharf fire in words that
// inventedReport never writes (it uses no c, h, j, q, w, x or y), so that
// no other story of a stream of invented reports holds its terms.
func wharfReport(id string) news.Article {
	return news.Article{ID: id, Title: "Whyche wharf fire: Quixhollow cranes wrecked",
		Text: "Fire wrecked the Quixhollow cranes at Whyche wharf. Jyncroft crews watched the Quixhollow jetty char."}
}

// museumReport is an undated report of another event that shares one
// word with wharfReport (Quixhollow), so that its story keeps that term's
// postings in the table after the wharf story is let go of.
func museumReport(id string, k int) news.Article {
	return news.Article{ID: id, Title: "Quixhollow museum reopens its galleries",
		Text: fmt.Sprintf("The Quixhollow museum reopened its Bellchamber galleries after renovation; visitor%d queued.", k)}
}

// museumOrInvented is the i-th undated report of a stream: a museumReport
// every third, so that the museum's story keeps growing, else an invented
// report of the given topic.
func museumOrInvented(r *rand.Rand, id string, i, topic int) news.Article {
	if i%3 == 0 {
		return museumReport(id, i)
	}
	return inventedReport(r, id, topic, time.Time{})
}

// dropWharfStory is a clusterer of undated reports (stories let go of
// five arrivals after they last grew) whose first report, wharfReport,
// made a story that an eviction has since let go of, with that story and
// the head it had. The 1,100 invented reports after it, a museumReport
// every third (its story grows and stays held), reach the eviction at
// the 1,000th article.
func dropWharfStory(t *testing.T) (*Clusterer, *story, *storyHead) {
	t.Helper()
	r := rand.New(rand.NewPCG(47, 1))
	c := New(Options{UndatedWindow: 5})
	m := c.Add(wharfReport("wharf-0"))
	wharf := c.stories[m.StoryID]
	head := wharf.storyHead
	for i := range 1100 {
		c.Add(museumOrInvented(r, fmt.Sprintf("r%d", i), i, i/4))
	}
	if _, held := c.stories[wharf.id]; held || wharf.merged {
		t.Fatalf("the wharf story is held (merged %v) after 1,100 other reports: the test needs it let go of", wharf.merged)
	}
	return c, wharf, head
}

// addUntilHeadReused adds at most n more undated invented reports to c,
// until a held story has head, and reports whether one does.
func addUntilHeadReused(c *Clusterer, head *storyHead, n int) bool {
	r := rand.New(rand.NewPCG(47, 2))
	for i := range n {
		for _, s := range c.stories {
			if s.storyHead == head {
				return true
			}
		}
		c.Add(museumOrInvented(r, fmt.Sprintf("more%d", i), i, 5000+i/4))
	}
	return false
}

// TestEmptiedPostingsKeepNoArray: when an eviction leaves no story in a
// term's postings, the term leaves the table, and the list that a story
// let go of still refers to through its slot holds no array: before the
// lists, the emptied postings were garbage once out of the table, and a
// story let go of may be held a while yet (the lone list, a parting).
func TestEmptiedPostingsKeepNoArray(t *testing.T) {
	c, wharf, _ := dropWharfStory(t)
	gone := 0
	for i, h := range wharf.hashes {
		if l, _ := c.postings.get(h); l != nil {
			continue // another story holds the term
		}
		gone++
		if n := cap(wharf.lists[i].ps); n != 0 {
			t.Errorf("slot %d: the emptied postings of a term no story holds keep an array of %d postings alive", i, n)
		}
	}
	if gone == 0 || gone == len(wharf.hashes) {
		t.Fatalf("%d of the wharf story's %d terms left the postings: the test needs some, not all", gone, len(wharf.hashes))
	}
}

// TestDroppedStoryWritesNoPosting: a story let go of, whose terms came
// back in a new story's postings (a new list for each, the old emptied
// one left to its slots) and whose head was handed out to another story,
// writes no posting when its weights are set or it is scaled again: its
// slots' old lists are empty, and no posting of the lists in the table
// has its head.
func TestDroppedStoryWritesNoPosting(t *testing.T) {
	c, wharf, oldHead := dropWharfStory(t)
	if !addUntilHeadReused(c, oldHead, 3000) {
		t.Fatalf("the wharf story's head was not handed out again in 3,000 more reports: the test needs it")
	}
	m := c.Add(wharfReport("wharf-again"))
	again := c.stories[m.StoryID]
	if again == nil || again == wharf {
		t.Fatalf("the second wharf report is in story %q, want a new held story", m.StoryID)
	}
	before := map[*postingList][]float64{}
	c.postings.each(func(_ uint64, l *postingList) {
		for _, p := range l.ps {
			before[l] = append(before[l], p.w)
		}
	})
	const marked = 12345.0 // a weight no report gives
	for i := range wharf.w {
		c.setWeight(wharf, int32(i), marked)
	}
	wharf.scaleDocs = 1 // stale
	c.rescale(wharf)
	c.postings.each(func(h uint64, l *postingList) {
		for k, p := range l.ps {
			if p.w != before[l][k] {
				t.Errorf("term %x: posting %d's weight went from %v to %v by writing a story let go of", h, k, before[l][k], p.w)
			}
		}
	})
	shared := 0 // slots whose list is still the table's: another story holds the term
	for i, h := range wharf.hashes {
		if l, _ := c.postings.get(h); l == wharf.lists[i] {
			shared++
			continue
		}
		if len(wharf.lists[i].ps) != 0 {
			t.Errorf("slot %d: the let-go story's emptied list holds %d postings", i, len(wharf.lists[i].ps))
		}
		if j, held := again.slot.get(h); held && again.lists[j] == wharf.lists[i] {
			t.Errorf("slot %d: the new story's slot refers to the emptied list of the story let go of", i)
		}
	}
	if shared == 0 {
		t.Errorf("no slot of the wharf story refers to a list still in the table: the test needs one (Quixhollow)")
	}
	checkSlotPostings(t, c, "after the wharf came back")
}

// TestPlacingPreparedOnWorkersAsAdd: a stream of 1,500 undated invented
// reports (an eviction at the 1,000th), prepared by four goroutines while
// the placing one places those prepared before (as `eval cluster --stream`
// and the engine's writer do), gives every report the story Add gives it,
// and leaves each held story's slots referring to its terms' postings:
// preparing reads no posting, so workers change nothing of the lists.
func TestPlacingPreparedOnWorkersAsAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(47, 3))
	reports := make([]news.Article, 1500)
	for i := range reports {
		reports[i] = museumOrInvented(r, fmt.Sprintf("r%d", i), i, i/4)
	}
	serial := New(Options{UndatedWindow: 5})
	want := make([]string, len(reports))
	for i, a := range reports {
		want[i] = serial.Add(a).StoryID
	}
	c := New(Options{UndatedWindow: 5})
	prepared := make([]chan Prepared, len(reports))
	for i := range prepared {
		prepared[i] = make(chan Prepared, 1)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(reports); i += 4 {
				prepared[i] <- c.Prepare(reports[i])
			}
		})
	}
	for i := range reports {
		if got := c.AddPrepared(<-prepared[i]).StoryID; got != want[i] {
			t.Errorf("report %s: story %s prepared on workers, %s by Add", reports[i].ID, got, want[i])
		}
	}
	wg.Wait()
	checkSlotPostings(t, c, "after the stream")
}
