package text

import (
	"slices"
	"strings"
	"testing"
)

// TestAppendWordsKeepingInitialisms pins which dotted abbreviations stay
// one word: capital letters each with its dot, nothing of a word around.
func TestAppendWordsKeepingInitialisms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"the U.S. envoy", []string{"the", "U.S.", "envoy"}},
		{"U.N. talks in Washington, D.C., ended", []string{"U.N.", "talks", "in", "Washington", "D.C.", "ended"}},
		{"a U.S.-led force", []string{"a", "U.S.", "led", "force"}},
		{"U.S.A.", []string{"U.S.A."}},
		{"George W. Bush", []string{"George", "W", "Bush"}},        // one initial is no abbreviation
		{"at 9 a.m. today", []string{"at", "9", "a", "m", "today"}}, // lower case
		{"A.Smith wrote", []string{"A", "Smith", "wrote"}},          // a name without its space
		{"XU.S. rates", []string{"XU", "S", "rates"}},              // a word before it
		{"É.U. é.u.", []string{"É.U.", "é", "u"}},
	}
	for _, tt := range tests {
		if got := AppendWordsKeepingInitialisms(nil, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzAppendWordsKeepingInitialisms checks that the words are Words's,
// only a dotted initialism's letters kept together: split at its dots,
// the words are those of Words.
func FuzzAppendWordsKeepingInitialisms(f *testing.F) {
	for _, s := range []string{"the U.S. envoy", "U.S.-led", "U.S.A", "A.B.c", "\xffU.S.\xff", "É.U.", "D.C.,N.Y."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var split []string
		for _, w := range AppendWordsKeepingInitialisms(nil, s) {
			if InitialismLen(w) == len(w) {
				split = append(split, strings.FieldsFunc(w, func(r rune) bool { return r == '.' })...)
				continue
			}
			split = append(split, w)
		}
		if want := Words(s); !slices.Equal(split, want) {
			t.Errorf("%q: split at dots %q, Words %q", s, split, want)
		}
	})
}
