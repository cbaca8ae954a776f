package cluster

import (
	"math"
	"slices"
	"time"

	"github.com/storyline-news/storyline/internal/wordvec"
)

// The signals the join model reads about an article and a candidate story,
// in the order of the vector (signalNames gives their names). Each is
// defined so that it means the same on any stream: similarities and shares,
// never the size of a story (every AllSides story has three articles, a
// model that saw the size would learn that). NaN marks a signal that does
// not apply (no headline, no names, undated); the model's trees send NaN
// down a branch of its own.
const (
	sigAvgCos       = iota // mean TF-IDF cosine to the story's articles (average link)
	sigMaxCos              // highest TF-IDF cosine to one of its kept articles (closest member)
	sigCentroidCos         // TF-IDF cosine to the story's centroid (the sum of its unit vectors): kinder to broad stories
	sigTitleMax            // highest TF-IDF cosine of headlines to a kept article's headline
	sigSemAvg              // mean cosine of word-vector documents (GloVe, SIF-weighted) to the story's articles
	sigSemMax              // highest such cosine to a kept article
	sigSemCentered         // cosine of the word vectors to the story's mean, both less the stream's mean vector
	sigSemTitleMax         // highest word-vector cosine of headlines
	sigNameShare           // share of the article's names its story gives, each by the share of articles giving it
	sigNameSpecific        // the same weighted by each name's IDF: specific names count more than common ones
	sigCoreMissing         // share (by IDF) of the story's core names (given by half its articles or more) the article lacks; NaN without
	sigNumberShare         // share of the article's figures (not years) the story gives, as above
	sigYearShare           // share of the article's years the story gives; NaN unless both name years
	sigDateShare           // share of the days of the year ("Oct. 17") it names that the story names; NaN unless both do
	sigDuplicate           // highest MinHash estimate of shingle overlap with a kept article (near-duplicate evidence)
	sigSameSource          // share of the story's articles from the article's outlet; NaN when outlets are unknown
	sigGapDays             // ln(1 + days between the article and the story's dated span); NaN when undated
	sigSpanDays            // ln(1 + days the story has run); NaN when undated
	sigMargin              // average-link cosine minus the best of the other candidates'; NaN without another
	sigRelative            // average-link cosine over the best candidate's; NaN without another
	sigWords               // ln(1 + words of the article's text): short texts share fewer words
	sigCohesion            // mean cosine between two of the story's articles; NaN for a story of one
	// The same similarities as z-scores against this stream's background:
	// the running mean and spread of each over the candidates that were not
	// an article's best (mostly other events of its kind). A stream of long
	// texts on one subject and one of short leads on many have similarities
	// on different scales; these put them on one. NaN until the stream has
	// given minBackground such candidates.
	sigAvgCosZ
	sigMaxCosZ
	sigCentroidZ
	sigTitleMaxZ
	sigSemMaxZ
	sigSemCenteredZ
	numSignals
)

// normalized pairs each stream-normalised signal with the raw one it scores.
var normalized = [...][2]int{
	{sigAvgCosZ, sigAvgCos}, {sigMaxCosZ, sigMaxCos}, {sigCentroidZ, sigCentroidCos},
	{sigTitleMaxZ, sigTitleMax}, {sigSemMaxZ, sigSemMax}, {sigSemCenteredZ, sigSemCentered},
}

// signalNames names the signals, in order: the model file lists them, so
// that a model fitted on other signals is refused at load.
var signalNames = [numSignals]string{
	"avg_cos", "max_cos", "centroid_cos", "title_max", "sem_avg", "sem_max", "sem_centered", "sem_title_max",
	"name_share", "name_specific", "core_missing", "number_share", "year_share", "date_share", "duplicate",
	"same_source", "gap_days", "span_days", "margin", "relative", "words", "cohesion",
	"avg_cos_z", "max_cos_z", "centroid_z", "title_max_z", "sem_max_z", "sem_centered_z",
}

// SignalNames lists the names of the join model's signals, in the order of
// its input vector.
func SignalNames() []string { return append([]string(nil), signalNames[:]...) }

// runningStat is an exponentially weighted mean and variance: plain
// (Welford) for the first backgroundHorizon values, then forgetting the
// oldest, so that it follows a long stream as its news changes.
type runningStat struct{ n, mean, variance float64 }

// backgroundHorizon is the number of values a running statistic weighs
// about equally: a few hundred articles' candidates, enough for a steady
// estimate, short enough to follow a stream's change of subject.
const backgroundHorizon = 2000

// minBackground is the number of values a running statistic needs before
// it normalises: fewer give an unsteady spread.
const minBackground = 30

func (r *runningStat) add(x float64) {
	r.n = min(r.n+1, backgroundHorizon)
	a := 1 / r.n
	d := x - r.mean
	r.mean += a * d
	r.variance = (1 - a) * (r.variance + a*d*d)
}

// z is x as a z-score, NaN while there are too few values.
func (r *runningStat) z(x float64) float64 {
	if r.n < minBackground || r.variance < 1e-12 || math.IsNaN(x) {
		return math.NaN()
	}
	return (x - r.mean) / math.Sqrt(r.variance)
}

// query is the article being placed, with what scoring it against many
// stories needs computed once: its TF-IDF weights under the current IDF.
type query struct {
	f         *features
	weights   []float64 // TF-IDF weight of each of f.terms
	idfs      []float64 // and the IDF of each
	dfs       []int     // and the documents counted with each (the candidate lookup skips the commonest)
	norm      float64   // length of the TF-IDF vector
	titleW    []float64 // TF-IDF weight × IDF of each of f.title, over the headline's TF-IDF length
	titleNorm float64   // the headline's TF-IDF length (0 without one)
	nameIDFs  []float64 // the IDF of each of f.names
	semCenter wordvec.Vec
	skip      *story // a story not to score: the one Settle looks at
}

// prepareQuery computes a query's weights. It reuses the clusterer's
// scratch slices; while memoOn (see memoise), it keeps each article's
// query and gives it again (without a story to skip), since nothing a query
// reads (document frequencies, the stream's mean word vector) changes
// there (memoFresh checks it): sameEvent and moveTarget score each kept article against every
// candidate pair, and preparing its query each time was a third of their
// cost.
func (c *Clusterer) prepareQuery(f *features) *query {
	if !c.memoOn {
		c.fillQuery(&c.q, f)
		return &c.q
	}
	c.memoFresh()
	if i, ok := c.queryMemo[f]; ok {
		q := c.queryPool[i]
		q.skip = nil
		return q
	}
	if c.queriesUsed == len(c.queryPool) {
		c.queryPool = append(c.queryPool, &query{})
	}
	q := c.queryPool[c.queriesUsed]
	c.queryMemo[f] = c.queriesUsed
	c.queriesUsed++
	c.fillQuery(q, f)
	return q
}

// fillQuery computes the query of f into q, reusing q's slices. The terms'
// document frequencies are looked up first, all of them: each is a probe
// of a table of megabytes that mostly misses the cache, and made one after
// another with nothing between, the processor has several under way at
// once (as the candidate lookup's postings, see lookupPostings).
func (c *Clusterer) fillQuery(q *query, f *features) {
	*q = query{f: f, weights: q.weights[:0], idfs: q.idfs[:0], dfs: q.dfs[:0], titleW: q.titleW[:0], nameIDFs: q.nameIDFs[:0]}
	for _, t := range f.terms {
		q.dfs = append(q.dfs, c.df.of(t.h))
	}
	for k, t := range f.terms {
		idf := c.idfOf(q.dfs[k])
		w := t.w * idf
		q.weights, q.idfs = append(q.weights, w), append(q.idfs, idf)
		q.norm += w * w
	}
	q.norm = math.Sqrt(q.norm)
	var tn float64
	j := 0
	for _, t := range f.title {
		idf := c.titleIDF(f.terms, q.idfs, &j, t.h)
		w := t.w * idf
		q.titleW = append(q.titleW, w*idf)
		tn += w * w
	}
	if tn > 0 {
		tn = math.Sqrt(tn)
		for i := range q.titleW {
			q.titleW[i] /= tn
		}
	}
	q.titleNorm = tn
	if !c.fullSignals() {
		return // what follows only signals reads (see reasonSignals)
	}
	for _, h := range f.names {
		q.nameIDFs = append(q.nameIDFs, c.idf(h))
	}
	q.semCenter = c.centered(f.semVec())
}

// fullSignals reports whether candidates are ever given all their
// signals (see signals): when the model reads a signal beyond the
// average-link cosine and what is derived from it, or the clusterer keeps
// training rows (Examples). Else a candidate gets the average-link cosine
// alone, or a new article's best those its reason reads (reasonSignals),
// and a query needs no names' IDFs nor centred word vector: a sixth of
// preparing a query (fillQuery) on the issue-14 stream.
func (c *Clusterer) fullSignals() bool {
	return c.examples != nil || c.opt.Model.readsBeyondAvgCos
}

// centered is a word vector less the mean of the stream's, at unit length:
// every news text shares a large common component (Arora et al. remove it
// for the same reason), which makes plain cosines crowd near 0.8.
func (c *Clusterer) centered(v *wordvec.Vec) wordvec.Vec {
	out := *v
	if c.semDocs > 0 {
		for i := range out {
			out[i] -= c.semSum[i] / float32(c.semDocs)
		}
	}
	out.Normalize()
	return out
}

// avgCosine is the average-link TF-IDF cosine of query q and story s: of
// headlines and leads when the article is short (see Model.ShortWords and
// shortAvgCosine), else of whole texts (avgCosineWhole).
func (c *Clusterer) avgCosine(q *query, s *story) float64 {
	if c.isShort(q.f) && q.norm != 0 {
		return c.shortAvgCosine(q, s)
	}
	return c.avgCosineWhole(q, s)
}

// avgCosineWhole is the average-link TF-IDF cosine of query q and story s
// by whole texts: the dot product with the story's sum of unit vectors
// over its size.
//
// It reads the story's weights in two passes: the places of the query's
// terms that the story's filter (see termFilter) lets through, noted
// without a branch, and then the table's weights of those. Whether a
// story holds a term is a coin toss the processor mispredicted at about a
// third of the terms, and at each it gave up the lookups of the following
// terms it had begun; the first pass reads one or two lines and never
// waits for the table, and of the terms the second looks up, four in five
// are held. The sum runs over the terms in their order, as before.
func (c *Clusterer) avgCosineWhole(q *query, s *story) float64 {
	if q.norm == 0 {
		return 0
	}
	terms := q.f.terms
	through := slices.Grow(c.mayHold[:0], len(terms))[:len(terms)]
	n := 0
	for i, t := range terms {
		through[n] = int32(i)
		n += b2i(s.held.mayHold(t.h))
	}
	c.mayHold = through
	var dot float64
	for _, i := range through[:n] {
		if sw, ok := s.slotWeight(terms[i].h); ok {
			dot += q.weights[i] * sw * q.idfs[i]
		}
	}
	return dot / q.norm / s.size()
}

// b2i is 1 for true and 0 for false (the compiler gives it no branch).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shortAvgCosine is the average-link cosine of a short article (see
// Model.ShortWords) and a story, like with like: the mean, over the
// story's kept members, of the TF-IDF cosine of the article's headline and
// lead (features.lead) and the member's. A headline-only item's vector is
// its headline's words, and against a member's whole text its cosine is
// diluted by the text's other words; against the member's headline and
// first sentence it is measured on what both have (basil with every third
// text removed, each such item against its own story, IDF over the file:
// median .212 by whole texts, .320 so; on ECB+, whose "headline" is the
// first sentence, the two agree). A story of more than keptMembers
// articles is measured on the ones it keeps (its first and latest).
func (c *Clusterer) shortAvgCosine(q *query, s *story) float64 {
	return c.leadMeanCosine(q.f, s.kept)
}

// isShort tells whether an article of features f is short (see
// Model.ShortWords): compared with others by its headline and lead.
func (c *Clusterer) isShort(f *features) bool {
	w := c.opt.Model.ShortWords
	return w > 0 && f.words < w
}

// leadMeanCosine is the mean, over members ms, of the TF-IDF cosine of
// the headline and lead of an article of features f and each member's
// (see shortAvgCosine); 0 when ms is empty or f has no lead.
func (c *Clusterer) leadMeanCosine(f *features, ms []*member) float64 {
	if len(ms) == 0 {
		return 0
	}
	q := c.leadVector(nil, f.lead)
	qn := math.Sqrt(dotTerms(q, q))
	if qn == 0 {
		return 0
	}
	var sum float64
	var v []term
	for _, m := range ms {
		v = c.leadVector(v[:0], m.f.lead)
		if vn := math.Sqrt(dotTerms(v, v)); vn > 0 {
			sum += dotTerms(q, v) / (qn * vn)
		}
	}
	return sum / float64(len(ms))
}

// leadVector appends a headline-and-lead's terms weighted by the current
// IDF to out: hash-sorted, as the lead's terms, for dotTerms.
func (c *Clusterer) leadVector(out, lead []term) []term {
	for _, t := range lead {
		out = append(out, term{t.h, t.w * c.idf(t.h)})
	}
	return out
}

// signals fills out with the signals of query q against story s, all but
// the average-link cosine and the ones relative to the other candidates,
// which are in place already (see scoreAgainst).
func (c *Clusterer) signals(q *query, s *story, out []float64) {
	f := q.f
	n := s.size()
	// The closest kept members.
	maxCos, titleMax, semMax, semTitleMax, dup := 0.0, math.NaN(), -1.0, math.NaN(), 0.0
	for _, m := range s.kept {
		maxCos = max(maxCos, c.memberCosine(q, m))
		if len(q.titleW) > 0 && len(m.f.title) > 0 {
			titleMax = nanMax(titleMax, c.titleCosine(q, m))
			semTitleMax = nanMax(semTitleMax, wordvec.Dot(f.semTitleVec(), m.f.semTitleVec()))
		}
		semMax = max(semMax, wordvec.Dot(f.semVec(), m.f.semVec()))
		if f.words >= minShingleWords && m.f.words >= minShingleWords {
			dup = max(dup, f.sig.Similarity(m.f.sig))
		}
	}
	out[sigMaxCos], out[sigTitleMax], out[sigSemMax], out[sigSemTitleMax], out[sigDuplicate] = maxCos, titleMax, semMax, semTitleMax, dup
	out[sigCentroidCos] = 0
	if length := c.sumLength(s); length > 0 {
		out[sigCentroidCos] = out[sigAvgCos] * n / length
	}
	out[sigSemAvg] = wordvec.Dot(f.semVec(), &s.sem) / n
	mean := s.sem
	for i := range mean {
		mean[i] /= float32(n)
	}
	centroid := c.centered(&mean)
	out[sigSemCentered] = wordvec.Dot(&q.semCenter, &centroid)

	out[sigNameShare], out[sigNameSpecific] = c.nameShares(q, s)
	out[sigCoreMissing] = c.coreMissing(f, s)
	out[sigNumberShare] = storyShare(f.numbers, s.numbers, n)
	out[sigYearShare] = math.NaN()
	if len(s.years) > 0 {
		out[sigYearShare] = storyShare(f.years, s.years, n)
	}
	out[sigDateShare] = math.NaN()
	if len(s.dates) > 0 {
		out[sigDateShare] = storyShare(f.dates, s.dates, n)
	}
	out[sigSameSource] = math.NaN()
	if f.source != 0 && len(s.sources) > 0 {
		out[sigSameSource] = float64(s.sources[f.source]) / n
	}
	out[sigGapDays], out[sigSpanDays] = math.NaN(), math.NaN()
	if !f.when.IsZero() && !s.last.IsZero() {
		out[sigGapDays] = math.Log1p(days(gap(s, f.when)))
		out[sigSpanDays] = math.Log1p(days(s.span()))
	}
	out[sigWords] = math.Log1p(float64(f.words))
	out[sigCohesion] = c.cohesionOf(s)
}

// reasonSignals fills, of the signals that signals computes, those a
// membership's reason reads (see joinReason: the closest kept member's
// cosine, the headlines', the gap in days), and marks the others as not
// computed, as onlyAvgCos does: for a new article's best candidate when
// the model reads only the average-link cosine and what is derived from
// it, and no training row is kept (Examples), nothing else reads them
// (the rows of best candidates never feed the background statistics, see
// normalizeSignals). The values are those signals gives, to the last bit.
// The rest (the word vectors' cosines, the names, the story's centroid
// length and cohesion, the shingles) was about a twentieth of stream
// placement.
func (c *Clusterer) reasonSignals(q *query, s *story, out []float64) {
	onlyAvgCos(out)
	maxCos, titleMax := 0.0, math.NaN()
	for _, m := range s.kept {
		maxCos = max(maxCos, c.memberCosine(q, m))
		if len(q.titleW) > 0 && len(m.f.title) > 0 {
			titleMax = nanMax(titleMax, c.titleCosine(q, m))
		}
	}
	out[sigMaxCos], out[sigTitleMax] = maxCos, titleMax
	if f := q.f; !f.when.IsZero() && !s.last.IsZero() {
		out[sigGapDays] = math.Log1p(days(gap(s, f.when)))
	}
}

// relativeSignals fills the signals that compare each candidate with the
// others: margin and relative (see the constants). rows[i] are the signals
// of candidate i, its average-link cosine already in place.
func relativeSignals(rows [][]float64) {
	for i, r := range rows {
		r[sigMargin], r[sigRelative] = math.NaN(), math.NaN()
		if len(rows) < 2 {
			continue
		}
		best, other := 0.0, 0.0
		for j, o := range rows {
			best = max(best, o[sigAvgCos])
			if j != i {
				other = max(other, o[sigAvgCos])
			}
		}
		r[sigMargin] = r[sigAvgCos] - other
		if best > 0 {
			r[sigRelative] = r[sigAvgCos] / best
		}
	}
}

// normalizeSignals fills the stream-normalised signals of the scored rows,
// then, when learn is set, takes the rows other than the best into the
// background statistics (after, so that a row is never scored against
// itself).
func (c *Clusterer) normalizeSignals(rows [][]float64, scored []bool, best int, learn bool) {
	for i, r := range rows {
		if !scored[i] {
			continue
		}
		for k, p := range normalized {
			r[p[0]] = c.background[k].z(r[p[1]])
		}
	}
	for i, r := range rows {
		if !learn || !scored[i] || i == best {
			continue
		}
		for k, p := range normalized {
			if x := r[p[1]]; !math.IsNaN(x) {
				c.background[k].add(x)
			}
		}
	}
}

// memberCosine is the TF-IDF cosine of the query and a kept member, by a
// merge of their hash-sorted terms.
func (c *Clusterer) memberCosine(q *query, m *member) float64 {
	if q.norm == 0 {
		return 0
	}
	a, b := q.f.terms, m.f.terms
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].h < b[j].h:
			i++
		case a[i].h > b[j].h:
			j++
		default:
			dot += q.weights[i] * b[j].w * q.idfs[i]
			i++
			j++
		}
	}
	return dot * m.scale / q.norm
}

// titleCosine is the TF-IDF cosine of the query's headline and a member's
// (whose length was taken when it was last scaled, see member.titleScale).
func (c *Clusterer) titleCosine(q *query, m *member) float64 {
	a, b := q.f.title, m.f.title
	var dot float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].h < b[j].h:
			i++
		case a[i].h > b[j].h:
			j++
		default:
			dot += q.titleW[i] * b[j].w
			i++
			j++
		}
	}
	return dot * m.titleScale
}

// nameShares is the share of an article's names that its story gives, each
// name counted by the share of the story's articles that give it; and the
// same with each name weighted by its IDF. NaN for an article without
// names.
func (c *Clusterer) nameShares(q *query, s *story) (plain, specific float64) {
	f := q.f
	if len(f.names) == 0 {
		return math.NaN(), math.NaN()
	}
	n := s.size()
	var sum, wsum, wtotal float64
	for i, h := range f.names {
		x := float64(s.names[h]) / n
		idf := q.nameIDFs[i]
		sum += x
		wsum += idf * x
		wtotal += idf
	}
	return sum / float64(len(f.names)), wsum / wtotal
}

// coreMissing is the share, weighted by IDF, of a story's core names that
// an article does not give: two occurrences of one kind of event (a fire
// at a supermarket in Banstead, another in Wellington) differ in the names
// every report of each gives. NaN for a story without core names.
func (c *Clusterer) coreMissing(f *features, s *story) float64 {
	core := s.coreNames()
	if len(core) == 0 {
		return math.NaN()
	}
	var missing, total float64
	for _, h := range core {
		idf := c.idf(h)
		total += idf
		if _, found := slices.BinarySearch(f.names, h); !found {
			missing += idf
		}
	}
	return missing / total
}

// contradiction is 1 when an article and a story each name days of the
// week in their leads and none in common, and the article or the story has
// no publication time ("on Tuesday" against "on
// Thursday": two reports of one event name the day it happened, two
// occasions of one topic, such as two jobs reports or two votes, name
// theirs), else 0. Of the candidates the shipped model joins at a
// probability of 0.2 to 0.5 (its join threshold and above), 4% of
// same-event pairs and 16% of different-event pairs clash so on
// ecbplus_dev, 6% and 29% on allsides_val, 0% and 20% on newswcl50. It is
// read only when the article or the story is undated: dated reports of a
// developing event name the new day of each development (duc2003's TDT
// events: 29% of same-event pairs clash), and their times say what the
// days would.
//
// A second kind counts as much again: the article's lead figures (its
// headline's, see figureLead) and the story's, every member's, with
// none in common ("adds 943,000 jobs in July" against "213,000 jobs": two
// jobs reports; "6.6 million filed" against "4.4 million"). Read under the
// same conditions as the days, and the two add (1 each: each multiplies the
// odds by e^-w).
func contradiction(f *features, s *story) float64 {
	if !f.when.IsZero() && !s.last.IsZero() {
		return 0
	}
	var n float64
	if sd := s.days.set(); f.days != 0 && sd != 0 && f.days&sd == 0 {
		n++
	}
	if len(f.leadFigs) > 0 && len(s.leadFig) > 0 && !sharesAny(f.leadFigs, s.leadFig) {
		n++
	}
	return n
}

// sharesAny tells whether a story's counts give any of keys.
func sharesAny(keys []uint64, counts map[uint64]int32) bool {
	for _, k := range keys {
		if counts[k] > 0 {
			return true
		}
	}
	return false
}

// storyShare is the share of keys a story's counts give, each counted by the
// share of the story's n articles that give it; NaN without keys.
func storyShare(keys []uint64, counts map[uint64]int32, n float64) float64 {
	if len(keys) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, k := range keys {
		sum += float64(counts[k]) / n
	}
	return sum / float64(len(keys))
}

func days(d time.Duration) float64 { return d.Hours() / 24 }

// nanMax is the larger of a and b, where NaN means none yet.
func nanMax(a, b float64) float64 {
	if math.IsNaN(a) || b > a {
		return b
	}
	return a
}

// onlyAvgCos marks every signal of a row but the average-link cosine and
// the ones derived from it as not computed (NaN), for a model that reads no
// other: the row is scratch space, and must not keep another candidate's.
func onlyAvgCos(r []float64) {
	for k := range r {
		if k != sigAvgCos && k != sigMargin && k != sigRelative {
			r[k] = math.NaN()
		}
	}
}
