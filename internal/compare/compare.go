// Package compare sets a story's articles side by side: the facts two or more
// of them state (sentences aligned across articles, aware of paraphrase), the
// sentences only one of them has, direct quotes and who said them, the people,
// places and organisations involved, numbers that disagree, and the order of
// publication. It does no I/O.
package compare

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// sentenceRef is one sentence of one article.
type sentenceRef struct {
	article int
	index   int // order within the article
	text    string
	prof    profile
	inQuote bool // starts inside a quotation opened by an earlier sentence
}

// Compare builds the comparison of a story's articles. Derivations are left to
// the caller (package cluster traces them).
func Compare(articles []news.Article) news.Comparison {
	arts := inTimelineOrder(articles)
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	cmp := news.Comparison{Timeline: timeline(arts), Unique: map[string][]string{}}

	single := len(arts) == 1 // nothing to align or dispute: skip the costly profiles
	var sents []sentenceRef
	for i, a := range arts {
		n := 0
		for _, p := range a.Paragraphs() {
			open := false // inside a quotation that an earlier sentence opened
			for _, s := range text.Sentences(stripDateline(p)) {
				ref := sentenceRef{article: i, index: n, text: s, inQuote: open}
				if strings.Count(text.Fold(s), `"`)%2 == 1 {
					open = !open
				}
				if !single {
					ref.prof = profileOf(s)
				}
				sents = append(sents, ref)
				n++
			}
		}
	}
	var groups [][]int
	var nearest []float64 // each sentence's best fact score against other articles
	if !single {
		groups, nearest = align(sents, len(arts))
	}
	inFact := make([]bool, len(sents))
	for _, g := range groups {
		seen := map[int]bool{}
		for _, k := range g {
			seen[sents[k].article] = true
		}
		if len(seen) < 2 {
			continue
		}
		for _, k := range g {
			inFact[k] = true
		}
		var factIDs []string
		for i, id := range ids {
			if seen[i] {
				factIDs = append(factIDs, id)
			}
		}
		rep := sents[g[0]]
		cmp.Facts = append(cmp.Facts, news.Fact{Text: rep.text, Articles: factIDs})
	}
	if !single {
		cmp.Conflicts = conflictsOf(sents, ids)
	}
	sort.SliceStable(cmp.Facts, func(i, j int) bool { return len(cmp.Facts[i].Articles) > len(cmp.Facts[j].Articles) })
	added := map[int][]string{}
	for _, g := range groups {
		for _, a := range addedClauses(g, sents) {
			added[a.k] = append(added[a.k], a.text)
		}
	}
	words := newOtherWords(sents, len(arts))
	claims := make([][]uniqueClaim, len(arts))
	for k, s := range sents {
		var texts []string
		switch {
		case inFact[k]:
			for _, c := range added[k] {
				if standsAlone(c, minClauseWords) {
					texts = append(texts, c)
				}
			}
		case nearest != nil && nearest[k] >= nearlyShared:
			// told elsewhere too, though not surely: neither shared nor its own
		case !s.inQuote && standsAlone(s.text, minUniqueWords):
			texts = append(texts, s.text)
		}
		for _, t := range texts {
			claims[s.article] = append(claims[s.article], uniqueClaim{text: t, score: words.adds(t, s.article), order: k})
		}
	}
	cmp.UniqueScores = map[string][]float64{}
	for i, cs := range claims {
		if len(cs) == 0 {
			continue
		}
		cmp.Unique[ids[i]], cmp.UniqueScores[ids[i]] = rankClaims(cs)
	}
	cmp.UniqueShown = UniqueShown

	// Names and quotes are read from the text without wire datelines, once,
	// so that the mentions' offsets match the text the quotes are found in.
	clean := map[string]string{}
	mentions := map[string][]mention{}
	for _, a := range arts {
		clean[a.ID] = withoutDatelines(a.Text)
		mentions[a.ID] = recognise(clean[a.ID])
	}
	cmp.Entities = entitiesOf(ids, mentions)
	cmp.Quotes = groupQuotes(arts, clean, mentions)
	canonicalSpeakers(cmp.Quotes, cmp.Entities)
	nonNil(&cmp)
	return cmp
}

// clauseSplit separates the clauses of a sentence: commas, semicolons and
// dashes between words.
var clauseSplit = regexp.MustCompile(`\s*(?:,|;|\s[-–—])\s+`)

var (
	relativeWords = map[string]bool{"who": true, "which": true, "whose": true, "whom": true, "where": true, "when": true}
	// leadWords open the adverbial clause that often starts a sentence
	// ("Before becoming envoy, ..."): context, not an added fact.
	leadWords   = map[string]bool{"before": true, "after": true, "during": true, "despite": true, "while": true, "as": true, "since": true, "in": true, "on": true, "at": true, "with": true, "for": true, "although": true, "though": true}
	attribution = regexp.MustCompile(`(?i)\b(?:said|says|say|told|reports?|reported|according to|stated|added)\b`)
)

type addedClause struct {
	k    int // the sentence
	text string
}

// addedClauses finds what one article adds inside a fact the others share
// too: a clause of one of the fact's sentences with two or more content words,
// less than half of which occur in the fact's sentences from other articles
// ("Antonov, who was born in Siberia, has been ... since 2017"). A relative
// clause is given with the words it refers to; attributions ("officials
// said") and a sentence's opening adverbial clause are not facts. When no
// clause of a sentence is supported, the sentence shares its fact only as a
// whole, and none of its clauses is listed.
func addedClauses(group []int, sents []sentenceRef) []addedClause {
	var out []addedClause
	// owner tells, for each content word of the group, the one article whose
	// sentences have it, or -1 when several do: a word is in "the others" of
	// an article when another article has it.
	owner := map[uint64]int{}
	for _, o := range group {
		art := sents[o].article
		for _, h := range sents[o].prof.content {
			if a, ok := owner[h]; !ok {
				owner[h] = art
			} else if a != art {
				owner[h] = -1
			}
		}
	}
	inOthers := func(content hset, art int) float64 {
		n := 0
		for _, h := range content {
			if a, ok := owner[h]; ok && a != art {
				n++
			}
		}
		return float64(n) / float64(len(content))
	}
	for _, k := range group {
		art := sents[k].article
		othersHaveWords := false
		for _, o := range group {
			if sents[o].article != art && len(sents[o].prof.content) > 0 {
				othersHaveWords = true
				break
			}
		}
		if !othersHaveWords {
			continue
		}
		parts := clauseSplit.Split(strings.TrimRight(sents[k].text, "."), -1)
		var added []addedClause
		supported := false
		for i, part := range parts {
			content := profileOf(part).content
			if len(content) < 2 {
				continue
			}
			if inOthers(content, art) >= 0.5 {
				supported = true
				continue
			}
			first := strings.ToLower(strings.Fields(part + " x")[0])
			if attribution.MatchString(part) || i == 0 && leadWords[first] {
				continue
			}
			text := part
			if relativeWords[first] && i > 0 {
				text = parts[i-1] + ", " + part
			}
			added = append(added, addedClause{k, strings.TrimSpace(text)})
		}
		if supported { // some clause is what the sources share; the rest is this one's own
			out = append(out, added...)
		}
	}
	return out
}

// dateline matches the place and agency that open a wire paragraph:
// "CALDER (VWS) — ", "WASHINGTON (Reuters) - ", "PARIS, Nov. 3 (AFP) -- ".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s.,'-]{1,40}(?:,\s*[\p{L}.]+\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|--|-)\s+`)

// stripDateline removes a wire dateline from the start of a paragraph, so
// that it is neither part of a fact nor taken for a name.
func stripDateline(p string) string {
	if loc := dateline.FindStringIndex(p); loc != nil {
		return p[loc[1]:]
	}
	return p
}

// withoutDatelines strips the datelines of an article's paragraphs.
func withoutDatelines(t string) string {
	ps := strings.Split(t, "\n\n")
	for i, p := range ps {
		ps[i] = stripDateline(p)
	}
	return strings.Join(ps, "\n\n")
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil(c *news.Comparison) {
	if c.Facts == nil {
		c.Facts = []news.Fact{}
	}
	if c.Quotes == nil {
		c.Quotes = []news.Quote{}
	}
	if c.Entities == nil {
		c.Entities = []news.Entity{}
	}
	if c.Conflicts == nil {
		c.Conflicts = []news.Conflict{}
	}
	if c.Derivations == nil {
		c.Derivations = []news.Derivation{}
	}
	if c.Timeline == nil {
		c.Timeline = []news.TimelineEntry{}
	}
}

// inTimelineOrder sorts articles by publication time; undated ones keep their
// order after the dated.
func inTimelineOrder(articles []news.Article) []news.Article {
	out := append([]news.Article(nil), articles...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	return out
}

// timeline lists the articles in publication order; the earliest is marked
// first only when it reported first, see firstReport.
func timeline(arts []news.Article) []news.TimelineEntry {
	out := make([]news.TimelineEntry, len(arts))
	for i, a := range arts {
		out[i] = news.TimelineEntry{Published: news.FormatPublished(a.Published), Article: a.ID, Source: a.Source}
	}
	if len(arts) > 0 && firstReport(arts) {
		out[0].First = true
	}
	return out
}

// firstReport reports whether the earliest of a story's articles (arts in
// timeline order) was published before every other outlet's by more than
// the times' precision (news.Before): a date alone ties with any time of the
// same day, and an undated article ties with all. Other articles of its own
// outlet (updates, a second piece) do not count against it; a story told by
// one outlet has no first report.
func firstReport(arts []news.Article) bool {
	first, others := arts[0], 0
	for _, a := range arts[1:] {
		if sameOutlet(first, a) {
			continue
		}
		others++
		if !news.Before(first.Published, a.Published) {
			return false
		}
	}
	return others > 0
}

// sameOutlet tells whether two articles come from one outlet; articles
// without a source are taken to come from different ones.
func sameOutlet(a, b news.Article) bool {
	return a.Source != "" && strings.EqualFold(a.Source, b.Source)
}

// align groups the sentences that state the same thing. Each sentence is
// linked to its most similar sentence in every other article when they state
// the same fact (factScore of 1 or more); the groups are the connected sets, each listed in
// timeline order, so that its first sentence comes from the earliest article.
func align(sents []sentenceRef, articles int) ([][]int, []float64) {
	byArticle := make([][]int, articles)
	for k, s := range sents {
		byArticle[s.article] = append(byArticle[s.article], k)
	}
	parent := make([]int, len(sents))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// factScore is symmetric, and each pair is met from both its sides.
	scores := map[[2]int]float64{}
	scoreOf := func(k, m int) float64 {
		key := [2]int{min(k, m), max(k, m)}
		sc, ok := scores[key]
		if !ok {
			sc = factScore(sents[k].prof, sents[m].prof)
			scores[key] = sc
		}
		return sc
	}
	nearest := make([]float64, len(sents))
	overlaps := newOverlapIndex(sents)
	for k, s := range sents {
		if text.WordCount(s.text) < 4 {
			continue
		}
		shared := overlaps.sharedWith(k)
		for other := 0; other < articles; other++ {
			if other == s.article {
				continue
			}
			best, bestScore := -1, 0.0
			for _, m := range overlaps.top(k, shared[other], modelCandidates) {
				if sc := scoreOf(k, m); sc > bestScore {
					best, bestScore = m, sc
				}
			}
			if best >= 0 && bestScore >= 1 {
				parent[find(k)] = find(best)
			}
			nearest[k] = max(nearest[k], bestScore)
		}
	}
	members := map[int][]int{}
	var roots []int
	for k := range sents {
		r := find(k)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], k)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, members[r])
	}
	return out, nearest
}

// modelCandidates is how many sentences of another article, the most
// overlapping, the paraphrase model scores against a sentence: the model is
// the costly part of a comparison, and a sentence's match is nearly always
// among its strongest overlaps.
const modelCandidates = 3

// overlapIndex finds, for a sentence, the sentences of other articles that
// share content words with it, through postings rather than by comparing
// every pair: in a story of many articles most pairs share nothing.
type overlapIndex struct {
	sents    []sentenceRef
	postings map[uint64][]posting
	acc      []float64 // scratch: shared weight with the current sentence
	touched  []int
}

type posting struct {
	k int
	w float64
}

func newOverlapIndex(sents []sentenceRef) *overlapIndex {
	x := &overlapIndex{sents: sents, postings: map[uint64][]posting{}, acc: make([]float64, len(sents))}
	for k, s := range sents {
		for _, t := range s.prof.weighted.terms {
			x.postings[t.h] = append(x.postings[t.h], posting{k, t.w})
		}
	}
	return x
}

// sharedWith returns, for each article, its sentences that share a term
// with sentence k, in sentence order; x.acc holds the weight they share.
func (x *overlapIndex) sharedWith(k int) map[int][]int {
	for _, m := range x.touched {
		x.acc[m] = 0
	}
	x.touched = x.touched[:0]
	art := x.sents[k].article
	// Terms in hash order and postings in sentence order add up each
	// pair's shared weight in the order similarity does, to the same sum.
	for _, t := range x.sents[k].prof.weighted.terms {
		for _, p := range x.postings[t.h] {
			if x.sents[p.k].article == art {
				continue
			}
			if x.acc[p.k] == 0 {
				x.touched = append(x.touched, p.k)
			}
			x.acc[p.k] += min(t.w, p.w)
		}
	}
	slices.Sort(x.touched)
	byArticle := map[int][]int{}
	for _, m := range x.touched {
		byArticle[x.sents[m].article] = append(byArticle[x.sents[m].article], m)
	}
	return byArticle
}

// top returns up to n of the candidate sentences (from sharedWith) with the
// largest weighted overlap with sentence k, best first, leaving out those
// below candidateFloor: the same as scoring every sentence of the article.
func (x *overlapIndex) top(k int, candidates []int, n int) []int {
	type scored struct {
		k  int
		wd float64
	}
	a := x.sents[k].prof.weighted
	var best []scored
	for _, m := range candidates {
		b := x.sents[m].prof.weighted
		if a.total == 0 || b.total == 0 {
			continue
		}
		wd := 2 * x.acc[m] / (a.total + b.total)
		if wd < candidateFloor {
			continue
		}
		best = append(best, scored{m, wd})
		for i := len(best) - 1; i > 0 && best[i].wd > best[i-1].wd; i-- {
			best[i], best[i-1] = best[i-1], best[i]
		}
		if len(best) > n {
			best = best[:n]
		}
	}
	out := make([]int, len(best))
	for i, t := range best {
		out[i] = t.k
	}
	return out
}

// groupQuotes merges the same quotation found in several articles.
func groupQuotes(arts []news.Article, clean map[string]string, mentions map[string][]mention) []news.Quote {
	var out []news.Quote
	var keys []quoteKey // of each quote in out
	for _, a := range arts {
		for _, q := range quotesOf(clean[a.ID], mentions[a.ID]) {
			k := quoteKeyOf(q.Text)
			merged := false
			for i := range out {
				if out[i].Articles[len(out[i].Articles)-1] == a.ID {
					continue // one article does not quote the same words twice as two sources
				}
				if sameQuote(keys[i], k) {
					out[i].Articles = appendUnique(out[i].Articles, a.ID)
					if out[i].Speaker == "" || len(q.Speaker) > len(out[i].Speaker) && strings.Contains(q.Speaker, out[i].Speaker) {
						out[i].Speaker = q.Speaker
					}
					merged = true
					break
				}
			}
			if !merged {
				q.Articles = []string{a.ID}
				out = append(out, q)
				keys = append(keys, k)
			}
		}
	}
	return out
}

// canonicalSpeakers names each quote's speaker as the story's entity list
// does, so that "Anatoly Ivanovich Antonov" in one article and "Anatoly
// Antonov" in another are one speaker.
func canonicalSpeakers(quotes []news.Quote, entities []news.Entity) {
	names := map[string]string{}
	for _, e := range entities {
		if e.Kind == news.Person {
			names[entityKey(mention{name: e.Name, kind: news.Person})] = e.Name
		}
	}
	for i, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		if name, ok := names[entityKey(mention{name: q.Speaker, kind: news.Person})]; ok {
			quotes[i].Speaker = name
		}
	}
}

// quoteKey is what sameQuote compares of a quotation, computed once.
type quoteKey struct {
	normal string
	f      sentenceFeatures
}

func quoteKeyOf(q string) quoteKey { return quoteKey{text.Normalize(q), sentenceFeaturesOf(q)} }

// sameQuote reports whether two quotations are one: the same words, or one
// within the other (a partial quote), or nearly the same content words.
func sameQuote(a, b quoteKey) bool {
	return strings.Contains(a.normal, b.normal) || strings.Contains(b.normal, a.normal) || similarity(a.f, b.f) >= 0.8
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// quantity matches a number with what it counts: "12 people", "$4.5 million",
// "30%", "2,400 homes", and ages written "69-year-old", "aged 69" or
// "Brandvold, 52,".
var (
	// monthDay matches the date of an event: "Oct. 5", "October 5", "5 October".
	monthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`)
	quantity = regexp.MustCompile(`(?i)([$€£]?\d[\d,]*(?:\.\d+)?)(\s*(?:%|percent|per cent)|\s*(?:million|billion|thousand|m|bn)\b|-year-old|\s+[\p{L}]+)?`)
	ageForms = regexp.MustCompile(`(?i)(?:(\d{1,3})-year-old|\baged\s+(\d{1,3})\b|\p{L},\s+(\d{1,3}),)`)
)

// quantitiesOf lists the (unit, value) pairs a sentence states, dates of
// the month among them. Years ("in 2017") are not quantities.
func quantitiesOf(s string) [][2]string {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil
	}
	var out [][2]string
	if mentionsMonth(s) {
		out, s = monthDays(s)
	}
	for _, m := range ageForms.FindAllStringSubmatch(s, -1) {
		for _, v := range m[1:] {
			if v != "" {
				out = append(out, [2]string{"years old", v})
			}
		}
	}
	for _, m := range quantity.FindAllStringSubmatch(s, -1) {
		unit := strings.ToLower(strings.TrimSpace(m[2]))
		if unit == "" || unit == "-year-old" || isYear(m[1], unit) {
			continue
		}
		if unit == "percent" || unit == "per cent" {
			unit = "%"
		}
		out = append(out, [2]string{unit, strings.ReplaceAll(m[1], ",", "")})
	}
	return out
}

// monthDays lists the dates of the month a sentence gives and returns the
// sentence without them.
func monthDays(s string) ([][2]string, string) {
	var out [][2]string
	for _, m := range monthDay.FindAllStringSubmatch(s, -1) {
		month, day := m[1], m[2]
		if month == "" {
			month, day = m[4], m[3]
		}
		month = strings.ToUpper(month[:1]) + strings.ToLower(month[1:3])
		out = append(out, [2]string{"date", month + " " + day})
	}
	return out, monthDay.ReplaceAllString(s, "")
}

// mentionsMonth reports whether s may name a month: monthDay cannot match
// a sentence that does not, and is costly to run.
func mentionsMonth(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// digits matches a number, for masking.
var digits = regexp.MustCompile(`\d[\d,.]*`)

// isYear tells a year ("in 2017") from a count.
func isYear(num, unit string) bool {
	if len(num) != 4 || (num[:2] != "19" && num[:2] != "20") {
		return false
	}
	return !strings.ContainsAny(unit, "%$") && unit != "million" && unit != "billion"
}
