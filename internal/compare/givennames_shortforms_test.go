package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestShortGivenNamesJoinOnlyTheFullForm: a short form of a given name
// joins the person written with the full one ("Ed Marlow" in one report,
// "Edward Marlow" in another, or both in one), but two short forms of one
// name are two people ("Ed Marlow" and "Ted Marlow", cousins in one
// report, or one in each report), and a short form joins no other surname
// ("Ed Smith", "Edward Jones") nor a given name it is no short form of
// ("Chris", "Christine", "Christopher") (session 42's review of s42-cmp).
func TestShortGivenNamesJoinOnlyTheFullForm(t *testing.T) {
	cases := []struct {
		a, b string
		want []string // each entity's given name's first letters, surname and articles: the form shown is fullestForm's choice
	}{
		{"Ed Marlow said on Monday that the bridge would reopen.", "Ted Marlow told reporters the bridge would reopen soon.",
			[]string{"Ed Marlow a", "Te Marlow b"}},
		{"Ed Marlow said on Monday that the bridge would reopen. Ted Marlow, his cousin, disagreed.", "The bridge would reopen soon, the mayor said.",
			[]string{"Ed Marlow a", "Te Marlow a"}},
		{"Edward Marlow said on Monday that the bridge would reopen.", "Ed Marlow told reporters the bridge would reopen soon.",
			[]string{"Ed Marlow a,b"}},
		{"Edward Marlow said on Monday that the bridge would reopen. Ed Marlow has led the board since May.", "The bridge would reopen soon, the mayor said.",
			[]string{"Ed Marlow a"}},
		{"Ed Smith said on Monday that the bridge would reopen.", "Edward Jones told reporters the bridge would reopen soon.",
			[]string{"Ed Jones b", "Ed Smith a"}},
		{"Chris Marlow said on Monday that the bridge would reopen.", "Christine Marlow told reporters the bridge would reopen soon, and Christopher Marlow agreed.",
			[]string{"Ch Marlow a", "Ch Marlow b", "Ch Marlow b"}},
	}
	for _, c := range cases {
		mentions := map[string][]mention{"a": recognise(c.a), "b": recognise(c.b)}
		var got []string
		for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
			ws := strings.Fields(e.Name)
			got = append(got, ws[0][:2]+" "+ws[len(ws)-1]+" "+strings.Join(e.Articles, ","))
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q + %q: entities %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestSpeakerWithShortGivenName: a quote's speaker written with a short
// form of the given name ("Ed Marlow") is named as the story's person
// written with the full one ("Edward J. Marlow"), and one written with the
// full form ("David Brat") as the story's person written with a short one
// ("Dave Brat"); a speaker the story lists as written keeps that name, and
// another short form of the name is another person ("Ed Varga" is not the
// story's "Ted Varga") (session 42's review of s42-cmp).
func TestSpeakerWithShortGivenName(t *testing.T) {
	entities := []news.Entity{{Name: "Edward J. Marlow", Kind: news.Person}, {Name: "Dave Brat", Kind: news.Person}, {Name: "Ted Varga", Kind: news.Person}}
	quotes := []news.Quote{{Speaker: "Ed Marlow"}, {Speaker: "David Brat"}, {Speaker: "Ted Varga"}, {Speaker: "Ed Varga"}}
	canonicalSpeakers(quotes, entities)
	want := []string{"Edward J. Marlow", "Dave Brat", "Ted Varga", "Ed Varga"}
	for i, q := range quotes {
		if q.Speaker != want[i] {
			t.Errorf("speaker %d named %q, want %q", i, q.Speaker, want[i])
		}
	}
}
