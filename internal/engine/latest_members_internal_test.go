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
// later members) is restored with the story's latest members, as many as
// it counted, the others whole, in the order stored; a state that counts
// more members than the store holds is not restored.
func TestLatestMembersAreTheOnesTheStateCounted(t *testing.T) {
	var members []news.Assigned
	for _, id := range []string{"a1", "b1", "a2", "a3", "b2", "a4", "a5", "b3"} {
		members = append(members, news.Assigned{Article: news.Article{ID: id}, StoryID: id[:1]})
	}
	ids := func(as []news.Assigned) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Article.ID)
		}
		return out
	}
	got, ok := latestMembers(members, []cluster.StoryState{{ID: "a", N: 2}, {ID: "b", N: 3}})
	if want := []string{"b1", "b2", "a4", "a5", "b3"}; !ok || !reflect.DeepEqual(ids(got), want) {
		t.Errorf("the latest members = %v, %v; want %v", ids(got), ok, want)
	}
	if got, ok := latestMembers(members, []cluster.StoryState{{ID: "a", N: 5}, {ID: "b", N: 3}}); !ok || !reflect.DeepEqual(got, members) {
		t.Errorf("every member counted: %v, %v; want all of them", ids(got), ok)
	}
	if _, ok := latestMembers(members, []cluster.StoryState{{ID: "a", N: 5}, {ID: "b", N: 4}}); ok {
		t.Error("a state counting more members than the store holds was restored")
	}
}
