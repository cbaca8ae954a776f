package extract

import (
	"bytes"
	"context"
	"hash/fnv"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/learn"
)

// A page's kind (article, listing, forum, product, documentation, service,
// collection) is told by one classifier per kind, each against the rest,
// from features of the whole page: its schema.org types and og:type, the
// words of its URL's path, and the shape of its blocks (how much is list
// items, links, prose, headings, controls, prices, dates). The kind with the
// highest probability wins; a page no classifier claims (every probability
// under minKindProb) is "other".

// minKindProb is the probability under which no kind is claimed. A half
// would demand a majority; a quarter still leaves the seven one-against-rest
// classifiers room to disagree, and "other" for pages none of them knows.
const minKindProb = 0.25

// pageFeatureNames names the page-kind features in vector order.
var pageFeatureNames = []string{
	"blocks", "chars", "link_density", "prose_share", "li_share", "td_share", "heading_share",
	"h1", "h2", "h3", "control_share", "form_share", "nav_share", "top_share", "mean_tokens",
	"prices", "clock_times", "dates", "repeated_blocks", "code_share",
	"ld_article", "ld_product", "ld_forum", "ld_list", "ld_faq_howto", "ld_org_service", "ld_tech", "ld_breadcrumb",
	"og_article", "og_product", "og_website",
	"url_depth", "url_digits", "url_news", "url_forum", "url_product", "url_docs", "url_list", "url_service", "url_collection",
	"url_host_docs", "url_slug_words",
	"comment_share", "prose_outside_comments", "prose_before_comments", "textareas", "largest_prose_run", "prose_runs",
}

var numPageFeatures = len(pageFeatureNames)

// pageCues are what the kind features read outside the body's blocks.
type pageCues struct {
	ldTypes string // the page's JSON-LD "@type" values, lower case, space-separated
	ogType  string
	url     string
}

// ldTypes collects the "@type" values of the JSON-LD in a page, by a scan of
// the raw bytes (no JSON parse: the types are all the classifier needs).
func ldTypes(body []byte) string {
	var out []string
	for i := 0; len(out) < 20; {
		j := indexLDType(body, i)
		if j < 0 {
			break
		}
		i = j + len(`"@type"`)
		rest := bytes.TrimLeft(body[i:min(len(body), i+200)], " \t\r\n:")
		if len(rest) > 0 && rest[0] == '[' {
			rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		}
		if len(rest) == 0 || rest[0] != '"' {
			continue
		}
		if end := bytes.IndexByte(rest[1:], '"'); end > 0 {
			out = append(out, strings.ToLower(string(rest[1:1+end])))
		}
	}
	return strings.Join(out, " ")
}

// indexLDType returns the index of the first `"@type"` in body at or after
// from, -1 when there is none. It looks for `@type"` and then for the quote
// before it: a page's quotes are many and its '@' few, and bytes.Index,
// which looks for a needle's first byte, stopped at every quote (a
// hundredth of a page's extraction time on msv-chaos, session 43).
func indexLDType(body []byte, from int) int {
	for from+1 < len(body) {
		j := bytes.Index(body[from+1:], []byte(`@type"`))
		if j < 0 {
			return -1
		}
		at := from + j // the byte before the '@' found at from+1+j
		if body[at] == '"' {
			return at
		}
		from = at + 1
	}
	return -1
}

// pageFeatures returns the page-kind features of a page.
func pageFeatures(pb *pageBlocks, c pageCues) []float64 {
	f := make([]float64, 0, numPageFeatures)
	nb := float64(max(1, len(pb.blocks)))
	var link, prose, li, td, heading, control, form, nav, h1, h2, h3, prices, clocks, dates, tokens, repeated, code float64
	seen := make(map[uint64]bool, len(pb.blocks))
	for i := range pb.blocks {
		b := &pb.blocks[i]
		link += float64(b.linkChars)
		tokens += float64(b.tokens)
		if isProseBlock(b) {
			prose++
		}
		inh := pb.elems[b.elem].inherited
		if inh&flagListItem != 0 {
			li++
		}
		if inh&flagTable != 0 {
			td++
		}
		if inh&(flagPre|flagCode) != 0 {
			code++
		}
		if inh&flagControl != 0 {
			control++
		}
		if inh&flagForm != 0 {
			form++
		}
		if inh&(flagNav|flagHeader|flagFooter) != 0 {
			nav++
		}
		switch pb.elems[b.container].tag {
		case atom.H1:
			h1++
			heading++
		case atom.H2:
			h2++
			heading++
		case atom.H3, atom.H4, atom.H5, atom.H6:
			h3++
			heading++
		}
		if b.digits > 0 && b.tokens <= maxPriceLineTokens {
			if isPriceLine(b) {
				prices++
			}
			if clockTime.MatchString(b.text) {
				clocks++
			}
			if b.digits >= 4 { // every date form findDate reads has a four-digit year
				if _, ok := findDate(b.text); ok {
					dates++
				}
			}
		}
		if seen[b.fp] {
			repeated++
		}
		seen[b.fp] = true
	}
	top := 0.0
	var best float64
	for i := range pb.elems {
		if s := pb.elems[i].score; s > best {
			best, top = s, float64(pb.elems[i].chars)
		}
	}
	chars := float64(max(1, pb.chars))
	f = append(f, log1p(int32(len(pb.blocks))), log1p(pb.chars), link/chars, prose/nb, li/nb, td/nb, heading/nb,
		h1, h2, h3, control/nb, form/nb, nav/nb, top/chars, tokens/nb,
		log1p(int32(prices)), log1p(int32(clocks)), log1p(int32(dates)), repeated/nb, code/nb)
	ld := c.ldTypes
	has := func(s string, words ...string) float64 {
		for _, w := range words {
			if strings.Contains(s, w) {
				return 1
			}
		}
		return 0
	}
	f = append(f,
		ldArticle(ld),
		has(ld, "product", "offer", "aggregaterating"),
		has(ld, "discussionforumposting", "qapage", "question", "comment"),
		has(ld, "itemlist", "collectionpage", "searchresultspage"),
		has(ld, "faqpage", "howto", "recipe"),
		has(ld, "organization", "localbusiness", "service", "professionalservice"),
		has(ld, "techarticle", "apireference", "softwareapplication", "softwaresourcecode"),
		has(ld, "breadcrumblist"))
	og := strings.ToLower(c.ogType)
	f = append(f, has(og, "article"), has(og, "product"), has(og, "website"))
	f = append(f, urlFeatures(c.url)...)
	f = append(f, addressNameFeatures(c.url)...)
	return append(f, threadFeatures(pb)...)
}

// ldArticle is 1 when a page's JSON-LD types (ldTypes) name an article: a
// type that contains "article" (Article, NewsArticle, ScholarlyArticle,
// OpinionNewsArticle...) other than TechArticle, or a BlogPosting or
// Reportage. TechArticle is schema.org's type for manuals and how-tos, and
// ld_tech reads it: counted as an article too, it pulled documentation
// pages to the article side (5 of the 49 wcxb documentation pages called
// articles in session 49 carry it, none of the 29 called right).
func ldArticle(ldTypes string) float64 {
	for _, t := range strings.Fields(ldTypes) {
		if t == "techarticle" {
			continue
		}
		if strings.Contains(t, "article") || strings.Contains(t, "blogposting") || strings.Contains(t, "reportage") {
			return 1
		}
	}
	return 0
}

// docsHostWords are the first labels of a host name that say the site is a
// manual, a reference or a help centre (docs.python.org, wiki.archlinux.org,
// developer.mozilla.org, support.example.com, learn.microsoft.com,
// kb.example.com, api.example.com): the words documentation sites are
// served under. Session 49 counted them on wcxb: 26 of the 49
// documentation pages called articles and 13 of the 29 called right carry
// one, none of wcxb's 711 articles nor any page of the seven other sets.
// "dev" is left out: dev.to and dev.* blogs are articles.
var docsHostWords = []string{"docs", "doc", "wiki", "developer", "developers", "support", "help", "learn", "manual", "kb", "api"}

// addressNameFeatures are url_host_docs and url_slug_words of a page's
// address, parsed once for both (0 and 0 when it does not parse).
func addressNameFeatures(pageURL string) []float64 {
	u, err := url.Parse(pageURL)
	if err != nil {
		return []float64{0, 0}
	}
	return []float64{hostDocsWord(u), slugWords(u)}
}

// hostDocsWord is 1 when the first label of a page's host is one of
// docsHostWords (after a leading "www."), else 0. urlFeatures reads the
// path alone; this is the one word of the host the kind reads.
func hostDocsWord(u *url.URL) float64 {
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	first, _, ok := strings.Cut(host, ".")
	if ok && slices.Contains(docsHostWords, first) {
		return 1
	}
	return 0
}

// slugWords counts the words of the last segment of a page's path, its
// file extension (.html, .php...) left out: runs of letters and digits that
// hold a letter, so a bare number or date is not a word. An article's slug
// is its headline (wcxb medians, session 49: articles 5, forums 4,
// services, products and collections 2, listings and documentation 1); a
// section front or a manual's page has a name of a word or two. Old news
// URLs are short too (l3s-gn1, cleaneval), which url_digits can pair it
// with.
func slugWords(u *url.URL) float64 {
	path := strings.TrimRight(u.Path, "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	if dot := strings.LastIndexByte(last, '.'); dot > 0 && len(last)-dot <= 6 {
		last = last[:dot] // an extension of up to five letters: .html, .php, .aspx, .shtml
	}
	words := 0
	for _, w := range strings.FieldsFunc(last, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return float64(words)
}

// threadFeatures tell a news post with a readers' thread under it from a
// forum thread: how much of the page lies in comment elements (see
// isCommentElement), how much of the prose lies outside them and before the
// first of them, whether the page has a reply form (a <textarea>), and how
// the prose is shared among runs (an article is one long run; a thread is
// many posts of similar length). A run of prose blocks bridges one other
// block (a subheading, a caption, a post's author line ends it only when
// two come together) and ends where the prose enters or leaves comments.
func threadFeatures(pb *pageBlocks) []float64 {
	var comment, prose, outside, before, run, largest, runs float64
	seenComment, lastIn, gap := false, false, 2
	for i := range pb.blocks {
		b := &pb.blocks[i]
		inComment := pb.elems[b.elem].inherited&flagComment != 0
		if inComment {
			comment += float64(b.chars)
			seenComment = true
		}
		if !isProseBlock(b) {
			gap++
			continue
		}
		c := float64(b.chars)
		prose += c
		if !inComment {
			outside += c
		}
		if !seenComment {
			before += c
		}
		if gap > 1 || inComment != lastIn {
			runs++
			run = 0
		}
		gap, lastIn = 0, inComment
		run += c
		largest = max(largest, run)
	}
	chars, p := float64(max(1, pb.chars)), max(1, prose)
	return []float64{comment / chars, outside / p, before / p, log1p(pb.textareas), largest / p, log1p(int32(runs))}
}

// hasPrice reports whether a short block holds a price: a currency sign
// with a number right before or after it.
func hasPrice(s string) bool {
	for _, c := range []string{"$", "€", "£", "¥", "₹", "zł", "CHF", "USD", "EUR"} {
		i := strings.Index(s, c)
		if i < 0 {
			continue
		}
		after := strings.TrimLeft(s[i+len(c):], " ")
		before := strings.TrimRight(s[:i], " ")
		if after != "" && after[0] >= '0' && after[0] <= '9' || before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9' {
			return true
		}
	}
	return false
}

// kindOfProbs names a page's kind from its probabilities of pageKinds
// (kindProbs): the most probable, "other" when none passes minKindProb.
func kindOfProbs(probs []float64) string {
	best, bestP := "other", minKindProb
	for i, p := range probs {
		if p > bestP {
			best, bestP = pageKinds[i], p
		}
	}
	return best
}

// pageKinds are the kinds the kind classifiers tell apart, in the order of
// kindProbs (and of the line features that carry them).
var pageKinds = []string{"article", "listing", "forum", "product", "documentation", "service", "collection"}

// kindProbs is the probability of each of pageKinds that kinds give a
// page's kind features x (0 for a kind without a classifier).
func kindProbs(kinds []KindModel, x []float64) []float64 {
	out := make([]float64, len(pageKinds))
	for j := range kinds {
		if i := slices.Index(pageKinds, kinds[j].Kind); i >= 0 {
			out[i] = kinds[j].predict(x)
		}
	}
	return out
}

// oofKindFolds is how many site-grouped folds oofDumpKinds fits kind
// classifiers on: each sees four fifths of the sites, near the whole set a
// fitted model's classifiers see, at five times the cost of one fit (100
// trees of depth 4 on a few thousand pages: seconds).
const oofKindFolds = 5

// oofDumpKinds gives each text-dump sample the kind probabilities of kind
// classifiers fitted without its site's fold (grouped by a hash of the
// site, as innerFolds), so that the line classifier learns from kind
// probabilities as they read on pages the kind classifiers never saw.
func oofDumpKinds(ctx context.Context, samples []*Sample, boost learn.BoostOptions) ([][]float64, error) {
	fold := make([]int, len(samples))
	for k, s := range samples {
		h := fnv.New32a()
		h.Write([]byte(s.Site))
		fold[k] = int(h.Sum32() % oofKindFolds)
	}
	out := make([][]float64, len(samples))
	for f := range oofKindFolds {
		var fitOn []*Sample
		for k, s := range samples {
			if fold[k] != f {
				fitOn = append(fitOn, s)
			}
		}
		kinds, err := fitKinds(ctx, fitOn, boost, dumpPageFeatureNames)
		if err != nil {
			return nil, err
		}
		for k, s := range samples {
			if fold[k] == f {
				out[k] = kindProbs(kinds, s.page)
			}
		}
	}
	return out, nil
}

// kindBoost is how the page kind classifiers are boosted, for HTML pages and
// text dumps alike: 100 trees of depth 4, smaller than the block
// classifier's, as they read one row per page (about 3,500 articles and
// 45-80 pages of each other kind among the development sets) instead of one
// per block. seed is the fit's boosting seed (FitOptions.Boost.Seed).
func kindBoost(seed int64) learn.BoostOptions {
	return learn.BoostOptions{Trees: 100, Depth: 4, Seed: seed}
}

// fitKinds fits one classifier per page kind on the samples that carry a
// kind, on their page features (s.page), named by names.
func fitKinds(ctx context.Context, samples []*Sample, boost learn.BoostOptions, names []string) ([]KindModel, error) {
	var xs [][]float64
	var kinds []string
	for _, s := range samples {
		if s.Kind != "" && s.page != nil {
			xs = append(xs, s.page)
			kinds = append(kinds, s.Kind)
		}
	}
	if len(xs) == 0 {
		return nil, nil
	}
	var out []KindModel
	for _, k := range pageKinds {
		ys := make([]bool, len(xs))
		any := false
		for i := range kinds {
			ys[i] = kinds[i] == k
			any = any || ys[i]
		}
		if !any {
			continue
		}
		m, err := learn.FitBoosted(ctx, xs, ys, nil, boost)
		if err != nil {
			return nil, err
		}
		m.Features = names
		out = append(out, KindModel{Kind: k, Model: m})
	}
	return out, nil
}

// dumpPageFeatureNames names the page-kind features of a text dump in vector
// order: the shape of its lines (as pageFeatures reads the shape of an HTML
// page's blocks) and the words of its URL.
var dumpPageFeatureNames = []string{
	"lines", "chars", "prose_share", "short_share", "mean_tokens", "longest_short_run", "longest_prose_run",
	"prose_token_share", "bullet_share", "separator_lines", "link_like_lines", "common_word_share",
	"prices", "clock_times", "dates", "repeated_lines", "question_lines",
	"url_depth", "url_digits", "url_news", "url_forum", "url_product", "url_docs", "url_list", "url_service", "url_collection",
}

var numDumpPageFeatures = len(dumpPageFeatureNames)

// dumpPageFeatures returns the page-kind features of a text dump.
func dumpPageFeatures(ls []lineInfo, pageURL string) []float64 {
	f := make([]float64, 0, numDumpPageFeatures)
	n := float64(max(1, len(ls)))
	var chars, tokens, proseTok, prose, short, bullets, seps, links, prices, clocks, dates, repeated, questions float64
	var runShort, runProse, bestShort, bestProse int
	seen := make(map[uint64]bool, len(ls))
	common := commonWordShares(ls)
	var commonTok float64
	for i := range ls {
		l := &ls[i]
		chars += float64(l.chars)
		tokens += float64(l.tokens)
		commonTok += common[i] * float64(l.tokens)
		if isProseBlock(&l.block) {
			prose++
			proseTok += float64(l.tokens)
			runProse++
		} else {
			runProse = 0
		}
		if isShortLine(l) {
			short++
			runShort++
		} else {
			runShort = 0
		}
		bestShort, bestProse = max(bestShort, runShort), max(bestProse, runProse)
		if startsBullet(l.text) {
			bullets++
		}
		if separators(l.text) > 0 {
			seps++
		}
		if linkLike(l.text) > 0 {
			links++
		}
		if strings.HasSuffix(l.text, "?") {
			questions++
		}
		if l.digits > 0 && l.tokens <= 12 {
			if hasPrice(l.text) {
				prices++
			}
			if clockTime.MatchString(l.text) {
				clocks++
			}
			if l.digits >= 4 { // every date form findDate reads has a four-digit year
				if _, ok := findDate(l.text); ok {
					dates++
				}
			}
		}
		if seen[l.fp] {
			repeated++
		}
		seen[l.fp] = true
	}
	f = append(f, log1p(int32(len(ls))), log1p(int32(chars)), prose/n, short/n, tokens/n,
		log1p(int32(bestShort)), log1p(int32(bestProse)), proseTok/max(1, tokens), bullets/n, seps/n, links/n,
		commonTok/max(1, tokens), log1p(int32(prices)), log1p(int32(clocks)), log1p(int32(dates)), repeated/n, questions/n)
	return append(f, urlFeatures(pageURL)...)
}

// urlFeatures are the page-kind features of a page's address: how deep and
// how numbered its path is, and whether its words name a kind of page.
func urlFeatures(pageURL string) []float64 {
	has := func(s string, words ...string) float64 {
		for _, w := range words {
			if strings.Contains(s, w) {
				return 1
			}
		}
		return 0
	}
	path := ""
	if u, err := url.Parse(pageURL); err == nil {
		path = strings.ToLower(u.Path + "?" + u.RawQuery)
	}
	depth, digits := 0, 0
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if seg != "" {
			depth++
		}
	}
	for _, r := range path {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	words := " " + strings.Join(splitClass(path), " ") + " "
	return append([]float64(nil), float64(depth), float64(digits),
		has(words, " news ", " article ", " story ", " blog ", " post ", " politics ", " opinion "),
		has(words, " forum ", " forums ", " thread ", " threads ", " topic ", " topics ", " community ", " discussion ", " questions ", " viewtopic "),
		has(words, " product ", " products ", " shop ", " store ", " item ", " buy ", " dp "),
		has(words, " docs ", " doc ", " documentation ", " api ", " reference ", " guide ", " manual ", " wiki ", " help ", " kb "),
		has(words, " category ", " categories ", " tag ", " tags ", " archive ", " search ", " list ", " page "),
		has(words, " services ", " service ", " solutions ", " pricing ", " about ", " contact ", " company ", " features "),
		has(words, " collections ", " collection ", " gallery ", " recipes ", " glossary ", " resources ", " best "))
}
