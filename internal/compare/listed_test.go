package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

func TestListedOrganisationsPossessivePlacesTitleOrgsAndConceptLists(t *testing.T) {
	tests := []struct {
		text, name string
		want       news.EntityKind // "" for no mention of that name
	}{
		{"Calder Council and YouTube on Thursday announced a new policy for the town.", "YouTube", news.Org},
		{"Ada Marsh wrote about the bridge on Twitter on Monday.", "Twitter", ""},
		{"Ada Marsh spoke on Fox & Friends on Tuesday about the bridge.", "Fox & Friends", news.Org},
		{"Ada Marsh said on Tuesday that the FBI & DOJ had written to the council.", "FBI & DOJ", ""},
		{"The GOP rejected a proposal to fund the bridge on Monday.", "GOP", news.Org},
		{"Three GOP senators met Ada Marsh in Calder on Monday.", "GOP", ""},
		{"Florida’s state board met on Thursday to vote on the bridge.", "Florida", news.Place},
		{"The chairman of the Calder Harbour Board Ada Marsh resigned on Monday.", "Ada Marsh", news.Person},
		{"The chairman of the Calder Harbour Board Ada Marsh resigned on Monday.", "Calder Harbour Board", news.Org},
		{"The chairman of the Calder Harbour Board Police Chief Ada Marsh resigned.", "Calder Harbour Board Ada Marsh", ""},
		{"The chairman of the Calder Harbour Board Mary Ann Smith resigned on Monday.", "Mary Ann Smith", news.Person},
		{"The chairman of the Calder Harbour Board Mary Ann Smith resigned on Monday.", "Calder Harbour Board", news.Org},
		{"The chairman of the Joint Chiefs of Staff Mark Alexander Milley spoke on Monday.", "Mark Alexander Milley", news.Person},
		{"The chairman of the Joint Chiefs of Staff Mark Alexander Milley spoke on Monday.", "Joint Chiefs of Staff", news.Org},
		{"Ada Marsh took to Twitter on Monday to attack the bridge plan.", "Twitter", ""},
		{"Ada Marsh shared the plan via Twitter on Monday.", "Twitter", ""},
		{"Ada Marsh attacked the plan in combative Twitter posts on Monday.", "Twitter", ""},
		{"Calder Council announced the protest in a Facebook event on Monday.", "Facebook", ""},
		{"Ada Marsh was recruited to Facebook in 2019 to lead its civic team.", "Facebook", news.Org},
		{"The Arts & Culture section and the Food & Drink pages were redesigned.", "Arts & Culture", ""},
		{"The Arts & Culture section and the Food & Drink pages were redesigned.", "Food & Drink", ""},
		{"The News & Politics section was updated on Monday.", "News & Politics", ""},
		{"A GOP red wave was expected in Calder on Tuesday.", "GOP", ""},
		{"Ada Marsh said the GOP and the council had agreed on Monday.", "GOP", news.Org},
		{"The chairman of the Calder Order of Grace Smith resigned on Monday.", "Calder Order of", ""},
		{"The board banned Diversity, Equity, and Inclusion (DEI) programmes on Thursday.", "DEI", ""},
		{"The board banned Diversity, Equity, and Inclusion (DEI) programmes on Thursday.", "Equity", ""},
	}
	for _, tt := range tests {
		var got news.EntityKind
		for _, m := range recognise(tt.text) {
			if m.name == tt.name {
				got = m.kind
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q is %q; want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

// TestLastFieldsAreFieldsTail checks lastFields against the tail of
// strings.Fields on texts with mixed white space and non-ASCII words.
func TestLastFieldsAreFieldsTail(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " the chairman of\tthe\n", "a b c d e", "vice\u00a0chair of the ", "Zürich’s  mayor of the"} {
		all := strings.Fields(s)
		for n := 1; n <= 4; n++ {
			want := all[max(0, len(all)-n):]
			if got := lastFields(s, n); !slices.Equal(got, want) {
				t.Errorf("lastFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
