package cluster

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// Two warehouse fires of one freight company in two towns, told alike: the
// first fire's story holds its report (a Monday, 45 firefighters) and a
// later development of it (the police's Thursday statement about the
// Monday fire and 12 of its firefighters), so that the story's union of days and figures holds the
// second fire's Thursday; what tells the second fire apart is the member
// it reads most like, the first report, whose day and figures it does not
// share.
var (
	fireOrlen = news.Article{ID: "orlen1", Title: "Fire destroys Kessler warehouse in Orlen",
		Text: "A fire destroyed a warehouse of the Kessler freight company in Orlen on Monday, and 45 firefighters fought the blaze for six hours, the fire brigade said. " +
			"Nobody was hurt in the fire at the Kessler warehouse."}
	fireOrlenPolice = news.Article{ID: "orlen2", Title: "Orlen warehouse fire was arson, police say",
		Text: "Police in Orlen said on Thursday that the fire which destroyed the Kessler freight warehouse on Monday had been set on purpose, and that 12 of the 45 firefighters had been questioned. " +
			"The Kessler warehouse fire had burned for six hours."}
	fireOrlenAgain = news.Article{ID: "orlen3", Title: "Kessler warehouse in Orlen burns down",
		Text: "The Kessler freight company lost its warehouse in Orlen to a fire on Monday; 45 firefighters fought the blaze for six hours, the fire brigade said. " +
			"Nobody was hurt."}
	fireDunmar = news.Article{ID: "dunmar1", Title: "Fire destroys Kessler warehouse in Dunmar",
		Text: "A fire destroyed a warehouse of the Kessler freight company in Dunmar on Thursday, and 80 firefighters fought the blaze for six hours, the fire brigade said. " +
			"Nobody was hurt in the fire at the Kessler warehouse."}
)

func TestNearContradictionReadsTheNearestMember(t *testing.T) {
	c := New(Options{})
	first := c.Add(fireOrlen)
	if got := c.Add(fireOrlenPolice); got.StoryID != first.StoryID {
		t.Fatalf("the police's statement did not join the first fire's story: %s", got.Reason)
	}
	s := c.stories[first.StoryID]
	f, _ := featuresOf(fireDunmar)
	q := c.prepareQuery(&f)
	if m := c.nearestMember(q, s); m == nil || m.id != fireOrlen.ID {
		t.Fatalf("nearest member %v, want the first report", m)
	}
	if got := contradiction(&f, s); got != 0 {
		t.Errorf("the union's contradiction %v, want 0 (the police's statement names Thursday)", got)
	}
	if got := c.nearContradiction(q, s); got != 2 {
		t.Errorf("the nearest member's contradiction %v, want 2 (Thursday against Monday, 80 against 45)", got)
	}
	same, _ := featuresOf(fireOrlenAgain)
	if got := c.nearContradiction(c.prepareQuery(&same), s); got != 0 {
		t.Errorf("another report of the first fire: the nearest member's contradiction %v, want 0", got)
	}
}

func TestNearContradictionKeepsTheSecondFireApart(t *testing.T) {
	for _, w := range []string{"0", "4"} {
		m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-3},"join_threshold":0.2,"merge_threshold":0.5,"near_contradiction":` + w + `}`))
		if err != nil {
			t.Fatal(err)
		}
		c := New(Options{Model: m})
		first := c.Add(fireOrlen)
		for _, a := range []news.Article{fireOrlenPolice, fireOrlenAgain} {
			if got := c.Add(a); got.StoryID != first.StoryID {
				t.Errorf("weight %s: %s did not join the first fire's story (%s)", w, a.ID, got.Reason)
			}
		}
		other := c.Add(fireDunmar)
		if joined := other.StoryID == first.StoryID; joined != (w == "0") {
			t.Errorf("weight %s: the Dunmar fire joined the Orlen fire's story: %v, want %v (%s)", w, joined, w == "0", other.Reason)
		}
	}
}

func TestModelRefusesANegativeNearContradictionWeight(t *testing.T) {
	for _, w := range []string{"-1", "-0.5"} {
		_, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[20,0],"Bias":-2},"join_threshold":0.5,"merge_threshold":0.5,"near_contradiction":` + w + `}`))
		if err == nil || !strings.Contains(err.Error(), "nearest member") {
			t.Errorf("a nearest member's contradiction weight of %s was read (%v)", w, err)
		}
	}
}
