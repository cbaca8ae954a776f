package compare

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// germanQuotations is an invented German text of n quotations joined by
// sep. Joined by words, they make one paragraph with no sentence end, in
// which every quotation's attribution is read by the rules of other
// languages (otherLanguageSpeaker) and no ". " stops a search back for
// the sentence's start.
func germanQuotations(n int, sep string) string {
	quote := "meinte die Hafenmeisterin Greta Solvang „die Kräne stehen seit dem Sturm still“"
	return strings.Repeat(quote+sep, n-1) + quote
}

// hanQuotations is an invented Chinese text of n+1 quotations in straight
// marks, which are no boundary of a Chinese phrase (hanBoundaries), joined
// by sep: the first named, the rest said by "he" (他说), so that every
// quotation looks back for the name.
func hanQuotations(n int, sep string) string {
	return `王海峰表示"港口明天重新开放"` + strings.Repeat(sep+`随后他说"码头的起重机仍然停着"`, n)
}

// examinedBytes is how many bytes the reads around the quotations of
// other languages look at in text (attributor.examined).
func examinedBytes(text string) int {
	a := newAttributor(text, nil)
	a.quotes()
	return a.examined
}

// linearCases are the long paragraphs of TestOtherLanguageQuotesReadLinearly
// and BenchmarkOtherLanguageQuotes.
var linearCases = []struct {
	name, sep string
	text      func(int, string) string
}{{"German", " und danach ", germanQuotations}, {"Chinese", "", hanQuotations}}

// TestOtherLanguageQuotesReadLinearly: in one paragraph of 16 times the
// quotations of other languages, with no sentence end, the reads around
// the quotations look at about 16 times the bytes, not 256: the reads
// before and after a quotation are bounded (maxBeforeBytes,
// maxAfterBytes), the marks that open a paragraph's next quotation are
// found once per paragraph, and "he" counts paragraph breaks on from its
// last count. A count, not a timing: the speed itself is
// BenchmarkOtherLanguageQuotes's.
func TestOtherLanguageQuotesReadLinearly(t *testing.T) {
	for _, c := range linearCases {
		small, large := examinedBytes(c.text(250, c.sep)), examinedBytes(c.text(4000, c.sep))
		if small == 0 {
			t.Fatalf("%s: no bytes examined; the count is not kept", c.name)
		}
		ratio := float64(large) / float64(small)
		t.Logf("%s: 16 times the quotations examine %.1f times the bytes (%d, %d)", c.name, ratio, small, large)
		if ratio > maxReadGrowth {
			t.Errorf("%s: 16 times the quotations examine %.1f times the bytes (%d, %d); want at most %v (linear: 16, the square: 256)",
				c.name, ratio, small, large, maxReadGrowth)
		}
	}
}

// maxReadGrowth bounds how many times the bytes 16 times the quotations
// may examine: linear reads give 16 (a little more, the paragraph's own
// openers once); the square of the length 256. Set between, with room for
// a constant per paragraph.
const maxReadGrowth = 20

// BenchmarkOtherLanguageQuotes annotates one paragraph of 250 and of
// 4,000 quotations of other languages with no sentence end (the figures
// of session 41's bounded reads: `go test ./internal/compare -run '^$'
// -bench OtherLanguageQuotes`).
func BenchmarkOtherLanguageQuotes(b *testing.B) {
	for _, c := range linearCases {
		for _, n := range []int{250, 4000} {
			text := c.text(n, c.sep)
			a := news.Article{ID: "long", Source: "Kessholm Courier", Title: "Harbour storm", Text: text}
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				for range b.N {
					Annotate(a)
				}
			})
		}
	}
}
