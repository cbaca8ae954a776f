package compare

import (
	"strings"
	"testing"
)

// A first name US births do not tie to one sex ("Terry", "Kelly") gives no
// gender, so "she" after "Terry Vance said" is not kept from her; a name
// the records tie to one sex still gives it.
func TestUnisexFirstNameGivesNoGender(t *testing.T) {
	for name, want := range map[string]string{
		"Terry Vance": "", "Kelly Brandt": "", "Jesse Orme": "",
		"Nancy Vance": "female", "Donald Orme": "male",
	} {
		if got := genderOfName(name); got != want {
			t.Errorf("genderOfName(%q) = %q, want %q", name, got, want)
		}
	}
	// The entity model does not weigh the class: it tells no kind.
	if got := kindClasses(names()["terry"]); len(got) == 0 || slicesContain(got, "unisex") {
		t.Errorf("kindClasses(terry) = %v", got)
	}
}

func slicesContain(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// The entity model's features carry no "unisex" class: the model was
// fitted without it.
func TestUnisexIsNoFeature(t *testing.T) {
	text := "Terry Vance said on Friday that Kelly Brandt would stay. Terry agreed."
	for _, c := range candidatesOf(text) {
		for _, f := range featuresOf(c, contextOf(text, candidatesOf(text))) {
			if strings.Contains(f.name, "unisex") {
				t.Errorf("%q has the feature %q", c.text, f.name)
			}
		}
	}
}
