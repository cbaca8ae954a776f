// Package cluster groups a stream of articles into stories, one story per
// event, across outlets and rewrites. It assigns each article as it arrives
// (single pass, candidates from an inverted index over the stories still
// open): a fitted model reads a score's worth of signals about the article
// and each candidate story (TF-IDF and word-vector similarity to the story
// and its closest articles, headlines, names, figures, years and days named,
// outlets, the time since the story's last article) and gives the
// probability that it belongs there. A story stays open as long as its own
// pace says it is still developing. Late corrections (Settle) merge stories
// that the grown stream shows to be one. The package also marks
// near-duplicates found by MinHash LSH, traces which article copies or
// rewrites which, and groups a story's articles into its developments. It
// does no I/O and reads no clock: times come with the articles.
package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// Options tune the clusterer. The zero value of a field means its default.
type Options struct {
	// Window is how long a story stays open after its latest article at the
	// least. Default 7 days.
	Window time.Duration
	// PaceFactor lengthens a story's window by this many times its own span
	// (first to latest article): a story that has developed for three weeks
	// stays open for Window plus three weeks × PaceFactor. Default 1.
	PaceFactor float64
	// MaxWindow bounds how long any story stays open after its latest
	// article. Default 60 days.
	MaxWindow time.Duration
	// StreamPace lengthens the base window to this many times the mean span
	// of the stream's stories of two or more dated articles so far, in whole
	// days, when that is longer than Window: a stream whose stories develop
	// over weeks keeps a story open for weeks even before it has developed
	// itself, one whose stories are told in a day keeps Window. Once
	// minPaceStories such stories have closed (their windows passed, so
	// their spans are complete), it also shortens the window in which a
	// story takes articles and merges (not the one in which candidates
	// are looked up, see Clusterer.take) to this many times the closed
	// stories' mean span, in whole days, at least one, when that is
	// shorter than the base window. Default: the model's; none when
	// negative, or when the model has none.
	StreamPace float64
	// Model is the join model. Default: the model shipped in the binary.
	Model *Model
	// Threshold is the probability an article needs to join a story.
	// Default: the model's, chosen with it on the development sets.
	Threshold float64
	// LinkReach widens "ran at the same time" for the link step (see
	// linkWith): two dated stories may be linked when the gap between
	// their spans is at most LinkReach times the mean span of the stream's
	// stories of two or more dated articles (the statistic StreamPace
	// reads). On a stream whose stories are told in a day the reach is
	// hours (a quarter of a 4-hour mean span links stories an hour apart;
	// when articles carry dates without times, as basil's and
	// allsides_dated's do, a story of one day has a span of 0 and links
	// only stories of that day); on one whose stories develop over days
	// it also links the parts of a story that a gap of a day or two left
	// apart. Never more than Window (see ranTogether). Default: the
	// model's; none when negative, or when the model has none.
	LinkReach float64
	// MergeThreshold is the mean probability, over the articles of one
	// story, of belonging to another, at which the two are merged. Default:
	// the model's.
	MergeThreshold float64
	// LinkThreshold is the z-score, against the stream's background, of
	// the average-link TF-IDF cosine (the mean over every pair of one
	// article from each) at which two dated stories that ran at the same
	// time (or within the link reach) are merged when the stream settles (see linkWith). Default: the
	// model's; none when the model has none, or when negative.
	LinkThreshold float64
	// DuplicateSimilarity is the MinHash Jaccard estimate above which an article
	// is a near-duplicate of an earlier one. Default 0.6.
	DuplicateSimilarity float64
	// NoRegroup turns off regrouping a settling story's articles (see
	// regroup). The fit chooses the thresholds with it off: chosen with it
	// on, the training sets moved the join threshold of the fold without
	// newswcl50 from 0.20 to 0.15, and newswcl50 fell .939 to .856 held
	// out.
	NoRegroup bool
	// UndatedWindow is, for articles and stories without a publication
	// time, what Window is for dated ones, counted in arrivals: an undated
	// story takes articles until this many more have arrived since its
	// latest, and is then let go of, so that memory follows the window and
	// not the length of an undated stream. Default 10,000.
	UndatedWindow int
	// ColdStart is the articles after which the clusterer places the
	// stream's first articles again, with the document frequencies those
	// articles give, and merges the stories that placing puts together
	// (see the cold start in coldstart.go). Default 200; none when
	// negative.
	ColdStart int
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 7 * 24 * time.Hour
	}
	if o.PaceFactor <= 0 {
		o.PaceFactor = 1
	}
	if o.MaxWindow <= 0 {
		o.MaxWindow = 60 * 24 * time.Hour
	}
	o.MaxWindow = max(o.MaxWindow, o.Window)
	if o.Model == nil {
		o.Model = DefaultModel()
	}
	if o.Threshold <= 0 {
		o.Threshold = o.Model.JoinThreshold
	}
	if o.MergeThreshold <= 0 {
		o.MergeThreshold = o.Model.MergeThreshold
	}
	if o.LinkThreshold == 0 {
		o.LinkThreshold = o.Model.LinkThreshold
	}
	if o.StreamPace == 0 {
		o.StreamPace = o.Model.StreamPace
	}
	if o.LinkReach == 0 {
		o.LinkReach = o.Model.LinkReach
	}
	if o.DuplicateSimilarity <= 0 {
		o.DuplicateSimilarity = 0.6
	}
	if o.UndatedWindow <= 0 {
		// More articles than any development file holds (allsides_train,
		// the largest, 7,356, all undated), so that no development figure
		// depends on it; a few days of a large feed. Measured: an undated
		// stream of 40,000 articles holds the stories of the last 10,000.
		o.UndatedWindow = 10000
	}
	if o.ColdStart == 0 {
		o.ColdStart = defaultColdStart
	}
	return o
}

// Lookback is how long before the latest article a story may have had its
// own latest and still take articles (or be merged when the stream
// settles): a pipeline that restores a clusterer from storage restores the
// stories updated within it.
func (o Options) Lookback() time.Duration {
	o = o.withDefaults()
	return o.MaxWindow + o.Window
}

// Clusterer assigns articles to stories. It is not safe for concurrent use.
type Clusterer struct {
	opt      Options
	stories  map[string]*story
	postings termTable[*postingList] // term hash -> open stories holding it
	// postingReads counts the lookups of a term in postings: the work
	// a step does, for the tests that check it (see postingList).
	postingReads int
	df           docFreq
	idfs         idfMemo  // the IDF of each document frequency, see idfOf
	lsh          lshIndex // the kept members by their signatures' bands
	seq          int
	changes      []news.StoryChange // made since the last TakeChanges
	semSum       [wordvec.Dim]float32
	semDocs      int

	mergedSinceEvict []*story // merged stories still in the postings

	recorded int64                 // changes recorded: the store's (see ContinueChanges) and this clusterer's
	parted   map[*story][]*parting // the regroupings' partings, by story left and by story holding the group, see noteParting
	joined   map[*story]bool       // while Settle runs: the stories that took others' articles in it, see noteJoined
	// near and groupFirsts are the lone step's scratch lists of candidates
	// (see readLead and nearGroups).
	near, groupFirsts []*story
	lone              []*story // the stories of one article no join reached when they settled, waiting for the lone step (see judgeLone)

	heads       headSlab     // the stories' heads, side by side (see storyHead)
	epoch       uint64       // articles looked up so far, marks the stories each touched
	touched     []*storyHead // scratch: the heads of the stories touched by the current lookup
	lookups     []int        // scratch: the query terms the current lookup reads
	lookupPosts [][]posting  // scratch: the postings the current lookup reads of each of its terms (see lookupPostings)
	bestHeads   []*storyHead // scratch: the heads of the candidates of the current lookup
	best        []*story     // scratch: the candidates of the current lookup
	inTake      []*story     // scratch: those of them within the take window, see score
	inAt        []int        // scratch: and their places among the candidates
	inCos       []float64    // scratch: and their average-link cosines
	outside     int          // the last score's candidates outside the take window
	q           query        // scratch: the current article
	rows        [][]float64  // scratch: the signals of each candidate
	probs       []float64    // scratch: and its probability
	latest      time.Time    // the latest publication time seen
	shared      []termWeight // scratch: the terms an article shares with its story, see explain
	given       []given      // scratch: and the names, see explain
	topShared   []termWeight // scratch: the shared terms that weigh most, see explain
	idfScratch  []float64    // scratch: an article's terms' IDFs, see unitScales
	slotIDF     []float64    // scratch: the IDF of each slot of a story being rescaled, see rescale
	slotScratch []int32      // scratch: a member's terms' slots in its story, see memberSlots
	dfScratch   []int        // scratch: a member's terms' document frequencies, see memberSlots
	mayHold     []int32      // scratch: the places of a query's terms a story's filter lets through, see avgCosineWhole
	others      []*story     // scratch: a pair's choices, see sameEvent
	summed      features     // scratch: a settling story's summed terms, see settleStory

	bisectCos  [][]float64 // scratch: the cosines between a story's kept members, see bisect
	bisectVecs [][]term    // scratch: and their unit vectors

	onLone func(LoneLead) // see WatchLone

	// cold holds the stream's first articles until they are placed again,
	// and frozen says, on the clusterer that places them again, that no
	// document is counted (see replayColdStart).
	cold   coldStart
	frozen bool

	// dayEnded is the day whose start EndDay last settled at: the day's
	// first article, placed after an EndDay of its own, is not settled
	// for twice.
	dayEnded time.Time

	// pace is the stream's running mean span of its stories of two or more
	// dated articles, and base the window it gives (see StreamPace).
	pace   paceStat
	base   time.Duration
	scored []bool // scratch: which candidates were scored in full

	// done is the running mean span of the stream's closed stories of two
	// or more dated articles (see noteClosed): their spans are complete,
	// where pace counts open stories with the span they have so far.
	done paceStat

	// take is the window within which a story takes articles and merges
	// (see takeHorizon): the base window, or, once minPaceStories stories
	// of two or more dated articles have closed (done), StreamPace times
	// their mean span in whole days when that is shorter, at least a day
	// (takeFloor). A stream of one-day stories (dates without times:
	// allsides_dated's mean span is 0.4 days) gets a window of a day or
	// two, so that one subject's roundups of other days stay apart (the
	// comparison is strict, see takesAt); a stream of developing stories
	// keeps the base. The candidates are still looked up within the base
	// window, so the stream's background statistics (the link step's
	// z-score, the normalised signals) are drawn from the same stories whatever the
	// take window: a shorter window, drawing them from fewer stories,
	// cost basil .977 -> .972 in-sample (see docs/measurements/clustering.md).
	take time.Duration

	// avgMemo holds, while memoOn (see closestStory), the average-link
	// cosines of articles against stories computed so far.
	avgMemo map[memoKey]float64
	memoOn  bool
	// queryMemo holds, while memoOn, the place in queryPool of each
	// article's query prepared so far (see prepareQuery); the pool's
	// first queriesUsed are taken, the rest kept for their slices.
	queryMemo   map[*features]int
	queryPool   []*query
	queriesUsed int
	// memoDocs is the documents counted when the memo's contents were
	// kept (see memoFresh).
	memoDocs int

	// background holds the running statistics of the raw similarities the
	// stream-normalised signals score (see normalized).
	background [len(normalized)]runningStat
	// resumed, when ResumeStats gave the running statistics back, says
	// which restored stories they count as closed: Resume then takes
	// those as counted and counts no other restored story.
	resumed *closedCount
	// loneResumed says ResumeStats gave the lone step's list back (see
	// resumeState): Resume then lists no other restored story.
	loneResumed bool

	// examples, when set, receives the signals of every candidate story
	// scored for an article, and the story (Examples sets it).
	examples func(signals []float64, s *story)
}

// New returns an empty clusterer.
func New(opt Options) *Clusterer {
	c := &Clusterer{
		opt:     opt.withDefaults(),
		stories: map[string]*story{},
		df:      newDocFreq(),
	}
	c.base = c.opt.Window
	c.take = c.base
	c.cold.over = c.opt.ColdStart < 0
	return c
}

// StoryID names the story that an article starts: a short stable hash, so that
// the same stream always gives the same ids.
func StoryID(firstArticleID string) string {
	sum := sha256.Sum256([]byte("story:" + firstArticleID))
	return hex.EncodeToString(sum[:6])
}

// Add assigns an article to the best open story or starts a new one, and
// returns why.
func (c *Clusterer) Add(a news.Article) news.Membership {
	return c.AddPrepared(Prepare(a))
}

// Prepared is an article with the features the clusterer compares, computed
// ahead of Add: they cost more than the assignment itself, and a pipeline can
// compute them on its extraction workers.
type Prepared struct {
	Article news.Article
	f       *features
	words   *featureWords
}

// Prepare computes an article's clustering features, all that any
// clusterer reads. It is safe to call from many goroutines.
func Prepare(a news.Article) Prepared {
	f, w := featuresOf(a)
	return Prepared{Article: a, f: &f, words: &w}
}

// Prepare computes an article's clustering features as Prepare does, but
// for this clusterer: without the mean word vectors when its model does
// not read them (see meanVectors). It reads only the clusterer's settings,
// fixed by New, so it is safe to call from many goroutines while the
// clusterer places articles on another.
func (c *Clusterer) Prepare(a news.Article) Prepared {
	f, w := articleFeatures(a, c.fullSignals())
	return Prepared{Article: a, f: &f, words: &w}
}

// featuresFor returns the features of a prepared article for this
// clusterer: prepared now when they were not, and given their mean word
// vectors when the clusterer reads them and they were prepared without
// (by another clusterer's Prepare). Those go in a copy of the features:
// the caller's are not written, as other clusterers may be reading them.
func (c *Clusterer) featuresFor(p Prepared) (Prepared, *features) {
	if p.f == nil {
		p = c.Prepare(p.Article)
	}
	if p.f.vecs == nil && c.fullSignals() {
		withVectors := *p.f
		withVectors.vecs = meanVectorsOf(p.Article)
		p.f = &withVectors
	}
	return p, p.f
}

// AddPrepared is Add for an article whose features were prepared.
func (c *Clusterer) AddPrepared(p Prepared) news.Membership {
	p, f := c.featuresFor(p)
	a := p.Article
	when := a.Published
	c.EndDay(when)
	c.noteColdStart(p)
	c.learn(f)
	c.seq++
	if dup, sim := c.nearDuplicate(f, when); dup != nil {
		m := news.Membership{
			ArticleID: a.ID, StoryID: dup.story.id, Score: sim, Threshold: c.opt.DuplicateSimilarity,
			DuplicateOf: dup.id,
			Reason:      fmt.Sprintf("near-duplicate of %s (estimated text overlap %.0f%%)", dup.id, 100*sim),
		}
		c.join(dup.story, a.ID, f)
		return m
	}
	q := c.prepareQuery(f)
	cands, probs := c.score(q, when)
	best, bestP := -1, 0.0
	for i, p := range probs {
		if p > bestP || p == bestP && best >= 0 && cands[i].id < cands[best].id {
			best, bestP = i, p
		}
	}
	if best < 0 || bestP < c.opt.Threshold {
		s := c.newStory(a.ID)
		c.joinQueried(s, a.ID, f, q)
		reason := "starts a new story: no open story was similar enough"
		if best >= 0 {
			reason = fmt.Sprintf("starts a new story: the closest open story had a join probability of %.2f, below %.2f", bestP, c.opt.Threshold)
		}
		if c.outside > 0 {
			reason += fmt.Sprintf(" (%d similar open stories further from its time than the take window of %.0f days were not scored)",
				c.outside, c.take.Hours()/24)
		}
		return news.Membership{ArticleID: a.ID, StoryID: s.id, Score: 1, Threshold: c.opt.Threshold, Reason: reason}
	}
	s, sig := cands[best], slices.Clone(c.rows[best])
	if math.IsNaN(sig[sigMaxCos]) {
		// Only the closest candidate by average-link cosine got the
		// signals its reason reads (see scoreRows), and the most probable
		// may be another (the days contradiction lowered the closest's
		// probability, or a model not monotone in the cosine).
		c.reasonSignals(q, s, sig)
	}
	var alsoClose []*story
	for i, p := range probs {
		if i != best && p >= c.opt.Threshold {
			alsoClose = append(alsoClose, cands[i])
		}
	}
	terms, names := c.explain(q, p.words, s)
	c.joinQueried(s, a.ID, f, q)
	c.mergeIfSame(s, alsoClose)
	return news.Membership{
		ArticleID: a.ID, StoryID: s.id, Score: roundScore(bestP), Threshold: c.opt.Threshold,
		SharedTerms: terms, SharedNames: names,
		Reason: joinReason(bestP, c.opt.Threshold, sig, terms, names),
	}
}

// joinReason says in one sentence why an article joined a story. It is
// written with strconv, not fmt: the same text (fmt's %.2f is
// strconv.AppendFloat's 'f' at 2 digits, NaN and infinities included),
// in about a third of the time, for every article that joins.
func joinReason(p, threshold float64, sig []float64, terms, names []string) string {
	// Room for the whole reason in one allocation: its fixed text, every
	// part given and the figures at their usual widths, is 194 bytes (224
	// leaves room for wider figures), and 24 bytes a word holds a term or
	// a name with its ", " (BenchmarkJoinReason's reason: 2 allocations,
	// this buffer and the string).
	b := make([]byte, 0, 224+24*(len(terms)+len(names)))
	b = append(b, "join probability "...)
	b = strconv.AppendFloat(b, p, 'f', 2, 64)
	b = append(b, " (threshold "...)
	b = strconv.AppendFloat(b, threshold, 'f', 2, 64)
	b = append(b, "): similarity "...)
	b = strconv.AppendFloat(b, sig[sigAvgCos], 'f', 2, 64)
	b = append(b, " to the story's articles on average, "...)
	b = strconv.AppendFloat(b, sig[sigMaxCos], 'f', 2, 64)
	b = append(b, " to the closest"...)
	if !math.IsNaN(sig[sigTitleMax]) {
		b = append(b, ", headline "...)
		b = strconv.AppendFloat(b, sig[sigTitleMax], 'f', 2, 64)
	}
	if !math.IsNaN(sig[sigGapDays]) {
		b = append(b, ", "...)
		b = strconv.AppendFloat(b, math.Expm1(sig[sigGapDays]), 'f', 1, 64)
		b = append(b, " days after its latest article"...)
	}
	if len(names) > 0 {
		b = append(b, "; shared names: "...)
		b = appendJoined(b, names)
	}
	if len(terms) > 0 {
		b = append(b, "; shared terms: "...)
		b = appendJoined(b, terms)
	}
	return string(b)
}

// appendJoined appends words separated by ", ".
func appendJoined(b []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, w...)
	}
	return b
}

// EndDay settles the clusterer when an article published at when begins
// a new day of a dated stream, as a daily add would; AddPrepared does it
// itself. A caller that records changes calls it first, so that the
// changes of the settle come before the article's placement. Before the
// article after the stream's first Options.ColdStart, it also looks at
// those again (see replayColdStart), dated or not.
//
// The lone step judges the stories closed at when (see judgeLone), not
// only those closed at the stream's latest time so far: after a gap
// longer than a story's window and Window, the article's join may let go
// of the stories it closed (see evict) before any later settle, and a
// lone story would go unjudged.
func (c *Clusterer) EndDay(when time.Time) {
	c.replayColdStartIfDue()
	day := when.Truncate(24 * time.Hour)
	if !c.latest.IsZero() && day.After(c.latest.Truncate(24*time.Hour)) && !day.Equal(c.dayEnded) {
		c.dayEnded = day
		c.settle(false, when) // when is after latest: its day is
	}
}

// Restore puts an article back into a story it was assigned to earlier, so
// that a clusterer rebuilt from storage continues where the last one stopped.
func (c *Clusterer) Restore(a news.Article, storyID string) {
	c.cold = coldStart{over: true} // its cold start was the run's that stored it
	f, _ := articleFeatures(a, c.fullSignals())
	c.learn(&f)
	c.seq++
	s := c.stories[storyID]
	if s == nil {
		s = newStoryAt(storyID, c.seq, c.heads.take())
		c.stories[storyID] = s
	}
	c.join(s, a.ID, &f)
	s.settled, s.settledN = c.seq, s.n // the run that stored it settled it
}

// SortForStream puts items in the order a stateless run clusters them: by
// publication time when every item has one (stably, so that items of one
// time keep their order), else as they are, since an undated item could go
// anywhere.
func SortForStream[T any](items []T, published func(T) time.Time) {
	for _, it := range items {
		if published(it).IsZero() {
			return
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return published(items[i]).Before(published(items[j])) })
}

// newStory starts a story named after its first article.
func (c *Clusterer) newStory(firstArticle string) *story {
	id := StoryID(firstArticle)
	if _, taken := c.stories[id]; taken {
		id = StoryID(fmt.Sprintf("%s#%d", firstArticle, c.seq))
	}
	s := newStoryAt(id, c.seq, c.heads.take())
	c.stories[id] = s
	return s
}

// learn counts an article in the stream's statistics: document frequencies
// and the mean word vector.
func (c *Clusterer) learn(f *features) {
	if c.frozen {
		return
	}
	c.df.add(f.terms)
	if f.vecs != nil && f.vecs.sem != (wordvec.Vec{}) {
		for i, x := range f.vecs.sem {
			c.semSum[i] += x
		}
		c.semDocs++
	}
}

// join adds an article to a story.
func (c *Clusterer) join(s *story, id string, f *features) { c.joinQueried(s, id, f, nil) }

// joinQueried is join for an article whose query q, when not nil, was
// worked out under the document frequencies counted now: its member's
// scales are read from the query's lengths (see queryScales).
func (c *Clusterer) joinQueried(s *story, id string, f *features, q *query) {
	if f.when.After(c.latest) {
		c.latest = f.when
	}
	m := &member{id: id, f: f}
	if q != nil && q.f == f {
		m.scale, m.titleScale = queryScales(q)
		c.attachScaled(s, m)
	} else {
		c.attach(s, m)
	}
	if c.seq%1000 == 0 {
		c.evict(c.latest)
	}
}

// attach adds a member to a story: its terms enter the story's sum as a
// unit vector under the current IDF (see unitScale), so that the sum over
// the story's size is the mean of its members and scores against it are
// average-link scores.
func (c *Clusterer) attach(s *story, m *member) {
	m.scale, m.titleScale = c.unitScales(m.f)
	c.attachScaled(s, m)
}

// attachScaled is attach for a member whose scales are set.
func (c *Clusterer) attachScaled(s *story, m *member) {
	if s.n == 0 {
		s.scaleDocs = int32(c.df.docs())
	}
	for _, t := range m.f.terms {
		c.addWeight(s, t.h, t.w*m.scale)
	}
	c.reopen(s)
	c.pace.drop(s)
	s.addCounts(m.f, 1)
	s.ids = append(s.ids, m.id)
	s.noteTime(m.f.when)
	c.pace.add(s)
	c.noteWindow(s)
	c.notePace()
	s.grown = c.seq
	m.story = s
	c.indexMember(m)
	if dropped := s.keep(m); dropped != nil {
		c.unindexMember(dropped)
		dropped.story = nil
	}
}

// unitScales is 1 over the length of an article's TF-IDF vector under the
// current IDF, and of its headline's (0 for an empty one), each term's IDF
// looked up (see scalesOf).
func (c *Clusterer) unitScales(f *features) (scale, titleScale float64) {
	idfs := c.idfScratch[:0]
	for _, t := range f.terms {
		idfs = append(idfs, c.idf(t.h))
	}
	c.idfScratch = idfs
	return c.scalesOf(f, idfs)
}

// queryScales is unitScales of a query's article under the counts its
// query was worked out with (fillQuery), read from the query's lengths:
// the same sums of the same squares in the same order (see scalesOf), so
// that 1 over their square roots is unitScales' to the last bit, without
// looking each term's IDF up again. A placed article's query is worked out
// under the counts it joins its story with: nothing counts documents
// between (only learn does).
func queryScales(q *query) (scale, titleScale float64) {
	if q.norm != 0 {
		scale = 1 / q.norm
	}
	if q.titleNorm != 0 {
		titleScale = 1 / q.titleNorm
	}
	return scale, titleScale
}

// scalesOf is unitScales given the IDFs of the article's terms, in their
// order. The headline's terms are among the article's (both by hash), so
// their IDFs are read from idfs rather than looked up again: the same
// document frequency gives the same IDF (see idfOf), so the scales are the
// same to the last bit as with a lookup of each.
func (c *Clusterer) scalesOf(f *features, idfs []float64) (scale, titleScale float64) {
	var n float64
	for k, t := range f.terms {
		w := t.w * idfs[k]
		n += w * w
	}
	if n != 0 {
		scale = 1 / math.Sqrt(n)
	}
	var tn float64
	j := 0
	for _, t := range f.title {
		w := t.w * c.titleIDF(f.terms, idfs, &j, t.h)
		tn += w * w
	}
	if tn != 0 {
		titleScale = 1 / math.Sqrt(tn)
	}
	return scale, titleScale
}

// titleIDF is the IDF of a headline's term h, read from idfs (the IDFs of
// the article's terms, in their order) where the article's terms hold it,
// else looked up: the headline's terms are among the article's, both
// sorted by hash, so one cursor j, advanced here, walks the article's
// terms for all of a headline's in turn. The same document frequency
// gives the same IDF (see idfOf), so the value is the lookup's to the
// last bit.
func (c *Clusterer) titleIDF(terms []term, idfs []float64, j *int, h uint64) float64 {
	for *j < len(terms) && terms[*j].h < h {
		*j++
	}
	if *j < len(terms) && terms[*j].h == h {
		return idfs[*j]
	}
	return c.idf(h)
}

// rescale makes a story's kept members unit vectors again under the current
// IDF once the documents seen have grown by a fifth since it last did: IDF
// grows with the stream, most for rare terms, and a story whose members
// were scaled early would otherwise score above its true average (up to
// twice, for a story begun among the first hundred articles). Members the
// story no longer keeps stay at the scale they last had: by then the
// stream is long and IDF steady.
func (c *Clusterer) rescale(s *story) {
	docs := c.df.docs()
	if !scaleStale(s.storyHead, docs) {
		return
	}
	// The IDF of each slot's term, looked up by the first member holding
	// it (0 until then: IDF is 1 or more, a term being in no more of the
	// documents than are counted). A story's members share most of their
	// terms, so each term's document frequency is looked up once, and its
	// posting's copy of the weight written once, after every member's
	// share is in. Looked up and written per member and term, they were
	// 0.71 and 0.38 s of rescale's 1.24 s, and rescale 8% of placement,
	// in a profile of the 100,000-article stream of issue 14 (session 42).
	slotIDF := c.slotIDFs(len(s.w))
	for _, m := range s.kept {
		slots, idfs := c.memberSlots(s, m.f, slotIDF)
		scale, titleScale := c.scalesOf(m.f, idfs)
		for k, t := range m.f.terms {
			i := slots[k]
			s.w[i] += t.w * (scale - m.scale)
		}
		m.scale, m.titleScale = scale, titleScale
	}
	for i, idf := range slotIDF {
		if idf != 0 { // a kept member's term: its weight may have changed
			c.setWeight(s, int32(i), s.w[i])
		}
	}
	s.scaleDocs = int32(docs)
}

// slotIDFs returns the clusterer's scratch of n IDFs by slot, all 0.
func (c *Clusterer) slotIDFs(n int) []float64 {
	c.slotIDF = slices.Grow(c.slotIDF[:0], n)[:n]
	clear(c.slotIDF)
	return c.slotIDF
}

// memberSlots returns the story's slot of each of a member's terms and
// each term's IDF, in the order of f.terms (in the clusterer's scratch),
// the IDF read from slotIDF when an earlier member looked it up, else
// looked up and noted there. Every term of a member has a slot in its
// story (attach gave it one). The slots are found first, then the
// document frequencies of the terms no earlier member looked up, one
// probe after another, so that their misses of the cache overlap (see
// fillQuery).
func (c *Clusterer) memberSlots(s *story, f *features, slotIDF []float64) ([]int32, []float64) {
	slots := c.slotScratch[:0]
	for _, t := range f.terms {
		i, _ := s.slot.get(t.h)
		slots = append(slots, i)
	}
	dfs := slices.Grow(c.dfScratch[:0], len(f.terms))[:len(f.terms)]
	for k, t := range f.terms {
		if slotIDF[slots[k]] == 0 {
			dfs[k] = c.df.of(t.h)
		}
	}
	idfs := c.idfScratch[:0]
	for k, i := range slots {
		if slotIDF[i] == 0 {
			slotIDF[i] = c.idfOf(dfs[k])
		}
		idfs = append(idfs, slotIDF[i])
	}
	c.slotScratch, c.idfScratch, c.dfScratch = slots, idfs, dfs
	return slots, idfs
}

// scaleStale reports whether a story's members are to be scaled again
// with docs documents counted (see rescale).
func scaleStale(s *storyHead, docs int) bool {
	d := int(s.scaleDocs)
	return docs > d+d/5
}

// maxPostingsRead bounds how many stories one term brings in as candidates,
// so that an article costs the same however many open stories share its
// commoner terms: of a term's postings only the last 200 (the stories that
// took the term up last) are read.
const maxPostingsRead = 200

// maxCandidates is how many stories an article is scored against in full:
// the best by the partial dot products of the candidate lookup.
const maxCandidates = 10

// candidates returns the open stories that share a distinctive term with
// the query, best first by their partial average-link score: the postings
// of the query's 60 highest-weighted terms (terms in more than half of all
// documents are not looked up, unless every term is), ranked by partial
// dot products, the best maxCandidates kept.
func (c *Clusterer) candidates(q *query, when time.Time) []*story {
	if q.norm == 0 {
		return nil
	}
	lookups := c.lookupTerms(q)
	c.touchPostings(q, lookups[:min(maxLookups, len(lookups))], when)
	return c.bestTouched()
}

// maxLookups is how many of a query's terms, the heaviest, the candidate
// lookup reads the postings of (the 60 it always read, named here): more
// than the ~31 terms of an article of the issue-14 stream, so that it
// bounds a long article's or a settling story's lookup only. Fewer (10 to
// 30, session 13) moved the development files' memberships.
const maxLookups = 60

// lookupTerms returns the places among q.f.terms of the terms the
// candidate lookup reads, heaviest first (in the clusterer's scratch).
func (c *Clusterer) lookupTerms(q *query) []int {
	f := q.f
	lookups := c.lookups[:0]
	docs := c.df.docs()
	for i := range f.terms {
		if q.dfs[i]*2 <= docs+1 || docs <= 10 {
			lookups = append(lookups, i)
		}
	}
	if len(lookups) == 0 {
		// Every term of the article is in more than half of the documents:
		// a stream of copies of one report, or of one event's headlines
		// that say only what all say. Its terms are looked up all the
		// same (60 at most, 200 postings each, as any article's), or it
		// finds no story and starts its own: 40 copies of one short
		// report made a story of the first 10 and 30 stories of one.
		for i := range f.terms {
			lookups = append(lookups, i)
		}
	}
	slices.SortFunc(lookups, func(i, j int) int { // heaviest first; a total order, so runs repeat
		if d := cmp.Compare(q.weights[j], q.weights[i]); d != 0 {
			return d
		}
		return cmp.Compare(f.terms[i].h, f.terms[j].h)
	})
	c.lookups = lookups
	return lookups
}

// touchPostings reads the postings of the query's terms at places lookups
// (at most maxPostingsRead of each, the newest), in that order, and sums
// each open story's partial dot product with the query; c.touched holds
// the heads of the stories read (a posting points at its story's head, and
// the walk reads heads only, see storyHead). A story's first touch marks
// it with a new epoch, tells whether it is open at when, and rescales it
// when stale (see rescale); the posting that touched it first counts the
// weight it had before.
//
// This loop is most of the lookup's cost (about 2,500 postings of 1,200
// stories per lookup on the stream of issue 14), and about half its
// postings are a story's first touch, in no order a branch predictor can
// follow: so a posting's work is the same whether it is the story's first
// touch or not, with no branch on which (see touchPosting), and what the
// loop reads of the clusterer (the epoch, the story to skip, the touched
// list) is held in locals, which rescale cannot change (the compiler
// cannot know it and read them from memory at each posting).
func (c *Clusterer) touchPostings(q *query, lookups []int, when time.Time) {
	c.epoch++
	w := walkOf(c, q, when)
	lists := c.lookupPostings(q, lookups)
	total := 0
	for _, ps := range lists {
		total += len(ps)
	}
	// Room for every posting's story, so that each posting writes its
	// head at the next free place and a first touch alone moves it on.
	touched := slices.Grow(c.touched[:0], total)[:total]
	n := 0
	for k, ps := range lists {
		tw := q.weights[lookups[k]] * q.idfs[lookups[k]]
		for _, p := range ps {
			h := p.head
			fresh := h.epoch != w.epoch
			touched[n] = h
			n += b2i(fresh)
			open := h.openNow
			if w.stamped && h.stretch == stretchStamps {
				open = !h.merged && h != w.skip && h.openLo <= w.at && w.at <= h.openHi // openAt's case for these
			} else if fresh {
				open = c.openOther(&w, h)
			}
			h.epoch, h.openNow = w.epoch, open
			if b2i(fresh)&b2i(open)&b2i(scaleStale(h, w.docs)) != 0 {
				c.rescale(h.owner)
			}
			h.partial = keptUnless(h.partial, fresh) + tw*p.w/h.size()
		}
	}
	clear(c.lookupPosts) // held no longer than the walk: an eviction may let go of an array
	clear(touched[n:])   // the heads written past the last first touch
	c.touched = touched[:n]
}

// walk is what a lookup's postings read besides the story: its epoch,
// the story to skip, the documents counted, the article's time (and
// stamp, see stampOf).
type walk struct {
	epoch   uint64
	skip    *storyHead // the heads of a clusterer's stories are never nil
	docs    int
	at      int64
	stamped bool // an undated article (the zero time) has no stamp
	when    time.Time
}

// walkOf is the walk of a lookup of epoch c.epoch.
func walkOf(c *Clusterer, q *query, when time.Time) walk {
	w := walk{epoch: c.epoch, docs: c.df.docs(), when: when}
	if q.skip != nil {
		w.skip = q.skip.storyHead
	}
	w.at, w.stamped = stampOf(when)
	return w
}

// openOther tells whether a story the walk w touches first is open, when
// its open stretch or the article has no stamps.
func (c *Clusterer) openOther(w *walk, h *storyHead) bool {
	return !h.merged && h != w.skip && c.openAt(h.owner, w.when, w.at, w.stamped)
}

// keptUnless is x, or 0 when zero is true, without a branch.
func keptUnless(x float64, zero bool) float64 {
	return math.Float64frombits(math.Float64bits(x) &^ -uint64(b2i(zero)))
}

// lookupPostings returns the postings the walk reads of each of the
// lookup's terms, in the order of lookups (in the clusterer's scratch):
// at most maxPostingsRead of each, the newest (postings are kept in order
// of arrival), none for a term no held story has. They are found all
// before the walk: each is a probe of the postings table and a load of
// its list, both mostly misses of the cache, that do not wait on one
// another when made one after another, where between two terms' walks
// each waited alone. Nothing the walk does changes which postings a list
// holds (a rescale writes weights in place, see setWeight), so the walk
// reads the same postings, and the same weights, as when it found each
// list as it came to its term.
func (c *Clusterer) lookupPostings(q *query, lookups []int) [][]posting {
	lists := c.lookupPosts[:0]
	for _, i := range lookups {
		var ps []posting
		if l := c.termPostings(q.f.terms[i].h); l != nil {
			ps = l.ps
			if len(ps) > maxPostingsRead {
				ps = ps[len(ps)-maxPostingsRead:]
			}
		}
		lists = append(lists, ps)
	}
	c.lookupPosts = lists
	return lists
}

// bestTouched returns the maxCandidates open stories of c.touched with the
// highest partial scores (ties by id), best first, kept sorted as they
// come: the touched stories can be thousands, and only a few are wanted.
// Most score below the last kept, which a comparison of the scores tells
// before the full order is asked (and the story's id, past its head, is
// read only then).
func (c *Clusterer) bestTouched() []*story {
	before := func(a, b *storyHead) bool {
		return a.partial > b.partial || a.partial == b.partial && a.owner.id < b.owner.id
	}
	heads := c.bestHeads[:0]
	for _, h := range c.touched {
		if !h.openNow {
			continue
		}
		if len(heads) == maxCandidates {
			if last := heads[maxCandidates-1]; h.partial < last.partial || !before(h, last) {
				continue
			}
			heads[maxCandidates-1] = h
		} else {
			heads = append(heads, h)
		}
		for i := len(heads) - 1; i > 0 && before(heads[i], heads[i-1]); i-- {
			heads[i], heads[i-1] = heads[i-1], heads[i]
		}
	}
	c.bestHeads = heads
	cands := c.best[:0]
	for _, h := range heads {
		cands = append(cands, h.owner)
	}
	c.best = cands
	return cands
}

// maxScored is how many candidates, the best by average-link cosine, the
// model scores in full: the others are too far behind to be the best, and
// their full signals would cost as much again.
const maxScored = 5

// score looks up the query's candidate stories and returns them with the
// model's probability that the article belongs to each; c.rows holds their
// signals.
//
// With a take window shorter than the base (see Clusterer.take), the
// candidates are first scored as they are, within the base window, for
// the background statistics only; those within the take window are then
// ranked and scored again among themselves (the maxScored slots and the
// relative signals), and are the ones returned. Zeroing the probability
// of those outside, as at first, let them use up the maxScored slots and
// weigh in the relative signals, so that the story within the take
// window that the article belongs to might never be scored
// (TestTakeWindowCandidatesRanked). c.outside counts the candidates left
// out, for the reason of a new story.
func (c *Clusterer) score(q *query, when time.Time) ([]*story, []float64) {
	cands := c.candidates(q, when)
	background := q.skip == nil
	c.outside = 0
	if c.take >= c.base {
		return cands, c.scoreAgainst(q, cands, nil, background, background)
	}
	in, at := c.inTake[:0], c.inAt[:0]
	for i, s := range cands {
		if c.takesAt(s, when) {
			in, at = append(in, s), append(at, i)
		}
	}
	c.inTake, c.inAt = in, at
	c.outside = len(cands) - len(in)
	if c.outside == 0 {
		return cands, c.scoreAgainst(q, cands, nil, background, background)
	}
	var cos []float64
	if background {
		// The background's rows, as with the base window. Training rows
		// (Examples) come from the second pass alone: a candidate within
		// the take window would give two, and one outside it gives one
		// that Add never asks the model about.
		rows := c.scoreRows(q, cands, scoring{learn: true, noExamples: true})
		// The second pass reads the average-link cosines of the first
		// (nothing they read changed between): computing them again was
		// a tenth of placement on the issue-14 stream.
		cos = c.inCos[:0]
		for _, i := range at {
			cos = append(cos, rows[i][sigAvgCos])
		}
		c.inCos = cos
	}
	c.scoreRows(q, in, scoring{cos: cos, background: background})
	return in, c.probs
}

// scoreAgainst computes the signals of the query against candidate stories
// and the model's probability for each: for only, if given, else for the
// maxScored best by average-link cosine (the others get 0). The relative
// signals compare every candidate's average-link cosine. A new article's
// candidates (background) feed the stream's background statistics; a second
// look at an article or a story, when the stream settles, does not.
//
// learn says whether the rows feed the background statistics: as
// background but for the second scoring of a new article's candidates
// within the take window (see score), whose rows were fed in the first.
func (c *Clusterer) scoreAgainst(q *query, cands []*story, only *story, background, learn bool) []float64 {
	c.scoreRows(q, cands, scoring{only: only, background: background, learn: learn})
	return c.probs
}

// scoring says how scoreRows scores a query's candidates (see
// scoreAgainst for only, background and learn).
type scoring struct {
	cos        []float64 // the candidates' average-link cosines, already computed; nil: compute them
	only       *story    // score this candidate alone; nil: the maxScored best
	background bool      // a new article's candidates: its best gets the signals its reason reads, contradiction applies
	learn      bool      // the rows feed the stream's background statistics
	noExamples bool      // with Examples, the rows are not training rows (they are scored as training rows are, probability 0)
}

// scoreRows is scoreAgainst, given the candidates' average-link cosines
// when how.cos is not nil (else it computes them); it returns the rows,
// whose probabilities are in c.probs.
func (c *Clusterer) scoreRows(q *query, cands []*story, how scoring) [][]float64 {
	cos, only, background, learn := how.cos, how.only, how.background, how.learn
	for len(c.rows) < len(cands) {
		c.rows = append(c.rows, make([]float64, numSignals))
	}
	rows := c.rows[:len(cands)]
	if only != nil && !background && !learn && c.examples == nil && !c.opt.Model.readsRelative {
		return c.scoreOnly(q, cands, only, rows)
	}
	best := -1
	for i, s := range cands {
		if cos != nil {
			rows[i][sigAvgCos] = cos[i]
		} else {
			rows[i][sigAvgCos] = c.avgCosineOnce(q, s)
		}
		if best < 0 || rows[i][sigAvgCos] > rows[best][sigAvgCos] {
			best = i
		}
	}
	relativeSignals(rows)
	c.scored = c.scored[:0]
	for i, r := range rows {
		scored := cands[i] == only
		if only == nil {
			ahead := 0 // candidates ahead of this one
			for j, o := range rows {
				if o[sigAvgCos] > r[sigAvgCos] || o[sigAvgCos] == r[sigAvgCos] && j < i {
					ahead++
				}
			}
			scored = ahead < maxScored
		}
		c.scored = append(c.scored, scored)
		switch {
		case !scored:
		case c.fullSignals():
			c.signals(q, cands[i], r)
		case i == best && background:
			c.reasonSignals(q, cands[i], r)
		default:
			// The model reads only the average-link cosine and what is
			// derived from it: the other signals, which cost most, are
			// computed for a new article's best candidate alone (its
			// membership explains itself with them; a second look, when
			// the stream settles, explains itself with the probability).
			onlyAvgCos(r)
		}
	}
	c.normalizeSignals(rows, c.scored, best, learn)
	c.probs = c.probs[:0]
	for i, r := range rows {
		switch {
		case !c.scored[i]:
			c.probs = append(c.probs, 0)
		case c.examples != nil:
			if !how.noExamples {
				c.examples(r, cands[i])
			}
			c.probs = append(c.probs, 0)
		default:
			p := c.joinProbability(r, cands[i], background)
			// The second stage reads a new article's candidates only
			// (background): applied to Settle's merges and moves as
			// well, it cost ecbplus_dev recall .875 -> .820 in-sample
			// (weight 2), against .852 for joins alone. The merge
			// step reads the days only between stories with a core
			// day each (daysClash).
			if w := c.opt.Model.Contradiction; w > 0 && background && p > 0 && p < 1 {
				p = penalised(p, w*contradiction(q.f, cands[i]))
			}
			c.probs = append(c.probs, p)
		}
	}
	return rows
}

// joinProbability is the model's probability for a candidate story s's
// row r. A new article's join (background) reads its average-link cosine
// to a young story drawn toward the stream's background (see
// youngStoryCosine and Model.YoungPrior); r is left as it was.
func (c *Clusterer) joinProbability(r []float64, s *story, background bool) float64 {
	if !background || c.opt.Model.YoungPrior <= 0 {
		return c.opt.Model.Probability(r)
	}
	cos := r[sigAvgCos]
	r[sigAvgCos] = c.youngStoryCosine(cos, s)
	p := c.opt.Model.Probability(r)
	r[sigAvgCos] = cos
	return p
}

// youngStoryCosine is an article's average-link cosine cos to story s as
// a new article's join reads it: the mean of the story's n cosines and
// Model.YoungPrior articles' worth of the background, the running mean
// of new articles' cosines to their candidates other than the closest
// (see normalizeSignals). A story of one article moves most, one of many
// hardly at all. Until the background holds minBackground cosines (the
// stream's first articles, or a clusterer just restored from storage,
// whose background starts empty) the cosine is read as it is: an empty
// background's mean is 0, and a few cosines' mean is as noisy as the
// young story's own read.
func (c *Clusterer) youngStoryCosine(cos float64, s *story) float64 {
	bg := c.background[avgCosBackground]
	if bg.n < minBackground {
		return cos
	}
	w := c.opt.Model.YoungPrior
	n := float64(s.n)
	return (n*cos + w*bg.mean) / (n + w)
}

// scoreOnly is scoreRows for candidate only alone, when nothing reads the
// other candidates' average-link cosines: the model reads no signal
// relative to them, no row is kept for training (Examples) or fed to the
// background statistics, and the candidates' best is not scored in full
// (a second look, background false). Its probabilities are the same to
// the last bit: the other candidates were computed only for the relative
// signals and the best, which then change nothing. sameEvent and
// moveTarget score each article of a story against one candidate among
// all of a settling story's (meanProbability): computing every other
// candidate's cosine too was a sixth of stream placement. The others'
// rows are left as they were.
func (c *Clusterer) scoreOnly(q *query, cands []*story, only *story, rows [][]float64) [][]float64 {
	c.scored, c.probs = c.scored[:0], c.probs[:0]
	for i, s := range cands {
		if s != only {
			c.scored, c.probs = append(c.scored, false), append(c.probs, 0)
			continue
		}
		r := rows[i]
		r[sigAvgCos] = c.avgCosineOnce(q, s)
		if c.fullSignals() { // examples is nil here
			c.signals(q, s, r)
		} else {
			onlyAvgCos(r)
		}
		r[sigMargin], r[sigRelative] = math.NaN(), math.NaN() // not read (see Model.readsRelative)
		for k, p := range normalized {
			r[p[0]] = c.background[k].z(r[p[1]])
		}
		c.scored, c.probs = append(c.scored, true), append(c.probs, c.opt.Model.Probability(r))
	}
	return rows
}

// penalised is probability p with its odds multiplied by e^-x: a
// penalty that moves a pair near the join threshold most and a pair the
// model is sure of little (p 0.9 with x 2 is 0.55; p 0.5 is 0.12).
func penalised(p, x float64) float64 {
	if x == 0 {
		return p
	}
	e := math.Exp(-x)
	return p * e / (1 - p + p*e)
}

// memoKey is an article's features and a story, whose average-link cosine
// avgMemo holds.
type memoKey struct {
	f *features
	s *story
}

// avgCosineOnce is avgCosine, looked up in avgMemo while memoOn.
func (c *Clusterer) avgCosineOnce(q *query, s *story) float64 {
	if !c.memoOn {
		return c.avgCosine(q, s)
	}
	c.memoFresh()
	k := memoKey{q.f, s}
	if x, ok := c.avgMemo[k]; ok {
		return x
	}
	x := c.avgCosine(q, s)
	c.avgMemo[k] = x
	return x
}

// explain lists the terms and names, of words w, that weigh most in an
// article's match with a story: the terms by their weight in the match, the
// names by how many of the story's articles give them.
func (c *Clusterer) explain(q *query, w *featureWords, s *story) (terms, names []string) {
	shared := c.shared[:0]
	f := q.f
	for i, t := range f.terms {
		if sw, ok := s.weight(t.h); ok && i < len(w.terms) {
			shared = append(shared, termWeight{t.h, w.terms[i], t.w * sw / s.size() * q.idfs[i] * q.idfs[i]})
		}
	}
	c.shared = shared
	top := heaviestTerms(c.topShared[:0], shared, explainedTerms)
	c.topShared = top
	for _, x := range top {
		terms = append(terms, x.t)
	}
	// The names the story gives most often come first, then those that
	// weigh most as terms of the match: they are what it is about
	// (alphabetical order showed "agreement, american, april").
	gs := c.given[:0]
	for i, n := range f.names {
		if s.names[n] > 0 && i < len(w.names) {
			gs = append(gs, given{w.names[i], s.names[n], weightOf(shared, n, w.names[i])})
		}
	}
	c.given = gs
	slices.SortFunc(gs, func(a, b given) int {
		if a.articles != b.articles {
			return cmp.Compare(b.articles, a.articles)
		}
		if d := cmp.Compare(b.weight, a.weight); d != 0 {
			return d
		}
		return strings.Compare(a.name, b.name)
	})
	for _, g := range gs[:min(8, len(gs))] {
		names = append(names, g.name)
	}
	return terms, names
}

// explainedTerms is how many shared terms a membership's reason names:
// enough to show what a match is about, few enough to read in one line.
const explainedTerms = 8

// heaviestTerms appends to dst the n terms of shared that come first by
// weight, heaviest first (ties by word: a total order, as each word is
// there once, see termsOf), sorted as they come rather than sorting the
// few dozen shared: the same n as the first n of shared sorted.
func heaviestTerms(dst, shared []termWeight, n int) []termWeight {
	before := func(a, b termWeight) int {
		if d := cmp.Compare(b.w, a.w); d != 0 {
			return d
		}
		return strings.Compare(a.t, b.t)
	}
	top := dst[:0]
	for _, x := range shared {
		if len(top) == n && before(x, top[n-1]) >= 0 {
			continue
		}
		if len(top) < n {
			top = append(top, x)
		} else {
			top[n-1] = x
		}
		for i := len(top) - 1; i > 0 && before(top[i], top[i-1]) < 0; i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
	}
	return top
}

// given is a name a story gives, in how many of its articles, and its
// weight as a term of a match (see explain).
type given struct {
	name     string
	articles int32
	weight   float64
}

// termWeight is a term's hash and word and its weight in a match (see
// explain).
type termWeight struct {
	h uint64
	t string
	w float64
}

// weightOf is the weight of word t among terms, the last one's if it is
// there twice, 0 if not there: an article names a few names, and looking
// them up in the few dozen terms it shares with a story costs less than
// building a map of them for each article placed.
//
// h is t's hash: a term's word and a name's are hashed alike (text.Hash,
// see termsOf and hashedSet), so a term of another hash is not t, and only
// a term of t's hash has its word compared (the line that compared the
// words held about a third of explain's samples on the issue-14 stream).
func weightOf(terms []termWeight, h uint64, t string) float64 {
	for i := len(terms) - 1; i >= 0; i-- {
		if terms[i].h == h && terms[i].t == t {
			return terms[i].w
		}
	}
	return 0
}

// nearDuplicate finds an earlier article in an open story whose text is nearly
// the same.
//
// Only within the take window (see Clusterer.take): the shortcut places no
// article where scoring could not. On a stream whose stories are told in
// a day, a text that nearly repeats one of days before is as likely a
// recurring roundup's template (the same sentences, a few figures
// changed, most shingles shared) as a rerun of the same report, and a
// rerun days later is a story's article only where the stream's stories
// run that long. Such an article is scored as any other.
func (c *Clusterer) nearDuplicate(f *features, when time.Time) (*member, float64) {
	if f.words < minShingleWords {
		return nil, 0
	}
	var best *member
	bestSim := 0.0
	seen := map[*member]bool{}
	c.lshNeighbours(f.sig, func(m *member) {
		if seen[m] || m.story == nil || m.story.merged || !c.open(m.story, when) || !c.takesAt(m.story, when) {
			return
		}
		seen[m] = true
		if sim := f.sig.Similarity(m.f.sig); sim > bestSim || sim == bestSim && best != nil && m.id < best.id {
			best, bestSim = m, sim
		}
	})
	if bestSim < c.opt.DuplicateSimilarity {
		return nil, 0
	}
	return best, bestSim
}

// OpenStories is the number of stories the clusterer holds: those still
// open and those closed less than a window ago.
func (c *Clusterer) OpenStories() int { return len(c.stories) }

// Terms calls fn with each of the article's terms (a hash of the term and
// its sublinear frequency, the headline's terms counted twice): the document
// vector the clusterer weighs by IDF, for baselines that compare it their
// own way (eval's single pass).
func (p Prepared) Terms(fn func(h uint64, tf float64)) {
	if p.f == nil {
		p = Prepare(p.Article)
	}
	for _, t := range p.f.terms {
		fn(t.h, t.w)
	}
}
