package cluster

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// features are what the clusterer compares of an article. Terms, names and
// figures are kept as 64-bit hashes, sorted, because the clusterer looks
// them up many times per article; their words are in featureWords, apart.
type features struct {
	terms    []term       // sublinear term frequency, title terms counted twice
	title    []term       // the headline's terms alone, sublinear frequency
	lead     []term       // the headline's and the text's first sentence's terms (the headline's counted twice), sublinear frequency; terms itself when the text is one sentence or none
	names    []uint64     // lower-cased capitalised words not at a sentence start
	days     weekdays     // the days of the week its lead names (the text's first two sentences, the headline when it has no text)
	leadFigs []uint64     // figures other than years its headline states (see figureLead, leadFiguresOf)
	numbers  []uint64     // figures of two or more digits other than years (counts, sums)
	years    []uint64     // years from 1900 to 2099 the text names
	dates    []uint64     // days of the year it names ("Oct. 17", "17 October"), as month×32+day
	source   uint64       // hash of the outlet, 0 when unknown
	when     time.Time    // publication time, zero when unknown
	vecs     *meanVectors // nil when not worked out (see articleFeatures): read as zero vectors
	sig      text.MinHash // over 5-word shingles, for near-duplicates
	words    int          // words of the text (the headline not counted)
}

// featureWords are the words of an article's terms and names, which only
// explain its membership when it is placed. They are kept apart from its
// features so that a story's members do not hold them: a term's word is
// often a piece of the article's text, which it kept whole (on the stream
// of issue 14 the words and the texts they held were a third of a kept
// member's bytes).
type featureWords struct {
	terms []string // the word of each of features.terms, in the same order
	names []string // the word of each of features.names, in the same order
}

// term is a hashed term with its weight in an article (or a story's sum).
type term struct {
	h uint64
	w float64
}

const (
	signatureSize = 64
	lshBands      = 16 // 4 rows each: pairs at Jaccard 0.7 collide with probability 0.98, at 0.3 with 0.12
	// minShingleWords is the shortest text whose shingle signature is
	// compared: below it two texts share most shingles by chance.
	minShingleWords = 20
)

// meanVectors are an article's mean word vectors. Only the full signals
// read them (see Clusterer.fullSignals): a model that reads the
// average-link cosine alone, as the shipped one does, never does, and
// working them out was a tenth of the CPU time of the 100,000-article
// stream of issue 14 (session 42's profile: 3.1 of 30.9 s), and their 800
// bytes a part of every kept member's.
type meanVectors struct {
	sem      wordvec.Vec // SIF-weighted mean word vector of headline and text, unit length (zero when no word is known)
	semTitle wordvec.Vec // the same of the headline alone
}

// zeroVector is the word vector of features without meanVectors; never
// written.
var zeroVector wordvec.Vec

// semVec is the mean word vector of the article's headline and text, zero
// when not worked out.
func (f *features) semVec() *wordvec.Vec {
	if f.vecs == nil {
		return &zeroVector
	}
	return &f.vecs.sem
}

// semTitleVec is the mean word vector of the article's headline, zero when
// not worked out.
func (f *features) semTitleVec() *wordvec.Vec {
	if f.vecs == nil {
		return &zeroVector
	}
	return &f.vecs.semTitle
}

// meanVectorsOf works out an article's mean word vectors.
func meanVectorsOf(a news.Article) *meanVectors {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	return meanVectorsWith(sc, a)
}

// meanVectorsWith is meanVectorsOf in the lists of sc. The headline's
// words are looked up once, for both means.
func meanVectorsWith(sc *scratch, a news.Article) *meanVectors {
	v := &meanVectors{}
	sc.vec = wordvec.AppendWords(sc.vec[:0], a.Title)
	sc.ranks = wordvec.AppendRanks(sc.ranks[:0], sc.vec)
	v.semTitle, _ = wordvec.MeanOfRanks(sc.ranks)
	v.semTitle.Normalize()
	sc.vec = wordvec.AppendWords(sc.vec[:0], a.Text)
	sc.ranks = wordvec.AppendRanks(sc.ranks, sc.vec)
	v.sem, _ = wordvec.MeanOfRanks(sc.ranks)
	v.sem.Normalize()
	return v
}

// featuresOf computes an article's features, its mean word vectors
// included, and the words that explain them (see articleFeatures).
func featuresOf(a news.Article) (features, featureWords) {
	return articleFeatures(a, true)
}

// articleFeatures computes an article's features and the words that
// explain them, its mean word vectors only when vectors is set (see
// meanVectors). An article with a headline and no text (a feed item) has
// features of its headline alone.
func articleFeatures(a news.Article, vectors bool) (features, featureWords) {
	f := features{when: a.Published}
	var fw featureWords
	body := a.Text
	// The headline and the text are split into words once, for the terms,
	// the days named and the shingles, into lists kept for the next article.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	titleWords := text.Words(a.Title)
	sc.words = text.AppendWords(sc.words[:0], body)
	bodyWords := sc.words
	titleTerms := text.TermsOf(titleWords)
	sc.terms = text.AppendTermsOf(sc.terms[:0], bodyWords)
	f.terms, fw.terms = termsOf(sc, titleTerms, sc.terms)
	f.title, _ = termsOf(sc, nil, titleTerms)
	f.lead = f.terms // unless the text has a sentence after its first (below)
	names := map[string]bool{}
	head := headlineSentences(a.Title)
	leadFigs := map[string]bool{}
	sentences := text.Sentences(strings.ReplaceAll(a.Title+".\n"+body, "\n", " "))
	for k, s := range sentences {
		if figureLead(k, head) {
			leadFiguresOf(s, leadFigs)
		}
		sc.sentence = text.AppendWords(sc.sentence[:0], s)
		if k == head && len(sentences) > head+1 {
			// The text's first sentence, when the text has more: the
			// lead a short article is compared with (see shortAvgCosine).
			f.lead, _ = termsOf(sc, titleTerms, text.TermsOf(sc.sentence))
		}
		lead := inLead(k, head, body)
		for i, w := range sc.sentence {
			if lead {
				if d, ok := dayAt(sc.sentence, i); ok {
					f.days |= 1 << d
				}
			}
			if i == 0 || len(w) < 2 || !text.IsUpperInitial(w) {
				continue
			}
			if lw := strings.ToLower(w); !text.IsStopWord(lw) {
				names[lw] = true
			}
		}
	}
	whole := a.Title + "\n" + body
	numbers, years := map[string]bool{}, map[string]bool{}
	for fig := range figuresOf(whole) {
		if isYear(fig) {
			years[fig] = true
		} else {
			numbers[fig] = true
		}
	}
	f.names, fw.names = hashedSet(names)
	f.numbers, _ = hashedSet(numbers)
	f.years, _ = hashedSet(years)
	f.leadFigs, _ = hashedSet(leadFigs)
	sc.all = append(append(sc.all[:0], titleWords...), bodyWords...) // the words of whole
	f.dates = datesOfWords(sc.all)
	// The outlet's key, as the stores file it (news.ArticleOutletKey), so
	// that "Reuters", "reuters.com" and "Reuters (Wire)" are one outlet
	// for the same-source signal.
	if key := news.ArticleOutletKey(a.Source, a.URL); key != "" {
		f.source = text.Hash(key)
	}
	if vectors {
		f.vecs = meanVectorsWith(sc, a)
	}
	sc.lower = shingleWords(sc.lower[:0], body, bodyWords)
	words := sc.lower
	f.words = len(words)
	f.sig = text.ShingleSignature(words, 5, signatureSize)
	return f, fw
}

// leadSentences is how many of the text's first sentences are its lead,
// whose days of the week are read (features.days): a report says what
// happened when in its first sentence or two ("... stopped Thompson on
// Saturday"), and later sentences name other days (what comes next, what
// came before). Two, as the headline and first 100 words of session 9's
// reading of days.
const leadSentences = 2

// inLead tells whether sentence k of the headline-and-text list, whose
// first head sentences are the headline's, is in the lead: one of the
// text's first leadSentences (not the headline, whose title case makes
// every word a capital), or the headline itself when there is no text.
func inLead(k, head int, body string) bool {
	if strings.TrimSpace(body) == "" {
		return k < head
	}
	return k >= head && k < head+leadSentences
}

// figureLead tells whether sentence k of the headline-and-text list, whose
// first head sentences are the headline's, is where a report states its
// key figures: its headline ("Payrolls increase 943,000 in July", "Colts
// top Chiefs, 20-13"; a headline-only item's too). Not the text's lead: read on the
// development files (pairs of articles at a file-wide TF-IDF cosine of .2
// or more, both stating figures), two reports of one event state none in
// common in their headlines for 1.6% of allsides_val's pairs and 1.4% of
// ecbplus_dev's, two events for 21.8% and 10.3%; with the text's first
// sentence 4% and 6% against 25% and 25%, with its first two 7% and 12%
// against 31% and 34%: a text's figures are as often the background's
// (last month's, the other fight's) or the outlet's own notation. Held out,
// figures from the headline and first sentence gave allsides_val .879
// against .880 from the headline alone (joins only, the fold models of
// session 16; see docs/measurements/clustering.md's Session 18).
func figureLead(k, head int) bool { return k < head }

// figureScale is what a word or letters right after a figure multiply it
// by: outlets write one sum as "943,000", "943K" or "943 thousand", "$1.9
// trillion" or "$1.9T", "1.5m" or "1.5 million".
var figureScale = map[string]float64{
	"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
	"b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12,
}

// leadFiguresOf adds to out the figures a lead sentence states, other than
// years, each as its value once scaled (see figureScale) and written the
// one way (strconv's shortest), so that "943K" and "943,000" are one
// figure and "6.6 million" is not 6.6. A figure is as scanFigure reads one:
// two digits or more, a decimal point and thousands commas kept.
func leadFiguresOf(s string, out map[string]bool) {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '.') {
			i++
			continue
		}
		b, j, digits, grouped := scanFigure(s, i, nil)
		fig := string(b)
		if digits < 2 || !grouped && isYear(fig) { // "2,000 jobs" is no year
			i = j
			continue
		}
		v, err := strconv.ParseFloat(fig, 64)
		if err != nil {
			i = j
			continue
		}
		// The scale: letters right after it ("943K", "1.5m"), or the next
		// word after one space when it is two letters or more ("6.6
		// million", "$10 bn"; "5 m" is five metres).
		k := j
		if k < len(s) && s[k] == ' ' {
			k++
		}
		e := k
		for e < len(s) && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z') {
			e++
		}
		if m, ok := figureScale[strings.ToLower(s[k:e])]; ok && (k == j || e-k >= 2) {
			v *= m
		}
		out[strconv.FormatFloat(v, 'g', -1, 64)] = true
		i = j
	}
}

// headlineSentences is how many sentences the headline is in the
// headline-and-text list ("Fed raises rates. Markets fall" is two), at
// least one: the list has the headline's "." even when it is empty.
func headlineSentences(title string) int {
	return max(1, len(text.Sentences(strings.ReplaceAll(title+".", "\n", " "))))
}

// shingleWords is text.Words(text.Normalize(body)), the words the
// near-duplicate shingles are made of, from the body's words as Words
// split them: Normalize folds only characters that are not word characters
// into others that are not either, and lower-casing keeps every character
// a word character or not (checked over all of Unicode), so that each word
// is the body's word lower-cased. Only the soft hyphen, which Normalize
// deletes, joins two words: a text with one is split again.
// They are appended to out.
func shingleWords(out []string, body string, words []string) []string {
	if strings.Contains(body, "\u00ad") {
		return text.AppendWords(out, text.Normalize(body))
	}
	for _, w := range words {
		out = append(out, strings.ToLower(w))
	}
	return out
}

// scratch holds the lists an article's features are made from and then
// dropped, kept for the next article (one per preparing goroutine at a
// time): growing new ones for every article was a third of the bytes
// preparation allocated.
type scratch struct {
	words, terms, all, lower, vec []string
	sentence                      []string // the words of one sentence, for the names
	occs                          []occurrence
	ranks                         []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release empties the lists, so that they hold no article's text, and
// gives them back to the pool.
func (sc *scratch) release() {
	clear(sc.words)
	clear(sc.terms)
	clear(sc.all)
	clear(sc.lower)
	clear(sc.vec)
	clear(sc.sentence)
	clear(sc.occs)
	scratchPool.Put(sc)
}

// occurrence is a term's hash, its word and what it counts for (2 in a
// headline, 1 in the text).
type occurrence struct {
	h    uint64
	word string
	n    int
}

// termsOf weighs each term by its sublinear frequency, 1 + ln(count), a
// title term counting twice, and returns the terms sorted by hash with the
// word of each. Occurrences are sorted by hash and counted in runs, which
// costs less than counting them in a map of strings; sc lends the list of
// occurrences, and the runs are counted before the lists returned are
// made, at their length.
func termsOf(sc *scratch, title, body []string) ([]term, []string) {
	occs := sc.occs[:0]
	for _, t := range title {
		occs = append(occs, occurrence{text.Hash(t), t, 2})
	}
	for _, t := range body {
		occs = append(occs, occurrence{text.Hash(t), t, 1})
	}
	slices.SortFunc(occs, func(a, b occurrence) int { return cmp.Compare(a.h, b.h) })
	sc.occs = occs
	runs := 0
	for i := range occs {
		if i == 0 || occs[i].h != occs[i-1].h {
			runs++
		}
	}
	if runs == 0 {
		return nil, nil
	}
	terms, words := make([]term, 0, runs), make([]string, 0, runs)
	for i := 0; i < len(occs); {
		j, n := i, 0
		for ; j < len(occs) && occs[j].h == occs[i].h; j++ {
			n += occs[j].n
		}
		terms = append(terms, term{occs[i].h, 1 + math.Log(float64(n))})
		words = append(words, occs[i].word)
		i = j
	}
	return terms, words
}

// hashedSet returns a set's hashes sorted, with the word of each.
func hashedSet(set map[string]bool) ([]uint64, []string) {
	hashes := make([]uint64, 0, len(set))
	byHash := make(map[uint64]string, len(set))
	for k := range set {
		h := text.Hash(k)
		hashes = append(hashes, h)
		byHash[h] = k
	}
	slices.Sort(hashes)
	words := make([]string, len(hashes))
	for i, h := range hashes {
		words[i] = byHash[h]
	}
	return hashes, words
}

// figuresOf lists the numbers of two or more digits a text states, whole:
// "576,000" is 576000 and "4.5" is 4.5, not 576 and 000 as words would split
// them. Counts, sums and years tell one occurrence of an event from another
// of its kind.
func figuresOf(s string) map[string]bool {
	out := map[string]bool{}
	var buf []byte
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		var digits int
		buf, i, digits, _ = scanFigure(s, i, buf[:0])
		if digits >= 2 {
			out[string(buf)] = true
		}
	}
	return out
}

// scanFigure reads the figure whose first digit is s[i], whole: its digits
// and a decimal point between digits appended to buf, thousands commas
// ("576,000") skipped. It returns them with the index after the figure,
// how many digits it has and whether it had a thousands comma.
func scanFigure(s string, i int, buf []byte) (fig []byte, end, digits int, grouped bool) {
	j := i
	for ; j < len(s); j++ {
		switch {
		case isDigit(s[j]):
			buf = append(buf, s[j])
			digits++
		case s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]) && digits > 0:
			buf = append(buf, '.')
		case s[j] == ',' && j+3 < len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]):
			grouped = true
		default:
			return buf, j, digits, grouped
		}
	}
	return buf, j, digits, grouped
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isYear reports whether a figure reads as a year of modern news: four
// digits from 1900 to 2099.
func isYear(fig string) bool {
	return len(fig) == 4 && (strings.HasPrefix(fig, "19") || strings.HasPrefix(fig, "20"))
}

// months maps the capitalised names and abbreviations of the months to
// their number. "May" is a month only before or after a day number, as
// datesOf requires of every name.
var months = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
	"Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

// datesOf lists the days of the year a text names, "Oct. 17" or "17
// October", as month×32+day, sorted and without repeats. Two reports of
// one occurrence of an event name the same days; two occurrences of one
// kind of event (two earthquakes) name different ones.
func datesOf(s string) []uint64 { return datesOfWords(text.Words(s)) }

// datesOfWords is datesOf of a text's words as text.Words split them.
func datesOfWords(words []string) []uint64 {
	var out []uint64
	day := func(w string) int {
		if len(w) > 2 || !isDigit(w[0]) {
			return 0
		}
		d, err := strconv.Atoi(w)
		if err != nil || d < 1 || d > 31 {
			return 0
		}
		return d
	}
	for i, w := range words {
		m, ok := months[w]
		if !ok {
			continue
		}
		d := 0
		if i+1 < len(words) {
			d = day(words[i+1])
		}
		if d == 0 && i > 0 {
			d = day(words[i-1])
		}
		if d > 0 {
			out = append(out, uint64(m*32+d))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
