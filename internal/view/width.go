package view

import (
	"unicode"

	"golang.org/x/text/width"
)

// runeWidth is how many columns a character takes where labels are drawn:
// 2 for the characters East Asian Width calls wide or fullwidth (Han,
// kana, Hangul, fullwidth forms, most emoji), which a font draws about
// twice as wide as a Latin letter; 0 for combining marks, the zero width
// joiner and variation selectors, drawn on the character before; 1 for
// the rest.
func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), unicode.Is(unicode.Variation_Selector, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// textWidth is the columns a text takes (runeWidth of each character).
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// prefixOfWidth is the longest start of s at most w columns wide, with the
// marks that ride on its last character.
func prefixOfWidth(s string, w int) string {
	n := 0
	for i, r := range s {
		if n += runeWidth(r); n > w {
			return s[:i]
		}
	}
	return s
}

// suffixOfWidth is the longest end of s at most w columns wide; it starts
// at a character, not a mark riding on one.
func suffixOfWidth(s string, w int) string {
	r := []rune(s)
	n, from := 0, len(r)
	for i := len(r) - 1; i >= 0; i-- {
		if n += runeWidth(r[i]); n > w {
			break
		}
		if runeWidth(r[i]) > 0 {
			from = i
		}
	}
	return string(r[from:])
}
