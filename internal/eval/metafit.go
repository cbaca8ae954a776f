package eval

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// MetaField names a metadata field that a ranker picks.
type MetaField string

// The ranked fields: of HTML pages, and of text dumps.
const (
	FieldTitle      MetaField = "title"
	FieldByline     MetaField = "byline"
	FieldDate       MetaField = "date"
	FieldDumpTitle  MetaField = "dump_title"
	FieldDumpByline MetaField = "dump_byline"
	FieldDumpDate   MetaField = "dump_date"
)

// MetaFields are the ranked fields of HTML pages, DumpFields those of text
// dumps, in report order.
var (
	MetaFields = []MetaField{FieldTitle, FieldByline, FieldDate}
	DumpFields = []MetaField{FieldDumpTitle, FieldDumpByline, FieldDumpDate}
)

// base is the field a dump field ranks (FieldTitle for FieldDumpTitle).
func (f MetaField) base() MetaField { return MetaField(strings.TrimPrefix(string(f), "dump_")) }

// Dump reports whether the field is ranked over a text dump's lines.
func (f MetaField) Dump() bool { return strings.HasPrefix(string(f), "dump_") }

// MetaPage is one labelled page's metadata candidates with its gold.
type MetaPage struct {
	Set, ID string
	Site    string // the page's site, to keep a site's pages in one fold
	Gold    GoldMeta
	Cands   extract.MetaCandidates // of the HTML page
	Dump    extract.MetaCandidates // of its text dump
}

// candidates returns the page's candidates for a field.
func (p MetaPage) candidates(f MetaField) []extract.MetaCandidate {
	c := p.Cands
	if f.Dump() {
		c = p.Dump
	}
	switch f.base() {
	case FieldTitle:
		return c.Title
	case FieldByline:
		return c.Byline
	}
	return c.Date
}

// hasGold reports whether the page's gold gives the field a value.
func (p MetaPage) hasGold(f MetaField) bool {
	switch f.base() {
	case FieldTitle:
		return strings.TrimSpace(p.Gold.Title) != ""
	case FieldByline:
		return len(p.Gold.Names()) > 0
	}
	_, ok := p.Gold.Day()
	return ok
}

// usable reports whether a page takes part in fitting a field: titles
// need a gold title; bylines and dates are read on the pages whose gold
// has them and, with unlabelled, on every page of a set whose gold labels
// the field at all (a page without a byline or date then teaches the
// ranker to give none).
func (p MetaPage) usable(f MetaField, setLabels map[string]bool, unlabelled bool) bool {
	if f.base() == FieldTitle || !unlabelled {
		return p.hasGold(f)
	}
	return setLabels[p.Set]
}

// label says whether a candidate is the gold's value: the same title with
// case, space and typography folded; the same names, every one matched;
// the same day.
func (p MetaPage) label(f MetaField, c extract.MetaCandidate) bool {
	switch f.base() {
	case FieldTitle:
		return foldTypography(c.Value) == foldTypography(p.Gold.Title)
	case FieldByline:
		want, got := p.Gold.Names(), GoldNames(c.Value)
		if len(want) == 0 {
			return false
		}
		tp := matchNames(want, got)
		return tp == len(want) && tp == len(got)
	}
	day, ok := p.Gold.Day()
	return ok && c.Time.Format("2006-01-02") == day
}

// LoadMetaPages reads the pages of each set folder and gathers their
// metadata candidates, one page after another: of the HTML pages, and with
// dumps of the text dumps too.
func LoadMetaPages(ctx context.Context, dirs []string, dumps bool) ([]MetaPage, error) {
	var out []MetaPage
	err := eachGoldPage(ctx, dirs, func(dir, set, id string, g GoldMeta, body []byte) error {
		p := MetaPage{Set: set, ID: id, Site: siteOf(set, id, g), Gold: g,
			Cands: pageCandidates(news.Page{ID: id, Kind: news.KindHTML, URL: g.URL, Body: body})}
		if dumps {
			text, err := ReadGzip(filepath.Join(dir, "text", id+".txt.gz"))
			if err != nil {
				return err
			}
			if p.Dump, err = extract.DumpMetaCandidates(news.Page{ID: id, Kind: news.KindText, URL: g.URL, Body: text}); err != nil {
				return err
			}
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// LoadStrippedMetaCandidates reads the metadata candidates of every page
// of the sets as a page of few signals offers them: stripped of its
// <meta>, <link> and <script> elements (StripMetadata) and read without
// its URL. They are keyed by PageKey, for MetaFit.ScoreOn.
func LoadStrippedMetaCandidates(ctx context.Context, dirs []string) (map[string]extract.MetaCandidates, error) {
	out := map[string]extract.MetaCandidates{}
	err := eachGoldPage(ctx, dirs, func(_, set, id string, _ GoldMeta, body []byte) error {
		out[PageKey(set, id)] = pageCandidates(news.Page{ID: id, Kind: news.KindHTML, Body: StripMetadata(body)})
		return nil
	})
	return out, err
}

// eachGoldPage calls visit with every page of each set folder that its
// gold metadata names, in id order within a set, with the page's HTML.
func eachGoldPage(ctx context.Context, dirs []string, visit func(dir, set, id string, g GoldMeta, body []byte) error) error {
	for _, dir := range dirs {
		set := filepath.Base(filepath.Clean(dir))
		gold, err := ReadGoldMeta(dir)
		if err != nil {
			return err
		}
		for _, id := range slices.Sorted(maps.Keys(gold)) {
			if err := ctx.Err(); err != nil {
				return err
			}
			body, err := ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
			if err != nil {
				return err
			}
			if err := visit(dir, set, id, gold[id], body); err != nil {
				return err
			}
		}
	}
	return nil
}

// pageCandidates gathers an HTML page's metadata candidates; a page that
// does not parse offers none.
func pageCandidates(page news.Page) extract.MetaCandidates {
	cands, err := extract.PageMetaCandidates(page)
	if err != nil {
		return extract.MetaCandidates{}
	}
	return cands
}

// siteOf names a page's site for grouping: the gold's domain, else its
// URL's host, else the page itself (a page of unknown site is its own
// group).
func siteOf(set, id string, g GoldMeta) string {
	if g.Domain != "" {
		return strings.TrimPrefix(strings.ToLower(g.Domain), "www.")
	}
	if h := extract.Host(g.URL); h != "" {
		return h
	}
	return set + "/" + id
}

// MetaFit says how the rankers are fitted.
type MetaFit struct {
	Boost learn.BoostOptions
	// MaxWrongDates, when above 0, is the share of dated pages that may
	// get a wrong date when the date ranker's threshold is chosen (on
	// out-of-fold predictions of the fitting pages), the threshold then
	// keeping the most right dates. At 0 the threshold is the one with the
	// best F of htmldate's metric (dates given on undated pages and wrong
	// dates are false positives): held out on wcxb, a 3% cap kept 59.5%
	// right dates of 707 where taking the best candidate always kept
	// 89.7% (with 9.1% wrong), see docs/measurements/metadata.md.
	MaxWrongDates float64
	// WrongCost, when above 0 (and MaxWrongDates is 0), chooses the date
	// thresholds that keep the most right dates less WrongCost for each
	// wrong one: at 1 the ranker abstains where, on the fitting pages'
	// out-of-fold picks, it would give as many wrong dates as right ones,
	// a wrong date being worse than none (htmldate's F counts it as a
	// false positive only, and so rarely abstains).
	WrongCost float64
	// CountUndated counts, in that F or cost, the dates given on pages
	// whose gold has none as wrong.
	CountUndated bool
	// InnerFolds is the number of site-grouped folds of the fitting pages
	// whose out-of-fold predictions choose the thresholds.
	InnerFolds int
	// BalanceSets weighs each set as much as any other, so that the
	// largest sets' conventions do not decide alone.
	BalanceSets bool
	// Unlabelled also fits bylines and dates on the pages whose gold has
	// none, all their candidates wrong.
	Unlabelled bool
	// Bags, above 1, makes each ranker the average (in log-odds) of Bags
	// boosted models, each fitted on a bootstrap resample of the fitting
	// pages (see fitBagged).
	Bags int
	// CVPartition, above 0, deals CrossValidateMeta's sites into another
	// partition of folds (salted as saltedSiteFolds), to see how much a
	// held-out figure moves with the folds alone; 0 is the usual folds.
	CVPartition int
	// ScoreOn, when given, holds other candidates of the pages, by
	// PageKey, that the held-out pages are scored on instead of their
	// own, the rankers still fitted on the fitting pages' own: those of
	// the pages stripped of their metadata (StripMetadata), to see how
	// rankers fitted on pages rich in metadata date pages of few signals.
	ScoreOn map[string]extract.MetaCandidates
	// RecordPicks keeps, in MetaHeldOut.Picks, each held-out page's pick
	// of every field with its candidates (storyline eval meta --picks).
	RecordPicks bool
}

// PageKey names a page of a set, to look its candidates up in
// MetaFit.ScoreOn.
func PageKey(set, id string) string { return set + "/" + id }

// Scored are the held-out pages as they are scored: with their candidates
// of ScoreOn where it has them (none when it has none: a stripped page
// may offer nothing).
func (o MetaFit) Scored(held []MetaPage) []MetaPage {
	if o.ScoreOn == nil {
		return held
	}
	out := make([]MetaPage, len(held))
	for i, p := range held {
		p.Cands = o.ScoreOn[PageKey(p.Set, p.ID)]
		out[i] = p
	}
	return out
}

func (o MetaFit) withDefaults() MetaFit {
	if o.InnerFolds < 2 {
		o.InnerFolds = 3
	}
	return o
}

// labelledSets lists the sets whose gold labels a field on any page.
func labelledSets(pages []MetaPage, f MetaField) map[string]bool {
	out := map[string]bool{}
	for _, p := range pages {
		if p.hasGold(f) {
			out[p.Set] = true
		}
	}
	return out
}

// rows builds the training rows of a field: every candidate of every
// usable page but a last-resort date (taken without the ranker),
// labelled, each page weighing as much as any other (or, with balance,
// each set as much as any other).
func rows(pages []MetaPage, f MetaField, sets map[string]bool, opt MetaFit) (xs [][]float64, ys []bool, ws []float64) {
	perSet := map[string]int{}
	used := 0
	for _, p := range pages {
		if p.usable(f, sets, opt.Unlabelled) {
			perSet[p.Set]++
			used++
		}
	}
	for _, p := range pages {
		if !p.usable(f, sets, opt.Unlabelled) {
			continue
		}
		w := 1.0
		if opt.BalanceSets {
			w = float64(used) / float64(len(perSet)) / float64(perSet[p.Set])
		}
		cs := slices.DeleteFunc(slices.Clone(p.candidates(f)), func(c extract.MetaCandidate) bool { return c.LastResort }) // taken without the ranker: nothing to learn
		for _, c := range cs {
			xs = append(xs, c.Features)
			ys = append(ys, p.label(f, c))
			ws = append(ws, w/float64(len(cs)))
		}
	}
	// Scale the weights to a mean of 1, the scale the trees' minimum leaf
	// weight and penalty are set for.
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	for i := range ws {
		ws[i] *= float64(len(ws)) / sum
	}
	return xs, ys, ws
}

// FitRanker fits a field's ranker on pages: a boosted classifier of
// candidates, and for bylines and dates the threshold below which the
// best candidate is not taken, chosen on out-of-fold predictions of the
// fitting pages (site-grouped inner folds).
func FitRanker(ctx context.Context, pages []MetaPage, f MetaField, opt MetaFit) (*extract.Ranker, error) {
	opt = opt.withDefaults()
	sets := labelledSets(pages, f)
	m, err := fitBagged(ctx, pages, f, sets, opt)
	if err != nil {
		return nil, fmt.Errorf("fit %s ranker: %w", f, err)
	}
	m.Features = featureNames(f)
	r := &extract.Ranker{Features: m.Features, Model: m, FittedOn: slices.Sorted(maps.Keys(setsOf(pages)))}
	if f.base() == FieldTitle {
		return r, nil
	}
	// Out-of-fold picks of the fitting pages choose the threshold; for
	// bylines those of bylineInnerRepeats partitions into inner folds,
	// pooled.
	var picks []scoredPick
	repeats := 1
	if f.base() == FieldByline {
		repeats = bylineInnerRepeats
	}
	for rep := 0; rep < repeats; rep++ {
		if err := innerPicks(ctx, pages, f, sets, opt, m.Features, rep, &picks); err != nil {
			return nil, err
		}
	}
	r.Threshold, r.MinShare = chooseMetaThresholds(picks, f, opt)
	return r, nil
}

// bylineInnerRepeats is how many partitions of the fitting pages into
// inner folds give out-of-fold byline picks, pooled, to choose the byline
// threshold: one partition's threshold moved the held-out readability
// byline F1 from .757 (5 inner folds) to .792 (3) on the same candidates
// (s16-byline, see docs/measurements/metadata.md; the old rule, one partition's best cut).
// Two, not more: each costs opt.InnerFolds fits of the ranker. Measured
// apart from the bagging (bylineCut) in session 17 (`storyline eval meta
// --loso --cv 5 --fields byline`, one partition / two, both with the bagged
// cut): readability .771 / .771, wcxb left out .728 / .738 (bylines on
// gold-less pages 22.9% / 28.7%), wcxb 5-fold .850 / .852 (9.4% / 10.0%):
// the second partition adds recall, and some false bylines where the
// fitting sets lack wcxb's page kinds.
const bylineInnerRepeats = 2

// innerPicks appends to picks the out-of-fold picks of the fitting pages
// under partition rep into site-grouped inner folds (rep 0 the partition
// siteFolds gives), each pick marked with its page's index.
func innerPicks(ctx context.Context, pages []MetaPage, f MetaField, sets map[string]bool, opt MetaFit, features []string, rep int, picks *[]scoredPick) error {
	folds := saltedSiteFolds(pages, opt.InnerFolds, rep)
	for k := 0; k < opt.InnerFolds; k++ {
		var fit, held []MetaPage
		var heldAt []int
		for i, p := range pages {
			if folds[i] == k {
				held = append(held, p)
				heldAt = append(heldAt, i)
			} else {
				fit = append(fit, p)
			}
		}
		im, err := fitBagged(ctx, fit, f, sets, opt)
		if errors.Is(err, errNoCandidates) {
			continue
		}
		if err != nil {
			return fmt.Errorf("fit %s ranker, inner fold %d: %w", f, k, err)
		}
		inner := &extract.Ranker{Features: features, Model: im}
		for j, p := range held {
			if p.usable(f, sets, true) {
				s := pickOf(inner, p, f)
				s.page = heldAt[j]
				*picks = append(*picks, s)
			}
		}
	}
	return nil
}

// errNoCandidates is fitBagged's error when the fitting pages offer no
// candidate of the field.
var errNoCandidates = errors.New("no candidates on the fitting pages")

// fitBagged fits a field's boosted classifier of candidates on pages: one
// model on every usable page, or with opt.Bags above 1 the average of
// opt.Bags models, each fitted on a bootstrap resample of the usable pages
// (a page drawn twice weighs twice, its candidates together). The average
// is taken in log-odds (learn.Average), so the result is one model of the
// same kind. Bagging lowers the variance of the probabilities a page's
// lone candidate gets, which on bylines swung across the threshold from one
// fit to the next (s25-byline: a page's only person candidate held out at
// .61 in one fit and .09 after a feature was added).
func fitBagged(ctx context.Context, pages []MetaPage, f MetaField, sets map[string]bool, opt MetaFit) (*learn.Boosted, error) {
	if opt.Bags <= 1 {
		xs, ys, ws := rows(pages, f, sets, opt)
		if len(xs) == 0 {
			return nil, errNoCandidates
		}
		return learn.FitBoosted(ctx, xs, ys, ws, opt.Boost)
	}
	var usable []MetaPage
	for _, p := range pages {
		if p.usable(f, sets, opt.Unlabelled) {
			usable = append(usable, p)
		}
	}
	if len(usable) == 0 {
		return nil, errNoCandidates
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Boost.Seed), uint64(len(usable))))
	models := make([]*learn.Boosted, 0, opt.Bags)
	for b := 0; b < opt.Bags; b++ {
		sample := make([]MetaPage, len(usable))
		for i := range sample {
			sample[i] = usable[rng.IntN(len(usable))]
		}
		xs, ys, ws := rows(sample, f, sets, opt)
		if len(xs) == 0 {
			continue
		}
		bo := opt.Boost
		bo.Seed += int64(b)
		m, err := learn.FitBoosted(ctx, xs, ys, ws, bo)
		if err != nil {
			return nil, err
		}
		models = append(models, m)
	}
	if len(models) == 0 {
		return nil, errNoCandidates
	}
	return learn.Average(models), nil
}

// saltedSiteFolds is siteFolds (salt 0) or another partition by site:
// the site's hash with the salt after it.
func saltedSiteFolds(pages []MetaPage, k, salt int) []int {
	out := make([]int, len(pages))
	for i, p := range pages {
		h := fnv.New32a()
		if salt == 0 {
			h.Write([]byte(p.Site))
		} else {
			fmt.Fprintf(h, "%s#%d", p.Site, salt)
		}
		out[i] = int(h.Sum32() % uint32(k))
	}
	return out
}

func setsOf(pages []MetaPage) map[string]bool {
	out := map[string]bool{}
	for _, p := range pages {
		out[p.Set] = true
	}
	return out
}

func featureNames(f MetaField) []string {
	switch f {
	case FieldTitle:
		return extract.TitleFeatureNames()
	case FieldByline:
		return extract.BylineFeatureNames()
	case FieldDumpTitle:
		return extract.DumpTitleFeatureNames()
	case FieldDumpByline:
		return extract.DumpBylineFeatureNames()
	case FieldDumpDate:
		return extract.DumpDateFeatureNames()
	}
	return extract.DateFeatureNames()
}

// scoredPick is a ranker's best candidate for a page, before the
// threshold: its probability and how it scores against the gold.
type scoredPick struct {
	p        float64
	share    float64 // of p beside the runner-up of another value (extract.Scored)
	has      bool    // the page offered a candidate
	right    bool    // the candidate is the gold's value
	gold     bool    // the page's gold has a value
	page     int     // the page's index among the fitting pages (of the picks of several partitions)
	tp, fp   int     // byline names matched and not
	goldSize int     // byline names in the gold
}

func pickOf(r *extract.Ranker, p MetaPage, f MetaField) scoredPick {
	cs := p.candidates(f)
	s := scoredPick{gold: p.hasGold(f), goldSize: len(p.Gold.Names())}
	sc := r.Score(cs)
	if sc.Best < 0 {
		return s
	}
	s.has, s.p, s.share = true, sc.P, sc.Share
	best, byline := sc.Best, f.base() == FieldByline
	if byline {
		best = extract.Widened(cs, best)
	}
	s.right = p.label(f, cs[best])
	if byline {
		got := GoldNames(cs[best].Value)
		s.tp = matchNames(p.Gold.Names(), got)
		s.fp = len(got) - s.tp
	}
	return s
}

// chooseMetaThresholds picks the least probability a byline or date
// needs, and for dates the least share of it beside the runner-up day
// (extract.Scored), on out-of-fold picks of the fitting pages. Bylines:
// the threshold with the best name F1 over the pages whose gold names
// someone (with opt.Unlabelled, names given on pages whose gold has none
// count as wrong too). Dates (dateScore): the share first, every
// probability taken, then the probability with that share.
func chooseMetaThresholds(picks []scoredPick, f MetaField, opt MetaFit) (threshold, share float64) {
	byP := func(s scoredPick) float64 { return s.p }
	if f.base() == FieldByline {
		return bylineCut(picks, opt), 0
	}
	byShare := func(s scoredPick) float64 { return s.share }
	if opt.MaxWrongDates == 0 && opt.WrongCost == 0 && !opt.CountUndated {
		// htmldate's F over dated pages, 2TP/(2TP+FP+FN), gains nothing
		// when a wrong date (FP) becomes a missing one (FN) and loses a
		// right one: it never abstains by share, and a share cut would
		// only follow rounding.
		return bestCut(picks, byP, func(taken func(scoredPick) bool) (float64, bool) { return dateScore(picks, taken, opt) }), 0
	}
	share = bestCut(picks, byShare, func(taken func(scoredPick) bool) (float64, bool) { return dateScore(picks, taken, opt) })
	threshold = bestCut(picks, byP, func(taken func(scoredPick) bool) (float64, bool) {
		return dateScore(picks, func(s scoredPick) bool { return taken(s) && s.share >= share }, opt)
	})
	return threshold, share
}

// abstainCut is a cut above every probability and share (both at most
// 1): a ranker with it takes no page's value.
const abstainCut = 2

// bestCut returns the least value of key (0, a pick's, or abstainCut)
// that a pick must reach to be taken for the best score; the lowest of
// equal ones. score says how the picks taken score, and false when a cut
// is not allowed. Taking none is a cut too, so that when no other meets a
// cap (--max-wrong) or each costs more than it gains (--wrong-cost) the
// ranker abstains rather than taking every value (cut 0); under an F, which
// taking none never beats, it is not chosen.
func bestCut(picks []scoredPick, key func(scoredPick) float64, score func(taken func(scoredPick) bool) (float64, bool)) float64 {
	cuts := []float64{0, abstainCut}
	for _, s := range picks {
		if s.has {
			cuts = append(cuts, key(s))
		}
	}
	sort.Float64s(cuts)
	best, bestScore := 0.0, math.Inf(-1)
	for _, t := range slices.Compact(cuts) { // ascending: ties keep the lowest
		v, ok := score(func(s scoredPick) bool { return s.has && key(s) >= t })
		if ok && v > bestScore {
			best, bestScore = t, v
		}
	}
	return best
}

// dateScore scores the dates taken: with opt.MaxWrongDates, the right
// dates while the wrong ones stay within that share of the dated pages;
// with opt.WrongCost, the right dates less that many for each wrong one;
// else htmldate's F over the dated pages (its benchmark's pages all have
// a date): a wrong date is a false positive, a dated page left without
// one a false negative. With opt.CountUndated a date given on a page
// whose gold has none is wrong too (a false positive). False when no page
// is dated or the cap is passed.
func dateScore(picks []scoredPick, taken func(scoredPick) bool, opt MetaFit) (float64, bool) {
	var right, wrong, undatedGiven, dated int
	for _, s := range picks {
		if s.gold {
			dated++
		}
		switch {
		case !taken(s):
		case !s.gold:
			undatedGiven++
		case s.right:
			right++
		default:
			wrong++
		}
	}
	if dated == 0 {
		return 0, false
	}
	if opt.MaxWrongDates > 0 {
		return float64(right), float64(wrong) <= opt.MaxWrongDates*float64(dated)
	}
	fp := wrong
	if opt.CountUndated {
		fp += undatedGiven
	}
	if opt.WrongCost > 0 {
		return float64(right) - opt.WrongCost*float64(fp), true
	}
	return htmldateF(right, fp, dated-wrong-right), true
}

// htmldateF is htmldate's F over the dated pages, 2TP/(2TP+FP+FN), from
// its counts in one division. Without CountUndated it is 2TP/(dated+TP):
// a wrong date left out (FP to FN) does not move it, so bestCut must see
// equal scores and keep the lowest cut. F1 of the precision and recall
// (two divisions and a product) differs in the last bit between such
// equal fractions, and the rounding chose the date threshold: the dump
// date ranker fitted without wcxb (on readability's 33 dated dumps) took
// 0.027 instead of 0 for the 200-tree line classifier's candidates, and
// wcxb's held-out dump dates fell from 64.5% exact to 39.7% (session 33,
// docs/measurements/metadata.md).
func htmldateF(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	return float64(2*tp) / float64(2*tp+fp+fn)
}

// bylineResamples is how many bootstrap resamples of the fitting pages
// choose the byline threshold. Not swept: with 200 the median's own
// sampling error is about a tenth of the spread of the resamples' best
// cuts (1.25/sqrt(200)), at a few milliseconds beside the seconds of
// fitting.
const bylineResamples = 200

// bylineCut chooses the byline threshold by bagging: the median, over
// bootstrap resamples of the fitting pages (a page's picks under every
// inner partition together), of the cut with the best name F1 on the
// resample (the name F1 over the pages whose gold names someone, and
// with opt.Unlabelled the names given on pages whose gold has none as
// false positives; ties keep the lowest, as bestCut does). The name
// F1 of the cuts near the best is flat, so the best cut of one sample
// jumps with the trees and the inner folds (held out, wcxb left out moved
// from .710 to .739 on the same candidates); the median of the resamples'
// best cuts moves less (.736 to .740, s16-byline, see docs/measurements/metadata.md).
func bylineCut(picks []scoredPick, opt MetaFit) float64 {
	// The picks with a candidate, most probable first; the cut at the
	// probability of taken[j] takes taken[:j+1] and its equals.
	var taken []int
	for i, s := range picks {
		if s.has {
			taken = append(taken, i)
		}
	}
	if len(taken) == 0 {
		return 0
	}
	sort.SliceStable(taken, func(a, b int) bool { return picks[taken[a]].p > picks[taken[b]].p })
	cuts := []float64{abstainCut} // from the highest (none taken) to the lowest (all taken)
	for j, i := range taken {
		if j == 0 || picks[i].p != picks[taken[j-1]].p {
			cuts = append(cuts, picks[i].p)
		}
	}
	// bestOf is the cut with the best F1 when each pick counts weight[i]
	// times, its counts summed down the cuts.
	bestOf := func(weight []int) float64 {
		var tp, fp, fn int
		for i, s := range picks {
			if s.gold {
				fn += weight[i] * s.goldSize
			}
		}
		best, bestF := cuts[0], F1(ratio(tp, tp+fp), ratio(tp, tp+fn))
		k := 0
		for j, i := range taken {
			s, w := picks[i], weight[i]
			switch {
			case s.gold:
				tp += w * s.tp
				fp += w * s.fp
				fn -= w * s.tp
			case opt.Unlabelled:
				fp += w * s.fp
			}
			if j+1 == len(taken) || picks[taken[j+1]].p != s.p {
				k++
				if f := F1(ratio(tp, tp+fp), ratio(tp, tp+fn)); f >= bestF { // ties keep the lowest
					best, bestF = cuts[k], f
				}
			}
		}
		return best
	}
	// Resample pages, not picks: a page's picks under each partition go
	// together.
	byPage := map[int][]int{}
	for i, s := range picks {
		byPage[s.page] = append(byPage[s.page], i)
	}
	groups := make([][]int, 0, len(byPage))
	for _, pg := range slices.Sorted(maps.Keys(byPage)) {
		groups = append(groups, byPage[pg])
	}
	rng := rand.New(rand.NewPCG(1, uint64(len(picks))))
	weight := make([]int, len(picks))
	bests := make([]float64, 0, bylineResamples)
	for range bylineResamples {
		clear(weight)
		for range groups {
			for _, i := range groups[rng.IntN(len(groups))] {
				weight[i]++
			}
		}
		bests = append(bests, bestOf(weight))
	}
	sort.Float64s(bests)
	// With an even count this is the upper of the two middle cuts: the
	// higher threshold, which gives fewer bylines.
	cut := bests[len(bests)/2]
	if cut == cuts[len(cuts)-1] {
		return 0 // every candidate taken
	}
	return cut
}

// siteFolds assigns each page to one of k folds by a hash of its site, so
// that no site has pages in two folds.
func siteFolds(pages []MetaPage, k int) []int {
	return saltedSiteFolds(pages, k, 0)
}

// MetaHeldOut is how a field's ranker scored on pages it was not fitted
// on.
type MetaHeldOut struct {
	Set, How string
	Report   MetadataReport
	// Always is the report when the rankers always take their best
	// candidate (no threshold), to show what the thresholds trade.
	Always MetadataReport
	// Picks are the held-out pages' picks with their candidates, by set,
	// id and field, when MetaFit.RecordPicks asks for them.
	Picks []HeldOutPick
}

// always copies rankers with their thresholds (probability and share)
// at 0.
func always(rankers map[MetaField]*extract.Ranker) map[MetaField]*extract.Ranker {
	out := map[MetaField]*extract.Ranker{}
	for f, r := range rankers {
		c := *r
		c.Threshold, c.MinShare = 0, 0
		out[f] = &c
	}
	return out
}

// scoreHeldOut applies fitted rankers to held-out pages and scores the
// picks as the extractor would give them.
func scoreHeldOut(set string, pages []MetaPage, rankers map[MetaField]*extract.Ranker) MetadataReport {
	gold := map[string]GoldMeta{}
	for _, p := range pages {
		gold[p.ID] = p.Gold
	}
	return ScoreMetadata(set, gold, heldOutArticles(pages, rankers))
}

// LeaveOneSetOutMeta scores each set's pages (each of only, when given)
// with rankers fitted on the other sets' pages: titles over every set with
// gold titles, bylines and dates over the sets whose gold has them.
func LeaveOneSetOutMeta(ctx context.Context, pages []MetaPage, only []string, fields []MetaField, opt MetaFit) ([]MetaHeldOut, error) {
	var out []MetaHeldOut
	for _, set := range slices.Sorted(maps.Keys(setsOf(pages))) {
		if len(only) > 0 && !slices.Contains(only, set) {
			continue
		}
		var fit, held []MetaPage
		for _, p := range pages {
			if p.Set == set {
				held = append(held, p)
			} else {
				fit = append(fit, p)
			}
		}
		rankers := map[MetaField]*extract.Ranker{}
		var names []string
		for _, f := range fields {
			if !labelledSets(held, f)[set] || len(labelledSets(fit, f)) == 0 {
				continue
			}
			r, err := FitRanker(ctx, fit, f, opt)
			if err != nil {
				return nil, fmt.Errorf("%s left out: %w", set, err)
			}
			rankers[f] = r
			names = append(names, string(f))
		}
		if len(rankers) == 0 {
			continue
		}
		held = opt.Scored(held)
		rep := scoreHeldOut(set, held, rankers)
		h := MetaHeldOut{Set: set, Report: rep, Always: scoreHeldOut(set, held, always(rankers)),
			How: fmt.Sprintf("%s fitted on %s", strings.Join(names, ", "), strings.Join(slices.Sorted(maps.Keys(setsOf(fit))), ", "))}
		if opt.RecordPicks {
			h.Picks = sortedPicks(heldOutPicks(held, rankers, "left out"))
		}
		out = append(out, h)
	}
	return out, nil
}

// CrossValidateMeta splits the pages of one set into k site-grouped folds
// and scores each fold with rankers fitted on the other folds and on every
// other set's pages.
func CrossValidateMeta(ctx context.Context, pages []MetaPage, set string, k int, fields []MetaField, opt MetaFit) (MetaHeldOut, error) {
	var inSet []MetaPage
	for _, p := range pages {
		if p.Set == set {
			inSet = append(inSet, p)
		}
	}
	if len(inSet) == 0 {
		return MetaHeldOut{}, fmt.Errorf("cross-validate metadata: no pages of set %q", set)
	}
	folds := saltedSiteFolds(inSet, k, opt.CVPartition)
	gold := map[string]GoldMeta{}
	articles, alwaysArticles := map[string]news.Article{}, map[string]news.Article{}
	var picks []HeldOutPick
	for fold := 0; fold < k; fold++ {
		var fit, held []MetaPage
		for _, p := range pages {
			if p.Set != set {
				fit = append(fit, p)
			}
		}
		for i, p := range inSet {
			if folds[i] == fold {
				held = append(held, p)
			} else {
				fit = append(fit, p)
			}
		}
		rankers := map[MetaField]*extract.Ranker{}
		for _, f := range fields {
			if len(labelledSets(fit, f)) == 0 {
				continue
			}
			r, err := FitRanker(ctx, fit, f, opt)
			if err != nil {
				return MetaHeldOut{}, fmt.Errorf("%s site fold %d of %d: %w", set, fold+1, k, err)
			}
			rankers[f] = r
		}
		for _, p := range held {
			gold[p.ID] = p.Gold
		}
		held = opt.Scored(held)
		maps.Copy(articles, heldOutArticles(held, rankers))
		maps.Copy(alwaysArticles, heldOutArticles(held, always(rankers)))
		if opt.RecordPicks {
			picks = append(picks, heldOutPicks(held, rankers, fmt.Sprintf("fold %d of %d", fold+1, k))...)
		}
	}
	return MetaHeldOut{Set: set, Report: ScoreMetadata(set, gold, articles), Always: ScoreMetadata(set, gold, alwaysArticles), Picks: sortedPicks(picks),
		How: fmt.Sprintf("%d-fold cross-validated by site (partition %d), each fold fitted on the other folds and the other sets", k, opt.CVPartition)}, nil
}

// heldOutArticles are the articles the rankers make of the pages' candidates.
func heldOutArticles(pages []MetaPage, rankers map[MetaField]*extract.Ranker) map[string]news.Article {
	out := map[string]news.Article{}
	for _, p := range pages {
		a := news.Article{ID: p.ID}
		for f, r := range rankers {
			cs := p.candidates(f)
			i := r.Pick(cs)
			if i < 0 {
				continue
			}
			switch f.base() {
			case FieldTitle:
				a.Title = cs[i].Value
			case FieldByline:
				a.Byline = cs[extract.Widened(cs, i)].Value
			case FieldDate:
				a.Published = cs[i].Time
			}
		}
		out[p.ID] = a
	}
	return out
}

// FitMetaModel fits the rankers of the fields named (every field, HTML
// and dump, when none is named) on all the pages, and keeps the other
// rankers of base (the embedded model, or one read from a file), so that
// refitting one field leaves the others as they were. The pages must have
// been read with their dumps when a dump field is fitted.
func FitMetaModel(ctx context.Context, pages []MetaPage, fields []MetaField, base *extract.MetaModel, opt MetaFit) (*extract.MetaModel, error) {
	if len(fields) == 0 {
		fields = append(slices.Clone(MetaFields), DumpFields...)
	}
	m := &extract.MetaModel{}
	if base != nil {
		*m = *base
		for _, f := range append(slices.Clone(MetaFields), DumpFields...) { // copies: validating m must not write on base's rankers
			if r := ModelRanker(m, f); *r != nil {
				c := **r
				*r = &c
			}
		}
	}
	for _, f := range fields {
		r, err := FitRanker(ctx, pages, f, opt)
		if err != nil {
			return nil, err
		}
		*ModelRanker(m, f) = r
	}
	return m, m.Validate()
}

// ModelRanker is where a metadata model keeps a field's ranker.
func ModelRanker(m *extract.MetaModel, f MetaField) **extract.Ranker {
	switch f {
	case FieldTitle:
		return &m.Title
	case FieldByline:
		return &m.Byline
	case FieldDumpTitle:
		return &m.DumpTitle
	case FieldDumpByline:
		return &m.DumpByline
	case FieldDumpDate:
		return &m.DumpDate
	}
	return &m.Date
}

// Reachable counts the pages whose gold has a value for the field and
// whose candidates include it: the most any ranker could get right.
func Reachable(pages []MetaPage, set string, f MetaField) Count {
	var c Count
	for _, p := range pages {
		if p.Set != set || !p.hasGold(f) {
			continue
		}
		ok := false
		for _, cand := range p.candidates(f) {
			if p.label(f, cand) {
				ok = true
				break
			}
		}
		tally(&c, ok)
	}
	return c
}

// MissKinds sorts a held-out report's misses of a field by cause: the gold
// differs only in typography (curly against straight quotes, dashes); the
// gold is none of the page's candidates (retyped, or not on the page); the
// ranker picked another candidate (or none) though the gold was offered.
// The ranked misses of HTML titles are sorted further (Longer + Shorter +
// HeadVsTitle <= Ranked): the pick holds the gold and more (a site's name,
// a section or a subtitle the gold leaves out), the gold holds the pick and
// more (the gold keeps them), or one of the two comes from headings only
// and the other from the meta titles and <title> only (the <h1> against
// the <title>'s headline).
type MissKinds struct {
	Typography, NotOffered, Ranked int
	Longer, Shorter, HeadVsTitle   int
	RankedIDs                      []string
}

// ClassifyMisses sorts the misses of one field of a held-out report.
func ClassifyMisses(pages []MetaPage, h MetaHeldOut, f MetaField) MissKinds {
	byID := map[string]MetaPage{}
	for _, p := range pages {
		if p.Set == h.Set {
			byID[p.ID] = p
		}
	}
	var k MissKinds
	for _, m := range h.Report.Misses {
		if m.Field != string(f.base()) || m.Gold == "" {
			continue
		}
		p := byID[m.ID]
		switch {
		case f.base() == FieldTitle && foldTypography(m.Gold) == foldTypography(m.Got):
			k.Typography++
		case !slices.ContainsFunc(p.candidates(f), func(c extract.MetaCandidate) bool { return p.label(f, c) }):
			k.NotOffered++
		default:
			k.Ranked++
			k.RankedIDs = append(k.RankedIDs, m.ID)
			if f != FieldTitle || m.Got == "" {
				continue
			}
			gold, got := foldTypography(m.Gold), foldTypography(m.Got)
			switch {
			case strings.Contains(got, gold):
				k.Longer++
			case strings.Contains(gold, got):
				k.Shorter++
			default:
				var gc, pc *extract.MetaCandidate
				for i, c := range p.Cands.Title {
					if gc == nil && p.label(f, c) {
						gc = &p.Cands.Title[i]
					}
					if pc == nil && c.Value == m.Got {
						pc = &p.Cands.Title[i]
					}
				}
				if gc != nil && pc != nil {
					gh, gt := titleSourceKinds(*gc)
					ph, pt := titleSourceKinds(*pc)
					if gh && !gt && pt && !ph || gt && !gh && ph && !pt {
						k.HeadVsTitle++
					}
				}
			}
		}
	}
	return k
}

// ShownTitles counts the titles right (exact, case and space folded) on
// the pages of a held-out set whose gold title the page shows: the
// visible-headline figure, beside the exact one over every page. A page
// shows its gold title when one of its title candidates is the gold (with
// typography folded, as the candidates are labelled) and comes from a
// heading (an <h1> to <h3> or a title-marked element) or is one of the
// page's own visible texts (its visible feature above 0: a text node of
// the body, not the <title> or a meta tag). wcxb's gold is on some pages a
// <title> or og:title headline the page never shows (277 of its 1,358
// pages at 3352d356), which the visible headline cannot match.
func ShownTitles(pages []MetaPage, h MetaHeldOut) Count {
	missed := map[string]bool{}
	for _, m := range h.Report.Misses {
		if m.Field == string(FieldTitle) {
			missed[m.ID] = true
		}
	}
	var c Count
	for _, p := range pages {
		if p.Set == h.Set && p.hasGold(FieldTitle) && p.showsGoldTitle() {
			tally(&c, !missed[p.ID])
		}
	}
	return c
}

// showsGoldTitle reports whether the page shows its gold title as a
// heading or as one of its visible texts (ShownTitles).
func (p MetaPage) showsGoldTitle() bool {
	visible := slices.Index(extract.TitleFeatureNames(), "visible")
	for _, c := range p.Cands.Title {
		if !p.label(FieldTitle, c) {
			continue
		}
		if heading, _ := titleSourceKinds(c); heading || visible >= 0 && visible < len(c.Features) && c.Features[visible] > 0 {
			return true
		}
	}
	return false
}

// titleSourceKinds says whether an HTML title candidate comes from a
// heading (an <h1> to <h3> or a title-marked element) and whether from a
// meta title or the <title> (whole, its parts, or cut), by its source
// features.
func titleSourceKinds(c extract.MetaCandidate) (heading, title bool) {
	for i, name := range extract.TitleFeatureNames() {
		src, ok := strings.CutPrefix(name, "src_")
		if !ok || i >= len(c.Features) || c.Features[i] == 0 {
			continue
		}
		switch src {
		case "h1_first", "h1_other", "h2", "h3", "marked":
			heading = true
		default:
			title = true
		}
	}
	return heading, title
}

// PickedDay is the publication day a date ranker picks on one page, ""
// when it gives none.
type PickedDay struct {
	Set, ID, Day string
}

// PickedDays are the days the ranker r picks on each page, in the pages'
// order: the date a page's article gets, to compare page by page with
// another tool's (storyline eval meta --days).
func PickedDays(pages []MetaPage, r *extract.Ranker) []PickedDay {
	out := make([]PickedDay, len(pages))
	for i, p := range pages {
		out[i] = PickedDay{Set: p.Set, ID: p.ID}
		if j := r.Pick(p.Cands.Date); j >= 0 {
			out[i].Day = p.Cands.Date[j].Time.Format("2006-01-02")
		}
	}
	return out
}
