package cluster

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// growPastOwnReport adds the own report, then the wire story and three
// updated wire copies that each take up one paragraph of the own report:
// when the own report came, the wire alone was not close enough (0.21), but
// the story it has grown into is. Merges are left to Settle.
func growPastOwnReport(t *testing.T, c *Clusterer) (own, wire news.Membership) {
	t.Helper()
	own = c.Add(strikeOwnReport)
	wire = c.Add(strikeWire)
	if wire.StoryID == own.StoryID {
		t.Fatalf("the wire joined the own report's story (%s); the test needs two stories", wire.Reason)
	}
	for i, p := range strings.Split(strikeOwnReport.Text, "\n\n") {
		update := news.Article{ID: fmt.Sprintf("update-%d", i), Published: day(16).Add(time.Duration(6+i) * time.Hour),
			Title: strikeWire.Title, Text: strikeWire.Text + "\n\n" + p}
		if m := c.Add(update); m.StoryID != wire.StoryID {
			t.Fatalf("%s went to %s, not the wire's story", update.ID, m.StoryID)
		}
	}
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Fatalf("changes before settling: %+v", chs)
	}
	return own, wire
}

func TestSettleMergesALoneReportIntoTheStoryThatGrew(t *testing.T) {
	c := New(Options{MergeThreshold: 0.99})
	own, wire := growPastOwnReport(t, c)
	fire := c.Add(news.Article{ID: "warehouse", Published: day(16).Add(10 * time.Hour), Title: warehouseFire.Title, Text: warehouseFire.Text})
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 {
		t.Fatalf("changes = %+v, want the own report merged into the wire's story", chs)
	}
	ch := chs[0]
	if ch.Kind != "merge" || ch.Story != wire.StoryID || ch.Other != own.StoryID || len(ch.Articles) != 1 || ch.Articles[0] != "own" ||
		ch.Score < ch.Threshold || !strings.Contains(ch.Reason, "grown") {
		t.Errorf("change = %+v", ch)
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("settling again changed %+v; the warehouse fire (%s) should stay alone", chs, fire.StoryID)
	}
	later := strikeOwnReport
	later.ID, later.Published = "own-again", day(16).Add(11*time.Hour)
	if m := c.Add(later); m.StoryID != wire.StoryID {
		t.Errorf("after the merge a copy of the own report went to %s, want %s", m.StoryID, wire.StoryID)
	}
}

func TestAddSettlesWhenADatedStreamPassesMidnight(t *testing.T) {
	c := New(Options{MergeThreshold: 0.99})
	own, wire := growPastOwnReport(t, c)
	c.Add(news.Article{ID: "warehouse", Published: day(16).Add(10 * time.Hour), Title: warehouseFire.Title, Text: warehouseFire.Text})
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Fatalf("an article of the same day settled: %+v", chs)
	}
	c.Add(wildfire) // day 18
	chs := c.TakeChanges()
	if len(chs) != 1 || chs[0].Story != wire.StoryID || chs[0].Other != own.StoryID {
		t.Fatalf("changes after the first article of a new day = %+v, want the own report merged into %s", chs, wire.StoryID)
	}
}

func TestSettleMergesStoriesOfOneEventThatGrewSideBySide(t *testing.T) {
	// The join threshold is set high so that no article crosses between the
	// wire's story and the own reporting's; nothing bridges them while the
	// stream runs, and only Settle, which compares whole stories, can.
	// The merge threshold is low enough for the two strike stories (a mean
	// probability of 0.07 with the shipped model) and above the fire's 0.02.
	c := New(Options{Threshold: 0.45, MergeThreshold: 0.05})
	at := func(a news.Article, hours int) news.Article {
		a.Published = day(16).Add(time.Duration(hours) * time.Hour)
		return a
	}
	ownFollow := news.Article{ID: "own-follow", Title: "Calder cranes busy as backlog clears",
		Text: "Cranes worked through the night at Calder as crews cleared the backlog of roughly 60 vessels left by the stoppage.\n\n" +
			"\"It feels good to be back,\" said Mara Ellison outside the union hall on Quay Street."}
	fireFollow := news.Article{ID: "fire-follow", Title: "Cause of Calder warehouse fire under investigation",
		Text: "Investigators were sifting through the remains of the timber warehouse on the Calder waterfront on Friday.\n\n" +
			"The Calder Fire Department said about 60 firefighters had fought the blaze, and no one was injured."}
	stories := map[string]string{}
	for i, a := range []news.Article{strikeWire, strikeOwnReport, strikeRewrite, ownFollow, warehouseFire, fireFollow} {
		stories[a.ID] = c.Add(at(a, i)).StoryID
	}
	if stories["wire"] != stories["rewrite"] || stories["own"] != stories["own-follow"] || stories["wire"] == stories["own"] ||
		stories["warehouse"] != stories["fire-follow"] {
		t.Fatalf("stories = %v; the test needs the wire's, the own reporting's and the fire's", stories)
	}
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Fatalf("changes before settling: %+v", chs)
	}
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 {
		t.Fatalf("changes = %+v, want the own reporting's story and the wire's merged", chs)
	}
	ch := chs[0]
	pair := map[string]bool{ch.Story: true, ch.Other: true}
	if ch.Kind != "merge" || !pair[stories["wire"]] || !pair[stories["own"]] || len(ch.Articles) != 2 ||
		ch.Score < ch.Threshold || ch.Threshold != 0.05 || !strings.Contains(ch.Reason, "mean probability") {
		t.Errorf("change = %+v", ch)
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("settling again changed %+v; the fire should stay apart", chs)
	}
}

func TestSettleLooksAgainAtALoneReportRestoredFromAnEarlierRun(t *testing.T) {
	// The own report was stored by an earlier run, which settled it; this
	// run restores it, and the wire's story grows to cover it.
	c := New(Options{MergeThreshold: 0.99})
	c.Restore(strikeOwnReport, "own-story")
	wire := c.Add(strikeWire)
	if wire.StoryID == "own-story" {
		t.Fatalf("the wire joined the restored own report (%s); the test needs two stories", wire.Reason)
	}
	for i, p := range strings.Split(strikeOwnReport.Text, "\n\n") {
		c.Add(news.Article{ID: fmt.Sprintf("update-%d", i), Published: day(16).Add(time.Duration(6+i) * time.Hour),
			Title: strikeWire.Title, Text: strikeWire.Text + "\n\n" + p})
	}
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 || chs[0].Kind != "merge" || chs[0].Story != wire.StoryID || chs[0].Other != "own-story" {
		t.Fatalf("changes = %+v, want the restored own report merged into the wire's story %s", chs, wire.StoryID)
	}
}
