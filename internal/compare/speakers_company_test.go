package compare

import "testing"

// TestTheCompanyIsABusinessThatActs checks that "the company said" goes
// to a business, not a university, college or club named nearer, and to
// the business that opens its sentence (after a description of it) before
// one named only as another's object (session 39, s39-speaker3, after
// s38-srev's probes). The articles are written for the test.
func TestTheCompanyIsABusinessThatActs(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a university opens the sentence before",
			"Arvento Inc. sued the chip maker Delmont on Monday. Ridgefield University joined the suit.\nRidgefield University said the case mattered. \"We will fight this in court,\" the company said.",
			[]string{"Arvento Inc"}},
		{"a college named nearer",
			"Arvento Inc. said it would appeal. Westbrook College, which owns a stake, declined to comment.\n\"The ruling is wrong,\" the company said.",
			[]string{"Arvento Inc"}},
		{"the company that sued, not the one it sued",
			"The software company Arvento sued the chip maker Delmont on Monday.\n\"We will fight this in court,\" the company said.",
			[]string{"Arvento"}},
		{"a second article is past the verb",
			"The court heard the case on Monday. A judge fined the chip maker Delmont on Tuesday.\n\"We will appeal the fine,\" the company said.",
			[]string{"Delmont"}},
	})
}

// TestPlainTitleIsNotTheFormerHolder checks that "the president said" goes
// to the person the article names President with no qualifier, not to one
// named only "Former President" nearer the quote (session 39, s39-speaker3,
// after s38-srev's probes), and that "the former president" still goes to
// the former one. The article is written for the test.
func TestPlainTitleIsNotTheFormerHolder(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the former president spoke last",
			"Former President Ada Marsh on Tuesday criticised President Tomas Brandt's decision to end the program.\nMarsh spoke at a rally in Calder.\n\"This decision is cruel and it is wrong,\" the former president said.\nThe White House responded within hours. \"We have a plan and we will pass it,\" the president said.",
			[]string{"Ada Marsh", "Tomas Brandt"}},
		{"no one holds the plain title",
			"Former President Ada Marsh spoke on Tuesday at a rally in Calder.\n\"We have a plan and we will pass it,\" the president said.",
			[]string{"Ada Marsh"}},
	})
}
