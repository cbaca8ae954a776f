package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// The name in a dateline's parentheses is the news agency; a person's
// place in parentheses before a dash is not.
func TestDatelineAgencyIsAnOrganisation(t *testing.T) {
	for _, text := range []string{
		"TOKYO (AP) _ A mysterious illness struck the town of Kessel on Monday, officials said.",
		"HANOI, Vietnam (AP) -- Vietnam said on Monday it would open the port of Kessel.",
	} {
		if got := kindOf(text, "AP"); got != news.Org {
			t.Errorf("%q: AP is %q, want an organisation", text, got)
		}
	}
	text := "John Smith (Bristol) - a coach - said the team would win."
	if got := kindOf(text, "Bristol"); got == news.Org {
		t.Errorf("%q: Bristol is read as a dateline's agency", text)
	}
}

// A place in parentheses after a line in capitals is a place, not a
// dateline's agency.
func TestDatelineParenthesesHoldingAPlaceStayAPlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"ROME (Italy) - The team arrived on Sunday for the final.", "Italy"},
		{"GOLF LEADERS Tom Kessam (Spain) - 66", "Spain"},
	})
}

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

// A dateline's city opened by "ST." is one place ("ST. LOUIS (AP) --"),
// not "ST" and "LOUIS"; a headline in capitals opened so is no dateline.
func TestSaintDatelineIsOnePlace(t *testing.T) {
	checkKinds(t, news.Place, []textName{
		{"ST. LOUIS (AP) — A fire destroyed a warehouse on Monday.", "St. Louis"},
	})
	checkKinds(t, "", []textName{{"ST. PATRICK'S DAY PARADE DRAWS CROWDS", "St. Patrick's"}})
}

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
