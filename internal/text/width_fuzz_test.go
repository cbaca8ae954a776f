package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCuts: whatever a label holds (marks with no letter, joiners, lone
// regional indicators, control and bidi characters, bytes that are not
// UTF-8) and whatever the width asked, every cut is a start or an end of
// the label, at most that wide, ends between grapheme clusters (the rest
// of the label counts the columns the cut left out), is as long as fits,
// and the ellipsised cuts fit in the width with their ellipsis.
func FuzzCuts(f *testing.F) {
	f.Add("Fog closes the port of Lenmouth", 10)
	f.Add("东湾晚报新闻", 3)
	f.Add("Mare\u0301e \U0001F469\u200D\U0001F467 \U0001F1EF\U0001F1F5\U0001F1EF", 5)
	f.Add("\u202Eevil\u202C\r\n\x00\tمرفأ لنموث", 4)
	f.Add("\xff\u0301\u200D\U0001F1EF", 1)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = w%64 + 1 // a width of 1 to 64 columns
		if w < 1 {
			w += 64
		}
		p := PrefixOfWidth(s, w)
		if !strings.HasPrefix(s, p) || Width(p) > w {
			t.Fatalf("PrefixOfWidth(%q, %d) = %q (%d columns)", s, w, p, Width(p))
		}
		if rest := s[len(p):]; Width(p)+Width(rest) != Width(s) {
			t.Fatalf("PrefixOfWidth(%q, %d) = %q ends inside a grapheme cluster", s, w, p)
		}
		if p != s && Width(PrefixOfWidth(s, w+maxClusterWidth)) <= Width(p) {
			t.Fatalf("PrefixOfWidth(%q, %d) = %q stops short", s, w, p)
		}
		q := SuffixOfWidth(s, w)
		if !strings.HasSuffix(s, q) || Width(q) > w || Width(s[:len(s)-len(q)])+Width(q) != Width(s) {
			t.Fatalf("SuffixOfWidth(%q, %d) = %q (%d columns)", s, w, q, Width(q))
		}
		for name, cut := range map[string]func(string, int) string{"CutToWidth": CutToWidth, "CutAtWordToWidth": CutAtWordToWidth} {
			got := cut(s, w)
			if Width(got) > w || utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("%s(%q, %d) = %q, %d columns", name, s, w, got, Width(got))
			}
		}
	})
}
