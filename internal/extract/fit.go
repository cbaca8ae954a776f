package extract

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Fitting: labelled pages (a page and the gold text of its main content) are
// cut into blocks as extraction cuts them; each block is labelled by how much
// of it the gold holds (the share of its tokens covered by a 4-token shingle
// of the gold, over the page's whole token stream, so that a short heading
// between two gold paragraphs is covered by the shingles that span it), and
// the block classifier is fitted to those labels.

// Vocab interns the class/id words of the pages prepared for a fit. It is
// safe for concurrent use.
type Vocab struct {
	mu    sync.Mutex
	ids   map[string]int32
	words []string
	text  *Vocab // the words of short blocks' text
}

// NewVocab returns an empty vocabulary.
func NewVocab() *Vocab {
	return &Vocab{ids: map[string]int32{}, text: &Vocab{ids: map[string]int32{}}}
}

func (v *Vocab) id(w string) int32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

// Label is what is known of a page for fitting.
type Label struct {
	Gold string // the gold main text
	Site string // the page's site: its class words count once per site
	Kind string // the page's kind (see news.PageKinds), "" when unknown
}

// Sample is one labelled page prepared for fitting.
type Sample struct {
	Label
	page   []float64 // the page-kind features (of HTML pages or of text dumps)
	pb     *pageBlocks
	cover  []float64 // share of each block's tokens the gold covers
	weight []float64 // each block's weight in the fit (see blockWeights)
	lines  []lineInfo
	arena  []int32 // the text word ids of the lines
}

// PrepareSample cuts a labelled page into blocks (HTML) or lines (text
// dumps) and labels them with the gold text.
func PrepareSample(p news.Page, l Label, v *Vocab) (*Sample, error) {
	if len(p.Body) > MaxPageBytes {
		return nil, fmt.Errorf("page %s is %d bytes, more than the %d this extractor reads", p.ID, len(p.Body), MaxPageBytes)
	}
	s := &Sample{Label: l}
	gold := l.Gold
	var texts []string
	switch p.Kind {
	case news.KindHTML:
		doc, err := parseHTML(p.Body)
		if err != nil {
			return nil, fmt.Errorf("page %s: parse HTML: %w", p.ID, err)
		}
		body := findBody(doc)
		if body == nil {
			return nil, fmt.Errorf("page %s: no body", p.ID)
		}
		s.pb = segmentPage(body, v.id, v.text.id)
		texts = allBlocks(s.pb)
		pm := readMeta(doc)
		s.pb.titles = pm.headlineTitles(p.URL)
		s.pb.wholeTitles = pm.wholeTitles()
		s.page = pageFeatures(s.pb, pageCues{ldTypes: ldTypes(p.Body), ogType: pm.get("og:type"), url: pm.articleURL(p.URL)}) // as fromHTML reads it
	case news.KindText:
		s.lines, s.arena = dumpLines(p.Body, v.text.id)
		s.page = dumpPageFeatures(s.lines, p.URL)
		texts = make([]string, len(s.lines))
		for i := range s.lines {
			texts[i] = s.lines[i].text
		}
	default:
		return nil, fmt.Errorf("page %s: unknown page kind %q", p.ID, p.Kind)
	}
	s.cover = goldCover(texts, gold)
	s.weight = blockWeights(texts, gold)
	return s, nil
}

// goldCover returns, for each block, the share of its tokens that lie in a
// 4-token shingle of the whole page's token stream that the gold also has.
func goldCover(blocks []string, gold string) []float64 {
	gs := map[uint64]bool{}
	gw := text.Words(gold)
	for i := 0; i+4 <= len(gw); i++ {
		gs[shingleHash(gw[i:i+4])] = true
	}
	var toks []string
	bounds := make([]int, len(blocks)+1)
	for i, b := range blocks {
		toks = append(toks, text.Words(b)...)
		bounds[i+1] = len(toks)
	}
	covered := make([]bool, len(toks))
	if len(gw) < 4 { // a gold of one to three tokens: find it as a run
		for i := 0; i+len(gw) <= len(toks) && len(gw) > 0; i++ {
			if equalWords(toks[i:i+len(gw)], gw) {
				for k := i; k < i+len(gw); k++ {
					covered[k] = true
				}
			}
		}
	}
	for i := 0; i+4 <= len(toks); i++ {
		if gs[shingleHash(toks[i:i+4])] {
			covered[i], covered[i+1], covered[i+2], covered[i+3] = true, true, true, true
		}
	}
	out := make([]float64, len(blocks))
	for i := range blocks {
		n, c := bounds[i+1]-bounds[i], 0
		for k := bounds[i]; k < bounds[i+1]; k++ {
			if covered[k] {
				c++
			}
		}
		if n > 0 {
			out[i] = float64(c) / float64(n)
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func shingleHash(ws []string) uint64 {
	h := text.Hash(ws[0])
	for _, w := range ws[1:] {
		h = text.HashMore(h*31+1, w)
	}
	return h
}

// blockWeights weighs each block by what it does to its page's score: its
// tokens plus the three shingles that reach into it from a neighbour, over
// the page's gold length (floored at 100 tokens), so that every page counts
// about as much as the metric's per-page means make it count, and a long
// page's blocks do not drown a short page's.
func blockWeights(blocks []string, gold string) []float64 {
	g := float64(max(100, len(text.Words(gold))))
	out := make([]float64, len(blocks))
	for i, b := range blocks {
		out[i] = float64(len(text.Words(b))+3) / g
	}
	return out
}

// FitOptions control Fit.
type FitOptions struct {
	Boost    learn.BoostOptions
	MinSites int  // a class/id word is learned only when it occurs on this many sites; default 20
	OneStage bool // fit the first stage only (a quarter of the fitting time)
	// Lines fits the line classifier and the page-kind classifiers of text
	// dumps too. Without it, text dumps' lines still teach the text-word
	// log-odds (of HTML blocks), and the model reads dumps with the
	// prose-run heuristic.
	Lines bool
	// UnitWeights scales the rows' weights of each fit to a mean of 1, so
	// that learn's MinLeaf and L2 (in hessian units) mean what they say for
	// any weighting. Off in the embedded model: with it, readability left
	// out scored 0.921 against 0.932 without (one stage, 100 trees).
	UnitWeights bool
	// BlankShare is the share of fitting HTML pages whose block rows are
	// fitted with the features of BlankLevel blanked, as on a page whose
	// words the fit never read (see WordBlank): a model that never saw a
	// page without its learned class/id words leans on them (two site
	// folds, every class/id and text word unknown: five news 0.948 ->
	// 0.908), and learns from such pages what to read instead (0.934 with
	// 0.3 of BlankClassWords). Not in the embedded model (docs/measurements/extraction.md, session
	// 18: a test page's newsletter plug is then kept). 0: none. Text
	// dumps' lines are fitted as they are (their classifier reads no
	// learned words).
	BlankShare float64
	BlankLevel WordBlank
}

// Fit fits a model to prepared samples (all HTML, all text dumps, or both:
// each part fits its own classifier). v is the vocabulary the samples were
// prepared with. It stops when ctx ends (between pages while it computes
// their features, and between boosting rounds) and returns an error that
// wraps ctx's.
func Fit(ctx context.Context, samples []*Sample, v *Vocab, opt FitOptions) (*Model, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("fit extraction model: %w", err)
	}
	if opt.MinSites <= 0 {
		opt.MinSites = 20
	}
	var htmlS, textS []*Sample
	for _, s := range samples {
		if s.pb != nil {
			htmlS = append(htmlS, s)
		} else {
			textS = append(textS, s)
		}
	}
	if len(htmlS) == 0 && (len(textS) == 0 || !opt.Lines) {
		return nil, errors.New("fit extraction model: no HTML pages (and no text dumps with Lines)")
	}
	m := &Model{}
	ttable := textLogOdds(samples, v.text, opt.MinSites)
	for id, lo := range ttable {
		if lo != 0 {
			m.TextWords = append(m.TextWords, v.text.words[id])
			m.TextLogOdds = append(m.TextLogOdds, lo)
		}
	}
	if len(htmlS) > 0 {
		if err := m.fitBlocks(ctx, htmlS, v, ttable, opt); err != nil {
			return nil, err
		}
		kinds, err := fitKinds(ctx, htmlS, kindBoost(opt.Boost.Seed), pageFeatureNames)
		if err != nil {
			return nil, fmt.Errorf("fit page kinds: %w", err)
		}
		m.Kinds = kinds
	}
	if len(textS) > 0 && opt.Lines {
		kboost := kindBoost(opt.Boost.Seed)
		oof, err := oofDumpKinds(ctx, textS, kboost)
		if err != nil {
			return nil, fmt.Errorf("fit page kinds of text dumps, out of fold: %w", err)
		}
		if err := m.fitLines(ctx, textS, oof, opt); err != nil {
			return nil, err
		}
		kinds, err := fitKinds(ctx, textS, kboost, dumpPageFeatureNames)
		if err != nil {
			return nil, fmt.Errorf("fit page kinds of text dumps: %w", err)
		}
		m.DumpKinds = kinds
	}
	m.index()
	return m, nil
}

// fitBlocks learns the class/id words and fits the block classifier of HTML
// pages.
func (m *Model) fitBlocks(ctx context.Context, htmlS []*Sample, v *Vocab, ttable []float64, opt FitOptions) error {
	table := classLogOdds(htmlS, v, opt.MinSites)
	for id, lo := range table {
		if lo != 0 {
			m.ClassWords = append(m.ClassWords, v.words[id])
			m.ClassLogOdds = append(m.ClassLogOdds, lo)
		}
	}
	rows := make([][]float64, len(htmlS))
	for k, s := range htmlS {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("fit block classifier: %w", err)
		}
		rows[k] = blockFeatures(s.pb, table, ttable, s.page)
		if blankedInFit(s.Label, opt.BlankShare) {
			blankRows(rows[k], numFeatures, blankCols(featureNames, opt.BlankLevel))
		}
	}
	first, second, probs, err := fitTwoStages(ctx, staged{
		rows:    rows,
		nf:      numFeatures,
		context: func(k int, p []float64) []float64 { return blockContext(htmlS[k].pb, p) },
		label:   func(k, i int) (bool, float64) { return htmlS[k].cover[i] >= 0.5, htmlS[k].weight[i] },
		site:    func(k int) string { return htmlS[k].Site },
		items:   func(k int) int { return len(htmlS[k].pb.blocks) },
		short:   func(k, i int) bool { return htmlS[k].pb.blocks[i].tokens < 4 },
	}, len(htmlS), opt, featureNames)
	if err != nil {
		return fmt.Errorf("fit block classifier: %w", err)
	}
	m.Blocks, m.Blocks2 = first, second
	m.Threshold = bestThreshold(htmlS, probs)
	return nil
}

// classLogOdds measures each class/id word: the log-odds that a block below
// an element carrying it is main content, against the prior, smoothed by 20
// blocks of the prior and clipped to ±4; 0 for a word seen on fewer than
// minSites sites (a site's own naming teaches nothing about other sites).
func classLogOdds(samples []*Sample, v *Vocab, minSites int) []float64 {
	n := len(v.words)
	pos, neg := make([]float64, n), make([]float64, n)
	sites := make([]map[string]struct{}, n)
	var allPos, allNeg float64
	seen := map[int32]bool{}
	for _, s := range samples {
		pb := s.pb
		for i := range pb.blocks {
			clear(seen)
			for e := pb.blocks[i].elem; e >= 0; e = pb.elems[e].parent {
				for _, w := range pb.words[pb.elems[e].words[0]:pb.elems[e].words[1]] {
					seen[w] = true
				}
			}
			content := s.cover[i] >= 0.5
			if content {
				allPos++
			} else {
				allNeg++
			}
			for w := range seen {
				if content {
					pos[w]++
				} else {
					neg[w]++
				}
				if sites[w] == nil {
					sites[w] = map[string]struct{}{}
				}
				sites[w][s.Site] = struct{}{}
			}
		}
	}
	return smoothedLogOdds(pos, neg, sites, allPos, allNeg, minSites)
}

// bestThreshold picks the probability threshold that maximises the corpus
// F1 of the fitting pages, with token precision and recall per page computed
// from the blocks' gold cover (the shingle metric's means, approximated).
func bestThreshold(samples []*Sample, probs [][]float64) float64 {
	best, bestF := 0.5, -1.0
	for step := 0; step <= thresholdSteps; step++ {
		th := thresholdAt(step)
		if f := keptF1(samples, probs, func(int) float64 { return th }); f > bestF {
			best, bestF = th, f
		}
	}
	return best
}

// thresholdSteps is the last step of bestThreshold's grid: 0.05 to 0.95 by
// 0.025.
const thresholdSteps = 36

// thresholdAt is the threshold at step of bestThreshold's grid, rounded so
// that the value returned is the value tested.
func thresholdAt(step int) float64 {
	return math.Round((0.05+0.025*float64(step))*1000) / 1000
}

// keptF1 is the F1 of the samples' blocks kept at each sample's threshold
// th(k): the means over samples of the share of kept tokens that are gold
// (precision) and of gold tokens kept (recall), each sample's tokens
// weighted by its blocks' gold cover.
func keptF1(samples []*Sample, probs [][]float64, th func(k int) float64) float64 {
	var sp, sr float64
	var np, nr int
	for k, s := range samples {
		t := th(k)
		var keptTok, keptGold, gold float64
		for i := range probs[k] {
			tok := float64(s.tokens(i))
			g := s.cover[i] * tok
			gold += g
			if probs[k][i] >= t {
				keptTok += tok
				keptGold += g
			}
		}
		if keptTok > 0 {
			sp += keptGold / keptTok
			np++
		}
		if gold > 0 {
			sr += keptGold / gold
			nr++
		}
	}
	p, r := sp/float64(max(1, np)), sr/float64(max(1, nr))
	return 2 * p * r / math.Max(p+r, 1e-9)
}

// kindArticle is the page kind of news and blog articles (news.PageKinds).
const kindArticle = "article"

// HeldOut gives a model's block probabilities on prepared samples, for
// choosing thresholds on pages the model was not fitted on (out-of-fold
// probabilities: in-sample ones are overconfident, so a threshold chosen on
// them keeps too much on unseen pages).
type HeldOut struct {
	m        *Model
	cls, txt []float64 // the model's log-odds by the vocabulary's ids
}

// HeldOut prepares m to score samples prepared with v.
func (m *Model) HeldOut(v *Vocab) *HeldOut {
	byID := func(v *Vocab, words []string, lo []float64) []float64 {
		v.mu.Lock()
		defer v.mu.Unlock()
		t := make([]float64, len(v.words))
		for i, w := range words {
			if id, ok := v.ids[w]; ok {
				t[id] = lo[i]
			}
		}
		return t
	}
	return &HeldOut{m: m, cls: byID(v, m.ClassWords, m.ClassLogOdds), txt: byID(v.text, m.TextWords, m.TextLogOdds)}
}

// Probs returns the probability that each block of an HTML sample, or each
// line of a text dump, is main content; nil for a text dump when the model
// has no line classifier.
func (h *HeldOut) Probs(s *Sample) []float64 {
	if s.pb == nil {
		if h.m.lines == nil {
			return nil
		}
		return twoStages(h.m.lines, h.m.lines2, lineFeatures(s.lines, dumpPageRow(kindProbs(h.m.DumpKinds, s.page), s.page)), numLineFeatures, len(s.lines),
			func(p []float64) []float64 { return lineContext(s.lines, p) })
	}
	x := blockFeatures(s.pb, h.cls, h.txt, s.page)
	return twoStages(h.m.blocks, h.m.blocks2, x, numFeatures, len(s.pb.blocks), func(p []float64) []float64 { return blockContext(s.pb, p) })
}

// ChooseThresholds sets m's thresholds from block probabilities of HTML
// samples the model was not fitted on: Threshold maximises the F1 of all of
// them, ArticleThreshold (when article pages are given, by their gold kind)
// that of the article pages, Threshold then that of the others.
//
// Text dumps among the samples choose LineThreshold the same way (all of
// them, one threshold), apart from the HTML pages, and no blend of
// thresholds by the dumps' article probability (see blendThresholds).
func (m *Model) ChooseThresholds(samples []*Sample, probs [][]float64, perKind bool) {
	var hs, ts []*Sample
	var hp, tp [][]float64
	for k, s := range samples {
		if s.pb == nil {
			ts, tp = append(ts, s), append(tp, probs[k])
		} else {
			hs, hp = append(hs, s), append(hp, probs[k])
		}
	}
	if len(ts) > 0 {
		m.SetOneLineThreshold(bestThreshold(ts, tp))
	}
	if len(hs) == 0 {
		return
	}
	samples, probs = hs, hp
	m.Threshold, m.ArticleThreshold = bestThreshold(samples, probs), 0
	if !perKind {
		return
	}
	var as, os []*Sample
	var ap, op [][]float64
	for k, s := range samples {
		if s.Kind == kindArticle {
			as, ap = append(as, s), append(ap, probs[k])
		} else {
			os, op = append(os, s), append(op, probs[k])
		}
	}
	if len(as) == 0 || len(os) == 0 {
		return
	}
	m.ArticleThreshold, m.Threshold = bestThreshold(as, ap), bestThreshold(os, op)
}

// ArticleProb is the probability the model's dump kind classifiers give a
// text dump of being an article (the probability its line thresholds are
// blended by); NaN for an HTML sample or a model without dump kinds.
func (h *HeldOut) ArticleProb(s *Sample) float64 {
	if s.pb != nil || len(h.m.DumpKinds) == 0 {
		return math.NaN()
	}
	return kindProbs(h.m.DumpKinds, s.page)[0]
}

// ChooseLineBlend sets m's line thresholds from line probabilities of text
// dumps the model was not fitted on, as the fit sets them on its own dumps'
// in-sample probabilities (fitLines): LineThreshold maximises the F1 of all
// the dumps, and the pair (article, other) blended by each dump's article
// probability pa[k] (HeldOut.ArticleProb, of the model that gave its
// probabilities) maximises that of the dumps that have one (not NaN) when
// it beats the one threshold (blendThresholds); with none, no blend. HTML
// samples are not read; with no dump at all m is unchanged.
func (m *Model) ChooseLineBlend(samples []*Sample, probs [][]float64, pa []float64) {
	var ts, bs []*Sample
	var tp, bp [][]float64
	var ba []float64
	for k, s := range samples {
		if s.pb != nil {
			continue
		}
		ts, tp = append(ts, s), append(tp, probs[k])
		if !math.IsNaN(pa[k]) {
			bs, bp, ba = append(bs, s), append(bp, probs[k]), append(ba, pa[k])
		}
	}
	if len(ts) == 0 {
		return
	}
	m.SetOneLineThreshold(bestThreshold(ts, tp))
	if len(bs) > 0 {
		m.LineArticleThreshold, m.LineOtherThreshold = blendThresholds(bs, bp, ba, bestThreshold(bs, bp))
	}
}

// Importance lists the top block classifier features by their share of its
// split gain, largest first: "name share, name share, ...".
func (m *Model) Importance(top int) string {
	imp := m.Blocks.Importance()
	idx := make([]int, len(imp))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return imp[idx[a]] > imp[idx[b]] })
	var out []string
	for _, i := range idx[:min(top, len(idx))] {
		name := fmt.Sprint(i)
		if i < len(featureNames) {
			name = featureNames[i]
		}
		out = append(out, fmt.Sprintf("%s %.3f", name, imp[i]))
	}
	return strings.Join(out, ", ")
}

// tokens is the token count of block or line i.
func (s *Sample) tokens(i int) int32 {
	if s.pb != nil {
		return s.pb.blocks[i].tokens
	}
	return s.lines[i].tokens
}

// fitLines fits the line classifier of text dumps; kinds are the samples'
// out-of-fold kind probabilities (see oofDumpKinds).
func (m *Model) fitLines(ctx context.Context, samples []*Sample, kinds [][]float64, opt FitOptions) error {
	rows := make([][]float64, len(samples))
	for k, s := range samples {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("fit line classifier: %w", err)
		}
		rows[k] = lineFeatures(s.lines, dumpPageRow(kinds[k], s.page))
	}
	first, second, probs, err := fitTwoStages(ctx, staged{
		rows:    rows,
		nf:      numLineFeatures,
		context: func(k int, p []float64) []float64 { return lineContext(samples[k].lines, p) },
		label:   func(k, i int) (bool, float64) { return samples[k].cover[i] >= 0.5, samples[k].weight[i] },
		site:    func(k int) string { return samples[k].Site },
		items:   func(k int) int { return len(samples[k].lines) },
		short:   func(k, i int) bool { return samples[k].lines[i].tokens < 4 },
	}, len(samples), opt, lineFeatureNames)
	if err != nil {
		return fmt.Errorf("fit line classifier: %w", err)
	}
	m.Lines, m.Lines2 = first, second
	m.LineThreshold = bestThreshold(samples, probs)
	pa := make([]float64, len(samples))
	for k := range samples {
		pa[k] = kinds[k][0]
	}
	m.LineArticleThreshold, m.LineOtherThreshold = blendThresholds(samples, probs, pa, m.LineThreshold)
	return nil
}

// blendThresholds chooses the pair of line thresholds (article, other) that
// maximises bestThreshold's F1 of the samples when each dump's threshold is
// the pair blended by its article probability pa[k] (blendThreshold), on
// bestThreshold's grid; one is the one threshold of all of them
// (bestThreshold), which a pair must beat to be chosen. A listing's or a
// document's items are most of its dump and read like the teasers an
// article's dump drops, so one threshold, chosen mostly on articles, cuts
// them; the kinds are seldom sure on such dumps (wcxb: 16% of listings
// called listings, 54% articles), so the article probability moves the
// threshold rather than a kind's own (docs/measurements/extraction.md, "line thresholds by the dump's
// kind").
func blendThresholds(samples []*Sample, probs [][]float64, pa []float64, one float64) (float64, float64) {
	f1 := func(ta, to float64) float64 {
		return keptF1(samples, probs, func(k int) float64 { return blendThreshold(ta, to, pa[k]) })
	}
	bestA, bestO, bestF := one, one, f1(one, one)
	for sa := 0; sa <= thresholdSteps; sa++ {
		ta := thresholdAt(sa)
		for so := 0; so <= thresholdSteps; so++ {
			to := thresholdAt(so)
			if f := f1(ta, to); f > bestF {
				bestA, bestO, bestF = ta, to, f
			}
		}
	}
	return bestA, bestO
}

// textLogOdds measures the words of short blocks and lines as classLogOdds
// measures class words: the log-odds that a block holding the word is main
// content, for words seen on minSites sites or more, over the HTML blocks
// and dump lines of all samples.
func textLogOdds(samples []*Sample, v *Vocab, minSites int) []float64 {
	n := len(v.words)
	pos, neg := make([]float64, n), make([]float64, n)
	sites := make([]map[string]struct{}, n)
	var allPos, allNeg float64
	seen := map[int32]bool{}
	count := func(site string, ids []int32, content bool) {
		if content {
			allPos++
		} else {
			allNeg++
		}
		clear(seen)
		for _, w := range ids {
			if seen[w] {
				continue
			}
			seen[w] = true
			if content {
				pos[w]++
			} else {
				neg[w]++
			}
			if sites[w] == nil {
				sites[w] = map[string]struct{}{}
			}
			sites[w][site] = struct{}{}
		}
	}
	for _, s := range samples {
		if s.pb != nil {
			for i := range s.pb.blocks {
				b := &s.pb.blocks[i]
				count(s.Site, s.pb.twords[b.twords[0]:b.twords[1]], s.cover[i] >= 0.5)
			}
			continue
		}
		for i := range s.lines {
			l := &s.lines[i]
			count(s.Site, s.arena[l.twords[0]:l.twords[1]], s.cover[i] >= 0.5)
		}
	}
	return smoothedLogOdds(pos, neg, sites, allPos, allNeg, minSites)
}

// smoothedLogOdds is the log-odds of each word against the prior, smoothed
// by 20 items of the prior and clipped to ±4; 0 for a word seen on fewer
// than minSites sites (a site's own wording teaches nothing about others).
func smoothedLogOdds(pos, neg []float64, sites []map[string]struct{}, allPos, allNeg float64, minSites int) []float64 {
	prior := (allPos + 1) / (allPos + allNeg + 2)
	const alpha = 20
	table := make([]float64, len(pos))
	for w := range table {
		if len(sites[w]) < minSites {
			continue
		}
		lo := math.Log((pos[w]+alpha*prior)/(neg[w]+alpha*(1-prior))) - math.Log(prior/(1-prior))
		table[w] = math.Max(-4, math.Min(4, lo))
		if math.Abs(table[w]) < 1e-3 {
			table[w] = 0
		}
	}
	return table
}
