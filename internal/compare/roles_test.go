package compare

import (
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// A country's initialism or a people's word glued to the front of a full
// personal name ("the US Mikhail Petrovich Sorokin") is no part of it: the
// person is a person and the country a place, not one organisation or one
// place of both. Invented names and sentences.
func TestCountryWordBeforeFullNameIsNoPartOfIt(t *testing.T) {
	checkKinds(t, news.Person, []textName{
		{"It was a quiet day in the capital.\nThe embassy confirmed that Envoy to the US Mikhail Petrovich Sorokin is returning to Moscow.",
			"Mikhail Petrovich Sorokin"},
		{"It was a quiet day in the capital.\nThe ministry said the UK Helen Margaret Doyle would lead the delegation at the talks.",
			"Helen Margaret Doyle"},
		{"In a statement, the ministry said, “British Ambassador to the UK Margaret Eleanor Holt is ending her assignment.” " +
			"The news came on Monday.", "Margaret Eleanor Holt"},
	})
	checkKinds(t, news.Place, []textName{
		{"It was a quiet day in the capital.\nThe ministry said the UK Helen Margaret Doyle would lead the delegation at the talks.",
			"United Kingdom"},
	})
	// An organisation named with the initialism keeps it: no first name
	// follows it.
	checkKinds(t, news.Org, []textName{
		{"It was a quiet day.\nThe US Geological Survey said the quake struck at dawn.", "US Geological Survey"},
		{"It was a quiet day.\nThe UK Border Force seized the boat off the coast on Monday.", "UK Border Force"},
	})
}

// A title qualified by a people's word, a place or a department, with no
// name ("the Russian Ambassador", "Italy's Deputy Interior Minister"),
// names a role, not a person: it is no entity. A title word that is a
// name's ("Larry King") keeps the name.
func TestTitleWithoutNameIsARole(t *testing.T) {
	checkKinds(t, "", []textName{
		{"It was a busy week for the officials involved in the talks.\nThe Russian Ambassador said nothing. " +
			"Ambassador Tomas Brandt declined to comment.", "Russian Ambassador"},
		{"It was a busy week for the officials involved in the talks.\nBefore his time in Rome, Marco Bellini served as " +
			"Italy's Deputy Interior Minister. He was in that role in 2014.", "Interior Minister"},
		{"It was a busy week for the officials involved in the talks.\nIn a statement, the ministry said, " +
			"“British Ambassador to the UK Margaret Eleanor Holt is ending her assignment.”", "British Ambassador"},
	})
	checkKinds(t, news.Person, []textName{
		{"It was a busy week for the officials involved in the talks.\nLarry King hosted the show on Friday.", "Larry King"},
	})
}

// roleWithoutName reads the words of a run alone: a title at its end,
// and before it only titles, their qualifiers, departments, peoples'
// words and places (a place at the front counted).
func TestRoleWithoutName(t *testing.T) {
	cases := []struct {
		words  []string
		role   bool
		places int
	}{
		{[]string{"Russian", "Ambassador"}, true, 0},
		{[]string{"US", "President"}, true, 1},
		{[]string{"Deputy", "Defense", "Minister"}, true, 0},
		{[]string{"Burger", "King"}, false, 0},
		{[]string{"Larry", "King"}, false, 0},
		{[]string{"Supreme", "Leader"}, false, 0},
		{[]string{"Russian", "Rep."}, false, 0},
		{[]string{"Ottawa", "Senators"}, false, 0},
		{[]string{"Massachusetts", "General"}, false, 0},
		{[]string{"Miami", "Vice"}, false, 0},
		{[]string{"Attorney", "General"}, true, 0},
	}
	for _, c := range cases {
		toks := make([]nameToken, len(c.words))
		for i, w := range c.words {
			toks[i] = nameToken{word: w}
		}
		if role, places := roleWithoutName(toks); role != c.role || places != c.places {
			t.Errorf("%v: role %v, places %d; want %v, %d", c.words, role, places, c.role, c.places)
		}
	}
}

// A title before a possessive heads an office's name ("the U.S. Attorney's
// Office"): it stays the organisation it was, not a role dropped.
func TestTitleBeforePossessiveIsNoRole(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"It was a quiet day in the capital.\nThe committee received subpoenas from the U.S. Attorney's office on Monday.",
			"U.S. Attorney"},
	})
}

// A name right before "news agency" (or an initialism before
// "broadcaster", "newspaper") is the outlet, which the model may read as no
// name; a people's word, a place or a common word there is not one
// ("a Kurdish news agency", "State news agency IRNA"), nor an initialism
// before a word that is no outlet's noun ("a 500 MB daily data limit").
func TestNameBeforeNewsAgencyIsTheOutlet(t *testing.T) {
	checkKinds(t, news.Org, []textName{
		{"It was a quiet day in the capital.\nThe report was carried by the TASS news agency on Monday.", "TASS"},
		{"It was a quiet day in the capital.\nThree villages were flooded, the Velmara news agency said on Monday.", "Velmara"},
		{"It was a quiet day in the capital.\nThe claim was first made by the KBX broadcaster on Monday.", "KBX"},
	})
	checkKinds(t, "", []textName{
		{"It was a quiet day in the capital.\nA Kurdish news agency said the talks had failed.", "Kurdish"},
		{"It was a quiet day in the capital.\nState news agency IRNA quoted the governor as saying so.", "State"},
		{"It was a quiet day in the capital.\nThe free plan stops at a 500 MB daily data limit.", "MB"},
	})
}

// A word in -ish that is a first name the lexicon lacks ("Hamish") is no
// people's word: the full name keeps it. The peoples' -ish words are
// listed, not taken by their ending (invented names).
func TestFirstNameInIshIsNoPeoplesWord(t *testing.T) {
	checkKinds(t, news.Person, []textName{
		{"It was a quiet day at the ground.\nHamish Grant Watson, the club's captain, was injured in the first half.",
			"Hamish Grant Watson"},
		{"It was a quiet day at the ground.\nBritish Tomas Henrik Brandt finished second in the final on Sunday.",
			"Tomas Henrik Brandt"},
	})
}

// An initialism of a thing or a trade before "broadcaster" or "newspaper"
// ("the state TV broadcaster") is no outlet (invented sentences).
func TestCommonInitialismBeforeMediaNounIsNoOutlet(t *testing.T) {
	checkKinds(t, "", []textName{
		{"It was a quiet day in the capital.\nThe state TV broadcaster said the talks had failed.", "TV"},
		{"It was a quiet day in the capital.\nThe station fired its DJ broadcaster on Monday.", "DJ"},
	})
}

// mediaBeforeNoun reads a few bytes after a name, not the rest of the
// text: over a long text, reading it all for every name made annotation
// quadratic.
func TestMediaBeforeNounReadsOnlyWhatFollows(t *testing.T) {
	text := "The KBX" + strings.Repeat(" Then Another Word", 1<<16)
	c := candidate{toks: []nameToken{{word: "KBX", start: 4}}, start: 4, end: 7, text: "KBX"}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 20 {
		mediaBeforeNoun(text, c)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(len(text)) {
		t.Errorf("20 calls allocated %d bytes over a %d-byte text", grew, len(text))
	}
}
