package extract

import "testing"

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
