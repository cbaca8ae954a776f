package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/learn"
)

// PairFit says how the aligner's models are fitted: for which decision,
// with which learner, and how the decision threshold is chosen.
type PairFit struct {
	Mode compare.Mode
	// Learner is "logistic" or "boosted".
	Learner string
	L2      float64 // the logistic penalty
	Boost   learn.BoostOptions
	// Precision, for the fact mode, is the precision the threshold must
	// reach on the pairs fitted on: the comparison lists a fact as shared
	// only when it is sure of it, so the threshold is the one with the best
	// F1 among those that reach it. The paraphrase mode takes the threshold
	// that maximises accuracy plus F1.
	Precision float64
	// LexiconPrior, when above 0, gives the model a lexicon of learned word
	// weights (compare.Lexicon, fitted by FitLexicon with this prior).
	LexiconPrior float64
	// Also names pair files whose pairs every fold of CrossValidatePairs
	// also fits on (never scored).
	Also []string
	// Extra, when set, gives every pair features measured outside
	// storyline, after compare.PairFeatures (CrossValidatePairs and
	// LeaveOneSetOut only).
	Extra *ExtraFeatures
}

// pairData are a pair file's features, labels and story groups.
type pairData struct {
	path   string
	texts  [][2]string
	xs     [][]float64
	stems  [][2][]string // each side's lexicon terms (compare.LexiconTerms)
	ys     []bool
	groups []string // the pair's `cluster`, "" when the file has none
}

// readPairData reads a pair file and measures its pairs' features on all
// cores.
func readPairData(path string) (pairData, error) {
	d := pairData{path: path}
	f, err := os.Open(path)
	if err != nil {
		return d, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var texts [][2]string
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p struct {
			Text1, Text2 string
			Label        json.RawMessage
			Cluster      string
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return d, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		positive, err := positiveLabel(p.Label)
		if err != nil {
			return d, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		texts = append(texts, [2]string{p.Text1, p.Text2})
		d.ys = append(d.ys, positive)
		d.groups = append(d.groups, p.Cluster)
	}
	if err := sc.Err(); err != nil {
		return d, fmt.Errorf("%s: %w", path, err)
	}
	d.texts = texts
	d.xs = make([][]float64, len(texts))
	d.stems = make([][2][]string, len(texts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				d.xs[i] = compare.PairFeatures(texts[i][0], texts[i][1])
				d.stems[i] = [2][]string{compare.LexiconTerms(texts[i][0]), compare.LexiconTerms(texts[i][1])}
			}
		})
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	return d, nil
}

// readFitData reads a pair file as readPairData does, with the extra
// features of opt when it has them.
func readFitData(path string, opt PairFit) (pairData, error) {
	d, err := readPairData(path)
	if err != nil || opt.Extra == nil {
		return d, err
	}
	return d, opt.Extra.appendTo(&d)
}

// fitPairModel fits a model on rows xs (pair features, with the pairs'
// content stems) with labels ys and chooses its threshold on them. It
// returns ctx's error when ctx has ended: at its start (a logistic fit is
// seconds) and between boosting rounds.
func fitPairModel(ctx context.Context, xs [][]float64, stems [][2][]string, ys []bool, opt PairFit) (*compare.PairModel, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var lex *compare.Lexicon
	if opt.LexiconPrior > 0 {
		lex = FitLexicon(stems, ys, opt.LexiconPrior)
		xs = withHeldOutLexicon(xs, stems, ys, opt.LexiconPrior)
	}
	m := &compare.PairModel{Mode: opt.Mode, Features: pairFeatureNames(opt, lex != nil), Lexicon: lex}
	switch opt.Learner {
	case "boosted":
		b, err := learn.FitBoosted(ctx, xs, ys, nil, opt.Boost)
		if err != nil {
			return nil, err
		}
		b.Features = m.Features
		m.Boosted = b
	case "logistic", "":
		l := learn.FitLogistic(xs, ys, opt.L2)
		m.Logistic = &l
	default:
		return nil, fmt.Errorf("learner %q: want logistic or boosted", opt.Learner)
	}
	scores := make([]float64, len(xs))
	for i, x := range xs {
		scores[i] = m.Predict(x)
	}
	if m.Boosted != nil {
		// Trees fit their own pairs far better than new ones: the
		// threshold is chosen on predictions for pairs each model did
		// not see (three folds of the rows).
		for fold := range 3 {
			var tx [][]float64
			var ty []bool
			for i := range xs {
				if i%3 != fold {
					tx, ty = append(tx, xs[i]), append(ty, ys[i])
				}
			}
			b, err := learn.FitBoosted(ctx, tx, ty, nil, opt.Boost)
			if err != nil {
				return nil, err
			}
			for i := range xs {
				if i%3 == fold {
					scores[i] = b.Predict(xs[i])
				}
			}
		}
	}
	m.Threshold = chooseThreshold(scores, ys, opt)
	return m, nil
}

// pairFeatureNames names the features of the rows fitPairModel fits on: the
// pair features, the extra ones and the lexicon's, in that order.
func pairFeatureNames(opt PairFit, withLexicon bool) []string {
	if opt.Extra == nil {
		return compare.FeatureNamesOf(withLexicon)
	}
	names := append(slices.Clip(compare.FeatureNames), opt.Extra.Names...)
	if withLexicon {
		names = append(names, compare.LexiconFeatureNames...)
	}
	return names
}

// predictPair is a fitted model's probability for a pair with features x
// and content stems st.
func predictPair(m *compare.PairModel, x []float64, st [2][]string) float64 {
	if m.Lexicon != nil {
		x = append(slices.Clip(x), m.Lexicon.Features(st[0], st[1])...)
	}
	return m.Predict(x)
}

// decidePair is a fitted model's decision on a pair as the comparison makes
// it (compare.Decide).
func decidePair(mode compare.Mode, prob, threshold float64, t [2]string) bool {
	return compare.Decide(mode, prob, threshold, t[0], t[1])
}

// lexiconFolds is how many parts the pairs a model is fitted on are dealt
// into to give each its lexicon features from a lexicon fitted without it.
const lexiconFolds = 5

// withHeldOutLexicon appends to each row the lexicon features of a lexicon
// fitted on the other rows (lexiconFolds folds): features from a lexicon
// that saw the row's own label would look more telling than they are on
// new pairs, and the model would trust them too much.
func withHeldOutLexicon(xs [][]float64, stems [][2][]string, ys []bool, prior float64) [][]float64 {
	out := make([][]float64, len(xs))
	for fold := range lexiconFolds {
		var fitStems [][2][]string
		var fitYs []bool
		for i := range xs {
			if i%lexiconFolds != fold {
				fitStems, fitYs = append(fitStems, stems[i]), append(fitYs, ys[i])
			}
		}
		lex := FitLexicon(fitStems, fitYs, prior)
		for i := range xs {
			if i%lexiconFolds == fold {
				out[i] = append(slices.Clip(xs[i]), lex.Features(stems[i][0], stems[i][1])...)
			}
		}
	}
	return out
}

// lexiconMinPairs is the fewest pairs a term must occur in to be kept in a
// lexicon: a rarer one's weight is nearly the prior's, which Default gives.
// On MSRP (10-fold) keeping terms of one pair too gives ROC-AUC .849 for a
// 2 MB model, of two pairs .847 for 0.5 MB, of three .846.
const lexiconMinPairs = 2

// FitLexicon learns word weights from labelled pairs (TF-KLD, Ji and
// Eisenstein 2013): for each stem, p is the share of the "same" pairs with
// the stem in either sentence that have it in both, q the same share among
// the other pairs, and the weight is KL(p‖q). Both shares are smoothed
// towards the rates over all stems by prior pseudo-pairs, so that a stem
// seen in few pairs weighs what an unknown one does.
func FitLexicon(stems [][2][]string, ys []bool, prior float64) *compare.Lexicon {
	type counts struct{ bothSame, eitherSame, bothOther, eitherOther float64 }
	c := map[string]*counts{}
	var all counts
	for i, st := range stems {
		inA := map[string]bool{}
		for _, w := range st[0] {
			inA[w] = true
		}
		seen := map[string]bool{}
		for _, side := range st {
			for _, w := range side {
				if seen[w] {
					continue
				}
				seen[w] = true
				x := c[w]
				if x == nil {
					x = &counts{}
					c[w] = x
				}
				both := 0.0
				if inA[w] && slices.Contains(st[1], w) {
					both = 1
				}
				if ys[i] {
					x.eitherSame++
					x.bothSame += both
				} else {
					x.eitherOther++
					x.bothOther += both
				}
			}
		}
	}
	for _, x := range c {
		all.bothSame += x.bothSame
		all.eitherSame += x.eitherSame
		all.bothOther += x.bothOther
		all.eitherOther += x.eitherOther
	}
	rate := func(both, either float64) float64 {
		if either == 0 {
			return 0.5
		}
		return both / either
	}
	meanSame, meanOther := rate(all.bothSame, all.eitherSame), rate(all.bothOther, all.eitherOther)
	kl := func(p, q float64) float64 {
		p, q = clamp(p), clamp(q)
		return p*math.Log(p/q) + (1-p)*math.Log((1-p)/(1-q))
	}
	lex := &compare.Lexicon{Weights: map[string]float64{}, Default: kl(meanSame, meanOther)}
	for w, x := range c {
		if x.eitherSame+x.eitherOther < lexiconMinPairs {
			continue
		}
		p := (x.bothSame + prior*meanSame) / (x.eitherSame + prior)
		q := (x.bothOther + prior*meanOther) / (x.eitherOther + prior)
		lex.Weights[w] = math.Round(kl(p, q)*1e5) / 1e5
	}
	return lex
}

// clamp keeps a rate inside (0, 1) for the logarithms.
func clamp(p float64) float64 { return math.Min(1-1e-6, math.Max(1e-6, p)) }

// chooseThreshold picks a model's decision threshold on the pairs it was
// fitted on (see PairFit.Precision).
func chooseThreshold(scores []float64, ys []bool, opt PairFit) float64 {
	best, bestScore := 0.5, -1.0
	for t := 0.05; t <= 0.95; t += 0.01 {
		same := make([]bool, len(scores))
		for i, s := range scores {
			same[i] = s >= t
		}
		c := countDecisions(same, ys)
		var objective float64
		if opt.Mode == compare.Fact && opt.Precision > 0 {
			if c.precision() < opt.Precision {
				continue
			}
			objective = c.f1()
		} else {
			objective = c.accuracy() + c.f1()
		}
		if objective > bestScore {
			best, bestScore = t, objective
		}
	}
	return best
}

// confusion counts decisions against labels.
type confusion struct{ tp, fp, fn, tn float64 }

func countDecisions(same, ys []bool) confusion {
	var c confusion
	for i, s := range same {
		switch {
		case s && ys[i]:
			c.tp++
		case s:
			c.fp++
		case ys[i]:
			c.fn++
		default:
			c.tn++
		}
	}
	return c
}

func (c confusion) precision() float64 {
	if c.tp+c.fp == 0 {
		return 0
	}
	return c.tp / (c.tp + c.fp)
}

func (c confusion) recall() float64 {
	if c.tp+c.fn == 0 {
		return 0
	}
	return c.tp / (c.tp + c.fn)
}

func (c confusion) f1() float64 { return F1(c.precision(), c.recall()) }

func (c confusion) accuracy() float64 {
	n := c.tp + c.fp + c.fn + c.tn
	if n == 0 {
		return 0
	}
	return (c.tp + c.tn) / n
}

// report fills a PairsReport from a file's held-out probabilities and
// decisions, with each pair's (PairsReport.Scores).
func report(d pairData, probs []float64, same []bool) PairsReport {
	c := countDecisions(same, d.ys)
	rep := PairsReport{File: d.path, Pairs: len(d.ys), Accuracy: c.accuracy(), F1: c.f1(), Precision: c.precision(), Recall: c.recall(),
		AUC: ROCAUC(probs, d.ys), BestThreshold: -1}
	rep.Scores = make([]PairScore, len(d.ys))
	for i := range d.ys {
		rep.Scores[i] = PairScore{Index: i, Label: d.ys[i], Score: probs[i], Same: same[i], Text1: d.texts[i][0], Text2: d.texts[i][1]}
	}
	return rep
}

// foldOf deals pair i into one of k folds: by its story group when the file
// has them, so that no story is both fitted on and scored, else by position.
func foldOf(d pairData, i, k int) int {
	if g := d.groups[i]; g != "" {
		h := fnv.New32a()
		h.Write([]byte(g))
		return int(h.Sum32() % uint32(k))
	}
	return i % k
}

// CrossValidatePairs measures a fitted model on a pair file without scoring
// the pairs it was fitted on: the pairs are dealt into k folds (by story when
// the file has a `cluster` field, else the i-th pair to fold i mod k); for
// each fold a model is fitted on the others, its threshold chosen on them,
// and it decides the held-out fold. The pooled held-out decisions give the
// figures.
func CrossValidatePairs(ctx context.Context, path string, k int, opt PairFit) (PairsReport, error) {
	d, err := readFitData(path, opt)
	if err != nil {
		return PairsReport{File: path}, err
	}
	also := make([]pairData, len(opt.Also))
	for i, p := range opt.Also {
		if also[i], err = readFitData(p, opt); err != nil {
			return PairsReport{File: path}, err
		}
	}
	probs := make([]float64, len(d.xs))
	same := make([]bool, len(d.xs))
	for fold := range k {
		var trainX [][]float64
		var trainStems [][2][]string
		var trainY []bool
		for i := range d.xs {
			if foldOf(d, i, k) != fold {
				trainX = append(trainX, d.xs[i])
				trainStems = append(trainStems, d.stems[i])
				trainY = append(trainY, d.ys[i])
			}
		}
		if len(trainX) == len(d.xs) {
			continue // an empty fold
		}
		for _, a := range also {
			trainX = append(trainX, a.xs...)
			trainStems = append(trainStems, a.stems...)
			trainY = append(trainY, a.ys...)
		}
		m, err := fitPairModel(ctx, trainX, trainStems, trainY, opt)
		if err != nil {
			return PairsReport{File: path}, err
		}
		for i := range d.xs {
			if foldOf(d, i, k) == fold {
				probs[i] = predictPair(m, d.xs[i], d.stems[i])
				same[i] = decidePair(opt.Mode, probs[i], m.Threshold, d.texts[i])
			}
		}
	}
	return report(d, probs, same), nil
}

// LeaveOneSetOut fits a model on all the files but one and scores that one,
// for each file: how the model does on a set it has never seen.
func LeaveOneSetOut(ctx context.Context, paths []string, opt PairFit) ([]PairsReport, error) {
	data := make([]pairData, len(paths))
	for i, p := range paths {
		d, err := readFitData(p, opt)
		if err != nil {
			return nil, err
		}
		data[i] = d
	}
	var out []PairsReport
	for held := range data {
		var xs [][]float64
		var stems [][2][]string
		var ys []bool
		for i, d := range data {
			if i != held {
				xs = append(xs, d.xs...)
				stems = append(stems, d.stems...)
				ys = append(ys, d.ys...)
			}
		}
		m, err := fitPairModel(ctx, xs, stems, ys, opt)
		if err != nil {
			return nil, err
		}
		d := data[held]
		probs := make([]float64, len(d.xs))
		same := make([]bool, len(d.xs))
		for i, x := range d.xs {
			probs[i] = predictPair(m, x, d.stems[i])
			same[i] = decidePair(opt.Mode, probs[i], m.Threshold, d.texts[i])
		}
		out = append(out, report(d, probs, same))
	}
	return out, nil
}

// FitPairs fits a model on every pair of the given files, to be kept as a
// built-in model of package compare (see compare.PairModel).
func FitPairs(ctx context.Context, paths []string, opt PairFit) (*compare.PairModel, error) {
	if opt.Extra != nil {
		return nil, fmt.Errorf("a model with extra features cannot be kept: the comparison does not compute them")
	}
	var xs [][]float64
	var stems [][2][]string
	var ys []bool
	var names []string
	for _, p := range paths {
		d, err := readPairData(p)
		if err != nil {
			return nil, err
		}
		xs = append(xs, d.xs...)
		stems = append(stems, d.stems...)
		ys = append(ys, d.ys...)
		names = append(names, filepath.Base(p))
	}
	m, err := fitPairModel(ctx, xs, stems, ys, opt)
	if err != nil {
		return nil, err
	}
	m.FittedOn = names
	return m, nil
}

// RunPairsMode decides every pair of a file as `storyline pairs --mode`
// does (compare.Same, with a built-in model) and measures the decisions;
// nothing is fitted.
func RunPairsMode(path string, mode compare.Mode) (PairsReport, error) {
	d, err := readPairData(path)
	if err != nil {
		return PairsReport{File: path}, err
	}
	m := compare.Model(mode)
	probs := make([]float64, len(d.xs))
	same := make([]bool, len(d.xs))
	for i, t := range d.texts {
		same[i], probs[i] = compare.Same(mode, t[0], t[1])
	}
	rep := report(d, probs, same)
	if strings.Contains(strings.Join(m.FittedOn, " "), filepath.Base(path)) {
		rep.InSample = true
	}
	return rep, nil
}
