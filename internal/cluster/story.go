package cluster

import (
	"math"
	"slices"
	"time"

	"github.com/storyline-news/storyline/internal/wordvec"
)

// story is the clusterer's state for one story that can still take
// articles. Sums over all its articles (terms, names, figures, word
// vectors, outlets) are exact; of the articles themselves it keeps the
// first and the latest (see keptMembers), so that a story's memory and the
// cost of scoring against it stay bounded however long it runs.
type story struct {
	// What the candidate lookup reads of a story is in its head, kept
	// apart from the rest (see storyHead); its fields are the story's own
	// (s.n, s.epoch, ...).
	*storyHead

	last                time.Time // latest publication time of a dated member
	openFrom, openUntil time.Time // when it takes articles: its span widened by its horizon, see noteWindow

	w       []float64 // sum of the members' unit TF-IDF vectors (as term frequency × scale), by slot
	id      string
	slot    termTable[int32] // term hash -> its place in w
	hashes  []uint64         // the term of each slot: sums run in slot order, so that runs repeat to the last bit
	at      []int32          // the place of each slot's posting among its term's postings (see setWeight)
	lists   []*postingList   // each slot's term's postings, where its posting is (see postingList, setWeight)
	held    termFilter       // the terms of its slots, for weight to tell most it does not hold without a probe of slot
	names   map[uint64]int32 // articles giving each name
	numbers map[uint64]int32 // articles giving each figure
	years   map[uint64]int32
	dates   map[uint64]int32
	sources map[uint64]int32 // articles from each outlet
	days    dayCounts        // articles naming each day of the week in their lead (features.days)
	leadFig map[uint64]int32 // articles stating each figure in their lead (features.leadFigs); nil until one does
	sem     wordvec.Vec      // sum of the members' unit word vectors
	ids     []string         // every article's id, in the order they joined
	kept    []*member        // the first member and the latest ones
	first   time.Time        // earliest publication time of a dated member

	created  int // the clusterer's sequence number when the story began
	settled  int // and when Settle last looked at it
	settledN int // and its articles then

	core   []uint64 // names given by at least half its articles (two or more), sorted
	coreAt int      // n when core was listed

	cohesion   float64 // mean similarity between two of its articles, see cohesionOf
	length     float64 // length of the sum of its members' unit TF-IDF vectors
	cohesionAt int     // n when cohesion and length were computed

	loneWaits  bool          // in the clusterer's list of stories waiting for the lone step (see judgeLone)
	closed     bool          // counted in the clusterer's statistic of closed stories' spans (see noteClosed)
	closedSpan time.Duration // the span it was counted with, taken back out when it changes (see reopen)

	// sumsGen counts the changes of its sums over all members (addCounts,
	// absorb), and sumsSum is the sum of its saved sums when sumsGen was
	// sumsAt (see storedSums): a write works out again the sums of the
	// stories whose members changed only.
	sumsGen, sumsAt uint32
	sumsSum         uint64
}

// storyHead is what the candidate lookup reads of a story at each posting
// and at the story's first touch in a lookup: the article (epoch) that last
// touched it, the partial dot product so far, the articles it holds,
// whether it was open for that article and what the first touch reads to
// tell (merged, the open stretch as stamps, the latest arrival, the
// documents at the last rescale). A lookup touches about 1,200 stories
// per article on the stream of issue 14, and waiting for memory was most
// of its cost: the heads of a clusterer's stories are allocated side by
// side (see headSlab), so that they lie in a few dozen pages instead of
// one page per story, the story's own fields (over 500 bytes) apart.
// A head ends with its story (owner), which the lookup reads at a first
// touch only when it must rescale or the story is a candidate: heads of a
// slab start 8 bytes into a cache line (Go's malloc header precedes a
// slab with pointers), so the first 56 bytes of each share a line and
// the owner lies on the next. TestStoryLookupFieldsInOneCacheLine checks it.
type storyHead struct {
	epoch   uint64
	partial float64
	n       int // articles
	// openLo and openHi are openFrom and openUntil as stamps (see stampOf)
	// when stretch is stretchStamps.
	openLo, openHi int64
	grown          int   // the clusterer's sequence number when it last took an article
	openNow        bool  // open for the article of the last touch (epoch)
	merged         bool  // merged into another story: skipped, and dropped at the next eviction
	stretch        uint8 // how open reads the open stretch: stretchUndated, stretchStamps or stretchTimes
	// scaleDocs is the documents seen when its members were last scaled
	// (see rescale), which the lookup's first touch of an open story
	// reads. The documents counted are at most 2 × dfGeneration (see the
	// guard by dfGeneration).
	scaleDocs int32
	owner     *story // the story whose head it is; nil once the story was let go of (see headSlab.release)
}

// headsPerSlab is how many story heads a headSlab allocates at once: 63
// heads of 64 bytes and the 8-byte malloc header fit in a 4,096-byte size
// class (64 would take the next class, 4,864 bytes).
const headsPerSlab = 63

// headSlab hands out story heads from arrays of headsPerSlab, and takes
// back the heads of stories the clusterer dropped (see release), so that
// the slabs hold about as many heads as there are stories in the
// postings: a slab stays in memory while any of its heads is held, and a
// head holds its story.
type headSlab struct {
	free  []storyHead  // the rest of the newest slab, not yet handed out
	freed []*storyHead // heads handed back, handed out again first
	slabs int          // slabs made, for the tests that check the heads are handed back
}

// take returns a zero head.
func (h *headSlab) take() *storyHead {
	if n := len(h.freed); n > 0 {
		head := h.freed[n-1]
		h.freed = h.freed[:n-1]
		return head
	}
	if len(h.free) == 0 {
		h.free = make([]storyHead, headsPerSlab)
		h.slabs++
	}
	head := &h.free[0]
	h.free = h.free[1:]
	return head
}

// release gives a story's head back to the slab, once no posting points
// at the story: the story keeps a copy of its own, without an owner, for
// what still reads it (a dropped story may be held by the lone list or a
// parting a while). A head given back once is not given back again.
func (h *headSlab) release(s *story) {
	head := s.storyHead
	if head.owner != s {
		return
	}
	own := *head
	own.owner = nil
	s.storyHead = &own
	*head = storyHead{}
	h.freed = append(h.freed, head)
}

// keptMembers is how many articles a story keeps whole: its first and its
// latest. Scoring an article against the closest of them (maxCos and the
// like) costs in proportion, and a story of hundreds of articles still
// costs no more than one of sixteen.
const keptMembers = 16

// member is what the clusterer keeps of an article while its story is open:
// its features (terms, headline, names, figures, word vectors, shingle
// signature) and the scale that made its TF-IDF vector a unit vector when
// the story last scaled it.
type member struct {
	id         string
	story      *story
	f          *features
	scale      float64 // 1 / length of its TF-IDF vector when last scaled
	titleScale float64 // and of its headline's
	// next is, for each band of its signature, the member indexed before
	// it under the same key (see lshIndex).
	next [lshBands]*member
}

// newStory returns a story with a head of its own (see newStoryAt).
func newStory(id string, seq int) *story { return newStoryAt(id, seq, &storyHead{}) }

// newStoryAt returns a story with the given zero head (the clusterer's
// come from its headSlab).
func newStoryAt(id string, seq int, head *storyHead) *story {
	s := &story{storyHead: head, id: id, names: map[uint64]int32{}, numbers: map[uint64]int32{},
		years: map[uint64]int32{}, dates: map[uint64]int32{}, sources: map[uint64]int32{}, created: seq}
	head.owner = s
	return s
}

// size is the number of a story's articles, as a divisor.
func (h *storyHead) size() float64 { return float64(h.n) }

// weight is a story's summed weight of term h, if it has the term. Most
// terms looked up are not held (78% of the average-link cosines' lookups
// on the stream of issue 14, session 48), and the story's filter tells most
// of those without reading its table.
func (s *story) weight(h uint64) (float64, bool) {
	if !s.held.mayHold(h) {
		return 0, false
	}
	return s.slotWeight(h)
}

// slotWeight is weight read from the story's table alone.
func (s *story) slotWeight(h uint64) (float64, bool) {
	i, ok := s.slot.get(h)
	if !ok {
		return 0, false
	}
	return s.w[i], true
}

// span is the time between a story's first and latest dated articles.
func (s *story) span() time.Duration {
	if s.first.IsZero() {
		return 0
	}
	return s.last.Sub(s.first)
}

// countAll adds d to the count of every key.
func countAll(m map[uint64]int32, keys []uint64, d int32) {
	for _, k := range keys {
		if m[k] += d; m[k] <= 0 {
			delete(m, k)
		}
	}
}

// addCounts adds a member's names, figures, days, outlet and word vector to
// a story's sums (d = 1), or takes them out (d = -1).
func (s *story) addCounts(f *features, d int32) {
	s.sumsGen++
	countAll(s.names, f.names, d)
	countAll(s.numbers, f.numbers, d)
	countAll(s.years, f.years, d)
	countAll(s.dates, f.dates, d)
	s.days.add(f.days, d)
	if len(f.leadFigs) > 0 {
		if s.leadFig == nil { // made when first needed: most stories of a feed state none
			s.leadFig = map[uint64]int32{}
		}
		countAll(s.leadFig, f.leadFigs, d)
	}
	if f.source != 0 {
		countAll(s.sources, []uint64{f.source}, d)
	}
	if f.vecs != nil { // without them, the sum of zero vectors (see meanVectors)
		for i := range s.sem {
			s.sem[i] += float32(d) * f.vecs.sem[i]
		}
	}
	s.n += int(d)
}

// noteTime widens a story's dated span to take t.
func (s *story) noteTime(t time.Time) {
	if t.IsZero() {
		return
	}
	if s.first.IsZero() || t.Before(s.first) {
		s.first = t
	}
	if t.After(s.last) {
		s.last = t
	}
}

// keep adds a member to the ones a story keeps whole, and returns the one it
// lets go of, if any: the oldest after the first.
func (s *story) keep(m *member) (dropped *member) {
	s.kept = append(s.kept, m)
	if len(s.kept) <= keptMembers {
		return nil
	}
	dropped = s.kept[1]
	s.kept = slices.Delete(s.kept, 1, 2)
	return dropped
}

// cohesionOf is the mean cosine between two different articles of a story,
// from its sum of unit vectors: |Σ u|² = n + Σ_{i≠j} cos(i, j). NaN for a
// story of one article.
func (c *Clusterer) cohesionOf(s *story) float64 {
	if s.n < 2 {
		return math.NaN()
	}
	c.measure(s)
	return s.cohesion
}

// sumLength is the length of a story's sum of unit TF-IDF vectors.
func (c *Clusterer) sumLength(s *story) float64 {
	c.measure(s)
	return s.length
}

// measure computes a story's cohesion and sum length, cached until it grows.
func (c *Clusterer) measure(s *story) {
	if s.cohesionAt == s.n {
		return
	}
	var sq float64
	for i, h := range s.hashes {
		x := s.w[i] * c.idf(h)
		sq += x * x
	}
	n := s.size()
	s.length = math.Sqrt(sq)
	s.cohesion = math.NaN()
	if s.n >= 2 {
		s.cohesion = (sq - n) / (n * (n - 1))
	}
	s.cohesionAt = s.n
}

// coreNames lists the names at least half of a story's articles give, for
// a story of two or more; cached until it grows.
func (s *story) coreNames() []uint64 {
	if s.coreAt == s.n {
		return s.core
	}
	s.core, s.coreAt = s.core[:0], s.n
	if s.n >= 2 {
		for h, k := range s.names {
			if 2*int(k) >= s.n {
				s.core = append(s.core, h)
			}
		}
		slices.Sort(s.core)
	}
	return s.core
}
