package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// The width of a label where it is drawn or cut, in columns: a Latin
// letter takes one, a Han, kana or Hangul character (or a fullwidth form,
// most emoji) about two, as a font draws them, and a mark riding on a
// letter none. Labels are cut by width, between grapheme clusters (a
// letter with its combining marks, an emoji joined by zero width joiners,
// a flag's pair of regional indicators), so that a cut never takes a
// mark off its letter nor draws half an emoji; every list, chart and page
// that cuts a label goes through these.

// runeWidth is how many columns a character takes: 2 for the characters
// East Asian Width calls wide or fullwidth, 0 for combining marks, format
// characters (the zero width joiner) and variation selectors, drawn on the
// character before, 1 for the rest.
func runeWidth(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return 1 // ASCII: neither a mark nor wide
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), unicode.Is(unicode.Variation_Selector, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// maxClusterWidth is the most columns one grapheme cluster takes: a ZWJ
// sequence of three wide emoji, a flag's two indicators or a Hangul
// syllable spelt in jamo are drawn as one wide character, not as the sum
// of their parts.
const maxClusterWidth = 2

// clusterWidth is the columns of one grapheme cluster: its characters'
// widths added, at most maxClusterWidth.
func clusterWidth(cluster string) int {
	n := 0
	for _, r := range cluster {
		n += runeWidth(r)
	}
	return min(n, maxClusterWidth)
}

// Width is the columns s takes, cluster by cluster. ASCII text (most
// labels) is one column a byte: each character is a cluster of its own
// but CR LF, a cluster of two columns.
func Width(s string) int {
	if isASCII(s) {
		return len(s)
	}
	n, state := 0, -1
	for s != "" {
		var cluster string
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		n += clusterWidth(cluster)
	}
	return n
}

// PrefixOfWidth is the longest start of s at most w columns wide that
// ends between two grapheme clusters (a letter keeps its marks).
func PrefixOfWidth(s string, w int) string {
	n, state, at := 0, -1, 0
	for rest := s; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if n += clusterWidth(cluster); n > w {
			break
		}
		at += len(cluster)
	}
	return s[:at]
}

// SuffixOfWidth is the longest end of s at most w columns wide that
// starts at a grapheme cluster.
func SuffixOfWidth(s string, w int) string {
	var clusters []string
	for rest, state := s, -1; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		clusters = append(clusters, cluster)
	}
	n, from := 0, len(s)
	for i := len(clusters) - 1; i >= 0; i-- {
		if n += clusterWidth(clusters[i]); n > w {
			break
		}
		from -= len(clusters[i])
	}
	return s[from:]
}

// CutToWidth is s when it is at most w columns wide, else its start cut
// between clusters to w-1 columns with an ellipsis.
func CutToWidth(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	return PrefixOfWidth(s, w-1) + "…"
}

// CutAtWordToWidth is s when it is at most w columns wide, else cut to
// w-1 columns at its last space (mid-word when it has none, as a Chinese
// or Japanese headline has none), with an ellipsis.
func CutAtWordToWidth(s string, w int) string {
	if Width(s) <= w {
		return s
	}
	head := PrefixOfWidth(s, w-1)
	if i := strings.LastIndex(head, " "); i > 0 {
		if cut := strings.TrimRight(head[:i], " ,;:"); cut != "" {
			return cut + "…"
		}
	}
	return head + "…"
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
