package extract

import (
	"slices"
	"testing"
)

// TestMayBeCommentHeaderPassesEveryMatch checks that the cheap test run
// before commentHeader lets through every text the regular expression
// matches (in any case, the Kelvin sign folded to k as (?i) does) and
// rules out ordinary short texts, which is what it is for.
func TestMayBeCommentHeaderPassesEveryMatch(t *testing.T) {
	matches := []string{
		"12 Comments", "3 replies", "1 REACTIONS", "Comments (4)", "RESPONSES (2)",
		"\u212aommentare (7)", "Комментарии (5)", "комментарии (5)", "Leave a Reply",
		"post a comment", "Sorry, COMMENTS ARE CLOSED for this post.", "7 thoughts on “The ferry”",
	}
	for _, s := range matches {
		if !commentHeader.MatchString(s) {
			t.Fatalf("fixture %q no longer matches commentHeader", s)
		}
		if !mayBeCommentHeader(s) {
			t.Errorf("mayBeCommentHeader(%q) = false, commentHeader matches it", s)
		}
	}
	for _, s := range []string{"", "Share this story", "Menu", "The harbour board met on Tuesday.", "Sign up for our newsletter"} {
		if mayBeCommentHeader(s) {
			t.Errorf("mayBeCommentHeader(%q) = true, want the regular expression skipped", s)
		}
		if isCommentHeader(s, 4) {
			t.Errorf("isCommentHeader(%q) = true", s)
		}
	}
}

// TestHeadlineMatchCountsDistinctWords checks the headline match on a
// block's distinct words: a word the block repeats counts once, as in a
// set, and the score is the F1 of the two word sets.
func TestHeadlineMatchCountsDistinctWords(t *testing.T) {
	words := distinctWords("Ferry fares, ferry FARES rise")
	if want := []string{"fares", "ferry", "rise"}; !slices.Equal(words, want) {
		t.Fatalf("distinctWords = %q, want %q", words, want)
	}
	title := wordSet("Ferry fares rise | The Gazette")
	if got, want := headlineMatch(words, title), 2*3.0/(3+5); got != want {
		t.Errorf("headlineMatch = %v, want %v", got, want)
	}
}

// TestReadNameShapesOncePerShortText checks that the name shapes a page
// reads once give what the tests give text by text: the words of a
// name-shaped text, and whether it is a name line.
func TestReadNameShapesOncePerShortText(t *testing.T) {
	pm := pageMeta{shorts: []dated{{value: "  Marta   van Dijk "}, {value: "Harbour Desk Staff"}, {value: "Read more"}}}
	shapes := pm.readNameShapes()
	if len(shapes) != 3 {
		t.Fatalf("readNameShapes gave %d shapes, want 3", len(shapes))
	}
	if want := []string{"Marta", "van", "Dijk"}; !slices.Equal(shapes[0].words, want) || !shapes[0].nameLine {
		t.Errorf("shape of the name = %+v, want words %q and a name line", shapes[0], want)
	}
	for i := 1; i < 3; i++ {
		if shapes[i].words != nil || shapes[i].nameLine {
			t.Errorf("shape of %q = %+v, want none", pm.shorts[i].value, shapes[i])
		}
	}
	read := pm
	read.shapes = shapes
	for i := range pm.shorts {
		if a, b := pm.shortShape(i), read.shortShape(i); !slices.Equal(a.words, b.words) || a.nameLine != b.nameLine {
			t.Errorf("short %d: shape read on demand %+v, from readNameShapes %+v", i, a, b)
		}
	}
}
