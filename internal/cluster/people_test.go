package cluster

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Two bouts of one champion, told alike: what tells them apart is the
// other boxer each report's lead names.
var (
	boutThompson = news.Article{ID: "bout1", Title: "Champion keeps his belts in Velmar",
		Text: "The champion, Peter Brant, stopped challenger Tony Kessel in the sixth round in Velmar, keeping his heavyweight belts. " +
			"The crowd of twelve thousand cheered the champion. Brant fights again next year."}
	boutThompsonAgain = news.Article{ID: "bout2", Title: "Brant stops Kessel",
		Text: "Peter Brant kept his heavyweight belts in Velmar, stopping Tony Kessel in the sixth round before twelve thousand."}
	boutRahman = news.Article{ID: "bout3", Title: "Champion keeps his belts in Velmar",
		Text: "The champion, Peter Brant, stopped challenger Omar Radley in the sixth round in Velmar, keeping his heavyweight belts. " +
			"The crowd of twelve thousand cheered the champion."}
	boutChallenger = news.Article{ID: "bout4", Title: "Champion keeps his belts in Velmar",
		Text: "The champion stopped his challenger Tony Kessel in the sixth round in Velmar, keeping the heavyweight belts. " +
			"The crowd of twelve thousand cheered."}
	boutNoName = news.Article{ID: "bout5", Title: "Heavyweight belts kept in Velmar",
		Text: "The heavyweight champion kept his belts in Velmar, stopping the challenger in the sixth round before twelve thousand."}
)

func TestLeadPeopleAreTheTextsFirstSentences(t *testing.T) {
	f, _ := featuresOf(boutThompson)
	want := []uint64{text.Hash("brant"), text.Hash("kessel")}
	slices.Sort(want)
	if !slices.Equal(f.people, want) {
		t.Errorf("lead people %v, want brant and kessel %v", f.people, want)
	}
	third, _ := featuresOf(news.Article{ID: "x", Title: "Velmar news",
		Text: "The council met. Fees rose by a third. Chair Peter Brant resigned."})
	if len(third.people) != 0 {
		t.Errorf("a person of the third sentence was read as the lead's: %v", third.people)
	}
}

func TestPersonClashIsAnotherPersonNamed(t *testing.T) {
	c := New(Options{})
	c.Add(boutThompson)
	s := c.stories[StoryID("bout1")]
	for _, tt := range []struct {
		a    news.Article
		want float64
	}{
		{boutRahman, 0},     // Brant is named by both
		{boutChallenger, 0}, // Kessel is named by both
		{boutNoName, 0},     // no person named: no evidence
		{boutThompsonAgain, 0},
	} {
		f, _ := featuresOf(tt.a)
		if got := personClash(&f, s); got != tt.want {
			t.Errorf("%s against the Kessel story: clash %v, want %v", tt.a.ID, got, tt.want)
		}
	}
	// The challenger alone against a story of the Radley bout: no
	// person in common.
	r := New(Options{})
	r.Add(boutRahman)
	f, _ := featuresOf(boutChallenger)
	rs := r.stories[StoryID("bout3")]
	rs.people = map[uint64]int32{text.Hash("radley"): 1}
	if got := personClash(&f, rs); got != 1 {
		t.Errorf("Kessel against a story naming Radley alone: clash %v, want 1", got)
	}
	dated := boutChallenger
	dated.Published = day(5)
	rs.last = day(3)
	f, _ = featuresOf(dated)
	if got := personClash(&f, rs); got != 0 {
		t.Errorf("two dated sides: clash %v, want 0 (a developing story names new people)", got)
	}
}

// With the person contradiction's weight in the model, a report naming
// only another challenger starts its own story; without it, the avg_cos
// model joins it.
func TestPersonContradictionKeepsTwoBoutsApart(t *testing.T) {
	for _, w := range []string{"0", "4"} {
		m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.5,"person_contradiction":` + w + `}`))
		if err != nil {
			t.Fatal(err)
		}
		c := New(Options{Model: m})
		first := c.Add(news.Article{ID: "radley", Title: boutRahman.Title,
			Text: "The champion stopped his challenger Omar Radley in the sixth round in Velmar, keeping the heavyweight belts. The crowd of twelve thousand cheered."})
		if got := c.Add(boutNoName); got.StoryID != first.StoryID {
			t.Errorf("weight %s: a report naming no one did not join (%s)", w, got.Reason)
		}
		other := c.Add(boutChallenger)
		if joined := other.StoryID == first.StoryID; joined != (w == "0") {
			t.Errorf("weight %s: the Kessel bout joined the Radley one: %v, want %v (%s)", w, joined, w == "0", other.Reason)
		}
	}
}

// A merge carries the gone story's lead people, and a member taken out
// (regrouping) takes its people with it.
func TestStoryPeopleFollowMergesAndRemovals(t *testing.T) {
	c := New(Options{})
	glass := c.Add(news.Article{ID: "glass", Title: "Varne glassworks to close",
		Text: "The Varne glassworks will close its furnace for good after ninety years, its owners said."})
	radley := c.Add(boutRahman)
	keep, gone := c.stories[glass.StoryID], c.stories[radley.StoryID]
	if keep == nil || gone == nil || keep == gone {
		t.Fatalf("want two stories, got %q and %q", glass.StoryID, radley.StoryID)
	}
	c.absorb(keep, gone)
	if keep.people[text.Hash("radley")] != 1 {
		t.Errorf("the merged story's people %v lack radley", keep.people)
	}
	f, _ := featuresOf(boutRahman)
	keep.addCounts(&f, -1)
	if _, ok := keep.people[text.Hash("radley")]; ok {
		t.Errorf("radley is still counted after his article left: %v", keep.people)
	}
}

func TestModelRefusesANegativePersonContradictionWeight(t *testing.T) {
	if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[20,0],"Bias":-2},"join_threshold":0.5,"merge_threshold":0.5,"person_contradiction":-1}`)); err == nil {
		t.Error("a person contradiction weight of -1 was read")
	}
}
