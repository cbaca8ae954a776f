package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestPartyNamesOfMembersAreNoPeople checks that a party named by a word
// and its members' plural ("Christian Democrats", "Social Democrats",
// "Young Republicans") is no person, though its first word may be a given
// name, while a person whose given name is such a word ("Christian Ferro")
// and a party's members alone ("Democrats") read as before. The sentences
// are written for the test.
func TestPartyNamesOfMembersAreNoPeople(t *testing.T) {
	cases := []struct {
		text         string
		orgs, people []string
		notPeople    []string
	}{
		{"Christian Democrats won the vote in the state on Sunday, officials said.", []string{"Christian Democrats"}, nil, []string{"Christian Democrats"}},
		{"Social Democrats lost seats on Sunday, officials said.", nil, nil, []string{"Social Democrats"}},
		{"Young Republicans marched in Calder on Monday.", nil, nil, []string{"Young Republicans"}},
		{"Christian Ferro scored twice on Sunday. Christian said the team had played well.", nil, []string{"Christian Ferro"}, nil},
		{"Democrats won the vote on Sunday, Ada Marsh said.", nil, []string{"Ada Marsh"}, []string{"Democrats"}},
	}
	for _, c := range cases {
		kinds := annotatedKinds("en", c.text)
		wantKinds(t, "en", kinds, c.orgs, news.Org, "an organisation")
		wantKinds(t, "en", kinds, c.people, news.Person, "a person")
		for _, n := range c.notPeople {
			if kinds[n] == news.Person {
				t.Errorf("%q is a person, want none: %v", n, kinds)
			}
		}
	}
}

// TestGermanOfficeBeforeANameAtTheSentenceStart checks that a German
// sentence opening with a country's genitive, an office and a name of two
// words ("Chinas Präsident Xi Jinping sagte") gives the person and the
// country, the office cut, where the name has two short words the model
// finds no name in; that one word after an office ("Der Präsident
// Frankreichs") makes no person; and that the English form reads as
// before. The sentences are written for the test.
func TestGermanOfficeBeforeANameAtTheSentenceStart(t *testing.T) {
	cases := []struct {
		lang, text     string
		places, people []string
		absent         []string
	}{
		{"de", "Chinas Präsident Xi Jinping sagte am Montag in Peking, die Lage sei ernst.",
			[]string{"China"}, []string{"Xi Jinping"}, []string{"Präsident Xi Jinping", "Chinas Präsident Xi Jinping"}},
		{"de", "Chinas Präsident Xi Jinping hat am Montag in Peking gesprochen.",
			[]string{"China"}, []string{"Xi Jinping"}, nil},
		{"de", "Chinas Außenminister Wang Yi sagte am Montag, die Lage sei ernst.",
			[]string{"China"}, []string{"Wang Yi"}, nil},
		{"de", "Der Präsident Frankreichs sagte am Montag, die Lage sei ernst.",
			[]string{"France"}, nil, []string{"Präsident Frankreichs"}},
		{"en", "President Xi Jinping said on Monday the talks had failed.", nil, []string{"Xi Jinping"}, nil},
	}
	for _, c := range cases {
		kinds := annotatedKinds(c.lang, c.text)
		wantKinds(t, c.lang, kinds, c.places, news.Place, "a place")
		wantKinds(t, c.lang, kinds, c.people, news.Person, "a person")
		for _, n := range c.absent {
			if _, ok := kinds[n]; ok {
				t.Errorf("%s: %q is an entity (%q), want none: %v", c.lang, n, kinds[n], kinds)
			}
		}
	}
}

// TestMastheadOfOneWordThatReports checks that one capitalised word after
// a capitalised "The" before "reported" or "reports" ("The Hindu
// reported") is a publication, an organisation, at a sentence's start and
// inside one; while "The Hindu said", "The Christian wrote" (a described
// person as often), a place with its "The" ("The Hague reported") and a
// ship named with its prefix ("MV Faina ... The Faina reported") are not
// made one. The sentences are written for the test.
func TestMastheadOfOneWordThatReports(t *testing.T) {
	cases := []struct {
		text   string
		orgs   []string
		notOrg []string
	}{
		{"The Hindu reported on Monday that the talks had failed.", []string{"Hindu"}, nil},
		{"The talks had failed, The Hindu reported on Monday.", []string{"Hindu"}, nil},
		{"The Hindu said on Monday that the talks had failed.", nil, []string{"Hindu"}},
		{"The Christian wrote a letter to the editor.", nil, []string{"Christian"}},
		{"The Hague reported a rise in crime on Monday.", nil, []string{"Hague"}},
		{"Pirates chased the MV Faina on Monday. The Faina reported that two boats were firing.", nil, []string{"Faina"}},
	}
	for _, c := range cases {
		kinds := annotatedKinds("en", c.text)
		wantKinds(t, "en", kinds, c.orgs, news.Org, "an organisation")
		for _, n := range c.notOrg {
			if kinds[n] == news.Org {
				t.Errorf("%q is an organisation, want none: %v", n, kinds)
			}
		}
	}
}
