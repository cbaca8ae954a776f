package cluster

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestCreditsServiceNamesAndFeedNotes: an outlet filed under its service's
// full name or with a feed's note in brackets is credited by the name a
// text writes ("Ostwire reported" for the Ostwire News Agency, "the Calder
// Courier" for "Calder Courier (Online News)"), and a one-word outlet by
// its name with a service's word after it ("Ostwire News Agency said"); a
// masthead word with a service's word is another paper, and a longer name
// stays another name (session 42).
func TestCreditsServiceNamesAndFeedNotes(t *testing.T) {
	for _, c := range []struct {
		text, source string
		want         bool
	}{
		{"Crews walked out at dawn, Ostwire reported.", "Ostwire News Agency", true},
		{"Crews walked out at dawn, the Calder Courier reported.", "Calder Courier (Online News)", true},
		{"Crews walked out at dawn, Ostwire reported.", "Ostwire News Service (English)", true},
		{"Crews walked out at dawn, the Ostwire News Agency said.", "Ostwire", true},
		{"Ostwire News reported that crews walked out at dawn.", "Ostwire", true},
		{"Crews walked out at dawn, the Pellan Agency said.", "Pellan", true},
		// Not credits: another paper, a longer name, another word.
		{"Crews walked out at dawn, the Star News reported.", "Star", false},
		{"Crews walked out at dawn, the Star reported.", "Star News", false},
		{"Ostwire News Editor Ana Ruiz said crews walked out.", "Ostwire", false},
		{"Crews walked out at dawn, Ostwire Newsday reported.", "Ostwire", false},
		{"Crews walked out at dawn, the operator said.", "Calder Courier (Online News)", false},
	} {
		a := news.Article{Text: c.text}
		b := news.Article{Source: c.source}
		if got := credits(a, b); got != c.want {
			t.Errorf("credits(%q, source %q) = %v, want %v", c.text, c.source, got, c.want)
		}
	}
}

// TestNamesWordSourcesNounsAndNames: an outlet named by a common word is
// credited before "source(s)" inside a sentence ("according to two Ledger
// sources"), not as the modifier of another noun after a verb of telling
// ("informed the Mirror image"), not where the text writes it as a
// person's surname ("Anna Ledger ... Ledger said"), and not in a title's
// run of capitals ("Up In The Sun!"); the ordinary credits beside them
// stay (session 42).
func TestNamesWordSourcesNounsAndNames(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{"The deal, according to two Ledger sources, fell through.", "Ledger", true},
		{"The deal fell through, a Ledger source said.", "Ledger", true},
		{"Ledger sources said the deal fell through.", "Ledger", false},
		{"Independent sources confirmed that the deal fell through.", "Independent", false},
		{"He informed the Mirror image of himself that he was tired.", "Mirror", false},
		{"She explained to the Star pupils how the eclipse works.", "Star", false},
		{"The union leader told the Sun yesterday that talks had failed.", "Sun", true},
		{"The union leader told the Ledger late on Monday that talks had failed.", "Ledger", true},
		{"The union leader told the Sun outside the court that talks had failed.", "Sun", true},
		{"The union leader told Sky television that talks had failed.", "Sky", true},
		{"Mayor Anna Ledger opened the bridge. Talks had failed, Ledger said.", "Ledger", false},
		{"Talks had failed, Mr. Ledger said.", "Ledger", false},
		{"The San Francisco Ledger broke the story. Talks had failed, the Ledger reported.", "Ledger", true},
		{"Photos of the week\nLook! Up In The Sun! A flare\nMore photos", "Sun", false},
		{"Talks had failed. As The Sun reported on Monday, crews walked out.", "Sun", true},
	} {
		if got := namesWord(c.s, c.name); got != c.want {
			t.Errorf("namesWord(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}
