package cluster

import (
	"runtime"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestCreditsBrandOfAServiceOnlyAsItsCredit: an outlet filed as a common
// word and a service's word ("Falcon News") is credited by the brand alone
// ("Falcon") only where a news service is credited: "Falcon reported",
// "told Falcon", "a Falcon survey", "(Falcon) --". Where the brand names
// the firm's other businesses, a network's or studio's bracket ("Logan
// (Falcon)"), a broadcaster's noun ("the hit Falcon television drama"),
// the firm's possessive after "said in" ("said in Falcon's statement") or
// quotation marks ("a name without “Falcon” in it"), it is no credit of the
// news service (session 42's review of s42-cmp).
func TestCreditsBrandOfAServiceOnlyAsItsCredit(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Crews walked out at dawn, Falcon reported.", true},
		{"The mayor told Falcon on Monday that crews walked out.", true},
		{"The median estimate in a Falcon survey of economists was 3 percent.", true},
		{"Jan. 11 (Falcon) -- Crews walked out at dawn.", true},
		{"Crews walked out at dawn, according to Falcon.", true},
		{"Crews walked out, the mayor said in an interview with Falcon's Ana Ruiz.", true},
		{"The mayor spoke on Falcon News at dawn, and crews walked out.", true},
		// The firm's other businesses: no credit of its news service.
		{"Saturday: Calder at Brent, 4:30 p.m. (Falcon) / Ostby at Marr, 8 p.m.", false},
		{"Box office: Logan (Falcon), $38.1M, 4,071 locations.", false},
		{"She is best known for her role on the hit Falcon television drama.", false},
		{"Crews walked out, the actor said in Falcon's statement on Monday.", false},
		{"The firm will change its name to something without “Falcon” in it.", false},
	} {
		for _, source := range []string{"Falcon News", "Falcon News (Online News)"} {
			a, b := news.Article{Text: c.text}, news.Article{Source: source}
			if got := credits(a, b); got != c.want {
				t.Errorf("credits(%q, source %q) = %v, want %v", c.text, source, got, c.want)
			}
		}
	}
}

// TestNamesWordAllocatesInProportionToTheText: reading whether a name is a
// person's surname allocates in proportion to the text, not to the text
// times the times the name is written: a long text that writes "the John
// Fox" thousands of times once lowered the whole text before each one
// (session 42's review of s42-cmp: 9.5 s for one 232 KB text). Counted in
// bytes allocated, not timed.
func TestNamesWordAllocatesInProportionToTheText(t *testing.T) {
	s := strings.Repeat("Crews met the John Fox team. ", 2000) // 58 KB, 2,000 times the name after "the" and a given name
	namesWord("Warm up the lexicons, the John Fox team.", "Fox")
	// The fewest bytes of five calls: TotalAlloc counts the whole process,
	// so a goroutine an earlier test left running can add to one call's
	// count (a failure one run in seven at load 15, session 48), not to all.
	got := uint64(1<<63 - 1)
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		namesWord(s, "Fox")
		runtime.ReadMemStats(&after)
		got = min(got, after.TotalAlloc-before.TotalAlloc)
	}
	// 4 bytes a byte of text: room for the small words lowered at each
	// name (a few bytes each), far below the 58 MB that lowering the text
	// before each name takes.
	if limit := uint64(4 * len(s)); got > limit {
		t.Errorf("namesWord on %d bytes allocated %d bytes, want at most %d", len(s), got, limit)
	}
}
