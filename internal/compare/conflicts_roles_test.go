package compare

import (
	"reflect"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// disputed is the values Compare shows in dispute between two articles,
// sorted.
func disputed(a, b string) []string {
	art := func(id, text string) news.Article { return news.Article{ID: id, Source: id, Text: text} }
	var got []string
	for _, x := range Compare([]news.Article{art("a", a), art("b", b)}).Conflicts {
		for _, v := range x.Values {
			got = append(got, v.Value)
		}
	}
	slices.Sort(got)
	return got
}

// TestFiguresOfDifferentRoles covers figures that are no other value of one
// measure: bounds of eligibility, the parts of a change, figures for each
// one, approximations and compounds describing different nouns.
func TestFiguresOfDifferentRoles(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []string
	}{
		{"two bounds of eligibility are two groups",
			"The regulator said the new vaccine is open to anyone 12 and older in Freedonia from Monday.",
			"The regulator said the new vaccine is open to people 65 and older in Freedonia from Monday.", nil},
		{"ages from to are a criterion",
			"The regulator said the new vaccine is open to people aged 16 to 64 in Freedonia from Monday.",
			"The regulator said the new vaccine is open to people aged 18 to 64 in Freedonia from Monday.", nil},
		{"one person's age after aged is no criterion",
			"The regulator said Piet Kroon, a driver aged 52, died in the crash in Freedonia on Monday.",
			"The regulator said Piet Kroon, a driver aged 57, died in the crash in Freedonia on Monday.",
			[]string{"52 died", "57 died"}}, // read as a count, as before: disputed all the same
		{"an earlier period's level against a new one",
			"Jobless claims in Freedonia fell last week from a revised 590,000, the ministry said on Thursday.",
			"Jobless claims in Freedonia fell to 473,000, the ministry said on Thursday.", nil},
		{"a change against a level",
			"Jobless claims in Freedonia dropped 36,000, the ministry said on Thursday.",
			"Jobless claims in Freedonia stood at 44,750, the ministry said on Thursday.", nil},
		{"two levels told two ways",
			"Jobless claims in Freedonia stood at 381,000 last week, the ministry said on Thursday.",
			"Jobless claims in Freedonia stood at 344,750 last week, the ministry said on Thursday.",
			[]string{"344,750 week", "381,000 week"}},
		{"two changes told two ways",
			"Jobless claims in Freedonia dropped by 36,000 last week, the ministry said on Thursday.",
			"Jobless claims in Freedonia dropped by 41,000 last week, the ministry said on Thursday.",
			[]string{"36,000 week", "41,000 week"}},
		{"a figure for each one against the total",
			"Four pharmacy chains in Freedonia reported more than 1 million wasted doses each, the ministry said.",
			"The pharmacy chains in Freedonia reported 15.1 million wasted doses in all, the ministry said.", nil},
		{"a decade and some holds the figure it stands for",
			"The rocket of Calder Space rose 60-some miles into the sky above Freedonia on Tuesday.",
			"The rocket of Calder Space rose about 66 miles into the sky above Freedonia on Tuesday.", nil},
		{"a decade and some against a figure beyond it",
			"The rocket of Calder Space rose 60-some miles into the sky above Freedonia on Tuesday.",
			"The rocket of Calder Space rose about 85 miles into the sky above Freedonia on Tuesday.",
			[]string{"60 miles", "85 miles"}},
		{"two figures an order of magnitude apart are a part and a whole",
			"About 204.3 million people in Freedonia described themselves as white in the census, the bureau said.",
			"About 3.7 million people in Freedonia described themselves as Sylvanian in the census, the bureau said.", nil},
		{"a one-way bound far below a figure is still weighed by its reach",
			"The floods in the northern province killed more than 5 people on Monday, officials said.",
			"The floods in the northern province killed some 500 people on Monday, officials said.",
			[]string{"5 people", "500 people"}},
		{"the verb right before a toll says which toll it is",
			"The quake in the northern province killed 612 people and injured hundreds more on Monday, officials said.",
			"In the northern province as many as 80 people were also wounded by the quake on Monday, officials said.", nil},
		{"two tolls of the dead told by their verbs",
			"The quake in the northern province killed 612 people on Monday and left thousands injured, officials said.",
			"The quake in the northern province killed 580 people on Monday, officials said.",
			[]string{"580 people", "612 people"}},
		{"compounds describing two nouns",
			"The bill failed in the Freedonian senate, the year's first filibuster by the chamber's 50-vote minority.",
			"The bill failed in the Freedonian senate, which denied the party the 60-vote threshold needed to begin debate.", nil},
		{"compounds describing one noun",
			"The bribes were listed in the 47-page indictment filed in Calder against Piet Kroon on Tuesday.",
			"The bribes were listed in the 48-page indictment filed in Calder against Piet Kroon on Tuesday.",
			[]string{"47 page", "48 page"}},
	}
	for _, tt := range tests {
		if got := disputed(tt.a, tt.b); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: disputed values %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestRoleOf reads what a figure is in a change.
func TestRoleOf(t *testing.T) {
	tests := []struct{ before, after, want string }{
		{"Claims dropped ", " to 293,000 last week.", "change"},
		{"The number grew by ", "% to 3.7 million.", "change"},
		{"The Liberals won 157 seats, ", " short of a majority.", "change"},
		{"Claims fell to 473,000 from a revised ", " a week earlier.", "from"},
		{"Refugees came from ", " countries, officials said.", ""},
		{"Chains reported more than ", " million wasted doses each.", "rate"},
		{"Claims fell to ", " last week.", ""},
		{"The level was revised up by ", " from 498,000.", "change"},
		{"The defense gave up ", " yards in the game.", ""},
		{"The council said ", " people were arrested.", ""},
	}
	for _, tt := range tests {
		if got := roleOf(tt.before, tt.after, tt.before+"N"+tt.after); got != tt.want {
			t.Errorf("roleOf(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}
