package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/learn"
)

func runEval(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return &UsageError{"eval needs extract, meta, cluster, pairs, derive, entities, quotes, load or ingest"}
	}
	switch args[0] {
	case "extract":
		return evalExtract(ctx, e, args[1:])
	case "cluster":
		return evalCluster(ctx, e, args[1:])
	case "pairs":
		return evalPairs(ctx, e, args[1:])
	case "load":
		return evalLoad(ctx, e, args[1:])
	case "derive":
		return evalDerive(ctx, e, args[1:])
	case "ingest":
		return evalIngest(ctx, e, args[1:])
	case "meta":
		return evalMeta(ctx, e, args[1:])
	case "entities":
		return evalEntities(ctx, e, args[1:])
	case "quotes":
		return evalQuotes(ctx, e, args[1:])
	}
	return &UsageError{fmt.Sprintf("eval %q: use extract, meta, cluster, pairs, derive, entities, quotes, load or ingest", args[0])}
}

func evalExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval extract", e)
	text := fs.Bool("text", false, "score the plain-text dumps (text/) instead of the HTML (html/)")
	workers := fs.Int("workers", runtime.NumCPU(), "workers for the all-cores speed")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return &UsageError{"eval extract needs a set folder (with ground-truth.json)"}
	}
	var all []eval.PageScore
	for _, dir := range dirs {
		rep, err := eval.RunExtraction(ctx, dir, *text, *workers)
		if err != nil {
			return err
		}
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
	}
	return nil
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
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  precision %.3f  ROC-AUC %.3f (of the copied share)\n",
			rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.Precision, rep.AUC)
		for _, class := range slices.Sorted(maps.Keys(rep.Classes)) {
			c := rep.Classes[class]
			fmt.Fprintf(e.stdout, "  %-10s %3d pairs, %3d called derived\n", class, c[0], c[1])
		}
	}
	return nil
}

func evalPairs(ctx context.Context, e env, args []string) error {
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
	print := func(rep eval.PairsReport, how string) {
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  precision %.3f  recall %.3f  ROC-AUC %.3f  (%s)\n",
			rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.Precision, rep.Recall, rep.AUC, how)
	}
	switch {
	case *fit:
		m, err := eval.FitPairs(files, opt)
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
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s model (%s) fitted on %d files, threshold %.2f, written to %s\n", mode, *learner, len(files), m.Threshold, *out)
		return nil
	case *loso:
		if len(files) < 2 {
			return &UsageError{"eval pairs --loso needs two or more files"}
		}
		reps, err := eval.LeaveOneSetOut(files, opt)
		if err != nil {
			return err
		}
		for _, rep := range reps {
			print(rep, fmt.Sprintf("%s, %s fitted on the other %d files", mode, *learner, len(files)-1))
		}
		return nil
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if *cv > 1 {
			rep, err := eval.CrossValidatePairs(f, *cv, opt)
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
	return nil
}
