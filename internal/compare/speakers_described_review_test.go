package compare

import "testing"

// TestDescriptionOpeningASentenceStartsLowerCase checks that a police
// force described by a common word that opens the sentence ("Local
// police said:") is written in lower case, as a description is, while a
// people's or a place's name before it keeps its capital. The articles
// are written for the test.
func TestDescriptionOpeningASentenceStartsLowerCase(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a common word opening the sentence",
			"A man was held after the break-in.\n\nLocal police said: “He had a knife.”",
			[]string{"local police"}},
		{"another common word opening the sentence",
			"A man was held after the break-in.\n\nFederal police said: “He had a knife.”",
			[]string{"federal police"}},
		{"a people's adjective keeps its capital",
			"A man was held after the break-in.\n\nFrench police said: “He had a knife.”",
			[]string{"French police"}},
		{"a place keeps its capital",
			"A man was held after the break-in.\n\nLondon police said: “He had a knife.”",
			[]string{"London police"}},
		{"a name written in capitals throughout stays as written",
			"A man was held after the break-in.\n\nState Police said: “He had a knife.”",
			[]string{"State Police"}},
	})
}

// TestAssistantIsNoHolderOfTheTitle checks that "the assistant coach
// said" is not given to the person the article calls Coach: an assistant,
// like a vice president or a deputy, holds another post. The articles are
// written for the test.
func TestAssistantIsNoHolderOfTheTitle(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the coach named by title, the assistant unnamed",
			"Coach Ada Marsh praised the team on Monday.\n\n“We were poor in defence,” the assistant coach said.",
			[]string{"the assistant coach"}},
		{"the assistant named by title",
			"Assistant Coach Tomas Brandt spoke first. Coach Ada Marsh left early.\n\n“We were poor in defence,” the assistant coach said.",
			[]string{"Tomas Brandt"}},
		{"the coach alone is still the holder",
			"Coach Ada Marsh praised the team on Monday.\n\n“We were poor in defence,” the coach said.",
			[]string{"Ada Marsh"}},
	})
}

// TestQuantifiedPoliceIsNoForce checks that "some police said" gives no
// speaker: some of a force's members are unnamed people, not the force
// ("police said" still is). The articles are written for the test.
func TestQuantifiedPoliceIsNoForce(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"some police", "A man was held after the break-in.\n\n“He had a knife,” some police said.", []string{""}},
		{"most police", "A man was held after the break-in.\n\n“He had a knife,” most police said.", []string{""}},
		{"many police opening the sentence", "A man was held after the break-in.\n\nMany police said: “He had a knife.”", []string{""}},
		{"police alone is the force", "A man was held after the break-in.\n\n“He had a knife,” police said.", []string{"police"}},
	})
}
