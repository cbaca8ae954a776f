package extract

import (
	"fmt"
	"strings"
	"testing"
)

// proseTexts returns n texts of the given number of words each, numbered so
// that no two are alike.
func proseTexts(n, words int) []string {
	out := make([]string, n)
	for i := range out {
		w := make([]string, words)
		for j := range w {
			w[j] = fmt.Sprintf("word%d", i*words+j)
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

// TestReadMetaProseSample: the prose sample is the page's texts of
// minProseWords words or more, each ended by a newline, in order, taken
// while the sample is under maxProseSample bytes; shorter texts are left
// out.
func TestReadMetaProseSample(t *testing.T) {
	long := proseTexts(80, minProseWords)
	short := proseTexts(80, minProseWords-1)
	var page, want strings.Builder
	page.WriteString("<html><body>")
	for i := range long {
		fmt.Fprintf(&page, "<p>%s</p><div>%s</div>", long[i], short[i])
		if want.Len() < maxProseSample {
			want.WriteString(long[i] + "\n")
		}
	}
	page.WriteString("</body></html>")
	doc, err := parseHTML([]byte(page.String()))
	if err != nil {
		t.Fatal(err)
	}
	pm := readMeta(doc)
	if pm.prose != want.String() {
		t.Fatalf("prose sample of %d bytes, want %d:\n%q\nwant\n%q", len(pm.prose), want.Len(), pm.prose, want.String())
	}
	if len(pm.prose) < maxProseSample || len(pm.proseBuf) != 0 {
		t.Fatalf("prose sample of %d bytes (want %d or more), %d bytes left in the buffer", len(pm.prose), maxProseSample, len(pm.proseBuf))
	}
}

// TestCountWordsProseGrowsOneBuffer: adding the texts of prose to the
// sample costs a few allocations for the page, not one for each text (the
// sample was a string copied whole for every text added).
func TestCountWordsProseGrowsOneBuffer(t *testing.T) {
	const texts = 60 // of about 70 bytes: the sample stays under maxProseSample
	count := func(ts []string) float64 {
		return testing.AllocsPerRun(5, func() {
			var pm pageMeta
			for _, s := range ts {
				pm.countWords(s)
			}
		})
	}
	prose, other := count(proseTexts(texts, minProseWords)), count(proseTexts(texts, minProseWords-1))
	if prose-other > 12 {
		t.Fatalf("%d texts of prose cost %.0f allocations, as many texts too short for prose %.0f: the sample is copied for every text", texts, prose, other)
	}
}

// TestCleanSpaceAllocatesOnce: a text to collapse costs the one string it
// becomes (the slice of its fields was a second allocation).
func TestCleanSpaceAllocatesOnce(t *testing.T) {
	for _, s := range []string{"  Jane   Doe ", "Jane\n\tDoe", "Jane\u00a0Doe, Reporter"} {
		if n := testing.AllocsPerRun(10, func() { cleanSpace(s) }); n != 1 {
			t.Errorf("cleanSpace(%q) allocated %.0f times, want 1", s, n)
		}
	}
}

// TestVisibleKeyCollapsesInOnePass: a text with white space to fold costs
// two allocations, its collapsed form and the lower-case key (the slice of
// its fields was a third).
func TestVisibleKeyCollapsesInOnePass(t *testing.T) {
	const s = "Jane\n  Doe"
	if got := visibleKey(s); got != "jane doe" {
		t.Fatalf("visibleKey(%q) = %q, want %q", s, got, "jane doe")
	}
	if n := testing.AllocsPerRun(10, func() { visibleKey(s) }); n > 2 {
		t.Errorf("visibleKey(%q) allocated %.0f times, want 2 or fewer", s, n)
	}
}
