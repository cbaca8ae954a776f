package compare

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// kindOf returns the kind the default recogniser gives a name in a text,
// "" when it lists no entity of that name.
func kindOf(text, name string) news.EntityKind {
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == name {
			return e.Kind
		}
	}
	return ""
}

// "US" in capitals inside a sentence is the country, as "U.S." is; in a
// line written in capitals it is the pronoun.
func TestUSInCapitalsIsTheCountry(t *testing.T) {
	for _, text := range []string{
		"The clinic ordered enough doses for every adult in the US by the end of July.",
		"Talks between the US and Calderia resumed in Kessel on Monday.",
		"The US said on Monday it would send more doses.",
	} {
		if got := kindOf(text, "United States"); got != news.Place {
			t.Errorf("%q: United States is %q, want a place", text, got)
		}
	}
	for _, text := range []string{"JOIN US FOR THE HARVEST FAIR", "They told us the fair would open on Monday."} {
		if got := kindOf(text, "United States"); got != "" {
			t.Errorf("%q: the pronoun is read as the United States (%s)", text, got)
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

// A war is an event, no place or organisation; an office named for war is
// an organisation's name.
func TestWarIsNoPlace(t *testing.T) {
	for text, name := range map[string]string{
		"He flew bombers in World War II, his son said.":      "World War II",
		"He served in the Vietnam War and later in Calderia.": "Vietnam War",
		"Veterans of the Gulf War met in Kessel on Monday.":   "Gulf War",
	} {
		if got := kindOf(text, name); got != "" {
			t.Errorf("%q: %s is a %s, want no entity", text, name, got)
		}
	}
	if !namesAWar([]nameToken{{word: "Napoleonic"}, {word: "Wars"}}) || namesAWar([]nameToken{{word: "Ministry"}, {word: "of"}, {word: "War"}}) {
		t.Errorf("namesAWar: wars and the Ministry of War misread")
	}
}

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

// A person the title names in full is that person where the text writes
// the surname alone, a common word the model reads as no name alone; an
// acronym after a headline's name is no surname.
func TestTitleNamesThePersonOfALoneSurname(t *testing.T) {
	text := "Team president Ed Stefanko said he met with Gravel on Friday. Gravel was one of the most popular players in club history."
	kindOfGravel := func(title string) news.EntityKind {
		for _, e := range Annotate(news.Article{ID: "x", Title: title, Text: text}).Entities {
			if e.Name == "Gravel" {
				return e.Kind
			}
		}
		return ""
	}
	if got := kindOfGravel("Coach Dorian Gravel fired by the Kessel Rovers"); got != news.Person {
		t.Errorf("the title's Dorian Gravel leaves the text's Gravel %q, want a person", got)
	}
	if got := kindOfGravel(""); got != "" {
		t.Logf("untitled, Gravel is %q", got)
	}
	if got := titleSurnames("Gupta tells Joe Rogan CNN shouldn't have said it"); got["cnn"] {
		t.Errorf("titleSurnames took the acronym CNN for a surname: %v", got)
	}
}

// The title's person is the person of a lone surname the model reads as a
// place, where no gazetteer knows the word as one.
func TestTitleSurnameIsNoPlace(t *testing.T) {
	a := news.Article{ID: "x", Title: "Interior Secretary Dorian Harwell announced major changes Thursday to the rules",
		Text: "Harwell, at a news conference in Washington, said that he knew the changes would evoke controversy."}
	kinds := map[string]news.EntityKind{}
	for _, e := range Annotate(a).Entities {
		kinds[e.Name] = e.Kind
	}
	if kinds["Harwell"] != news.Person || kinds["Washington"] != news.Place {
		t.Errorf("Harwell %q (want a person), Washington %q (want a place)", kinds["Harwell"], kinds["Washington"])
	}
}

// A country's initialism before an organisation's words qualifies them, as
// "U.S." does: the run is one name, not the country and a remnant
// ("Geological Survey" alone).
func TestCountryInitialismOpensOneName(t *testing.T) {
	text := "The US Geological Survey said the quake struck at dawn near Kessel."
	if got := kindOf(text, "US Geological Survey"); got != news.Org {
		t.Errorf("%q: US Geological Survey is %q, want an organisation", text, got)
	}
	if got := kindOf(text, "United States"); got != "" {
		t.Errorf("%q: the initialism is cut off as the country (%s)", text, got)
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

// "UN" alone is the United Nations, as "U.N." is.
func TestUNIsTheUnitedNations(t *testing.T) {
	for _, text := range []string{"The UN said on Monday that aid would reach Kessel.", "A UN spokesman said the convoy had left Kessel."} {
		if got := kindOf(text, "UN"); got != news.Org {
			t.Errorf("%q: UN is %q, want an organisation", text, got)
		}
	}
}

// An acronym of a common noun ("DUI", "DNA", "ATMs") names no
// organisation; an agency's acronym beside it still does.
func TestCommonNounAcronymIsNoOrganisation(t *testing.T) {
	text := "Officers in Dorrin charged the driver with DUI after the crash on Route 9. " +
		"The driver had two earlier DUI arrests, the FBI said. " +
		"DNA evidence tied him to a string of thefts from ATMs across Kessel County."
	for _, name := range []string{"DUI", "DNA", "ATMs"} {
		if got := kindOf(text, name); got != "" {
			t.Errorf("%s is read as a name (%s)", name, got)
		}
	}
	if got := kindOf(text, "FBI"); got != news.Org {
		t.Errorf("FBI is %q, want an organisation", got)
	}
}

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

// An acronym that is also a firm's or a network's name ("TNT", a courier
// and a television network) stays an organisation (s31-rev2).
func TestAcronymOfAFirmStaysAnOrganisation(t *testing.T) {
	text := "Shares of TNT rose 4 percent in Kessel after the courier reported higher profit."
	if got := kindOf(text, "TNT"); got != news.Org {
		t.Errorf("%q: TNT is %q, want an organisation", text, got)
	}
}

// A titled person's possessive before an organisation's word is the
// person's ("Prince Peter's Foundation"), not a store named for a first
// name (s31-rev2).
func TestTitledFirstNamePossessiveIsThePerson(t *testing.T) {
	text := "Prince Peter's Foundation gave money to the clinic in Dorrin on Monday."
	if got := kindOf(text, "Peter's Foundation"); got != "" {
		t.Errorf("%q: Peter's Foundation is read as a name (%s)", text, got)
	}
	if got := kindOf(text, "Peter"); got != news.Person {
		t.Errorf("%q: Peter is %q, want a person", text, got)
	}
}

// "Daily" or "Weekly" after a first name is a surname ("Tom Weekly"), not
// a newspaper's word (s31-rev2).
func TestDailyAfterAFirstNameIsASurname(t *testing.T) {
	text := "Tom Weekly, a teacher in Dorrin, said the school would reopen on Monday."
	if got := kindOf(text, "Tom Weekly"); got != news.Person {
		t.Errorf("%q: Tom Weekly is %q, want a person", text, got)
	}
	paper := "The Tom Weekly reported on Monday that the school in Dorrin would reopen."
	if got := kindOf(paper, "Tom Weekly"); got != news.Org {
		t.Errorf("%q: Tom Weekly is %q, want an outlet", paper, got)
	}
}

// textName is an invented text and a name in it.
type textName struct{ text, name string }

// checkKinds fails t for every case whose name the default recogniser
// does not give kind want ("" for no entity of that name).
func checkKinds(t *testing.T, want news.EntityKind, cases []textName) {
	t.Helper()
	for _, c := range cases {
		if got := kindOf(c.text, c.name); got != want {
			t.Errorf("%q: %s is %q, want %q", c.text, c.name, got, want)
		}
	}
}

// checkNotKind fails for every case whose name the recogniser gives the
// kind it must not have (checkKinds' converse, for where a rule must not
// fire).
func checkNotKind(t *testing.T, notWant news.EntityKind, cases []textName) {
	t.Helper()
	for _, c := range cases {
		if got := kindOf(c.text, c.name); got == notWant {
			t.Errorf("%q: %s is %q", c.text, c.name, got)
		}
	}
}
