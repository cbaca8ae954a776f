package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// shortModel is a join model on the average-link cosine alone (a join
// probability of 0.2 at a cosine of about 0.36), with short articles (a
// text of fewer than shortWords words) compared by their headline and lead
// when shortWords is above 0; merges and the lone step are left out (a
// merge threshold no pair of the fixture reaches).
func shortModel(t *testing.T, shortWords string) *Model {
	t.Helper()
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"short_words":` + shortWords + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// shortStream is an undated stream of two long reports of a dam that
// burst above the village of Harlow Vale (a headline, a first sentence
// that says what happened, then paragraphs of detail), a long report of
// something else, and a feed item of the dam's story that has a headline
// and no text.
var shortStream = []news.Article{
	{ID: "dam-1", Title: "Dam bursts above Harlow Vale, flooding the village",
		Text: "The old reservoir dam above Harlow Vale burst before dawn on Sunday, sending a wall of water through the village. " +
			"Firefighters waded through waist-deep streets to reach families stranded on upper floors, and a rescue helicopter lifted an elderly couple from their roof. " +
			"The county engineer said cracks in the embankment had been reported to the water company last spring, and that an inspection had been scheduled for next month. " +
			"Shopkeepers on the high street spent the afternoon shovelling mud out of their premises while volunteers handed out blankets and hot drinks at the parish hall. " +
			"Insurers expect hundreds of claims, and the council has opened the secondary school gymnasium as a shelter for anyone unable to return home tonight."},
	{ID: "budget", Title: "Ministers agree on a leaner railway investment plan",
		Text: "Ministers agreed on a leaner railway investment plan after weeks of talks with the treasury, cutting two planned lines and delaying electrification of a third. " +
			"Commuter groups said the decision would leave northern towns with ageing trains for another decade, while the transport secretary defended the plan as affordable. " +
			"Contractors warned that hundreds of engineering jobs depended on the cancelled lines, and unions called for a meeting with the minister before the autumn statement. " +
			"The opposition promised to restore the lines if elected and accused the government of breaking a promise made at the last election."},
	{ID: "dam-2", Title: "Harlow Vale villagers count the cost after the dam burst",
		Text: "Villagers in Harlow Vale began counting the cost on Monday, a day after the reservoir dam above them burst and flooded more than two hundred homes. " +
			"Firefighters who waded through waist-deep streets on Sunday to reach families stranded on upper floors were back pumping water from cellars, and the rescue helicopter crew that lifted an elderly couple from their roof visited the parish hall. " +
			"Volunteers there handed out blankets and hot drinks again, and shopkeepers on the high street went on shovelling mud out of their premises. " +
			"The county engineer repeated that cracks in the embankment had been reported to the water company last spring, with an inspection scheduled only for next month. " +
			"Insurers said hundreds of claims had already come in, and the council kept the secondary school gymnasium open as a shelter for a second night."},
	{ID: "dam-feed", Title: "Dam burst floods Harlow Vale village"},
}

func runShortStream(t *testing.T, m *Model) map[string]string {
	t.Helper()
	c := New(Options{Model: m})
	story := map[string]string{}
	for _, a := range shortStream {
		story[a.ID] = c.Add(a).StoryID
	}
	c.Finish()
	ApplyChanges(story, c.TakeChanges())
	return story
}

func TestAHeadlineOnlyItemJoinsItsStoryOfLongTextsByTheirHeadlinesAndLeads(t *testing.T) {
	before := runShortStream(t, shortModel(t, "0"))
	if before["dam-1"] != before["dam-2"] || before["dam-1"] == before["budget"] {
		t.Fatalf("the fixture's story of the dam did not form: %v", before)
	}
	if before["dam-feed"] == before["dam-1"] {
		t.Fatalf("the headline-only item joined the dam's story by whole texts; the fixture needs it apart: %v", before)
	}
	after := runShortStream(t, shortModel(t, "1"))
	if after["dam-feed"] != after["dam-1"] {
		t.Errorf("compared by headlines and leads, the headline-only item is in %s, not the dam's story %s", after["dam-feed"], after["dam-1"])
	}
	if after["budget"] == after["dam-1"] || after["dam-1"] != after["dam-2"] {
		t.Errorf("the other stories changed: %v", after)
	}
}

// A negative length would read as "no article is short" while looking
// like a setting: a model file that holds one is refused, naming it.
func TestLoadModelRefusesANegativeShortWords(t *testing.T) {
	_, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"short_words":-1}`))
	if err == nil || !strings.Contains(err.Error(), "short words -1") {
		t.Errorf("short_words -1: error %v, want one naming the short words", err)
	}
}

// Two headline-only items that their headlines and leads placed in the
// dam's story stay there when the story settles: regrouping asks whether
// they would join the rest if they came now as placement asks it, by
// headline and lead, not by whole texts (which split them off as a group
// of their own).
func TestHeadlineOnlyItemsStayInTheirStoryWhenItSettles(t *testing.T) {
	stream := append(slices.Clone(shortStream), news.Article{ID: "dam-feed-2", Title: "Harlow Vale dam burst floods village homes"})
	c := New(Options{Model: shortModel(t, "1")})
	story := map[string]string{}
	for _, a := range stream {
		story[a.ID] = c.Add(a).StoryID
	}
	if story["dam-feed"] != story["dam-1"] || story["dam-feed-2"] != story["dam-1"] {
		t.Fatalf("the headline-only items were not placed in the dam's story: %v", story)
	}
	c.Finish()
	changes := c.TakeChanges()
	ApplyChanges(story, changes)
	if story["dam-feed"] != story["dam-1"] || story["dam-feed-2"] != story["dam-1"] || story["budget"] == story["dam-1"] {
		t.Errorf("after settling: %v (changes %+v)", story, changes)
	}
}
