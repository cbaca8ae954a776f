package cli

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"slices"

	"github.com/storyline-news/storyline/internal/eval"
)

// evalEntities runs `storyline eval entities`: the document-level entity
// score on a NER file, cross-validated by document with --cv, or fits the
// model on the whole file with --fit.
func evalEntities(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval entities", e)
	cv := fs.Int("cv", 0, "instead of the embedded model, K-fold cross-validate (folds of documents) a model fitted on the other folds")
	fit := fs.Bool("fit", false, "fit the model on the whole file and write it to --out")
	out := fs.String("out", "", "with --fit, where to write the model (internal/compare/entity_model.json to embed it)")
	seed := fs.Int64("seed", 1, "the order in which the fitting visits the examples")
	errorsShown := fs.Int("errors", 0, "print this many unmatched names (FP: predicted, not gold; FN: gold, missed)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &UsageError{"eval entities needs FILE.ner.jsonl (text and gold entities with start, end, kind)"}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if *fit {
			if *out == "" {
				return &UsageError{"eval entities --fit needs --out FILE"}
			}
			rep, err := eval.RunEntities(f, 5, *seed)
			if err != nil {
				return err
			}
			r, err := eval.FitEntities(f, *seed)
			if err != nil {
				return err
			}
			r.SetNote(fmt.Sprintf("fitted on %s (%d documents), seed %d; 5-fold cross-validated by document there: F1 %.3f (P %.3f R %.3f)",
				f, rep.Docs, *seed, rep.All.F1, rep.All.P, rep.All.R))
			var b bytes.Buffer
			if err := r.WriteModel(&b); err != nil {
				return err
			}
			if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
				return fmt.Errorf("write the model: %w", err)
			}
			fmt.Fprintf(e.stdout, "%s: model written to %s (5-fold cross-validated F1 %.3f)\n", f, *out, rep.All.F1)
			continue
		}
		rep, err := eval.RunEntities(f, *cv, *seed)
		if err != nil {
			return err
		}
		e.report("file", rep)
		printEntityScores(e, rep)
		if rep.Unseen != nil {
			printEntityScores(e, *rep.Unseen)
		}
		for i, er := range rep.Errors {
			if i >= *errorsShown {
				break
			}
			fmt.Fprintf(e.stdout, "  %s %-6s %-30q %s\n", er.What, er.Kind, er.Name, er.Doc)
		}
	}
	return nil
}

// printEntityScores prints a report's overall and per-kind figures.
func printEntityScores(e env, rep eval.EntitiesReport) {
	fmt.Fprintf(e.stdout, "%s: %d documents, %s: F1 %.3f  P %.3f  R %.3f\n", rep.File, rep.Docs, rep.Protocol, rep.All.F1, rep.All.P, rep.All.R)
	for _, k := range slices.Sorted(maps.Keys(rep.ByKind)) {
		s := rep.ByKind[k]
		fmt.Fprintf(e.stdout, "  %-7s F1 %.3f  P %.3f  R %.3f  (%d predicted, %d right; %d gold, %d found)\n", k, s.F1, s.P, s.R, s.TP+s.FP, s.TP, s.Found+s.FN, s.Found)
	}
}
