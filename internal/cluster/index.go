package cluster

import (
	"math"
	"time"

	"github.com/storyline-news/storyline/internal/text"
)

// docFreq counts the documents each term appears in, over a bounded stretch
// of the stream: two generations of at most dfGeneration documents each.
// When the current one fills up it becomes the previous one and the oldest
// is dropped, so the table holds the vocabulary of the last 25,000 to 50,000
// articles rather than of the whole stream (a term's IDF then also follows
// what the news is about lately). Both generations' counts of a term share
// one entry, so that a term's frequency costs one lookup (the clusterer
// looks up IDFs a few hundred times per article).
type docFreq struct {
	counts            termTable[dfCounts]
	curDocs, prevDocs int
	// reads counts the lookups of a term's frequency (of): the work a step
	// does, for the tests and benchmarks that check it, which a count
	// shows where the time of a loaded machine does not.
	reads int
}

// dfCounts is a term's documents in the current and the previous generation.
type dfCounts struct{ cur, prev int32 }

// dfGeneration is the number of documents in a generation of docFreq: large
// enough that IDF is as steady as over the whole stream (the development
// files, at most 7,356 articles, fit in one), small enough that the table
// stays a few megabytes.
const dfGeneration = 25000

// A story's scaleDocs (an int32) holds up to 2 × dfGeneration documents:
// this does not compile if they would not fit.
const _ int32 = 2 * dfGeneration

func newDocFreq() docFreq { return docFreq{} }

// add counts one document's terms.
func (d *docFreq) add(terms []term) {
	if d.curDocs >= dfGeneration {
		d.roll()
	}
	d.curDocs++
	for _, t := range terms {
		d.counts.ref(t.h).cur++
	}
}

// roll makes the current generation the previous one and drops the oldest:
// a term counted in neither is forgotten.
func (d *docFreq) roll() {
	old := d.counts
	d.counts = termTable[dfCounts]{}
	d.counts.init(2 * old.len())
	old.each(func(h uint64, x dfCounts) {
		if x.cur > 0 {
			d.counts.ref(h).prev = x.cur
		}
	})
	d.prevDocs, d.curDocs = d.curDocs, 0
}

// of is the number of counted documents with term h.
func (d *docFreq) of(h uint64) int {
	d.reads++
	x, _ := d.counts.get(h)
	return int(x.cur + x.prev)
}

// docs is the number of counted documents.
func (d *docFreq) docs() int { return d.curDocs + d.prevDocs }

func (c *Clusterer) idf(h uint64) float64 { return c.idfOf(c.df.of(h)) }

// idfOf is the inverse document frequency of a term found in df documents.
// It is worked out once per document frequency while the documents counted
// stay the same (an article's terms, the members a story rescales, a
// settling's queries share their frequencies: mostly small ones), as the
// same expression, so that it is the same to the last bit.
func (c *Clusterer) idfOf(df int) float64 {
	m := &c.idfs
	if docs := c.df.docs(); docs != m.docs || m.gen == 0 {
		m.docs = docs
		if m.gen++; m.gen == 0 { // wrapped: no stamp may match by chance
			clear(m.gens)
			m.gen = 1
		}
	}
	if df >= len(m.gens) {
		m.gens = append(m.gens, make([]uint32, df+1-len(m.gens))...)
		m.vals = append(m.vals, make([]float64, df+1-len(m.vals))...)
	}
	if m.gens[df] != m.gen {
		m.gens[df], m.vals[df] = m.gen, IDF(m.docs, df)
	}
	return m.vals[df]
}

// IDF is the weight the clusterer gives a term found in df of docs
// documents: a smoothed 1 + ln((docs+1)/(df+1)), so a term in every
// document keeps weight 1. Exported for baselines that must weigh terms as
// the clusterer does (eval's single pass).
func IDF(docs, df int) float64 {
	return math.Log(float64(docs+1)/float64(df+1)) + 1
}

// idfMemo holds the IDFs idfOf worked out for the current count of
// documents: the value of df is vals[df] when gens[df] is gen.
type idfMemo struct {
	docs int
	gen  uint32
	gens []uint32
	vals []float64
}

// posting is a story holding a term, with the story's weight of the term:
// the candidate lookup reads thousands of postings per article, and reading
// the weight from the story's own slice cost a second wait on memory for
// each (setWeight keeps the copy equal to the story's).
type posting struct {
	head *storyHead
	w    float64
}

// postingList is a term's postings, in order of arrival. The clusterer's
// table of terms holds it, and so does each story with a slot for the
// term (story.lists), so that a story writes its copy of a weight
// without looking its term up in that table (see setWeight): a rescale
// writes the copies of about 80 slots, and attaching an article one per
// term (on the stream of issue 14, 1.76 million of these lookups over
// the first 20,000 articles in rescales alone). An eviction edits a list
// in place, so the slots of the stories held keep referring to the
// table's list; when no held story has the term any more the list leaves
// the table emptied, and only the slots of stories let go of still refer
// to it (a term that comes back gets a new list). A story let go of has a
// head of its own that no posting points at (headSlab.release), so its
// slots write nowhere.
type postingList struct{ ps []posting }

// addWeight adds x to a story's weight of term h, giving the story a slot
// for the term, and a posting, the first time.
func (c *Clusterer) addWeight(s *story, h uint64, x float64) {
	i, ok := s.slot.get(h)
	if !ok {
		i = c.newSlot(s, h)
	}
	c.setWeight(s, i, s.w[i]+x)
}

// termPostings is the postings of term h, nil when no held story (open,
// or merged since the last eviction) has it.
func (c *Clusterer) termPostings(h uint64) *postingList {
	c.postingReads++
	l, _ := c.postings.get(h)
	return l
}

// newSlot gives a story a slot for term h, of weight 0, and its posting
// at the end of the term's postings, and returns the slot.
func (c *Clusterer) newSlot(s *story, h uint64) int32 {
	c.postingReads++
	l := c.postings.ref(h)
	if *l == nil {
		*l = &postingList{}
	}
	list := *l
	i := int32(len(s.w))
	*s.slot.ref(h) = i
	s.w = append(s.w, 0)
	s.hashes = append(s.hashes, h)
	s.held.add(h, s.hashes, len(s.slot.keys))
	s.at = append(s.at, int32(len(list.ps)))
	s.lists = append(s.lists, list)
	list.ps = append(list.ps, posting{head: s.storyHead})
	return i
}

// setWeight sets a story's weight in slot i to x, and the copy in its
// posting. A story that left the postings (let go of at an eviction,
// merged or closed) has no copy to keep: its slot's list is emptied, or
// the posting at its old place is another story's (its head is not).
func (c *Clusterer) setWeight(s *story, i int32, x float64) {
	s.w[i] = x
	if ps, at := s.lists[i].ps, s.at[i]; int(at) < len(ps) && ps[at].head == s.storyHead {
		ps[at].w = x
	}
}

// horizon is how long after its latest article a story still takes new
// ones: the base window, lengthened by the story's own span times
// PaceFactor, so that a story that has kept developing for weeks stays open
// for weeks, up to MaxWindow.
func (c *Clusterer) horizon(s *story) time.Duration {
	h := c.base + cappedDuration(c.opt.PaceFactor*float64(s.span()), c.opt.MaxWindow)
	return min(h, c.opt.MaxWindow)
}

// takeHorizon is how long after its latest article a story still takes
// an article, or a story merges with it, as horizon is with the take
// window (see take) for the base one.
func (c *Clusterer) takeHorizon(s *story) time.Duration {
	h := c.take + cappedDuration(c.opt.PaceFactor*float64(s.span()), c.opt.MaxWindow)
	return min(h, c.opt.MaxWindow)
}

// cappedDuration is x nanoseconds as a duration of at most most, capped
// before the conversion: a span of decades times a factor can pass the
// 292 years a time.Duration holds, and the conversion of a float64 past
// it is the platform's (a negative duration on amd64).
func cappedDuration(x float64, most time.Duration) time.Duration {
	return time.Duration(min(x, float64(most)))
}

// takesAt reports whether story s may take an article published at when:
// within its take horizon of its dated span (always, when either is
// undated, or when the take window is the base one: then the candidate
// lookup's window, see open, is the only bound).
//
// The comparison is strict: with dates without times the gaps are whole
// days, and at the one-day floor an article of the next date is a day
// from a story of one date, so with <= one subject's daily roundups
// chained into one story (each join lengthening the span, and so the
// horizon, by a day); with < the next date's roundup stays apart, while a
// report with a time, within 24 hours of the story's latest, still joins.
func (c *Clusterer) takesAt(s *story, when time.Time) bool {
	return c.take >= c.base || gap(s, when) < c.takeHorizon(s)
}

// takes reports whether two stories may merge: the gap between their
// dated spans is within the take horizon of either (always, when either is
// undated or the take window is the base one; strictly, as takesAt).
func (c *Clusterer) takes(s, t *story) bool {
	if c.take >= c.base || s.last.IsZero() || t.last.IsZero() {
		return true
	}
	return gapBetween(s, t) < max(c.takeHorizon(s), c.takeHorizon(t))
}

// minPaceStories is how many closed stories of two or more dated articles
// (see noteClosed) the take window waits for before it may shorten below
// Window. Its own reason, not tuned: the take window is StreamPace times
// their mean span rounded to whole days, and the mean of 30 spans has a
// standard error of under a fifth of their spread (1/sqrt(30) = 0.18), so
// that the window's standard error is 0.18 x StreamPace days per day of
// the spans' spread: with allsides_dated's spread of about half a day,
// 0.18 x 0.5 x 4 = 0.36 days at pace 4 (the rounded window moves by at
// most a day as more close) and 0.18 x 0.5 x 16 = 1.5 days at the
// shipped pace 16 (it may move by a day or two; waiting for four times
// as many stories would halve that, and keep the base window four times
// as long at a stream's start). It is
// the count the background statistics wait for (minBackground) only by
// coincidence of the same reasoning.
const minPaceStories = 30

// takeFloor is the shortest take window: a day, the resolution of dates
// without times. A shorter one would keep apart reports of one event
// published hours apart on two dates (an event of the evening reported
// the next morning), which the strict comparison of takesAt already keeps
// apart from the next date's roundups only at a full day.
const takeFloor = 24 * time.Hour

// gap is the time between when and the nearest end of a story's dated
// span, 0 inside it or when either is undated.
func gap(s *story, when time.Time) time.Duration {
	switch {
	case when.IsZero() || s.last.IsZero():
		return 0
	case when.After(s.last):
		return when.Sub(s.last)
	case when.Before(s.first):
		return s.first.Sub(when)
	}
	return 0
}

// open reports whether a story still takes articles published at when:
// whether when is within the story's horizon of its dated span (see
// noteWindow); for an undated article or story, whether fewer than
// UndatedWindow articles have arrived since the story's latest.
func (c *Clusterer) open(s *story, when time.Time) bool {
	at, ok := stampOf(when)
	return c.openAt(s, when, at, ok)
}

// openAt is open for an article published at when, whose stamp (see
// stampOf) is at if ok: the candidate lookup works the stamp out once for
// the thousands of stories it touches, and reads only the story's first
// 64 bytes (see story).
func (c *Clusterer) openAt(s *story, when time.Time, at int64, ok bool) bool {
	switch {
	case when.IsZero() || s.stretch == stretchUndated:
		return c.seq-s.grown <= c.opt.UndatedWindow
	case ok && s.stretch == stretchStamps:
		return s.openLo <= at && at <= s.openHi
	}
	return !when.After(s.openUntil) && !when.Before(s.openFrom)
}

// How open reads a story's open stretch: an undated story has none (it
// closes by arrivals); a dated one's is compared as stamps when both ends
// have one, else as times.
const (
	stretchUndated = iota
	stretchStamps
	stretchTimes
)

// stampOf is t in nanoseconds since 1970, if it has one: for the years
// 1678 to 2261, where it orders times as Time.Before does (times of
// articles carry no monotonic clock reading, so both compare the wall
// clock).
func stampOf(t time.Time) (int64, bool) {
	const limit = math.MaxInt64/int64(time.Second) - 1 // seconds either side of 1970 whose nanoseconds fit
	if sec := t.Unix(); sec < -limit || sec > limit {
		return 0, false
	}
	return t.UnixNano(), true
}

// noteWindow records the stretch of time in which a story takes articles,
// its dated span widened by its horizon on both sides, after the span
// changed: open runs once per posting read, and comparing two stamps there
// costs a fraction of computing the horizon each time.
func (c *Clusterer) noteWindow(s *story) {
	if s.last.IsZero() {
		return
	}
	h := c.horizon(s)
	s.openFrom, s.openUntil = s.first.Add(-h), s.last.Add(h)
	lo, okLo := stampOf(s.openFrom)
	hi, okHi := stampOf(s.openUntil)
	s.openLo, s.openHi, s.stretch = lo, hi, stretchStamps
	if !okLo || !okHi {
		s.stretch = stretchTimes
	}
}

// paceStat is the running sum and count of the spans of a stream's
// stories of two or more dated articles: the pace statistic holds every
// such story with its span as it changes (merged stories leave it, stories
// let go of stay: it is the stream's history, not its open stories); the
// closed one (done) holds those counted as closed, each with the span it
// closed with, and a story leaves it when it changes or is merged away
// (see noteClosed and reopen).
type paceStat struct {
	sum spanSum // never overflows (see spanSum)
	n   int
}

// counts reports whether a story is one paceStat counts.
func counts(s *story) bool { return s.n >= 2 && !s.last.IsZero() }

// drop takes a story out of the statistic, before it changes.
func (p *paceStat) drop(s *story) {
	if counts(s) {
		p.sum = p.sum.minus(s.span())
		p.n--
	}
}

// add puts a story in the statistic, after it changed.
func (p *paceStat) add(s *story) {
	if counts(s) {
		p.sum = p.sum.plus(s.span())
		p.n++
	}
}

// notePace sets the base window from the stream's pace (see
// Options.StreamPace), in whole days so that it moves seldom, and widens
// the open stretch of every held story when it moved; and the take
// window (see noteTake).
func (c *Clusterer) notePace() {
	if c.opt.StreamPace <= 0 || c.pace.n == 0 {
		return
	}
	mean := c.pace.sum.float() / float64(c.pace.n)
	day := float64(24 * time.Hour)
	paced := cappedDuration(math.Round(c.opt.StreamPace*mean/day)*day, c.opt.MaxWindow)
	base := min(max(paced, c.opt.Window), c.opt.MaxWindow)
	if base != c.base {
		c.base = base
		for _, s := range c.stories {
			c.noteWindow(s)
		}
	}
	c.noteTake()
}

// noteTake sets the take window (see Clusterer.take) from the spans of the
// closed stories (done), once minPaceStories have closed.
//
// Why closed ones only, and not the pace statistic's open stories: an open
// story's span is the time it has developed so far, so a live feed that
// starts busy counted 30 stories of two reports within its first hours,
// their spans at most the hour since the stream began; the take window
// fell to its floor of a day, the next reports of stories developing
// every few days started stories of their own, which the statistic does
// not count (one article), and the window never grew back (40 developing
// stories of 360 articles became 320 stories; TestTakeWindowLiveStream).
// A story closes only once its window has passed since its latest
// article, so no story counts before the stream has run for Window, and
// stories still developing never count until they end.
func (c *Clusterer) noteTake() {
	c.take = c.base
	if c.opt.StreamPace <= 0 || c.done.n < minPaceStories {
		return
	}
	mean := c.done.sum.float() / float64(c.done.n)
	day := float64(24 * time.Hour)
	paced := cappedDuration(math.Round(c.opt.StreamPace*mean/day)*day, c.base)
	c.take = min(max(paced, takeFloor), c.base)
}

// noteClosed counts in done, once, a story of two or more dated articles
// whose window has passed at now (it takes no article published from then
// on), and sets the take window again when it did. It is called for every
// held story at every Settle and Finish (now the stream's latest time), at
// each dated stream's new day (EndDay's settle, now the new day's first
// article's time), at Resume (the restored stream's latest time), and by
// evict for those it lets go of.
//
// A counted story may still change: at EndDay's settle it is counted
// before the settle's regrouping, which may merge it into another story
// or split it, and a base window that grows (see notePace) reopens it, so
// that it may take articles again. It then leaves the count (see reopen)
// and counts again, once, with its final span, when it closes again; a
// story merged away never counts again.
func (c *Clusterer) noteClosed(s *story, now time.Time) {
	if !c.closesAt(s, now) {
		return
	}
	s.closed, s.closedSpan = true, s.span()
	c.done.sum = c.done.sum.plus(s.closedSpan)
	c.done.n++
	c.noteTake()
}

// closesAt reports whether a story not yet counted as closed (noteClosed)
// counts as closed at now.
func (c *Clusterer) closesAt(s *story, now time.Time) bool {
	return !s.closed && !s.merged && counts(s) && c.closedBy(s, now)
}

// closedBy reports whether story s's window has passed at now.
func (c *Clusterer) closedBy(s *story, now time.Time) bool {
	return !now.IsZero() && now.Sub(s.last) > c.horizon(s)
}

// takeAsCounted marks a restored story as counted in done without
// counting it, when counted: the statistics resumed (ResumeStats) counted
// it when the clusterer that stored it saw it close (see closedCount).
// Were it to reopen, it leaves the count as any closed story does
// (reopen).
func (c *Clusterer) takeAsCounted(s *story, counted bool) {
	if counted && !s.closed && !s.merged && counts(s) {
		s.closed, s.closedSpan = true, s.span()
	}
}

// reopen takes a story counted as closed (see noteClosed) back out of the
// count before it changes (takes or lets go of an article, or merges), and
// sets the take window again when it did.
func (c *Clusterer) reopen(s *story) {
	if !s.closed {
		return
	}
	s.closed = false
	c.done.sum = c.done.sum.minus(s.closedSpan)
	c.done.n--
	s.closedSpan = 0
	c.noteTake()
}

// lshIndex holds the kept members' shingle signatures for the near-
// duplicate lookup: for each band, the members whose band hashes to a key,
// as a chain through member.next (the latest indexed first). A Go map of
// band keys to member slices, as it was, grew over the slots its deleted
// keys left behind, each kept member holding lshBands keys replaced as
// stories let members go: on the stream of issue 14 its memory doubled
// from 50,000 to 100,000 articles (27 to 53 MB, most of the growth of the
// heap) while its keys grew by a seventh. A table that deletes without
// leaving marks (termTable.del) holds as much for the same keys, at one
// pointer a key.
type lshIndex [lshBands]termTable[*member]

// indexMember puts a member's shingle signature in the LSH buckets.
func (c *Clusterer) indexMember(m *member) {
	if m.f.words < minShingleWords {
		return
	}
	for b, k := range m.f.sig.Bands(lshBands) {
		head := c.lsh[b].ref(k)
		m.next[b], *head = *head, m
	}
}

// unindexMember takes a member out of the LSH buckets, when its story lets
// go of it or is dropped.
func (c *Clusterer) unindexMember(m *member) {
	if m.f.words < minShingleWords {
		return
	}
	for b, k := range m.f.sig.Bands(lshBands) {
		if _, held := c.lsh[b].get(k); !held {
			m.next[b] = nil // not in this band's table: ref would insert the key only to delete it
			continue
		}
		head := c.lsh[b].ref(k)
		for p := head; *p != nil; p = &(*p).next[b] {
			if *p == m {
				*p = m.next[b]
				break
			}
		}
		m.next[b] = nil
		if *head == nil {
			c.lsh[b].del(k)
		}
	}
}

// lshNeighbours calls f with every member that shares a band of
// its signature with sig, once per band shared.
func (c *Clusterer) lshNeighbours(sig text.MinHash, f func(m *member)) {
	for b, k := range sig.Bands(lshBands) {
		m, _ := c.lsh[b].get(k)
		for ; m != nil; m = m.next[b] {
			f(m)
		}
	}
}

// evict drops stories that closed more than a base window ago (Settle may
// still merge a story into one closed less long ago), with their postings
// and LSH entries, so that memory follows the open stories and not the
// length of the stream. An undated story closes by arrivals (see open) and
// is dropped at once: no later article is compared with it, and Settle
// looks only at open stories. Stories merged since the last eviction leave
// the postings too. Only the postings of the dropped stories' terms and the
// buckets of their kept members are read, in place (the order of what
// stays is kept), so that an eviction costs in proportion to what it drops
// and not to the whole index.
func (c *Clusterer) evict(now time.Time) {
	closed := map[*story]bool{}
	for id, s := range c.stories {
		c.noteClosed(s, now)
		var gone bool
		if s.last.IsZero() {
			gone = c.seq-s.grown > c.opt.UndatedWindow
		} else {
			gone = !now.IsZero() && now.Sub(s.last) > c.horizon(s)+c.opt.Window
		}
		if gone {
			closed[s] = true
			delete(c.stories, id)
		}
	}
	dropped := c.mergedSinceEvict
	c.mergedSinceEvict = nil
	for s := range closed {
		dropped = append(dropped, s)
		c.unindexStory(s)
		c.forgetApart(s)
	}
	terms := map[uint64]bool{}
	for _, s := range dropped {
		for _, h := range s.hashes {
			terms[h] = true
		}
	}
	for h := range terms {
		l := c.termPostings(h)
		if l == nil {
			continue // its postings are gone already
		}
		p := l.ps
		kept := p[:0]
		for k, e := range p {
			if s := e.head.owner; !closed[s] && !s.merged {
				if k != len(kept) { // its posting moves up (those before the first dropped stay: no slot to look up)
					i, _ := s.slot.get(h)
					s.at[i] = int32(len(kept))
				}
				kept = append(kept, e)
			}
		}
		clear(p[len(kept):]) // the dropped stories must not stay reachable
		l.ps = kept
		if len(kept) == 0 {
			// The slots of the stories let go of still refer to the
			// list: its array goes now, not with the last of them.
			l.ps = nil
			c.postings.del(h)
		}
	}
	for _, s := range dropped { // no posting points at them now
		c.heads.release(s)
	}
}

// unindexStory takes the kept members of a closed story out of the LSH
// buckets (the members it let go of left them then).
func (c *Clusterer) unindexStory(s *story) {
	for _, m := range s.kept {
		c.unindexMember(m)
	}
}
