package cli

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// evalSiteTemplate prints `eval extract --site-template` without --cv: every
// page of the sets extracted alone and with the site template its host's
// other pages in its set teach (eval.SiteTemplates), by the embedded model,
// the model of modelFile, or (foldDir) each page's site-fold model, which
// gives held-out figures. Per set, all its pages and those with host peers
// apart; then the show pages the template changes most.
func evalSiteTemplate(ctx context.Context, e env, dirs []string, text bool, modelFile, foldDir string, workers, show int) error {
	pages, modelOf, held, err := pagesAndModels(dirs, text, modelFile, foldDir)
	if err != nil {
		return err
	}
	rep := eval.CompareSiteTemplates(ctx, pages, workers, modelOf)
	if err := ctx.Err(); err != nil {
		return err
	}
	e.report("site template", rep)
	fmt.Fprintf(e.stdout, "shingle F1 of every page alone -> with the site template its host's other pages in its set teach (%s)\n", held)
	printTemplateFigures(e, rep, nil, "all pages")
	printTemplateFigures(e, rep, rep.WithPeers, "pages whose site taught a template (two other pages or more)")
	printTemplateChanges(e, rep, show)
	return nil
}

// templateModels returns the model of each page for evalSiteTemplate and
// says whether its figures are held out.
func templateModels(pages []eval.LabelledPage, text bool, modelFile, foldDir string) (func(int) *extract.Model, string, error) {
	if foldDir != "" {
		models, err := eval.LoadFoldModels(foldDir, text)
		if err != nil {
			return nil, "", err
		}
		held := fmt.Sprintf("held out: each page by the model of its site fold of %d in %s", len(models), foldDir)
		if n := markupDumps(pages); text && n > 0 {
			sources := fmt.Sprintf("%d dumps are HTML sources", n)
			if n == 1 {
				sources = "1 dump is an HTML source"
			}
			held += "; " + sources + ", read as HTML by the embedded model's HTML parts (a text fold model keeps no other): in sample where it was fitted on these sets"
		}
		return eval.FoldModelOf(pages, models), held, nil
	}
	m, err := loadBaseModel(modelFile)
	if err != nil {
		return nil, "", err
	}
	return func(int) *extract.Model { return m }, "in-sample where the model was fitted on these sets: give --fold-models for held-out figures", nil
}

// pagesAndModels loads the sets' pages (their text dumps with text, else
// their HTML) and the model each is scored with (templateModels).
func pagesAndModels(dirs []string, text bool, modelFile, foldDir string) ([]eval.LabelledPage, func(int) *extract.Model, string, error) {
	pages, err := loadExtractionSets(dirs, !text, text)
	if err != nil {
		return nil, nil, "", err
	}
	modelOf, held, err := templateModels(pages, text, modelFile, foldDir)
	return pages, modelOf, held, err
}

// markupDumps counts the pages whose text dump is an HTML source, which
// extraction reads as HTML (extract.IsMarkupDump).
func markupDumps(pages []eval.LabelledPage) int {
	n := 0
	for _, p := range pages {
		if p.Page.Kind == news.KindText && extract.IsMarkupDump(p.Page.Body) {
			n++
		}
	}
	return n
}

// printTemplateFigures prints per set (and pooled) the F1, precision and
// recall of the pages where keep is true (nil: all), alone and with the
// template.
func printTemplateFigures(e env, rep eval.TemplateReport, keep []bool, title string) {
	alone, with := eval.SetFigures(rep.Alone, keep), eval.SetFigures(rep.WithTemplate, keep)
	pages := map[string]int{}
	for i, r := range rep.Alone.Results {
		if keep == nil || keep[i] {
			set, _, _ := strings.Cut(r.ID, "/")
			pages[set]++
			pages["all pooled"]++
			if slices.Contains(newsSets, set) {
				pages["five news pooled"]++
			}
		}
	}
	fmt.Fprintf(e.stdout, "%s:\n", title)
	names := slices.DeleteFunc(slices.Sorted(maps.Keys(alone)), func(s string) bool { return s == "five news pooled" || s == "all pooled" })
	for _, s := range append(names, "five news pooled", "all pooled") {
		a, ok := alone[s]
		if !ok {
			continue
		}
		w := with[s]
		fmt.Fprintf(e.stdout, "  %-16s %5d pages  F1 %.4f -> %.4f (%+.4f)  P %.4f -> %.4f  R %.4f -> %.4f\n", s, pages[s], a[0], w[0], w[0]-a[0], a[1], w[1], a[2], w[2])
	}
}

// printTemplateChanges prints how many pages the template changed, up and
// down, and the n it changed most with their removed (-) and added (+)
// paragraphs, "gold" where the gold holds the paragraph.
func printTemplateChanges(e env, rep eval.TemplateReport, n int) {
	up, down, level := 0, 0, 0
	for _, c := range rep.Changes {
		switch {
		case c.Template > c.Alone:
			up++
		case c.Template < c.Alone:
			down++
		default:
			level++
		}
	}
	fmt.Fprintf(e.stdout, "pages the template changed: %d (F1 up %d, down %d, level %d)\n", len(rep.Changes), up, down, level)
	for _, c := range rep.Changes[:min(n, len(rep.Changes))] {
		fmt.Fprintf(e.stdout, "%s\n", c)
		for i, p := range c.Removed {
			fmt.Fprintf(e.stdout, "  - %s%s\n", goldTag(c.RemovedGold[i]), clip(p, 160))
		}
		for i, p := range c.Added {
			fmt.Fprintf(e.stdout, "  + %s%s\n", goldTag(c.AddedGold[i]), clip(p, 160))
		}
	}
}

// goldTag marks a paragraph the gold holds.
func goldTag(gold bool) string {
	if gold {
		return "[gold] "
	}
	return ""
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "..."
}
