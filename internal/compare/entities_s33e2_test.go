package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A lone word written right after a noun of a kind of business ("giant",
// "app", "company") and heading what follows is the firm, wherever the
// article writes it alone; a word after such a noun that is a modifier, a
// demonym, a place or a person's is left alone.
func TestFirmNamedAfterABusinessNoun(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"Electronics giant Foxconn reversed course and said it would build the plant.", "Foxconn"},
		{"The ride-hailing company Zoomo and its rival were both fined.", "Zoomo"},
	})
	for _, c := range []struct {
		text, name string
		want       news.EntityKind
	}{
		{"Engineers found the giant Bolton field in 1970.", "Bolton", news.Place},
		{"A giant American flag hung behind the stage.", "American", ""},
		{"The network Chicago affiliate aired the interview.", "Chicago", news.Place},
		{"The app Maria built for her class won a prize.", "Maria", news.Person},
		{"Tom Harper runs the company. The company Harper founded is small. Harper said so.", "Tom Harper", news.Person},
	} {
		if got := kindOf(c.text, c.name); got != c.want {
			t.Errorf("%q: %s is %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

// A state's mission abroad ("the U.S. Embassy", "the British Consulate")
// is an organisation; a hotel or a street named after one is not.
func TestEmbassyIsAnOrganisation(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"Protesters gathered outside the U.S. Embassy in Calderia on Monday.", "U.S. Embassy"},
	})
	checkKinds(t, "", []textName{
		{"She stayed at the Embassy Suites hotel near the airport.", "Embassy Suites"},
		{"They walked down Embassy Row to the park.", "Embassy Row"},
	})
}

// A scraped link's label ("Opens a New Window") is no name, nor part of
// the name before it.
func TestLinkLabelIsNoName(t *testing.T) {
	text := "Sen. Maria Lopez Opens a New Window said the bill would fail."
	checkKinds(t, news.Person, []textName{{text, "Maria Lopez"}})
	checkKinds(t, "", []textName{{text, "New Window"}, {text, "Maria Lopez Opens"}})
	checkKinds(t, "", []textName{
		{"The museum Opens a new wing on Friday, the director said.", "Opens"},
	})
}

// Initials right before a surname are the person's ("C.T. Vivian"), not
// an organisation beside a surname; a state's or a country's initials,
// and initials before a common word or a place's word, are not.
func TestInitialsJoinTheSurname(t *testing.T) {
	checkKinds(t, news.Person, []textName{
		{"The family announced the death of C.T. Vivian on Friday.", "C.T. Vivian"},
		{"Judge T.S. Ellis said the trial would go ahead.", "T.S. Ellis"},
	})
	checkKinds(t, news.Org, []textName{{"The U.S. Navy sent two ships.", "U.S. Navy"}})
	checkNotKind(t, news.Person, []textName{
		{"Letters can be sent to P.O. Box 7260 in the city.", "P.O. Box"},
		{"He lied about it to the F.B.I. Nothing happened after that.", "F.B.I. Nothing"},
		{"The storm hit Charleston, S.C. Rivals in the race met on Monday.", "S.C. Rivals"},
	})
}

// A dateline's city opened by "ST." is one place ("ST. LOUIS (AP) --"),
// not "ST" and "LOUIS"; a headline in capitals opened so is no dateline.
func TestSaintDatelineIsOnePlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"ST. LOUIS (AP) — A fire destroyed a warehouse on Monday.", "St. Louis"},
	})
	checkKinds(t, "", []textName{{"ST. PATRICK'S DAY PARADE DRAWS CROWDS", "St. Patrick's"}})
}

// "Union" of "the State of the Union" (an address) is no organisation;
// a name that only opens with "Union" after a lower-case "state of the"
// is left alone.
func TestStateOfTheUnionIsNoOrganisation(t *testing.T) {
	checkKinds(t, "", []textName{
		{"In his State of the Union address, the president spoke about jobs.", "Union"},
	})
	checkKinds(t, news.Org, []textName{
		{"The report on the state of the Union Pacific railroad was released.", "Union Pacific"},
		{"The European Union said on Monday it would respond.", "European Union"},
	})
}

// The name after an employee's role and "for" ("economist for ...") is
// the employer, and the name before that apposition the employee, though
// the employer's words are people's and the employee's common words; a
// spokesman's principal and a person the article names stay people.
func TestEmployerAfterAnEmployeesRole(t *testing.T) {
	text := "Chip Brown, senior Latin American economist for Calder Smith Barney in Kessel, said rates would hold."
	checkKinds(t, news.Org, []textName{{text, "Calder Smith Barney"}})
	checkKinds(t, news.Person, []textName{
		{text, "Chip Brown"},
		{"Jim Manley, a spokesman for Harry Reid, said the vote would be held.", "Harry Reid"},
		{"He worked as an analyst for Ellis before the firm closed. Tom Ellis founded it.", "Tom Ellis"},
		{"Wells Fargo, the bank whose chief economist for years was Ann Lee, said rates would rise.", "Ann Lee"},
	})
	checkKinds(t, news.Org, []textName{
		{"Wells Fargo, the bank whose chief economist for years was Ann Lee, said rates would rise.", "Wells Fargo"},
	})
}
