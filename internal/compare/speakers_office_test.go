package compare

import (
	"slices"
	"testing"
)

// TestSpeakerIsTheOfficeOrOrganisation checks quotes credited to an
// organisation or an office with no person named: an unnamed spokesperson
// speaks for the organisation (and is a person's spokesperson, not the
// person), a seat of government for the office seated
// there, and a description ("the automaker", "the regulator") for the
// organisation the article named before. The articles are written for the
// test.
func TestSpeakerIsTheOfficeOrOrganisation(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a spokesperson for an organisation",
			"Acme Corp shut two plants on Monday.\n\n“We regret the decision to close them,” a spokesperson for Acme Corp said.",
			[]string{"Acme Corp"}},
		{"an organisation's spokesman, the verb first",
			"Acme Corp shut two plants on Monday.\n\n“We regret the decision to close them,” said a spokeswoman for Acme Corp.",
			[]string{"Acme Corp"}},
		{"a seat of government as the subject",
			"The talks failed on Monday.\n\n“The prime minister is disappointed by the outcome,” 10 Downing Street said.",
			[]string{"Downing Street"}},
		{"a seat of government with the",
			"The talks failed on Monday.\n\n“Moscow will respond to this in good time,” the Kremlin said in a statement.",
			[]string{"Kremlin"}},
		{"an office's spokesperson before a colon",
			"The talks failed on Monday.\n\nA Number 10 spokesperson said: “The prime minister is disappointed by the outcome.”",
			[]string{"Downing Street"}},
		{"a spokesman for a person is the person's spokesman",
			"The talks failed on Monday.\n\nA spokesman for Sen. Ada Marsh said: “The senator is disappointed by the outcome.”",
			[]string{"Ada Marsh's spokesman"}},
		{"a spokeswoman for a person after the quote",
			"Sen. Ada Marsh voted against the plan.\n\n“The senator has doubts about its cost,” a spokeswoman for Marsh said.",
			[]string{"Ada Marsh's spokeswoman"}},
		{"a person's spokesman, the name first",
			"Sen. Ada Marsh voted against the plan.\n\n“The senator has doubts about its cost,” said a Marsh spokesman.",
			[]string{"Ada Marsh's spokesman"}},
		{"a person's spokeswoman before reported words",
			"Sen. Ada Marsh voted against the plan. A spokeswoman for Sen. Ada Marsh said the senator has “grave doubts about its cost.”",
			[]string{"Ada Marsh's spokeswoman"}},
		{"he after a person's spokesman is the spokesman",
			"Sen. Tomas Brandt voted against the plan.\n\n“The senator has doubts about its cost,” a spokesman for Brandt said. He added that the vote “was a hard one.”",
			[]string{"Tomas Brandt's spokesman", "Tomas Brandt's spokesman"}},
		{"he after a woman's spokesman is no spokeswoman",
			"Sen. Ada Marsh voted against the plan. Tomas Brandt backed it.\n\n“The senator has doubts about its cost,” a spokeswoman for Marsh said. He said that the vote “was a hard one.”",
			[]string{"Ada Marsh's spokeswoman", "Tomas Brandt"}},
		{"a spokesman named is himself",
			"Sen. Ada Marsh voted against the plan.\n\n“The senator has doubts about its cost,” Tomas Brandt, a spokesman for Marsh, said.",
			[]string{"Tomas Brandt"}},
		{"a spokesman for no one named",
			"The talks failed on Monday.\n\nA spokesman said: “The senator is disappointed by the outcome.”",
			[]string{""}},
		{"a description of a company named before",
			"Brandtwerk Motors recalled 40,000 cars on Monday.\n\n“Safety comes first for all of us,” the automaker said.",
			[]string{"Brandtwerk Motors"}},
		{"a tech giant",
			"Velocore Systems cut 300 jobs on Monday.\n\n“We are streamlining our whole business,” the tech giant said.",
			[]string{"Velocore Systems"}},
		{"a description of a public body named before",
			"The Food Safety Authority banned the dye on Monday.\n\n“The dye is unsafe for children,” the agency said.",
			[]string{"Food Safety Authority"}},
		{"a regulator",
			"The Financial Conduct Authority fined the bank on Monday.\n\n“The fine is a warning to all,” the regulator said.",
			[]string{"Financial Conduct Authority"}},
		{"a description is the organisation that was the subject, not one named in passing",
			"Velocore Systems released a patch for its browser on Monday after a warning from Calder Bank.\n\nThe bug “let a rogue page take over a user's screen,” the software giant said.",
			[]string{"Velocore Systems"}},
		{"a person's office by a pronoun",
			"Ada Marsh met the union on Monday.\n\n“The talks were useful for both sides,” her office said.",
			[]string{"Ada Marsh's office"}},
		{"a person's office by a title",
			"Prime Minister Ada Marsh met the union on Monday.\n\n“The talks were useful for both sides,” the prime minister's office said.",
			[]string{"Ada Marsh's office"}},
		{"the two people named together before",
			"Ada Marsh and Tomas Brandt wrote to the council on Monday.\n\n“The plan will ruin the harbour for good,” the two said.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"the two with no two named together",
			"Ada Marsh met Tomas Brandt on Monday.\n\n“The plan will ruin the harbour for good,” the two said.",
			[]string{""}},
		{"police with no force named",
			"A man was hurt in Calder on Monday, Mayor Ada Marsh said.\n\n“The road was closed for three hours,” police said.",
			[]string{""}},
		{"an agency whose name holds the noun, not the subject of a sentence",
			"Floods hit the coast on Monday, the official Calder News Agency said. Soldiers worked through the night.\n\n“The dikes will hold until the weekend,” the agency reported.",
			[]string{"Calder News Agency"}},
		{"a regulator is no police force",
			"The Calder Police Department arrested two men on Monday.\n\n“The fine is a warning to all,” the regulator said.",
			[]string{""}},
		{"a watchdog is no police force",
			"The Metropolitan Police Service arrested two men on Monday.\n\n“The arrests will be reviewed,” the watchdog said.",
			[]string{""}},
		{"a regulator is no company",
			"Brandtwerk Motors recalled 40,000 cars on Monday.\n\n“The recall came far too late,” the regulator said.",
			[]string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Quotes(tt.text) {
				got = append(got, q.Speaker)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
