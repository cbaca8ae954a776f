package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// fireFollow and fireReport tell the warehouse fire again, in other words.
var (
	fireFollow = news.Article{ID: "fire-follow", Title: "Cause of Calder warehouse fire under investigation",
		Text: "Investigators were sifting through the remains of the timber warehouse on the Calder waterfront on Friday.\n\n" +
			"The Calder Fire Department said about 60 firefighters had fought the blaze, and no one was injured."}
	fireReport = news.Article{ID: "fire-report", Title: "Timber warehouse burns on Calder waterfront",
		Text: "Smoke hung over the Calder harbour district after a timber warehouse on the waterfront burned on Thursday night.\n\n" +
			"Firefighters fought the blaze for four hours, the Calder Fire Department said. No one was injured."}
)

// mixStory restores a story that holds two strike reports and two reports
// of the warehouse fire (as a single pass leaves one whose first reports
// said little), then adds four reports of the strike that join it, so that
// Settle looks at it again.
func mixStory(t *testing.T, c *Clusterer) map[string]string {
	t.Helper()
	stories := map[string]string{}
	for _, a := range []news.Article{strikeWire, strikeRewrite, warehouseFire, fireFollow} {
		c.Restore(undated(a), "mixed")
		stories[a.ID] = "mixed"
	}
	updates := []news.Article{undated(strikeCopy)}
	for i, p := range strings.Split(strikeOwnReport.Text, "\n\n") {
		updates = append(updates, news.Article{ID: fmt.Sprintf("update-%d", i), Title: strikeWire.Title, Text: strikeWire.Text + "\n\n" + p})
	}
	for _, a := range updates {
		if m := c.Add(a); m.StoryID != "mixed" {
			t.Fatalf("%s went to %s (%s); the test needs it in the mixed story", a.ID, m.StoryID, m.Reason)
		}
		stories[a.ID] = "mixed"
	}
	return stories
}

func TestSettleSplitsOffTheReportsOfAnotherEvent(t *testing.T) {
	c := New(Options{})
	stories := mixStory(t, c)
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 {
		t.Fatalf("changes = %+v, want the fire's reports split off", chs)
	}
	ch := chs[0]
	slices.Sort(ch.Articles)
	if ch.Kind != "split" || ch.Story != "mixed" || ch.Other == "mixed" || !slices.Equal(ch.Articles, []string{"fire-follow", "warehouse"}) ||
		ch.Score >= ch.Threshold || !strings.Contains(ch.Reason, "two groups") {
		t.Errorf("change = %+v", ch)
	}
	ApplyChanges(stories, chs)
	if stories["warehouse"] != stories["fire-follow"] || stories["warehouse"] == stories["wire"] || stories["wire"] != "mixed" {
		t.Errorf("stories after the split = %v", stories)
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("settling again changed %+v", chs)
	}
	next := c.Add(news.Article{ID: "fire-later", Title: warehouseFire.Title, Text: warehouseFire.Text + "\n\nThe warehouse stored timber for export."})
	if next.StoryID != stories["warehouse"] {
		t.Errorf("a later fire report went to %s (%s), want the split-off story %s", next.StoryID, next.Reason, stories["warehouse"])
	}
}

func TestSettleMovesReportsToTheStoryOfTheirEvent(t *testing.T) {
	c := New(Options{})
	fire := c.Add(undated(fireReport))
	stories := mixStory(t, c)
	stories["fire-report"] = fire.StoryID
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 {
		t.Fatalf("changes = %+v, want the fire's reports moved to %s", chs, fire.StoryID)
	}
	ch := chs[0]
	slices.Sort(ch.Articles)
	if ch.Kind != "split" || ch.Story != "mixed" || ch.Other != fire.StoryID || !slices.Equal(ch.Articles, []string{"fire-follow", "warehouse"}) ||
		ch.Score < ch.Threshold || !strings.Contains(ch.Reason, "moved") {
		t.Errorf("change = %+v", ch)
	}
	ApplyChanges(stories, chs)
	if stories["warehouse"] != fire.StoryID || stories["fire-follow"] != fire.StoryID || stories["wire"] != "mixed" {
		t.Errorf("stories after the move = %v", stories)
	}
}

func TestSettleLeavesAStoryOfOneEventWhole(t *testing.T) {
	c := New(Options{})
	mixStory(t, c)
	c.TakeChanges()
	c.Settle()
	c.TakeChanges()
	for i := range 8 {
		c.Add(news.Article{ID: fmt.Sprintf("more-%d", i), Title: strikeWire.Title, Text: strikeRewrite.Text + fmt.Sprintf("\n\nUpdate %d.", i)})
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("a story of the strike alone was changed: %+v", chs)
	}
}

func TestNoRegroupLeavesAMixedStoryAsItIs(t *testing.T) {
	c := New(Options{NoRegroup: true})
	mixStory(t, c)
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("with NoRegroup, settling changed %+v", chs)
	}
}

func TestSplitOffStoryHasAnIDNoStoryHad(t *testing.T) {
	c := New(Options{})
	mixStory(t, c)
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 || chs[0].Kind != "split" {
		t.Fatalf("changes = %+v, want the fire's reports split off", chs)
	}
	// An id named after an article it holds would be the id of the story
	// that article started, merged away or closed since.
	for _, id := range chs[0].Articles {
		if chs[0].Other == StoryID(id) {
			t.Errorf("the split-off story %s is named after its article %s", chs[0].Other, id)
		}
	}
}
