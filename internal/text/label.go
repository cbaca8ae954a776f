package text

import (
	"strings"
	"unicode"
)

// Label is s made fit to name something on one line (an outlet's name, a
// headline, a nameless article's label), the same in HTML, JSON and a
// terminal: control characters (C0, DEL, C1) are dropped, those that
// space text (tab, line and page breaks, U+0085, U+2028, U+2029) read as a
// space; the bidirectional embeddings, overrides and isolates are dropped
// (one left open turns around whatever is shown after the label); bytes
// that are not UTF-8 read as U+FFFD; runs of spaces are one space, and the
// ends lose their spaces and invisible format characters (a byte order
// mark, a zero-width space). Joiners inside a word stay, as Persian and
// Indic scripts need them. Pages, feeds and JSONL lines are untrusted: an
// escape sequence in a title reached the terminal as text ("\x1b[31m")
// and the HTML page as an invisible character.
func Label(s string) string {
	if isPlainLabel(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isLabelSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), isBidiControl(r):
			continue
		case b.Len() == 0 && isEndFormat(r):
			continue // a format character at the start
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimRightFunc(b.String(), func(r rune) bool { return isEndFormat(r) || r == ' ' })
}

// isEndFormat reports whether r is an invisible format character that a
// label loses at its ends (a byte order mark, a zero-width space or
// joiner), not a tag character (U+E0000 to U+E007F), which ends the flag
// of a region (a subdivision flag's cancel tag).
func isEndFormat(r rune) bool {
	return unicode.Is(unicode.Cf, r) && (r < 0xe0000 || r > 0xe007f)
}

// isPlainLabel reports whether s is printable ASCII with no space at its
// ends and no two spaces side by side: a label as it is, the common case,
// answered without building a copy.
func isPlainLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// isLabelSpace reports whether r spaces text: a space or a control that
// breaks a line or a page.
func isLabelSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u2028' || r == '\u2029'
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate (U+202A to U+202E, U+2066 to U+2069), which come in pairs.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
