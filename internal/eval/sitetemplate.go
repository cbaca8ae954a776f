package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/text"
)

// siteTemplateVariant names the CV variant that scores each page with the
// site template its host's other pages teach (SiteTemplates).
const siteTemplateVariant = "each page with the site template its host's other pages in its set teach (as `storyline add` learns it), thresholds as fitted"

// SiteTemplates returns, for each page, the site template `storyline add`
// would hold when the page arrives after every other page of its host in its
// set: learned from those pages' block (dump line) fingerprints, as the
// engine's writer teaches it from each stored page. Only unlabelled text is
// read (never a gold), and never a page of another set. A page's host is its
// URL's (extract.Host, the engine's site key); a page with no host gets nil,
// as do pages whose host has no other page. As at run time, a peer at the
// page's own URL, or a peer whose URL or article text (engine.ContentHash)
// an earlier peer already had, teaches nothing: it would not be stored.
// Fingerprints come from extracting each page alone with m (they do not
// depend on the model's classifiers).
func SiteTemplates(ctx context.Context, pages []LabelledPage, m *extract.Model, workers int) []*extract.Template {
	alone := extractResults(ctx, pages, workers, func(int) *extract.Model { return m }, func(int) *extract.Template { return nil })
	return templatesOf(pages, alone)
}

// templatesOf returns SiteTemplates given each page's extraction alone.
func templatesOf(pages []LabelledPage, alone []extract.Result) []*extract.Template {
	prints := make([]pageFingerprints, len(pages))
	for i, r := range alone {
		prints[i] = pageFingerprints{blocks: r.Blocks, content: engine.ContentHash(r.Article)}
	}
	out := make([]*extract.Template, len(pages))
	for _, group := range hostGroups(pages) {
		if len(group) < 2 {
			continue
		}
		for _, i := range group {
			out[i] = peerTemplate(pages, prints, group, i)
		}
	}
	return out
}

// pageTemplates are the site templates of pages (SiteTemplates), by
// "set/page id".
type pageTemplates map[string]*extract.Template

// templatesByPage returns SiteTemplates of the pages by their ids.
func templatesByPage(ctx context.Context, pages []LabelledPage, m *extract.Model, workers int) pageTemplates {
	out := pageTemplates{}
	for i, t := range SiteTemplates(ctx, pages, m, workers) {
		out[pages[i].Set+"/"+pages[i].Page.ID] = t
	}
	return out
}

// of returns the templates of some of the pages, in their order.
func (pt pageTemplates) of(pages []LabelledPage) []*extract.Template {
	out := make([]*extract.Template, len(pages))
	for i, p := range pages {
		out[i] = pt[p.Set+"/"+p.Page.ID]
	}
	return out
}

// pageFingerprints are what the engine stores of an extracted page for its
// site's template: its blocks' fingerprints and its article's content hash.
type pageFingerprints struct {
	blocks  []uint64
	content string
}

// hostGroups returns the indexes of the pages of each host within each set,
// in page order; pages with no host are left out.
func hostGroups(pages []LabelledPage) [][]int {
	idx := map[string]int{}
	var groups [][]int
	for i, p := range pages {
		h := extract.Host(p.Page.URL)
		if h == "" {
			continue
		}
		key := p.Set + "\x00" + h
		g, ok := idx[key]
		if !ok {
			g = len(groups)
			idx[key] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// peerTemplate is the template page i's host peers (group, i among them)
// teach, each stored page once (see SiteTemplates).
func peerTemplate(pages []LabelledPage, prints []pageFingerprints, group []int, i int) *extract.Template {
	t := extract.NewTemplate()
	stored := map[string]bool{pages[i].Page.URL: true}
	for _, j := range group {
		if j == i || len(prints[j].blocks) == 0 {
			continue
		}
		u, c := pages[j].Page.URL, "content:"+prints[j].content
		if stored[u] || stored[c] {
			continue
		}
		stored[u], stored[c] = true, true
		t.Learn(prints[j].blocks)
	}
	if t.Pages() < 2 {
		return nil // nothing can recur yet: extraction ignores it
	}
	return t
}

// scoreWithTemplates extracts each page with m and its template (nil for
// none) and scores it against its gold.
func scoreWithTemplates(ctx context.Context, name string, m *extract.Model, pages []LabelledPage, templates []*extract.Template, workers int) FoldScore {
	outs, kinds := extractWith(ctx, pages, workers, func(int) *extract.Model { return m }, func(i int) *extract.Template { return templates[i] })
	return scoreOutputs(name, pages, outs, kinds)
}

// extractWith extracts each page with the model and the site template
// (nil for none) modelOf and templateOf give its index, on workers
// goroutines, and returns the articles' texts and kinds in the pages' order
// (empty for pages not reached when ctx ends).
func extractWith(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model, templateOf func(int) *extract.Template) (outs, kinds []string) {
	rs := extractResults(ctx, pages, workers, modelOf, templateOf)
	return resultTexts(rs)
}

// resultTexts returns the articles' texts and kinds of extractions.
func resultTexts(rs []extract.Result) (outs, kinds []string) {
	outs = make([]string, len(rs))
	kinds = make([]string, len(rs))
	for i, r := range rs {
		outs[i], kinds[i] = r.Article.Text, r.Article.Kind
	}
	return outs, kinds
}

// extractResults extracts each page with the model and the site template
// (nil for none) modelOf and templateOf give its index, on workers
// goroutines, in the pages' order (zero for pages not reached when ctx
// ends).
func extractResults(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model, templateOf func(int) *extract.Template) []extract.Result {
	out := make([]extract.Result, len(pages))
	eachPage(ctx, len(pages), workers, func(i int) {
		out[i], _ = modelOf(i).WithTemplate(pages[i].Page, templateOf(i))
	})
	return out
}

// TemplateReport compares pages extracted alone with the same pages
// extracted with their host's site template (SiteTemplates).
type TemplateReport struct {
	Alone, WithTemplate FoldScore // the same pages, ids "set/page"
	WithPeers           []bool    // per page: whether its host taught it a template
	Changes             []TemplateChange
}

// TemplateChange is one page whose text the template changed: its F1 alone
// and with the template, and the paragraphs the template removed or added,
// each marked by whether the gold holds it (GoldHolds).
type TemplateChange struct {
	ID                     string
	Alone, Template        float64 // F1
	Removed, Added         []string
	RemovedGold, AddedGold []bool
}

// CompareSiteTemplates extracts the pages alone and with their site
// templates, each with the model modelOf gives its index (a fold's model for
// held-out figures), and scores both.
func CompareSiteTemplates(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model) TemplateReport {
	aloneRs := extractResults(ctx, pages, workers, modelOf, func(int) *extract.Template { return nil })
	templates := templatesOf(pages, aloneRs)
	var taught []LabelledPage // extracted again: a page with no template reads as alone
	var at []int
	for i, t := range templates {
		if t != nil {
			taught, at = append(taught, pages[i]), append(at, i)
		}
	}
	withRs := slices.Clone(aloneRs)
	for k, r := range extractResults(ctx, taught, workers, func(k int) *extract.Model { return modelOf(at[k]) }, func(k int) *extract.Template { return templates[at[k]] }) {
		withRs[at[k]] = r
	}
	alone, kinds := resultTexts(aloneRs)
	with, kinds2 := resultTexts(withRs)
	rep := TemplateReport{
		Alone:        scoreOutputs("pages alone", pages, alone, kinds),
		WithTemplate: scoreOutputs("pages with their site template", pages, with, kinds2),
		WithPeers:    make([]bool, len(pages)),
	}
	for i, p := range pages {
		rep.WithPeers[i] = templates[i] != nil
		if alone[i] == with[i] {
			continue
		}
		c := TemplateChange{ID: p.Set + "/" + p.Page.ID, Alone: rep.Alone.Results[i].F1, Template: rep.WithTemplate.Results[i].F1}
		c.Removed, c.Added = paragraphDiff(alone[i], with[i])
		c.RemovedGold, c.AddedGold = goldMarks(p.Gold, c.Removed), goldMarks(p.Gold, c.Added)
		rep.Changes = append(rep.Changes, c)
	}
	sort.SliceStable(rep.Changes, func(a, b int) bool {
		return abs(rep.Changes[a].Template-rep.Changes[a].Alone) > abs(rep.Changes[b].Template-rep.Changes[b].Alone)
	})
	return rep
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// paragraphDiff returns the paragraphs of a (by blank lines) that b lacks,
// and those of b that a lacks, as multisets.
func paragraphDiff(a, b string) (onlyA, onlyB []string) {
	count := map[string]int{}
	for _, p := range textParagraphs(b) {
		count[p]++
	}
	for _, p := range textParagraphs(a) {
		if count[p] > 0 {
			count[p]--
			continue
		}
		onlyA = append(onlyA, p)
	}
	count = map[string]int{}
	for _, p := range textParagraphs(a) {
		count[p]++
	}
	for _, p := range textParagraphs(b) {
		if count[p] > 0 {
			count[p]--
			continue
		}
		onlyB = append(onlyB, p)
	}
	return onlyA, onlyB
}

// textParagraphs cuts an extracted text into its non-empty paragraphs.
func textParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// goldMarks says for each paragraph whether the gold holds it (GoldHolds).
func goldMarks(gold string, paras []string) []bool {
	g := " " + strings.Join(text.Words(text.Normalize(gold)), " ") + " "
	out := make([]bool, len(paras))
	for i, p := range paras {
		out[i] = GoldHolds(g, p)
	}
	return out
}

// GoldHolds reports whether the normalised gold g (its words joined by
// single spaces, with a space at each end) holds the paragraph's words in a
// run: a paragraph with no words is held.
func GoldHolds(g, para string) bool {
	w := text.Words(text.Normalize(para))
	return len(w) == 0 || strings.Contains(g, " "+strings.Join(w, " ")+" ")
}

// SetFigures returns the F1, precision and recall of a pooled score's pages
// per set, and of "five news pooled" and "all pooled", counting only the
// pages where keep is true (nil: all).
func SetFigures(f FoldScore, keep []bool) map[string][3]float64 {
	by := map[string][]PageScore{}
	for i, r := range f.Results {
		if keep != nil && !keep[i] {
			continue
		}
		set, _, _ := strings.Cut(r.ID, "/")
		by[set] = append(by[set], f.Scores[i])
		by["all pooled"] = append(by["all pooled"], f.Scores[i])
		for _, n := range []string{"dragnet", "l3s-gn1", "cleanportaleval", "msv-big9", "msv-chaos"} {
			if set == n {
				by["five news pooled"] = append(by["five news pooled"], f.Scores[i])
			}
		}
	}
	out := map[string][3]float64{}
	for s, ss := range by {
		p, r, f1 := CorpusScore(ss)
		out[s] = [3]float64{f1, p, r}
	}
	return out
}

// String names the page and its F1 alone and with the template.
func (c TemplateChange) String() string {
	return fmt.Sprintf("%s F1 %.3f -> %.3f (%d paragraphs removed, %d added)", c.ID, c.Alone, c.Template, len(c.Removed), len(c.Added))
}

// LoadFoldModels reads the models `eval extract --cv --site-folds K
// --keep-models DIR` wrote (site-fold-F-of-K.json, F from 1 to K), in fold
// order. A text-dump fit (--text) keeps only the dumps' classifiers: for
// text, those are put in the embedded model, whose HTML parts a dump never
// reads.
func LoadFoldModels(dir string, text bool) ([]*extract.Model, error) {
	files, err := filepath.Glob(filepath.Join(dir, "site-fold-*-of-*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no site-fold-F-of-K.json models (written by eval extract --cv --site-folds K --keep-models)", dir)
	}
	k := len(files)
	for _, f := range files {
		var fold, of int
		if _, err := fmt.Sscanf(filepath.Base(f), "site-fold-%d-of-%d.json", &fold, &of); err != nil || of != k {
			return nil, fmt.Errorf("%s: %d site-fold models, not the K of one run's site-fold-F-of-K.json (%s)", dir, k, filepath.Base(f))
		}
	}
	models := make([]*extract.Model, k)
	for f := range k {
		file := filepath.Join(dir, fmt.Sprintf("site-fold-%d-of-%d.json", f+1, k))
		m, err := loadFoldModel(file, text)
		if err != nil {
			return nil, err
		}
		models[f] = m
	}
	return models, nil
}

// loadFoldModel reads one kept fold model (see LoadFoldModels).
func loadFoldModel(file string, text bool) (*extract.Model, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if !text {
		m, err := extract.LoadModel(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return m, nil
	}
	d, err := extract.LoadDumpParts(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if d.Lines == nil {
		return nil, fmt.Errorf("%s: no line classifier (a fold model of --text)", file)
	}
	return extract.DefaultModel().WithDumpParts(d, "text dumps: "+filepath.Base(file))
}

// FoldModelOf returns the model of each page's site fold (the fold
// CrossValidateBySite scored it in, whose model never saw its site).
func FoldModelOf(pages []LabelledPage, models []*extract.Model) func(int) *extract.Model {
	return func(i int) *extract.Model { return models[siteFold(pages[i].Site, len(models))] }
}
