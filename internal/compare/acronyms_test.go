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
		ok                    bool
	}{
		{"the Calder Harbour Authority (CHA) said", "CHA", "the Calder Harbour Authority", true},
		{"the Calder Harbour Authority ( CHA ) said", "CHA", "the Calder Harbour Authority", true},
		{"the Calder Harbour Authority, CHA, said", "CHA", "", false},
		{"the authority (CHA-2) said", "CHA-2", "the authority", true},
		{"the authority (Cha) said", "Cha", "", false},
	}
	for _, tt := range tests {
		at := strings.Index(tt.text, tt.acronym)
		before, ok := parenthesisedAcronym(tt.text, at, at+len(tt.acronym))
		if before != tt.before || ok != tt.ok {
			t.Errorf("parenthesisedAcronym(%q) = %q, %v; want %q, %v", tt.text, before, ok, tt.before, tt.ok)
		}
	}
}
