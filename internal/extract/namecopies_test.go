package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// TestEqualBesideSpaces holds equalBesideSpaces to the comparison of the
// two texts with their spaces dropped, on every pair of texts of up to
// five bytes made of spaces, two letters and a byte of a longer rune.
func TestEqualBesideSpaces(t *testing.T) {
	texts := []string{""}
	for range 5 {
		for _, s := range texts {
			for _, c := range []string{" ", "a", "b", "\xc3"} {
				if next := s + c; !slices.Contains(texts, next) {
					texts = append(texts, next)
				}
			}
		}
	}
	for _, a := range texts {
		for _, b := range texts {
			want := strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(b, " ", "")
			if got := equalBesideSpaces(a, b); got != want {
				t.Fatalf("equalBesideSpaces(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// nameShapeWordsAsBefore is nameShapeWords before session 44 counted the
// words ahead of cleanSpace.
func nameShapeWordsAsBefore(s string) (words []string, ok bool) {
	s = cleanSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxNameLineRunes {
		return nil, false
	}
	if n := strings.Count(s, " ") + 1; n < 2 || n > 4 {
		return nil, false
	}
	words = strings.Fields(s)
	for _, w := range words {
		if !isNameWord(w) || !isCapitalised(w) {
			if nameParticles[strings.ToLower(w)] {
				continue
			}
			return nil, false
		}
		lw := strings.ToLower(w)
		if nameParticles[lw] {
			continue
		}
		if text.IsStopWord(lw) || isPossessive(lw) {
			return nil, false
		}
	}
	first := strings.ToLower(strings.TrimRight(words[0], "."))
	last := strings.ToLower(words[len(words)-1])
	if isMonth(first) || nameParticles[last] || namesOrg(s) {
		return nil, false
	}
	return words, true
}

// TestNameShapeWordsAsBefore: every text of up to six pieces (names,
// particles, a desk's word, white space of several kinds, a long name)
// gets the words and answer it got before.
func TestNameShapeWordsAsBefore(t *testing.T) {
	pieces := []string{"Jane", "Doe", " ", "\n\t", "\u00a0", "van", "Staff", strings.Repeat("Ab", 40), ""}
	var texts []string
	var build func(prefix string, n int)
	build = func(prefix string, n int) {
		texts = append(texts, prefix)
		if n == 0 {
			return
		}
		for _, p := range pieces[:len(pieces)-1] {
			build(prefix+p, n-1)
		}
	}
	build("", 5)
	// Four and five words, beyond the pieces' reach.
	texts = append(texts, "Anna Maria van Doe", " Anna\nMaria  Jane\u00a0Doe ", "Jane Doe van Doe Jane", "Anna\tMaria Jane Doe Roe\n")
	shapes := 0
	for _, s := range texts {
		got, gotOK := nameShapeWords(s)
		want, wantOK := nameShapeWordsAsBefore(s)
		if gotOK != wantOK || !slices.Equal(got, want) {
			t.Fatalf("nameShapeWords(%q) = %q %v, before %q %v", s, got, gotOK, want, wantOK)
		}
		if gotOK {
			shapes++
		}
	}
	if shapes < 100 {
		t.Fatalf("only %d of %d texts are name-shaped: the test tries too few", shapes, len(texts))
	}
}
