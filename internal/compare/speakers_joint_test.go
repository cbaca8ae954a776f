package compare

import "testing"

// TestSpeakersOfAJointStatement checks that words credited to a list of
// speakers go to all of them: two organisations, a list of three people
// before "said", a
// joint statement from a list with their titles, "they" after it, and the
// guards: a joint statement of one named person with another, a list
// that only an aside names, a name that is the object of an opening phrase
// and a possessive in an apposition. The articles are written for the test.
func TestSpeakersOfAJointStatement(t *testing.T) {
	tests := []speakerCase{
		{"three people with titles and party tags said in a joint statement",
			"Council Chairman Ada Marsh, D-Calder; Harbour Chairman Tomas Brandt, R-Varden; and Port Chairman Lena Oduya, R-Varden, said in a joint statement that the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh, Tomas Brandt and Lena Oduya"}},
		{"a joint statement from three, the verb first",
			"“The plan will ruin the harbour for good,” read a joint statement from Council Chairman Ada Marsh, Harbour Chairman Tomas Brandt and Port Chairman Lena Oduya on Monday.",
			[]string{"Ada Marsh, Tomas Brandt and Lena Oduya"}},
		{"three people said, no statement named",
			"“The plan will ruin the harbour for good,” Ada Marsh, Tomas Brandt and Lena Oduya said on Monday.",
			[]string{"Ada Marsh, Tomas Brandt and Lena Oduya"}},
		{"they after a joint statement of three",
			"Ada Marsh, Tomas Brandt and Lena Oduya said in a joint statement that the plan “will ruin the harbour for good.” The vote, they added, “must wait until the spring.”",
			[]string{"Ada Marsh, Tomas Brandt and Lena Oduya", "Ada Marsh, Tomas Brandt and Lena Oduya"}},
		{"two organisations said together",
			"“The dye is unsafe for children,” the Food Safety Authority and the Calder Health Board said on Monday.",
			[]string{"Food Safety Authority and Calder Health Board"}},
		{"two companies before reported words",
			"Acme Corp and Velocore Systems said on Monday that the merger “will create 300 jobs in the valley.”",
			[]string{"Acme Corp and Velocore Systems"}},
		{"an organisation in a person's title is not a second speaker",
			"“The dye is unsafe for children,” Ada Marsh and Calder Health Board chairman Tomas Brandt said on Monday.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"a joint statement with another is not a list",
			"Ada Marsh said in a joint statement with Tomas Brandt that the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh"}},
		{"a list closed with and before the speaker",
			"Asked about Ada Marsh and Tomas Brandt, Omar Reyes said in a joint statement that the plan “will ruin the harbour for good.”",
			[]string{"Omar Reyes"}},
		{"a name in an opening phrase is no author",
			"In a letter to Governor Lena Oduya, Senators Ada Marsh and Tomas Brandt said the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"an organisation after an opening preposition is no author",
			"Unlike Acme Corp, Velocore Systems and Brightline Energy said on Monday that the merger “will create 300 jobs in the valley.”",
			[]string{"Velocore Systems and Brightline Energy"}},
		{"a description before a pair of a joint statement keeps both",
			"“The plan will ruin the harbour for good,” said the mayor’s two deputies Ada Marsh and Tomas Brandt in a joint statement.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"a possessive in an apposition is no author",
			"Ada Marsh, Tomas Brandt’s deputy, said in a joint statement with the union that the plan “will ruin the harbour for good.”",
			[]string{"Ada Marsh"}},
		{"they after two organisations open a sentence",
			"Acme Corp and Velocore Systems will merge next year. They said in a joint statement that the deal “will create 300 jobs in the valley.”",
			[]string{"Acme Corp and Velocore Systems"}},
		{"they after an organisation and its object is no one",
			"Acme Corp hired Velocore Systems last year. They said in a joint statement that the deal “will create 300 jobs in the valley.”",
			[]string{""}},
		{"people looking on are no authors",
			"“The plan will ruin the harbour for good,” Ada Marsh said on Monday, as Tomas Brandt and Lena Oduya looked on.",
			[]string{"Ada Marsh"}},
	}
	checkSpeakers(t, tests)
}
