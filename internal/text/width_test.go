package text

import (
	"strings"
	"testing"
)

// Width counts wide characters twice, marks not at all, and a grapheme
// cluster (an emoji sequence, a flag) as one character of at most two
// columns.
func TestWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"Wire", 4}, {"晚报", 4}, {"ｗｉｒｅ", 8}, {"Cafe\u0301", 4}, {"한국", 4}, {"", 0},
		{"\U0001F469\u200D\U0001F467\u200D\U0001F466", 2}, // a family: one emoji
		{"\U0001F1EF\U0001F1F5", 2},                       // a flag: two indicators
		{"\u1100\u1161\u11A8", 2},                         // a Hangul syllable in jamo
	} {
		if got := Width(c.in); got != c.want {
			t.Errorf("Width(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// A cut by width ends and starts between grapheme clusters: an accent
// stays on its letter, an emoji sequence or a flag is kept whole or left
// out whole.
func TestCutsKeepGraphemesWhole(t *testing.T) {
	family := "\U0001F469\u200D\U0001F467\u200D\U0001F466"
	flag := "\U0001F1EF\U0001F1F5"
	for _, c := range []struct{ s, prefix string }{
		{"Mare\u0301e", "Mare\u0301"},
		{"abc" + family + "d", "abc"},
		{"ab" + flag + "d", "ab" + flag},
		{"\u0301abc", "\u0301abc"}, // a mark with no letter is a cluster of its own
	} {
		if got := PrefixOfWidth(c.s, 4); got != c.prefix {
			t.Errorf("PrefixOfWidth(%q, 4) = %q, want %q", c.s, got, c.prefix)
		}
	}
	if got := SuffixOfWidth("ab"+family+"yz", 3); got != "yz" {
		t.Errorf("SuffixOfWidth(…, 3) = %q, want \"yz\": the family is two columns and does not fit whole with yz", got)
	}
	if got := SuffixOfWidth("ab"+family+"yz", 4); got != family+"yz" {
		t.Errorf("SuffixOfWidth(…, 4) = %q, want the whole family and yz", got)
	}
	if got := CutToWidth("Lenmouth Evening Tide", 10); got != "Lenmouth …" || Width(got) != 10 {
		t.Errorf("CutToWidth = %q", got)
	}
	if got := CutToWidth("东湾晚报新闻", 7); got != "东湾晚…" {
		t.Errorf("CutToWidth of Han = %q, want three characters (6 columns) and the ellipsis", got)
	}
	if got := CutAtWordToWidth("Fog closes the port of Lenmouth", 20); got != "Fog closes the…" {
		t.Errorf("CutAtWordToWidth = %q", got)
	}
	if got := CutAtWordToWidth(strings.Repeat("潮", 30), 10); got != strings.Repeat("潮", 4)+"…" {
		t.Errorf("CutAtWordToWidth of a spaceless Han text = %q", got)
	}
}
