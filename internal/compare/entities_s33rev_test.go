package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A line opening with a name in capitals, a comma, a few capitalised words
// and a dash is a dateline only where those words are a region: a place
// the gazetteer knows, a state's abbreviation, or one word the article
// writes again capitalised. An obituary's or a speaker list's heading, a
// legislator's party and state, or a headline in that shape keeps its
// names' kinds, as does an organisation the lexicon lists ("NBC, Chicago
// --").
func TestDatelineRegionMustBeAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"Budget news\nTRELLVILLE, Ore. _ A small town council approved the budget on Monday.", "Trellville"},
		{"Relief\nKELSO HOLLOW, Vardania _ Aid reached the village on Monday. Vardania said more would come.", "Kelso Hollow"},
	})
	checkKinds(t, news.Person, []textName{
		{"Vote results\nREP. NORA PELLING, D-Calif. -- voted against the measure, citing its cost to schools.", "Nora Pelling"},
		{"Obituaries\nMARGARET HOLLOWAY, Retired Teacher -- Margaret Holloway, 84, died at home on Sunday.", "Margaret Holloway"},
		{"Speakers\nDAVID ORTEGA, Calder Foods -- spoke about supply costs for the region.", "David Ortega"},
	})
	checkNotKind(t, news.Place, []textName{
		{"Story\nSTORM HITS COAST, Officials Say -- the port was closed overnight.", "Storm Hits Coast"},
		{"Story\nBREAKING, Officials Say -- a storm has hit the coast near the port.", "Breaking"},
		{"Page\nNBC, Chicago -- The council voted on Tuesday to delay the plan.", "NBC"},
		{"Page\nFBI, Texas -- Agents searched the house on Tuesday.", "FBI"},
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

// A lone word after a person's title is no organisation joined with that
// title where the article names a person with it as surname, even one the
// model read as an organisation ("Judge Alan Post ... Judge Post").
func TestTitleBeforeAPersonsSurnameIsNoOrganisation(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"Ruling\nU.S. District Judge Alan Post set a trial date. Judge Post said the case was urgent.", "Judge Post"},
		{"Ruling\nCoach Eddie House praised the defence. Coach House said the team played well.", "Coach House"},
	})
}
