package cluster

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzDerive checks, on any pair of texts, that the evidence is consistent:
// copied words within the words counted, the score a share, and a
// derivation only with a passage of MinRun words or more.
func FuzzDerive(f *testing.F) {
	f.Add(strikeWire.Text, strikeCopy.Text)
	f.Add("\"unclosed quote and ``typewriter'' marks", "\u201cA\u201d \"B\" ''C``")
	f.Add("He said: \u201cwe will rebuild every house...", "12\" of snow, then \"a quote left open\n\nand \u2014\"another")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, d := range Derive([]news.Article{{ID: "a", Text: a}, {ID: "b", Text: b}}) {
			ev := d.Evidence
			if ev == nil || ev.CopiedWords > ev.Words || d.Score < 0 || d.Score > 1 || ev.LongestRun < MinRun || ev.SameOrder > ev.Matched {
				t.Fatalf("inconsistent derivation %+v evidence %+v", d, ev)
			}
		}
		if s := DerivationScore(a, b); s < 0 || s > 1 {
			t.Fatalf("score %v out of [0,1]", s)
		}
	})
}
