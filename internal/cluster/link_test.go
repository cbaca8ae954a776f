package cluster

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// strikeAndFire builds, with a join threshold no article reaches, the
// strike's story of the wire and its copy (a near-duplicate, which joins
// all the same: the story runs from hour 0 to hour 1 of day 16), the own
// report published at own and the waterfront fire (same town, another
// event) at half past midnight, and returns the clusterer and the stories
// of the wire, the own report and the fire.
func strikeAndFire(t *testing.T, link float64, own time.Time) (*Clusterer, [3]*story) {
	t.Helper()
	c := New(Options{Threshold: 0.999, MergeThreshold: 0.999, LinkThreshold: link})
	report, fire := strikeOwnReport, warehouseFire
	report.Published, fire.Published = own, day(16).Add(30*time.Minute)
	var out [3]*story
	wire := c.Add(strikeWire).StoryID
	if m := c.Add(strikeCopy); m.StoryID != wire {
		t.Fatalf("the wire's copy started a story of its own (%s)", m.Reason)
	}
	out[0] = c.stories[wire]
	out[1] = c.stories[c.Add(report).StoryID]
	out[2] = c.stories[c.Add(fire).StoryID]
	if out[0] == out[1] || out[1] == out[2] || out[0] == out[2] {
		t.Fatalf("articles joined each other; the test needs three stories")
	}
	return c, out
}

func TestSettleLinksStoriesThatRanTogetherAndKeepsAnotherEventApart(t *testing.T) {
	during := day(16).Add(20 * time.Minute)
	c, s := strikeAndFire(t, -1, during)
	same := c.linkCosine(s[0], s[1])
	other := max(c.linkCosine(s[0], s[2]), c.linkCosine(s[1], s[2]))
	if same <= other {
		t.Fatalf("average-link cosine of the strike's two stories %.3f, not above the fire's %.3f", same, other)
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Fatalf("with no link threshold, settling changed %+v", chs)
	}

	c, s = strikeAndFire(t, 1, during)
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Fatalf("with too short a background for a z-score, settling changed %+v", chs)
	}

	// The fire's cosine is the stream's typical one, the strike's two
	// standard deviations above it: a link threshold of 1 takes the strike.
	c, s = strikeAndFire(t, 1, during)
	setBackground(c, other, (same-other)/2)
	c.Settle()
	chs := c.TakeChanges()
	if len(chs) != 1 {
		t.Fatalf("changes = %+v, want the own report's story merged into the wire's", chs)
	}
	ch := chs[0]
	if ch.Kind != "merge" || ch.Story != s[0].id || ch.Other != s[1].id || ch.Score < ch.Threshold || !strings.Contains(ch.Reason, "same time") {
		t.Errorf("merge = %+v, want the own report merged into the wire's story", ch)
	}
	c.Settle()
	if chs := c.TakeChanges(); len(chs) != 0 {
		t.Errorf("settling again changed %+v; nothing grew", chs)
	}
}

func TestSettleLinksOnlyStoriesThatRanTogether(t *testing.T) {
	reportMerged := func(own time.Time) bool {
		c, _ := strikeAndFire(t, 1, own)
		c.opt.LinkReach = -1      // spans that overlap only, whatever the model's reach
		setBackground(c, 0, 0.01) // any likeness is far above it
		c.Settle()
		for _, ch := range c.TakeChanges() {
			if slices.Contains(ch.Articles, strikeOwnReport.ID) {
				return true
			}
		}
		return false
	}
	if !reportMerged(day(16).Add(20 * time.Minute)) {
		t.Fatalf("the own report, published while the wire's story ran, stayed apart")
	}
	if reportMerged(day(16).Add(2 * time.Hour)) {
		t.Errorf("the own report, published after the wire's story's latest article, was linked with it")
	}
}

// TestSettleLinksStoriesWithinTheStreamsReach: the own report, published an
// hour after the wire's story's latest article, is linked to the wire's
// story when the gap is within LinkReach times the stream's mean story span
// (sum over count) and within the window, and not otherwise.
func TestSettleLinksStoriesWithinTheStreamsReach(t *testing.T) {
	after := day(16).Add(2 * time.Hour) // the wire's story runs from hour 0 to hour 1
	linked := func(reach float64, pace paceStat, window time.Duration) bool {
		t.Helper()
		c, s := strikeAndFire(t, 1, after)
		c.opt.LinkReach = reach
		if window > 0 {
			c.opt.Window = window
		}
		c.pace = pace
		setBackground(c, 0, 0.01)
		c.Settle()
		for _, ch := range c.TakeChanges() {
			if slices.Contains(ch.Articles, strikeOwnReport.ID) || slices.Contains(ch.Articles, strikeWire.ID) {
				if ch.Kind != "merge" || !(ch.Story == s[0].id && ch.Other == s[1].id || ch.Story == s[1].id && ch.Other == s[0].id) {
					t.Fatalf("the link joined %s and %s, want the wire's story %s and the own report's %s", ch.Story, ch.Other, s[0].id, s[1].id)
				}
				if !strings.Contains(ch.Reason, "link reach") {
					t.Errorf("a link across a gap gives the reason %q, which does not say it came within the link reach", ch.Reason)
				}
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		reach  float64
		pace   paceStat
		window time.Duration
		want   bool
		what   string
	}{
		{1, paceStat{sum: spanSumOf(2 * time.Hour), n: 1}, 0, true, "a reach of one mean span of two hours"},
		{0.5, paceStat{sum: spanSumOf(4 * time.Hour), n: 1}, 0, true, "half a mean span of four hours"},
		{0.25, paceStat{sum: spanSumOf(2 * time.Hour), n: 1}, 0, false, "a quarter of a mean span of two hours (30 minutes)"},
		{1, paceStat{sum: spanSumOf(4 * time.Hour), n: 2}, 0, true, "one mean span of 4 hours over 2 stories (2 hours)"},
		{1, paceStat{sum: spanSumOf(4 * time.Hour), n: 8}, 0, false, "one mean span of 4 hours over 8 stories (30 minutes)"},
		{1, paceStat{sum: spanSumOf(30 * time.Minute), n: 1}, 0, false, "a mean span of half an hour"},
		{1, paceStat{sum: spanSumOf(48 * time.Hour), n: 1}, 30 * time.Minute, false, "a mean span of two days, capped at a window of 30 minutes"},
		{-1, paceStat{sum: spanSumOf(48 * time.Hour), n: 1}, 0, false, "no reach"},
		{1, paceStat{}, 0, false, "no mean span yet"},
	} {
		if got := linked(tc.reach, tc.pace, tc.window); got != tc.want {
			t.Errorf("%s: the own report an hour after the wire's story linked = %v, want %v", tc.what, got, tc.want)
		}
	}
}

// setBackground gives the clusterer a background of average-link cosines
// with this mean and standard deviation, as a long stream would.
func setBackground(c *Clusterer, mean, sd float64) {
	c.background[avgCosBackground] = runningStat{n: backgroundHorizon, mean: mean, variance: sd * sd}
}

func TestOverlap(t *testing.T) {
	span := func(from, to int) *story {
		s := newStory("s", 0)
		s.first, s.last = day(from), day(to)
		return s
	}
	for _, tc := range []struct {
		a, b *story
		want bool
	}{
		{span(1, 3), span(3, 5), true},
		{span(1, 5), span(2, 3), true},
		{span(1, 2), span(3, 4), false},
		{span(4, 4), span(1, 3), false},
		{newStory("u", 0), span(1, 3), false}, // undated
	} {
		if got := overlap(tc.a, tc.b); got != tc.want {
			t.Errorf("overlap(%v..%v, %v..%v) = %v, want %v", tc.a.first, tc.a.last, tc.b.first, tc.b.last, got, tc.want)
		}
	}
}

// strikeAgents is a third report of the strike's end, told from the
// shipping agents' side, published while the wire's story ran.
var strikeAgents = news.Article{ID: "agents", Published: day(16).Add(40 * time.Minute), Title: "Calder shipping agents count the cost of the dock strike",
	Text: "Shipping agents at the Port of Calder said on Monday that the nine-day strike by dockworkers had left more than 60 container ships waiting offshore.\n\n" +
		"The agents welcomed the vote by the Calder Dockworkers Union to end the strike, and said the backlog of vessels would take about two weeks to clear."}

// TestTheLinkStepLinksEveryPartThatRanTogether: a story that, when it
// settles, has two stories of its event beside it (each alike enough on
// average) is linked with both, not only with the best: the other part,
// settled before and not due again, would otherwise stay apart for good
// (duc2003's TDT events: a developing event's story linked one part at a
// settle and left another that ran at the same time).
func TestTheLinkStepLinksEveryPartThatRanTogether(t *testing.T) {
	c, s, agents := strikeInThreePartsAndFire(t)
	c.linkWith(s[0], []*story{s[1], agents, s[2]})
	if !s[1].merged || !agents.merged {
		t.Errorf("the wire's story was linked with the own report: %v, with the agents' report: %v; want both", s[1].merged, agents.merged)
	}
	if s[2].merged || s[0].merged {
		t.Errorf("the fire's story was linked (%v), or the wire's merged away (%v)", s[2].merged, s[0].merged)
	}
}

// A lone report that settles links into the larger story of its event,
// which stays, and the larger story then links the event's other part:
// the changes name the story that stays and the articles each link moved.
func TestTheLinkStepKeepsTheLargerStoryAndLinksTheRestIntoIt(t *testing.T) {
	c, s, agents := strikeInThreePartsAndFire(t)
	c.TakeChanges()
	c.linkWith(agents, []*story{s[0], s[1], s[2]})
	if !agents.merged || !s[1].merged || s[0].merged || s[2].merged {
		t.Fatalf("merged: agents %v, own report %v, wire %v, fire %v; want the agents' and the own report's stories in the wire's",
			agents.merged, s[1].merged, s[0].merged, s[2].merged)
	}
	changes := c.TakeChanges()
	if len(changes) != 2 {
		t.Fatalf("%d changes recorded, want 2: %+v", len(changes), changes)
	}
	for i, want := range []*story{agents, s[1]} {
		ch := changes[i]
		if ch.Kind != "merge" || ch.Story != s[0].id || ch.Other != want.id || len(ch.Articles) != 1 {
			t.Errorf("change %d: %s of %s into %s moving %v; want a merge of %s into the wire's story %s moving its one article",
				i, ch.Kind, ch.Other, ch.Story, ch.Articles, want.id, s[0].id)
		}
	}
}

// strikeInThreePartsAndFire is strikeAndFire with the agents' report alone
// as a third part of the strike, and a link background that the strike's
// parts are alike above (a third of the way from the fire's cosine to
// theirs is one standard deviation) and the fire is not.
func strikeInThreePartsAndFire(t *testing.T) (*Clusterer, [3]*story, *story) {
	t.Helper()
	c, s := strikeAndFire(t, 1, day(16).Add(20*time.Minute))
	agents := c.stories[c.Add(strikeAgents).StoryID]
	if agents == s[0] || agents == s[1] || agents == s[2] {
		t.Fatalf("the agents' report joined a story; the test needs it alone")
	}
	fire := max(c.linkCosine(s[0], s[2]), c.linkCosine(s[1], s[2]), c.linkCosine(agents, s[2]))
	near := min(c.linkCosine(s[0], s[1]), c.linkCosine(s[0], agents))
	if near <= fire {
		t.Fatalf("the strike's stories' average-link cosine %.3f is not above the fire's %.3f", near, fire)
	}
	setBackground(c, fire, (near-fire)/3)
	return c, s, agents
}
