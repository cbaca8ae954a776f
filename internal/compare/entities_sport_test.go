package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A sport report with no score, by its words, keeps a state's name as the
// model reads it: a team.
func TestSportWordMarksAMatchReport(t *testing.T) {
	for text, want := range map[string]bool{
		"Oregon prepares for its playoff game on Sunday.":  true,
		"Oregon won the championship last year.":           true,
		"Oregon lawmakers skipped town to avoid the vote.": false,
		"The nonplayoffish word does not count.":           false,
	} {
		if got := writesSportWord(text); got != want {
			t.Errorf("writesSportWord(%q) = %v, want %v", text, got, want)
		}
	}
}

// A state or city the gazetteer knows, written alone, is the place in an
// article that reports no match; in a match report it may be a team.
func TestKnownPlaceIsNoOrganisationOutsideAMatch(t *testing.T) {
	for text, name := range map[string]string{
		"Connecticut is poised to commit its electoral votes to the winner.":             "Connecticut",
		"Texas is lifting most of its remaining restrictions on Monday, officials said.": "Texas",
	} {
		if got := kindOf(text, name); got != news.Place {
			t.Errorf("%q: %s is %q, want a place", text, name, got)
		}
	}
	if got := kindOf("Texas beat Oklahoma 24-17 on Saturday, and Texas now leads the conference.", "Texas"); got == news.Place {
		t.Errorf("a team in a match report is read as a place")
	}
	for text, want := range map[string]bool{
		"won 24-17 on Saturday": true, "an 88-72 win": true, "drew 1–1 at home": true,
		"COVID-19 cases rose": false, "a 10-day break": false, "in 1990-1991": false, "a 2-year-old boy": false, "R-Texas": false,
	} {
		if got := scoresMatch(text); got != want {
			t.Errorf("scoresMatch(%q) = %v, want %v", text, got, want)
		}
	}
}

// A vote's or a court's tally and a span of days are no match's score: a
// political article that writes one still reads a known state as the
// place (s31-erev).
func TestTallyIsNoScore(t *testing.T) {
	for text, want := range map[string]bool{
		"passed in a 52-48 vote": false, "the council voted 7-2 to ban it": false, "the court ruled 5-4": false,
		"a 6-3 ruling": false, "the fair runs June 5-6": false, "talks on Dec. 5-6": false,
		"a bipartisan vote of 98-0": false, "the final tally was 97-1": false, "a 52-48 Senate vote": false,
		"the chamber is split 53-47 between the parties": false, "about 300-500 miles west": false, "children ages 5-11": false,
		"won 24-17 on Saturday": true, "took a 3-2 decision over the Rovers": true, "led 10-0 at the half": true,
		"beat them 50-43 in double overtime": true, "an 11-2 victory": true,
	} {
		if got := scoresMatch(text); got != want {
			t.Errorf("scoresMatch(%q) = %v, want %v", text, got, want)
		}
	}
	text := "The Senate approved the bill in a 52-48 vote on Tuesday. Texas officials said they would comply. Oregon said it would sue."
	for _, name := range []string{"Texas", "Oregon"} {
		if got := kindOf(text, name); got != news.Place {
			t.Errorf("%q: %s is %q, want a place", text, name, got)
		}
	}
}

// In a match report a lone word the model reads as a person is the team
// where the article writes it as one ("Drake, which", "beating Bradley"
// beside such a sign); a player written "Federer, who" stays a person.
func TestTeamWrittenAsASideIsAnOrganisation(t *testing.T) {
	text := "Will Marsh had 9 rebounds for Drake, which reached the final by beating Bradley on Thursday. Drake (15-17) lost 65-53."
	for _, name := range []string{"Drake", "Bradley"} {
		if got := kindOf(text, name); got != news.Org {
			t.Errorf("%q: %s is %q, want an organisation", text, name, got)
		}
	}
	checkKinds(t, news.Person, []textName{
		{"Drake, who scored 20 points in the 80-72 win, said the team played well.", "Drake"},
		{"Drake sang at halftime of the 24-17 game, and fans cheered. Drake, a rapper from Toronto, left early.", "Drake"},
	})
}
