package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// validLabel reports whether s is as Label makes it (its fuzzer checks
// this): UTF-8, no control or bidirectional control, no space at its ends
// or two side by side.
func validLabel(s string) bool {
	if !utf8.ValidString(s) || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || isBidiControl(r) || isLabelSpace(r) && r != ' '
	})
}

func TestLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Lenmouth Gazette", "Lenmouth Gazette"},
		{"Tolm \x1b]0;title\x07Gazette\x00", "Tolm ]0;titleGazette"},
		{"Harbor \x1b[31mcrane\x1b[0m falls", "Harbor [31mcrane[0m falls"},
		{"  Two\tlines\r\nof a\u2028title  ", "Two lines of a title"},
		{"\ufeff\u200bOrrow Times\u200b", "Orrow Times"},
		{"\u202eevil\u202c name", "evil name"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"C1 \u0085next\u009bline", "C1 nextline"},
		{"\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f"}, // a joiner inside a word stays
		{"\x07\x1b", ""},
	} {
		if got := Label(c.in); got != c.want {
			t.Errorf("Label(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzLabel: any string makes a label as validLabel says, which Label
// keeps as it is, and no wider than the string.
func FuzzLabel(f *testing.F) {
	for _, s := range []string{"Lenmouth Gazette", "a\x1b[2Jb", "\x00\x07\x7f\u0085\u009b", " \t\n ", "\u202eab\u2066c",
		"\ufeffx\u200d", "\xff\xfe", "flag \U0001F3F4\U000E0067\U000E0062\U000E007F", "\u0645\u200c\u0634", "a  b", "\u00a0x\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := Label(s)
		if !validLabel(l) {
			t.Fatalf("Label(%q) = %q: not a valid label", s, l)
		}
		if again := Label(l); again != l {
			t.Fatalf("Label(Label(%q)) = %q, want %q", s, again, l)
		}
		if utf8.ValidString(s) && Width(l) > Width(s) {
			t.Fatalf("Label(%q) = %q is wider (%d) than the string (%d)", s, l, Width(l), Width(s))
		}
	})
}
