package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
)

// runEval runs the eval mode its first argument names (evalCommands).
func runEval(ctx context.Context, e env, args []string) error {
	modes := strings.Join(evalModes(), ", ")
	if len(args) == 0 {
		return &UsageError{"eval needs one of " + modes}
	}
	for _, c := range evalCommands() {
		if c.name == "eval "+args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	return &UsageError{fmt.Sprintf("eval %q: use one of %s", args[0], modes)}
}

// stoppedError names the command in an error that says it was stopped by
// Ctrl-C or SIGTERM (one wrapping context.Canceled: "eval extract: fold 3
// of 13 (leave out wcxb) stopped: context canceled", or "eval extract
// stopped: context canceled" when nothing says where), so that the user
// reads what stopped and not a bare "context canceled"; other errors are
// returned as they are. ExitCode gives such an error ExitInterrupted.
func stoppedError(command string, err error) error {
	switch {
	case err == nil || !errors.Is(err, context.Canceled):
		return err
	case err == context.Canceled:
		return fmt.Errorf("%s stopped: %w", command, err)
	}
	return fmt.Errorf("%s: %w", command, err)
}

func evalExtract(ctx context.Context, e env, args []string) (err error) {
	defer func() { err = stoppedError("eval extract", err) }()
	fs := newFlags("eval extract", e)
	text := fs.Bool("text", false, "score the plain-text dumps (text/) instead of the HTML (html/); with --cv, cross-validate the line classifier; with --fit, fit only the text dumps' classifiers")
	workers := fs.Int("workers", runtime.NumCPU(), "workers for the all-cores speed, and for preparing and scoring pages with --fit and --cv")
	fit := fs.String("fit", "", "fit a model on the sets' HTML pages and text dumps and write it to this file (internal/extract/model.json is the embedded one)")
	cv := fs.Bool("cv", false, "held-out scores: each set scored by a model fitted on the others, and wcxb also by 5 site-grouped folds")
	boost := extractBoostFlags(fs)
	lines := fs.Bool("lines", false, "with --fit of HTML, also fit the text dumps' line and kind classifiers (--text fits those alone, keeping the HTML parts of the embedded or --model model)")
	unitWeights := fs.Bool("unit-weights", false, "scale each fit's row weights to a mean of 1 (an experiment)")
	oneStage := fs.Bool("one-stage", false, "fit the classifiers' first stage only (faster, for experiments)")
	modelFile := fs.String("model", "", "score with the model in this file (written by --fit) instead of the embedded one; with --fit, the model whose text-dump parts a fit of the HTML parts alone keeps (default the embedded one)")
	threshold := fs.Float64("threshold", 0, "with --fit, the block threshold to keep instead of the one chosen on the fitting pages' in-sample probabilities (--cv prints the one chosen on out-of-fold probabilities)")
	articleThreshold := fs.Float64("article-threshold", 0, "with --fit and --threshold, the block threshold of pages the kind classifier calls articles (--threshold is then the other pages')")
	firstStageArticles := fs.Float64("first-stage-article-threshold", 0, "with --fit and --article-threshold, decide the blocks of pages the kind classifier calls articles by the block classifier's first stage alone, at this threshold (a one-stage fit's article threshold, as --cv --one-stage prints it); the second stage then reads the other pages only")
	lineThreshold := fs.Float64("line-threshold", 0, "with --fit, the line threshold of text dumps to keep instead of the one chosen on the fitting dumps' in-sample probabilities, for dumps of every kind: it drops the blend of line thresholds by the dump's article probability (--text --cv prints the one chosen on out-of-fold probabilities)")
	lineKinds := fs.String("line-kind-thresholds", "", "with --fit, the text dumps' line thresholds by the kind the dump kind classifiers call a dump, \"kind=T,kind=T\" (kinds: "+strings.Join(extract.LineKinds(), ", ")+"), in place of the blend for dumps called those kinds (--text --cv prints those chosen on out-of-fold probabilities; the fit chooses none)")
	lineBlend := fs.String("line-blend", "", "with --fit and --line-threshold, the text dumps' line thresholds of articles and of other pages, \"A,O\", blended by the dump's article probability (--text --cv prints the pair chosen on out-of-fold probabilities)")
	figures := fs.String("figures", "", "with --fit, the held-out figures (from --cv) to note in the model's figures")
	siteFolds := fs.Int("site-folds", 0, "with --cv, instead of leaving each set out, this many folds of sites over all the sets (this many fits: a quick check between variants; each set's own conventions are fitted on in every fold, so the figures run above leave-one-set-out ones)")
	keepModels := fs.String("keep-models", "", "with --cv --site-folds, write each fold's model to this folder (site-fold-F-of-K.json), to read its pages with --model")
	dropFirst := fs.Bool("drop-first-line", false, "with --text --cv, also score each fold's model on the held-out dumps with their first line (the <title>) removed, as a dump without a title line reads (the fits are the same)")
	unknownWords := fs.Bool("unknown-words", false, "with --cv, also score each fold's model as on pages in a language the fit never read: every text word unknown, then also no word-list cue (chrome phrases, credits, bylines, comment headers) found (a text dump's heuristic score still reads chrome phrases), then also every class/id word unknown (the fits are the same)")
	blankShare := fs.Float64("blank-share", 0, "fit the block classifier with this share of the fitting HTML pages' word-reading features blanked (--blank-level), as on pages whose words the fit never read (an experiment, not in the embedded model: docs/measurements/extraction.md, session 18)")
	blankLevel := fs.Int("blank-level", int(extract.BlankClassWords), "with --blank-share, what is blanked: 1 every text word unknown, 2 also no word-list cue found, 3 also every class/id word unknown")
	baseline := fs.String("baseline", "", "with --text, score a text-dump baseline of the benchmark README instead of storyline: c4 (its C4-style line filter) or all-text (the whole dump); per set, pooled and per wcxb page type")
	splitShare := fs.Float64("augment-split", 0, "with --fit and --cv, also fit on rebuilt copies of this share of the HTML article pages, their body split by a teaser, ad or video break, in subheaded sections or half nested deeper (the gold unchanged; copies are never scored): an experiment, not in the embedded model (at 0.25, held out: five news +0.006, cleaneval and wcxb -0.004 to -0.006; docs/measurements/extraction.md, session 20)")
	leaveOut := fs.String("leave-out", "", "with --cv, leave out only these sets (comma-separated names; default every set), to save time")
	siteTemplate := fs.Bool("site-template", false, "also score every page with the site template `storyline add` learns, taught by the other pages of its URL's host in its set (unlabelled text only): with --cv a variant of the same folds' models; else the pages alone and with it, per set, with the pages that have host peers apart")
	foldModels := fs.String("fold-models", "", "score each page with the model of its site fold that --cv --site-folds K --keep-models wrote to this folder (site-fold-F-of-K.json; the model never saw the page's site): held-out figures without refitting, per set, pooled and per wcxb page type (--json: every page's)")
	goldKind := fs.Bool("gold-kind", false, "with --fold-models (HTML), read each page of a known kind as that kind whatever the kind classifiers call it (wcxb's page type; the news sets' pages and readability's news as articles; a page of no known kind, cleaneval's or a readability page not classed news, as called): the kind's threshold and kind rules follow it. An upper bound of what a right kind call is worth under today's decoding, not a result")
	refitKinds := fs.Bool("refit-kinds", false, "with --fold-models (HTML), refit each fold model's page kind classifiers on the kind features of the other site folds' pages of a known kind among the sets given (give all eight, as the fit that kept the models read) before scoring: a change to the kind features' reading or to how the kinds are fitted measured held out in minutes; the block classifiers stay as kept")
	comments := fs.Bool("comments", false, "with --fold-models, add the readers' comment section after each HTML article, as extract --comments does, to score a set whose gold keeps comments")
	showTemplate := fs.Int("show-template", 0, "with --site-template (not --cv), print the N pages whose F1 the template changes most, with the paragraphs it removed or added (+ where the gold holds it)")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return &UsageError{"eval extract needs a set folder (with ground-truth.json)"}
	}
	if *fit != "" && *cv {
		return &UsageError{"eval extract: --fit and --cv are separate runs"}
	}
	if *keepModels != "" && !(*cv && *siteFolds > 1) {
		return &UsageError{"eval extract: --keep-models keeps the models of --cv --site-folds K only; the sets-left-out run keeps none"}
	}
	if *foldModels != "" && (*cv || *fit != "" || *modelFile != "") {
		return &UsageError{"eval extract: --fold-models scores with kept fold models: not with --cv, --fit or --model"}
	}
	if *goldKind && (*foldModels == "" || *siteTemplate || *text) {
		return &UsageError{"eval extract: --gold-kind scores HTML pages with --fold-models (without --site-template or --text)"}
	}
	if *refitKinds && (*foldModels == "" || *siteTemplate || *text) {
		return &UsageError{"eval extract: --refit-kinds refits the kinds of HTML --fold-models (without --site-template or --text)"}
	}
	if *comments && (*foldModels == "" || *siteTemplate) {
		return &UsageError{"eval extract: --comments scores with --fold-models (without --site-template)"}
	}
	if *showTemplate < 0 {
		return &UsageError{fmt.Sprintf("eval extract: --show-template %d: the number of pages to print is 0 or more", *showTemplate)}
	}
	if *showTemplate > 0 && (!*siteTemplate || *cv) {
		return &UsageError{"eval extract: --show-template needs --site-template, without --cv"}
	}
	if err := makeModelFolder(*keepModels); err != nil {
		return err
	}
	if *baseline != "" {
		return evalTextBaseline(e, dirs, *baseline, *text, *fit != "" || *cv)
	}
	given, err := givenLineThresholds(*lineThreshold, *lineBlend, *lineKinds)
	if err != nil {
		return err
	}
	opt := extract.FitOptions{Boost: boost(), OneStage: *oneStage, Lines: *lines || *text, UnitWeights: *unitWeights, BlankShare: *blankShare, BlankLevel: extract.WordBlank(*blankLevel)}
	switch {
	case *fit != "":
		if *text {
			return evalExtractFitLines(ctx, e, dirs, *fit, *modelFile, opt, *workers, given, *figures)
		}
		return evalExtractFit(ctx, e, dirs, *fit, *modelFile, opt, *workers, blockThresholds{*threshold, *articleThreshold, *firstStageArticles}, given, *figures, *splitShare)
	case *cv && *siteFolds > 1:
		return evalExtractSiteFolds(ctx, e, dirs, *text, opt, *workers, *siteFolds, *keepModels, *dropFirst, *unknownWords, *siteTemplate, *splitShare)
	case *cv:
		var sets []string
		if *leaveOut != "" {
			sets = strings.Split(*leaveOut, ",")
		}
		return evalExtractCV(ctx, e, dirs, *text, opt, *workers, sets, *dropFirst, *unknownWords, *siteTemplate, *splitShare)
	case *siteTemplate:
		return evalSiteTemplate(ctx, e, dirs, *text, *modelFile, *foldModels, *workers, *showTemplate)
	case *foldModels != "":
		return evalFoldModels(ctx, e, dirs, *text, *foldModels, *workers, foldModelReading{comments: *comments, goldKind: *goldKind, refitKinds: *refitKinds, seed: boost().Seed})
	}
	model := extract.DefaultModel()
	if *modelFile != "" {
		data, err := os.ReadFile(*modelFile)
		if err != nil {
			return err
		}
		if model, err = extract.LoadModel(data); err != nil {
			return fmt.Errorf("%s: %w", *modelFile, err)
		}
	}
	var all []eval.PageScore
	for _, dir := range dirs {
		rep, err := eval.RunExtraction(ctx, dir, *text, *workers, model)
		if err != nil {
			return err
		}
		e.report("set", rep)
		fmt.Fprintf(e.stdout, "%s: %d pages  F1 %.3f  precision %.3f  recall %.3f  | %.0f pages/s on one core (%.1f MB/s), %.0f pages/s on %d workers\n",
			rep.Set, rep.Pages, rep.F1, rep.Precision, rep.Recall, rep.OneCorePagesPerSec,
			rep.OneCorePagesPerSec*float64(rep.Bytes)/float64(max(1, rep.Pages))/1e6, rep.AllCoresPagesPerSec, rep.Workers)
		fmt.Fprintf(e.stdout, "  worst pages:")
		for _, w := range rep.Worst {
			fmt.Fprintf(e.stdout, " %s (F1 %.2f P %.2f R %.2f)", w.ID, w.F1, w.Precision, w.Recall)
		}
		fmt.Fprintln(e.stdout)
		printExtractionMetadata(e.stdout, dir, rep)
		for _, r := range rep.Results {
			all = append(all, r.PageScore)
		}
	}
	if len(dirs) > 1 {
		p, r, f1 := eval.CorpusScore(all)
		fmt.Fprintf(e.stdout, "pooled: %d pages  F1 %.3f  precision %.3f  recall %.3f\n", len(all), f1, p, r)
		e.report("pooled", map[string]any{"pages": len(all), "f1": f1, "precision": p, "recall": r})
	}
	fmt.Fprintln(e.stdout, "(in-sample where the embedded model was fitted on these sets: see --cv for held-out figures)")
	return nil
}

// extractBoostFlags adds the boosting options of `eval extract`'s block
// classifier (and, with --text or --lines, the text dumps' line classifier)
// to fs, and returns the function that reads them once fs is parsed. The page
// kind classifiers keep their own fixed options (extract.Fit). A zero value
// takes learn.BoostOptions' default.
func extractBoostFlags(fs *flag.FlagSet) func() learn.BoostOptions {
	const reach = " of the block classifier (and of the text dumps' line classifier with --text or --lines; not the page kind classifiers)"
	trees := fs.Int("trees", 0, "boosting rounds"+reach+" (default 200)")
	depth := fs.Int("depth", 0, "depth of the trees"+reach+" (default 6)")
	subsample := fs.Float64("subsample", 0, "share of rows each tree"+reach+" is fitted on (default 1)")
	rate := fs.Float64("rate", 0, "learning rate (shrinkage of every leaf)"+reach+" (default 0.1)")
	minLeaf := fs.Float64("min-leaf", 0, "least sum of hessians (about rows x p(1-p), in the fit's row weights) in a leaf"+reach+" (default 1)")
	l2 := fs.Float64("l2", 0, "L2 penalty on the leaf values"+reach+" (default 1)")
	featureSample := fs.Float64("feature-sample", 0, "share of the features each tree"+reach+" may split on (default 1)")
	bins := fs.Int("bins", 0, "most bins a feature is cut into"+reach+", at most 256 (default 64)")
	seed := fs.Int64("seed", 1, "seed of the row and feature draws (--subsample, --feature-sample) of the block and line classifiers' fits, to measure a figure's noise")
	return func() learn.BoostOptions {
		return learn.BoostOptions{Trees: *trees, Depth: *depth, LearningRate: *rate, MinLeaf: *minLeaf, L2: *l2,
			Subsample: *subsample, FeatureSample: *featureSample, Bins: *bins, Seed: *seed}
	}
}

// loadExtractionSets reads the pages of every set folder, HTML and/or text dumps.
func loadExtractionSets(dirs []string, html, text bool) ([]eval.LabelledPage, error) {
	var pages []eval.LabelledPage
	for _, dir := range dirs {
		for _, textMode := range []bool{false, true} {
			if textMode && !text || !textMode && !html {
				continue
			}
			ps, err := eval.LoadExtractionSet(dir, textMode)
			if err != nil {
				return nil, err
			}
			pages = append(pages, ps...)
		}
	}
	return pages, nil
}

// blockThresholds are the block thresholds a fit is given (--threshold,
// --article-threshold, --first-stage-article-threshold), 0 when not given.
type blockThresholds struct {
	threshold, article, firstStageArticle float64
}

// check refuses thresholds given without those they qualify.
func (b blockThresholds) check(oneStage bool) error {
	switch {
	case b.article > 0 && b.threshold <= 0:
		return &UsageError{"eval extract: --article-threshold needs --threshold"}
	case b.firstStageArticle > 0 && b.article <= 0:
		return &UsageError{"eval extract: --first-stage-article-threshold needs --article-threshold"}
	case b.firstStageArticle > 0 && oneStage:
		return &UsageError{"eval extract: --first-stage-article-threshold needs the second stage (not --one-stage)"}
	}
	return nil
}

// evalExtractFit fits a model on all pages of the sets and writes it.
func evalExtractFit(ctx context.Context, e env, dirs []string, out, baseFile string, opt extract.FitOptions, workers int, blocks blockThresholds, lines lineThresholds, heldOut string, splitShare float64) error {
	if err := blocks.check(opt.OneStage); err != nil {
		return err
	}
	pages, err := loadExtractionSets(dirs, true, true)
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := eval.FitExtraction(ctx, pages, opt, workers, splitShare)
	if err != nil {
		return err
	}
	m.Figures = fmt.Sprintf("fitted %s on %d pages (HTML and text dumps) of %s in %s", time.Now().UTC().Format("2006-01-02"),
		len(pages), strings.Join(setNames(dirs), ", "), time.Since(start).Round(time.Second))
	if splitShare > 0 {
		m.Figures += fmt.Sprintf(", with rebuilt copies of %.2f of the HTML article pages, their bodies split (--augment-split)", splitShare)
	}
	if blocks.threshold > 0 {
		m.Figures += fmt.Sprintf("; block thresholds given (chosen by eval extract --cv on out-of-fold probabilities) instead of the in-sample %.3f", m.Threshold)
		m.Threshold, m.ArticleThreshold, m.FirstStageArticleThreshold = blocks.threshold, blocks.article, blocks.firstStageArticle
	}
	if heldOut != "" {
		m.Figures += ". Held out: " + heldOut
	}
	if !opt.Lines {
		if m, err = keepDumpParts(m, baseFile); err != nil {
			return err
		}
	}
	if m.Lines != nil {
		m.Figures += lines.apply(m)
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := eval.WriteFileAtomic(out, data); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s\nblock threshold %.3f (articles %.3f; by the first stage alone %.3f, 0: both stages), line threshold %.3f (blended: article %.3f, other %.3f; 0: not blended), %d class words; wrote %s (%d bytes)\nblock features by gain: %s\n",
		m.Figures, m.Threshold, m.ArticleThreshold, m.FirstStageArticleThreshold, m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold, len(m.ClassWords), out, len(data), m.Importance(15))
	return nil
}

// loadBaseModel reads the model of file, the embedded one when "".
func loadBaseModel(file string) (*extract.Model, error) {
	if file == "" {
		return extract.DefaultModel(), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	m, err := extract.LoadModel(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}

// keepDumpParts puts the text-dump parts of the model of baseFile (the
// embedded one when "") in m, a refit of the HTML parts alone, so that
// refitting the HTML parts leaves the text dumps' classifiers as they were
// (even when the block features changed: only the dump parts are read).
func keepDumpParts(m *extract.Model, baseFile string) (*extract.Model, error) {
	data := extract.EmbeddedModelJSON()
	if baseFile != "" {
		var err error
		if data, err = os.ReadFile(baseFile); err != nil {
			return nil, err
		}
	}
	base, err := extract.LoadDumpParts(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmp.Or(baseFile, "embedded model"), err)
	}
	if base.Lines == nil {
		return m, nil
	}
	return m.WithDumpParts(base, extract.DumpFigures(base.Figures))
}

// evalExtractFitLines fits the text-dump parts of a model (the line
// classifier and the dumps' kind classifiers) on the sets' text dumps, puts
// them in the model of baseFile (the embedded one when "") in place of its
// own, and writes the result: the HTML parts stay as they were. (When the
// line features change, the embedded model no longer loads: give --model a
// copy of model.json without its "lines" key.)
func evalExtractFitLines(ctx context.Context, e env, dirs []string, out, baseFile string, opt extract.FitOptions, workers int, lines lineThresholds, heldOut string) error {
	base, err := loadBaseModel(baseFile)
	if err != nil {
		return err
	}
	pages, err := loadExtractionSets(dirs, false, true)
	if err != nil {
		return err
	}
	start := time.Now()
	opt.Lines = true
	lm, err := eval.FitExtraction(ctx, pages, opt, workers, 0) // text dumps: no HTML to rebuild
	if err != nil {
		return err
	}
	figures := fmt.Sprintf("text dumps: line classifier and dump kinds fitted %s on %d dumps of %s in %s", time.Now().UTC().Format("2006-01-02"),
		len(pages), strings.Join(setNames(dirs), ", "), time.Since(start).Round(time.Second))
	figures += lines.apply(lm)
	if heldOut != "" {
		figures += "; held out: " + heldOut
	}
	m, err := base.WithDumpParts(lm, figures)
	if err != nil {
		return err
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if _, err := extract.LoadModel(data); err != nil {
		return fmt.Errorf("the model with the new line classifier does not load: %w", err)
	}
	if err := eval.WriteFileAtomic(out, data); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s\nline threshold %.3f (blended: article %.3f, other %.3f; 0: not blended), %d dump kinds; wrote %s (%d bytes)\n",
		figures, m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold, len(m.DumpKinds), out, len(data))
	return nil
}

// lineThresholds are the text dumps' line thresholds given to --fit
// (--line-threshold, --line-blend) in place of the ones the fit chooses on
// its own dumps' in-sample probabilities, one 0: none given; and the
// thresholds by kind (--line-kind-thresholds), which the fit does not
// choose, nil: none given.
type lineThresholds struct {
	one, article, other float64
	kinds               map[string]float64
}

// givenLineThresholds reads --line-threshold, --line-blend ("A,O", the
// articles' and the other pages' thresholds, each in (0, 1)) and
// --line-kind-thresholds (parseLineKindThresholds).
func givenLineThresholds(one float64, blend, kinds string) (lineThresholds, error) {
	t := lineThresholds{one: one}
	var err error
	if t.kinds, err = parseLineKindThresholds(kinds); err != nil || blend == "" {
		return t, err
	}
	if one <= 0 {
		return t, &UsageError{"eval extract: --line-blend needs --line-threshold"}
	}
	a, o, ok := strings.Cut(blend, ",")
	if ok {
		if t.article, err = strconv.ParseFloat(strings.TrimSpace(a), 64); err == nil {
			t.other, err = strconv.ParseFloat(strings.TrimSpace(o), 64)
		}
	}
	if !ok || err != nil || !(t.article > 0 && t.article < 1) || !(t.other > 0 && t.other < 1) {
		return t, &UsageError{fmt.Sprintf("eval extract: --line-blend %q: want two thresholds in (0, 1), the articles' and the other pages', as \"0.4,0.3\"", blend)}
	}
	return t, nil
}

// apply puts the given thresholds in m (nothing when none were given) and
// returns what the model's figures say of them.
func (t lineThresholds) apply(m *extract.Model) string {
	note := t.applyOne(m)
	if t.kinds != nil {
		m.LineKindThresholds = t.kinds
		note += "; line thresholds by the dump's predicted kind given (chosen by eval extract --text --cv on out-of-fold probabilities): " + eval.FormatLineKindThresholds(t.kinds)
	}
	return note
}

// applyOne puts the given one threshold and blend in m, when given, and
// returns what the model's figures say of them.
func (t lineThresholds) applyOne(m *extract.Model) string {
	if t.one <= 0 {
		return ""
	}
	note := fmt.Sprintf("; line threshold given (chosen by eval extract --text --cv on out-of-fold probabilities) instead of the in-sample %.3f", m.LineThreshold)
	m.SetOneLineThreshold(t.one)
	if t.article <= 0 {
		return note + ", for dumps of every kind"
	}
	m.LineArticleThreshold, m.LineOtherThreshold = t.article, t.other
	return note + fmt.Sprintf(", and its blend by the article probability, article %.3f other %.3f", t.article, t.other)
}

// parseLineKindThresholds reads --line-kind-thresholds: "kind=T,kind=T",
// each kind one of extract.LineKinds once, each T in (0, 1); "" or "none"
// (what --cv prints when no kind gets one) gives nil.
func parseLineKindThresholds(s string) (map[string]float64, error) {
	if s = strings.TrimSpace(s); s == "" || s == "none" {
		return nil, nil
	}
	bad := func(why string) error {
		return &UsageError{fmt.Sprintf("eval extract: --line-kind-thresholds %q: %s; want \"kind=T,kind=T\" as --text --cv prints it", s, why)}
	}
	out := map[string]float64{}
	for part := range strings.SplitSeq(s, ",") {
		kind, value, ok := strings.Cut(part, "=")
		kind = strings.TrimSpace(kind)
		if !ok {
			return nil, bad(fmt.Sprintf("%q has no \"=\"", part))
		}
		if _, dup := out[kind]; dup {
			return nil, bad(fmt.Sprintf("kind %q given twice", kind))
		}
		th, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return nil, bad(fmt.Sprintf("%q is not a number", value))
		}
		out[kind] = th
	}
	if err := extract.CheckLineKindThresholds(out); err != nil {
		return nil, bad(err.Error())
	}
	return out, nil
}

func setNames(dirs []string) []string {
	var out []string
	for _, d := range dirs {
		out = append(out, filepath.Base(filepath.Clean(d)))
	}
	return out
}

// newsSets are the five older news and blog sets whose pooled score the
// issue's targets name.
var newsSets = []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos"}

// evalExtractCV prints the held-out figures: leave one set out, and wcxb's
// site-grouped folds, beside the peers' figures from the sets' READMEs.
func evalExtractCV(ctx context.Context, e env, dirs []string, text bool, opt extract.FitOptions, workers int, leaveOut []string, dropFirst, unknownWords, siteTemplate bool, splitShare float64) error {
	pages, err := loadExtractionSets(dirs, !text, text)
	if err != nil {
		return err
	}
	rep, err := eval.CrossValidateExtraction(ctx, pages, eval.CVOptions{Fit: opt, SiteFoldSet: "wcxb", Workers: workers, LeaveOut: leaveOut, DropFirstLine: dropFirst, UnknownWords: unknownWords, SiteTemplate: siteTemplate, SplitShare: splitShare,
		Progress: func(s string) { fmt.Fprintf(e.stderr, "%s: %s\n", time.Now().Format("15:04:05"), s) }})
	if err != nil {
		return err
	}
	e.report("cross-validation", rep)
	mode := "HTML"
	if text {
		mode = "text dumps"
	}
	fmt.Fprintf(e.stdout, "held-out shingle F1 (%s): each set scored by a model fitted on the others\n", mode)
	for _, f := range rep.LeaveOneSetOut {
		set := strings.TrimPrefix(f.Name, "leave out ")
		fmt.Fprintf(e.stdout, "%-16s %5d pages  F1 %.3f  P %.3f  R %.3f   %s\n", set, f.Pages, f.F1, f.Precision, f.Recall, eval.PeerFigures(set, text))
		printWorst(e, f)
	}
	news := eval.Pool("five news sets", rep.LeaveOneSetOut, newsSets...)
	fmt.Fprintf(e.stdout, "%-16s %5d pages  F1 %.3f  P %.3f  R %.3f   %s\n", "five news pooled", news.Pages, news.F1, news.Precision, news.Recall, eval.PeerFigures("five news sets pooled", text))
	all := pooledScores(rep.LeaveOneSetOut)
	p, r, f1 := eval.CorpusScore(all)
	fmt.Fprintf(e.stdout, "%-16s %5d pages  F1 %.3f  P %.3f  R %.3f\n", "all pooled", len(all), f1, p, r)
	if sf := rep.SiteFolds; sf != nil {
		fmt.Fprintf(e.stdout, "wcxb, 5 site-grouped folds (fitted on the other sets and the other folds):\n%-16s %5d pages  F1 %.3f  P %.3f  R %.3f   %s\n",
			"wcxb", sf.Pages, sf.F1, sf.Precision, sf.Recall, eval.PeerFigures("wcxb", text))
		for _, t := range slices.Sorted(maps.Keys(sf.Types)) {
			p, r, f1 := eval.CorpusScore(sf.Types[t])
			fmt.Fprintf(e.stdout, "  %-14s %5d pages  F1 %.3f  P %.3f  R %.3f  kind right %.0f%%\n", t, len(sf.Types[t]), f1, p, r,
				100*float64(sf.KindRight(t))/float64(max(1, len(sf.Types[t]))))
		}
		printKinds(e, *sf)
		printWorst(e, *sf)
	}
	for _, v := range rep.Variants {
		fmt.Fprintf(e.stdout, "the same models, %s:\n", v.Name)
		for _, f := range v.LeaveOneSetOut {
			fmt.Fprintf(e.stdout, "  %-16s F1 %.3f  P %.3f  R %.3f\n", strings.TrimPrefix(f.Name, "leave out "), f.F1, f.Precision, f.Recall)
		}
		news := eval.Pool("five news sets", v.LeaveOneSetOut, newsSets...)
		fmt.Fprintf(e.stdout, "  %-16s F1 %.3f  P %.3f  R %.3f\n", "five news pooled", news.F1, news.Precision, news.Recall)
		p, r, f1 := eval.CorpusScore(pooledScores(v.LeaveOneSetOut))
		fmt.Fprintf(e.stdout, "  %-16s F1 %.3f  P %.3f  R %.3f\n", "all pooled", f1, p, r)
		if sf := v.SiteFolds; sf != nil {
			fmt.Fprintf(e.stdout, "  %-16s F1 %.3f  P %.3f  R %.3f  (site-grouped folds)\n", "wcxb", sf.F1, sf.Precision, sf.Recall)
			for _, t := range slices.Sorted(maps.Keys(sf.Types)) {
				p, r, f1 := eval.CorpusScore(sf.Types[t])
				fmt.Fprintf(e.stdout, "    %-14s F1 %.3f  P %.3f  R %.3f\n", t, f1, p, r)
			}
		}
	}
	fmt.Fprintf(e.stdout, "thresholds chosen on every page's out-of-fold probabilities (for --fit): --threshold %.3f, or --threshold %.3f --article-threshold %.3f\n",
		rep.Threshold, rep.OtherThreshold, rep.ArticleThreshold)
	if text {
		fmt.Fprintf(e.stdout, "line threshold chosen on every dump's out-of-fold probabilities (for --fit; it replaces the blend by the article probability): --line-threshold %.3f\n", rep.LineThreshold)
		if rep.LineArticleThreshold > 0 {
			fmt.Fprintf(e.stdout, "line thresholds blended by the article probability, chosen on every dump's out-of-fold probabilities (for --fit): --line-threshold %.3f --line-blend %.3f,%.3f\n", rep.LineThreshold, rep.LineArticleThreshold, rep.LineOtherThreshold)
		}
		if rep.BoundedLineArticleThreshold > 0 {
			fmt.Fprintf(e.stdout, "line thresholds blended by the article probability, the pair bounded by a margin chosen out of fold, chosen on every dump's out-of-fold probabilities (for --fit): --line-threshold %.3f --line-blend %.3f,%.3f\n", rep.BoundedLineThreshold, rep.BoundedLineArticleThreshold, rep.BoundedLineOtherThreshold)
		}
		printLineKindThresholds(e, rep.Variants)
	}
	return nil
}

// printLineKindThresholds prints, for each variant of line thresholds by
// the dump's predicted kind, the thresholds chosen on every dump's
// out-of-fold probabilities, as --fit takes them.
func printLineKindThresholds(e env, variants []eval.CVVariant) {
	for _, v := range variants {
		if v.LineKindThresholds != nil {
			fmt.Fprintf(e.stdout, "%s, chosen on every dump's out-of-fold probabilities (for --fit): --line-kind-thresholds %s\n", v.Name, eval.FormatLineKindThresholds(v.LineKindThresholds))
		}
	}
}

// evalTextBaseline scores one of eval.TextBaselines on the sets' text dumps
// and prints it as a site-fold run's figures (a baseline fits nothing).
func evalTextBaseline(e env, dirs []string, name string, text, fitting bool) error {
	filter, ok := eval.TextBaselines[name]
	switch {
	case !ok:
		return &UsageError{fmt.Sprintf("eval extract: --baseline %q: the baselines are %s", name, strings.Join(slices.Sorted(maps.Keys(eval.TextBaselines)), ", "))}
	case !text:
		return &UsageError{"eval extract: --baseline scores text dumps: give --text"}
	case fitting:
		return &UsageError{"eval extract: --baseline fits nothing: not with --fit or --cv"}
	}
	pages, err := loadExtractionSets(dirs, false, true)
	if err != nil {
		return err
	}
	score := eval.ScoreTextBaseline(name, pages, filter)
	e.report("baseline", score)
	fmt.Fprintf(e.stdout, "shingle F1 of the text-dump baseline %s (nothing fitted):\n", name)
	printSiteFolds(e, score, false)
	return nil
}

// evalExtractSiteFolds prints the figures of eval.CrossValidateBySite: per
// set, the five news sets pooled, all pooled, and per wcxb page type.
func evalExtractSiteFolds(ctx context.Context, e env, dirs []string, text bool, opt extract.FitOptions, workers, k int, keepModels string, dropFirst, unknownWords, siteTemplate bool, splitShare float64) error {
	pages, err := loadExtractionSets(dirs, !text, text)
	if err != nil {
		return err
	}
	pooled, variants, err := eval.CrossValidateBySite(ctx, pages, eval.CVOptions{Fit: opt, Workers: workers, KeepModels: keepModels, DropFirstLine: dropFirst, UnknownWords: unknownWords, SiteTemplate: siteTemplate, SplitShare: splitShare,
		Progress: func(s string) { fmt.Fprintf(e.stderr, "%s: %s\n", time.Now().Format("15:04:05"), s) }}, k)
	if err != nil {
		return err
	}
	e.report("site folds", pooled)
	fmt.Fprintf(e.stdout, "held-out shingle F1: %d folds of sites over all the sets (each page scored by a model fitted on the other folds)\n", k)
	printSiteFolds(e, pooled, true)
	for _, v := range variants {
		e.report("site folds, "+v.Name, *v.SiteFolds)
		fmt.Fprintf(e.stdout, "the same folds, %s:\n", v.Name)
		printSiteFolds(e, *v.SiteFolds, false) // the kinds do not depend on the threshold variant
	}
	printLineKindThresholds(e, variants)
	return nil
}

// evalFoldModels prints `eval extract --fold-models DIR` without
// --site-template: every page of the sets scored by the kept model of its
// site fold (eval.ScoreByFoldModels), as the run that kept the models scored
// it, so that a change in how pages are read from the same fits (a rule over
// the probabilities) is measured held out without refitting; with --json,
// every page's figures. With comments, the pages keep readers' comments
// (news.Page.KeepComments). With goldKind, every page of a known kind is
// read as that kind (eval.GoldKindModelOf): the bound of a right kind call.
// With refitKinds, the models' page kind classifiers are refitted out of
// fold first (eval.RefitFoldKinds).
func evalFoldModels(ctx context.Context, e env, dirs []string, text bool, foldDir string, workers int, r foldModelReading) error {
	pages, modelOf, held, err := pagesAndModels(dirs, text, "", foldDir)
	if err != nil {
		return err
	}
	if r.refitKinds {
		if modelOf, err = refittedKindsModelOf(ctx, pages, foldDir, workers, r.seed); err != nil {
			return err
		}
		held += "; page kind classifiers refitted on the other folds' pages of the sets given"
	}
	comments, goldKind := r.comments, r.goldKind
	if goldKind {
		if modelOf, err = eval.GoldKindModelOf(pages, modelOf); err != nil {
			return err
		}
		held += "; every page of a known kind read as that kind (an upper bound, not a result)"
	}
	for i := range pages {
		pages[i].Page.KeepComments = comments
	}
	score := eval.ScoreByFoldModels(ctx, pages, workers, modelOf)
	if err := ctx.Err(); err != nil {
		return err
	}
	e.report("fold models", score)
	fmt.Fprintf(e.stdout, "shingle F1, %s\n", held)
	printSiteFolds(e, score, true)
	return nil
}

// foldModelReading is how evalFoldModels reads the pages with the kept
// models: with readers' comments, as their gold kind, with the kind
// classifiers refitted (with the fit's seed).
type foldModelReading struct {
	comments, goldKind, refitKinds bool
	seed                           int64
}

// refittedKindsModelOf loads the fold models of foldDir, refits their page
// kind classifiers out of fold on pages (eval.RefitFoldKinds), and returns
// each page's model.
func refittedKindsModelOf(ctx context.Context, pages []eval.LabelledPage, foldDir string, workers int, seed int64) (func(int) *extract.Model, error) {
	models, err := eval.LoadFoldModels(foldDir, false)
	if err != nil {
		return nil, err
	}
	if models, err = eval.RefitFoldKinds(ctx, pages, models, workers, seed); err != nil {
		return nil, err
	}
	return eval.FoldModelOf(pages, models), nil
}

// printSiteFolds prints a site-fold run's figures: per set, the five news
// sets pooled, all pooled, per wcxb page type, the kind confusion (when
// kinds), and the worst pages.
func printSiteFolds(e env, pooled eval.FoldScore, kinds bool) {
	bySet := pooled.BySet()
	line := func(name string, ss []eval.PageScore) {
		p, r, f1 := eval.CorpusScore(ss)
		fmt.Fprintf(e.stdout, "%-16s %5d pages  F1 %.3f  P %.3f  R %.3f\n", name, len(ss), f1, p, r)
	}
	var news []eval.PageScore
	for _, set := range slices.Sorted(maps.Keys(bySet)) {
		line(set, bySet[set])
		if slices.Contains(newsSets, set) {
			news = append(news, bySet[set]...)
		}
	}
	if len(news) > 0 {
		line("five news pooled", news)
	}
	line("all pooled", pooled.Scores)
	for _, t := range slices.Sorted(maps.Keys(pooled.Types)) {
		line("  wcxb "+t, pooled.Types[t])
	}
	if kinds {
		printKinds(e, pooled)
	}
	printWorst(e, pooled)
}

// printKinds prints the kind confusion of wcxb's page types: per type, how
// many of its pages the kind classifiers gave each kind.
func printKinds(e env, f eval.FoldScore) {
	for _, t := range slices.Sorted(maps.Keys(f.KindPred)) {
		n := 0
		for _, c := range f.KindPred[t] {
			n += c
		}
		fmt.Fprintf(e.stdout, "  kind of wcxb %-13s %4d pages, %3.0f%% right:", t, n, 100*float64(f.KindRight(t))/float64(max(1, n)))
		for _, k := range slices.Sorted(maps.Keys(f.KindPred[t])) {
			fmt.Fprintf(e.stdout, " %s %d", k, f.KindPred[t][k])
		}
		fmt.Fprintln(e.stdout)
	}
}

// pooledScores is the page scores of every fold, pooled.
func pooledScores(folds []eval.FoldScore) []eval.PageScore {
	var all []eval.PageScore
	for _, f := range folds {
		all = append(all, f.Scores...)
	}
	return all
}

// printWorst prints a fold's eight lowest-F1 pages.
func printWorst(e env, f eval.FoldScore) {
	fmt.Fprintf(e.stdout, "  worst:")
	for _, w := range f.Worst(8) {
		fmt.Fprintf(e.stdout, " %s (%.2f P %.2f R %.2f)", w.ID, w.F1, w.Precision, w.Recall)
	}
	fmt.Fprintln(e.stdout)
}

func evalDerive(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval derive", e)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &UsageError{"eval derive needs FILE.pairs.jsonl (text1 the source, text2 maybe derived from it)"}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rep, err := eval.RunDerivation(f)
		if err != nil {
			return err
		}
		e.report("file", rep)
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  precision %.3f  ROC-AUC %.3f (of the copied share)\n",
			rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.Precision, rep.AUC)
		for _, class := range slices.Sorted(maps.Keys(rep.Classes)) {
			c := rep.Classes[class]
			fmt.Fprintf(e.stdout, "  %-10s %3d pairs, %3d called derived\n", class, c[0], c[1])
		}
	}
	return nil
}

func evalPairs(ctx context.Context, e env, args []string) (err error) {
	defer func() { err = stoppedError("eval pairs", err) }()
	fs := newFlags("eval pairs", e)
	modeName := fs.String("mode", "paraphrase", "the decision: paraphrase (MSRP's sense) or fact (a common fact, the comparison's)")
	cv := fs.Int("cv", 0, "instead of the built-in model, K-fold cross-validate one fitted on the other folds (folds by story when the file has a cluster field)")
	loso := fs.Bool("loso", false, "instead of the built-in model, fit on all the files but one and score that one, for each file")
	fit := fs.Bool("fit", false, "fit a model on all the files and write it (see --out)")
	out := fs.String("out", "", "with --fit, the file to write the model to (default: stdout)")
	figures := fs.String("figures", "", "with --fit, the held-out figures to keep in the model file")
	learner := fs.String("learner", "logistic", "logistic or boosted")
	l2 := fs.Float64("l2", 1, "L2 penalty of the logistic regression")
	trees := fs.Int("trees", 0, "boosted: trees (default 200)")
	depth := fs.Int("depth", 0, "boosted: depth (default 6)")
	rate := fs.Float64("rate", 0, "boosted: learning rate (default 0.1)")
	minLeaf := fs.Float64("min-leaf", 0, "boosted: least hessian in a leaf (default 1)")
	subsample := fs.Float64("subsample", 0, "boosted: share of rows per tree (default 1)")
	precision := fs.Float64("precision", 0.85, "fact mode: the precision the threshold must reach on the pairs fitted on")
	lexicon := fs.Float64("lexicon", 0, "when above 0, fit learned word weights (TF-KLD) with this prior, in pseudo-pairs, into the model")
	also := fs.String("also", "", "with --cv, comma-separated pair files every fold also fits on (never scored)")
	extra := fs.String("extra", "", "with --cv or --loso, a JSON lines file of features measured outside storyline for every pair ({text1, text2, features: [numbers]}), fitted after the pair features: to measure a new signal held out before building it in")
	scoresOut := fs.String("scores", "", "write each scored pair's score and decision (held out under --cv and --loso) to this file as JSON lines, to read the errors by hand")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &UsageError{"eval pairs needs FILE.pairs.jsonl"}
	}
	mode, err := compare.ParseMode(*modeName)
	if err != nil {
		return &UsageError{err.Error()}
	}
	opt := eval.PairFit{Mode: mode, Learner: *learner, L2: *l2, Precision: *precision, LexiconPrior: *lexicon,
		Boost: learn.BoostOptions{Trees: *trees, Depth: *depth, LearningRate: *rate, MinLeaf: *minLeaf, Subsample: *subsample, Seed: 1}}
	if *also != "" {
		opt.Also = strings.Split(*also, ",")
	}
	if *extra != "" {
		if *cv <= 1 && !*loso {
			return &UsageError{"eval pairs --extra needs --cv or --loso: the built-in models and a kept model read the pair features only"}
		}
		if opt.Extra, err = eval.ReadExtraFeatures(*extra); err != nil {
			return err
		}
	}
	var scored []eval.PairsReport
	print := func(rep eval.PairsReport, how string) {
		scored = append(scored, rep)
		e.report(how, rep)
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  precision %.3f  recall %.3f  ROC-AUC %.3f  (%s)\n",
			rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.Precision, rep.Recall, rep.AUC, how)
	}
	switch {
	case *fit:
		m, err := eval.FitPairs(ctx, files, opt)
		if err != nil {
			return err
		}
		m.Figures = *figures
		b, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			return err
		}
		if *out == "" {
			_, err = e.stdout.Write(append(b, '\n'))
			return err
		}
		if err := eval.WriteFileAtomic(*out, append(b, '\n')); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s model (%s) fitted on %d files, threshold %.2f, written to %s\n", mode, *learner, len(files), m.Threshold, *out)
		return nil
	case *loso:
		if len(files) < 2 {
			return &UsageError{"eval pairs --loso needs two or more files"}
		}
		reps, err := eval.LeaveOneSetOut(ctx, files, opt)
		if err != nil {
			return err
		}
		for _, rep := range reps {
			print(rep, fmt.Sprintf("%s, %s fitted on the other %d files", mode, *learner, len(files)-1))
		}
		return writePairScores(*scoresOut, scored)
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if *cv > 1 {
			rep, err := eval.CrossValidatePairs(ctx, f, *cv, opt)
			if err != nil {
				return err
			}
			print(rep, fmt.Sprintf("%s, %s, %d-fold cross-validated", mode, *learner, *cv))
			continue
		}
		rep, err := eval.RunPairsMode(f, mode)
		if err != nil {
			return err
		}
		how := string(mode) + " mode, built-in model, held out"
		if rep.InSample {
			how = string(mode) + " mode, built-in model, IN-SAMPLE: fitted on this file"
		}
		print(rep, how)
	}
	return writePairScores(*scoresOut, scored)
}

// writePairScores writes each report's pairs, one JSON object a line with
// the report's file, to path (nothing when path is "").
func writePairScores(path string, reps []eval.PairsReport) error {
	if path == "" {
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, rep := range reps {
		for _, p := range rep.Scores {
			if err := enc.Encode(struct {
				File string `json:"file"`
				eval.PairScore
			}{rep.File, p}); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
