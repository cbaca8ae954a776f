// Package compare sets a story's articles side by side: the facts two or more
// of them state (sentences aligned across articles, aware of paraphrase), the
// sentences only one of them has, direct quotes and who said them, the people,
// places and organisations involved, numbers that disagree, and the order of
// publication. It does no I/O. The place gazetteer (gazetteer.go) is built
// at start from golang.org/x/text's CLDR data: countries' names in English
// and in twelve other languages, with no hand-written list of them.
package compare

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	link    bool // in a paragraph of related-link headlines ("Related: ..."): no claim of the article's
	appeal  bool // calls the reader to act ("Sign up for our newsletter", callsReader): no claim either
}

// namesOfLanguages is each article's mentions as namesInLanguage keeps
// them for the article's language; quotes and their speakers still read the
// mentions as found.
func namesOfLanguages(arts []news.Article, mentions map[string][]mention, texts map[string]string) map[string][]mention {
	out := make(map[string][]mention, len(mentions))
	for _, a := range arts {
		out[a.ID] = namesInLanguage(articleLang(a), texts[a.ID], mentions[a.ID])
	}
	return out
}

// Compare builds the comparison of a story's articles. Derivations are left to
// the caller (package cluster traces them).
func Compare(articles []news.Article) news.Comparison {
	c, _ := compareSentences(articles)
	return c
}

// CompareContext is Compare, given up with ctx's error as soon as ctx
// ends: a story of hundreds of articles takes minutes to compare, and an
// interrupt (Ctrl-C, a server stopping) must not wait for it. The
// comparison asks ctx between its steps and, in the steps that go over
// pairs (aligning sentences across articles, finding figures that
// disagree), before each sentence's or figure's pairs.
func CompareContext(ctx context.Context, articles []news.Article) (news.Comparison, error) {
	c, _, err := compareStopping(&stopper{ctx: ctx}, articles)
	return c, err
}

// compareSentences is Compare, and what became of each sentence of the
// articles (in timeline order), which tests count.
func compareSentences(articles []news.Article) (news.Comparison, []fate) {
	c, fates, _ := compareStopping(nil, articles)
	return c, fates
}

// stopper tells a comparison when to give up: when its context ended. A
// nil stopper never stops.
type stopper struct {
	ctx   context.Context
	err   error
	pairs int // pairs of sentences or figures looked at, which tests count
}

// stopped reports whether the comparison is to stop now.
func (s *stopper) stopped() bool {
	if s == nil {
		return false
	}
	if s.err == nil {
		s.err = s.ctx.Err()
	}
	return s.err != nil
}

// looked counts a pair looked at.
func (s *stopper) looked() {
	if s != nil {
		s.pairs++
	}
}

// compareStopping is compareSentences, given up (no comparison, and the
// context's error) when stop says so.
func compareStopping(stop *stopper, articles []news.Article) (news.Comparison, []fate, error) {
	if stop.stopped() {
		return news.Comparison{}, nil, stop.err
	}
	arts := news.InTimelineOrder(articles)
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	cmp := news.Comparison{Timeline: timeline(arts), Unique: map[string][]string{}}

	single := len(arts) == 1 // nothing to align or dispute: skip the costly profiles
	sents := sentencesOf(arts, !single)
	var groups [][]int
	var voices []int
	var near [][]nearMatch // each sentence's near matches in other articles
	if !single {
		groups, voices, near = align(stop, sents, len(arts))
	}
	// Names and quotes are read from the text without wire datelines, once,
	// so that the mentions' offsets match the text the quotes are found in.
	mentions := map[string][]mention{}
	texts := map[string]string{}
	found := map[string][]Quote{}
	readers := make([]claimReader, len(arts))
	for i, a := range arts {
		if stop.stopped() {
			return news.Comparison{}, nil, stop.err
		}
		clean := withoutDatelines(a.Text)
		mentions[a.ID], texts[a.ID] = recogniseTitled(a.Title, clean), clean
		at := newAttributor(clean, mentions[a.ID])
		found[a.ID] = at.quotes()
		readers[i] = claimReader{a: at, quotes: found[a.ID]}
	}
	inFact := make([]bool, len(sents))
	for gi, g := range groups {
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
		var wordings []news.Wording
		for i, id := range ids {
			if seen[i] {
				factIDs = append(factIDs, id)
				wordings = append(wordings, news.Wording{Article: id, Text: factText(g, sents, i)})
			}
		}
		// A fact that quotes someone by a pronoun ("“...,” she said") or
		// not at all (a quotation continuing the one before) is shown
		// with the quote's speaker; one without is still shared, and shown
		// as written. Its opening pronouns are left: on BASIL they were
		// resolved right only 4 times of 8 in shared facts (a recogniser
		// that misses a surname sends "He" to the wrong person), against 8
		// of 9 for quotes.
		fact := factText(g, sents, voices[gi])
		if shown, ok := readers[voices[gi]].quoteNamed(fact); ok {
			fact = shown
		}
		cmp.Facts = append(cmp.Facts, news.Fact{Text: fact, Articles: factIDs, Wordings: wordings})
	}
	if !single {
		owners, times := make([]map[string]bool, len(arts)), make([]time.Time, len(arts))
		numbers := make([]NumberReader, len(arts))
		for i, a := range arts {
			owners[i], times[i] = ownerWords(mentions[a.ID]), a.Published
			numbers[i] = NewNumberReader(articleLang(a), a.Text)
		}
		cmp.Conflicts = conflictsOf(stop, sents, ids, owners, times, numbers)
	}
	if stop.stopped() {
		return news.Comparison{}, nil, stop.err
	}
	sort.SliceStable(cmp.Facts, func(i, j int) bool { return len(cmp.Facts[i].Articles) > len(cmp.Facts[j].Articles) })
	added := map[int][]string{}
	for _, g := range groups {
		for _, a := range addedClauses(g, sents) {
			added[a.k] = append(added[a.k], a.text)
		}
	}
	claims, partly, fates := ownClaims(sents, inFact, near, added, readers, len(arts))
	if stop.stopped() {
		return news.Comparison{}, nil, stop.err
	}
	cmp.UniqueScores = map[string][]float64{}
	for i, cs := range claims {
		if len(cs) == 0 {
			continue
		}
		cmp.Unique[ids[i]], cmp.UniqueScores[ids[i]] = rankClaims(cs)
	}
	cmp.PartlyShared = partlyShared(partly, sents, ids, fates)
	cmp.UniqueShown = UniqueShown

	cmp.Entities = entitiesOf(ids, namesOfLanguages(arts, mentions, texts), texts)
	cmp.Quotes = groupQuotes(arts, found)
	canonicalSpeakers(cmp.Quotes, cmp.Entities)
	nonNil(&cmp)
	return cmp, fates, nil
}

// sentencesOf splits articles into sentences, in order, without wire
// datelines, and profiles them for alignment when profiled is true.
func sentencesOf(arts []news.Article, profiled bool) []sentenceRef {
	cache := meanings{}
	var sents []sentenceRef
	for i, a := range arts {
		n := 0
		eachSentence(a, func(_, claim string, inQuote, link bool) {
			if claim == "" {
				return // a section label alone ("Go deeper:")
			}
			ref := sentenceRef{article: i, index: n, text: claim, inQuote: inQuote, link: link, appeal: callsReader(claim, inQuote)}
			if profiled {
				ref.prof = profileWith(claim, cache)
			}
			sents = append(sents, ref)
			n++
		})
	}
	return sents
}

// eachSentence calls visit with each sentence of an article's paragraphs
// (wire datelines stripped), in order: the sentence as written, its claim
// (without the section label that opens it, see withoutLabel; "" for a
// label alone) and whether it lies inside a quotation an earlier sentence
// of its paragraph opened, and whether its paragraph is a related-link
// headline or a heading (linkParagraph, headingParagraph, teaserParagraph).
func eachSentence(a news.Article, visit func(raw, claim string, inQuote, link bool)) {
	paragraphs := a.Paragraphs()
	split := make([][]string, len(paragraphs))
	for j, p := range paragraphs {
		split[j] = text.Sentences(stripDateline(p))
	}
	art := contextOfLabels(paragraphs, split)
	for j, ss := range split {
		open := false // inside a quotation that an earlier sentence opened
		// A link headline is one sentence; "RELATED: ..." over several is
		// the writer's note.
		link := len(ss) == 1 && (linkParagraph(paragraphs[j]) || headingParagraph(paragraphs[j]) || teaserParagraph(paragraphs, j))
		for _, s := range ss {
			inQuote := open
			if opensQuote(s) {
				open = !open
			}
			claim, _ := withoutLabel(s, inQuote, art)
			visit(s, claim, inQuote, link)
		}
	}
}

// headingParagraph reports whether a paragraph is a heading or a line of a
// wire's chrome, no claim: three words or more, each capitalised (or a
// number, or no word: "|") but for short function words, with no
// sentence's end mark after the last ("For Use By Clients of the ... News
// Service", "Story Filed By ...", "Source: National Conference of ...",
// a related story's headline, a photo credit). Session 33 found such
// lines listed as shared facts and "only in" claims on duc2003's stories
// (14) and BASIL's (5); a sentence of news has lower-case words or ends
// with a mark.
func headingParagraph(p string) bool {
	p = strings.TrimSpace(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if p == "" || strings.ContainsRune(".!?…:;,"+headingClosers, last) {
		return false
	}
	words := strings.Fields(p)
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, headingOpeners+"-–—"))
		// A letter not in capitals: lower case, or of a script with no
		// capitals (Devanagari, Hangul, Arabic), whose sentences would
		// otherwise all read as headings when their end mark is not one of
		// ours (a danda) or missing.
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r) && !headingSmallWords[strings.ToLower(strings.Trim(w, headingOpeners+headingClosers+",:"))] {
			return false
		}
	}
	return true
}

// headingClosers and headingOpeners are the quotation marks and brackets
// that may end or open a paragraph's text.
const (
	headingClosers = "\"'\u201d\u2019)]\u00bb"
	headingOpeners = "\"'\u201c\u2018([\u00ab"
)

// headingSmallWords are the words a title-case heading leaves in lower case.
var headingSmallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true,
	"for": true, "by": true, "on": true, "in": true, "at": true, "with": true, "from": true, "as": true, "vs": true, "v": true, "nor": true, "but": true}

// factText is what a group of sentences says, in the words of one of its
// articles (voice): its sentence, or the sentences of a quotation that runs
// over several (see joinQuotations).
func factText(group []int, sents []sentenceRef, voice int) string {
	var parts []string
	for _, k := range group {
		if sents[k].article == voice {
			parts = append(parts, sents[k].text)
		}
	}
	return strings.Join(parts, " ")
}

// clauseSplit separates the clauses of a sentence: commas, semicolons and
// dashes between words.
var clauseSplit = regexp.MustCompile(`\s*(?:,|;|\s[-–—])\s+`)

var (
	relativeWords = map[string]bool{"who": true, "which": true, "whose": true, "whom": true, "where": true, "when": true}
	// leadWords open an adverbial phrase or clause ("Before becoming
	// envoy, ...", "When asked how long ..."): context, not an added fact.
	leadWords = map[string]bool{"before": true, "after": true, "during": true, "despite": true, "while": true, "as": true, "since": true,
		"in": true, "on": true, "at": true, "with": true, "for": true, "although": true, "though": true, "when": true, "if": true,
		"by": true, "from": true, "to": true, "of": true, "unlike": true, "amid": true, "under": true, "over": true, "through": true}
	attribution = regexp.MustCompile(`(?i)\b(?:said|says|say|told|reports?|reported|according to|stated|added)\b`)
)

type addedClause struct {
	k    int // the sentence
	text string
}

// addedClauses finds what one article adds inside a fact the others share
// too: a clause of one of the fact's sentences with two or more content
// words, less than half of which occur in the fact's sentences from other
// articles, and which no sentence of another article nearly states (a
// fact's group holds one sentence per article, and the clause may be told
// by another sentence there). Only clauses that read as statements are
// given: not attributions ("officials said"), not a relative clause ("which
// it opposed", which leans on its noun) unless its noun is a name, when it
// is given as a statement about the name ("Brandvold, who grew up in
// Aldbury" as "Brandvold grew up in Aldbury"), nor a phrase that opens with
// a participle or a preposition ("Calling it a scam", "In a stinging blow
// to the president"). When no clause of a sentence is supported, the
// sentence shares its fact only as a whole, and none of its clauses is
// listed. (BASIL stories 0-9 read by hand: with relative clauses joined to
// their noun and no check against other sentences, 25 of the 29 clauses
// listed were told elsewhere or were fragments.)
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
			content := contentOf(part)
			if len(content) < 2 {
				continue
			}
			if inOthers(content, art) >= 0.5 {
				supported = true
				continue
			}
			first := strings.ToLower(strings.TrimLeftFunc(strings.Fields(part + " x")[0], func(r rune) bool { return !unicode.IsLetter(r) }))
			text := strings.TrimSpace(part)
			if first == "who" && i > 0 && isNamePhrase(parts[i-1]) {
				// "Brandvold, who grew up in Aldbury" says "Brandvold grew up in Aldbury".
				text = strings.TrimSpace(parts[i-1]) + " " + strings.TrimSpace(text[len("who"):])
			} else if attribution.MatchString(part) || leadWords[first] || relativeWords[first] || strings.HasSuffix(first, "ing") {
				continue
			}
			if toldElsewhere(text, art, sents) {
				continue
			}
			added = append(added, addedClause{k, text})
		}
		if supported { // some clause is what the sources share; the rest is this one's own
			out = append(out, added...)
		}
	}
	return out
}

// isNamePhrase reports whether a text is a name alone, as a relative
// clause's noun may be ("Representative Nancy Pelosi of California"): up to
// six words, each capitalised but for the particles of names, and not cut
// at an abbreviation's period ("Maricopa County, Ariz.").
func isNamePhrase(t string) bool {
	t = strings.TrimSpace(t)
	ws := text.Words(t)
	if len(ws) == 0 || len(ws) > 6 || strings.HasSuffix(t, ".") {
		return false
	}
	for _, w := range ws {
		if !text.IsUpperInitial(w) && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// nameParticles are the lower-case words inside names.
var nameParticles = map[string]bool{"of": true, "the": true, "de": true, "van": true, "von": true, "al": true, "bin": true, "da": true, "le": true}

// toldElsewhere reports whether a sentence of another article than art
// nearly states a text (a fact score of nearlyShared or more).
func toldElsewhere(t string, art int, sents []sentenceRef) bool {
	p := profileOf(t)
	for _, s := range sents {
		if s.article != art && similarity(p.weighted, s.prof.weighted) >= candidateFloor && factScore(p, s.prof) >= nearlyShared {
			return true
		}
	}
	return false
}

// dateline matches the place and agency that open a wire paragraph:
// "CALDER (VWS) — ", "WASHINGTON (Reuters) - ", "PARIS, Nov. 3 (AFP) -- ".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s.,'-]{1,40}(?:,\s*[\p{L}.]+\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|―|--|-)\s+`)

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

// timeline lists the articles in publication order; the earliest is marked
// first only when it reported first (news.FirstReport, which the sources'
// tally also reads for stories not compared yet).
func timeline(arts []news.Article) []news.TimelineEntry {
	out := make([]news.TimelineEntry, len(arts))
	for i, a := range arts {
		out[i] = news.TimelineEntry{Published: news.ShowPublished(a.Published, a.DateOnly), Article: a.ID, Source: a.Source}
	}
	if len(arts) > 0 && news.FirstReport(arts) {
		out[0].First = true
	}
	return out
}

// linked tells whether a sentence's best match in another article, at fact
// score fact, is linked to it as the same fact: when the link model says so
// (BuiltinLinkModel, models/link.json), a logistic regression over the fact
// score, the length of the shorter sentence and the share of figures one
// gives that the other does not. It is fitted on the 1,002 links of
// models/links.labels.tsv: session 19's 660 (pairs this decision judged on
// the gold stories of BASIL, newswcl50, allsides_val, ecbplus_dev and
// duc2003, labelled right only when both state one claim; 52% right; drawn
// 60% among the links of the model before and 40% among the pairs it
// turned down at a probability of .45 or more, so all at fact scores of 1.1
// to 1.6) and session 22's 342 (the same five files and allsides_dated, 57
// each: 10 links of the model then, 12 pairs it turned down at .45 or more,
// 20 under .45 and 15 under the cut, at a fact score of 0.5 to 0.8, which
// the fit leaves out; 38% right). The figures below are of this mix, not of
// every pair the decision judges. Its threshold keeps as many of their
// right links as the fact score alone does from the lowest cut at which
// 85% of the links kept are right (LinkPrecision; 80% in session 22 after
// s22-linkcut, back to 85% after s23-cutread's held-out read, see
// LinkPrecision for why).
// It asks more of the fact score than the pair decision does (1), because
// a link is the best of the article's many candidates, all of one story:
// the best of many topical pairs passes a threshold fitted on pairs half of
// which state a common fact (duc_scu_dev). It asks about 1.41 of a sentence
// of three content words, 1.44 of ten and 1.47 of thirty (a long sentence
// shares a story's words while stating other claims), 0.16 more when none
// of the shorter's figures is in the other (figures compared by value).
// Each bench file held out (fitted and chosen on the other five), its right
// links shown / kept: BASIL 86.1/51.7%, newswcl50 69.8/56.9, allsides_val
// 93.8/42.9, ecbplus_dev 90.2/46.9, duc2003 80.4/70.3, allsides_dated
// 75.0/40.9; about what the fact score alone does from its cut (87.3/51.7,
// 75.6/52.3, 90.6/45.7, 90.4/48.0, 78.9/70.3, 69.2/40.9). At 80% it showed
// 80.2/60.8, 64.1/63.1, 94.3/47.6, 86.4/52.0, 78.8/81.2, 66.7/45.5; read by
// hand on 8 BASIL stories never read before, 80% listed 74 facts where 85%
// lists 63 and found 71 of 148 clearly shared claims where 85% finds 64, at
// 87.8% of facts right against 92.1% (`storyline eval links`,
// docs/measurements/comparison.md "The link model", "More link labels",
// "The link cut (session 22, s22-linkcut)" and "The link cut read held
// out (session 23, s23-cutread)"). A sentence
// whose best match the fact score nearly calls the same (nearlyShared) but
// the model does not link is listed as partly shared (see ownClaims), not
// as its article's own claim.
//
// A pair the fact score does not even call nearly the same (nearlyShared)
// is never linked (matchProbability).
func linked(a, b profile, fact float64) bool {
	return matchProbability(a, b, fact) >= BuiltinLinkModel().Threshold
}

// align groups the sentences that state the same thing. Each sentence is
// linked to its most similar sentence in every other article when they
// state the same fact (the link model links them) and that sentence's best
// match back is it (mutualLinks); the links join sentences into facts
// (groupLinked), and the pieces of one quotation into one fact
// (joinQuotations). Each group is listed in timeline order, so that its
// first sentence comes from the earliest article; voices gives the article
// in whose words each is shown (voiceOf). near gives, for each sentence, its
// best match in each other article that nearly states it (nearlyStates),
// the closest first.
func align(stop *stopper, sents []sentenceRef, articles int) (groups [][]int, voices []int, near [][]nearMatch) {
	// factScore is symmetric, and each pair is met from both its sides.
	scores := map[[2]int]float64{}
	scoreOf := func(k, m int) float64 {
		key := [2]int{min(k, m), max(k, m)}
		sc, ok := scores[key]
		if !ok {
			stop.looked()
			sc = factScore(sents[k].prof, sents[m].prof)
			scores[key] = sc
		}
		return sc
	}
	near = make([][]nearMatch, len(sents))
	var links []link // each sentence's best match in every other article, when they state the same fact
	eachBestMatch(stop, sents, articles, scoreOf, func(k, best int, score float64) {
		p := matchProbability(sents[k].prof, sents[best].prof, score)
		if p >= BuiltinLinkModel().Threshold {
			links = append(links, link{k, best, score})
		}
		if p >= minPartlyProb {
			near[k] = append(near[k], nearMatch{best, score})
		}
	})
	if stop.stopped() {
		return nil, nil, nil // the comparison gives up; what is found so far is of no use
	}
	for k := range near {
		slices.SortStableFunc(near[k], func(a, b nearMatch) int { return cmp.Compare(b.score, a.score) })
	}
	articleOf := func(k int) int { return sents[k].article }
	links = byScore(mutualLinks(links, articleOf))
	groups = joinQuotations(groupLinked(len(sents), articleOf, links, scoreOf), sents)
	voices = make([]int, len(groups))
	for gi, g := range groups {
		voices[gi] = voiceOf(g, sents, scoreOf)
	}
	return groups, voices, near
}

// minPartlyProb is the link model's probability (see linked) from which a
// sentence's best match in another article, at a fact score of
// nearlyShared or more, is taken to nearly state it (a claim listed as
// partly also in that article, news.PartlyShared). The fact score alone
// let long topical sentences through: on the gold stories of basil,
// allsides_val and newswcl50, 2,910 of 5,282 partly-shared items named
// every other article of their story. Of 150 (item, article, closest
// sentence) triples drawn at random from them and read (1 when the
// sentence states the claim, whole or in part), 57 were right (38%); below
// 0.2 only 9 of 69 were (13%), from 0.2 48 of 81 (59%), keeping 48 of the
// 57 right. The kept pairs are more often right than wrong from 0.15 (49
// of 90); 0.2 leaves out the band 0.15-0.2 too, 1 right of 9, and the
// pairs below it are right about as rarely as the only-in claims are wrong
// (13% against 2 of 10 read; docs/measurements/comparison.md). Of the sampled
// pairs whose item then names no article (and is listed as its article's
// own claim), 42 of 48 were indeed not stated there. A cut at the
// probability where half the pairs at it are right (0.35) showed 72% right
// held out (the cut fitted on the two other sets) but kept only 39 of the
// 57 right pairs (docs/measurements/comparison.md).
const minPartlyProb = 0.2

// nearlyStates reports whether sentence b, the best match of sentence a in
// another article with the fact score fact, nearly states it: a fact score
// of nearlyShared or more, and a link model's probability of minPartlyProb
// or more.
func nearlyStates(a, b profile, fact float64) bool {
	return matchProbability(a, b, fact) >= minPartlyProb
}

// matchProbability is the link model's probability that sentence b, the
// best match of sentence a in another article with the fact score fact,
// states a's fact; 0 when the fact score does not even call them nearly
// the same (nearlyShared). align reads it once a pair for both its
// decisions: linked (the model's threshold) and nearlyStates
// (minPartlyProb).
func matchProbability(a, b profile, fact float64) float64 {
	if fact < nearlyShared {
		return 0
	}
	// The cut is LinkModel.Probability's too; checked here first so that
	// the features of a pair under it are never worked out.
	return BuiltinLinkModel().Probability(linkFeatures(a, b, fact))
}

// eachBestMatch calls visit with each sentence k of minLinkWords words or
// more and its best match in every other article (see bestMatch), with
// their fact score, in sentence order and then article order; articles
// with no candidate are skipped. A question states no fact (isQuestion),
// nor does a related-link headline (sentenceRef.link) or a call to the
// reader (sentenceRef.appeal): none is matched nor a match, so a sentence whose closest is one is matched to the next
// closest. align decides its links and near
// matches on these pairs, and the tests that explain or draw them walk the
// same.
func eachBestMatch(stop *stopper, sents []sentenceRef, articles int, score func(k, m int) float64, visit func(k, best int, score float64)) {
	overlaps := newOverlapIndex(sents)
	question := make([]bool, len(sents))
	for k, s := range sents {
		question[k] = isQuestion(s.text, s.inQuote) || s.link || s.appeal
	}
	for k, s := range sents {
		if stop.stopped() {
			return
		}
		if text.WordCount(s.text) < minLinkWords || question[k] {
			continue
		}
		shared := overlaps.sharedWith(k)
		for other := 0; other < articles; other++ {
			if other == s.article {
				continue
			}
			if best, bestScore := bestMatch(overlaps, k, withoutQuestions(shared[other], question), score); best >= 0 {
				visit(k, best, bestScore)
			}
		}
	}
}

// withoutQuestions returns the candidates that are no question (the
// slice itself when none is, which is nearly always).
func withoutQuestions(candidates []int, question []bool) []int {
	for i, m := range candidates {
		if question[m] {
			kept := append([]int(nil), candidates[:i]...)
			for _, m := range candidates[i+1:] {
				if !question[m] {
					kept = append(kept, m)
				}
			}
			return kept
		}
	}
	return candidates
}

// minLinkWords is the fewest words a sentence needs to be matched with
// another article's: shorter ones ("He declined.", "Read more") state no
// fact of their own.
const minLinkWords = 4

// bestMatch returns sentence k's best match among candidates (the
// sentences of one other article sharing words with it): of the
// modelCandidates sharing the most, the one of the highest fact score
// (score), with that score; -1 when there is none. align and the explain
// test both read a sentence's best match so.
func bestMatch(overlaps *overlapIndex, k int, candidates []int, score func(k, m int) float64) (int, float64) {
	best, bestScore := -1, 0.0
	for _, m := range overlaps.top(k, candidates, modelCandidates) {
		if sc := score(k, m); sc > bestScore {
			best, bestScore = m, sc
		}
	}
	return best, bestScore
}

// nearMatch is a sentence of another article that nearly states a
// sentence, with their fact score.
type nearMatch struct {
	k     int
	score float64
}

// voiceOf chooses the article in whose words a fact is shown: the one
// whose sentence agrees most with the others' (the highest sum of fact
// scores), so that a fact three articles tell is not shown in the words of
// the one that tells it least plainly. Only the group's first sentences
// (one per article, up to twice groupChecks) are weighed. A sentence a
// feed's teaser cut ("... to accept the Egyptian proposal,...", cutOff) is
// the voice only when every one is cut: it still shares the fact, but
// shown as the fact it reads as a fragment.
func voiceOf(group []int, sents []sentenceRef, scoreOf func(k, m int) float64) int {
	articleOf := func(k int) int { return sents[k].article }
	seen := map[int]bool{}
	var first []int
	for _, k := range group {
		if !seen[articleOf(k)] && len(first) < 2*groupChecks {
			seen[articleOf(k)] = true
			first = append(first, k)
		}
	}
	best, bestSum, bestCut := first[0], -1.0, true
	for _, x := range first {
		cut := cutOff(sents[x].text)
		if cut && !bestCut {
			continue
		}
		sum := 0.0
		for _, y := range first {
			if y != x {
				sum += scoreOf(x, y)
			}
		}
		if sum > bestSum || bestCut && !cut {
			best, bestSum, bestCut = x, sum, cut
		}
	}
	return articleOf(best)
}

// link joins a sentence to its best match in another article, with their
// fact score.
type link struct {
	k, m  int
	score float64
}

// mutualLinks keeps the links whose sentences are each other's best match
// (links holds each sentence's best match in every other article): a fact
// is told once by an article, and a sentence whose match prefers another
// sentence of its article shares less than that one does.
func mutualLinks(links []link, articleOf func(int) int) []link {
	bestIn := make(map[[2]int]int, len(links)) // (sentence, other article) -> its best match there
	for _, l := range links {
		bestIn[[2]int{l.k, articleOf(l.m)}] = l.m
	}
	var out []link
	for _, l := range links {
		if m, ok := bestIn[[2]int{l.m, articleOf(l.k)}]; ok && m == l.k {
			out = append(out, l)
		}
	}
	return out
}

// byScore sorts links strongest first.
func byScore(links []link) []link {
	slices.SortStableFunc(links, func(a, b link) int { return cmp.Compare(b.score, a.score) })
	return links
}

// groupLinked joins n sentences into facts along the links, in their order
// (strongest first: see byScore), and never two groups that hold sentences of one article (a fact is
// told once by each article that tells it), nor two whose sentences do not
// all nearly state one fact (scoreOf, see groupAgreement): a link joins two
// sentences, but one of them may state two facts and the other group's
// sentences the other one. The groups, each sorted, come in the order of
// their first sentence.
func groupLinked(n int, articleOf func(int) int, links []link, scoreOf func(k, m int) float64) [][]int {
	parent := make([]int, n)
	told := make([]map[int]bool, n) // of a group's root: the articles its sentences come from
	members := make([][]int, n)     // of a group's root: its sentences, in the order they joined
	for k := range n {
		parent[k] = k
		told[k] = map[int]bool{articleOf(k): true}
		members[k] = []int{k}
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	agree := func(a, b []int) bool {
		for _, x := range a[:min(len(a), groupChecks)] {
			for _, y := range b[:min(len(b), groupChecks)] {
				if scoreOf(x, y) < groupAgreement {
					return false
				}
			}
		}
		return true
	}
	for _, l := range links {
		a, b := find(l.k), find(l.m)
		if a == b || overlapsArticles(told[a], told[b]) || !agree(members[a], members[b]) {
			continue
		}
		if len(told[a]) < len(told[b]) {
			a, b = b, a
		}
		parent[b] = a
		for art := range told[b] {
			told[a][art] = true
		}
		members[a] = append(members[a], members[b]...)
		told[b], members[b] = nil, nil
	}
	var groups [][]int
	for k := range n {
		if find(k) == k {
			g := members[k]
			slices.Sort(g)
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return groups
}

// groupAgreement is the fact score (the share of the decision threshold)
// every sentence of a group must reach with those of another group for the
// two to join: the decision itself, so that every two sentences of a fact
// state it in common. (At nearlyShared, .8, a third article's sentence on
// the same topic but another claim joined facts of two: BASIL stories 0-9,
// read by hand.)
const groupAgreement = 1.0

// groupChecks is how many sentences of each group are checked for
// agreement when two groups join (the first to have joined it): enough for the stories of
// three to five outlets the analysts read, and a bound on the model's work
// in a story of fifty.
const groupChecks = 4

// overlapsArticles reports whether two groups hold sentences of one article.
func overlapsArticles(a, b map[int]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for art := range a {
		if b[art] {
			return true
		}
	}
	return false
}

// joinQuotations joins a group to the one before it when its sentences
// continue, in every article that tells it, the quotation the other
// group's sentences open ("I love this country ... going to hell." / "The
// world laughs at us."): one quotation is one claim, however the sentence
// splitter cut it. The groups hold one sentence per article (see align)
// and come in the order of their first sentence.
func joinQuotations(groups [][]int, sents []sentenceRef) [][]int {
	groupOf := make(map[int]int, len(sents))
	for gi, g := range groups {
		for _, k := range g {
			groupOf[k] = gi
		}
	}
	joined := make([]bool, len(groups))
	for gi := range groups {
		if joined[gi] || len(groups[gi]) < 2 {
			continue
		}
		tail := groups[gi] // the group's last sentence in each article
		for {
			next, ok := -1, true
			for _, k := range tail {
				n := k + 1
				if n >= len(sents) || sents[n].article != sents[k].article || !sents[n].inQuote {
					ok = false
					break
				}
				if g, in := groupOf[n]; !in || next >= 0 && g != next {
					ok = false
					break
				} else {
					next = g
				}
			}
			if !ok || next == gi || joined[next] || len(groups[next]) != len(tail) {
				break
			}
			groups[gi] = append(groups[gi], groups[next]...)
			tail = groups[next]
			joined[next] = true
		}
	}
	out := groups[:0]
	for gi, g := range groups {
		if !joined[gi] {
			out = append(out, g)
		}
	}
	return out
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
func groupQuotes(arts []news.Article, quotes map[string][]Quote) []news.Quote {
	var out []news.Quote
	var keys []quoteKey // of each quote in out
	for _, a := range arts {
		for _, found := range quotes[a.ID] {
			q := news.Quote{Speaker: found.Speaker, Text: found.Text}
			k := quoteKeyOf(q.Text)
			merged := false
			for i := range out {
				if out[i].Articles[len(out[i].Articles)-1] == a.ID {
					continue // one article does not quote the same words twice as two sources
				}
				if sameQuote(keys[i], k) {
					out[i].Articles = appendUnique(out[i].Articles, a.ID)
					if out[i].Speaker == "" || len(q.Speaker) > len(out[i].Speaker) && strings.Contains(q.Speaker, out[i].Speaker) ||
						describedOnly(out[i].Speaker) && q.Speaker != "" && !describedOnly(q.Speaker) { // "the ministry" in one article, "Varden Interior Ministry" in another
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

// personNamed returns the story's name for the person of a speaker's key:
// the one of that key (names), else the one written with the full form of
// the speaker's short given name ("Ed Markey" said it, the story lists
// "Edward J. Markey"), else, for a full given name, the one written with a
// short form of it (shortNamed: "David Brat" said it, the story lists "Dave
// Brat"). Two short forms of one name are not matched ("Ted" is not "Ed").
func personNamed(names, shortNamed map[string]string, key string) (string, bool) {
	if name, ok := names[key]; ok {
		return name, true
	}
	if formal := withFormalGivenName(key); formal != key {
		name, ok := names[formal]
		return name, ok
	}
	name, ok := shortNamed[key]
	return name, ok
}

// canonicalSpeakers names each quote's speaker as the story's entity list
// does, so that "Pavel Ivanovich Zorin" in one article and "Pavel
// Zorin" in another are one speaker.
func canonicalSpeakers(quotes []news.Quote, entities []news.Entity) {
	names := map[string]string{}      // a person's key -> the story's name for them
	shortNamed := map[string]string{} // the key with the given name in full, of a person the story names by a short form
	surnames := map[string][]string{} // last word -> the story's people with it
	for _, e := range entities {
		if e.Kind == news.Person {
			key := entityKey(mention{name: e.Name, kind: news.Person})
			names[key] = e.Name
			if formal := withFormalGivenName(key); formal != key {
				shortNamed[formal] = e.Name
			}
			if ws := nameWords(e.Name); len(ws) > 1 {
				surnames[ws[len(ws)-1]] = append(surnames[ws[len(ws)-1]], e.Name)
			}
		}
	}
	for i, q := range quotes {
		if q.Speaker == "" || describedOnly(q.Speaker) {
			continue // no one, or a description ("the fire chief") that names no one to match
		}
		if name, ok := personNamed(names, shortNamed, entityKey(mention{name: q.Speaker, kind: news.Person})); ok {
			quotes[i].Speaker = name
		}
		// "Trump" in an article that gives no first name is the story's
		// Donald Trump, when the story has one person of that surname.
		if ws := nameWords(quotes[i].Speaker); len(ws) == 1 && len(surnames[ws[0]]) == 1 {
			quotes[i].Speaker = surnames[ws[0]][0]
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

// digits matches a number, for masking.
var digits = regexp.MustCompile(`\d[\d,.]*`)
