package compare

import "testing"

// Words glued before a listed first name that are no name (a title's
// plural, an acronym, a word in capitals, an English word the article also
// writes the name without) are not part of the person's name; an unlisted
// first name that is also an English word, before a listed middle name,
// stays ("Jade Marcus Okafor"), and so does a name whose rest is a first
// name and a generation ("Cy Ellis Jr.").
func TestEpithetBeforeAFirstNameIsCut(t *testing.T) {
	text := "Supporters attacked Crooked Helen Marsh on Monday. Helen Marsh did not reply.\n\n" +
		"Grassroots voters FIRED Peter Aldous, the group said, and Justices Elena Varga and Tomas Lind dissented.\n\n" +
		"FBI Special Agent Kristian Saunders, who was taken off the case, said he would appeal. Jade Marcus Okafor spoke, as did Cy Ellis Jr."
	byName := map[string]bool{}
	for _, e := range DefaultRecogniser().Entities(text) {
		byName[e.Name] = true
	}
	for _, want := range []string{"Helen Marsh", "Peter Aldous", "Elena Varga", "Kristian Saunders", "Jade Marcus Okafor", "Cy Ellis Jr"} {
		if !byName[want] {
			t.Errorf("no %q among %v", want, byName)
		}
	}
	for _, bad := range []string{"Crooked Helen Marsh", "FIRED Peter Aldous", "Justices Elena Varga", "FBI Special Agent Kristian Saunders", "Marcus Okafor", "Ellis Jr"} {
		if byName[bad] {
			t.Errorf("%q is a name: %v", bad, byName)
		}
	}
}
