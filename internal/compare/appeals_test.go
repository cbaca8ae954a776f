package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// TestCallsReader checks which sentences call the reader to act
// (callsReader): an outlet's pitches, newsletter forms and links to more
// reading, and not news that uses the same words as nouns, in quotations or
// about other people. Every sentence is written for the test.
func TestCallsReader(t *testing.T) {
	cases := []struct {
		s       string
		inQuote bool
		want    bool
	}{
		{"Sign up for the Harbour Brief, our morning newsletter.", false, true},
		{"Help us reach 5,000 new members before the end of the year!", false, true},
		{"Follow our transport reporter on Twitter at @vardenrail.", false, true},
		{"Read the full statement from the harbour board here.", false, true},
		{"Please consider supporting our independent journalism.", false, true},
		{"Subscribe today for unlimited access.", false, true},
		{"To keep up with the strike, follow our live coverage.", false, true},
		{"If you enjoyed this story, share it with a friend.", false, true},
		{"Watch the video above for the moment the crane fell.", false, true},
		{"Get the best of the Gazette delivered to your inbox every morning.", false, true},
		{"You can unsubscribe at any time.", false, true},
		{"We could not do this without our supporters.", false, true},
		{"Become a member and back local reporting.", false, true},
		// News that reads like a call but is none.
		{"Support for the strike has grown since the board raised fees.", false, false},
		{"Share prices of the shipping line fell by a fifth on Monday.", false, false},
		{"Help is on the way for the families who lost their homes, the council said.", false, false},
		{"The union asked its members to sign up for the picket rota by Friday.", false, false},
		{"Follow the money, and the board's accounts tell a different story.", false, false},
		{"Read together, the two reports describe a port in crisis.", false, false},
		{"“Join us on the picket line,” the union's leader told the crowd.", false, false},
		{"Kate Varga said “thousands of our supporters” would march on Saturday.", false, false},
		{"Sign up for our newsletter, she told the crowd.", true, false},
		{"``You can follow every vote on our website,'' the clerk said.", false, false}, // the wires' TeX quotation marks
		{"Follow our campaign on Twitter,'' he said.", false, false},                    // a quotation an earlier sentence opened, closed here // inside a quotation an earlier sentence opened
		{"Varga, like Osk a member of the 2019 council, is running 10 points behind in the latest polls.", false, false},
		{"Like many members of the union, she voted for the strike.", false, false},
		{"Also, check out our guide to the strike's timetable.", false, true},
		{"Like us on Facebook for more news from the port.", false, true},
		{"Your donation keeps us independent.", false, true},
		{"Dock subscription services deliver spare parts for you to own outright.", false, false},
		{"Keep the harbour's water level below 4 metres during the works, the board told crews.", false, false},
		{"Tell them the rota is about “fairness,” paving the way for more flexible shifts.", false, false},
		{"support of his government's efforts to rescue the crew.", false, false},
		{"The charity has donated 200 tonnes of food to the islands.", false, false},
	}
	for _, c := range cases {
		if got := callsReader(c.s, c.inQuote); got != c.want {
			t.Errorf("callsReader(%q, %v) = %v, want %v", c.s, c.inQuote, got, c.want)
		}
	}
}

// TestReportedCallsAreNoAppeals checks that news reporting someone's call
// (a speaker named after the imperative without quotation marks, a call in
// single quotation marks, a noun that reads like an imperative) is no call
// of the outlet's to its reader, and that the outlet's own calls with the
// same shapes still are (review s35-prev). Every sentence is written for
// the test.
func TestReportedCallsAreNoAppeals(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		// Reported calls: news of the event.
		{"Register to vote by Friday, the county clerk urged residents.", false},
		{"Help us find our son, his father pleaded on the radio.", false},
		{"If you feel unwell, stay home and book a test online, the health board advised.", false},
		{"Visit our website for road closures, the council said on Sunday.", false},
		{"Sign up for a flu jab at any pharmacy, urged the health minister.", false},
		{"Donate blood if you can, the hospital appealed after stocks fell.", false},
		{"Click only on links from your bank's own app, the regulator warned, according to a notice seen by the Gazette.", false},
		{"‘Join us on the march,’ the organisers told the crowd.", false},
		{"'Follow us for updates,' the school posted before its account was hacked.", false},
		{"Follow our page for updates today,’ the notice ended.", false}, // a single quotation an earlier sentence opened
		// Nouns that read like an imperative.
		{"Tap water in the old town is safe to drink again.", false},
		{"Download speeds on the island are the slowest in the country.", false},
		{"Watch parties were held in every pub in town and streamed online.", false},
		{"Support staff at the depot were told of the closure on Twitter.", false},
		// The outlet's own calls, in the same shapes.
		{"Sign up for our newsletter, which tells you what you missed.", true},
		{"For more information, please read the notice on our website.", true},
		{"Join our members today, we'll tell you how.", true},
		{"Explore our guide to the summit: Experts tell all about the talks.", true},
		{"Read Roe's story on the harbour, first printed in Said and Done.", true},
		{"Get Vera Osk 's stories in your inbox", true}, // an apostrophe after a space opens no quotation
		{"See what people are saying about us!", true},
		{"Find out how the storm will affect your street on our map.", true},
		{"Check out the show notes on our website.", true},
		{"Sign up for alerts\nThe desk's frequently asked questions\nIs it free?", true},
	}
	for _, c := range cases {
		if got := callsReader(c.s, false); got != c.want {
			t.Errorf("callsReader(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestCallsToReaderAreNoClaims checks that an outlet's calls to its readers
// that extraction left in an article (a membership pitch, a newsletter
// form, a "read the full statement" link) are neither a shared fact, when
// two outlets print the same one, nor an article's own claim, and that
// their sentences keep their places (a fate each); the news around them is
// compared as before. The articles are written for the test.
func TestCallsToReaderAreNoClaims(t *testing.T) {
	wire := news.Article{ID: "wire", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"Read the full statement from the Varden harbour board on our website.\n\n" +
			"The union said the strike would last until the board withdrew the rota.\n\n" +
			"Help us reach 5,000 new members before the end of the year!"}
	gazette := news.Article{ID: "gazette", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"Read the full statement from the Varden harbour board on our website.\n\n" +
			"The harbour board said it would meet the union's negotiators on Friday morning.\n\n" +
			"Sign up for the Harbour Brief to get the port's news in your inbox every morning."}
	c, fates := compareSentences([]news.Article{wire, gazette})
	if !hasFact(c.Facts, "walked off the job on Monday", "wire", "gazette") {
		t.Fatalf("the walkout is not a shared fact: %+v", c.Facts)
	}
	pitches := []string{"full statement", "5,000 new members", "Harbour Brief"}
	for _, f := range c.Facts {
		for _, p := range pitches {
			if strings.Contains(f.Text, p) {
				t.Errorf("a call to the reader is a shared fact: %q", f.Text)
			}
		}
	}
	for _, id := range []string{"wire", "gazette"} {
		listed := c.Unique[id]
		for _, p := range c.PartlyShared[id] {
			listed = append(listed, p.Text)
		}
		for _, s := range listed {
			for _, p := range pitches {
				if strings.Contains(s, p) {
					t.Errorf("%s: a call to the reader is listed as a claim: %q", id, s)
				}
			}
		}
	}
	if !listedAsOwn(c, "wire", "until the board withdrew the rota") || !listedAsOwn(c, "gazette", "negotiators on Friday") {
		t.Errorf("the articles' own claims are no longer listed: %+v", c.Unique)
	}
	if n := countFate(fates, fateAppeal); n != 4 {
		t.Errorf("%d sentences are calls to the reader, want 4: %v", n, fates)
	}
	if len(fates) != 8 {
		t.Errorf("%d fates, want one for each of the 8 sentences", len(fates))
	}
}

// TestPitchFiguresAreNoConflict checks that the figures of two outlets'
// membership pitches ("5,000 new members", "2,000 new members") are not
// reported as a figure the articles disagree on: a pitch's figure is not
// the event's (conflictsOf skips calls to the reader). The articles are
// written for the test.
func TestPitchFiguresAreNoConflict(t *testing.T) {
	a := news.Article{ID: "a", Source: "Coast Wire", Published: time.Date(2026, 4, 6, 8, 0, 0, 0, time.UTC),
		Text: "Dock workers at the port of Varden walked off the job on Monday over a new shift rota.\n\n" +
			"Help us find 5,000 new members to fund our reporting on the port this year!"}
	b := news.Article{ID: "b", Source: "Varden Gazette", Published: time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC),
		Text: "Varden's dock workers walked off the job on Monday in a dispute over a new shift rota.\n\n" +
			"Help us find 2,000 new members to fund our reporting on the port this year!"}
	c, _ := compareSentences([]news.Article{a, b})
	for _, x := range c.Conflicts {
		t.Errorf("a pitch's figure is reported as a conflict: %+v", x)
	}
}

// listedAsOwn says whether an article's own claims list one that holds
// part.
func listedAsOwn(c news.Comparison, id, part string) bool {
	for _, s := range c.Unique[id] {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// FuzzCallsReader reads arbitrary article text the way a comparison does
// (sentencesOf marks each sentence's calls to the reader): it must not
// panic, a sentence that starts inside a quotation is never a call, and
// the answer does not depend on the call (no state).
func FuzzCallsReader(f *testing.F) {
	for _, s := range []string{
		"Sign up for our newsletter.", "Help us reach 5,000 members!", "To do so, read more on our page.",
		"``Follow us,'' he said.", "Follow us on Twitter,'' he said.", "“Join us", "Support for the ban grew.",
		"Like us on Facebook", ",", "Please", "If you, ", "\"", "''", "``", "", " , , ,",
		"‘Join us,’ she said.", "'Follow us", "today,’ he said.", "Register now, the clerk urged.", "Tap water is safe.\nx",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if callsReader(s, true) {
			t.Fatalf("a sentence inside a quotation is a call to the reader: %q", s)
		}
		if callsReader(s, false) != callsReader(s, false) {
			t.Fatalf("two readings of %q differ", s)
		}
		_ = sentencesOf([]news.Article{{ID: "fuzz", Text: s}}, false)
	})
}
