package compare

import "testing"

// TestNameAfterTheAndPrepositionIsNoSubject: an organisation after a
// preposition and "the" ("sent to the Velocore Corporation a letter
// demanding", "some in the Velocore Corporation") is an object, not the
// subject of the verb in -ing or after "and"/"but"; a pronoun that opens
// the sentence is that subject.
func TestNameAfterTheAndPrepositionIsNoSubject(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"indirect object after to the",
			`Within hours, the Calder group sent to the Velocore Corporation a letter demanding the company withdraw its "reckless and unlawful" plan.`,
			[]string{""}},
		{"object after with the, pronoun subject",
			"Ada Marsh, the mayor, spoke on Monday. She met with the Velocore Corporation on Friday and said the company “must pay its share” of the repairs.",
			[]string{"Ada Marsh"}},
		{"object after in the, pronoun subject",
			"Tomas Brandt, a senior official for the region, said schools were closed. He said some in the Velocore Corporation back the plan, " +
				"but added that the fighting “will not really permit” any school to open.",
			[]string{"Tomas Brandt"}},
	})
}

// TestObjectAtReadsTheOnlyRightBeforeTheName: "the" right before a name
// is skipped to find the preposition ("sent to the Velocore Corporation");
// a "the" before other words ("loyalty to the Velocore Corporation,
// Acme bashed", "said on Monday the Velocore Corporation") makes no
// object, nor "the" or "in" before a person ("on the Brandt show",
// "chimed in Tomas Brandt").
func TestObjectAtReadsTheOnlyRightBeforeTheName(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"Within hours, the Calder group sent to the Velocore Corporation a letter.", "Velocore Corporation", true},
		{"On Friday, the day she pledged her loyalty to the Velocore Corporation, Acme bashed the inquiry.", "Acme", false},
		{"The first time on the Brandt show, I sang. “Maybe later,” chimed in Tomas Brandt, who smiled.", "Brandt", false},
		{"The first time on the Brandt show, I sang. “Maybe later,” chimed in Tomas Brandt, who smiled.", "Tomas Brandt", false},
		{"Officials said on Monday the Velocore Corporation would appeal.", "Velocore Corporation", false},
	} {
		a := newAttributor(c.text, recognise(c.text))
		found := false
		for i, m := range a.mentions {
			if c.text[m.offset:m.end] == c.name {
				found = true
				if got := a.objectAt(i); got != c.want {
					t.Errorf("%q: objectAt(%s) = %v, want %v", c.text, c.name, got, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention %q", c.text, c.name)
		}
	}
}

// TestJoinsMainClause: an "and" after a comma, or with no clause opened
// before it, joins the main clause; one inside a "that" clause does not
// ("He recalled that the ministers had met ... and vowed").
func TestJoinsMainClause(t *testing.T) {
	for subj, want := range map[string]bool{
		"He said some in the Velocore ranks back the plan, but ":              true,
		"She met with the Velocore board on Friday and ":                      true,
		"He recalled that the ministers had met with Velocore officials and ": false,
		"He added ": false,
	} {
		if got := joinsMainClause(subj); got != want {
			t.Errorf("joinsMainClause(%q) = %v, want %v", subj, got, want)
		}
	}
}
