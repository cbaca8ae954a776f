package compare

import (
	"strings"
	"testing"
)

func TestSpellsMatchesInitialsEachWayItSays(t *testing.T) {
	tests := []struct {
		acronym, name string
		how           spelling
		want          bool
	}{
		{"AOC", "Alexandria Ocasio Cortez", everyInitial, true},
		{"AP", "John Locher", everyInitial, false},
		{"PPE", "personal protective equipment", everyInitial, true},
		{"CDC", "Centers for Disease Control and Prevention", everyInitial, false},
		{"CDC", "Centers for Disease Control and Prevention", someCapitals, true},
		{"USOPC", "U.S. Olympic and Paralympic Committee", someCapitals, true},
		{"AFP", "Washington", someCapitals, false},
		{"DCP", "Centers for Disease Control and Prevention", someCapitals, false}, // from the first's
		{"PC", "Olympic and Paralympic Committee", someCapitals, false},
	}
	for _, tt := range tests {
		if got := spells(tt.acronym, nameParts(tt.name), tt.how); got != tt.want {
			t.Errorf("spells(%q, %q, %v) = %v; want %v", tt.acronym, tt.name, tt.how, got, tt.want)
		}
	}
}

func TestParenthesisedAcronymFindsNameThenAcronym(t *testing.T) {
	tests := []struct {
		text, acronym, before string
		strict, ok            bool
	}{
		{"the Calder Harbour Authority (CHA) said", "CHA", "the Calder Harbour Authority", false, true},
		{"the Calder Harbour Authority ( CHA ) said", "CHA", "the Calder Harbour Authority", false, true},
		{"the Calder Harbour Authority, CHA, said", "CHA", "", false, false},
		{"the authority (CHA-2) said", "CHA-2", "the authority", false, true},
		{"the authority (Cha) said", "Cha", "", false, false},
		{"the Calder Harbour Authority (CHA) said", "CHA", "the Calder Harbour Authority", true, true},
		{"the Calder Harbour Authority ( CHA ) said", "CHA", "", true, false},
		{"the Calder Harbour Authority  (CHA) said", "CHA", "", true, false},
		{"The Calder River Trust\n\n(CRT) was founded", "CRT", "", true, false},
	}
	for _, tt := range tests {
		at := strings.Index(tt.text, tt.acronym)
		before, ok := parenthesisedAcronym(tt.text, at, at+len(tt.acronym), tt.strict)
		if before != tt.before || ok != tt.ok {
			t.Errorf("parenthesisedAcronym(%q, strict %v) = %q, %v; want %q, %v", tt.text, tt.strict, before, ok, tt.before, tt.ok)
		}
	}
}

func TestDefinedAcronymJoinsOnlyRightAfterTheName(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // the name CRT's mentions are shown by
	}{
		{"The Calder River Trust (CRT) was founded in 1990. CRT owns the bridge.", "Calder River Trust"},
		{"Ada Marsh spoke of the Calder River Trust\n\n(CRT) was founded in 1990. CRT owns the bridge.", ""},
	} {
		got := ""
		for _, m := range withDefinedAcronyms(tt.text, recognise(tt.text)) {
			if m.name == "CRT" {
				got = m.implied
			}
		}
		if got != tt.want {
			t.Errorf("%q: CRT shown as %q; want %q", tt.text, got, tt.want)
		}
	}
}
