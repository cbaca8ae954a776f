package cli

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
)

func runEval(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return &UsageError{"eval needs extract, cluster, pairs, derive, load or ingest"}
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
	}
	return &UsageError{fmt.Sprintf("eval %q: use extract, cluster, pairs, derive, load or ingest", args[0])}
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
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  ROC-AUC %.3f  (threshold %.2f; the best accuracy would be at %.2f)\n",
			rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.AUC, cluster.DerivationThreshold, rep.BestThreshold)
	}
	return nil
}

func evalPairs(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval pairs", e)
	cv := fs.Int("cv", 0, "instead of the built-in model, K-fold cross-validate one fitted on the file's other folds")
	fit := fs.Bool("fit", false, "fit the model on the whole file and print its weights for compare.Similarity")
	l2 := fs.Float64("l2", 1, "L2 penalty when fitting")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &UsageError{"eval pairs needs FILE.pairs.jsonl"}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if *fit {
			m, threshold, err := eval.FitPairs(f, *l2)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: bias %.4f, threshold %.2f\n", f, m.Bias, threshold)
			for i, w := range m.Weights {
				fmt.Fprintf(e.stdout, "  %-18s %8.4f\n", compare.FeatureNames[i], w)
			}
			fmt.Fprintf(e.stdout, "Go: pairWeights = [...]float64{%s}, pairBias = %.4f\n", joinFloats(m.Weights), m.Bias)
			continue
		}
		var rep eval.PairsReport
		if *cv > 1 {
			rep, err = eval.CrossValidate(f, *cv, *l2)
		} else {
			rep, err = eval.RunPairs(f)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %d pairs  accuracy %.3f  F1 %.3f  ROC-AUC %.3f", rep.File, rep.Pairs, rep.Accuracy, rep.F1, rep.AUC)
		if *cv > 1 {
			fmt.Fprintf(e.stdout, "  (%d-fold cross-validated)\n", *cv)
		} else {
			fmt.Fprintf(e.stdout, "  (best F1 %.3f at threshold %.2f)\n", rep.BestF1, rep.BestThreshold)
		}
	}
	return nil
}

func joinFloats(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.4f", x)
	}
	return strings.Join(parts, ", ")
}
