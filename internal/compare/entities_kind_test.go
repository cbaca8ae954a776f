package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A name the recogniser reads as a place in one article and an
// organisation in another is one entity of the story, of the kind most of
// its mentions have.
func TestANameHasOneKindAcrossTheStory(t *testing.T) {
	mentions := map[string][]mention{
		"a": {{name: "Aldbury", kind: news.Place}, {name: "Aldbury", kind: news.Place, offset: 40}, {name: "Piers Hollis", kind: news.Person, offset: 60}},
		"b": {{name: "Aldbury", kind: news.Org}, {name: "Piers Hollis", kind: news.Org, offset: 30}},
	}
	got := map[string][]news.EntityKind{}
	for _, e := range entitiesOf([]string{"a", "b"}, mentions) {
		got[e.Name] = append(got[e.Name], e.Kind)
	}
	want := map[string][]news.EntityKind{"Aldbury": {news.Place}, "Piers Hollis": {news.Person}}
	for name, kinds := range want {
		if len(got[name]) != 1 || got[name][0] != kinds[0] {
			t.Errorf("%s: kinds %v, want only %v", name, got[name], kinds)
		}
	}
}
