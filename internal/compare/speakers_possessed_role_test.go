package compare

import "testing"

// TestSpeakerIsThePossessedBody checks that a person's campaign, deputy or
// lawyer speaks, not the person nor one named in an aside about it
// ("Tomas Brandt's campaign, run by Jo Pike,"). The articles are written
// for the test.
func TestSpeakerIsThePossessedBody(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a campaign with an aside naming who runs it, the quote first",
			"Tomas Brandt is running for mayor. “We are confident,” Tomas Brandt's campaign, run by Jo Pike, said.",
			[]string{"Tomas Brandt's campaign"}},
		{"a campaign with an aside naming who runs it, before a colon",
			"Tomas Brandt is running for mayor.\n\nTomas Brandt's campaign, run by Jo Pike, said: “We are confident.”",
			[]string{"Tomas Brandt's campaign"}},
		{"an office with an aside led by someone",
			"Ada Marsh met the union on Monday.\n\nAda Marsh's office, led by Lena Oduya, said: “The talks were useful.”",
			[]string{"Ada Marsh's office"}},
		{"the one named after the comma still speaks",
			"Ada Marsh is running for mayor. “We are confident,” Marsh's campaign, Tomas Brandt, said.",
			[]string{"Tomas Brandt"}},
	})
}
