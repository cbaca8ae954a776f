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
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// siteTemplateVariant names the CV variant that scores each page with the
// site template its host's other pages teach (SiteTemplates).
const siteTemplateVariant = "each page with the site template its host's other pages in its set teach (as `storyline add` learns it), thresholds as fitted"

// SiteTemplates returns, for each page, the site template `storyline add`
// would extract it with when the page arrives after every other page of its
// site in its set (nil for none), as the engine's writer teaches it from
// each stored page and its extractor applies it (internal/engine,
// templates.go). Only unlabelled text is read (never a gold), and never a
// page of another set. A page's site is its URL's host (extract.Host); a page
// with no URL has the site its extraction names (engine.SiteKey: its
// canonical link's host, else its outlet), and is extracted with that
// site's template only where the template knows one of its blocks, as the
// engine does. A peer teaches nothing where the writer would not store it:
// its extraction failed, or its article's URL or text (engine.ContentHash)
// is the page's own or an earlier peer's. A page whose site has fewer than
// two such peers gets nil (WithTemplate ignores a template of fewer than two
// pages). Fingerprints come from extracting each page alone with m (they do
// not depend on the model's classifiers). Every template is held at once:
// CompareSiteTemplates and the CV variant build each as its page is read.
func SiteTemplates(ctx context.Context, pages []LabelledPage, m *extract.Model, workers int) []*extract.Template {
	s := learnSites(ctx, pages, m, workers)
	out := make([]*extract.Template, len(pages))
	for i := range pages {
		out[i] = s.template(i)
	}
	return out
}

// siteTeachers is what SiteTemplates reads of the pages: each page's
// extraction alone, and the peers whose blocks teach its template.
type siteTeachers struct {
	alone []extract.Result
	peers [][]int // per page, its teaching peers in page order (nil: fewer than two)
	byURL []bool  // per page: its site is its URL's host (else its template applies only where it knows a block)
}

// learnSites extracts every page alone with m and finds each page's
// teaching peers (see SiteTemplates).
func learnSites(ctx context.Context, pages []LabelledPage, m *extract.Model, workers int) *siteTeachers {
	alone, errs := extractResults(ctx, pages, workers, func(int) *extract.Model { return m }, func(int) *extract.Template { return nil })
	return teachersOf(pages, alone, errs)
}

// teachersOf returns the teaching peers of every page given each page's
// extraction alone and its error (see SiteTemplates).
func teachersOf(pages []LabelledPage, alone []extract.Result, errs []error) *siteTeachers {
	s := &siteTeachers{alone: alone, peers: make([][]int, len(pages)), byURL: make([]bool, len(pages))}
	sites := make([]string, len(pages))
	hashes := make([]string, len(pages))
	for i, p := range pages {
		sites[i], s.byURL[i] = pageSite(p.Page.URL, alone[i].Article)
		hashes[i] = engine.ContentHash(alone[i].Article)
	}
	for _, group := range siteGroups(pages, sites) {
		for _, i := range group {
			s.peers[i] = teachingPeers(alone, errs, hashes, group, i)
		}
	}
	return s
}

// pageSite is the site whose template the engine extracts a page with
// (engine.SiteKey), and whether it is its URL's host.
func pageSite(pageURL string, alone news.Article) (string, bool) {
	if h := extract.Host(pageURL); h != "" {
		return h, true
	}
	return engine.SiteKey(pageURL, alone), false
}

// siteGroups returns the indexes of the pages of each site within each set,
// in page order; pages with no site are left out.
func siteGroups(pages []LabelledPage, sites []string) [][]int {
	idx := map[string]int{}
	var groups [][]int
	for i, p := range pages {
		if sites[i] == "" {
			continue
		}
		key := p.Set + "\x00" + sites[i]
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

// teachingPeers returns the pages of page i's site (group, i among them)
// that teach its template, each stored page once, or nil when fewer than
// two do (see SiteTemplates). The writer's duplicate test keys on the
// article's URL (its canonical link where the page has one) and its text.
func teachingPeers(alone []extract.Result, errs []error, hashes []string, group []int, i int) []int {
	stored := map[string]bool{"content:" + hashes[i]: true}
	if u := alone[i].Article.URL; u != "" {
		stored["url:"+u] = true
	}
	var peers []int
	for _, j := range group {
		if j == i || errs[j] != nil || len(alone[j].Blocks) == 0 {
			continue
		}
		u, c := "url:"+alone[j].Article.URL, "content:"+hashes[j]
		if (u != "url:" && stored[u]) || stored[c] {
			continue
		}
		stored[c] = true
		if u != "url:" {
			stored[u] = true
		}
		peers = append(peers, j)
	}
	if len(peers) < 2 {
		return nil // nothing can recur yet: extraction ignores it
	}
	return peers
}

// template builds page i's site template from its teaching peers, in page
// order, as the writer teaches it (a peer that is a near copy of an earlier
// one teaches nothing: extract.Template.Teach), nil when it has none or,
// for a page whose site is not its URL's host, when the template knows none
// of its blocks (the engine then keeps the extraction alone).
func (s *siteTeachers) template(i int) *extract.Template {
	if s.peers[i] == nil {
		return nil
	}
	t := extract.NewTemplate()
	for _, j := range s.peers[i] {
		t.Teach(s.alone[j].Blocks, s.alone[j].Words, s.alone[j].Article.Text)
	}
	if !s.byURL[i] && !t.Knows(s.alone[i].Blocks) {
		return nil
	}
	return t
}

// pageTemplates builds the site templates of pages (SiteTemplates) by
// "set/page id", each when its page is read, so that a large site's
// templates are not all held at once.
type pageTemplates struct {
	teachers *siteTeachers
	index    map[string]int
}

// templatesByPage finds the teaching peers of the pages (learnSites) and
// indexes them by the pages' ids.
func templatesByPage(ctx context.Context, pages []LabelledPage, m *extract.Model, workers int) pageTemplates {
	pt := pageTemplates{teachers: learnSites(ctx, pages, m, workers), index: map[string]int{}}
	for i, p := range pages {
		pt.index[p.Set+"/"+p.Page.ID] = i
	}
	return pt
}

// of returns the template builder of some of the pages, by their index
// among them.
func (pt pageTemplates) of(pages []LabelledPage) func(int) *extract.Template {
	return func(k int) *extract.Template {
		i, ok := pt.index[pages[k].Set+"/"+pages[k].Page.ID]
		if !ok {
			return nil
		}
		return pt.teachers.template(i)
	}
}

// scoreWithTemplates extracts each page with m and the template templateOf
// builds for its index (nil for none) and scores it against its gold.
func scoreWithTemplates(ctx context.Context, name string, m *extract.Model, pages []LabelledPage, templateOf func(int) *extract.Template, workers int) FoldScore {
	outs, kinds := extractWith(ctx, pages, workers, func(int) *extract.Model { return m }, templateOf)
	return scoreOutputs(name, pages, outs, kinds)
}

// extractWith extracts each page with the model and the site template
// (nil for none) modelOf and templateOf give its index, on workers
// goroutines, and returns the articles' texts and kinds in the pages' order
// (empty for pages not reached when ctx ends).
func extractWith(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model, templateOf func(int) *extract.Template) (outs, kinds []string) {
	rs, _ := extractResults(ctx, pages, workers, modelOf, templateOf)
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
// goroutines (templateOf is called on them), and returns the results and
// errors in the pages' order (zero for pages not reached when ctx ends).
func extractResults(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model, templateOf func(int) *extract.Template) ([]extract.Result, []error) {
	out := make([]extract.Result, len(pages))
	errs := make([]error, len(pages))
	eachPage(ctx, len(pages), workers, func(i int) {
		out[i], errs[i] = modelOf(i).WithTemplate(pages[i].Page, templateOf(i))
	})
	return out, errs
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
	aloneRs, errs := extractResults(ctx, pages, workers, modelOf, func(int) *extract.Template { return nil })
	teachers := teachersOf(pages, aloneRs, errs)
	var taught []LabelledPage // extracted again: a page with no template reads as alone
	var at []int
	for i, peers := range teachers.peers {
		if peers != nil {
			taught, at = append(taught, pages[i]), append(at, i)
		}
	}
	applied := make([]bool, len(pages)) // each written by the one goroutine that reads its page
	withTemplate := func(k int) *extract.Template {
		t := teachers.template(at[k])
		applied[at[k]] = t != nil
		return t
	}
	withRs := slices.Clone(aloneRs)
	rs, _ := extractResults(ctx, taught, workers, func(k int) *extract.Model { return modelOf(at[k]) }, withTemplate)
	for k, r := range rs {
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
		rep.WithPeers[i] = applied[i]
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
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("fold models: %w", err)
	}
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

// ScoreByFoldModels extracts each page with the model modelOf gives its
// index (FoldModelOf: the model of its site fold, which never saw its site)
// and scores it against its gold: held-out figures of kept fold models,
// page by page, without refitting.
func ScoreByFoldModels(ctx context.Context, pages []LabelledPage, workers int, modelOf func(int) *extract.Model) FoldScore {
	outs, kinds := extractWith(ctx, pages, workers, modelOf, func(int) *extract.Template { return nil })
	return scoreOutputs("held out by kept site-fold models", pages, outs, kinds)
}

// GoldKindModelOf returns modelOf with each page's model reading its HTML
// page as its gold kind (LabelledPage.Kind: wcxb's page type, an article
// of the news sets and readability's news; extract.Model.ReadAsKind): the
// most a right kind call could give under today's decoding, an upper bound
// and not a result. A page of no known kind (cleaneval's, readability's
// test fixtures and the pages it calls non-articles) has no gold to be read
// by: it is read as its kind classifiers call it, by modelOf's own model.
func GoldKindModelOf(pages []LabelledPage, modelOf func(int) *extract.Model) (func(int) *extract.Model, error) {
	type called struct {
		m    *extract.Model
		kind string
	}
	read := map[called]*extract.Model{}
	perPage := make([]*extract.Model, len(pages))
	for i, p := range pages {
		c := called{modelOf(i), p.Kind}
		if c.kind == "" {
			perPage[i] = c.m
			continue
		}
		if read[c] == nil {
			m, err := c.m.ReadAsKind(c.kind)
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", p.Set, p.Page.ID, err)
			}
			read[c] = m
		}
		perPage[i] = read[c]
	}
	return func(i int) *extract.Model { return perPage[i] }, nil
}
