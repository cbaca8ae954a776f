package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// Review s34-erev: s34-ent's group rule made more one-word names
// organisations, and three quotes lost their right speaker or gained a
// wrong one where such an organisation now stood in the sentence. The
// causes were in the quote code and held for any organisation; these
// articles are written for the test.

// TestAnnouncerAfterOpeningPhraseAndEmployer: a paragraph that opens with
// a time phrase and a comma, then an organisation's spokesman, announces
// the spokesman's quote in the next paragraph (the comma right before the
// organisation was trimmed away before it was looked for, and the
// organisation, not its spokesman, was taken as the announcer).
func TestAnnouncerAfterOpeningPhraseAndEmployer(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"spokesman of a one-word firm after a time phrase",
			"In a statement Saturday afternoon, Acme spokesman Tomas Brandt defended the company's report.\n" +
				"“As we have checked our reporting again, we have seen no sign that any part of our story is wrong.\n" +
				"We remain confident in what we reported, and will share more as we can,\" he said.",
			[]string{"Tomas Brandt"}},
	})
}

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

// TestGroupRuleLeavesPeoplesFaithsAndRegions: the group rule's cues
// (a member noun after the word, the word heading a phrase) hold for
// peoples and faiths the lexicon's demonyms lack, for common nouns a style
// capitalises, and for regions the gazetteer lacks; none is an
// organisation.
func TestGroupRuleLeavesPeoplesFaithsAndRegions(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"Druze leaders met the minister. The Druze have served in the army for decades.", "Druze"},
		{"Rohingya militants attacked police posts in August. The Rohingya have fled since then, and Rohingya refugees now number a million.", "Rohingya"},
		{"Shia militia members stormed the embassy. The Shia, who make up most of the country, were angry.", "Shia"},
		{"Opposition leaders walked out. The Opposition said the vote was rigged.", "Opposition"},
		{"The army said Idlib rebels fired shells. Government forces have encircled Idlib, the last rebel province.", "Idlib"},
		{"Troops fought Mindanao militants for months. The island of Mindanao, home to millions, is under martial law.", "Mindanao"},
	})
	// A group's apposition names no place: the rule still fires.
	checkKinds(t, news.Org, []textName{
		{"Shabaab fighters attacked a checkpoint on Monday. Officials blamed Shabaab, the militant group, for the attack.", "Shabaab"},
	})
}

// TestGroupRuleLeavesAgedPersons: a surname followed by an age ("Bukele,
// 41,") is no group's name.
func TestGroupRuleLeavesAgedPersons(t *testing.T) {
	checkNotKind(t, news.Org, []textName{
		{"A Bukele spokeswoman declined to comment. The vote went ahead, and Bukele, 41, won a second term.", "Bukele"},
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
