package compare

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A store named for a first name's possessive ("Sam's Club" here, an
// invented "Rosa's Bank") is one organisation, not a person and a place;
// a state's possessive stays apart ("North Carolina's Bank").
func TestFirstNamePossessiveOpensAStoreName(t *testing.T) {
	text := "Shoppers waited outside the Rosa's Bank branch in Dorrin on Friday. " +
		"A spokesman for Rosa's Bank said the branch would reopen on Monday."
	state := "Voters in North Carolina's Bank district waited for the count on Friday."
	checkKinds(t, news.Org, []textName{{text, "Rosa's Bank"}})
	checkKinds(t, "", []textName{{text, "Rosa"}, {state, "Carolina's Bank"}})
}

// A people's possessive before a newspaper's word is one outlet's name
// ("Farmers' Daily"), not a lone "Daily".
func TestPeoplesPossessiveOpensANewspaperName(t *testing.T) {
	text := "Floods covered the fields of Kessel Province, the Farmers' Daily reported on Sunday. " +
		"The paper said dikes held near Dorrin."
	checkKinds(t, news.Org, []textName{{text, "Farmers' Daily"}})
	checkKinds(t, "", []textName{{text, "Daily"}})
}

// A table's header in capitals ending with "DAILY" is no outlet.
func TestCapitalsDailyIsNoOutlet(t *testing.T) {
	text := "Kessel and Dorrin markets at 0900 GMT MARROW INDEX DAILY % MARROW YTD % Kessel +0.4 Dorrin -0.2"
	for _, e := range DefaultRecogniser().Entities(text) {
		if strings.Contains(strings.ToLower(e.Name), "daily") {
			t.Errorf("a table's header is read as a name: %q (%s)", e.Name, e.Kind)
		}
	}
}

// A newspaper's hyphenated title is the outlet, not a person or a place;
// a "Post-" prefix is no newspaper.
func TestHyphenatedNewspaperIsAnOutlet(t *testing.T) {
	text := "The mayor of Dorrin resigned on Monday, the Dorrin Ledger-Tribune reported. " +
		"An editor at the Kessel Journal-Courier said the paper had seen the letter."
	for _, name := range []string{"Dorrin Ledger-Tribune", "Kessel Journal-Courier"} {
		if got := kindOf(text, name); got != news.Org {
			t.Errorf("%s is %q, want an organisation", name, got)
		}
	}
	prefix := "Shops in Dorrin said Monday that Kessel Post-Harvest sales had doubled."
	for _, e := range DefaultRecogniser().Entities(prefix) {
		if e.Kind == news.Org && strings.Contains(e.Name, "Post-Harvest") {
			t.Errorf("a Post- prefix is read as a newspaper: %q", e.Name)
		}
	}
}

// A name after "The" capitalised inside a sentence and ending with a
// newspaper's word is the newspaper; a title the model finds no name in
// stays none.
func TestNewspaperAfterCapitalTheIsAnOrganisation(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"In an interview with The Kansas City Star, he said the lack of candor hurt.", "Kansas City Star"},
	})
	checkKinds(t, "", []textName{
		{"She watched The Rising Sun on Friday.", "Rising Sun"},
	})
}

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

// "at" puts a firm before a state's abbreviation as often as a town: the
// firm stays an organisation.
func TestFirmAtBeforeStateAbbreviationStaysAnOrganisation(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"Profit\nAnalysts at Walmart, Ark. headquarters expect higher profit.", "Walmart"},
		{"Meeting\nOfficials met at Dow Chemical, Mich. offices to discuss the spill.", "Dow Chemical"},
	})
}

// A word cut as a person's title before a name ending with an
// organisation's word is part of the organisation ("the Justice
// Department", "the U.N. General Assembly"); not after an honorific or
// "Former", nor a person's name, nor a facility CoNLL counts as a place.
func TestTitleWordBeforeOrganisationWordIsPartOfIt(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"The Justice Department said on Monday it would appeal the ruling.", "Justice Department"},
		{"Critics said the Justice Department had erred in the case.", "Justice Department"},
		{"He will speak at the U.N. General Assembly in Kessel next week.", "U.N. General Assembly"},
		{"Workers at General Motors went on strike in Calder on Monday.", "General Motors"},
	})
	checkNotKind(t, news.Org, []textName{
		{"Mr. Bloomberg said on Monday that the plan would work.", "Mr. Bloomberg"},
		{"Former White House intern Lena Marsh spoke on Monday.", "Former White House"},
		{"Doctors at Calder General Hospital said the outbreak was over.", "Calder General Hospital"},
		{"Sen. Frank Church led the inquiry in 1975.", "Sen. Frank Church"},
	})
}

// An award or its ceremony is no person, place or organisation ("won an
// Emmy", "host the Oscars", "the Albert Pellman Award"); a first name that
// is also an award's nickname stays the person.
func TestAnAwardIsNoEntity(t *testing.T) {
	checkKinds(t, "", []textName{
		{"Kessler won an Emmy in 2011 for hosting the show, and later wrote a novel.", "Emmy"},
		{"Jane Varden will host the Oscars next March, the academy said on Tuesday.", "Oscars"},
		{"Marta Kessel received the Albert Pellman Award for her research on malaria.", "Albert Pellman Award"},
		{"Rolf Tanner, a Tony Award winner, will direct the play in Calder.", "Tony Award"},
		{"She was nominated for a Primetime Emmy for her work on the series.", "Primetime Emmy"},
	})
	checkKinds(t, news.Person, []textName{
		{"Emmy Rossel said she was thrilled with the new contract on Monday.", "Emmy Rossel"},
		{"Tony Brennan met the prime minister on Monday. Tony said the talks went well.", "Tony Brennan"},
		{"Emmy, a nurse from Calder, said the clinic had run out of masks.", "Emmy"},
	})
}
