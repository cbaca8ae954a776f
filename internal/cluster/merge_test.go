package cluster

import (
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func TestMergesStoriesThatTurnOutToBeOne(t *testing.T) {
	// The wire story and a report in other words start two stories; a
	// roundup that tells both fits both, joins one, and the two are merged.
	c := New(Options{})
	wire := c.Add(strikeWire)
	own := c.Add(strikeOwnReport)
	if own.StoryID == wire.StoryID {
		t.Fatalf("the independent report joined the wire's story (score %.2f); the test needs two stories", own.Score)
	}
	if changes := c.TakeChanges(); len(changes) != 0 {
		t.Fatalf("changes before any merge: %+v", changes)
	}
	roundup := news.Article{ID: "roundup", Published: day(16).Add(6 * time.Hour), Title: "Calder strike over, port reopens",
		Text: strikeWire.Text + "\n\n" + strikeOwnReport.Text}
	m := c.Add(roundup)
	changes := c.TakeChanges()
	if len(changes) != 1 {
		t.Fatalf("got changes %+v after the roundup joined %s, want one merge", changes, m.StoryID)
	}
	ch := changes[0]
	if ch.Kind != "merge" || ch.Story != m.StoryID || (ch.Other != wire.StoryID && ch.Other != own.StoryID) ||
		len(ch.Articles) != 1 || ch.Score < ch.Threshold || ch.Reason == "" {
		t.Errorf("merge = %+v, want the other story merged into the roundup's", ch)
	}
	if c.TakeChanges() != nil {
		t.Errorf("TakeChanges returned the same changes twice")
	}
	later := strikeOwnReport
	later.ID, later.Published = "own-2", later.Published.Add(time.Hour)
	if got := c.Add(later); got.StoryID != m.StoryID {
		t.Errorf("an article after the merge went to %s, want the merged story %s", got.StoryID, m.StoryID)
	}
}

func TestApplyChanges(t *testing.T) {
	assigned := map[string]string{"a": "s1", "b": "s2", "c": "s2"}
	ApplyChanges(assigned, []news.StoryChange{
		{Kind: "merge", Story: "s1", Other: "s2", Articles: []string{"b", "c"}},
		{Kind: "split", Story: "s1", Other: "s3", Articles: []string{"c"}},
	})
	if assigned["a"] != "s1" || assigned["b"] != "s1" || assigned["c"] != "s3" {
		t.Errorf("after a merge and a split: %v", assigned)
	}
}

// TestMemoDropsWhatALearnMadeStale: an article counted inside a memoised
// span changes the IDF, and the query memoised before it is not given
// again; a memoise inside another panics.
func TestMemoDropsWhatALearnMadeStale(t *testing.T) {
	c := New(Options{})
	f, _ := featuresOf(news.Article{Title: "Harbour closed by storm",
		Text: "The harbour closed as the storm came ashore, officials said on Tuesday."})
	other, _ := featuresOf(news.Article{Title: "Storm reaches the coast",
		Text: "Officials said the storm reached the coast and the harbour stayed shut."})
	c.learn(&other)
	done := c.memoise()
	defer done()
	before := slices.Clone(c.prepareQuery(&f).weights)
	if again := c.prepareQuery(&f).weights; !slices.Equal(again, before) {
		t.Fatalf("memoised query changed with nothing counted: %v, was %v", again, before)
	}
	c.learn(&other)
	fresh := New(Options{})
	fresh.learn(&other)
	fresh.learn(&other)
	want := fresh.prepareQuery(&f).weights
	if got := c.prepareQuery(&f).weights; !slices.Equal(got, want) {
		t.Errorf("query after a document was counted: %v, want %v (memoised %v)", got, want, before)
	}
	defer func() {
		if recover() == nil {
			t.Error("a memoise inside another did not panic")
		}
	}()
	c.memoise()
}
