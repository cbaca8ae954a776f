package compare

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// What only one source says is listed as claims an analyst can read alone,
// most informative first, and only when no other source says it.
const (
	// minUniqueWords is the shortest sentence listed as an article's own
	// claim; shorter ones are datelines, captions and fragments ("Earlier
	// Friday").
	minUniqueWords = 6

	// minClauseWords is the shortest clause of a shared sentence listed as
	// what one article adds; shorter ones do not stand alone.
	minClauseWords = 6

	// nearlyShared is the share of the fact decision's threshold (the fact
	// model's score over its threshold, see factScore) from which a
	// sentence is taken as told elsewhere too, though not surely enough to
	// list it as a shared fact (the link model, see linked): it is then
	// listed as partly also in the other (news.PartlyShared), not as only
	// its own, when the link model gives the pair minPartlyProb or more
	// too (nearlyStates). Of session 19's hand-labelled links (models/links.labels.tsv,
	// see linked; drawn at a link probability of .45 or more of the model
	// before, so none score below 1.1) those scoring 1.1 to 1.37 state one
	// claim 28.5% of the time (79 of 277: 14% at 1.1-1.2, 20% at 1.2-1.3,
	// 40% at 1.3-1.37); the lost session-8 labels, "at least one common
	// claim", gave 40% from 1 to 1.37. It was not fitted: of duc_scu_dev's
	// sentence pairs scoring 0.8 to 1, 61.7% state a common fact (44.9%
	// from 0.6, 24.9% below; docs/measurements/comparison.md). Session 22's labels, drawn below
	// the cut too, find it loses few of the comparison's right links: of
	// best matches scoring 0.5 to 0.8, 5 of 90 state one claim, 4 of 45 at
	// 0.8 to 1, 7 of 18 at 1.1 to 1.2 (docs/measurements/comparison.md "More link labels").
	nearlyShared = 0.8

	// UniqueShown is how many of an article's own claims a reader sees
	// before the rest are folded away (the page of a story told by
	// three outlets would otherwise list a hundred and more).
	UniqueShown = 5
)

// uniqueClaim is a candidate for an article's own claims.
type uniqueClaim struct {
	text  string
	score float64
	order int         // place in the article, to keep ties in reading order
	near  []nearMatch // of a claim partly told elsewhere: the closest sentence of each other article that nearly states it
}

// standsAlone reports whether a sentence or clause can be read without the
// text around it: it starts with a capital letter (after any quotation
// mark), closes every quotation it opens, says something beyond names (two
// or more words in lower case), and does not open with a conjunction or a
// word that points back ("and", "but", "which").
func standsAlone(s string, minWords int) bool {
	whole, _ := standing(s, minWords)
	return whole
}

// leansBack reports whether a sentence would stand alone (standsAlone) but
// for its opening word, a conjunction or a word that points back to the
// sentence before ("But on Thursday, ...", "It institutes ...").
func leansBack(s string, minWords int) bool {
	_, leans := standing(s, minWords)
	return leans
}

// standing is standsAlone (whole) and leansBack (leans).
func standing(s string, minWords int) (whole, leans bool) {
	s = strings.TrimSpace(s)
	if text.WordCount(s) < minWords {
		return false, false
	}
	if !startsWithCapital(s) && !startsCaseless(s) || opensQuote(s) {
		return false, false // a lower-case or figure start, or a quotation left open: a piece of a longer text
	}
	ws := text.Words(s)
	lower := 0
	for _, w := range ws {
		if !text.IsUpperInitial(w) && !unicode.IsDigit([]rune(w)[0]) {
			lower++
		}
	}
	if lower < 2 {
		return false, false // names and titles alone ("White House Communications Director Hope Hicks")
	}
	quoted := strings.ContainsRune("\"“'‘", []rune(s)[0]) // a quotation's "It" is the speaker's
	if dangles(s, ws) || !quoted && pointsBack(ws) {
		return false, true
	}
	return true, false
}

// startsCaseless reports whether a sentence's first letter is of a script
// with no capitals that is written with spaces between words (Arabic,
// Hebrew, Persian, Devanagari, Georgian): such a sentence starts as a whole
// one does, where startsWithCapital read every sentence of an Arabic
// article as a broken-off piece, so that its story listed no "only in"
// item at all (session 39, an invented Arabic story). Han, kana, Thai, Lao,
// Khmer and Myanmar, written without spaces, are left out: the aligner
// reads a run of them as one word, so their shared sentences would be
// listed as an article's own (tried on branch s39-lang-tried).
func startsCaseless(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r) && !unspacedScript(r)
		}
	}
	return false
}

// unspacedScript reports whether a letter is of a script written without
// spaces between words.
func unspacedScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// dangles reports whether a sentence opens with one of danglingStarts and
// so leans on the sentence before. A subordinating opener followed by its
// main clause after a comma ("While the board met, the mayor resigned.")
// is a whole sentence; without the comma ("While the others waited.") it
// is the tail of the sentence before.
func dangles(s string, ws []string) bool {
	first := strings.ToLower(ws[0])
	if !danglingStarts[first] {
		return false
	}
	return !subordinators[first] || !hasClauseComma(s)
}

// hasClauseComma reports whether s has a comma that is not one of a
// number's digit groups ("While 1,200 workers waited outside.").
func hasClauseComma(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
			return true
		}
	}
	return false
}

// subordinators are the danglingStarts that open a subordinate clause,
// which may stand before the main clause of its own sentence.
var subordinators = toSet(`while`)

// pointsBack reports whether a sentence opens with a word that stands for
// something the sentence before said: "It was quickly deleted", "This is a
// slower pace than in July", "That number is expected to grow", "Such as:
// ...". Not a time ("This week, ..."), and not an "it" that only holds the
// place of a clause after it ("It is unclear whether ...", "It was
// difficult to ..."): a "to", "that", "whether" or "if" within the four
// words after "it is/was". On BASIL's and allsides_dated's only-in lists
// 96 items opened with "It" and 86 with This/That/These/Those/Such; of 20
// of them read (outside quotations), 15 leaned on the sentence before.
func pointsBack(ws []string) bool {
	first := strings.ToLower(strings.NewReplacer("’", "'").Replace(ws[0]))
	switch first {
	case "such":
		return true
	case "this", "that", "these", "those":
		return len(ws) < 2 || !timeNouns[strings.ToLower(ws[1])]
	case "it", "it's":
		rest := ws[1:]
		switch {
		case first == "it's":
		case len(rest) > 0 && (strings.EqualFold(rest[0], "is") || strings.EqualFold(rest[0], "was") || rest[0] == "s"):
			rest = rest[1:] // "It is", "It was", and "It’s", which text.Words splits at the apostrophe
		default:
			return true
		}
		for _, w := range rest[:min(4, len(rest))] {
			if placeholderClause[strings.ToLower(w)] {
				return false
			}
		}
		return true
	}
	return false
}

// timeNouns follow "this" or "that" in a time, not a reference back.
var timeNouns = toSet(`week weekend month year morning afternoon evening night day time season spring summer fall autumn winter
monday tuesday wednesday thursday friday saturday sunday`)

// placeholderClause are the words that open the clause an "it" holds the
// place of ("It is unclear whether", "It was hard to").
var placeholderClause = toSet(`to that whether if`)

// hasVerb reports whether a clause cut from a sentence reads as saying
// something: a verb as the predicate reading sees one (a past form, a frame
// verb, a word after an auxiliary or a subject pronoun), an auxiliary
// itself (in lower case: "from May" is no verb), or a present-tense verb
// between its subject and its object ("the mayor calls the fees a tax").
// What a shared sentence adds is often a list or a phrase left over once
// the shared part is taken out ("Mexico and many others in the Western
// Hemisphere", "The federal judge overseeing the case"), no claim of its
// own. Whole sentences are not asked: of BASIL's 1,863 claims listed as
// only in one source, 37 sentences with a present-tense verb the reading
// does not see ("Economists credit the program ...") would go. On BASIL's
// stories the rule takes 6 of 1,958 items listed away: 4 fragments
// ("Earlier in the day on Saturday"), 2 that say something ("The latest
// controversy really dates back to January").
func hasVerb(clause string) bool {
	toks := predicateTokens(clause)
	for i, t := range toks {
		if i >= 2 && toks[i-1].w == "to" && toks[i-2].w == "according" {
			continue // "according to port officials": a preposition, no infinitive
		}
		// A weak reading (-s after a capitalised word) only past the first
		// word, whose capital says nothing: "Port officials this week".
		v := verbAt(toks, i)
		if (v == strongVerb || v == weakVerb && i > 1) && t.w != "according" || auxiliaries[t.w] && !clauseAdverbs[t.w] && !t.capital ||
			presentVerbAt(toks, i) {
			return true
		}
	}
	return false
}

// presentVerbAt reports whether token i reads as a present-tense verb
// between a subject and an object: a lower-case word that is no stop word,
// after a content word and before a determiner, a pronoun or a figure
// ("mayor calls the", "economists credit the", "fishermen pay twice").
func presentVerbAt(toks []predToken, i int) bool {
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	t, prev, next := toks[i], toks[i-1], toks[i+1]
	if t.w == "" || t.capital || text.IsStopWord(t.w) || !isContent(prev) || beforeNoun[prev.w] {
		return false
	}
	return objectOpeners[next.w] || next.w != "" && unicode.IsDigit([]rune(next.w)[0])
}

// objectOpeners are words that open a verb's object. Not "this", "that",
// "these", "those": after a noun they open a time ("Port officials this
// week") or a relative clause ("the fees that fishermen pay") as often.
var objectOpeners = toSet(`the a an his her its their our no some all every each twice him them us`)

// clauseAdverbs are the auxiliaries' words that are no verb themselves.
var clauseAdverbs = toSet(`to not never also`)

// danglingStarts are words that start a clause that leans on the sentence
// before it.
var danglingStarts = map[string]bool{"and": true, "but": true, "or": true, "which": true, "who": true, "whom": true,
	"whose": true, "where": true, "while": true, "including": true, "followed": true, "also": true}

// otherWords holds, for each article, the content-word stems of the other
// articles, to weigh what a claim adds.
type otherWords struct {
	count map[string]int // stem -> how many articles use it
	own   []map[string]bool
}

func newOtherWords(sents []sentenceRef, articles int) otherWords {
	o := otherWords{count: map[string]int{}, own: make([]map[string]bool, articles)}
	for i := range o.own {
		o.own[i] = map[string]bool{}
	}
	for _, s := range sents {
		for _, w := range text.Words(text.Normalize(s.text)) {
			if !text.IsStopWord(w) {
				o.own[s.article][stem5(w)] = true
			}
		}
	}
	for _, ws := range o.own {
		for w := range ws {
			o.count[w]++
		}
	}
	return o
}

// adds weighs what a claim of an article adds: the SIF weight (rare words
// count more) of its content words that no other article of the story uses,
// figures and names counting double. It is the rank of the claim among the
// article's own.
func (o otherWords) adds(claim string, article int) float64 {
	score := 0.0
	seen := map[string]bool{}
	for i, w := range text.Words(text.Fold(claim)) {
		lw := strings.ToLower(w)
		st := stem5(lw)
		if text.IsStopWord(lw) || seen[st] {
			continue
		}
		seen[st] = true
		others := o.count[st]
		if o.own[article][st] {
			others--
		}
		if others > 0 {
			continue
		}
		weight := wordvec.SIF(lw)
		if unicode.IsDigit([]rune(w)[0]) || i > 0 && text.IsUpperInitial(w) {
			weight *= 2
		}
		score += weight
	}
	return math.Round(score*100) / 100
}

// rankClaims orders an article's claims by what they add, most first, and
// returns the texts and their scores.
func rankClaims(claims []uniqueClaim) ([]string, []float64) {
	sortClaims(claims)
	claims = withoutRepeats(claims)
	texts := make([]string, len(claims))
	scores := make([]float64, len(claims))
	for i, c := range claims {
		texts[i], scores[i] = c.text, c.score
	}
	return texts, scores
}

// withoutRepeats keeps the first of claims with the same text: a page that
// prints a paragraph twice (a pull quote, a block repeated by the page's
// template) states it once. Read in session 25 (s25-ux): a repeated
// paragraph listed twice among an article's own or partly told claims in 6
// stories of the six story files (newswcl50, duc2003, basil, allsides_dated).
// claims itself is left as it was.
func withoutRepeats(claims []uniqueClaim) []uniqueClaim {
	seen := make(map[string]bool, len(claims))
	out := make([]uniqueClaim, 0, len(claims))
	for _, c := range claims {
		if !seen[c.text] {
			seen[c.text] = true
			out = append(out, c)
		}
	}
	return out
}

// sortClaims orders claims by what they add, most first, ties in reading
// order.
func sortClaims(claims []uniqueClaim) {
	slices.SortStableFunc(claims, func(a, b uniqueClaim) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})
}

// fate is what became of a sentence in a comparison: shared, listed as its
// article's own or as partly told elsewhere, or in neither list and why.
// Tests count them.
type fate int

const (
	fateShared     fate = iota // in a fact two or more articles state
	fateOwn                    // listed as its article's own claim
	fatePartly                 // listed as partly told elsewhere (another article nearly states it)
	fateCut                    // a teaser's end cut at "...", or cut by the text's end (cutByTextEnd)
	fateInQuote                // inside a quotation an earlier sentence opened
	fateQuoteOpen              // opens a quotation a later sentence closes
	fateFragment               // too short, or does not stand alone (standsAlone)
	fateUnresolved             // leans on the text before it, and no one can be named
	fateLeans                  // opens with a word that leans on the sentence before, which is not listed either
	fateQuestion               // a question (isQuestion): it states no fact
	fateLink                   // a related-link headline in the text ("Related: ..."): no claim of the article
	fateAppeal                 // calls the reader to act ("Sign up for our newsletter", callsReader): no claim of the article
)

// fateNames name the fates in tables.
var fateNames = [...]string{"shared", "own", "partly", "cut", "in-quote", "quote-open", "fragment", "unresolved", "leans", "question", "link", "appeal"}

func (f fate) String() string { return fateNames[f] }

// opensQuote reports whether a text opens or closes a quotation it does
// not both open and close (an odd number of quotation marks).
func opensQuote(s string) bool { return strings.Count(text.Fold(s), `"`)%2 == 1 }

// ownClaims reads what each article says that no other states as surely:
// its own claims (own), no other article nearly stating them, and those
// another article nearly states (partly: a best match that nearly states
// it, see nearlyStates and near, without a link into a shared fact). Both are the
// sentences that read alone (readers; a quotation over several sentences is
// read as one claim, see quotationRuns), and own also has the clauses a
// shared sentence adds (added). A sentence that leans on the one before
// ("It institutes ...", "But on Thursday, ...") is read without its
// conjunction when that leaves a sentence that stands alone ("[O]n
// Thursday, ..."), else with the sentences it leans on (see leaningClaims).
// fates says what became of each sentence.
func ownClaims(sents []sentenceRef, inFact []bool, near [][]nearMatch, added map[int][]string, readers []claimReader, articles int) (own, partly [][]uniqueClaim, fates []fate) {
	words := newOtherWords(sents, articles)
	own, partly = make([][]uniqueClaim, articles), make([][]uniqueClaim, articles)
	fates = make([]fate, len(sents))
	runs := quotationRuns(sents, inFact)
	var units []claimUnit
	for k := 0; k < len(sents); k++ {
		s := sents[k]
		if s.link {
			fates[k] = fateLink
			continue
		}
		if s.appeal {
			fates[k] = fateAppeal
			continue
		}
		if inFact[k] {
			fates[k] = fateShared
			units = append(units, claimUnit{start: k, end: k, claim: s.text, f: fateShared})
			for _, c := range added[k] {
				if standsAlone(c, minClauseWords) && hasVerb(c) && !isQuestion(c, false) {
					if shown, ok := readers[s.article].alone(c); ok {
						own[s.article] = append(own[s.article], uniqueClaim{text: shown, score: words.adds(c, s.article), order: k})
					}
				}
			}
			continue
		}
		end, claim := k, s.text
		if e, ok := runs[k]; ok {
			end, claim = e, readers[s.article].span(sents[k:e+1])
		}
		f, shown := readable(claim, s.inQuote), claim
		if isQuestion(claim, s.inQuote) {
			f = fateQuestion // not listed, nor joined to a claim: at most the context of a sentence that leans on it
			if before, ok := claimBeforeQuestion(claim, s.inQuote); ok && end == k {
				if r, ok := readers[s.article].alone(before); ok {
					f, claim, shown = fateOwn, before, r+" …" // the statement before the colon; the question stays out
				}
			}
		} else if f == fateFragment && leansBack(claim, minUniqueWords) {
			f = fateLeans
			if rest, ok := withoutConnective(claim); ok && readable(upperFirst(rest), false) == fateOwn {
				if r, ok := readers[s.article].alone(rest); ok {
					f, shown = fateOwn, capitalised(r)
				}
			}
		} else if f == fateOwn {
			// A claim that leans on the text before it ("He said", "“...,”
			// she said") is shown with whom it means, or with the
			// sentences before it (leaningClaims).
			var ok bool
			if shown, ok = readers[s.article].alone(claim); !ok {
				f = fateUnresolved
			}
		}
		if cutByTextEnd(sents, end) {
			shown += " …" // the text's end cut it: shown as cut
		}
		units = append(units, claimUnit{start: k, end: end, claim: claim, shown: shown, f: f, parts: []string{claim}})
		k = end
	}
	var matched []bool // a sentence another article nearly states (near)
	if near != nil {
		matched = make([]bool, len(sents))
		for k, ms := range near {
			matched[k] = len(ms) > 0
		}
	}
	for _, u := range leaningClaims(units, sents, matched) {
		if u.f == fateShared {
			continue
		}
		var matches []nearMatch
		if near != nil {
			matches = nearestOf(near[u.start:u.end+1], sents)
		}
		f := u.f
		if f == fateOwn && len(matches) > 0 {
			f = fatePartly
		}
		for j := u.start; j <= u.end; j++ {
			fates[j] = f
		}
		art := sents[u.start].article
		c := uniqueClaim{text: u.shown, score: u.adds(words, art), order: u.start, near: matches}
		if announcesWhatFollows(u.claim) {
			c.score = 0 // listed, after every claim that holds what it says
		}
		switch f {
		case fateOwn:
			own[art] = append(own[art], c)
		case fatePartly:
			partly[art] = append(partly[art], c)
		}
	}
	return own, partly, fates
}

// announcesWhatFollows reports whether a claim ends with a colon: a
// paragraph's last sentence that introduces the quotation, statement or
// list of the paragraphs after it ("X addressed the video in a statement
// Monday:", "One reader posted this status update:", "Read the full rant
// via Gawker:") and holds little of it. Such a line is still listed (some
// say something: "the president tweeted, "finally," while asking ...:"),
// but as adding nothing (a score of 0), so that it comes after every claim
// that adds a word of its own and is folded away with the least of them.
// Session 34 read the 139 "only in" items shown on 10 BASIL stories never
// read for them: 5 of the 9 that did not stand alone were such lines,
// three in one list of five; over all BASIL 16 of 3,475 listed items end
// so, 7 of them among the five an article shows. On duc2003, not read for
// the rule, it changed 4 lists' first five: 3 better, 1 no better
// (docs/measurements/comparison.md, s34-facts).
func announcesWhatFollows(claim string) bool {
	return strings.HasSuffix(strings.TrimSpace(claim), ":")
}

// claimUnit is a sentence, or the sentences of a quotation read as one, or
// a claim and the sentences that lean on it, as ownClaims reads them: the
// text as written (claim), which ranks it, and as shown (with the
// sentence it leans on as context, a name for a pronoun); f is fateOwn when it can be
// listed (as its own or partly told elsewhere, by its matches), fateShared
// for a sentence of a shared fact, else why it cannot.
type claimUnit struct {
	start, end   int // its sentences
	claim, shown string
	f            fate
	context      bool     // shown after the sentence it leans on (start-1), which is not its claim
	parts        []string // the claims joined into it, each ranked alone (adds); none: the claim
}

// adds is what a unit adds (otherWords.adds) as its best part ranks: a
// claim joined of a sentence and those that lean on it ranks as the best
// of them would alone, not as their sum, so that two- and three-sentence
// items do not crowd the single claims out of the top of a list only by
// their length. With the sum, on the 10 BASIL stories read in session 19
// 39 of the 343 items a page showed before folding (11.4%) were joined,
// against 57 of 937 in all (6.1%); with the best part 29 (docs/measurements/comparison.md,
// session 21: of the 10 joined items it moved out of those shown, 3 were
// stronger claims than the single ones that came in, 4 weaker, 3 equal).
func (u claimUnit) adds(words otherWords, article int) float64 {
	if len(u.parts) <= 1 {
		return words.adds(u.claim, article)
	}
	best := 0.0
	for _, p := range u.parts {
		best = max(best, words.adds(p, article))
	}
	return best
}

// maxLeaningRun is the most sentences a claim and those that lean on it
// ("The bill passed 234-193. It institutes ...") may be shown as, the first
// included: a longer chain is a passage, not a claim read at a glance. On
// the gold stories of basil.jsonl (8,105 sentences, TestSentenceFates) 2
// leaves 116 leaning sentences unlisted (87 that point back, 29 with a
// pronoun no one resolves), 3 leaves 62 and 4 leaves 38; the 24 more of 4
// would make items of four sentences for a sentence each.
const maxLeaningRun = 3

// leaningClaims joins each unit that cannot be listed only for leaning on
// the sentence before it (fateLeans: "It institutes ...", "But it took
// ..."; fateUnresolved: "He said ..." with no one to name) to the unit
// before it in its article, when that one can be listed: the two are one
// claim, listed, ranked and matched as one. When the unit before is a
// sentence of a shared fact, that sentence is shown before the leaning one
// as its context, in brackets as an editor marks what is not the quoted words
// ("[The bill passed 234-193.] It institutes ..."): that sentence is the
// shared fact's, listed with it, and only the leaning one is the article's
// claim (ranked and matched). So is a leaning unit that another article
// nearly states (matched, by sentence; nil: none) after a claim that none
// does: joined, it would make that claim look told elsewhere, and an item
// only its article tells would carry a claim another tells too; it is
// listed apart, partly shared, after its context. So is a leaning unit
// after a question (fateQuestion: "[Can anyone imagine a worse start to
// the season?] It ..."), which is never a claim itself (isQuestion), nor
// joined as one. The context is the sentence before as contextBefore
// shortens it; a sentence that is no clean context (a quotation's tail or
// opening, a fragment, a sentence that leans itself) gives none, and the
// leaning unit after a shared one is then not listed, after an own one
// joined to it as before. A unit whose sentence before is none of these
// keeps its fate and is not listed.
func leaningClaims(units []claimUnit, sents []sentenceRef, matched []bool) []claimUnit {
	anyMatched := func(from, to int) bool {
		for k := from; k <= to && matched != nil; k++ {
			if matched[k] {
				return true
			}
		}
		return false
	}
	out := make([]claimUnit, 0, len(units))
	for _, u := range units {
		if (u.f == fateLeans || u.f == fateUnresolved) && len(out) > 0 {
			last := &out[len(out)-1]
			first := last.start
			if last.context {
				first--
			}
			if last.end+1 == u.start && sents[last.start].article == sents[u.start].article && u.end-first < maxLeaningRun {
				ctx, clean := contextBefore(sents[u.start-1], u.claim)
				// listed apart after its context: the shared fact's sentence, or a claim none nearly states when it is nearly stated
				apart := last.f == fateShared || last.f == fateQuestion || last.f == fateOwn && anyMatched(u.start, u.end) && !anyMatched(last.start, last.end)
				switch {
				case clean && apart:
					u.f, u.context = fateOwn, true
					u.shown = "[" + ctx + "] " + u.claim
				case last.f == fateOwn:
					if len(last.parts) == 0 {
						last.parts = []string{last.claim} // before it grows: a part is one claim, ranked alone
					}
					last.parts = append(last.parts, u.claim)
					last.end = u.end
					last.claim += " " + u.claim
					last.shown += " " + u.claim
					continue
				}
			}
		}
		out = append(out, u)
	}
	return out
}

// contextBefore is the sentence s shown as the context of the sentence
// after it, which leans on it (leaning, as written), and whether it is a
// clean one: a whole sentence, never a quotation cut (one it closes or
// leaves open) nor a sentence that leans on its own sentence before (by a
// conjunction, a word that points back or a personal pronoun). It
// is cut to its main clause, which the leaning word most often stands for
// ("It would ...", "They argued ...", "But ...": its subject, or what it
// says): before the first comma or dash that opens a part the main clause
// does not need (an apposition, an -ing phrase, a relative, an
// attribution) and after which the main clause does not go on (resumes),
// when what is kept has a verb, minClauseWords words, ends
// on no function word ("a scandal that, according to ...") and has all its
// quotations whole with their verb of saying, the cut marked "…"
// ("[Factories added 12,000 jobs in May and the jobless rate fell to 4.1%
// …] It was the largest rise ..."). A "This", "That", "These",
// "Those" or "Such" stands for all the sentence says, which is kept whole.
// Of the 60 bracketed contexts of session 20 on basil and allsides_val, 3
// were quotations' tails ("[... finish it.”] He walked back") and the
// median context ran 25 words.
func contextBefore(s sentenceRef, leaning string) (string, bool) {
	if s.inQuote || opensQuote(s.text) || cutOff(s.text) || !startsWithCapital(s.text) || text.WordCount(s.text) < minLinkWords {
		return "", false
	}
	if ws := text.Words(s.text); !strings.ContainsRune("\"“'‘", []rune(s.text)[0]) &&
		(dangles(s.text, ws) || pointsBack(ws) || personalStarts[strings.ToLower(ws[0])]) {
		return "", false // it leans itself ("That money includes ...", "He said ..."); a quotation's first word is the speaker's ("“While I planned ...")
	}
	if isQuestion(s.text, false) {
		return s.text, true // a question cut to its main clause would lose its question mark and read as a claim
	}
	if ws := text.Words(leaning); len(ws) == 0 || statementWords[strings.ToLower(ws[0])] && pointsBack(ws) {
		return s.text, true // "This ...", "That ...", "Such ...": the whole sentence before
	}
	cuts := clauseSplit.FindAllStringIndex(s.text, -1)
	for i, loc := range cuts {
		kept, rest := s.text[:loc[0]], s.text[loc[1]:]
		if resumes(s.text, cuts[i+1:]) {
			continue // the part is an insertion and the main clause goes on after it ("neither the office, an agency that ..., is investigating")
		}
		if opensQuote(kept) || strings.Count(kept, "(") != strings.Count(kept, ")") {
			continue
		}
		if q := strings.LastIndexAny(kept, "\"”"); q >= 0 && !hasVerb(kept[q:]) {
			continue // a quotation's attribution cut from its verb ("“...,” Peter Carr")
		}
		if kw := text.Words(kept); len(kw) > 0 && text.IsStopWord(strings.ToLower(kw[len(kw)-1])) {
			continue // inside a clause ("a scandal that, according to the candidates, is ...")
		}
		if detachable(rest) && text.WordCount(kept) >= minClauseWords && hasVerb(kept) {
			return kept + " …", true
		}
	}
	return s.text, true
}

// personalStarts open a sentence whose subject is a person named in the
// text before it ("He said the harbour office had checked every quay"),
// which as a bracketed context names no one: the pronouns a listed claim's
// reading (claimReader.subjectAlone) puts a name for. Of the 131 bracketed
// contexts of basil (89), allsides_val (23) and newswcl50 (19) at e0e50c0,
// 4 opened with one, all read: none says whom it means; one was a claim
// listed before with its speaker's name put in, now its context without it.
var personalStarts = toSet(`he she his her they their`)

// resumes reports whether a sentence's main clause goes on after one of
// its clause boundaries (cuts): the part after it opens with an auxiliary
// ("..., is investigating", "..., has said").
func resumes(s string, cuts [][]int) bool {
	for _, loc := range cuts {
		if ws := text.Words(s[loc[1]:]); len(ws) > 0 && auxiliaries[ws[0]] && !clauseAdverbs[ws[0]] {
			return true
		}
	}
	return false
}

// statementWords open a sentence that leans on all the sentence before
// says ("That money has been described ..."), not on a noun of it.
// Measured at s21-colon (docs/measurements/comparison.md): on basil, allsides_val and newswcl50
// they kept 6 shown contexts whole that would have been cut; read, 2 need
// the part a cut drops ("That shatters the ... record" means the
// unemployment rate after the cut; "That news comes from ..." the
// "according to clinical results" it would lose), 4 read as well either
// way, none worse whole.
var statementWords = toSet(`this that these those such`)

// detachable reports whether a part after a comma or dash is one a main
// clause does not need: an apposition ("a new low of the pandemic era"),
// an -ing phrase ("calling for him to step aside"), a relative ("which
// ..."), "according to ..." or an attribution ("the Labor Department
// said").
func detachable(rest string) bool {
	ws := text.Words(rest)
	if len(ws) == 0 {
		return false
	}
	w := strings.ToLower(ws[0])
	switch {
	case detachableOpeners[w]:
		return true
	case strings.HasSuffix(w, "ing") && len(w) > 5 && !text.IsUpperInitial(ws[0]):
		// Six letters or more: the shorter words in -ing are nouns ("thing", "king", "ring", "wing"), not
		// participles (reasoned, not measured; of the 13 cuts on basil, allsides_val and newswcl50 at
		// e0e50c0 and these commits, 7 were before an -ing phrase: "calling", "saying", "thanking", "arguing", ...).
		// A list of -ing nouns that opened no phrase ("meeting", "ruling", "funding", ...) is gone
		// (s21-colon): on the three sets it blocked one cut, before a participle ("landed in
		// Calder on Monday, meeting with local officials"), and most of its words open a
		// participle after a comma.
		return true
	}
	// An attribution is a short part ("the Labor Department said", "CNN
	// reported"); a longer one with a verb of saying is most often the rest
	// of the main clause or a second one ("..., and its chairman said the
	// talks would resume", "Senator Reid of Nevada, ..., said through a
	// spokesman ..."). Measured at s21-colon on basil, allsides_val and
	// newswcl50 (every context computed, shown or not): of the parts with a
	// verb of saying and no comma, the 4 of 8 words or fewer are 3 good
	// cuts and 1 bad (a quoted answer, "she said: “No.”"); of the 16 longer
	// ones, 12 would cut a subject from its verb or drop a second claim, 4
	// read well (a 10-word "the finance ministry and the national tax
	// agency said Thursday" among them, the only one in a shown
	// context).
	return len(ws) <= 8 && attribution.MatchString(rest) && !strings.ContainsAny(rest, ",;")
}

// detachableOpeners open an apposition or a relative. Measured at
// s21-colon on basil, allsides_val and newswcl50 (every context computed,
// shown or not, docs/measurements/comparison.md): "a" cut 10, 3 of them in shown contexts, 9
// before an apposition ("..., a new low of the pandemic era"), 1 bad (a
// fronted phrase cut from its subject: "Disappointed by the outcome ...,
// a handful of Democrats vowed ..."). "while" and "as" are gone: their 4
// cuts (none shown) dropped a contrast ("..., while the opposition means
// to bring a bill to stop it") or a reason and its speaker
// ("..., as more small farms pay the new levy, Ms. Holt said"), and "as" opens "as well as".
var detachableOpeners = toSet(`a an which who whom whose where according including amid`)

// connectives open a sentence that leans on the one before only by
// joining it ("But on Thursday, he decided ...", "And on Saturday, ...",
// "Also on Thursday, ..."): without the word it states its claim alone.
var connectives = toSet(`and but or also`)

// withoutConnective returns a sentence without its opening connective
// (and the comma after it), when it opens with one.
func withoutConnective(s string) (string, bool) {
	ws := strings.Fields(s)
	if len(ws) < 2 || !connectives[strings.ToLower(strings.TrimRight(ws[0], ","))] {
		return "", false
	}
	rest := strings.TrimLeftFunc(strings.TrimSpace(s)[len(ws[0]):], func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) // a no-break space too
	for _, w := range text.Words(rest)[:min(4, len(text.Words(rest)))] {
		if backWords[strings.ToLower(w)] {
			return "", false // "But most of them ...", "But even that ...": it leans on more than its connective
		}
	}
	return rest, rest != ""
}

// backWords stand for something said before; a sentence with one among
// the first four words after its connective leans on the sentence before
// for more than the connective, and is read with it. Chosen on the 10
// BASIL stories read in session 19 (in sample): of the 18 only-in items
// read without their connective 5 did not stand alone, 3 of them with such
// a word ("[M]ost of them dealt with foreign crises", "[E]ven that has come
// as a last resort", "[T]he path to such a deal is murky"); with the rule
// 17, 2 of them fragments ("[O]ther costs will be more permanent").
var backWords = toSet(`that this those these such them it they`)

// upperFirst returns s with a capital first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// capitalised returns a claim read without its opening connective with a
// capital first letter, bracketed as an editor marks a change ("[O]n
// Thursday, ..."); a claim that starts otherwise (a bracketed name, a
// quotation mark, a capital) is returned unchanged.
func capitalised(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return "[" + string(unicode.ToUpper(r)) + "]" + s[size:]
}

// cutByTextEnd reports whether sentence k is its article's last and ends
// with no mark at all: no sentence mark, quotation mark or bracket after
// its last word, and none inside it followed by a space. A feed or an index
// page that gives only the first characters of an article cuts it so, with
// no ellipsis ("... in the nation's most radical polit", "... over the").
// Such a sentence is shown with an ellipsis, so that an analyst reads it as
// cut rather than as the article's words: on the stories of the first 1,500
// lines of allsides_train 32 "only in" items were so cut, two thirds in the
// middle of a phrase; the others read whole but for the period (a toll
// and its arrests, say), so they are marked, not
// dropped. A wire's slug after a whole sentence ("... South Korea. str-tt")
// has a mark inside and is no cut; headings, which end with no mark either,
// are no claims before this (headingParagraph).
func cutByTextEnd(sents []sentenceRef, k int) bool {
	if k+1 < len(sents) && sents[k+1].article == sents[k].article {
		return false
	}
	t := strings.TrimRight(sents[k].text, " \t\u00a0")
	last, _ := utf8.DecodeLastRuneInString(t)
	if words := strings.Fields(t); len(words) > 0 && strings.ContainsAny(words[len(words)-1], "./@") {
		return false // a web address or a file ("On the Net: http://www.census.gov"), not cut
	}
	return (unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') && !innerEndMark.MatchString(t)
}

// innerEndMark is a sentence's end mark followed by a space inside a text.
var innerEndMark = regexp.MustCompile(`[.!?]["'\x{201d}\x{2019})\]]*\s`)

// readable tells whether a sentence (or a quotation's sentences joined)
// can be listed as a claim, fateOwn, or why it cannot. inQuote says that it
// starts inside a quotation an earlier sentence opened.
func readable(claim string, inQuote bool) fate {
	switch {
	case cutOff(claim):
		return fateCut
	case inQuote:
		return fateInQuote
	case opensQuote(claim):
		return fateQuoteOpen
	case !standsAlone(claim, minUniqueWords):
		return fateFragment
	}
	return fateOwn
}

// nearestOf merges the near matches of a claim's sentences (near, one entry
// per sentence): the closest sentence of each other article, the closest
// article first.
func nearestOf(near [][]nearMatch, sents []sentenceRef) []nearMatch {
	best := map[int]nearMatch{} // article -> its closest sentence
	for _, ms := range near {
		for _, m := range ms {
			a := sents[m.k].article
			if b, ok := best[a]; !ok || m.score > b.score {
				best[a] = m
			}
		}
	}
	out := make([]nearMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b nearMatch) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	return out
}

// maxQuotationRun is the most sentences a quotation may run over to be
// read as one claim: longer ones are speeches, too long to read at a
// glance among a source's claims, and their sentences stay apart (and
// unlisted). Of the 500 quotations that open and close in one paragraph
// over several sentences in every article of allsides_dated, basil and
// newswcl50, 472 run over 2 to 4 (49 of 50 in allsides_dated alone).
const maxQuotationRun = 4

// quotationRuns finds the quotations that run over several sentences of a
// paragraph (the splitter cuts “I love this country. It is going to hell,”
// he said. in two, the first leaving its quotation open and the second
// starting inside it), none of them in a shared fact: each is read as one
// claim, so that its speaker is found and its words are not lost. It maps a
// quotation's first sentence to its last.
func quotationRuns(sents []sentenceRef, inFact []bool) map[int]int {
	runs := map[int]int{}
	for k, s := range sents {
		if s.inQuote || !opensQuote(s.text) || inFact[k] {
			continue
		}
		for e := k + 1; e < len(sents) && e-k < maxQuotationRun; e++ {
			n := sents[e]
			if n.article != s.article || !n.inQuote || inFact[e] {
				break
			}
			if opensQuote(n.text) { // it closes the quotation
				runs[k] = e
				break
			}
		}
	}
	return runs
}

// partlyShared lists each article's claims partly told elsewhere (see
// ownClaims), ranked as its own claims are, each with the other articles
// that nearly state it, the one of the closest sentence shown first, and
// that sentence (shownMatch: one the reader finds listed too, by fates);
// nil when there are none.
func partlyShared(partly [][]uniqueClaim, sents []sentenceRef, ids []string, fates []fate) map[string][]news.PartlyShared {
	var out map[string][]news.PartlyShared
	for i, cs := range partly {
		if len(cs) == 0 {
			continue
		}
		if out == nil {
			out = map[string][]news.PartlyShared{}
		}
		sortClaims(cs)
		for _, c := range withoutRepeats(cs) {
			closest := sents[shownMatch(c.near, sents, fates)]
			p := news.PartlyShared{Text: c.text, Closest: news.Wording{Article: ids[closest.article], Text: closest.text}}
			p.Articles = append(p.Articles, ids[closest.article])
			for _, m := range c.near {
				if a := sents[m.k].article; a != closest.article {
					p.Articles = append(p.Articles, ids[a])
				}
			}
			out[ids[i]] = append(out[ids[i]], p)
		}
	}
	return out
}

// shownMatch is the sentence shown as the closest of a claim's near
// matches (closest first): the closest that is listed itself (fates: in a
// shared fact, or its article's own or partly shared claim, so that a
// reader finds it in its article's list), else the closest that is not a
// teaser's cut end ("The investigation is also..."), which says too little
// to judge by, else the closest.
func shownMatch(near []nearMatch, sents []sentenceRef, fates []fate) int {
	for _, m := range near {
		if f := fates[m.k]; f == fateShared || f == fateOwn || f == fatePartly {
			return m.k
		}
	}
	for _, m := range near {
		if !cutOff(sents[m.k].text) {
			return m.k
		}
	}
	return near[0].k
}

// span is the text of consecutive sentences of the article as it writes
// them (from the first's start to the last's end, when the reader's text
// has them in one paragraph), else the sentences joined by spaces. The
// last is looked for after the first ends (a closing sentence whose words
// the first also holds, "“No.”", is not cut from inside the first), and
// each place the first is written is tried in turn (an opening sentence
// written twice, as a headline and in the text, is read where the last
// follows it).
func (r claimReader) span(run []sentenceRef) string {
	first, last := run[0].text, run[len(run)-1].text
	if len(run) == 1 {
		return first
	}
	if r.a != nil {
		for from := 0; ; {
			at := strings.Index(r.a.t[from:], first)
			if at < 0 {
				break
			}
			at += from
			end := at + len(first)
			if n := strings.Index(r.a.t[end:], last); n >= 0 && !strings.Contains(r.a.t[at:end+n], "\n") {
				return r.a.t[at : end+n+len(last)]
			}
			from = at + 1
		}
	}
	texts := make([]string, len(run))
	for i, s := range run {
		texts[i] = s.text
	}
	return strings.Join(texts, " ")
}
