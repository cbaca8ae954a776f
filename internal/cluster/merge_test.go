package cluster

import "testing"

func TestMergesStoriesThatTurnOutToBeOne(t *testing.T) {
	// A strict join threshold keeps the rewrite out of the wire's story; the
	// wire's copy then makes that story two articles, both close to the
	// rewrite, and the two stories are merged.
	c := New(Options{Threshold: 0.9, MergeThreshold: 0.3})
	wire := c.Add(strikeWire)
	rewrite := c.Add(strikeRewrite)
	if rewrite.StoryID == wire.StoryID {
		t.Fatalf("the rewrite joined the wire's story at threshold 0.9; the test needs two stories")
	}
	if changes := c.TakeChanges(); len(changes) != 0 {
		t.Fatalf("changes before any merge: %+v", changes)
	}
	c.Add(strikeCopy)
	changes := c.TakeChanges()
	if len(changes) != 1 {
		t.Fatalf("got changes %+v, want one merge", changes)
	}
	ch := changes[0]
	if ch.Kind != "merge" || ch.Story != wire.StoryID || ch.Other != rewrite.StoryID ||
		len(ch.Articles) != 1 || ch.Articles[0] != "rewrite" || ch.Score < ch.Threshold || ch.Reason == "" {
		t.Errorf("merge = %+v, want the rewrite's story merged into the wire's", ch)
	}
	if c.TakeChanges() != nil {
		t.Errorf("TakeChanges returned the same changes twice")
	}
	later := strikeRewrite
	later.ID, later.Published = "rewrite-2", later.Published.Add(1)
	if m := c.Add(later); m.StoryID != wire.StoryID {
		t.Errorf("an article after the merge went to %s, want the merged story %s", m.StoryID, wire.StoryID)
	}
}

func TestSplitsAnArticleThatDrifted(t *testing.T) {
	// With a join threshold this low the unrelated report joins the strike;
	// the split check takes it out again as soon as the story has three
	// articles.
	c := New(Options{Threshold: 0.01, SplitThreshold: 0.25, MergeThreshold: 0.99})
	wire := c.Add(strikeWire)
	warehouse := c.Add(warehouseFire)
	if warehouse.StoryID != wire.StoryID {
		t.Fatalf("the warehouse fire did not join the strike at threshold 0.01; the test needs it to")
	}
	c.Add(strikeRewrite)
	changes := c.TakeChanges()
	if len(changes) != 1 || changes[0].Kind != "split" || changes[0].Story != wire.StoryID ||
		len(changes[0].Articles) != 1 || changes[0].Articles[0] != "warehouse" || changes[0].Score >= changes[0].Threshold {
		t.Fatalf("changes = %+v, want the warehouse fire split off the strike", changes)
	}
	split := changes[0].Other
	next := warehouseFire
	next.ID, next.Published = "warehouse-2", next.Published.Add(1)
	next.Text += "\n\nFire crews stayed at the Calder warehouse overnight."
	if m := c.Add(next); m.StoryID != split {
		t.Errorf("a second warehouse report went to %s, want the split-off story %s", m.StoryID, split)
	}
}
