// Package eval measures storyline against labelled data: the shingle F1 of
// extracted article text, B-cubed and pairwise scores of story clusters, and
// accuracy, F1 and ROC-AUC of the sentence aligner; with runners over the sets
// in the layout of ../shared/bench.
package eval

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// PageScore is the shingle precision and recall of one extracted page.
// HasOutput and HasGold say whether each counts towards the corpus means.
type PageScore struct {
	Precision, Recall  float64
	HasOutput, HasGold bool
}

// F1 is the harmonic mean of precision and recall, 0 when both are.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingleCounts is the multiset of 4-token shingles of a text, tokens being
// maximal runs of word characters; a text of one to three tokens is one
// shingle.
func shingleCounts(s string) map[string]int {
	words := text.Words(strings.ReplaceAll(s, "\u00ad", ""))
	m := map[string]int{}
	for _, sh := range text.Shingles(words, 4) {
		m[sh]++
	}
	return m
}

// ScorePage compares an extracted text with the gold text by the ScrapingHub
// article-extraction benchmark's shingle metric.
func ScorePage(gold, output string) PageScore {
	g, o := shingleCounts(gold), shingleCounts(output)
	ps := PageScore{HasOutput: len(o) > 0, HasGold: len(g) > 0}
	var tp, fp, fn float64
	for sh, oc := range o {
		gc := g[sh]
		tp += float64(min(oc, gc))
		if oc > gc {
			fp += float64(oc - gc)
		}
	}
	for sh, gc := range g {
		if oc := o[sh]; gc > oc {
			fn += float64(gc - oc)
		}
	}
	if fp == 0 && fn == 0 {
		ps.Precision, ps.Recall = 1, 1
		return ps
	}
	if tp+fp > 0 {
		ps.Precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		ps.Recall = tp / (tp + fn)
	}
	return ps
}

// CorpusScore averages page scores: precision over pages with output, recall
// over pages with gold, and F1 of the two means.
func CorpusScore(pages []PageScore) (p, r, f1 float64) {
	var np, nr int
	for _, s := range pages {
		if s.HasOutput {
			p += s.Precision
			np++
		}
		if s.HasGold {
			r += s.Recall
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	return p, r, F1(p, r)
}

// PRF is a precision, recall and F1 triple.
type PRF struct{ P, R, F1 float64 }

// BCubed scores predicted clusters against gold ones, both keyed by item: per
// item, precision is the share of its predicted cluster in its gold cluster
// and recall the share of its gold cluster in its predicted cluster, averaged
// over items.
//
// The items are summed in sorted order, so that the score is a function of
// the two partitions alone, to the last bit: summed in the order a map
// ranges, it varied in its last bits from one call to the next (1e-15 on
// the development sets), and the join model's fit, which keeps the first
// of equal means (eval.bestOf), broke exact ties between settings that
// cluster alike by that noise, so that refits chose different stream
// paces and link reaches (session 15).
func BCubed(pred, gold map[string]string) PRF {
	predSets, goldSets := invert(pred), invert(gold)
	var p, r float64
	n := 0
	for _, item := range slices.Sorted(maps.Keys(pred)) {
		pc := pred[item]
		gc, ok := gold[item]
		if !ok {
			continue
		}
		inter := 0
		for _, other := range predSets[pc] {
			if gold[other] == gc {
				inter++
			}
		}
		p += float64(inter) / float64(len(predSets[pc]))
		r += float64(inter) / float64(len(goldSets[gc]))
		n++
	}
	if n == 0 {
		return PRF{}
	}
	p, r = p/float64(n), r/float64(n)
	return PRF{p, r, F1(p, r)}
}

// Pairwise scores the same-cluster pairs of the prediction against the gold
// ones.
func Pairwise(pred, gold map[string]string) PRF {
	var tp, predPairs, goldPairs float64
	for _, members := range invert(pred) {
		for i := range members {
			for j := i + 1; j < len(members); j++ {
				predPairs++
				if gold[members[i]] == gold[members[j]] {
					tp++
				}
			}
		}
	}
	for _, members := range invert(gold) {
		n := float64(len(members))
		goldPairs += n * (n - 1) / 2
	}
	var p, r float64
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	return PRF{p, r, F1(p, r)}
}

func invert(m map[string]string) map[string][]string {
	out := map[string][]string{}
	for item, c := range m {
		out[c] = append(out[c], item)
	}
	return out
}

// ROCAUC is the probability that a random positive scores above a random
// negative (ties count half).
func ROCAUC(scores []float64, labels []bool) float64 {
	type sl struct {
		s float64
		l bool
	}
	xs := make([]sl, len(scores))
	for i := range scores {
		xs[i] = sl{scores[i], labels[i]}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].s < xs[j].s })
	var pos, neg, rankSum float64
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j].s == xs[i].s {
			j++
		}
		avgRank := float64(i+j+1) / 2 // ranks are 1-based
		for k := i; k < j; k++ {
			if xs[k].l {
				rankSum += avgRank
				pos++
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}
