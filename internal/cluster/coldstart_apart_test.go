package cluster

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestColdStartKeepsAPartedPairApart: the replay merges the stories it
// puts together, but never two a regrouping parted (keptApart): the
// first event's reports are in three stories or more, two of them parted
// (recorded as a regrouping would, the second's articles taken out of the
// first); once the cold start is looked at again, the parted two are
// still apart, and the others were merged.
func TestColdStartKeepsAPartedPairApart(t *testing.T) {
	c := New(Options{ColdStart: 30})
	story := map[string]string{}
	place := func(a news.Article) {
		c.EndDay(a.Published)
		ApplyChanges(story, c.TakeChanges())
		story[a.ID] = c.Add(a).StoryID
		ApplyChanges(story, c.TakeChanges())
	}
	for i := range 6 {
		place(boutReport(i))
	}
	split := boutStories(story)
	if len(split) < 3 {
		t.Fatalf("the first event's reports are in %d stories: the fixture needs three or more", len(split))
	}
	from, to := story["bout0"], ""
	for _, s := range split {
		if s != from {
			to = s
			break
		}
	}
	var group, held []string
	for id, s := range story {
		if s == to {
			group, held = append(group, id), append(held, to)
		}
	}
	if !c.RestoreParting(from, group, held) {
		t.Fatalf("the parting of %s from %s was not kept", to, from)
	}
	for i := range 26 {
		place(filler(i))
	}
	if story[group[0]] == story["bout0"] {
		t.Errorf("the replay merged %s into %s, which a regrouping parted", to, from)
	}
	if got := boutStories(story); len(got) != 2 {
		t.Errorf("the first event's reports are in %d stories %v, want the parted two", len(got), got)
	}
}
