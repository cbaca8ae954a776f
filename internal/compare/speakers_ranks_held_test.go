package compare

import "testing"

// TestQualifiedTitleIsNotTheHolderNamedOtherwise checks "the deputy chief"
// when the chief is named with the title only in apposition or in a
// sentence of her own ("Carla Best, the police chief,"), never as "Chief
// Carla Best": she holds the plain title all the same, so the deputy is
// not she. The articles are written for the test.
func TestQualifiedTitleIsNotTheHolderNamedOtherwise(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the chief named in apposition",
			"Carla Best, the police chief, said three officers were hurt.\n\n“They are recovering,” the deputy chief said.",
			[]string{"the deputy chief"}},
		{"the chief named in apposition, then by name alone",
			"Carla Best, the police chief, said three officers were hurt. Best asked for calm.\n\n“They are recovering,” the deputy chief said.",
			[]string{"the deputy chief"}},
	})
}

// TestVicePresidentInAppositionIsTheVicePresident checks that "vice" of a
// two-word title given in apposition is the title's, not a qualifier of
// it: "Tomas Brandt, the vice president," holds the title "the former vice
// president" is not. The article is written for the test.
func TestVicePresidentInAppositionIsTheVicePresident(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the vice president in apposition is not the former one",
			"Tomas Brandt, the vice president, spoke on Monday.\n\n“Liberty is for all,” the former vice president said.",
			[]string{"the former vice president"}},
	})
}
