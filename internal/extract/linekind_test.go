package extract

import (
	"fmt"
	"math"
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

// TestChooseLineBlend: line thresholds chosen on held-out probabilities
// of invented dumps blend by the article probability as the fit's do
// (articles' chrome scoring high, listings' items low, so no one threshold
// serves both), the pair not reading dumps without an article probability
// (with none, no blend); with no dump at all, the model's thresholds are kept.
func TestChooseLineBlend(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	words := strings.Fields("pela mor tiki sanu vel ora kes lun beda rim ako sul tena var odi mek")
	v := NewVocab()
	var samples []*Sample
	var probs [][]float64
	var pa []float64
	add := func(s *Sample, content, chrome, a float64) {
		ps := make([]float64, len(s.cover))
		for j, c := range s.cover {
			ps[j] = chrome
			if c >= 0.5 {
				ps[j] = content
			}
		}
		samples, probs, pa = append(samples, s), append(probs, ps), append(pa, a)
	}
	for i := range 16 {
		p, gold := syntheticDump(r, words, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 8)}, v)
		if err != nil {
			t.Fatal(err)
		}
		add(s, 0.85, 0.65, 0.8+0.15*r.Float64())
		p, gold = syntheticListing(r, words, 100+i)
		if s, err = PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 8)}, v); err != nil {
			t.Fatal(err)
		}
		add(s, 0.35, 0.15, 0.05+0.15*r.Float64())
	}
	// Listings' probabilities inverted under a NaN article probability: read,
	// they would pull the pair away from the listings' own.
	for i := range 16 {
		p, gold := syntheticListing(r, words, 200+i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 8)}, v)
		if err != nil {
			t.Fatal(err)
		}
		add(s, 0.05, 0.95, math.NaN())
	}
	var m Model
	m.ChooseLineBlend(samples, probs, pa)
	if !m.BlendsLineThresholds() {
		t.Fatalf("no blend chosen (line threshold %.3f)", m.LineThreshold)
	}
	for k, s := range samples {
		if math.IsNaN(pa[k]) {
			continue
		}
		th := blendThreshold(m.LineArticleThreshold, m.LineOtherThreshold, pa[k])
		lo, hi := 0.15, 0.35
		if pa[k] > 0.5 {
			lo, hi = 0.65, 0.85
		}
		if !(th > lo && th <= hi) {
			t.Fatalf("dump %d (%d lines, article probability %.2f): blended threshold %.3f (article %.3f, other %.3f), want in (%.2f, %.2f]",
				k, len(s.cover), pa[k], th, m.LineArticleThreshold, m.LineOtherThreshold, lo, hi)
		}
	}
	var one Model
	one.ChooseLineBlend(samples[32:], probs[32:], pa[32:])
	if one.BlendsLineThresholds() || one.LineThreshold != bestThreshold(samples[32:], probs[32:]) {
		t.Errorf("no dump with an article probability: line threshold %.3f, blend article %.3f other %.3f; want the one best threshold, no blend",
			one.LineThreshold, one.LineArticleThreshold, one.LineOtherThreshold)
	}
	kept := Model{LineThreshold: 0.4, LineArticleThreshold: 0.5, LineOtherThreshold: 0.3}
	kept.ChooseLineBlend(nil, nil, nil)
	if kept.LineThreshold != 0.4 || kept.LineArticleThreshold != 0.5 || kept.LineOtherThreshold != 0.3 {
		t.Errorf("no dump, yet the thresholds moved: %.3f, article %.3f, other %.3f", kept.LineThreshold, kept.LineArticleThreshold, kept.LineOtherThreshold)
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

// TestChooseBoundedLineBlend: the bounded pair holds the other threshold at
// or above the article threshold minus the margin; with no bound it is the
// pair ChooseLineBlend chooses; and the margin is the one whose pair, chosen
// without each held-out group, reads that group best.
func TestChooseBoundedLineBlend(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	words := strings.Fields("pela mor tiki sanu vel ora kes lun beda rim ako sul tena var odi mek")
	v := NewVocab()
	var samples []*Sample
	var probs [][]float64
	var pa []float64
	var group []int
	add := func(s *Sample, content, chrome, a float64, g int) {
		ps := make([]float64, len(s.cover))
		for j, c := range s.cover {
			ps[j] = chrome
			if c >= 0.5 {
				ps[j] = content
			}
		}
		samples, probs, pa, group = append(samples, s), append(probs, ps), append(pa, a), append(group, g)
	}
	for i := range 16 {
		p, gold := syntheticDump(r, words, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 8)}, v)
		if err != nil {
			t.Fatal(err)
		}
		add(s, 0.85, 0.65, 0.8+0.15*r.Float64(), i%4)
		p, gold = syntheticListing(r, words, 100+i)
		if s, err = PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 8)}, v); err != nil {
			t.Fatal(err)
		}
		add(s, 0.35, 0.15, 0.05+0.15*r.Float64(), i%4)
	}
	var free, unbounded, bounded Model
	free.ChooseLineBlend(samples, probs, pa)
	margin, f1s := unbounded.ChooseBoundedLineBlend(samples, probs, pa, group, []float64{1})
	if margin != 1 || unbounded.LineThreshold != free.LineThreshold || unbounded.LineArticleThreshold != free.LineArticleThreshold || unbounded.LineOtherThreshold != free.LineOtherThreshold {
		t.Errorf("no bound (margin %.2f): line %.3f, article %.3f, other %.3f; want ChooseLineBlend's %.3f, %.3f, %.3f",
			margin, unbounded.LineThreshold, unbounded.LineArticleThreshold, unbounded.LineOtherThreshold, free.LineThreshold, free.LineArticleThreshold, free.LineOtherThreshold)
	}
	if free.LineOtherThreshold >= free.LineArticleThreshold-0.1 {
		t.Fatalf("the free pair (article %.3f, other %.3f) is within 0.1: the bound below would not bind", free.LineArticleThreshold, free.LineOtherThreshold)
	}
	margin, f1s = bounded.ChooseBoundedLineBlend(samples, probs, pa, group, []float64{0.1, 1})
	if margin != 1 || !(f1s[1] > f1s[0]) {
		t.Errorf("listings read alike in every group: margin %.2f chosen, held-out F1 %.4f at 0.1 and %.4f unbounded; want no bound and it better", margin, f1s[0], f1s[1])
	}
	margin, _ = bounded.ChooseBoundedLineBlend(samples, probs, pa, group, []float64{0.1})
	if margin != 0.1 || bounded.LineOtherThreshold < bounded.LineArticleThreshold-0.1-1e-9 {
		t.Errorf("margin %.2f: pair article %.3f, other %.3f; want the other at or above the article minus 0.1", margin, bounded.LineArticleThreshold, bounded.LineOtherThreshold)
	}
	oneGroup := make([]int, len(samples))
	margin, f1s = bounded.ChooseBoundedLineBlend(samples, probs, pa, oneGroup, []float64{0.1, 0.2})
	if margin != 0.2 || !math.IsNaN(f1s[0]) || !math.IsNaN(f1s[1]) {
		t.Errorf("one group: margin %.2f, held-out F1 %v; want the last margin and no held-out F1", margin, f1s)
	}
	kept := Model{LineThreshold: 0.4, LineArticleThreshold: 0.5, LineOtherThreshold: 0.3}
	if margin, _ = kept.ChooseBoundedLineBlend(nil, nil, nil, nil, []float64{0.1}); !math.IsNaN(margin) || kept.LineThreshold != 0.4 || kept.LineArticleThreshold != 0.5 || kept.LineOtherThreshold != 0.3 {
		t.Errorf("no dump, yet margin %.2f and the thresholds moved: %.3f, article %.3f, other %.3f", margin, kept.LineThreshold, kept.LineArticleThreshold, kept.LineOtherThreshold)
	}
}
