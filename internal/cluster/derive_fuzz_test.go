package cluster

import (
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzDerive checks, on any pair of texts (two outlets' undated articles,
// one outlet's two articles hours apart, and two outlets' articles minutes
// apart that may credit each other, and three outlets minutes apart, the
// third carrying both texts), that the evidence is consistent: copied
// words within the words counted, the score a share, a derivation only
// with a passage of MinRun words or more, and no circle of untied
// derivations.
func FuzzDerive(f *testing.F) {
	f.Add(strikeWire.Text, strikeCopy.Text)
	f.Add("\"unclosed quote and ``typewriter'' marks", "\u201cA\u201d \"B\" ''C``")
	f.Add("He said: \u201cwe will rebuild every house...", "12\" of snow, then \"a quote left open\n\nand \u2014\"another")
	f.Add(bridgeChinese, "据报道，"+bridgeChinese+"\n\nHarbor Gazette")
	f.Add(helplineNotice+"\n\nCorrection: this story was updated.", "Calder Courier\n\n"+helplineNotice)
	f.Add(strikeWire.Text+"\n\nHarbor Gazette said so.", strikeCopy.Text+"\n\nRill Radio reported it.\n\nCalder Courier said so.")
	f.Fuzz(func(t *testing.T, a, b string) {
		// Two outlets undated, and one outlet's two articles hours apart
		// (the rules for an outlet's own versions).
		morning := time.Date(2026, 11, 21, 7, 0, 0, 0, time.UTC)
		for _, arts := range [][]news.Article{
			{{ID: "a", Text: a}, {ID: "b", Text: b}},
			{{ID: "a", Source: "Calder Courier", Published: morning, Text: a}, {ID: "b", Source: "Calder Courier", Published: morning.Add(3 * time.Hour), Text: b}},
			{{ID: "a", Source: "Calder Courier", Published: morning, Text: a}, {ID: "b", Source: "Harbor Gazette", Published: morning.Add(-5 * time.Minute), Text: b}},
			{{ID: "a", Source: "Calder Courier", Published: morning, Text: a}, {ID: "b", Source: "Harbor Gazette", Published: morning.Add(5 * time.Minute), Text: b},
				{ID: "c", Source: "Rill Radio", Published: morning.Add(10 * time.Minute), Text: b + "\n\n" + a}},
		} {
			ds := Derive(arts)
			if id := circleThrough(ds); id != "" {
				t.Fatalf("derivations %+v run in a circle through %s", ds, id)
			}
			for _, d := range ds {
				ev := d.Evidence
				if ev == nil || ev.CopiedWords > ev.Words || d.Score < 0 || d.Score > 1 || ev.LongestRun < MinRun || ev.SameOrder > ev.Matched {
					t.Fatalf("inconsistent derivation %+v evidence %+v", d, ev)
				}
			}
		}
		if s := DerivationScore(a, b); s < 0 || s > 1 {
			t.Fatalf("score %v out of [0,1]", s)
		}
	})
}
