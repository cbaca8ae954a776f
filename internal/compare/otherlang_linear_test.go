package compare

import (
	"strings"
	"testing"
	"time"

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

// annotateTime is how long annotating text takes.
func annotateTime(text string) time.Duration {
	a := news.Article{ID: "long", Source: "Kessholm Courier", Title: "Harbour storm", Text: text}
	start := time.Now()
	Annotate(a)
	return time.Since(start)
}

// TestOtherLanguageQuotesScaleLinearly: annotating one paragraph of 16
// times the quotations of other languages, with no sentence end, takes
// about 16 times as long, not 256: the reads before and after a quotation
// are bounded (maxBeforeBytes, maxAfterBytes), the marks that open a
// paragraph's next quotation are found once per paragraph, two
// apostrophes are looked for only up to the closing mark, and "he" counts
// paragraph breaks on from its last count. The two sizes are timed in
// turn, three times, the shortest of each kept, so that the load of a
// shared machine falls on both alike.
func TestOtherLanguageQuotesScaleLinearly(t *testing.T) {
	if raceDetector || testing.Short() {
		t.Skip("timings of a long text")
	}
	for _, c := range []struct {
		name, sep string
		text      func(int, string) string
	}{{"German", " und danach ", germanQuotations}, {"Chinese", "", hanQuotations}} {
		annotateTime(c.text(50, c.sep)) // loads the models outside the timings
		small, large := time.Duration(1<<62), time.Duration(1<<62)
		for range 3 {
			small = min(small, annotateTime(c.text(250, c.sep)))
			large = min(large, annotateTime(c.text(4000, c.sep)))
		}
		ratio := float64(large) / float64(small)
		t.Logf("%s: 16 times the quotations take %.1f times as long (%v, %v)", c.name, ratio, small, large)
		if ratio > maxGrowth {
			t.Errorf("%s: 16 times the quotations take %.1f times as long (%v, %v); want under %v (linear: 16, the square: 256)", c.name, ratio, small, large, maxGrowth)
		}
	}
}

// maxGrowth bounds how many times as long 16 times the quotations may
// take: 12 to 30 measured in session 41 on a loaded machine with the reads
// bounded; 52 (German) and 177 (Chinese) before.
const maxGrowth = 40
