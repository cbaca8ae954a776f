package compare

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// searchedSentenceStart is lastSentenceStart as written before session 40:
// the last of each sentence end searched over all of s, and for ". " the
// one before it while its period is a title's. Kept to check that the
// backward scan finds the same start.
func searchedSentenceStart(s string) int {
	best := 0
	for _, end := range []string{". ", "? ", "! ", ".” ", "?” ", "!” ", ".\" ", "?\" ", "!\" "} {
		i := strings.LastIndex(s, end)
		for end == ". " && i >= 0 && periodAbbreviates(lastWordOf(s[:i]), firstWordOf(s[i+len(end):])) {
			i = strings.LastIndex(s[:i], end)
		}
		if i >= 0 && i+len(end) > best {
			best = i + len(end)
		}
	}
	return best
}

// sentencePieces are the pieces randomText joins: words, titles and
// initials whose period ends no sentence, sentence ends with and without
// closing quotation marks, and white space.
var sentencePieces = []string{"the", "Mr.", "Sen.", "gov.", "president.", "J.", "U.S.", "said", "Brandt", ".", "?", "!", "”", "“", "\"", "(", " ", " ", " ", "  ", "\n", "no.", "5", "é"}

// randomText joins n random sentencePieces.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(sentencePieces[r.IntN(len(sentencePieces))])
	}
	return b.String()
}

// TestLastSentenceStartMatchesSearch checks the backward scan of
// lastSentenceStart against the search it replaced, on hand-picked cases
// and 20,000 random texts of titles, initials, marks and spaces.
func TestLastSentenceStartMatchesSearch(t *testing.T) {
	cases := []string{"", " ", ". ", "a. b", "He left. Mr. Brandt said", "“Go.” Then", "It rained! “No?” said Ada. ", "the gov. Ada Marsh", "ends.\" x", "x .” ", "J. R. Marsh said"}
	r := rand.New(rand.NewPCG(40, 1))
	for range 20000 {
		cases = append(cases, randomText(r, 1+r.IntN(14)))
	}
	for _, s := range cases {
		if got, want := lastSentenceStart(s), searchedSentenceStart(s); got != want {
			t.Fatalf("lastSentenceStart(%q) = %d, want %d", s, got, want)
		}
	}
}

// searchedQuotedTitle is inQuotedTitle as written before session 40, which
// read the paragraph around the name for every name. Kept to check that
// the index of doubleMarks answers the same.
func searchedQuotedTitle(t string, start, end int) bool {
	from := strings.LastIndexByte(t[:start], '\n') + 1
	to := len(t)
	if i := strings.IndexByte(t[end:], '\n'); i >= 0 {
		to = end + i
	}
	qOpen, qClose := -1, -1
	if i := strings.LastIndex(t[from:start], "“"); i >= 0 && !strings.Contains(t[from+i:start], "”") {
		qOpen = from + i + len("“")
		if j := strings.Index(t[end:to], "”"); j >= 0 {
			qClose = end + j
		}
	} else if n := strings.Count(t[from:start], `"`); n%2 == 1 {
		qOpen = from + strings.LastIndexByte(t[from:start], '"') + 1
		if j := strings.IndexByte(t[end:to], '"'); j >= 0 {
			qClose = end + j
		}
	}
	return qOpen >= 0 && qClose >= 0 && titleShaped(t[qOpen:qClose])
}

// titlePieces are the pieces of the random texts of
// TestInQuotedTitleMatchesSearch: title words, lower-case words, curly and
// straight quotation marks, commas and line breaks.
var titlePieces = []string{"Rowing", "Your", "Boat", "With", "a", "the", "Spoon", "and", "mayor", "said", "“", "”", "\"", ",", " ", " ", " ", "\n", "Ör"}

// TestInQuotedTitleMatchesSearch checks doubleMarks.inQuotedTitle against
// the search it replaced, for every span of whole pieces of 3,000 random
// texts.
func TestInQuotedTitleMatchesSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(40, 2))
	found := 0
	for range 3000 {
		var b strings.Builder
		var bounds []int
		for range 4 + r.IntN(20) {
			bounds = append(bounds, b.Len())
			b.WriteString(titlePieces[r.IntN(len(titlePieces))])
		}
		bounds = append(bounds, b.Len())
		s := b.String()
		m := doubleMarksOf(s)
		for i, start := range bounds {
			for _, end := range bounds[i+1:] {
				got, want := m.inQuotedTitle(s, start, end), searchedQuotedTitle(s, start, end)
				if got != want {
					t.Fatalf("inQuotedTitle(%q, %d, %d) = %v, want %v", s, start, end, got, want)
				}
				if got {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no random span lay in a quoted title: the check compared nothing")
	}
}

// allocatedBy returns the bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestAnnotateLongParagraphAllocatesLinearly: annotating one paragraph of
// 8,000 words allocates about 8 times what one of 1,000 does (5 times at
// 5,000 words measured in session 40), not the square: splitting the
// text before every name and every title's period, as before session 40,
// allocated 25 times as much for 5 times the words.
func TestAnnotateLongParagraphAllocatesLinearly(t *testing.T) {
	if raceDetector || testing.Short() {
		t.Skip("allocation counts (the race detector changes them) of a long text")
	}
	annotate := func(words int) func() {
		a := news.Article{ID: "long", Source: "Kessholm Courier", Title: "Harbour storm", Text: longParagraph(words)}
		return func() { Annotate(a) }
	}
	annotate(1000)() // loads the models outside the counts
	small, large := allocatedBy(annotate(1000)), allocatedBy(annotate(8000))
	ratio := float64(large) / float64(small)
	t.Logf("8,000 words allocate %.1f times what 1,000 do", ratio)
	if ratio > 16 {
		t.Errorf("8,000 words allocate %.1f times what 1,000 do (%d and %d bytes); want under 16 (linear: 8)", ratio, large, small)
	}
}

// TestAlikeMemoAsksOnce: conflictsOf's memo asks whether an article gives
// a figure like another once per figure and article, however often the
// pairs of figures ask it.
func TestAlikeMemoAsksOnce(t *testing.T) {
	asked := map[[2]int]int{}
	alike := alikeMemo(3, func(i, art int) bool {
		asked[[2]int{i, art}]++
		return i == art
	})
	for range 4 {
		for i := range 3 {
			for art := range 2 {
				if got := alike(i, art); got != (i == art) {
					t.Fatalf("alike(%d, %d) = %v", i, art, got)
				}
			}
		}
	}
	for k, n := range asked {
		if n != 1 {
			t.Errorf("figure %d, article %d asked %d times, want once", k[0], k[1], n)
		}
	}
}
