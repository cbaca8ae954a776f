package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasDoubleQuoteAsContainsAny: hasDoubleQuote answers as
// strings.ContainsAny with the three marks on random byte strings made of
// the marks' encodings, their pieces, other multi-byte characters and
// invalid bytes, and on a few written out.
func TestHasDoubleQuoteAsContainsAny(t *testing.T) {
	pieces := []string{"a", " ", "\"", "\u201c", "\u201d", "\u2018", "\u2019", "\u00e9", "\xe2", "\x80", "\x9c", "\x9d", "\xe2\x80", "\xf0", "\xff", "\u4e2d"}
	cases := []string{"", "plain text", "he said \"no\"", "\u201cYes,\u201d she said", "\xe2\x80\x9c", "\xe2\xe2\x80\x9c", "\xf0\xe2\x80\x9d", "\xe2\x80", "\u2018single\u2019"}
	r := rand.New(rand.NewPCG(4, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := hasDoubleQuote(c), strings.ContainsAny(c, "\"\u201c\u201d"); got != want {
			t.Errorf("hasDoubleQuote(%q) = %v, ContainsAny %v", c, got, want)
		}
	}
}

// BenchmarkSentences splits a news paragraph of about 2,000 characters
// with no double quotation mark, where the marks are searched for in vain
// (see hasDoubleQuote).
//
//	go test ./internal/text -run '^$' -bench Sentences
func BenchmarkSentences(b *testing.B) {
	p := strings.Repeat("The harbour at Calder closed on Tuesday after the storm\u2019s surge broke the sea wall. Officials said repairs would take weeks. ", 16)
	b.ReportAllocs()
	for b.Loop() {
		Sentences(p)
	}
}

// TestHasDoubleQuoteOnEveryMarkTheSplitterKnows: hasDoubleQuote answers
// as strings.ContainsAny with the three marks for every quotation mark
// and bracket the splitter knows (openers, closers), the low and the
// guillemet marks, and the replacement character, each alone, cut short
// by its last byte, after a lead byte that starts a longer character
// (which a mark's first byte must end, not continue), and before a stray
// continuation byte.
func TestHasDoubleQuoteOnEveryMarkTheSplitterKnows(t *testing.T) {
	marks := openers + closers + "\u201e\u201a\u2039\u203a\ufffd"
	prefixes := []string{"", "\xe2", "\xe2\x80", "\xf0\x9f", "\xf0\x9f\x98", "\xc3", "x"}
	for _, m := range marks {
		s := string(m)
		for _, body := range []string{s, s[:len(s)-1]} {
			for _, pre := range prefixes {
				for _, c := range []string{pre + body, pre + body + "\x80", body + pre} {
					if got, want := hasDoubleQuote(c), strings.ContainsAny(c, "\"\u201c\u201d"); got != want {
						t.Errorf("hasDoubleQuote(%q) = %v, ContainsAny %v", c, got, want)
					}
				}
			}
		}
	}
}
