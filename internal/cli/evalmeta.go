package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
)

// evalMeta scores the metadata of every page of each set folder (title,
// byline names, publication day, site, language) against its gold; with
// --loso, --cv or --fit it fits the metadata rankers instead (see
// evalMetaFit).
func evalMeta(ctx context.Context, e env, args []string) (err error) {
	defer func() { err = stoppedError("eval meta", err) }()
	fs := newFlags("eval meta", e)
	text := fs.Bool("text", false, "score the plain-text dumps (text/) instead of the HTML (html/)")
	noURL := fs.Bool("no-url", false, "give the extractor no page URL, as for a file that carries none")
	strip := fs.Bool("strip-meta", false, "read each page as a page of few signals: without its <meta>, <link> and <script> elements and without its URL; with --loso or --cv the rankers are still fitted on the pages as they are and score the held-out pages stripped (their candidates kept in the --cache file's name + \".strip\"); not with --fit, --days or --text")
	misses := fs.Int("misses", 0, "print up to this many disagreements with the gold per field")
	loso := fs.Bool("loso", false, "instead of the built-in model, score each set with rankers fitted on the other sets")
	cv := fs.Int("cv", 0, "instead of the built-in model, K-fold cross-validate the set --cv-set by site, fitting on the other folds and sets")
	cvSet := fs.String("cv-set", "wcxb", "with --cv, the set to split into folds")
	cvPartition := fs.Int("cv-partition", 0, "with --cv, deal the sites into the folds of this other partition (0: the usual folds), to see how far a figure moves with the folds alone")
	fit := fs.Bool("fit", false, "fit the rankers on all the sets and write the model (see --out)")
	out := fs.String("out", "", "with --fit, the file to write the model to (default: stdout)")
	figures := fs.String("figures", "", "with --fit, the held-out figures to keep in the model file")
	fields := fs.String("fields", "title,byline,date", "with --loso or --cv, the fields to fit and score (with --text: of the dumps); with --fit, given, the only rankers to refit (the others kept from --model), else every ranker of pages and dumps")
	model := fs.String("model", "", "with --fit --fields, the metadata model file whose other rankers are kept (default: the embedded model)")
	held := fs.String("held", "", "with --loso, hold out only these sets (comma-separated names; default: each set)")
	trees := fs.Int("trees", 0, "rankers: boosted trees (default 200)")
	depth := fs.Int("depth", 0, "rankers: tree depth (default 6)")
	rate := fs.Float64("rate", 0, "rankers: learning rate (default 0.1)")
	minLeaf := fs.Float64("min-leaf", 0, "rankers: least hessian in a leaf (default 1)")
	unlabelled := fs.Bool("unlabelled", true, "rankers: also fit bylines and dates on the pages whose gold has none (all their candidates wrong)")
	cache := fs.String("cache", "", "keep the pages' metadata candidates in this file between runs; read back only by the build that wrote it, for the same sets (a file another build wrote, or of other sets, is read again and written anew, said on stderr)")
	scoreCache := fs.String("score-cache", "", "with --loso or --cv, score the held-out pages on the candidates this other --cache file holds (another build's, of the same sets and features), the rankers still fitted on the pages' own: a change of the candidates measured with the fit held still; not with --fit, --text or --strip-meta")
	balance := fs.Bool("balance-sets", false, "rankers: weigh each set as much as any other")
	maxWrong := fs.Float64("max-wrong", 0, "choose the date thresholds (probability, share beside the runner-up day) that keep the most right dates with wrong dates within this share of the dated fitting pages, none taken when no threshold meets it (0: the thresholds of the best htmldate F)")
	wrongCost := fs.Float64("wrong-cost", 0, "choose the date thresholds (probability, share beside the runner-up day) that keep the most right dates less this many for each wrong one (0: the thresholds of the best htmldate F)")
	bags := fs.Int("bags", 0, "rankers: average this many boosted models, each fitted on a bootstrap resample of the fitting pages (0 or 1: one model on every page)")
	innerFolds := fs.Int("inner-folds", 0, "rankers: site-grouped folds of the fitting pages whose out-of-fold picks choose the byline and date thresholds (default 3)")
	countUndated := fs.Bool("count-undated", false, "with the F threshold, count dates given on pages whose gold has none as wrong")
	days := fs.String("days", "", "write the publication day the built-in model picks on every page (set, id, day; tab-separated, day empty when none) to this file, to compare page by page with another tool; reads --cache; not with --fit, --loso or --cv")
	picks := fs.String("picks", "", "with --loso or --cv, write each held-out page's pick of every field scored to this file, with its candidates, their probabilities and features (tab-separated; see eval.WritePicks), to read the misses")
	idRunsFlag := fs.String("id-runs", "", "with --loso or --cv, also print each held-out set's figures of every field scored by runs of its page ids (FIRST-LAST, comma-separated: 0001-0956,1054-3079,4001-4917 for wcxb, whose date gold follows two conventions by id; docs/measurements/metadata.md, \"Session 45\")")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return &UsageError{"eval meta needs a set folder (with ground-truth.json)"}
	}
	if *picks != "" && (*fit || !*loso && *cv <= 1) {
		return &UsageError{"eval meta --picks writes the picks of held-out pages: give --loso or --cv, and not --fit"}
	}
	var idRuns []eval.IDRun
	if *idRunsFlag != "" {
		if *fit || !*loso && *cv <= 1 {
			return &UsageError{"eval meta --id-runs counts the picks of held-out pages: give --loso or --cv, and not --fit"}
		}
		if idRuns, err = eval.ParseIDRuns(*idRunsFlag); err != nil {
			return &UsageError{"eval meta --id-runs: " + err.Error()}
		}
	}
	if *cvPartition < 0 {
		return &UsageError{fmt.Sprintf("eval meta --cv-partition %d: give 0 (the usual folds) or above", *cvPartition)}
	}
	if err := metaFlagError(fs, *fit, *maxWrong, *wrongCost, *innerFolds, *model); err != nil {
		return err
	}
	if *strip && (*fit || *days != "" || *text) {
		return &UsageError{"eval meta --strip-meta scores HTML pages stripped of their metadata: it does not combine with --fit, --days or --text"}
	}
	if *scoreCache != "" && (*fit || *text || *strip || !*loso && *cv <= 1) {
		return &UsageError{"eval meta --score-cache scores held-out HTML pages on other candidates: give --loso or --cv, and not --fit, --text or --strip-meta"}
	}
	if *days != "" {
		if *loso || *cv > 0 || *fit {
			return &UsageError{"eval meta --days scores the built-in model: it does not combine with --fit, --loso or --cv"}
		}
		return writePickedDays(ctx, e.stderr, dirs, *cache, *days)
	}
	if *loso || *cv > 0 || *fit {
		var fitFields []eval.MetaField
		for _, f := range strings.Split(*fields, ",") {
			if !slices.Contains(eval.MetaFields, eval.MetaField(f)) {
				return &UsageError{fmt.Sprintf("eval meta --fields: %q is not one of title, byline, date", f)}
			}
			if *text {
				f = "dump_" + f
			}
			fitFields = append(fitFields, eval.MetaField(f))
		}
		var base *extract.MetaModel
		if *fit {
			if base, err = fitBase(fs, *model, fitFields); err != nil {
				return err
			}
			if base == nil {
				fitFields = nil // every ranker
			}
		}
		var scoreOn map[string]extract.MetaCandidates
		scoreFrom := ""
		if *strip {
			if scoreOn, err = loadStrippedCandidates(ctx, e.stderr, dirs, *cache); err != nil {
				return err
			}
			scoreFrom = "eval meta --strip-meta: the stripped pages' candidates"
		}
		if *scoreCache != "" {
			if scoreOn, err = cachedCandidates(*scoreCache); err != nil {
				return err
			}
			scoreFrom = "eval meta --score-cache " + *scoreCache
		}
		opt := eval.MetaFit{ScoreOn: scoreOn, MaxWrongDates: *maxWrong, WrongCost: *wrongCost, InnerFolds: *innerFolds, CountUndated: *countUndated, BalanceSets: *balance, Unlabelled: *unlabelled, Bags: *bags, CVPartition: *cvPartition, RecordPicks: *picks != "" || idRuns != nil,
			Boost: learn.BoostOptions{Trees: *trees, Depth: *depth, LearningRate: *rate, MinLeaf: *minLeaf, Seed: 1}}
		return evalMetaFit(ctx, e, dirs, metaFitRun{text: *text, loso: *loso, cv: *cv, cvSet: *cvSet, fit: *fit, out: *out,
			figures: *figures, fields: fitFields, base: base, opt: opt, misses: *misses, held: *held, cache: *cache, scoreFrom: scoreFrom, picks: *picks, idRuns: idRuns})
	}
	for _, dir := range dirs {
		rep, err := eval.RunMetadata(ctx, dir, eval.MetadataOptions{Text: *text, NoURL: *noURL || *strip, StripMeta: *strip})
		if err != nil {
			return err
		}
		e.report("set", rep)
		PrintMetadata(e.stdout, rep, *misses)
	}
	return nil
}

// metaFlagError is the usage error of eval meta's flags that are out of
// range or do not go together, nil when there is none.
func metaFlagError(fs *flag.FlagSet, fit bool, maxWrong, wrongCost float64, innerFolds int, model string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	msg := ""
	switch {
	case wrongCost < 0:
		msg = fmt.Sprintf("eval meta --wrong-cost %v: a wrong date costs 0 or more right ones (0: htmldate's F)", wrongCost)
	case maxWrong < 0 || maxWrong > 1:
		msg = fmt.Sprintf("eval meta --max-wrong %v: a share of the dated pages, from 0 to 1", maxWrong)
	case wrongCost > 0 && maxWrong > 0:
		msg = "eval meta --wrong-cost and --max-wrong each choose the date thresholds: give one"
	case given["inner-folds"] && innerFolds < 2:
		msg = fmt.Sprintf("eval meta --inner-folds %d: give 2 folds or more", innerFolds)
	case model != "" && !fit:
		msg = "eval meta --model keeps the rankers a --fit does not refit: give --fit (--loso and --cv fit every ranker they score)"
	}
	if msg == "" {
		return nil
	}
	return &UsageError{msg}
}

// fitBase is the model whose rankers a --fit keeps: nil (refit every
// ranker) when --fields is not given, else the model file named, or the
// embedded model. Its rankers that fields refits need not be there or
// valid (their features may have changed since they were fitted); the
// others must.
func fitBase(fs *flag.FlagSet, file string, fields []eval.MetaField) (*extract.MetaModel, error) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "fields" })
	if !given {
		if file != "" {
			return nil, &UsageError{"eval meta --model keeps the rankers --fields does not name: give --fields"}
		}
		return nil, nil
	}
	b := extract.EmbeddedMetaModel()
	if file != "" {
		var err error
		if b, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("eval meta --model: %w", err)
		}
	}
	var m extract.MetaModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("eval meta --model %s: %w", cmp.Or(file, "(embedded)"), err)
	}
	// The rankers refitted are taken out before the others are checked:
	// their features may have changed since they were fitted.
	for _, f := range append(slices.Clone(eval.MetaFields), eval.DumpFields...) {
		switch r := eval.ModelRanker(&m, f); {
		case slices.Contains(fields, f):
			*r = nil
		case *r == nil:
			return nil, fmt.Errorf("eval meta --model %s: no %s ranker", cmp.Or(file, "(embedded)"), f)
		}
	}
	if err := m.ValidatePresent(); err != nil {
		return nil, fmt.Errorf("eval meta --model %s: %w", cmp.Or(file, "(embedded)"), err)
	}
	return &m, nil
}

// writePickedDays writes the day the built-in date ranker picks on every
// page of the sets to the file out, one "set\tid\tday" line a page. The
// file is created first, so that a path that cannot be written fails
// before the pages are read.
func writePickedDays(ctx context.Context, stderr io.Writer, dirs []string, cache, out string) (err error) {
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("eval meta --days: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("eval meta --days: %w", cerr)
		}
	}()
	pages, err := loadMetaPages(ctx, stderr, dirs, cache, false)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, d := range eval.PickedDays(pages, extract.DefaultMetaModel().Date) {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", d.Set, d.ID, d.Day)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		return fmt.Errorf("eval meta --days: %w", err)
	}
	return nil
}

// PrintMetadata writes a metadata report: one line of figures, the figures
// by page type where the set has types, and up to misses disagreements per
// field.
func PrintMetadata(w io.Writer, rep eval.MetadataReport, misses int) {
	fmt.Fprintf(w, "%s metadata: %d pages  title exact %s (typography folded %s)  byline names P %.3f R %.3f F1 %.3f (%d pages; all names right %s; bylines on pages without %s)\n",
		rep.Set, rep.Pages, rep.Title, rep.TitleTypo, rep.NameP(), rep.NameR(), rep.NameF1(), rep.BylinePages, rep.BylineExact, rep.Spurious)
	fmt.Fprintf(w, "  date exact day %s  wrong %s  missing %s  htmldate F %.3f (P %.3f R %.3f)  site non-empty %s  site exact %s  lang %s\n",
		rep.DateExact, rep.DateWrong, rep.DateMissing, rep.DateF, rep.DateP, rep.DateR, rep.SiteNonEmpty, rep.SiteExact, rep.Lang)
	for _, typ := range slices.Sorted(maps.Keys(rep.TitleByType)) {
		fmt.Fprintf(w, "  %-14s title %s", typ, *rep.TitleByType[typ])
		if c := rep.NameF1ByTypeCounts[typ]; c != nil {
			p, r := float64(c[0])/float64(max(1, c[0]+c[1])), float64(c[0])/float64(max(1, c[0]+c[2]))
			fmt.Fprintf(w, "  byline F1 %.3f", eval.F1(p, r))
		}
		if c := rep.DateExactByType[typ]; c != nil {
			fmt.Fprintf(w, "  date exact %s", *c)
		}
		fmt.Fprintln(w)
	}
	if misses <= 0 {
		return
	}
	shown := map[string]int{}
	for _, m := range rep.Misses {
		if shown[m.Field] >= misses {
			continue
		}
		shown[m.Field]++
		fmt.Fprintf(w, "  miss %-8s %-28s gold %q got %q\n", m.Field, m.ID, m.Gold, m.Got)
	}
}

// printExtractionMetadata prints the metadata report of an extraction run
// when the set's gold has metadata to score.
func printExtractionMetadata(w io.Writer, dir string, rep eval.ExtractionReport) {
	gold, err := eval.ReadGoldMeta(dir)
	if err != nil || !eval.HasMetadata(gold) {
		return
	}
	PrintMetadata(w, eval.ScoreMetadata(rep.Set, gold, rep.Articles), 0)
}

// metaFitRun is what evalMetaFit is asked to do.
type metaFitRun struct {
	text         bool // score the dump rankers
	loso         bool
	cv           int
	cvSet        string
	fit          bool
	out, figures string
	fields       []eval.MetaField
	base         *extract.MetaModel // with fit: the model whose rankers not in fields are kept (nil: fit all)
	opt          eval.MetaFit
	misses       int
	held         string       // sets to hold out with --loso, comma-separated; "" all
	cache        string       // file keeping the pages' candidates between runs
	scoreFrom    string       // with opt.ScoreOn: where it was read, for the error when it lacks a held-out page
	picks        string       // file to write the held-out picks to (opt.RecordPicks), "" none
	idRuns       []eval.IDRun // runs of page ids to print the held-out figures of (opt.RecordPicks), nil none
}

// evalMetaFit reads the sets' metadata candidates once, then scores them
// held out (--loso, --cv) or fits the model to embed (--fit).
func evalMetaFit(ctx context.Context, e env, dirs []string, run metaFitRun) error {
	start := time.Now()
	pages, err := loadMetaPages(ctx, e.stderr, dirs, run.cache, run.text || run.fit && (run.base == nil || slices.ContainsFunc(run.fields, eval.MetaField.Dump)))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "read the metadata candidates of %d pages in %s\n", len(pages), time.Since(start).Round(time.Second))
	if err := scoreOnCovers(pages, run.heldSets(pages), run.opt.ScoreOn, run.scoreFrom); err != nil {
		return err
	}
	if err := scoreOnFeatureWidths(pages, run.opt.ScoreOn, run.scoreFrom); err != nil {
		return err
	}
	if run.fit {
		m, err := eval.FitMetaModel(ctx, pages, run.fields, run.base, run.opt)
		if err != nil {
			return err
		}
		if run.figures != "" || run.base == nil {
			m.Figures = run.figures
		}
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if run.out == "" {
			_, err = e.stdout.Write(append(b, '\n'))
			return err
		}
		if err := eval.WriteFileAtomic(run.out, append(b, '\n')); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "metadata model fitted on %d pages (%s); thresholds byline %.3f date %.3f; written to %s\n",
			len(pages), strings.Join(m.Title.FittedOn, ", "), m.Byline.Threshold, m.Date.Threshold, run.out)
		return nil
	}
	var reps []eval.MetaHeldOut
	if run.loso {
		var held []string
		if run.held != "" {
			held = strings.Split(run.held, ",")
		}
		r, err := eval.LeaveOneSetOutMeta(ctx, pages, held, run.fields, run.opt)
		if err != nil {
			return err
		}
		reps = append(reps, r...)
	}
	if run.cv > 1 {
		r, err := eval.CrossValidateMeta(ctx, pages, run.cvSet, run.cv, run.fields, run.opt)
		if err != nil {
			return err
		}
		reps = append(reps, r)
	}
	pages = run.opt.Scored(pages) // the candidates the held-out pages were scored on
	for _, r := range reps {
		var reach []string
		for _, f := range run.fields {
			reach = append(reach, fmt.Sprintf("%s %s", f, eval.Reachable(pages, r.Set, f)))
		}
		fmt.Fprintf(e.stdout, "HELD OUT %s (%s); candidates hold the gold: %s\n", r.Set, r.How, strings.Join(reach, ", "))
		PrintMetadata(e.stdout, r.Report, run.misses)
		if slices.Contains(run.fields, eval.FieldTitle) {
			fmt.Fprintf(e.stdout, "  title exact on the pages that show their gold title (a heading or a visible text): %s\n", eval.ShownTitles(pages, r))
		}
		a := r.Always
		fmt.Fprintf(e.stdout, "  without thresholds: byline names P %.3f R %.3f F1 %.3f; date exact %s wrong %s missing %s\n",
			a.NameP(), a.NameR(), a.NameF1(), a.DateExact, a.DateWrong, a.DateMissing)
		for _, f := range run.fields {
			k := eval.ClassifyMisses(pages, r, f)
			fmt.Fprintf(e.stdout, "  %s misses: %d typography only, %d gold not among the candidates, %d ranked wrong", f, k.Typography, k.NotOffered, k.Ranked)
			if f == eval.FieldTitle {
				fmt.Fprintf(e.stdout, " (%d the pick holds the gold and more, %d the gold holds the pick and more, %d a heading against a meta or <title> title)",
					k.Longer, k.Shorter, k.HeadVsTitle)
			}
			if run.misses > 0 {
				fmt.Fprintf(e.stdout, " (%s)", strings.Join(k.RankedIDs[:min(len(k.RankedIDs), run.misses)], " "))
			}
			fmt.Fprintln(e.stdout)
		}
		printIDRuns(e.stdout, r, run.fields, run.idRuns)
	}
	if run.picks != "" { // after the figures, which a file that cannot be written must not cost
		return writeHeldOutPicks(run.picks, reps)
	}
	return nil
}

// printIDRuns prints, for each run of page ids that holds a page of the
// held-out set, each field's right, wrong and missing picks with their
// shares of the pages the gold gives a value, and the picks where it gives
// none (extra): the figure of one annotation convention at a time.
func printIDRuns(w io.Writer, r eval.MetaHeldOut, fields []eval.MetaField, runs []eval.IDRun) {
	for _, run := range runs {
		for _, f := range fields {
			o := eval.CountPicks(r.Picks, r.Set, f, run)
			if o.Gold()+o.Extra+o.None == 0 {
				continue
			}
			share := func(n int) string { return eval.Count{N: n, Of: o.Gold()}.String() }
			fmt.Fprintf(w, "  ids %s: %s right %s wrong %s missing %s, extra %d (of %d pages without a gold %s)\n",
				run, f, share(o.Right), share(o.Wrong), share(o.Missing), o.Extra, o.Extra+o.None, f)
		}
	}
}

// writeHeldOutPicks writes the picks of every held-out run to file, whole
// or not at all.
func writeHeldOutPicks(file string, reps []eval.MetaHeldOut) error {
	var b bytes.Buffer
	for _, r := range reps {
		if err := eval.WritePicks(&b, r.Picks); err != nil {
			return err
		}
	}
	if err := eval.WriteFileAtomic(file, b.Bytes()); err != nil {
		return fmt.Errorf("eval meta --picks %s: %w", file, err)
	}
	return nil
}

// loadMetaPages reads the sets' metadata candidates, from the cache file
// when this build wrote it (and writes it when it does not exist or another
// build wrote it, saying so on stderr).
func loadMetaPages(ctx context.Context, stderr io.Writer, dirs []string, cache string, dumps bool) ([]eval.MetaPage, error) {
	withDumps := cacheContents("HTML pages and text dumps", dirs)
	holds, accept := withDumps, []string{withDumps}
	if !dumps {
		holds = cacheContents("HTML pages", dirs)
		accept = append(accept, holds) // a file that also holds the dumps' candidates will do
	}
	return gobCached(cache, holds, writtenByThisBuild(stderr, cache, accept...), func() ([]eval.MetaPage, error) { return eval.LoadMetaPages(ctx, dirs, dumps) })
}

// heldSets are the sets whose pages the run scores held out: with --loso
// those of --held (every set of the pages when none is named), with --cv
// the --cv-set.
func (run metaFitRun) heldSets(pages []eval.MetaPage) map[string]bool {
	out := map[string]bool{}
	if run.loso {
		for _, p := range pages {
			out[p.Set] = run.held == "" || slices.Contains(strings.Split(run.held, ","), p.Set)
		}
	}
	if run.cv > 1 {
		out[run.cvSet] = true
	}
	return out
}

// scoreOnCovers is an error naming from when the candidates the held-out
// pages are to be scored on (scoreOn, nil when they keep their own) lack
// a page of a held-out set: MetaFit.Scored would score that page with no
// candidate at all, a miss the figures would count against the change
// measured (a --score-cache file of other sets, or of the sets as they
// were when it was written). Pages of sets not held out need none.
func scoreOnCovers(pages []eval.MetaPage, held map[string]bool, scoreOn map[string]extract.MetaCandidates, from string) error {
	if scoreOn == nil {
		return nil
	}
	var missing []string
	heldPages := 0
	for _, p := range pages {
		if !held[p.Set] {
			continue
		}
		heldPages++
		if _, ok := scoreOn[eval.PageKey(p.Set, p.ID)]; !ok {
			missing = append(missing, eval.PageKey(p.Set, p.ID))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	const named = 3 // the pages the error names: enough to tell which set or pages the file lacks
	shown := strings.Join(missing[:min(named, len(missing))], ", ")
	if len(missing) > named {
		shown += ", ..."
	}
	return fmt.Errorf("%s: no candidates for %d of the %d held-out pages (%s): it was written from other sets or pages than the --cache file's; write both from the same sets",
		from, len(missing), heldPages, shown)
}

// scoreOnFeatureWidths is an error naming from when the candidates the
// held-out pages are to be scored on (scoreOn) have another number of
// features for a field than the pages' own, which the rankers are fitted
// on: a build that added or dropped a feature. Its rows would be read
// against the fitted trees' feature numbers, a panic when shorter and a
// silent misreading when longer. (A build that reorders features of the
// same number is not caught.)
func scoreOnFeatureWidths(pages []eval.MetaPage, scoreOn map[string]extract.MetaCandidates, from string) error {
	if scoreOn == nil {
		return nil
	}
	fields := []struct {
		name string
		of   func(extract.MetaCandidates) []extract.MetaCandidate
	}{
		{"title", func(c extract.MetaCandidates) []extract.MetaCandidate { return c.Title }},
		{"byline", func(c extract.MetaCandidates) []extract.MetaCandidate { return c.Byline }},
		{"date", func(c extract.MetaCandidates) []extract.MetaCandidate { return c.Date }},
	}
	for _, f := range fields {
		own := -1 // the features of the field's candidates in the pages' own, -1 until one is seen
		for _, p := range pages {
			if cs := f.of(p.Cands); len(cs) > 0 {
				own = len(cs[0].Features)
				break
			}
		}
		if own < 0 {
			continue
		}
		for _, p := range pages {
			for _, c := range f.of(scoreOn[eval.PageKey(p.Set, p.ID)]) {
				if len(c.Features) != own {
					return fmt.Errorf("%s: page %s's %s candidates have %d features, the --cache file's %d: written by a build with other features, which needs the rankers refitted (run without --score-cache)",
						from, eval.PageKey(p.Set, p.ID), f.name, len(c.Features), own)
				}
			}
		}
	}
	return nil
}

// loadStrippedCandidates reads the candidates of the sets' pages stripped
// of their metadata (eval.LoadStrippedMetaCandidates), from the file
// cache + ".strip" when it exists (and writes it when it does not; no file
// when cache is "").
func loadStrippedCandidates(ctx context.Context, stderr io.Writer, dirs []string, cache string) (map[string]extract.MetaCandidates, error) {
	file := ""
	if cache != "" {
		file = cache + ".strip"
	}
	holds := cacheContents("HTML pages stripped of meta, link and script elements and of their URL", dirs)
	return gobCached(file, holds, writtenByThisBuild(stderr, file, holds), func() (map[string]extract.MetaCandidates, error) { return eval.LoadStrippedMetaCandidates(ctx, dirs) })
}

// cachedCandidates reads the pages' candidates of a --cache file another
// run wrote, by eval.PageKey; the file must exist.
func cachedCandidates(file string) (map[string]extract.MetaCandidates, error) {
	info, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("eval meta --score-cache: %w", err)
	}
	if info.Size() == 0 {
		return nil, fmt.Errorf("eval meta --score-cache: %s is empty: not a --cache file another run wrote", file)
	}
	pages, err := gobCached(file, "", writtenByAnyBuild, func() ([]eval.MetaPage, error) { return nil, nil })
	if err != nil {
		return nil, fmt.Errorf("eval meta --score-cache: %w", err)
	}
	out := make(map[string]extract.MetaCandidates, len(pages))
	for _, p := range pages {
		out[eval.PageKey(p.Set, p.ID)] = p.Cands
	}
	return out, nil
}
