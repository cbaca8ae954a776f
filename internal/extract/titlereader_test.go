package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The title a page gives is read as the reader sees it: a soft hyphen, a
// zero-width space or a byte-order mark inside the headline is shown as
// nothing, a joiner at its end joins nothing, and a headline whose UTF-8
// was read as Latin-1 and written again (its curly quote three characters,
// two of them C1 controls) is read back. A headline with a Latin-1 letter
// of its own is left as it is.
func TestTitleGivenAsTheReaderSeesIt(t *testing.T) {
	for _, tc := range []struct{ h1, want string }{
		{"Harbour repair assis&shy;tance program opens", "Harbour repair assistance program opens"},
		{"Ferry fares rise this spring&#8203;", "Ferry fares rise this spring"},
		{"The 10 b&#xfeff;est harbour walks", "The 10 best harbour walks"},
		{"&zwj; Why the ferry runs late", "Why the ferry runs late"},
		{"The harbourmaster\u00e2\u0080\u0099s new boat \u00e2\u0080\u0093 a first look", "The harbourmaster’s new boat – a first look"},
		{"Café owners welcome the ferry", "Café owners welcome the ferry"},
		{"Family day at the harbour 👨‍👩‍👧", "Family day at the harbour 👨‍👩‍👧"},
	} {
		page := "<html><head><title>" + tc.h1 + "</title></head><body><h1>" + tc.h1 + "</h1>" +
			"<p>The council voted on Tuesday to open a ferry route across the bay next spring.</p></body></html>"
		doc, err := parseHTML([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if got := readMeta(doc).article("https://www.harbourgazette.com/news/ferry.html").Title; got != tc.want {
			t.Errorf("headline %q: title %q, want %q", tc.h1, got, tc.want)
		}
	}
}

// A title that repairDoubleUTF8 cannot read as UTF-8 once more is given
// back whole: a C1 control beside a Latin-1 letter, one alone, one that
// begins no character, and characters past U+00FF around it.
func TestRepairDoubleUTF8LeavesWhatItCannotRead(t *testing.T) {
	for _, s := range []string{"", "plain", "Café\u0085", "\u0085", "\u0099 harbour", "Ferry \u00e2\u0080 — late", "naïve"} {
		if got := repairDoubleUTF8(s); got != s {
			t.Errorf("repairDoubleUTF8(%q) = %q, want it unchanged", s, got)
		}
	}
	if got := repairDoubleUTF8("Ferry \u00e2\u0080\u0094 late — again"); got != "Ferry — late — again" {
		t.Errorf("repairDoubleUTF8 with a character past U+00FF beside: %q", got)
	}
}

// FuzzReaderTitle checks readerTitle on any text: valid UTF-8 stays valid
// and never grows, no invisible character is left, and no white space or
// joiner at either end.
func FuzzReaderTitle(f *testing.F) {
	for _, s := range []string{"Assis\u00adtance", "Investor\u00e2\u0080\u0099s guide", "\u200d Why \u200b", "Café\u0085", "\u00c3\u00a9t\u00c3\u00a9", "\u00e2\u0080\u0094\u00e2\u0080"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := readerTitle(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("readerTitle(%q) = %q: not valid UTF-8", s, got)
		}
		if strings.ContainsAny(got, invisibleRunes) {
			t.Errorf("readerTitle(%q) = %q keeps an invisible character", s, got)
		}
		if first, _ := utf8.DecodeRuneInString(got); got != "" && isSpaceOrJoiner(first) {
			t.Errorf("readerTitle(%q) = %q opens with a space or joiner", s, got)
		}
		if last, _ := utf8.DecodeLastRuneInString(got); got != "" && (isSpaceOrJoiner(last) || unicode.IsSpace(last)) {
			t.Errorf("readerTitle(%q) = %q ends with a space or joiner", s, got)
		}
		if utf8.ValidString(s) && len(got) > len(s) {
			t.Errorf("readerTitle(%q) = %q is longer", s, got)
		}
	})
}

// The headline the body repeats at its top is dropped though the page
// writes it with a soft hyphen the title is given without.
func TestBodyDropsAHeadlineWithASoftHyphen(t *testing.T) {
	a := readerTitle("Harbour repair assis\u00adtance program opens")
	got := dropHeadMatter([]string{"Harbour repair assis\u00adtance program opens", "The council voted on Tuesday."}, a)
	if len(got) != 1 || got[0] != "The council voted on Tuesday." {
		t.Errorf("body %q, want the headline dropped", got)
	}
}
