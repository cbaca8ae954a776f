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
