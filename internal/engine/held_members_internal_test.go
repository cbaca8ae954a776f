package engine

import (
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// TestLatestMembersAreTheOnesTheStateCounted: a saved state that counts
// fewer members of a story than the store holds (a clusterer restored
// from the open stories lets go of a story and begins it again with its
// later members), naming none kept whole, is restored with the story's
// latest members, as many as it counted, the others whole, in the order
// stored; a state that counts
// more members than the store holds is not restored.
func TestLatestMembersAreTheOnesTheStateCounted(t *testing.T) {
	var members []news.Assigned
	for _, id := range []string{"a1", "b1", "a2", "a3", "b2", "a4", "a5", "b3"} {
		members = append(members, news.Assigned{Article: news.Article{ID: id}, StoryID: id[:1]})
	}
	got, ok := heldMembers(members, []cluster.StoryState{{ID: "a", N: 2}, {ID: "b", N: 3}})
	if want := []string{"b1", "b2", "a4", "a5", "b3"}; !ok || !reflect.DeepEqual(articleIDs(got), want) {
		t.Errorf("the latest members = %v, %v; want %v", articleIDs(got), ok, want)
	}
	if got, ok := heldMembers(members, []cluster.StoryState{{ID: "a", N: 5}, {ID: "b", N: 3}}); !ok || !reflect.DeepEqual(got, members) {
		t.Errorf("every member counted: %v, %v; want all of them", articleIDs(got), ok)
	}
	if _, ok := heldMembers(members, []cluster.StoryState{{ID: "a", N: 5}, {ID: "b", N: 4}}); ok {
		t.Error("a state counting more members than the store holds was restored")
	}
}

// TestAMergedStoryIsRestoredWithTheMembersItHeld: a story the clusterer
// held with its latest two members only (restored from the open stories)
// that then merged an older story of three members, all held, counts five
// members, which are not its five latest stored: the state names the ones
// it keeps whole (StoryState.Kept), and those are the ones restored.
func TestAMergedStoryIsRestoredWithTheMembersItHeld(t *testing.T) {
	var members []news.Assigned
	for _, id := range []string{"a1", "b1", "a2", "a3", "b2", "a4", "a5", "b3"} {
		members = append(members, news.Assigned{Article: news.Article{ID: id}, StoryID: "a"})
	}
	var kept []cluster.KeptScale
	for _, id := range []string{"a4", "b1", "b2", "a5", "b3"} {
		kept = append(kept, cluster.KeptScale{ID: id})
	}
	got, ok := heldMembers(members, []cluster.StoryState{{ID: "a", N: 5, Kept: kept}})
	if want := []string{"b1", "b2", "a4", "a5", "b3"}; !ok || !reflect.DeepEqual(articleIDs(got), want) {
		t.Errorf("the merged story's members = %v, %v; want %v", articleIDs(got), ok, want)
	}
	// A story of more members than it keeps whole: the kept ones, then
	// the latest of the others.
	got, ok = heldMembers(members, []cluster.StoryState{{ID: "a", N: 4, Kept: kept[1:3]}})
	if want := []string{"b1", "b2", "a5", "b3"}; !ok || !reflect.DeepEqual(articleIDs(got), want) {
		t.Errorf("the members of a story keeping two of four whole = %v, %v; want %v", articleIDs(got), ok, want)
	}
}

// articleIDs are the ids of the articles, in their order.
func articleIDs(as []news.Assigned) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Article.ID)
	}
	return out
}
