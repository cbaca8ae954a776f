package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
)

// evalLinks measures the comparison's link decision on hand-labelled links:
// each set held out in turn (the fact score alone against a link model, each
// chosen and fitted on the other sets), and with --check the links of other
// files against a model fitted on all of them; --fit writes that model.
// --check without files scores the built-in model on the file's links (in
// sample when it is a file the model was fitted on, see builtinFittedOn).
func evalLinks(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval links", e)
	l2 := fs.Float64("l2", 1, "L2 penalty of the link model's logistic regression")
	check := fs.String("check", "", "a labelled links file never fitted on, scored by the model fitted on all the files")
	fit := fs.String("fit", "", "fit the link model on all the files and write it here (internal/compare/models/link.json is the embedded one)")
	figures := fs.String("figures", "", "with --fit, the held-out figures to keep in the model file")
	precision := fs.Float64("precision", compare.LinkPrecision, "the share of right links the fact score's cut is chosen for, on which the link model's threshold is set (the shipped model's: compare.LinkPrecision, which --check alone keeps)")
	bench := fs.String("bench", "../shared/bench/stories", "the folder of the bench files that labels naming their sentences (bench, story, article, index, hash) are read from")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if !(*precision > 0 && *precision <= 1) {
		return &UsageError{fmt.Sprintf("eval links --precision %v: want a share of right links over 0, at most 1", *precision)}
	}
	if len(files) == 0 && *check != "" && *precision != compare.LinkPrecision {
		// The built-in model's threshold was set for LinkPrecision: set
		// beside a fact score cut for another share, the two would be
		// compared at different shares of right links.
		return &UsageError{fmt.Sprintf("eval links --check alone scores the built-in link model, whose threshold is set for %v right (compare.LinkPrecision): --precision %v needs LABELS.tsv to fit a model for it", compare.LinkPrecision, *precision)}
	}
	if len(files) == 0 && *check == "" {
		return &UsageError{"eval links needs LABELS.tsv (bench, story, article_a, sentence_a, hash_a, article_b, sentence_b, hash_b, label, cause; or set, row, label, cause, story, sentence_a, sentence_b with the texts), or --check LABELS.tsv alone to score the built-in link model"}
	}
	print := func(f eval.LinkFigures, how string) {
		e.report(how, f)
		fmt.Fprintf(e.stdout, "%s: %d links  fact score from %.3f: %.1f%% right, %.1f%% of right kept  link model: %.1f%% right, %.1f%% of right kept  fact score at the model's right kept: %.1f%% right  ROC-AUC fact score %.3f, model %.3f  (%s)\n",
			f.Set, f.Links, f.Cut, 100*f.CutShown, 100*f.CutKept, 100*f.ModelShown, 100*f.ModelKept, 100*f.EqualShown, f.FactAUC, f.ModelAUC, how)
	}
	if len(files) == 0 {
		// The built-in model on labels it was not fitted on: each set
		// scored by it, the fact score's cut chosen on the other sets.
		test, err := eval.ReadLinkLabels(*check, *bench)
		if err != nil {
			return err
		}
		figs, err := eval.LinksBuiltinCheck(test, *precision)
		if err != nil {
			return fmt.Errorf("eval links --check %s: %w", *check, err)
		}
		how := "built-in model, fitted on other labels; fact score cut chosen on the other sets"
		if builtinFittedOn(*check) {
			how = "in sample: the built-in model was fitted on these labels; fact score cut chosen on the other sets"
		}
		for _, f := range figs {
			print(f, how)
		}
		return nil
	}
	var rows []eval.LinkRow
	for _, f := range files {
		rs, err := eval.ReadLinkLabels(f, *bench)
		if err != nil {
			return err
		}
		rows = append(rows, rs...)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	held, err := eval.LinksLeaveOneSetOut(rows, *l2, *precision)
	if err != nil {
		return fmt.Errorf("eval links %s: %w", strings.Join(files, " "), err)
	}
	for _, f := range held {
		print(f, "held out: chosen and fitted on the other sets")
	}
	m, err := eval.FitLinks(rows, *l2, *precision, files)
	if err != nil {
		return fmt.Errorf("eval links %s: %w", strings.Join(files, " "), err)
	}
	m.Figures = *figures
	cut := eval.FactCut(rows, *precision)
	print(eval.LinkCheck(rows, m, cut, "all"), "in sample")
	if *check != "" {
		test, err := eval.ReadLinkLabels(*check, *bench)
		if err != nil {
			return err
		}
		for _, set := range eval.LinkSets(test) {
			var rs []eval.LinkRow
			for _, r := range test {
				if r.Set == set {
					rs = append(rs, r)
				}
			}
			print(eval.LinkCheck(rs, m, cut, set), "never fitted on: "+*check)
		}
		print(eval.LinkCheck(test, m, cut, "all"), "never fitted on: "+*check)
	}
	if *fit != "" {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false) // the figures' arrows stay readable
		enc.SetIndent("", " ")
		if err := enc.Encode(m); err != nil {
			return err
		}
		return os.WriteFile(*fit, buf.Bytes(), 0o644)
	}
	return nil
}

// builtinFittedOn reports whether a labels file is one the built-in link
// model was fitted on (its fitted_on paths, relative to the repository's
// root, or the same file): the model's figures on it are in sample.
func builtinFittedOn(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	info, err := os.Stat(path)
	for _, f := range compare.BuiltinLinkModel().FittedOn {
		if fi, ferr := os.Stat(f); err == nil && ferr == nil && os.SameFile(info, fi) {
			return true
		}
		if c := filepath.Clean(f); abs == c || strings.HasSuffix(abs, string(filepath.Separator)+c) {
			return true
		}
	}
	return false
}
