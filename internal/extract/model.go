package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/storyline-news/storyline/internal/learn"
)

// Model is the fitted extractor: the class/id words whose log-odds of
// holding main content the fit measured, the gradient-boosted block
// classifier for HTML, the line classifier for text dumps, the page-kind
// classifiers, and the probability thresholds chosen on the fitting pages.
//
// The embedded model (model.json) is written by `storyline eval extract
// --fit DIR...` over the labelled sets of ../shared/bench/extraction; the
// figures it reached are in its Figures field and in docs/measurements/extraction.md.
type Model struct {
	Figures      string         `json:"figures,omitempty"` // what the fit measured, for the reader
	ClassWords   []string       `json:"class_words"`
	ClassLogOdds []float64      `json:"class_log_odds"`
	TextWords    []string       `json:"text_words"` // words of short blocks and lines
	TextLogOdds  []float64      `json:"text_log_odds"`
	Blocks       *learn.Boosted `json:"blocks"`            // first stage: a block's own features
	Blocks2      *learn.Boosted `json:"blocks2,omitempty"` // second stage: and the first stage's context (see contextFeatures)
	Threshold    float64        `json:"threshold"`
	// ArticleThreshold, when above 0, replaces Threshold on pages the kind
	// classifiers call articles (see ChooseThresholds).
	ArticleThreshold float64 `json:"article_threshold,omitempty"`
	// FirstStageArticleThreshold, when above 0 in a model with a second
	// stage, makes the first stage alone decide the blocks of a page the
	// kind classifiers call an article, at this threshold (see
	// firstStageOnly): the second stage reads the first stage's
	// probabilities of a block's neighbours, which pays on listings, forums
	// and products and little on articles, for a tenth of extraction's time.
	FirstStageArticleThreshold float64        `json:"first_stage_article_threshold,omitempty"`
	Lines                      *learn.Boosted `json:"lines,omitempty"` // the line classifier of text dumps; nil: they are read by the prose-run heuristic
	Lines2                     *learn.Boosted `json:"lines2,omitempty"`
	LineThreshold              float64        `json:"line_threshold,omitempty"`
	// LineArticleThreshold and LineOtherThreshold, when above 0, are the
	// line thresholds of a dump of article probability 1 and 0: a dump's
	// threshold is the two blended by its article probability (see
	// lineThreshold).
	LineArticleThreshold float64 `json:"line_article_threshold,omitempty"`
	LineOtherThreshold   float64 `json:"line_other_threshold,omitempty"`
	// LineKindThresholds, when it has the kind the dump kind classifiers
	// call a dump (kindOfProbs) and that kind is not "article", is that
	// dump's line threshold in place of the blend: a listing's or a
	// collection's items score like an article's menu and want a threshold
	// of their own (docs/measurements/extraction.md, "Session 45").
	LineKindThresholds map[string]float64 `json:"line_kind_thresholds,omitempty"`
	Kinds              []KindModel        `json:"kinds,omitempty"`
	DumpKinds          []KindModel        `json:"dump_kinds,omitempty"` // the kind classifiers of text dumps (see dumpPageFeatures)
	vocab              map[string]int32   // ClassWords -> index
	tvocab             map[string]int32   // TextWords -> index
	blank              WordBlank          // features read as on a page in an unknown language (see Blanked); measurement only
	givenKind          string             // the kind every HTML page is read as, "" for the kind classifiers' call (see ReadAsKind); measurement only
	// The classifiers compiled for speed (see forest).
	blocks, blocks2, lines, lines2 *forest
}

// KindModel tells one page kind from the others (one against the rest).
type KindModel struct {
	Kind  string         `json:"kind"`
	Model *learn.Boosted `json:"model"`
	fast  *forest        // Model compiled (Model.index), nil until then
}

// predict is the kind's probability for a page's kind features x, from the
// compiled forest once the model is indexed (it gives the same value).
func (k *KindModel) predict(x []float64) float64 {
	if k.fast != nil {
		return k.fast.predict(x)
	}
	return k.Model.Predict(x)
}

//go:embed model.json
var embeddedModel []byte

// defaultModel parses the embedded model once.
var defaultModel = sync.OnceValues(func() (*Model, error) { return LoadModel(embeddedModel) })

// DefaultModel returns the embedded model.
func DefaultModel() *Model {
	m, err := defaultModel()
	if err != nil {
		panic(fmt.Sprintf("extract: embedded model.json does not load: %v", err)) // a build defect, caught by the tests
	}
	return m
}

// EmbeddedModelJSON returns the embedded model's file, model.json.
func EmbeddedModelJSON() []byte { return embeddedModel }

// LoadDumpParts reads only the text-dump parts of a model file (see
// DumpKeys and WithDumpParts) and checks them, so that a refit of the HTML
// parts after the block features changed can keep the dumps' classifiers of
// a file whose block classifier no longer loads.
func LoadDumpParts(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("extraction model: %w", err)
	}
	d := &Model{Figures: m.Figures}
	d.copyDumpParts(&m)
	for _, c := range []struct {
		name string
		m    *learn.Boosted
		n    int
	}{{"line classifier", d.Lines, numLineFeatures}, {"line classifier, second stage", d.Lines2, numLineFeatures + numContext}} {
		if c.m != nil {
			if err := c.m.Validate(c.n); err != nil {
				return nil, fmt.Errorf("extraction model: %s: %w", c.name, err)
			}
		}
	}
	for _, k := range d.DumpKinds {
		if k.Model == nil {
			return nil, fmt.Errorf("extraction model: text dump kind %q has no classifier", k.Kind)
		}
		if err := k.Model.Validate(numDumpPageFeatures); err != nil {
			return nil, fmt.Errorf("extraction model: text dump kind %q: %w", k.Kind, err)
		}
	}
	if err := CheckLineKindThresholds(d.LineKindThresholds); err != nil {
		return nil, fmt.Errorf("extraction model: %w", err)
	}
	return d, nil
}

// LoadModel reads a model written by Model.MarshalJSON and checks that its
// parts fit together.
func LoadModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("extraction model: %w", err)
	}
	if len(m.ClassWords) != len(m.ClassLogOdds) || len(m.TextWords) != len(m.TextLogOdds) {
		return nil, fmt.Errorf("extraction model: %d class words but %d log-odds, %d text words but %d log-odds",
			len(m.ClassWords), len(m.ClassLogOdds), len(m.TextWords), len(m.TextLogOdds))
	}
	for _, c := range []struct {
		name string
		m    *learn.Boosted
		n    int
	}{
		{"block classifier", m.Blocks, numFeatures}, {"block classifier, second stage", m.Blocks2, numFeatures + numContext},
		{"line classifier", m.Lines, numLineFeatures}, {"line classifier, second stage", m.Lines2, numLineFeatures + numContext},
	} {
		if c.m == nil {
			if c.name != "block classifier" {
				continue // a one-stage model, or one without a line classifier
			}
			return nil, fmt.Errorf("extraction model: no %s", c.name)
		}
		if err := c.m.Validate(c.n); err != nil {
			return nil, fmt.Errorf("extraction model: %s: %w", c.name, err)
		}
	}
	for _, ks := range []struct {
		name  string
		kinds []KindModel
		n     int
	}{{"kind", m.Kinds, numPageFeatures}, {"text dump kind", m.DumpKinds, numDumpPageFeatures}} {
		for _, k := range ks.kinds {
			if k.Model == nil {
				return nil, fmt.Errorf("extraction model: %s %q has no classifier", ks.name, k.Kind)
			}
			if err := k.Model.Validate(ks.n); err != nil {
				return nil, fmt.Errorf("extraction model: %s %q: %w", ks.name, k.Kind, err)
			}
		}
	}
	if err := CheckLineKindThresholds(m.LineKindThresholds); err != nil {
		return nil, fmt.Errorf("extraction model: %w", err)
	}
	m.index()
	return &m, nil
}

func (m *Model) index() {
	m.blocks, m.blocks2 = compile(m.Blocks), compile(m.Blocks2)
	m.lines, m.lines2 = compile(m.Lines), compile(m.Lines2)
	// The kind lists are copied before their compiled forests are set: a
	// model made by copying another (WithDumpParts) shares their arrays,
	// and the other model, perhaps in use, must not be written to.
	m.Kinds, m.DumpKinds = slices.Clone(m.Kinds), slices.Clone(m.DumpKinds)
	for _, kinds := range [][]KindModel{m.Kinds, m.DumpKinds} {
		for i := range kinds {
			kinds[i].fast = compile(kinds[i].Model)
		}
	}
	m.vocab = make(map[string]int32, len(m.ClassWords))
	for i, w := range m.ClassWords {
		m.vocab[w] = int32(i)
	}
	m.tvocab = make(map[string]int32, len(m.TextWords))
	for i, w := range m.TextWords {
		m.tvocab[w] = int32(i)
	}
}

// textWordID is the model's id of a text word, -1 when it has none.
func (m *Model) textWordID(w string) int32 {
	if id, ok := m.tvocab[w]; ok {
		return id
	}
	return -1
}

// wordID is the model's id of a class/id word, -1 when it has none.
func (m *Model) wordID(w string) int32 {
	if id, ok := m.vocab[w]; ok {
		return id
	}
	return -1
}

// blockProbs returns the classifier's probability that each block is main
// content.
func (m *Model) blockProbs(pb *pageBlocks, page []float64, kind string) []float64 {
	x := blockFeatures(pb, m.ClassLogOdds, m.TextLogOdds, page)
	if m.blank != BlankNone {
		blankRows(x, numFeatures, blankCols(featureNames, m.blank))
	}
	second := m.blocks2
	if m.firstStageOnly(kind) {
		second = nil
	}
	p := twoStages(m.blocks, second, x, numFeatures, len(pb.blocks), func(p []float64) []float64 { return blockContext(pb, p) })
	featureRowsPool.Put(&x) // no longer read: twoStages' second stage reads a copy joined with the context
	return p
}

// featureRowsPool keeps a page's block feature rows for the next page's:
// they were an eighth of the bytes extraction allocated on msv-chaos
// (some 230 KB a page, memory profile of BenchmarkHTML), taken afresh
// and zeroed for every page.
var featureRowsPool sync.Pool // of *[]float64

// featureRows returns n zeroed floats, reusing the pool's buffer when it
// is large enough.
func featureRows(n int) []float64 {
	if p, ok := featureRowsPool.Get().(*[]float64); ok && cap(*p) >= n {
		out := (*p)[:n]
		clear(out)
		return out
	}
	return make([]float64, n)
}

// selectBlocks returns the text of the blocks the classifier keeps, in page
// order, without those the site's template knows as boilerplate, with the
// rest of a list of items most of the kept text lies in on a page called a
// listing or a collection, or an article at an article probability of
// articleProb (fillLargestItemRun) and, on a page called neither an
// article nor documentation, without later copies of a kept text
// (keepFirstCopies, dropsLaterCopies), and without asides and readers'
// comment threads beside enough text of its own (dropSideMatter); none on a
// page called an article with no block at minArticleTopProb
// (hasNoArticleBlock).
func (m *Model) selectBlocks(pb *pageBlocks, page []float64, kind string, articleProb float64, t *Template) []string {
	keep, _, _ := m.decideBlocks(pb, page, kind, articleProb, t)
	var out []string
	for i := range pb.blocks {
		if keep[i] {
			out = append(out, pb.blocks[i].text)
		}
	}
	return out
}

// decideBlocks returns which blocks selectBlocks keeps, with the blocks'
// probabilities (those dropped by rule set to 0) and the page's threshold.
func (m *Model) decideBlocks(pb *pageBlocks, page []float64, kind string, articleProb float64, t *Template) (keep []bool, probs []float64, pageTh float64) {
	probs = m.blockProbs(pb, page, kind)
	keep, pageTh = decideOnProbs(pb, probs, m.kindThreshold(kind), kind, articleProb, t)
	return keep, probs, pageTh
}

// kindThreshold returns the model's block threshold for a page of this
// kind: the article threshold on a page called an article, when the model
// has one, else the threshold of the other kinds.
func (m *Model) kindThreshold(kind string) float64 {
	if m.firstStageOnly(kind) {
		return m.FirstStageArticleThreshold
	}
	if kind == kindArticle && m.ArticleThreshold > 0 {
		return m.ArticleThreshold
	}
	return m.Threshold
}

// firstStageOnly reports whether the block classifier's first stage alone
// decides the blocks of a page of this kind (FirstStageArticleThreshold).
func (m *Model) firstStageOnly(kind string) bool {
	return kind == kindArticle && m.blocks2 != nil && m.FirstStageArticleThreshold > 0
}

// decideOnProbs returns which blocks of a page of this kind to keep given
// their probabilities and the model's threshold th for the page, with the
// page's threshold (pageThresholdWithout); it sets the probabilities of the
// blocks dropped by rule to 0. A page called an article with no block at
// minArticleTopProb keeps nothing (hasNoArticleBlock).
func decideOnProbs(pb *pageBlocks, probs []float64, th float64, kind string, articleProb float64, t *Template) (keep []bool, pageTh float64) {
	return decideOnProbsFill(pb, probs, th, kind, articleProb, t, true)
}

// decideOnProbsFill is decideOnProbs with the item-run fill
// (fillLargestItemRun) left out when fill is false: how TraceBlocks tells
// the blocks the fill keeps (BlockTrace.Filled).
func decideOnProbsFill(pb *pageBlocks, probs []float64, th float64, kind string, articleProb float64, t *Template, fill bool) (keep []bool, pageTh float64) {
	dropped := func(i int) bool { return droppedByRule(pb, t, i) }
	pageTh = pageThresholdWithout(probs, th, dropped)
	keep = keptBlocks(probs, pageTh, dropped, func(i int) bool { return inFormBox(pb, i) })
	// A page threshold at th means a block reached it (or none can be
	// kept): only the fallback's pages need the second scan of the blocks.
	if kind == kindArticle && pageTh < th && hasNoArticleBlock(pb, probs, th, keep, dropped) {
		clear(keep)
		return keep, pageTh
	}
	if fill && fillsItemRuns(kind, articleProb) {
		fillLargestItemRun(pb, probs, pageTh, keep, dropped, isListKind(kind))
	}
	if dropsLaterCopies(kind) {
		keepFirstCopies(pb, keep)
	}
	dropCopiedRuns(pb, keep)
	dropHiddenCopies(pb, keep)
	dropSideMatter(pb, keep, kind)
	dropOtherItemCards(pb, keep, kind)
	dropSignatures(pb, keep, kind)
	if pb.keepComments {
		keepCommentSections(pb, keep, kind, dropped)
	}
	return keep, pageTh
}

// droppedByRule reports whether block i is dropped whatever its
// probability: the site's template knows it as boilerplate, or it is a
// credited caption, navigation, a form control's text, the page's
// contentinfo footer or a dialog's text (isCreditedCaption, inNav,
// inControl, inContentInfo, inDialog).
func droppedByRule(pb *pageBlocks, t *Template, i int) bool {
	return t.Boilerplate(pb.blocks[i].fp) || isCreditedCaption(pb, i) || inNav(pb, i) || inControl(pb, i) ||
		inContentInfo(pb, i) || inDialog(pb, i)
}

// keptBlocks returns which blocks to keep at threshold th (see
// bridgeBlocks), the blocks dropped whatever their probability
// (droppedByRule: the template's boilerplate, credited captions,
// navigation, form controls, the contentinfo footer, dialogs) left out: they
// neither are kept nor anchor a bridge, or a menu or template footer
// scoring over the threshold after the article would bring in every
// teaser between (review s13a #8). It sets the probabilities of dropped
// blocks to 0. Blocks for which unbridged says true are kept only on their
// own probability, never bridged in.
func keptBlocks(probs []float64, th float64, dropped, unbridged func(i int) bool) []bool {
	for i := range probs {
		if dropped(i) {
			probs[i] = 0
		}
	}
	return bridgeBlocks(probs, th, unbridged)
}

// formBoxFieldShare is how many visible form fields per text block the box
// around a block (its container or the container's parent) holds for the
// block to count as a form's own text (inFormBox): a sign-up box is a pitch,
// one or two fields and a button whose label is a block of its own, so half
// a field a block or more; an article body that embeds such a box has many
// paragraphs per field and stays far under it. Held out on the headline
// run (docs/measurements/extraction.md, "Session 28"); the invented page
// testdata/html-news-chrome holds such a pitch between two paragraphs.
const formBoxFieldShare = 0.5

// inFormBox reports whether block i sits in a small box whose other
// content is form fields, one of them a field to fill in (an input, a text
// area, a select list): a newsletter or membership pitch, a comment
// form's invitation, a search box's label. Such a text belongs to the
// form, not to the article around it, so the bridge (bridgeBlocks), which
// keeps a subheading or list item scored just under the threshold between
// two paragraphs, does not take it in. A box of buttons alone is no form:
// an accordion's button opens the panel of text beside it, which is the
// page's own (a guide's or a FAQ's answers).
func inFormBox(pb *pageBlocks, i int) bool {
	e := pb.blocks[i].container
	for lvl := 0; lvl < 2 && e >= 0; lvl++ {
		el := &pb.elems[e]
		if el.fields > 0 && float64(el.controls) >= formBoxFieldShare*float64(el.blocks) {
			return true
		}
		e = el.parent
	}
	return false
}

// dropsLaterCopies reports whether keepFirstCopies reads a page of this
// kind: one called neither an article nor documentation. A manual repeats
// its own lines (the same step in two procedures, the same links under
// each lecture, a section heading that its "on this page" contents list
// shows first), and its gold keeps the body's copies: with the rule the
// body's later copy went and the contents list's stayed. Measured on the
// quick check's fold models, each page by the model that never saw its
// site: wcxb documentation 0.9186 -> 0.9214 at the out-of-fold threshold
// pair (23 pages up, 13 down), 0.9157 -> 0.9188 at the single
// one, two cleaneval pages and one service up, no other page moved
// (docs/measurements/extraction.md, "Session 53: what a right page kind is
// worth", s53-kindbound).
func dropsLaterCopies(kind string) bool {
	return kind != "" && kind != kindArticle && kind != kindDocumentation
}

// minCopyTokens is the fewest tokens a block needs for keepFirstCopies to
// drop its later copies: a listing's or shop's short labels ("Full-Time",
// "Remote", a price) recur on every item card and the gold keeps each. 5
// rather than 3 or 10: read on the quick check's fold models (docs/measurements/extraction.md,
// "Session 19"), 3 and 5 gave wcxb's products 0.576 and 0.574, 10 gave
// 0.570; every other figure within 0.002 of 5.
const minCopyTokens = 5

// keepFirstCopies keeps only the first of the kept blocks of
// minCopyTokens tokens or more whose text is the same (their Fingerprint):
// on a page that is not an article the same text twice is most often the
// same content in two layouts (a shop's mobile and desktop copies of an
// item's title and description, a forum post quoted in the replies, a
// promoted card's disclosure under every card). Measured on the quick
// check's fold models, each page scored by the model that never saw its
// site, out-of-fold thresholds (docs/measurements/extraction.md, "Session 19"): wcxb products 0.560
// -> 0.574, forums 0.746 -> 0.763, collections 0.638 -> 0.643,
// documentation 0.923 -> 0.918; the other sets unchanged. Pages called
// articles keep every copy: there it cost readability 0.954 -> 0.924, whose
// test pages repeat a paragraph of filler text that the gold holds each
// time (dragnet 0.927 -> 0.931, cleaneval 0.917 -> 0.914 there); nor do
// pages called documentation (dropsLaterCopies).
func keepFirstCopies(pb *pageBlocks, keep []bool) {
	seen := make(map[uint64]bool)
	for i := range pb.blocks {
		if !keep[i] || pb.blocks[i].tokens < minCopyTokens {
			continue
		}
		if seen[pb.blocks[i].fp] {
			keep[i] = false
		}
		seen[pb.blocks[i].fp] = true
	}
}

// inNav reports whether block i lies in a <nav> element: navigation links
// by HTML's definition, never a page's main content (a page whose only text
// is its menu has no main text, and keeps its title, site and kind).
func inNav(pb *pageBlocks, i int) bool { return pb.elems[pb.blocks[i].elem].inherited&flagNav != 0 }

// inContentInfo reports whether block i lies in the page's ARIA
// contentinfo landmark (an element with role="contentinfo", see
// isContentInfo): the page's footer by the page's own declaration, as a
// <nav> is its navigation (inNav). Pages that are not articles keep
// blocks from a probability as low as their threshold (0.075 in the
// embedded model), and their footers' company blurbs, legal notes and
// link lists score over it. Measured: docs/measurements/extraction.md,
// "Session 34".
func inContentInfo(pb *pageBlocks, i int) bool {
	return pb.elems[pb.blocks[i].elem].inherited&flagContentInfo != 0
}

// inDialog reports whether block i lies in a dialog (see
// isDialogElement): a cookie consent, a sign-up, contact or booking form, a
// cart drawer, financing or legal notes opened over the page. Read on
// wcxb's pages, each scored by the quick check's fold model that never saw
// its site: dialogs' text is kept at 0.12-0.9 on pages that are not
// articles, and dropping it gains word F1 on 40 pages and loses on 5 (a
// shop's product details or size guide shown in a drawer, which the gold
// keeps); no output of the five news sets, cleaneval or readability
// changes (docs/measurements/extraction.md, "Session 34").
func inDialog(pb *pageBlocks, i int) bool {
	return pb.elems[pb.blocks[i].elem].inherited&flagDialog != 0
}

// inControl reports whether block i lies in a form control's own text (a
// <button>, <label> or <legend>): what a user clicks or fills in,
// a shop's "Add to basket", a listing's filter facets ("Open-Back (7
// products)"), seldom the text a page is read for. Read on wcxb's pages
// that are not articles, scored by the quick check's fold models (each page
// by the model that never saw its site, out-of-fold thresholds): of the
// tokens the classifier kept in such blocks, 77% are not in the gold
// (17,900 against 5,400), against 24% of the other blocks' (217,000 against
// 682,000); those pages keep them at 0.15-0.5 because their threshold is
// low. Measured: docs/measurements/extraction.md, "Session 14". A button
// that is the heading of the panel it opens (isHeadingButton: an FAQ's
// question, an accordion's section title) is no command: its text is left
// to the classifier (docs/measurements/extraction.md, "Session 50 ...
// (s50-product)").
func inControl(pb *pageBlocks, i int) bool {
	inh := pb.elems[pb.blocks[i].elem].inherited
	return inh&flagControl != 0 && inh&flagHeadingButton == 0
}

// isCreditedCaption reports whether block i is a figure's caption that
// names the photographer or agency ("(Photo: Ole Brandt/Gazette)"): the
// caption of a picture, never the article's prose, on any site. (Captions
// without a credit are left to the classifier: some describe an embedded
// video or document and some sets' gold keeps them.)
func isCreditedCaption(pb *pageBlocks, i int) bool {
	b := &pb.blocks[i]
	return pb.elems[b.elem].inherited&flagFigure != 0 && mayBeCredit(b.text) && photoCredit.MatchString(b.text)
}

// pageThreshold is the threshold for one page: the model's, unless no block
// reaches it, when the blocks at half the page's highest probability or
// more are kept. Every page with visible text has some main content (the
// gold of all eight development sets is empty on 27 of 4,997 pages), and
// the classifier's relative ranking still finds it where its calibration,
// fitted on other pages, does not.
func pageThreshold(probs []float64, th float64) float64 {
	return pageThresholdWithout(probs, th, func(int) bool { return false })
}

// pageThresholdWithout is pageThreshold over the blocks dropped does not
// drop (the blocks dropped by rule, droppedByRule): a page whose only
// blocks at the threshold are its footer, its dialogs or its menu falls
// back to half its highest kept-able probability, as a page with no block
// at the threshold does, instead of keeping nothing (read on wcxb with a
// model fitted without it: shops and Apple's product pages whose only
// blocks over the threshold were in their contentinfo footer or a drawer
// gave no text; docs/measurements/extraction.md, "Session 34").
func pageThresholdWithout(probs []float64, th float64, dropped func(i int) bool) float64 {
	top, some := topKeptable(probs, dropped)
	if top >= th || !some && len(probs) > 0 {
		return th // every block is dropped by rule: none is kept
	}
	return top / 2
}

// topKeptable returns the highest probability among the blocks left in
// by the rules (those for which dropped is false), and whether there is
// any such block.
func topKeptable(probs []float64, dropped func(i int) bool) (top float64, some bool) {
	for i, p := range probs {
		if !dropped(i) {
			top, some = max(top, p), true
		}
	}
	return top, some
}

// bridgeShare is how far under a page's threshold a block may score and
// still be kept when kept blocks lie both before and after it (see
// bridgeBlocks): a short list item, table cell or subheading inside an
// article's body scores under the threshold while the paragraphs around it
// pass. Measured on the quick check's two site folds (`eval extract --cv
// --site-folds 2 --one-stage --trees 100 --subsample 0.5 --keep-models`,
// each fold's model rescoring the sites it never saw; docs/measurements/extraction.md, "Session 13,
// a bridge"): all pooled 0.913 -> 0.915 (wcxb 0.833 -> 0.841, cleaneval
// 0.914 -> 0.919, msv-chaos 0.960 -> 0.955). 0.5 gained more on wcxb but
// cost msv-chaos 0.010 and kept a newsletter plug between two paragraphs
// (testdata/html-news-chrome); 0.25 was read at the token level only. On a
// page where no block reaches the model's threshold (pageThreshold: half
// the page's top probability), the bridge reaches down to 0.375 of the top.
const bridgeShare = 0.75

// bridgeBlocks returns which blocks to keep at threshold th: those at th or
// above, and those at bridgeShare*th or above that lie between two of them
// (a kept block somewhere before and somewhere after) and that unbridged
// (nil: none) does not exclude.
func bridgeBlocks(probs []float64, th float64, unbridged func(i int) bool) []bool {
	n := len(probs)
	keep := make([]bool, n)
	first, last := n, -1
	for i, p := range probs {
		if p >= th {
			keep[i] = true
			first, last = min(first, i), i
		}
	}
	for i := first + 1; i < last; i++ {
		if probs[i] >= bridgeShare*th && (unbridged == nil || !unbridged(i)) {
			keep[i] = true
		}
	}
	return keep
}

// selectLines returns the lines of a dump the line classifier keeps, in
// order, and whether it kept each.
// page is the page part of the lines' features (dumpPageRow); kinds are the
// dump's kind probabilities (kindProbs), which may set its threshold.
func (m *Model) selectLines(ls []lineInfo, page []float64, kinds []float64, t *Template) []bool {
	return m.keepLines(ls, m.lineProbs(ls, page), kinds, t)
}

// lineProbs returns the line classifier's probability for each line of a
// dump; page is the page part of the lines' features (dumpPageRow).
func (m *Model) lineProbs(ls []lineInfo, page []float64) []float64 {
	x := lineFeatures(ls, page)
	if m.blank != BlankNone {
		blankRows(x, numLineFeatures, blankCols(lineFeatureNames, m.blank))
	}
	return twoStages(m.lines, m.lines2, x, numLineFeatures, len(ls), func(p []float64) []float64 { return lineContext(ls, p) })
}

// keepLines says which lines of a dump are kept, given their probabilities
// p: those at the dump's threshold (by its kind probabilities) that are
// neither boilerplate nor chrome, the lines bridged between them
// (bridgeLines), and the lines of long runs that read as content as a whole
// (fillContentRuns).
func (m *Model) keepLines(ls []lineInfo, p []float64, kinds []float64, t *Template) []bool {
	keep := make([]bool, len(ls))
	th := pageThreshold(p, m.lineThreshold(kinds))
	for i := range ls {
		keep[i] = p[i] >= th && !t.Boilerplate(ls[i].fp) && !isLineChrome(&ls[i])
	}
	stops := &lineStops{ls: ls}
	bridgeLines(ls, p, th, keep, t, stops)
	fillContentRuns(ls, p, th, keep, t, stops)
	return keep
}

// lineBridgeShare is how far under a dump's line threshold a line may score
// and still be kept when it lies in a short gap between two kept lines (see
// bridgeLines): the subheadings, list items, table cells and code lines of
// an article's body score under the threshold while the paragraphs around
// them pass (session 20, read by hand: two thirds of the tokens wcxb's
// articles lose lie between two kept lines). Measured on the quick check's
// two site folds, each fold's model rescoring the sites it never saw
// (eval's TestDumpRescore over `eval extract --text --cv --site-folds 2
// --one-stage --trees 100 --subsample 0.5 --keep-models DIR`; docs/measurements/extraction.md,
// "Session 20"), with gaps of up to runBridge lines: shares 0.01, 0.3 and
// 0.5 within 0.0005 of each other at gaps of 1 and 2 lines, 0.75 lower
// (wcxb 0.7956 against 0.7962 at 1 line); 0.5 at 3 lines gave wcxb 0.7930
// -> 0.7990, readability 0.9084 -> 0.9126, cleaneval 0.8962 -> 0.8992,
// five news 0.9171 both (msv-chaos 0.9386 -> 0.9372). Wider gaps gained
// more on wcxb and lost on the news sets (any gap: wcxb 0.8074, msv-chaos
// 0.9310): a long gap is more often comments or related links between
// the article and chrome kept below it than part of the body.
const lineBridgeShare = 0.5

// bridgeLines keeps (in keep, the lines at the dump's threshold th or
// above) the bridgeable lines in each gap of at most runBridge lines
// between two kept lines, unless the gap holds a stop (runStops: a post or
// a comment begins there). probs are the lines' probabilities; stops gives
// the dump's stops when a gap is first bridged.
func bridgeLines(ls []lineInfo, probs []float64, th float64, keep []bool, t *Template, stops *lineStops) {
	prev := -1
	for i, k := range keep {
		if !k {
			continue
		}
		if gap := i - prev - 1; prev >= 0 && gap > 0 && gap <= runBridge {
			if !slices.Contains(stops.get()[prev+1:i], true) {
				for j := prev + 1; j < i; j++ {
					keep[j] = bridgeable(ls, probs, th, t, j)
				}
			}
		}
		prev = i
	}
}

// lineStops are a dump's runStops, found when first asked for (most dumps
// have no gap to bridge nor a long run to fill) and then once for both.
type lineStops struct {
	ls   []lineInfo
	stop []bool
}

// get returns the dump's runStops.
func (s *lineStops) get() []bool {
	if s.stop == nil {
		s.stop = runStops(s.ls)
	}
	return s.stop
}

// runStops reports, for each line, whether a run of kept lines must not be
// carried over it: a stamp line or a comment-section header (a post or a
// comment begins there, see stampLines).
func runStops(ls []lineInfo) []bool {
	_, bylines := lineCues(ls)
	stop := stampLines(ls, bylines)
	for j := range ls {
		stop[j] = stop[j] || isCommentHeader(ls[j].text, int(ls[j].tokens))
	}
	return stop
}

// bridgeable reports whether line j, which the threshold th drops, may be
// kept for the kept lines around it: it scores lineBridgeShare*th or more
// and is neither boilerplate nor isLineChrome.
func bridgeable(ls []lineInfo, probs []float64, th float64, t *Template, j int) bool {
	return probs[j] >= lineBridgeShare*th && !t.Boilerplate(ls[j].fp) && !isLineChrome(&ls[j])
}

// BlendsLineThresholds reports whether the model blends its dumps' line
// thresholds by their article probability (see lineThreshold): a model
// fitted before the blend, or fitted with one line threshold given, does
// not.
func (m *Model) BlendsLineThresholds() bool {
	return m.LineArticleThreshold > 0 && m.LineOtherThreshold > 0
}

// SetOneLineThreshold makes th the line threshold of every dump, whatever
// its article probability: no blend.
func (m *Model) SetOneLineThreshold(th float64) {
	m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold = th, 0, 0
}

// lineThreshold is the line threshold of a dump of kind probabilities
// kinds (kindProbs, whose first is the article's): the threshold of the
// kind they call it (kindOfProbs) when LineKindThresholds has one, the
// kind is not an article and the model has dump kind classifiers to call
// it (without them every dump's probabilities are zeros, which kindOfProbs
// reads as "other"; HeldOut.DumpKind, which the choice reads, calls it no
// kind); else, with LineArticleThreshold and
// LineOtherThreshold, the two blended by the dump's article probability;
// else (a model file written before the blend, or no article probability to
// blend by, NaN included) LineThreshold.
func (m *Model) lineThreshold(kinds []float64) float64 {
	if len(m.LineKindThresholds) > 0 && len(m.DumpKinds) > 0 && len(kinds) > 0 {
		if k := kindOfProbs(kinds); k != kindArticle {
			if th, ok := m.LineKindThresholds[k]; ok {
				return th
			}
		}
	}
	if len(kinds) == 0 {
		return m.LineThreshold
	}
	return m.BlendedLineThreshold(kinds[0])
}

// BlendedLineThreshold is the line threshold of a dump of article
// probability pa when no threshold of its kind applies: LineArticleThreshold
// and LineOtherThreshold blended by pa; LineThreshold when the model does
// not blend or pa is NaN (no article probability).
func (m *Model) BlendedLineThreshold(pa float64) float64 {
	if m.BlendsLineThresholds() && !math.IsNaN(pa) {
		return blendThreshold(m.LineArticleThreshold, m.LineOtherThreshold, pa)
	}
	return m.LineThreshold
}

// blendThreshold is the threshold of a page whose article probability is
// pa: article's when pa is 1, other's when 0, in between linearly.
func blendThreshold(article, other, pa float64) float64 {
	return pa*article + (1-pa)*other
}

// isLineChrome reports whether a line is not article text whatever the
// classifier says, by rules that hold on any page: a byline or date line
// (metadata: the article's Byline and Published carry it), a line that
// carries boilerplate phrases and is not prose that names them in passing
// (isPitchLine), and a photo credit (scoreBlock's negative scores of
// chrome).
func isLineChrome(l *lineInfo) bool { return lineChromeRule(l) != "" }

// pitchWordsPerPhrase is how many words a prose line may have per
// boilerplate phrase and still be dropped by isLineChrome whatever the
// classifier says: "This newsroom is funded by our readers." (one phrase
// in seven words) is a pitch, while a sentence of the body that names one
// ("the ferry is the most popular way to reach the island", "read more
// about the harbour's history in the museum", "a yearly subscription
// costs 180 euros") is left to the classifier, which reads the phrases'
// count (chrome_phrases) beside the line's place. scoreBlock's rule (one
// phrase per 40 words, proseMentionWords) had dropped such sentences at
// probabilities up to 0.98: 10,080 gold tokens of wcxb's dumps, 5,140 of
// cleaneval's. Measured on the quick check's two site-fold models, each
// dump read by the model that never saw its site (`eval extract --text
// --fold-models`; docs/measurements/extraction.md, "Session 49"): at 10,
// wcxb 0.8013 -> 0.8028, five news pooled 0.9208 -> 0.9214, cleaneval
// 0.8979 -> 0.9005, no set lower; at 0 (every prose line left to the
// classifier) the same but l3s-gn1 0.9645 -> 0.9643 and this fixture's
// pitch kept (testdata/dump-membership-newsfeed); at 20 (the review's arm)
// the same within .0005 (wcxb 0.8028, cleaneval 0.9002) but against 10,
// 56 dumps down and 38 up by .005 or more. 10 was chosen after seeing these arms on the same pages,
// so the choice among them is in sample. The cost: a one-sentence pitch
// or cookie notice of 10 words or more with one phrase ("We use cookies
// to give you the best possible experience on our website.") is the
// classifier's too, which can keep it between the article's paragraphs.
const pitchWordsPerPhrase = 10

// isPitchLine reports whether a line carries boilerplate phrases
// (chromeScore) and is either not prose (a menu entry, a button, a form's
// label: "Enter your email to subscribe") or prose with a phrase for every
// fewer than pitchWordsPerPhrase words (a short pitch: "This newsroom is
// funded by our readers.", "Click here for free Newsletter subscription!").
func isPitchLine(l *lineInfo) bool {
	c := l.line.chrome
	return c > 0 && (!l.line.prose || l.line.words < pitchWordsPerPhrase*c)
}

// lineChromeRule names the rule of isLineChrome that drops a line, "" for
// none (isLineChrome is whether it names one, so that the two cannot
// drift apart).
func lineChromeRule(l *lineInfo) string {
	switch {
	case l.line.score < 0 && isPitchLine(l):
		return "chrome"
	case l.line.score < 0 && photoCredit.MatchString(l.text):
		return "credit"
	case l.tokens <= 12 && isBylineOrDate(l.text):
		return "byline"
	}
	return ""
}

// twoStages applies a two-stage classifier to n items with flat first-stage
// rows x of nf features.
func twoStages(first, second *forest, x []float64, nf, n int, context func([]float64) []float64) []float64 {
	p := make([]float64, n)
	first.predictRows(p, func(i int) []float64 { return x[i*nf : (i+1)*nf] })
	if second == nil {
		return p
	}
	x2 := joinRows(x, nf, context(p), n)
	nf2 := nf + numContext
	second.predictRows(p, func(i int) []float64 { return x2[i*nf2 : (i+1)*nf2] })
	return p
}

// DumpKeys are the JSON keys of a model's text-dump parts: all that
// WithDumpParts changes beside the text-dump part of Figures. The HTML parts
// of the same file are refitted apart (and merged key by key), so a refit of
// the dumps must leave every other key as it was.
var DumpKeys = []string{"lines", "lines2", "line_threshold", "line_article_threshold", "line_other_threshold", "line_kind_thresholds", "dump_kinds"}

// dumpFiguresPrefix begins the text-dump part of a model's Figures.
const dumpFiguresPrefix = "text dumps:"

// WithDumpParts returns a copy of m with the text-dump parts of d (the line
// classifier, its second stage, its threshold and the dumps' kind
// classifiers) in place of its own, and figures (which must begin with
// "text dumps:") as the text-dump part of its Figures. The HTML parts stay
// as they were.
func (m *Model) WithDumpParts(d *Model, figures string) (*Model, error) {
	if !strings.HasPrefix(figures, dumpFiguresPrefix) {
		return nil, fmt.Errorf("text-dump figures %q do not begin with %q", figures, dumpFiguresPrefix)
	}
	out := *m
	out.copyDumpParts(d)
	out.Figures = ReplaceFigures(m.Figures, dumpFiguresPrefix, figures)
	out.index()
	return &out, nil
}

// copyDumpParts sets m's text-dump parts (the fields of DumpKeys) to d's.
func (m *Model) copyDumpParts(d *Model) {
	m.Lines, m.Lines2, m.DumpKinds = d.Lines, d.Lines2, d.DumpKinds
	m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold = d.LineThreshold, d.LineArticleThreshold, d.LineOtherThreshold
	m.LineKindThresholds = d.LineKindThresholds
}

// DumpFigures returns the text-dump part of a model's Figures ("" when it
// has none), to keep beside a refit of the HTML parts.
func DumpFigures(figures string) string {
	for _, p := range strings.Split(figures, figuresSep) {
		if strings.HasPrefix(p, dumpFiguresPrefix) {
			return p
		}
	}
	return ""
}

// figuresSep separates the parts of a model's Figures written by separate
// fits (the HTML parts, the text-dump parts).
const figuresSep = " || "

// ReplaceFigures returns figures with its part that begins with prefix
// replaced by part (appended when it has none).
func ReplaceFigures(figures, prefix, part string) string {
	var out []string
	for _, p := range strings.Split(figures, figuresSep) {
		if p != "" && !strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	return strings.Join(append(out, part), figuresSep)
}
