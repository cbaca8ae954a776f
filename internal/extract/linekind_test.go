package extract

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestBlendThresholds: line thresholds blended by the dump's article
// probability follow each end's probabilities (articles' chrome scoring
// high, a listing's items low), where one threshold over all dumps cannot
// serve both; where one threshold serves all dumps, it is kept.
func TestBlendThresholds(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	words := strings.Fields("tana ki moru sel vanta ori pel su kadra lim eno ta rusa vel om dari")
	v := NewVocab()
	var samples []*Sample
	var probs, same [][]float64
	var pa []float64
	add := func(article bool, content, chrome float64, n int) {
		for i := range n {
			id := len(samples)
			p, gold := syntheticDump(r, words, id)
			if !article {
				p, gold = syntheticListing(r, words, id)
			}
			s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 12)}, v)
			if err != nil {
				t.Fatal(err)
			}
			ps, ss := make([]float64, len(s.cover)), make([]float64, len(s.cover))
			for j, c := range s.cover {
				ps[j], ss[j] = chrome, 0.2
				if c >= 0.5 {
					ps[j], ss[j] = content, 0.6
				}
			}
			a := 0.9 - 0.2*r.Float64()
			if !article {
				a = 0.1 + 0.2*r.Float64()
			}
			samples, probs, same, pa = append(samples, s), append(probs, ps), append(same, ss), append(pa, a)
		}
	}
	add(true, 0.9, 0.7, 20)
	add(false, 0.4, 0.1, 20)
	one := bestThreshold(samples, probs)
	ta, to := blendThresholds(samples, probs, pa, one)
	// At article probability 0.7-0.9 an article's threshold must pass its
	// chrome (0.7) and keep its content (0.9); at 0.1-0.3 a listing's must
	// keep its items (0.4) and drop its chrome (0.1).
	for k := range samples {
		th := blendThreshold(ta, to, pa[k])
		if lo, hi := 0.1, 0.4; pa[k] > 0.5 {
			lo, hi = 0.7, 0.9
			if !(th > lo && th <= hi) {
				t.Fatalf("article dump %d (article probability %.2f): blended threshold %.3f (article %.3f, other %.3f), want in (%.1f, %.1f]", k, pa[k], th, ta, to, lo, hi)
			}
		} else if !(th > lo && th <= hi) {
			t.Fatalf("listing dump %d (article probability %.2f): blended threshold %.3f (article %.3f, other %.3f), want in (%.1f, %.1f]", k, pa[k], th, ta, to, lo, hi)
		}
	}
	one = bestThreshold(samples, same)
	if ta, to := blendThresholds(samples, same, pa, one); ta != one || to != one {
		t.Errorf("one threshold %.3f separates every dump, yet the blend is article %.3f, other %.3f", one, ta, to)
	}
}

// TestFitLinesBlendsThresholdsByArticleProbability: extraction reads the
// blend of a dump's line thresholds by its article probability: a high
// threshold for dumps that are not articles keeps fewer lines of a listing
// and all the paragraphs of an article; and a fit on dumps one threshold
// separates keeps that threshold.
func TestFitLinesBlendsThresholdsByArticleProbability(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := strings.Fields("tana ki moru sel vanta ori pel su kadra lim eno ta rusa vel om dari")
	m, _, _ := fitSyntheticLines(t, r, words)
	if m.LineArticleThreshold != m.LineThreshold || m.LineOtherThreshold != m.LineThreshold {
		t.Errorf("fitted on dumps the classifier separates: blend article %.3f, other %.3f, want the one threshold %.3f", m.LineArticleThreshold, m.LineOtherThreshold, m.LineThreshold)
	}

	low := *m
	low.LineThreshold, low.LineArticleThreshold, low.LineOtherThreshold = 0.05, 0, 0
	high := low
	high.LineArticleThreshold, high.LineOtherThreshold = 0.05, 0.95
	otherWords := strings.Fields("gwu bex zoqi hyf plax drem quon yst fimb jorr wek snaz ulk vopp creth ibb")
	listing, _ := syntheticListing(r, otherWords, 1001)
	article, gold := syntheticDump(r, otherWords, 1002)
	la, err := low.Extract(listing)
	if err != nil {
		t.Fatal(err)
	}
	ha, err := high.Extract(listing)
	if err != nil {
		t.Fatal(err)
	}
	if ha.Kind != "listing" {
		t.Fatalf("kind of a listing dump = %q, want listing", ha.Kind)
	}
	if len(ha.Text) >= len(la.Text) {
		t.Errorf("listing with the other end of the blend at 0.95 keeps %d bytes, at one threshold of 0.05 %d: want fewer", len(ha.Text), len(la.Text))
	}
	hb, err := high.Extract(article)
	if err != nil || hb.Kind != "article" {
		t.Fatalf("article dump: kind %q, error %v", hb.Kind, err)
	}
	for _, para := range strings.Split(gold, "\n") {
		if !strings.Contains(hb.Text, para) {
			t.Errorf("article dump under the blend lacks the paragraph %q;\ntext: %s", para, hb.Text)
		}
	}
}
