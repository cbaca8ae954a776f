package compare

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// entityNames lists the names Annotate finds in a text.
func entityNames(text string) []string {
	var names []string
	for _, e := range Annotate(news.Article{ID: "t", Text: text}).Entities {
		names = append(names, e.Name)
	}
	return names
}

// TestPossessiveInsideAName checks that a name whose first words are a
// group's possessive is one name ("People's Liberation Army"), while a
// person's or a party's members' possessive before an organisation stays
// apart from it. The sentences are written for the test.
func TestPossessiveInsideAName(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"The People's Liberation Army held drills near the coast on Monday.",
			[]string{"People's Liberation Army"}, []string{"Liberation Army"}},
		{"Members of the Women's Tennis Association met in Calder on Monday.",
			[]string{"Women's Tennis Association"}, []string{"Tennis Association"}},
		{"Marsh's Calder Council voted on Monday to close the harbour.",
			[]string{"Calder Council"}, []string{"Marsh's Calder Council"}},
		{"On Monday the Republicans' House Judiciary Committee met in Calder.",
			[]string{"House Judiciary Committee"}, []string{"Republicans' House Judiciary Committee"}},
		{"Officials said Senate Democrats' Campaign Committee raised money.",
			[]string{"Campaign Committee"}, []string{"Senate Democrats' Campaign Committee"}},
		// A place named for someone, then an organisation's word (s29).
		{"The Varden's Cove Ferry Company said on Monday it would sell two boats.",
			[]string{"Varden's Cove Ferry Company"}, []string{"Cove Ferry Company"}},
		{"Shares of Marlow's Bay Trading Company fell 4 percent on Monday.",
			[]string{"Marlow's Bay Trading Company"}, []string{"Shares of Marlow"}},
		// A place's word with no organisation's word after it: two names.
		{"Ada Marsh's Harbour Park plan was voted down on Monday in Calder.",
			nil, []string{"Ada Marsh's Harbour Park"}},
	}
	for _, tt := range tests {
		got := entityNames(tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: entities %q, want %q among them", tt.text, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: entities %q, want no %q", tt.text, got, n)
			}
		}
	}
}

// TestPartitiveOpenerIsNoPartOfAName checks that a sentence opened by a
// word of part or number and "of" ("Part of", "Members of", "Two-thirds
// of") gives the name after it, not the phrase.
func TestPartitiveOpenerIsNoPartOfAName(t *testing.T) {
	tests := []struct{ text, want, not string }{
		{"Members of Calder Council voted on Monday to close the harbour.", "Calder Council", "Members of Calder Council"},
		{"Part of Velocore Systems was sold to a rival on Monday.", "Velocore Systems", "Part of Velocore Systems"},
		{"Two-thirds of Calder Council backed the plan on Monday.", "Calder Council", "Two-thirds of Calder Council"},
	}
	for _, tt := range tests {
		got := entityNames(tt.text)
		if !slices.Contains(got, tt.want) || slices.Contains(got, tt.not) {
			t.Errorf("%q: entities %q, want %q and no %q", tt.text, got, tt.want, tt.not)
		}
	}
}
