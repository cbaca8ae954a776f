package eval

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
)

// SinglePassOptions are the settings of the TF-IDF single-pass baseline
// (SinglePass): the plain method the clusterer is compared with.
type SinglePassOptions struct {
	// FileIDF takes each term's IDF over the whole file, as if its
	// document frequencies were known before the stream began; otherwise
	// the IDF is a running one, over the articles seen so far (the article
	// being placed counted), as the clusterer's is.
	FileIDF bool
	// Window, when above zero, lets an article join only a cluster whose
	// latest dated article is at most this long before it (undated
	// articles are never kept out). Zero: no window.
	Window time.Duration
	// Thresholds are the cosines tried when the threshold is chosen (the
	// best mean B-cubed F1 over the fitting sets, then the values halfway
	// to its neighbours). Default 0.05 to 0.6 by 0.025: the development
	// files' own best cosines (in-sample, running IDF) lie from 0.175
	// (duc2003) to 0.30 (allsides_dated), well inside it.
	Thresholds []float64
	// SweepArticles caps the articles of each fitting set clustered while
	// the threshold is chosen, as FitOptions.SweepArticles. Default 2,500.
	SweepArticles int
}

func (o SinglePassOptions) withDefaults() SinglePassOptions {
	if len(o.Thresholds) == 0 {
		for t := 0.05; t < 0.601; t += 0.025 {
			o.Thresholds = append(o.Thresholds, math.Round(t*1000)/1000)
		}
	}
	if o.SweepArticles <= 0 {
		o.SweepArticles = 2500
	}
	return o
}

// spCluster is one cluster of the single pass: the sum of its articles'
// unit TF-IDF vectors (each weighed by the IDF when it joined), the
// squared length of that sum, and its latest date.
type spCluster struct {
	sum    map[uint64]float64
	norm2  float64
	latest time.Time
}

// SinglePass clusters the set with the TF-IDF single-pass baseline, in the
// order Run streams it (by date when every article is dated; shuffled first
// when seed is not 0): each article, as a unit TF-IDF vector of the
// clusterer's own terms, goes to the cluster whose centroid is closest by
// cosine if that cosine is at least threshold, else starts a cluster. No
// story is ever merged, split or closed (but by opt.Window). The report
// holds the scores and the number of clusters made.
func (s ClusterSet) SinglePass(threshold float64, opt SinglePassOptions, seed int64) ClusterReport {
	order := s.streamOrder(seed)
	df := map[uint64]int{}
	docs := 0
	if opt.FileIDF {
		for _, p := range s.Articles {
			p.Terms(func(h uint64, _ float64) { df[h]++ })
		}
		docs = len(s.Articles)
	}
	var clusters []*spCluster
	index := map[uint64][]int{} // term -> clusters whose sum holds it
	dots := []float64{}
	pred := map[string]string{}
	var hs []uint64
	var ws []float64
	for _, i := range order {
		p := s.Articles[i]
		hs, ws = hs[:0], ws[:0]
		p.Terms(func(h uint64, tf float64) { hs, ws = append(hs, h), append(ws, tf) })
		if !opt.FileIDF {
			docs++
			for _, h := range hs {
				df[h]++
			}
		}
		var norm float64
		for k, h := range hs {
			ws[k] *= cluster.IDF(docs, df[h])
			norm += ws[k] * ws[k]
		}
		norm = math.Sqrt(norm)
		for k := range ws {
			ws[k] /= norm
		}
		dots = dots[:len(clusters)]
		clear(dots)
		for k, h := range hs {
			for _, c := range index[h] {
				dots[c] += ws[k] * clusters[c].sum[h]
			}
		}
		when := p.Article.Published
		best, bestCos := -1, threshold
		for c, d := range dots {
			cl := clusters[c]
			if d <= 0 || opt.Window > 0 && !when.IsZero() && !cl.latest.IsZero() && when.Sub(cl.latest) > opt.Window {
				continue
			}
			if cos := d / math.Sqrt(cl.norm2); cos >= bestCos && (best < 0 || cos > bestCos) {
				best, bestCos = c, cos
			}
		}
		if best < 0 {
			best = len(clusters)
			clusters = append(clusters, &spCluster{sum: map[uint64]float64{}})
			dots = append(dots, 0)
		}
		cl := clusters[best]
		if norm > 0 {
			cl.norm2 += 2*dots[best] + 1 // |s+v|² = |s|² + 2 s·v + |v|², v of unit length
			for k, h := range hs {
				if _, ok := cl.sum[h]; !ok {
					index[h] = append(index[h], best)
				}
				cl.sum[h] += ws[k]
			}
		}
		if when.After(cl.latest) {
			cl.latest = when
		}
		pred[p.Article.ID] = strconv.Itoa(best)
	}
	return s.score(pred, ClusterReport{})
}

// FitSinglePass chooses the baseline's threshold on the fitting sets: the
// cosine with the best mean B-cubed F1 over them (each cut to its first
// opt.SweepArticles articles, in its own order), as FitClusterModel
// chooses the join threshold. It returns the threshold and that mean.
func FitSinglePass(ctx context.Context, train []ClusterSet, opt SinglePassOptions) (float64, float64, error) {
	opt = opt.withDefaults()
	if len(train) == 0 {
		return 0, 0, fmt.Errorf("fit single pass: no training sets")
	}
	t, f1 := bestOf(opt.Thresholds, -1, func(t float64) float64 {
		var sum float64
		for _, s := range train {
			if ctx.Err() != nil {
				return 0 // the caller returns ctx's error
			}
			sum += s.prefix(opt.SweepArticles).SinglePass(t, opt, 0).BCubed.F1
		}
		return sum / float64(len(train))
	})
	return t, f1, ctx.Err()
}

// BaselineHeldOut is one set scored by the single-pass baseline with a
// threshold chosen without its file.
type BaselineHeldOut struct {
	Set       string
	Threshold float64
	Orders    []ClusterReport // own order first, then one per shuffle seed
}

// SinglePassLeaveOneSetOut scores each file of scored with the single-pass
// baseline at a threshold chosen on every other file of scored and on
// alsoTrain (see losoFolds), in its own order and shuffled with each of
// shuffles: the baseline row of ClusterLeaveOneSetOut's table.
func SinglePassLeaveOneSetOut(ctx context.Context, scored, alsoTrain []ClusterSet, reportOnly func(string) bool, shuffles []int64, only []string, opt SinglePassOptions) ([]BaselineHeldOut, error) {
	var out []BaselineHeldOut
	for _, fold := range losoFolds(scored, alsoTrain, reportOnly, only) {
		t, _, err := FitSinglePass(ctx, fold.train, opt)
		if err != nil {
			return nil, fmt.Errorf("leave out %s: %w", fold.held, err)
		}
		for _, s := range fold.scored {
			h := BaselineHeldOut{Set: s.Name, Threshold: t}
			for _, seed := range append([]int64{0}, shuffles...) {
				h.Orders = append(h.Orders, s.SinglePass(t, opt, seed))
			}
			out = append(out, h)
		}
	}
	return out, ctx.Err()
}
