package cluster

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// boutReport is report i of a stream's first event: the event's six words
// (made up, as the bout's names and place would be) and twenty of its own,
// as a report's commentary is.
func boutReport(i int) news.Article {
	var w []string
	for j := range 6 {
		w = append(w, inventedWord(5000+j))
	}
	for j := range 20 {
		w = append(w, inventedWord(100*i+j))
	}
	return news.Article{ID: fmt.Sprintf("bout%d", i), Title: strings.Join(w[:4], " "), Text: strings.Join(w, " ") + "."}
}

// coldStream places six reports of one event and then 26 articles each on
// a subject of its own (undated), as a caller that records changes does
// (engine.Stream: a new day's changes, the placement, its changes), and
// does not settle: a stream that goes on, where the settle at the end of
// a file would merge this fixture's stories at last. It returns each
// article's story with every change applied, and the changes.
func coldStream(t *testing.T, c *Clusterer) (map[string]string, []news.StoryChange) {
	t.Helper()
	var arts []news.Article
	for i := range 6 {
		arts = append(arts, boutReport(i))
	}
	for i := range 26 {
		arts = append(arts, filler(i))
	}
	story := map[string]string{}
	var changes []news.StoryChange
	take := func() {
		chs := c.TakeChanges()
		ApplyChanges(story, chs)
		changes = append(changes, chs...)
	}
	for _, a := range arts {
		c.EndDay(a.Published)
		take()
		story[a.ID] = c.Add(a).StoryID
		take()
	}
	return story, changes
}

// boutStories lists the stories that hold the first event's reports.
func boutStories(story map[string]string) []string {
	in := map[string]bool{}
	for i := range 6 {
		in[story[fmt.Sprintf("bout%d", i)]] = true
	}
	return slices.Sorted(maps.Keys(in))
}

// ownStories is each article's story as the clusterer holds it.
func ownStories(c *Clusterer) map[string]string {
	out := map[string]string{}
	for id, s := range c.stories {
		for _, a := range s.ids {
			out[a] = id
		}
	}
	return out
}

// TestColdStartMergesTheFirstEventsReports: while a stream holds only its
// first event's reports, the event's words are in every document and weigh
// least, so the reports start stories of their own (the fixture checks
// that it does so without the cold start looked at again); once the stream
// has 30 articles, the first are placed again with the weights 30 give, and
// the event's stories are merged, before the 31st is placed, each merge
// recorded: a caller that applies the changes holds the clusterer's own
// stories.
func TestColdStartMergesTheFirstEventsReports(t *testing.T) {
	split, _ := coldStream(t, New(Options{ColdStart: -1}))
	if got := boutStories(split); len(got) < 2 {
		t.Fatalf("without the cold start looked at again, the first event's reports are in %d story: the fixture no longer splits them", len(got))
	}
	c := New(Options{ColdStart: 30})
	story, changes := coldStream(t, c)
	if got := boutStories(story); len(got) != 1 {
		t.Errorf("the first event's reports are in %d stories %v, want one", len(got), got)
	}
	if own := ownStories(c); !maps.Equal(own, story) {
		t.Errorf("the memberships with the changes applied are not the clusterer's stories:\napplied %v\nown     %v", story, own)
	}
	replayed := 0
	for _, ch := range changes {
		if strings.Contains(ch.Reason, "placed again once the stream had 30 articles") {
			replayed++
			if ch.Kind != "merge" || !slices.ContainsFunc(ch.Articles, func(id string) bool { return strings.HasPrefix(id, "bout") }) {
				t.Errorf("the cold start's change is not a merge of the event's reports: %+v", ch)
			}
		}
	}
	if replayed == 0 {
		t.Errorf("no change says the cold start was looked at again: %+v", changes)
	}
}

// TestColdStartOnceAndRepeatable: the cold start is looked at once per
// stream (the articles after the 30th are not kept, and a second look
// never comes), and two runs of one stream give the same stories and
// changes.
func TestColdStartOnceAndRepeatable(t *testing.T) {
	a, b := New(Options{ColdStart: 30}), New(Options{ColdStart: 30})
	sa, ca := coldStream(t, a)
	sb, cb := coldStream(t, b)
	if !maps.Equal(sa, sb) || !slices.EqualFunc(ca, cb, func(x, y news.StoryChange) bool {
		return x.Kind == y.Kind && x.Story == y.Story && x.Other == y.Other && slices.Equal(x.Articles, y.Articles) && x.Reason == y.Reason
	}) {
		t.Errorf("two runs of one stream differ:\n%v %v\n%v %v", sa, ca, sb, cb)
	}
	if !a.cold.over || a.cold.first != nil {
		t.Errorf("after the cold start was looked at, the clusterer still keeps %d articles for it (over: %v)", len(a.cold.first), a.cold.over)
	}
}

// TestRestoredClustererKeepsItsColdStart: a clusterer rebuilt from storage
// keeps the stories the stored run made of the stream's first articles
// (its cold start was that run's, and this one has not their features):
// it keeps no article to place again, and never merges for it.
func TestRestoredClustererKeepsItsColdStart(t *testing.T) {
	c := New(Options{ColdStart: 4})
	c.Restore(boutReport(0), "stored")
	c.Resume()
	for i := 1; i < 6; i++ {
		c.Add(boutReport(i))
		if len(c.cold.first) != 0 {
			t.Fatalf("a restored clusterer keeps %d articles for a cold start it is not to look at", len(c.cold.first))
		}
	}
	for _, ch := range c.TakeChanges() {
		if strings.Contains(ch.Reason, "placed again") {
			t.Errorf("a restored clusterer looked at its cold start again: %+v", ch)
		}
	}
}
