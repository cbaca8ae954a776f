package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// The words in capitals that open a wire dateline are the city it was filed
// from: a place, whatever the model read in them, where a region, the
// agency or a dash follows ("SPLIT, Croatia (AP) _", "TOPEKA, Kan. _",
// "WASHINGTON _"). A headline's kicker or an acronym spelt out in the same
// shape is no place.
func TestDatelineCityIsAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"MARLOVA BISTRA, Croatia (AP) _ Pilgrims gathered in the rain on Sunday to hear the bishop.", "Marlova Bistra"},
		{"SPLIT, Croatia (AP) _ The crowd split into two groups after the mass.", "SPLIT"},
		{"BUFFALO, N.Y. _ With marshals posted outside, the trial of the doctor began on Monday.", "Buffalo"},
		{"KELSO HOLLOW, Yugoslavia _ A man who says he is the lone survivor spoke on Monday.", "Kelso Hollow"},
		{"WASHINGTON _ With four days left before the deadline, the talks resumed on Monday.", "Washington"},
	})
	checkNotKind(t, news.Place, []textName{
		{"UPDATE (Reuters) - Shares of Calder Mining fell on Monday after the report.", "UPDATE"},
		{"IBM (International Business Machines) - the company said profits rose.", "IBM"},
		{"BREAKING NEWS _ The senate passed the bill late on Monday night.", "NEWS"},
		{"UNITED NATIONS (AP) _ The council met on Monday to discuss the truce.", "United Nations"},
	})
}

// A name right before a comma and AP's abbreviation of a state is the town
// ("in Ann Arbor, Mich."), where the gazetteer knows it, a preposition of
// place precedes it, or the model's person reading opens with no first
// name; a legislator before a state's abbreviation stays a person.
func TestTownBeforeStateAbbreviationIsAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"She works at a clinic in Ann Arbor, Mich. and teaches at the local college.", "Ann Arbor"},
	})
	checkKinds(t, news.Person, []textName{
		{"The senator, Tom Carper, Del. delegation leader, spoke on Monday.", "Tom Carper"},
		{"Jane Smith, Ind. voted no, said the clerk.", "Jane Smith"},
	})
}

// A nationality's word alone ("Swiss francs") is no entity; a person so
// surnamed keeps the surname.
func TestDemonymAloneIsNoEntity(t *testing.T) {
	checkKinds(t, "", []textName{
		{"The Red Cross is launching an appeal for 3 million Swiss francs in aid.", "Swiss"},
	})
	checkKinds(t, news.Person, []textName{
		{"Jack French runs the club. ``We have people talking about us,'' said French.", "Jack French"},
	})
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
