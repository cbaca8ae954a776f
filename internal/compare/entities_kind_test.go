package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A name the recogniser reads as a place in one article and an
// organisation in another is one entity of the story, of the kind most of
// its mentions have.
func TestANameHasOneKindAcrossTheStory(t *testing.T) {
	mentions := map[string][]mention{
		"a": {{name: "Aldbury", kind: news.Place}, {name: "Aldbury", kind: news.Place, offset: 40}, {name: "Piers Hollis", kind: news.Person, offset: 60}},
		"b": {{name: "Aldbury", kind: news.Org}, {name: "Piers Hollis", kind: news.Org, offset: 30}},
	}
	got := map[string][]news.EntityKind{}
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		got[e.Name] = append(got[e.Name], e.Kind)
	}
	want := map[string][]news.EntityKind{"Aldbury": {news.Place}, "Piers Hollis": {news.Person}}
	for name, kinds := range want {
		if len(got[name]) != 1 || got[name][0] != kinds[0] {
			t.Errorf("%s: kinds %v, want only %v", name, got[name], kinds)
		}
	}
}

// The context of a name decides its kind where the words alone mislead:
// a state after "of" or in parentheses is a place, a party-and-state
// label and a storm are no entity, a title's "of State" and a party
// adjective are not part of the name after them.
func TestKindsFromContext(t *testing.T) {
	tests := []struct {
		text, name string
		want       news.EntityKind // "" when the name must not be an entity
	}{
		{"Representative Kurt Schrader of Oregon backed the bill on Tuesday.", "Oregon", news.Place},
		{"Joaquin Castro (Texas) and Debbie Dingell (Mich.) spoke for her.", "Texas", news.Place},
		{"Joaquin Castro (Texas) and Debbie Dingell (Mich.) spoke for her.", "Mich", news.Place},
		{"The bill was backed by former Pennsylvania Sen. Rick Santorum on Monday.", "Pennsylvania", news.Place},
		{"Rep. Michael McCaul, R-Texas, said the office knew.", "R-Texas", ""},
		{"Storm Eleanor brought flooding to the coast on Wednesday.", "Storm Eleanor", ""},
		{"Hurricane Sandy hit New Jersey in 2012.", "Hurricane Sandy", ""},
		{"The fight against COVID continues, said Fauci. COVID has hit hard.", "COVID", ""},
		{"The Biden administration sued the state on Monday.", "Biden", news.Person},
		{"The Kroonveldt administration sued the state on Monday.", "Kroonveldt", news.Person},
		{"The Democratic administration sued the state on Monday.", "Democratic", ""},
		{"The Harvard administration sued the state on Monday.", "Harvard", news.Org},
		{"The NASA administration sued the state on Monday.", "NASA", news.Org},
		{"The claims were made by Secretary of State Hillary Clinton on Wednesday.", "Hillary Clinton", news.Person},
		{"The offer came from White House Chief of Staff Rahm Emanuel last year.", "Rahm Emanuel", news.Person},
		{"The order came from Secretary of Homeland Security Kirstjen Nielsen on Monday.", "Kirstjen Nielsen", news.Person},
		{"Linda McMahon, the CEO of World Wrestling Entertainment, is running.", "World Wrestling Entertainment", news.Org},
		{"The race pits Republican Linda McMahon against the attorney general.", "Linda McMahon", news.Person},
		{"The bill died in the GOP-controlled Congress last year.", "Congress", news.Org},
		{"He served in the Marines for six years before law school.", "Marines", news.Org},
		{"We’re not going to stop, the crowd chanted in the square.", "We’re", ""},
		{"She moved to Ft. Myers in Florida after the war.", "Ft. Myers", news.Place},
		{"At a ceremony in front of the memorial in Shelton, he praised the veterans.", "Shelton", news.Place},
		{"He lost touch with Midwestern voters, the report said.", "Midwestern", ""},
		{"The State Department said on Monday that the Department would review the cable.", "Department", ""},
		{"The Supreme Court heard the case on Monday, and the Court may rule in June.", "Court", ""},
		{"The independent Sen. Angus King of Maine told reporters on Monday.", "Angus King", news.Person},
		{"The march honoured the Rev. Martin Luther King Jr. on Monday.", "Martin Luther King Jr", news.Person},
		{"North Carolina Rep. Bob Etheridge apologised on Monday.", "Bob Etheridge", news.Person},
		{"Actor George Calder spoke at the gala on Monday.", "George Calder", news.Person},
		{"FIRED Eric Calder spoke at the gala on Monday.", "Eric Calder", news.Person},
		{"The report of the Mueller investigation was read by Robert Mueller and the Mueller team.", "Robert Mueller", news.Person},
		{"San Francisco Mayor Ed Lee spoke on Monday.", "San Francisco", news.Place},
		{"The bill was backed by Senator Mark Calder of Virginia on Monday.", "Mark Calder", news.Person},
		{"The bill was backed by Senator Mark Calder of Virginia on Monday.", "Virginia", news.Place},
		{"The chairman of the House Ways and Means Committee spoke on Monday.", "House Ways and Means Committee", news.Org},
		{"A report by the Department of Housing and Urban Development came out on Monday.", "Department of Housing and Urban Development", news.Org},
		{"Both the House and Senate passed the bill on Monday.", "Senate", news.Org},
		// An organisation's word before "of" heads an organisation's name,
		// whatever place ends it; a state's name stays a place.
		{"Judges of the Court of Appeal of Kenya met in Nairobi on Monday.", "Court of Appeal of Kenya", news.Org},
		{"Envoys of the Republic of Kenya met in Nairobi on Monday.", "Republic of Kenya", news.Place},
		{"Officials from the FBI and National Security Agency spoke on Monday.", "FBI", news.Org},
		{"White House press secretary Josh Earnest last week played down the weight of the leaked cable.", "Josh Earnest", news.Person},
		{"Agents arrested Mr. Stone before dawn, and Ms. Rose agreed with Mr. Young later.", "Stone", news.Person},
		{"Agents arrested Mr. Stone before dawn, and Ms. Rose agreed with Mr. Young later.", "Young", news.Person},
		{"Thank you, Mr. President, she said to him on Monday.", "President", ""},
		{"Lawmakers vented. Representative-elect Mikie Sherrill, Democrat of New Jersey, said so on Twitter.", "Mikie Sherrill", news.Person},
		// Initials of several letters end a sentence before a first name
		// ("U.S. Tomas"), not before a surname ("A.J. Kowalski").
		{"The sanctions will hurt the U.S. Tomas Brandt said so on Monday.", "U.S. Tomas Brandt", ""},
		{"The sanctions will hurt the U.S. Tomas Brandt said so on Monday.", "Tomas Brandt", news.Person},
		{"The team general manager A.J. Kowalski said so on Monday.", "A.J. Kowalski", news.Person},
		// A party's members are no person (CoNLL: miscellaneous).
		{"The plan drew condemnation from Democrats, who called it an abuse of power.", "Democrats", ""},
		{"The decision incited condemnation from Democrats, who called it an abuse of his authority.\n\nThe committee will investigate, while House Democrats plan to block it.", "Democrats", ""},
		{"Republicans, who hold the Senate, blocked the bill on Monday.", "Republicans", ""},
		{"Senator Jane Roe, a Democrat, said the bill would fail on Monday.", "Democrat", ""},
		{"The bill was written by a Republican from Maine on Monday.", "Republican", ""},
		{"Tories said the plan would fail on Monday.", "Tories", ""},
		{"The Conservatives said the plan would fail on Monday.", "Conservatives", ""},
		{"A Tory backbencher said the plan would fail on Monday.", "Tory", ""},
		// An acronym defined in parentheses is what it stands for: the
		// name before it, or nothing after lower-case words.
		{"Nurses asked for more personal protective equipment (PPE) on Monday. PPE was scarce in the wards, they said.", "PPE", ""},
		{"The regulator will issue an emergency use authorization (EUA) within days. The EUA would cover adults.", "EUA", ""},
		// (Its initials spell it, so it is one entity with the name: see
		// withDefinedAcronyms.)
		{"Trains will run again in Lower Sarnia (LS) from Monday, officials said. LS has had no service for a year.", "Lower Sarnia", news.Place},
		{"Jon Kessler told AP on Monday that the march was calm. Photo: Jon Kessler (AP).", "AP", news.Org},
		// After a place, a dateline's credit is no name of it ("Washington (AFP)").
		{"Kabul (AFP) - Talks resumed on Monday. AFP reporters saw the delegations arrive.", "AFP", ""},
		// The plural of a common noun opening a sentence is no name,
		// unless the article capitalises it inside a sentence too.
		{"The ministry said on Monday that the scheme would end.\nFines will rise sharply next year, the agency said.", "Fines", ""},
		{"The ministry said on Monday that the scheme would end.\nExports will rise sharply next year, the agency said.", "Exports", ""},
		// A lone word that opens a longer name of the article is of its kind.
		{"Drumvale Biotech Ltd said on Monday its vaccine worked. The Drumvale vaccine was tested on 9,000 people, and Drumvale will file for approval.", "Drumvale", news.Org},
		// (A person's lone first name joins the person: givenNameOwners.)
		{"Mercedes driver Valtteri Bottas was second. Valtteri said the car was slow.", "Valtteri Bottas", news.Person},
		// A name after "the town of" is a place wherever the article writes it.
		{"Protesters stormed the offices of the Valdoran Democratic Party in the town of Kessel. Kessel was calm by night.", "Kessel", news.Place},
		// A participle that opens a sentence before a preposition names nothing.
		{"Combined with $2 billion approved last year, the fund would hold $9 billion.", "Combined", ""},
		{"Compared to last year, the harbour handled more ships.", "Compared", ""},
	}
	for _, tt := range tests {
		got := news.EntityKind("")
		var all []string
		for _, e := range DefaultRecogniser().Entities(tt.text) {
			all = append(all, string(e.Kind)+":"+e.Name)
			if e.Name == tt.name {
				got = e.Kind
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q is %q, want %q (entities %v)", tt.text, tt.name, got, tt.want, all)
		}
	}
}

// An elected title before the name of a thing ("the Gov. Mario M. Cuomo
// Bridge", "The Representative Town Meeting") does not make it a person
// (review of session 5; fixtures written for the test).
func TestElectedTitleBeforeAThingIsNoPerson(t *testing.T) {
	tests := []struct{ text, name string }{
		{"Traffic on the Gov. Tomas Brandt Bridge was slow on Monday.", "Tomas Brandt Bridge"},
		{"Letters went to the Sen. Tomas Brandt Office on Monday.", "Tomas Brandt Office"},
		{"The Representative Town Meeting voted on Monday.", "Town Meeting"},
	}
	for _, tt := range tests {
		var all []string
		for _, e := range DefaultRecogniser().Entities(tt.text) {
			all = append(all, string(e.Kind)+":"+e.Name)
			if e.Name == tt.name && e.Kind == news.Person {
				t.Errorf("%q: %q is a person (entities %v)", tt.text, tt.name, all)
			}
		}
	}
	// Still a person: an elected title before a full name.
	for _, e := range DefaultRecogniser().Entities("Lawmakers met. Sen. Tomas Brandt Kroon said so on Monday.") {
		if e.Name == "Tomas Brandt Kroon" && e.Kind != news.Person {
			t.Errorf("Tomas Brandt Kroon is %q, want person", e.Kind)
		}
	}
}

// A name a context rule makes a place somewhere in an article ("from
// Texas", "Texas Gov.") is a place wherever the article writes it, not an
// organisation where the words alone mislead the model ("three Texas
// ranchers"): one name, one kind per article.
func TestAPlaceByContextIsAPlaceThroughout(t *testing.T) {
	for _, text := range []string{
		"Three Texas ranchers sued on Monday. The money will not come from Texas or Puerto Rico, the governor said.",
		"The sheriff backed Texas Governor Tomas Brandt. \"I have watched Governor Brandt and Texas closely,\" he said. As Texas governor, Brandt sent troops to the border.",
	} {
		var all []string
		for _, e := range DefaultRecogniser().Entities(text) {
			all = append(all, string(e.Kind)+":"+e.Name)
		}
		for _, e := range DefaultRecogniser().Entities(text) {
			if e.Name == "Texas" && e.Kind != news.Place {
				t.Errorf("%q: Texas is %q, want place (entities %v)", text, e.Kind, all)
			}
		}
	}
}

// "one of Oregon's fumbles": a possessive after "of" is what the name owns,
// not where someone is from, so it does not make a team a place.
// "Fans from Texas" places the name in its sentence only: where the
// article writes it as a team that beats and scores, it stays a team.
func TestAPlaceByContextLeavesATeamATeam(t *testing.T) {
	text := "Texas beat Oklahoma 30-20 on Saturday. Fans from Texas filled the stadium. Texas scored twice in the final quarter."
	kinds := map[news.EntityKind]bool{}
	var all []string
	for _, e := range DefaultRecogniser().Entities(text) {
		all = append(all, string(e.Kind)+":"+e.Name)
		if e.Name == "Texas" {
			kinds[e.Kind] = true
		}
	}
	if !kinds[news.Org] {
		t.Errorf("the team Texas is no organisation: entities %v", all)
	}
}

func TestAPossessiveAfterOfIsNoHome(t *testing.T) {
	text := "The Bears forced two turnovers on Oregon's final possessions. He coughed up one of Oregon's fumbles. Oregon will host Washington next week."
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == "Oregon" && e.Kind != news.Org {
			t.Errorf("Oregon is %q, want org", e.Kind)
		}
	}
}

// A name the article once gives a title only people bear is a person
// wherever it is written, even where its other uses read like an
// organisation's ("Smith's court"); a title alone ("Mr. Secretary"), a
// slogan ("Justice for J6") and a firm whose name opens with a title
// ("Princess Cruises") name no one.
func TestATitledNameIsAPersonThroughout(t *testing.T) {
	text := "Judge Smith ruled on Monday. Smith's court said the case was closed."
	kinds := map[string]news.EntityKind{}
	for _, e := range DefaultRecogniser().Entities(text) {
		kinds[e.Name] = e.Kind
	}
	if kinds["Smith"] != news.Person {
		t.Errorf("Smith is %q, want person (entities %v)", kinds["Smith"], kinds)
	}
	for _, tt := range []struct{ text, name string }{
		{`"Mr. Secretary, the withdrawal was flawed," the senator told the minister.`, "Secretary"},
		{"Hundreds gathered for the Justice for J6 rally on Saturday.", "J6"},
		{"The Princess Cruises ship docked on Monday. Princess Cruises said all guests were well.", "Princess Cruises"},
		{"The Princess Cruises ship docked on Monday. Princess Cruises said all guests were well.", "Cruises"},
	} {
		for _, e := range DefaultRecogniser().Entities(tt.text) {
			if e.Kind == news.Person && e.Name == tt.name {
				t.Errorf("%q: %q is a person", tt.text, tt.name)
			}
		}
	}
}

// A surname alone that the story reads as a person somewhere counts the
// votes of the full person name ending with it: an article that calls
// "Halvorsen" an organisation twice and a person once is outvoted by the
// other that names "Ruth Halvorsen", and the two are one entity. A lone
// name that is a known place or firm and never read as a person keeps its
// kind ("Washington" the city beside "George Washington", "Ford" the firm
// beside "Gerald Ford"), and so does an acronym at the end of a bad name
// run ("Glenn Beck CPAC").
func TestASurnameVotesWithTheFullName(t *testing.T) {
	mentions := map[string][]mention{
		"a": {{name: "Halvorsen", kind: news.Org}, {name: "Halvorsen", kind: news.Org, offset: 40}, {name: "Halvorsen", kind: news.Person, offset: 50},
			{name: "CPAC", kind: news.Org, offset: 60}, {name: "Washington", kind: news.Place, offset: 70}, {name: "Ford", kind: news.Org, offset: 80},
			{name: "Ford", kind: news.Org, offset: 90}, {name: "Kessler", kind: news.Org, offset: 100}},
		"b": {{name: "Ruth Halvorsen", kind: news.Person}, {name: "Halvorsen", kind: news.Person, offset: 30}, {name: "Tomas Brandt CPAC", kind: news.Person, offset: 50},
			{name: "George Washington", kind: news.Person, offset: 70}, {name: "Gerald Ford", kind: news.Person, offset: 90}, {name: "Gerald Ford", kind: news.Person, offset: 110},
			{name: "Ivo Kessler", kind: news.Person, offset: 130}, {name: "Ivo Kessler", kind: news.Person, offset: 150}},
	}
	got := map[string]news.Entity{}
	for _, e := range entitiesOf([]string{"a", "b"}, mentions, nil) {
		got[e.Name] = e
	}
	if e, ok := got["Ruth Halvorsen"]; !ok || e.Kind != news.Person || len(e.Articles) != 2 {
		t.Errorf("Ruth Halvorsen: %+v, want a person in both articles (entities %v)", e, got)
	}
	if _, ok := got["Halvorsen"]; ok {
		t.Errorf("Halvorsen is an entity of its own: %v", got)
	}
	// A surname the lexicon and gazetteer do not know joins its full name
	// even where no article reads it as a person ("Mueller" an organisation).
	if e, ok := got["Ivo Kessler"]; !ok || len(e.Articles) != 2 {
		t.Errorf("Ivo Kessler: %+v, want a person in both articles (entities %v)", e, got)
	}
	for name, kind := range map[string]news.EntityKind{"CPAC": news.Org, "Washington": news.Place, "Ford": news.Org} {
		if e, ok := got[name]; !ok || e.Kind != kind || len(e.Articles) != 1 {
			t.Errorf("%s: %+v, want a %s of article a alone (entities %v)", name, e, kind, got)
		}
	}
}

// Ranks, clergy and ministers are titles only people bear: the name after
// one is a person throughout its article (session 10).
func TestRanksAndClergyTitlePeople(t *testing.T) {
	text := "The council approved Colonel Malick Diaw as its head. Sheikh Nawaf spoke on Monday, and Minister Juliari Batubara agreed."
	titled := titledPeople(candidatesOf(text))
	for _, name := range []string{"malick diaw", "nawaf", "juliari batubara"} {
		if !titled[name] {
			t.Errorf("%q is not titled as a person (got %v)", name, titled)
		}
	}
}
