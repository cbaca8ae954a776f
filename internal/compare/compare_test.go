package compare

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

var (
	ledger = news.Article{ID: "ledger", Source: "The Harbor Ledger", Published: time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC),
		Title: "Harbour authority names new chief",
		Text: "The Calder Harbour Authority has appointed Teodor Brandvold as its chief executive, ending a year-long search.\n\n" +
			"Brandvold, 52, ran the container terminal at Fenwick for eight years.\n\n" +
			"\"Calder is the busiest port on this coast, and it should also be the best run,\" Brandvold told reporters. He said his first task would be to shorten the queue of ships.\n\n" +
			"The appointment was approved by the board on Monday."}
	courier = news.Article{ID: "courier", Source: "Northfield Courier", Published: time.Date(2026, 3, 3, 11, 0, 0, 0, time.UTC),
		Title: "New harbour chief promises shorter queues",
		Text: "Teodor Brandvold has been named chief executive of the Calder Harbour Authority after a search that lasted a year.\n\n" +
			"The 54-year-old ran Fenwick's container terminal for eight years before the move.\n\n" +
			"Mr. Brandvold, who trained as an engineer, said the busiest port on the coast \"should also be the best run.\" He grew up in Aldbury and still lives there.\n\n" +
			"\"My first job is the queue,\" he said. \"Ships should not wait a week to unload in the U.S. or anywhere else.\""}
)

func TestCompareStory(t *testing.T) {
	c := Compare([]news.Article{courier, ledger}) // given out of order on purpose

	if got := []string{c.Timeline[0].Article, c.Timeline[1].Article}; !reflect.DeepEqual(got, []string{"ledger", "courier"}) || !c.Timeline[0].First || c.Timeline[1].First {
		t.Errorf("timeline = %+v, want ledger first and marked", c.Timeline)
	}
	if !hasFact(c.Facts, "appointed Teodor Brandvold", "ledger", "courier") {
		t.Errorf("the appointment is not a shared fact: %+v", c.Facts)
	}
	if !contains(c.Unique["courier"], "grew up in Aldbury") {
		t.Errorf("courier's own fact is missing from unique: %q", c.Unique["courier"])
	}
	if !contains(c.Unique["ledger"], "approved by the board") {
		t.Errorf("ledger's own fact is missing from unique: %q", c.Unique["ledger"])
	}
	for _, q := range c.Quotes {
		if q.Speaker != "Teodor Brandvold" {
			t.Errorf("quote %q attributed to %q, want Teodor Brandvold", q.Text, q.Speaker)
		}
	}
	if len(c.Quotes) < 2 {
		t.Errorf("quotes = %+v, want at least two", c.Quotes)
	}
	if !hasEntity(c.Entities, "Teodor Brandvold", news.Person, 2) || !hasEntity(c.Entities, "Calder Harbour Authority", news.Org, 2) ||
		!hasEntity(c.Entities, "United States", news.Place, 1) {
		t.Errorf("entities = %+v", c.Entities)
	}
	if len(c.Conflicts) != 1 || len(c.Conflicts[0].Values) != 2 || !strings.Contains(c.Conflicts[0].Values[0].Value, "52") {
		t.Errorf("conflicts = %+v, want the age 52 against 54", c.Conflicts)
	}
	for _, f := range c.Facts {
		if len(f.Wordings) != len(f.Articles) {
			t.Errorf("fact %q: wordings %+v, want one per article of %v", f.Text, f.Wordings, f.Articles)
			continue
		}
		for i, w := range f.Wordings {
			byID := map[string]news.Article{"courier": courier, "ledger": ledger}
			if w.Article != f.Articles[i] || !strings.Contains(byID[w.Article].Text, w.Text) {
				t.Errorf("fact %q: wording %+v is not %s's own words", f.Text, w, f.Articles[i])
			}
		}
	}
	for _, v := range c.Conflicts[0].Values {
		if !strings.Contains(v.Sentence, strings.Fields(v.Value)[0]) {
			t.Errorf("value %q comes with the sentence %q, which does not give it", v.Value, v.Sentence)
		}
	}
}

func TestEmptyListsEncodeAsArrays(t *testing.T) {
	c := Compare([]news.Article{{ID: "a", Text: "One short line."}})
	if c.Facts == nil || c.Quotes == nil || c.Entities == nil || c.Conflicts == nil || c.Derivations == nil {
		t.Errorf("nil lists would encode as null: %+v", c)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"The 58-year-old engineer has been Norway's harbour master in Bergen since 2015.",
			"The engineer, 58, has served as Norway's harbour master at Bergen since 2015.", true},
		{"Police arrested two men after the robbery on Main Street.", "Officers detained two men following the Main Street robbery.", true},
		{"The council approved the budget on Tuesday.", "A storm flooded four towns in the valley.", false},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b) >= Model(Paraphrase).Threshold; got != tt.same {
			t.Errorf("Similarity(%q, %q) = %.2f; same = %v, want %v", tt.a, tt.b, Similarity(tt.a, tt.b), got, tt.same)
		}
	}
}

func TestQuoteAttribution(t *testing.T) {
	text := "Pavel Zorin flew back to Tallinn. Zorin gave an interview to NRB in August.\n\n" +
		"\"The harbour needs a second crane before the winter,\" he said.\n\n" +
		"The ministry said, \u201cRepairs to the north quay begin next month.\u201d\n\n" +
		"\u201cWe expect the work on the quay to take a year,\u201d said Zorin."
	qs := quotesOf(text, recognise(text))
	// No ministry is named: the speaker is "the ministry" as the article
	// describes it, never a wrong name (NRB, the last organisation).
	want := []string{"Pavel Zorin", "the ministry", "Pavel Zorin"}
	if len(qs) != len(want) {
		t.Fatalf("quotes = %+v, want %d", qs, len(want))
	}
	for i, q := range qs {
		if q.Speaker != want[i] {
			t.Errorf("quote %d %q: speaker %q, want %q", i, q.Text, q.Speaker, want[i])
		}
	}
}

func hasFact(facts []news.Fact, phrase string, ids ...string) bool {
	for _, f := range facts {
		if strings.Contains(f.Text, phrase) && reflect.DeepEqual(f.Articles, ids) {
			return true
		}
	}
	return false
}

func contains(sents []string, phrase string) bool {
	for _, s := range sents {
		if strings.Contains(s, phrase) {
			return true
		}
	}
	return false
}

func hasEntity(es []news.Entity, name string, kind news.EntityKind, articles int) bool {
	for _, e := range es {
		if e.Name == name && e.Kind == kind && len(e.Articles) == articles {
			return true
		}
	}
	return false
}

func TestPairFeaturesAreSymmetricAndBounded(t *testing.T) {
	pairs := [][2]string{
		{"Police arrested two men after the robbery on Main Street.", "Officers detained two men following the Main Street robbery."},
		{"The 58-year-old engineer has been Bergen's harbour master since 2015.", "He did not attend the summit in Geneva, officials said."},
		{"", "A sentence."},
	}
	for _, p := range pairs {
		ab, ba := PairFeatures(p[0], p[1]), PairFeatures(p[1], p[0])
		if len(ab) != len(FeatureNames) {
			t.Fatalf("%d features, %d names", len(ab), len(FeatureNames))
		}
		for i := range ab {
			if ab[i] != ba[i] || ab[i] < 0 || ab[i] > 1 {
				t.Errorf("feature %s: %v one way, %v the other (want equal, in [0,1])", FeatureNames[i], ab[i], ba[i])
			}
		}
	}
}

func TestFiguresThatDiffer(t *testing.T) {
	art := func(id, text string) news.Article { return news.Article{ID: id, Source: id, Text: text} }
	tests := []struct {
		name string
		a, b string
		want []string // the values in dispute; nil for none
	}{
		{"a count told two ways",
			"About 2,400 dockworkers walked off the job over pay.", "About 2,100 dockworkers walked off the job over pay.",
			[]string{"2,100 dockworkers", "2,400 dockworkers"}},
		{"the same count in other words",
			"There were roughly 61,000 arrests for illegal fishing in the bay last season, about a third of the 190,000 in 1998.",
			"Bay fishing apprehensions have dropped in recent seasons, to 47,000 in the last season from a peak of 190,000 in 1998.",
			[]string{"47,000", "61,000 arrests"}},
		{"a second figure is not a dispute",
			"Turnout was 61 percent in the city.", "Turnout in the city reached 61 percent, up from 48 percent.", nil},
		{"the ages of two people",
			"The mayor, Ilse Varga, 52, visited the site.", "Fire chief Tomas Brandt, 47, visited the site.", nil},
		{"ranks are not counts",
			"The senator is the No. 2 Republican in the chamber.", "The senator is the No. 3 Republican in the chamber.", nil},
		{"a fragment left by a split",
			"3 Republican in the chamber.", "The senator is the 2 Republican in the chamber.", nil},
		{"one figure cut to another's precision",
			"The couple paid $43,885,310 in federal taxes over the eight years.", "The couple paid $43 million in federal taxes over the eight years.", nil},
		{"two measures of one subject: what the votes are for differs",
			"The minority leader said he had the 41 votes needed to block the appointment in the council.",
			"Council rules require a supermajority of 60 votes to overcome such a block of the appointment.", nil},
		{"a count with a purpose against one without",
			"The minority leader said he had the 41 votes needed to block the appointment in the council.",
			"The majority leader said he had only 51 votes right now because one member of the council is ill.", nil},
		{"one measure: the votes are for the same thing",
			"The minority leader said he had the 41 votes needed to block the appointment in the council.",
			"The minority leader said he had the 38 votes needed to block the appointment in the council.",
			[]string{"38 votes", "41 votes"}},
		{"a score and a record are not counts",
			"Locking up the fifth seed, Tomas Brandt completed 29-of-34 passes for 364 yards to lead the Rovers over the Harriers.",
			"Brandt threw for 364 yards, and the Rovers secured the fifth seed with a 31-24 victory over the Harriers.", nil},
		{"the ages of two people named in one sentence",
			"Those who knew Piet Kroon, 40, were still in shock after the shooting at his office.",
			"Police said the fired man, Tomas Brandt, 61, opened fire at the office, killing Piet Kroon, 40.", nil},
		{"the ages of two accused named in one sentence",
			"Tomas Brandt, 20, is the accused gunman who fired from the rooftop, police said.",
			"The woman was killed when the accused gunmen Tomas Brandt and Piet Kroon, 24, fired from the rooftop, police said.", nil},
		{"one person's age told two ways",
			"The accused gunman, Tomas Brandt, 20, fired from the rooftop, police said.",
			"The accused gunman, Tomas Brandt, 22, fired from the rooftop, police said.",
			[]string{"20", "22"}},
		{"a range's scale word counts for both ends",
			"The Harriers have tabled a bid between $120 and $130 million over six years, the club said.",
			"The Harriers tabled a bid worth between $120 million and $130 million over six years, the club said.", nil},
		{"the same measure of two periods",
			"Employers added 136,000 jobs in September, the statistics office said on Friday.",
			"Employers added 213,000 jobs in June, the statistics office said on Friday.", nil},
		{"the same measure of one period",
			"Employers added 136,000 jobs in September, the statistics office said on Friday.",
			"Employers added 128,000 jobs in September, the statistics office said on Friday.",
			[]string{"128,000 jobs", "136,000 jobs"}},
		{"the dates of two wire datelines",
			"ALDBURY, Calder, February 8 (VWS) -- The envoy called on the government to halt the clashes in which 120 people have died.",
			"Calder, February 9 (VWS) -- The envoy urged the president to visit the province to end the clashes that killed 120 people.", nil},
		{"times of day written with spaces",
			"The fire at the mill was reported at 3: 33 a. m. on Monday, the police said.",
			"Dispatchers got a call about the fire at the mill shortly after 3: 30 a. m. on Monday, the police said.", nil},
		{"the groups of a telephone number",
			"Anyone with information about the fire is asked to call the police on 0845 125 222 or the hotline.",
			"Anyone with information about the fire is asked to call the police on 0845 125 2222 or the hotline.", nil},
		{"a lower bound and a figure above it agree",
			"At least 12 people were injured in the shooting at the garlic festival on Sunday, police said.",
			"The gunman left three dead and 15 people injured in the shooting at the garlic festival on Sunday, police said.", nil},
		{"an upper bound and a figure below it agree",
			"As many as 1,000 people may have been infected in the outbreak at the county fair, officials said.",
			"Some 600 people have been infected in the outbreak at the county fair, officials said.", nil},
		{"a lower bound and a figure below it differ",
			"At least 40 people were injured in the shooting at the garlic festival on Sunday, police said.",
			"The gunman left three dead and 15 people injured in the shooting at the garlic festival on Sunday, police said.",
			[]string{"15 people", "40 people"}},
		{"a count after a year and a comma",
			"In 2019, 300 people were killed on the roads of the province, police said.",
			"In 2019, 450 people were killed on the roads of the province, police said.",
			[]string{"300 people", "450 people"}},
		{"a count in a list is no digit group",
			"The storm killed 12, 30 were injured in the province, officials said on Monday.",
			"The storm killed 15, 30 were injured in the province, officials said on Monday.",
			[]string{"12 people", "15 people"}}, // a toll verb counts people
		{"a day after a toll is no unit (wire style)",
			"Gunmen killed 12 Tuesday in an attack on a market in Calder, police said.",
			"Gunmen killed 15 people Tuesday in an attack on a market in Calder, police said.",
			[]string{"12 people", "15 people"}},
		{"the groups of thousands written as tokenised text are no counts",
			"The storm left 1, 200 people homeless in the province, officials said on Monday.",
			"The storm left 3, 500 people homeless in the province, officials said on Monday.", nil},
		{"two lower bounds apart",
			"At least 12 people were killed in the attack on the market on Sunday, police said.",
			"At least 20 people were killed in the attack on the market on Sunday, police said.",
			[]string{"12 people", "20 people"}},
		{"two lower bounds more than twice apart are a part and a whole",
			"At least 430 people were killed by the storm across the islands, officials said on Monday.",
			"At least 69 people were killed by the storm in the province, officials said on Monday.", nil},
		{"one sentence retold with a figure three times the other is a dispute",
			"A bus overturned on the coast road on Sunday, injuring 12 passengers, police said.",
			"A bus overturned on the coast road on Sunday, injuring 36 passengers, police said.",
			[]string{"12 passengers", "36 passengers"}},
		{"a crowd counted in one sentence retold, 2.5 times apart, is a dispute",
			"About 10,000 people marched through Vennick on Saturday against the new water tax.",
			"About 25,000 people marched through Vennick on Saturday against the new water tax.",
			[]string{"10,000 people", "25,000 people"}},
		{"two figures more than twice apart are two measures",
			"The documents show 12,000 Freedonian troops assigned to the province, officials said.",
			"Officials said 2,000 Freedonian troops launched an attack in the province.", nil},
		{"a lower bound and a figure far below it are two measures",
			"More than 320,000 people in the province were forced out of their homes, relief officials said.",
			"About 15,700 people in the province were forced out of their homes, relief officials said.", nil},
		{"two temperatures near zero are compared however far apart",
			"The coldest reading on Sunday, minus 30 Celsius (minus 22 Fahrenheit), came from the hills above Calder.",
			"The hills above Calder fell to minus 30 Celsius (minus 5 Fahrenheit) on Sunday, the weather office said.",
			[]string{"22 fahrenheit", "5 fahrenheit"}},
		{"a lower bound and a figure far above it",
			"More than 5 people were killed in the attack on the market on Sunday, police said.",
			"Some 500 people were killed in the attack on the market on Sunday, police said.",
			[]string{"5 people", "500 people"}},
		{"over as a preposition is no bound",
			"The two sides fought over 12 islands in the disputed sea last year, officials said.",
			"The two sides fought for 20 islands in the disputed sea last year, officials said.",
			[]string{"12 islands", "20 islands"}},
		{"a name that is a month is no period",
			"Prime Minister Theresa May said 300 jobs would go at the plant in Sunderland.",
			"The prime minister said in June that 450 jobs would go at the plant in Sunderland.",
			[]string{"300 jobs", "450 jobs"}},
		{"a month across a comma is no period",
			"The protests, which began in September, have left 12 people dead in the capital, police said.",
			"The protests have left 20 people dead in the capital since October, police said.",
			[]string{"12 people", "20 people"}},
		{"the year of a report is no period",
			"In 2019, the company said it cut 300 jobs at the plant in Sunderland.",
			"The company said it cut 450 jobs at the plant in Sunderland, a 2020 report found.",
			[]string{"300 jobs", "450 jobs"}},
		{"the same measure of two years",
			"The company cut 300 jobs in 2019 at the plant in Sunderland, the union said.",
			"The company cut 450 jobs in 2018 at the plant in Sunderland, the union said.", nil},
		{"a date before a parenthesis mid-sentence is no dateline",
			"The deal was signed on March 3 (local time) - officials said the ceremony was brief.",
			"The deal was signed on March 9 (local time) - officials said the ceremony was brief.",
			[]string{"Mar 3", "Mar 9"}},
		{"the dates of one act",
			"The spending bill was signed by Mayor Ada Marsh on March 11 after a long debate in the council.",
			"The spending bill was signed by Mayor Ada Marsh on March 3 after a long debate in the council.",
			[]string{"Mar 11", "Mar 3"}},
		{"a place after to is no purpose",
			"The government sent 30,000 troops to southern Syria last week, officials said.",
			"The government sent 20,000 troops into Syria last week, officials said.",
			[]string{"20,000 troops", "30,000 troops"}},
		{"the statistics after a win-loss record are no counts",
			"The champion beat Tomas Brandt (36-3, 24 KOs) in the seventh round on Saturday night in Calder.",
			"The champion beat Tomas Brandt (36-3, 21 KOs) in the seventh round on Saturday night in Calder.", nil},
		{"a nationality before the counted noun is no unit: troops withdrawn and soldiers killed",
			"The minister said the decision to withdraw roughly 2,000 Freedonian troops from Sylvania was a step too far.",
			"More than 2,400 Freedonian soldiers have died in Marovia since the invasion, and the minister announced the pullouts.", nil},
		{"a nationality before the counted noun, one measure",
			"The minister said roughly 2,000 Freedonian troops would stay in Sylvania after the pullout.",
			"The minister said roughly 2,600 Freedonian troops would stay in Sylvania after the pullout.",
			[]string{"2,000 troops", "2,600 troops"}},
		{"two moments' scores of one game",
			"The Rovers took a 31-24 lead over the Harriers late in the fourth quarter on Sunday night in Calder.",
			"The Rovers held on to their 20-13 lead over the Harriers late in the fourth quarter on Sunday night in Calder.", nil},
		{"two players' points",
			"Tomas Brandt finished the game with 20 points and nine rebounds for the Rovers against the Harriers.",
			"Piet Kroon led the Rovers with 23 points and nine rebounds in the game against the Harriers.", nil},
		{"one player's points told two ways",
			"Tomas Brandt finished the game with 20 points and nine rebounds for the Rovers against the Harriers.",
			"Brandt finished the game with 24 points and nine rebounds for the Rovers against the Harriers.",
			[]string{"20 points", "24 points"}},
		{"two officials giving one count are its sources, not its owners",
			"Police chief Ada Marsh said 30 people were arrested at the protest in Calder on Sunday.",
			"Mayor Piet Kroon said 45 people were arrested at the protest in Calder on Sunday.",
			[]string{"30 people", "45 people"}},
		{"one man's age, described in other words",
			"The man accused of the shooting is Tomas Brandt, a 38-year-old Calder resident who was fired on Thursday.",
			"Prosecutors said the 39-year-old Calder man shot his former co-workers after he was fired on Thursday.",
			[]string{"38-year-old", "39-year-old"}},
		{"two people's ages, described in other words",
			"A 32-year-old Freedonian climber died after falling from a ridge in the national park, police said.",
			"A 36-year-old Sylvanian man died on Friday after falling from a ridge in the national park, police said.", nil},
		{"two spans of time: a duration names no thing it measures",
			"He was first imprisoned in February 1979 on three 10-year sentences for robbery of a bank in Calder.",
			"His probation was cancelled and he went back to prison in June 1986 on a new charge, with a new 20-year sentence.", nil},
		{"one sentence told two ways, pinned by another figure",
			"Tomas Brandt, 45, was sentenced on Monday to 12 years in prison for the robbery of a bank in Calder.",
			"Tomas Brandt, 45, was sentenced on Monday to 15 years in prison for the robbery of a bank in Calder.",
			[]string{"12 years", "15 years"}},
		{"an age before a name is that person's",
			"Police said the gunman, Tomas Brandt, had been fired and is accused of fatally shooting Piet Kroon, 40.",
			"The 61-year-old Tomas Brandt was charged on Saturday with murder in the fatal shooting, police said.", nil},
		{"an article that gives both values elsewhere holds them two measures",
			"More than 66,000 people in Calder were not counted in the census. The council said that the census missed 8 million people in the nation.",
			"The council said that the census missed 8 million people in the nation. More than 66,000 people in Calder were not counted in the census.", nil},
		{"another owner's figure elsewhere in an article is no account of this one's",
			"Piet Kroon had a career-high 14 points for the Rovers on Friday. The Harriers were paced by 13 points from Tomas Brandt, while Ada Marsh had 12 points and four assists.",
			"Ada Marsh scored 14 points and Tomas Brandt scored 13 for the Harriers in the game against the Rovers on Friday.",
			[]string{"12 points", "14 points"}},
		{"a possible count against a stated one",
			"The ruling party could have 60 seats in the assembly by the time the vote on the budget comes.",
			"The ruling party holds 55 seats in the assembly before the vote on the budget, officials said.", nil},
		{"two possible counts of one thing",
			"The ruling party could have 60 seats in the assembly by the time the vote on the budget comes.",
			"The ruling party could have 64 seats in the assembly by the time the vote on the budget comes.",
			[]string{"60 seats", "64 seats"}},
		{"a toll expected to rise is stated, not expected",
			"Some 52 people died and the toll is expected to rise, officials in the northern province said on Monday.",
			"Some 45 people died and the rescue is continuing, officials in the northern province said on Monday.",
			[]string{"45 people", "52 people"}},
		{"a modal of another clause before the figure",
			"The storm that forecasters expected to weaken killed 52 people in the northern province on Monday.",
			"The storm killed 45 people in the northern province on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"a planned count against a stated one",
			"The government will send about 800 troops to the border region next week, officials said.",
			"The government sent 1,500 troops to the border region last week, officials said.", nil},
		{"a plural demonym is the counted noun, not its verb",
			"Some 52 Freedonians died in the strikes on the camp in the south on Monday, officials said.",
			"Some 45 Freedonians have died in the strikes on the camp in the south on Monday, officials said.",
			[]string{"45 freedonians", "52 freedonians"}},
		{"a plural demonym before a participle",
			"The strikes on the camp in the south on Monday left 52 Freedonians wounded, officials said.",
			"The strikes on the camp in the south on Monday wounded 45 Freedonians, officials said.",
			[]string{"45 freedonians", "52 freedonians"}},
		{"two parties' votes are two counts",
			"Some 300 Greens voted for the bill in the assembly on Monday, officials said.",
			"Some 45 Liberals voted for the bill in the assembly on Monday, officials said.", nil},
		{"one nationality's troops in other words",
			"The minister said 2,000 Freedonian troops would stay in the country after the pullout next year.",
			"The minister said 2,600 Freedonian soldiers would stay in the country after the pullout next year.",
			[]string{"2,000 troops", "2,600 soldiers"}},
		{"two nationalities' troops are two counts",
			"The minister said 2,000 Freedonian troops would stay in the country after the pullout next year.",
			"The minister said 2,600 Sylvanian troops would stay in the country after the pullout next year.", nil},
		{"a speaker in apposition is the source, not the owner",
			"Ada Marsh, the police chief, said 30 people were arrested at the protest in Calder on Sunday.",
			"Piet Kroon, the mayor, said 45 people were arrested at the protest in Calder on Sunday.",
			[]string{"30 people", "45 people"}},
		{"the agency told is no owner",
			"Ada Marsh told the Associated Press that 30 people were arrested at the protest in Calder on Sunday.",
			"Piet Kroon told Reuters that 45 people were arrested at the protest in Calder on Sunday.",
			[]string{"30 people", "45 people"}},
		{"a name of another clause is no owner",
			"The flood, which prompted Governor Ada Marsh to declare an emergency, killed 52 people in the province.",
			"Governor Ada Marsh said the flood, which prompted Mayor Piet Kroon to declare an emergency, killed 45 people in the province.",
			[]string{"45 people", "52 people"}},
		{"according to a source",
			"According to police chief Ada Marsh, 30 people were arrested at the protest in Calder on Sunday.",
			"According to Mayor Piet Kroon, 45 people were arrested at the protest in Calder on Sunday.",
			[]string{"30 people", "45 people"}},
		{"the other value elsewhere in an article, of another fact",
			"Some 52 people died in the floods in the northern province on Monday, officials said. Another 45 people were injured in the floods.",
			"Some 45 people died in the floods in the northern province on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"the other value elsewhere in an article, of the other sentence's fact",
			"More than 66,000 people in Calder were not counted in the census, the council said. The council said that the census missed 8 million people in the nation.",
			"The council said that more than 8 million people in the nation were not counted in the census.", nil},
		{"the whole of a ratio is no count",
			"Seven of 10 Freedonians voting next week have had less than a primary education, the survey found.",
			"Of the 106 million Freedonians voting next week, nearly 70 percent have had less than a primary education.", nil},
		{"a name after an age past a verb is no owner of it",
			"The 25-year-old shot by Tomas Brandt was a student at the college in Calder, police said.",
			"Piet Kroon, 27, was shot by Tomas Brandt and was a student at the college in Calder, police said.",
			[]string{"25-year-old", "27"}},
		{"one strike's length told two ways",
			"The strike at the Calder port lasted 12 days before the union accepted the offer.",
			"The strike at the Calder port lasted 19 days before the union accepted the offer.",
			[]string{"12 days", "19 days"}},
		{"two seasons of one sentence's subject are no one span",
			"Tomas Brandt played 12 seasons for the Rovers before he retired from the game in Calder.",
			"Tomas Brandt coached for 15 seasons after he retired from the game in Calder, the club said.", nil},
		{"the part of a ratio is no count",
			"Tomas Brandt completed 29 of 34 passes for 364 yards in the win over the Harriers on Sunday.",
			"Tomas Brandt completed his first 17 passes and threw for 364 yards in the win over the Harriers on Sunday.", nil},
		{"a toll and a count of people of another kind",
			"In the northern province more than 50 people climbed onto the roof of a school to get away from the floodwaters.",
			"In the northern province at least 69 people died in the floodwaters, most of them buried in landslides.", nil},
		{"two tolls of people told by other words",
			"The floods in the northern province killed 52 people on Monday, officials said.",
			"Some 45 people perished in the floods in the northern province on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"one of a count is membership, not a ratio",
			"Piet Kroon was one of 52 people killed in the crash of the ferry off Calder, officials said.",
			"Piet Kroon was one of 45 people killed in the crash of the ferry off Calder, officials said.",
			[]string{"45 people", "52 people"}},
		{"a year before in is no ratio's part",
			"In 2019 in 52 countries the charity opened new clinics, its report said.",
			"In 2019 in 45 countries the charity opened new clinics, its report said.",
			[]string{"45 countries", "52 countries"}},
		{"a plural demonym and the same demonym as qualifier are one measure",
			"The strikes killed 52 Palestinian civilians in the camp on Monday, officials said.",
			"The strikes killed 45 Palestinians in the camp on Monday, officials said.",
			[]string{"45 palestinians", "52 civilians"}},
		{"a plural demonym and the same demonym before a noun, not a toll",
			"The Calder poll found 52 Americans support the plan for the new bridge, the survey said.",
			"The Calder poll found 45 American adults support the plan for the new bridge, the survey said.",
			[]string{"45 adults", "52 americans"}},
		{"two plural names are two measures",
			"The poll found 52 Democrats support the plan for the new bridge, the survey said.",
			"The poll found 45 Republicans support the plan for the new bridge, the survey said.", nil},
		{"a toll told as lives claimed",
			"Some 52 people were killed in the quake in the northern province on Monday, officials said.",
			"The quake in the northern province claimed the lives of 45 people on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"a part of the day after a day is no unit either",
			"A bomb killed 12 Tuesday night at the market in Calder, police said.",
			"A bomb killed 15 people Tuesday night at the market in Calder, police said.",
			[]string{"12 people", "15 people"}},
		{"a day and a part of it after both tolls",
			"A bomb killed 12 Tuesday morning at the market in Calder, police said.",
			"A bomb killed 15 Tuesday morning at the market in Calder, police said.",
			[]string{"12 people", "15 people"}},
		{"two parts of one whole",
			"Tomas Brandt completed 29 of 34 passes for 364 yards in the win over the Harriers on Sunday.",
			"Tomas Brandt completed 25 of 34 passes for 364 yards in the win over the Harriers on Sunday.",
			[]string{"25", "29"}},
		{"two parts of one whole, the noun after the whole",
			"The bill passed the Senate with 52 of 100 senators voting for it on Tuesday, officials said.",
			"The bill passed the Senate with 48 of 100 senators voting for it on Tuesday, officials said.",
			[]string{"48", "52"}},
		{"two parts of two wholes",
			"Tomas Brandt completed 29 of 34 passes for 364 yards in the win over the Harriers on Sunday.",
			"Tomas Brandt completed 25 of 40 passes for 364 yards in the win over the Harriers on Sunday.", nil},
		{"two countries' troops",
			"The minister said 2,000 Freedonian troops would stay in Calder next year, officials said.",
			"The minister said 2,600 Sylvanian troops would stay in Calder next year, officials said.", nil},
		{"a modal of another clause further back does not make the toll modal",
			"The storm that forecasters expected to weaken killed 52 people in the province on Monday, officials said.",
			"The storm killed 45 people in the province on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"a modal further back than modalReach is another clause's",
			"The storm that forecasters expected to weaken has left 52 people dead in the province, officials said.",
			"The storm has left 45 people dead in the province, officials said.",
			[]string{"45 people", "52 people"}},
		{"two players' points, each with a relative clause",
			"Tomas Brandt, who joined the Rovers in May, finished with 20 points against the Harriers on Sunday.",
			"Piet Kroon, who joined the Rovers in May, finished with 24 points against the Harriers on Sunday.", nil},
		{"a modal before an auxiliary and a past participle makes the toll possible",
			"The storm could have killed 52 people in the province on Monday, officials said.",
			"The storm killed 45 people in the province on Monday, officials said.", nil},
		{"drowned is a toll of the dead",
			"Some 52 people drowned in the floods in the northern province on Monday, officials said.",
			"The floods in the northern province killed 45 people on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"two officials informed of one count are told it, not its owners",
			"Police informed Mayor Ada Marsh that 30 people were arrested at the protest in Calder on Sunday.",
			"Police informed Mayor Piet Kroon that 45 people were arrested at the protest in Calder on Sunday.",
			[]string{"30 people", "45 people"}},
		{"a name in an earlier relative clause owns no count",
			"The flood, which prompted Governor Ada Marsh to declare an emergency in Calder, killed 52 people in the province.",
			"The flood in Calder killed 45 people in the province, officials said.",
			[]string{"45 people", "52 people"}},
		{"a capitalised word before a verb is the counted people",
			"Officials said 52 Freedonians wounded in the attack were taken to hospital in Calder.",
			"Officials said 45 Freedonians wounded in the attack were taken to hospital in Calder.",
			[]string{"45 freedonians", "52 freedonians"}},
		{"two kinds of people of one nationality",
			"The minister said 2,000 American troops would stay in Calder next year, officials said.",
			"The minister said 2,600 American contractors would stay in Calder next year, officials said.", nil},
		{"fatal injuries are a toll of the dead",
			"Police said 52 people suffered fatal injuries in the crash on the motorway near Calder on Monday.",
			"Police said 45 people were killed in the crash on the motorway near Calder on Monday.",
			[]string{"45 people", "52 people"}},
		{"bodies recovered are a toll of the dead",
			"Rescuers recovered the bodies of 52 people in the town after the quake on Monday, officials said.",
			"Rescuers said the quake killed 45 people in the town on Monday, officials said.",
			[]string{"45 people", "52 people"}},
		{"a day of a month before in is no ratio's part",
			"On March 3 in 52 towns of the province the charity opened new clinics, its report said.",
			"On March 3 in 45 towns of the province the charity opened new clinics, its report said.",
			[]string{"45 towns", "52 towns"}},
		{"a demand against a total",
			"The president demanded $5.7 billion for the wall in the talks.", "Congress approved $1.4 billion for border fencing last year.", nil},
	}
	for _, tt := range tests {
		c := Compare([]news.Article{art("a", tt.a), art("b", tt.b)})
		var got []string
		for _, x := range c.Conflicts {
			for _, v := range x.Values {
				got = append(got, v.Value)
			}
		}
		slices.Sort(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: disputed values %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestARisingTollIsAnUpdate(t *testing.T) {
	day := func(d int) time.Time { return time.Date(1998, 10, d, 9, 0, 0, 0, time.UTC) }
	art := func(id string, published time.Time, text string) news.Article {
		return news.Article{ID: id, Source: id, Published: published, Text: text}
	}
	first := "At least 129 people died on the main island after the typhoon struck, disaster officials said."
	later := "The typhoon killed at least 156 people on the main island, disaster officials said."
	smaller := "The typhoon killed at least 96 people on the main island, disaster officials said."
	manifest := "The ferry that sank off the main island was carrying 129 passengers when it went down, officials said."
	manifestLater := "The ferry that sank off the main island was carrying 156 passengers when it went down, officials said."
	manifestDead := "The ferry that sank off the main island was carrying 156 passengers, and the dead were many, officials said."
	eastern := time.FixedZone("EDT", -4*3600)
	tests := []struct {
		name     string
		a, b     news.Article
		disputed bool
	}{
		{"a higher toll a day later", art("a", day(24), first), art("b", day(25), later), false},
		{"a higher toll the same day", art("a", day(24), first), art("b", day(24).Add(3*time.Hour), later), true},
		{"a lower toll a day later", art("a", day(24), first), art("b", day(25), smaller), true},
		{"tolls without dates", art("a", time.Time{}, first), art("b", time.Time{}, later), true},
		{"a higher toll a day later, the later article first", art("b", day(25), later), art("a", day(24), first), false},
		{"a higher toll on one evening across UTC midnight",
			art("a", time.Date(1998, 10, 24, 19, 0, 0, 0, eastern), first), art("b", time.Date(1998, 10, 24, 22, 0, 0, 0, eastern), later), true},
		{"a higher count that is no toll a day later", art("a", day(24), manifest), art("b", day(25), manifestLater), true},
		{"a higher count a day later, a toll word on one side only", art("a", day(24), manifest), art("b", day(25), manifestDead), true},
	}
	for _, tt := range tests {
		got := len(Compare([]news.Article{tt.a, tt.b}).Conflicts) > 0
		if got != tt.disputed {
			t.Errorf("%s: disputed %v, want %v", tt.name, got, tt.disputed)
		}
	}
}

func TestUniqueClausesInsideSharedFacts(t *testing.T) {
	a := news.Article{ID: "a", Text: "Teodor Brandvold has led the Calder Harbour Authority since 2019, the authority said."}
	b := news.Article{ID: "b", Text: "Brandvold, who grew up in the port town of Aldbury, has led the Calder Harbour Authority since 2019."}
	c := Compare([]news.Article{a, b})
	if len(c.Facts) != 1 {
		t.Fatalf("facts = %+v, want the shared one", c.Facts)
	}
	if got := c.Unique["b"]; !reflect.DeepEqual(got, []string{"Brandvold grew up in the port town of Aldbury"}) {
		t.Errorf("b's own detail = %q", got)
	}
	if got := c.Unique["a"]; len(got) != 0 {
		t.Errorf("a's attribution was listed as a fact of its own: %q", got)
	}
}

func TestConflictingDatesAndRoleSpeakers(t *testing.T) {
	a := news.Article{ID: "a", Text: "The board said engineer Teodor Brandvold will take over the Calder Harbour Authority on March 3.\n\n" +
		"\"The queue of ships is my first job,\" the engineer said."}
	b := news.Article{ID: "b", Text: "The board said Teodor Brandvold will take over the Calder Harbour Authority on March 10."}
	c := Compare([]news.Article{a, b})
	if len(c.Conflicts) != 1 || len(c.Conflicts[0].Values) != 2 || c.Conflicts[0].Values[0].Value != "Mar 10" || c.Conflicts[0].Values[1].Value != "Mar 3" {
		t.Errorf("conflicts = %+v, want March 3 against March 10", c.Conflicts)
	}
	if len(c.Quotes) != 1 || c.Quotes[0].Speaker != "Teodor Brandvold" {
		t.Errorf("quotes = %+v, want the engineer resolved to Teodor Brandvold", c.Quotes)
	}
}

func TestDatelines(t *testing.T) {
	for in, want := range map[string]string{
		"CALDER (VWS) — Dockworkers voted on Monday.":          "Dockworkers voted on Monday.",
		"WASHINGTON (Reuters) - The Senate voted.":             "The Senate voted.",
		"PARIS, Nov. 3 (AFP) -- Strikes spread.":               "Strikes spread.",
		"The U.S. - Canada border reopened on Monday morning.": "The U.S. - Canada border reopened on Monday morning.",
	} {
		if got := stripDateline(in); got != want {
			t.Errorf("stripDateline(%q) = %q, want %q", in, got, want)
		}
	}
}

// wordPattern is what wordSpans implements by hand.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`)

func FuzzWordSpans(f *testing.F) {
	for _, s := range []string{"", "U.S. officials' plans", "Zorin’s term — ended; 2,400 dockworkers", "café déjà-vu", "Москва, 5 октября", "北京市", "\xff\xfeab'c", "a--b..c''d", "x\u0301y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := wordPattern.FindAllStringIndex(s, -1)
		got := wordSpans(s)
		if len(got) != len(want) {
			t.Fatalf("wordSpans(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("wordSpans(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

func TestPlacesByTheirGenericWord(t *testing.T) {
	for _, tc := range []struct {
		sentence, name string
		kind           news.EntityKind
	}{
		{"Crews reached Calder Point late on Monday after the storm.", "Calder Point", news.Place},
		{"The water board said Hollin Springs would be without water until Friday.", "Hollin Springs", news.Place},
		{"Two climbers were rescued from Mount Kessel on Sunday.", "Mount Kessel", news.Place},
		{"The ferry sank in Lake Orrin in heavy winds.", "Lake Orrin", news.Place},
		{"The mayor, Mara Voss, said the road would reopen.", "Mara Voss", news.Person},
	} {
		var got []mention
		for _, m := range recognise(tc.sentence) {
			if m.name == tc.name {
				got = append(got, m)
			}
		}
		if len(got) != 1 || got[0].kind != tc.kind {
			t.Errorf("%q in %q recognised as %+v, want one %s", tc.name, tc.sentence, got, tc.kind)
		}
	}
}

func TestFirstReportNeedsAnEarlierTime(t *testing.T) {
	date := func(d int) time.Time { return time.Date(2019, 1, d, 0, 0, 0, 0, time.UTC) }
	at := func(d, h int) time.Time { return time.Date(2019, 1, d, h, 0, 0, 0, time.UTC) }
	art := func(id, source string, published time.Time) news.Article {
		// a date alone is midnight UTC with its precision (date); midnight
		// given as a time is at(d, 0)
		return news.Article{ID: id, Source: source, Published: published, DateOnly: published.Hour() == 0 && !published.IsZero(), Text: "A short report."}
	}
	tests := []struct {
		name     string
		articles []news.Article
		want     string // the article marked first, "" for none
	}{
		{"dates alone on one day tie", []news.Article{art("a", "A", date(5)), art("b", "B", date(5)), art("c", "C", date(5))}, ""},
		{"a date ties with a time that day", []news.Article{art("a", "A", date(5)), art("b", "B", at(5, 9))}, ""},
		{"an earlier day is first", []news.Article{art("b", "B", date(6)), art("a", "A", date(5))}, "a"},
		{"hours apart", []news.Article{art("b", "B", at(5, 11)), art("a", "A", at(5, 8))}, "a"},
		{"the same second ties", []news.Article{art("a", "A", at(5, 8)), art("b", "B", at(5, 8))}, ""},
		{"an undated report ties with all", []news.Article{art("a", "A", at(5, 8)), art("b", "B", time.Time{})}, ""},
		{"the outlet's own update does not count", []news.Article{art("a", "A", at(5, 8)), art("a2", "A", at(5, 8)), art("b", "B", at(5, 12))}, "a"},
		{"one outlet has no first report", []news.Article{art("a", "A", at(5, 8)), art("a2", "A", at(5, 12))}, ""},
		{"midnight given as a time is before 09:00", []news.Article{art("b", "B", at(5, 9)), {ID: "a", Source: "A", Published: date(5), Text: "A short report."}}, "a"},
	}
	for _, tt := range tests {
		got := ""
		for _, e := range Compare(tt.articles).Timeline {
			if e.First {
				if got != "" {
					t.Errorf("%s: two articles marked first", tt.name)
				}
				got = e.Article
			}
		}
		if got != tt.want {
			t.Errorf("%s: first = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBuiltinModelsLoad(t *testing.T) {
	for _, mode := range []Mode{Paraphrase, Fact} {
		m := Model(mode)
		if m.Mode != mode || m.Threshold <= 0 || m.Threshold >= 1 || len(m.FittedOn) == 0 {
			t.Errorf("model %s: mode %q threshold %v fitted on %v", mode, m.Mode, m.Threshold, m.FittedOn)
		}
	}
	if _, err := ParsePairModel([]byte(`{"mode":"fact","features":["x"],"threshold":0.5}`)); err == nil {
		t.Error("a model of other features loads")
	}
}

func TestFactModeFindsACommonFactInLongerSentences(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		// Each adds its own detail to the same fact.
		{"The storm killed at least 12 people in the coastal town of Aldbury on Tuesday, officials said.",
			"At least 12 people died in Aldbury when the storm hit, and thousands lost power across the region.", true},
		{"The council approved the budget on Tuesday.", "A storm flooded four towns in the valley.", false},
	}
	for _, tt := range tests {
		if got, score := Same(Fact, tt.a, tt.b); got != tt.same {
			t.Errorf("Same(Fact, %q, %q) = %v (score %.2f), want %v", tt.a, tt.b, got, score, tt.same)
		}
	}
}

func TestOnlyInListsClaimsThatStandAlone(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"The board approved the new contract on Monday evening.", true},
		{"Earlier Friday", false},
		{"R-Texas", false},
		{"and therefore is not eligible to be president", false},
		{"White House Communications Director Hope Hicks", false},
		{"\u201cWhy would his own brother not know which town he grew up in?", false},
		{"\u201cIt is not a birther bill,\u201d Ms. Townsend said.", true},
		{"2019,\" Trump wrote on Twitter on Sunday morning", false},
		// A word that stands for the sentence before does not stand alone;
		// a time, an "it" holding a clause's place, a quotation's "It" do.
		{"It was quickly deleted from the council's website.", false},
		{"That number is expected to grow by the end of April.", false},
		{"Such as: the fees charged to fishermen at the harbour.", false},
		{"This week, the council voted to close the old library.", true},
		{"It is unclear whether the council will appeal the ruling.", true},
		{"It’s hard to see how the harbour can stay open.", true},
		// A subordinate opener stands with its main clause after a comma,
		// not alone.
		{"While the council met in private, the mayor resigned on Monday.", true},
		{"While the other members of the council waited outside the hall.", false},
		{"While 1,200 members of the dock workers' union waited outside the hall.", false}, // a number's comma
	}
	for _, tt := range tests {
		if got := standsAlone(tt.s, minUniqueWords); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestOnlyInRanksWhatAddsMost(t *testing.T) {
	a := news.Article{ID: "a", Text: "The Calder Harbour Authority has appointed Teodor Brandvold as its chief executive.\n\n" +
		"The weather was mild on the day of the announcement.\n\n" +
		"Brandvold ran the Fenwick container terminal for eight years and cut its queues by 40 percent."}
	b := news.Article{ID: "b", Text: "Teodor Brandvold has been named chief executive of the Calder Harbour Authority."}
	c := Compare([]news.Article{a, b})
	got := c.Unique["a"]
	if len(got) != 2 || !strings.Contains(got[0], "Fenwick") || c.UniqueShown != UniqueShown || len(c.UniqueScores["a"]) != 2 || c.UniqueScores["a"][0] < c.UniqueScores["a"][1] {
		t.Errorf("unique = %q scores %v shown %d, want the Fenwick record first", got, c.UniqueScores["a"], c.UniqueShown)
	}
}

func TestNgramPrecisions(t *testing.T) {
	a := profileOf("The board approved the plan.").ngramsOf()
	b := profileOf("The board approved it.").ngramsOf()
	got := ngramPrecisions(a, b)
	// 1-grams: a's five with "the" clipped to one in b: 3/5; b's four: 3/4.
	// 2-grams: a's four, two in b: 2/4; b's three: 2/3. 3-grams: 1/3 and 1/2.
	// 4-grams: a's two, none in b: 0; b's one: 0.
	want := []float64{3.0 / 5, 3.0 / 4, 2.0 / 4, 2.0 / 3, 1.0 / 3, 1.0 / 2, 0, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("precisions = %v, want %v", got, want)
			break
		}
	}
	if got := ngramPrecisions(profileOf("Yes.").ngramsOf(), profileOf("Yes.").ngramsOf()); got[2] != 1 || got[7] != 1 {
		t.Errorf("a one-word sentence has no 2-grams to disagree about: %v", got)
	}
}

func TestLexicalFeatures(t *testing.T) {
	got := lexicalFeatures(profileOf("Police arrested 12 men on Monday."), profileOf("Police arrested 15 men on Monday."))
	// One word of six replaced; the numbers differ; the lengths are equal.
	if want := []float64{1.0 / 6, 0, 0}; !slices.Equal(got, want) {
		t.Errorf("lexicalFeatures = %v, want %v", got, want)
	}
}

func TestClauseBreaks(t *testing.T) {
	tests := []struct {
		s    string
		want []int // where each break ends
	}{
		{"the envoy, who was born in siberia, left", []int{10, 14, 35}},
		{"prices rose - and fell", []int{14, 17}},
		{"a well-known band and a brand", []int{21}}, // a hyphen inside a word and "and" inside "brand" are no breaks
		{"he left (quietly) when it rained", []int{9, 17, 22}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := clauseBreakEnds(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("clauseBreakEnds(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestSemanticProfileIsTheSameWithACache(t *testing.T) {
	cache := meanings{}
	for _, s := range []string{"The envoy, who was born in Siberia, left Moscow.", "The envoy left Moscow on Monday."} {
		got, want := semanticWith(s, cache), semanticOf(s)
		if !slices.Equal(got.words, want.words) || !slices.Equal(got.weights, want.weights) || got.mean != want.mean || !slices.Equal(got.clauses, want.clauses) {
			t.Errorf("%q: with a cache %+v, without %+v", s, got, want)
		}
		for i := range got.vecs {
			if *got.vecs[i] != *want.vecs[i] {
				t.Errorf("%q: vector of %q differs with a cache", s, got.words[i])
			}
		}
	}
	if len(cache) != 6 || cache["envoy"] == nil {
		t.Errorf("cache holds %d words, want the 6 distinct content words (envoy, born, siberia, left, moscow, monday)", len(cache))
	}
}

func TestFactsJoinOneSentencePerArticleThatAllAgree(t *testing.T) {
	// Sentences 0-1 are article A's, 2-3 B's, 4-5 C's.
	articleOf := func(k int) int { return k / 2 }
	tests := []struct {
		name   string
		links  []link
		scores map[[2]int]float64 // of pairs not linked; 0 when absent
		want   [][]int
	}{
		{"three articles tell one fact", []link{{0, 2, 1.3}, {2, 4, 1.2}}, map[[2]int]float64{{0, 4}: 1.05},
			[][]int{{0, 2, 4}, {1}, {3}, {5}}},
		{"a third sentence near the fact but not deciding it does not join", []link{{0, 2, 1.3}, {2, 4, 1.2}}, map[[2]int]float64{{0, 4}: 0.9},
			[][]int{{0, 2}, {1}, {3}, {4}, {5}}},
		{"a sentence with two facts does not chain them", []link{{0, 2, 1.3}, {2, 4, 1.2}}, map[[2]int]float64{{0, 4}: 0.3},
			[][]int{{0, 2}, {1}, {3}, {4}, {5}}},
		{"an article tells a fact once", []link{{0, 2, 1.3}, {1, 2, 1.2}}, nil,
			[][]int{{0, 2}, {1}, {3}, {4}, {5}}},
	}
	for _, tt := range tests {
		scoreOf := func(k, m int) float64 {
			for _, l := range tt.links {
				if l.k == k && l.m == m || l.k == m && l.m == k {
					return l.score
				}
			}
			return tt.scores[[2]int{min(k, m), max(k, m)}]
		}
		if got := groupLinked(6, articleOf, tt.links, scoreOf); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: groups %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOnlyMutualBestMatchesLink(t *testing.T) {
	articleOf := func(k int) int { return k / 2 }
	// 0 (A) and 2 (B) are each other's best; 1 (A) prefers 2, whose best in A is 0.
	links := []link{{0, 2, 1.3}, {2, 0, 1.3}, {1, 2, 1.1}}
	if got, want := mutualLinks(links, articleOf), []link{{0, 2, 1.3}, {2, 0, 1.3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("mutual links %v, want %v", got, want)
	}
}

func TestOneQuotationIsOneFact(t *testing.T) {
	// Two articles each quote the same words over two sentences, and add a
	// third sentence of their own words after the quotation.
	sents := []sentenceRef{
		{article: 0, index: 0, text: `"We love this town.`}, {article: 0, index: 1, text: `It is our home," she said.`, inQuote: true},
		{article: 0, index: 2, text: "The mayor left."},
		{article: 1, index: 0, text: `"We love this town.`}, {article: 1, index: 1, text: `It is our home."`, inQuote: true},
		{article: 1, index: 2, text: "The mayor has left."},
	}
	got := joinQuotations([][]int{{0, 3}, {1, 4}, {2, 5}}, sents)
	if want := [][]int{{0, 3, 1, 4}, {2, 5}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	if text := factText(got[0], sents, 0); text != `"We love this town. It is our home," she said.` {
		t.Errorf("the fact reads %q", text)
	}
}

func TestAddedClausesAreStatementsNoOtherArticleMakes(t *testing.T) {
	a := news.Article{ID: "a", Text: "Teodor Brandvold has led the Calder Harbour Authority since 2019, the authority said.\n\n" +
		"The authority cut the queue of ships at its container terminal by a third last year."}
	b := news.Article{ID: "b", Text: "Calling the port the busiest on the coast, Brandvold has led the Calder Harbour Authority since 2019, " +
		"and the authority cut the queue of ships at its container terminal by a third last year."}
	c := Compare([]news.Article{a, b})
	for _, u := range c.Unique["b"] {
		if strings.HasPrefix(u, "Calling") || strings.Contains(u, "has led") {
			t.Errorf("b lists %q as its own: a participle's phrase, or a claim a makes too", u)
		}
	}
}

func TestRatioParts(t *testing.T) {
	for after, want := range map[string]bool{" of 34 passes": true, " out of 10 voters": true, " in 5 adults": true,
		" in 2019 along the coast": false, " of the 34 passes": false, " people": false} {
		if got := ratioWholeOf(after) > 0; got != want {
			t.Errorf("ratioWholeOf(%q) > 0 = %v, want %v", after, got, want)
		}
	}
}

func TestCountOwner(t *testing.T) {
	names := map[string]bool{"ada": true, "marsh": true, "piet": true, "kroon": true, "associated": true, "press": true, "rovers": true}
	for before, want := range map[string]string{
		"Piet Kroon finished the game with ":                                  "kroon",
		"Piet Kroon led the Rovers with ":                                     "rovers",
		"Police chief Ada Marsh said ":                                        "",
		"Ada Marsh told the Associated Press that ":                           "",
		"Police arrested according to Ada Marsh ":                             "",
		"Piet Kroon said police arrested, according to Ada Marsh, ":           "",
		"The flood, which prompted Governor Ada Marsh to declare it, killed ": "",
		"Piet Kroon scored while Ada Marsh had ":                              "marsh",
		"The ball went back to the Rovers at the ":                            "rovers",
		"Piet Kroon scored, said Ada Marsh, who had ":                         "marsh",
	} {
		if got := countOwner(before, names); got != want {
			t.Errorf("countOwner(%q) = %q, want %q", before, got, want)
		}
	}
}

// A sentence's best match in another article is linked as a shared fact only
// when the link model links them, which asks more than the pair decision's
// own threshold: two sentences of one topic that pass the pair decision
// narrowly are not listed as agreeing.
func TestANarrowPairIsNoSharedFact(t *testing.T) {
	unionSaid := "The union said its members would return to the Velmar docks."
	leadersMet := "Union leaders in Velmar met the mayor on Thursday."
	pa, pb := profileOf(unionSaid), profileOf(leadersMet)
	sc := factScore(pa, pb)
	if sc < 1 || linked(pa, pb, sc) {
		t.Fatalf("fixture: fact score %.3f, want one the pair decision passes and the link model does not link", sc)
	}
	a := news.Article{ID: "a", Source: "a", Text: unionSaid + "\n\nThe ferry timetable is unchanged."}
	b := news.Article{ID: "b", Source: "b", Text: leadersMet + "\n\nRain is forecast for the weekend."}
	for _, f := range Compare([]news.Article{a, b}).Facts {
		if len(f.Articles) > 1 {
			t.Errorf("listed as shared: %q (%v)", f.Text, f.Wordings)
		}
	}
}

// What a shared sentence adds is listed only when it says something: a list
// left over once the shared part is taken out is no claim of its own.
func TestAnAddedListIsNoClaim(t *testing.T) {
	a := news.Article{ID: "a", Text: "The port authority on Monday exempted three towns from the new harbour fees."}
	b := news.Article{ID: "b", Text: "The port authority on Monday exempted three towns from the new harbour fees, among them Velmar, Ostra and a number of smaller towns."}
	c := Compare([]news.Article{a, b})
	if len(c.Facts) != 1 {
		t.Fatalf("facts = %+v, want the shared one", c.Facts)
	}
	if got := c.Unique["b"]; len(got) != 0 {
		t.Errorf("b's list was listed as a claim of its own: %q", got)
	}
	for clause, want := range map[string]bool{
		"Brandvold grew up in the port town of Aldbury":    true,
		"Velmar's mayor calls the fees a tax on fishermen": true,
		"Fishermen in Velmar pay twice the old fee":        true,
		"The harbour will reopen next week":                true,
		"Ostra and a number of smaller towns":              false,
		"The new harbour fees for all towns from May":      false,
		"According to port officials in Velmar":            false,
		"Port officials this week":                         false,
		"The harbour fees that fishermen pay":              false,
	} {
		if got := hasVerb(clause); got != want {
			t.Errorf("hasVerb(%q) = %v, want %v", clause, got, want)
		}
	}
}

// An initialism written with and without periods is one entity of the story.
func TestInitialismsWithAndWithoutPeriodsMerge(t *testing.T) {
	a := news.Article{ID: "a", Source: "a", Text: "The E.U. said on Monday that the harbour fees in Velmar break its trade rules."}
	b := news.Article{ID: "b", Source: "b", Text: "Officials of the EU in Brussels said the Velmar harbour fees break trade rules."}
	var eu []news.Entity
	for _, e := range Compare([]news.Article{a, b}).Entities {
		if strings.ReplaceAll(e.Name, ".", "") == "EU" {
			eu = append(eu, e)
		}
	}
	if len(eu) != 1 || len(eu[0].Articles) != 2 {
		t.Errorf("EU entities = %+v, want one given by both articles", eu)
	}
	for in, want := range map[string]string{"E.U.": "EU", "U.S. Senate": "US Senate", "St. Louis": "St. Louis", "J. Smith": "J. Smith"} {
		if got := withoutInitialDots(in); got != want {
			t.Errorf("withoutInitialDots(%q) = %q, want %q", in, got, want)
		}
	}
}
