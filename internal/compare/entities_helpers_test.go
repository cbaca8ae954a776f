package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// kindOf returns the kind the default recogniser gives a name in a text,
// "" when it lists no entity of that name.
func kindOf(text, name string) news.EntityKind {
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == name {
			return e.Kind
		}
	}
	return ""
}

// textName is an invented text and a name in it.
type textName struct{ text, name string }

// checkKinds fails t for every case whose name the default recogniser
// does not give kind want ("" for no entity of that name).
func checkKinds(t *testing.T, want news.EntityKind, cases []textName) {
	t.Helper()
	for _, c := range cases {
		if got := kindOf(c.text, c.name); got != want {
			t.Errorf("%q: %s is %q, want %q", c.text, c.name, got, want)
		}
	}
}

// checkNotKind fails for every case whose name the recogniser gives the
// kind it must not have (checkKinds' converse, for where a rule must not
// fire).
func checkNotKind(t *testing.T, notWant news.EntityKind, cases []textName) {
	t.Helper()
	for _, c := range cases {
		if got := kindOf(c.text, c.name); got == notWant {
			t.Errorf("%q: %s is %q", c.text, c.name, got)
		}
	}
}

// entityNamed returns the entity of a text with the given name, and
// whether there is one.
func entityNamed(text, name string) (Entity, bool) {
	for _, e := range DefaultRecogniser().Entities(text) {
		if e.Name == name {
			return e, true
		}
	}
	return Entity{}, false
}
