package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"
)

// What a clusterer rebuilt from storage (Restore) cannot count again from
// the restored articles, and places by (found by restoring a run's
// stories and comparing the next placements with the run's own, see
// TestResumedStatsPlaceTheNextArticlesAsOneLongRun):
//   - the document frequencies of the whole stream (its last two
//     generations, see docFreq), where a restore counts the restored
//     articles only, and the mean word vector, likewise;
//   - each story's summed vector as the run built it: its members scaled
//     by the IDFs of when they joined or were last rescaled, merged
//     stories summed then, slots of members a regrouping took out, and
//     the documents counted at its last rescale (scaleDocs), where a
//     restore scales every member by the IDFs at restore time; the kept
//     members' scales; the cached cohesion and length (see measure);
//   - when each story was created, last grew and last settled, counted in
//     the run's arrivals (seq), which decide which stories the next settle
//     looks at again (a restore took every story as settled), the arrival
//     count itself (undated windows and evictions count by it), and the
//     day the last new-day settle ran at;
//   - the lone step's waiting list, in its order (a restore put every
//     open story of one dated article on it).
//
// StreamState carries them in StreamStats; ResumeStats gives them back.

// StreamState is the state of a clusterer's stories and stream that its
// stored articles do not give back to a restore (see the list above).
// Stories holds every story the clusterer held, so it is bounded by the
// window, as the clusterer is; the document frequencies hold at most two
// generations of documents (see docFreq).
type StreamState struct {
	// Since is the earliest latest publication time of the dated stories
	// the clusterer held: a restore that is to give them all back
	// restores the stories whose latest article is not before it (see
	// RestoreSince).
	Since    time.Time    `json:"since,omitzero"`
	Seq      int          `json:"seq"`
	DayEnded time.Time    `json:"day_ended,omitzero"`
	Lone     []string     `json:"lone,omitempty"`
	Stories  []StoryState `json:"stories"`
	DF       DocFreqState `json:"df"`
	// SemSum is the summed word vector of the stream's articles with
	// one, SemDocs their number (see learn).
	SemSum  []float32 `json:"sem_sum"`
	SemDocs int       `json:"sem_docs"`
	// Sums are the held stories' sums over all their members, by story
	// id, read from their parts (sumsPart; none in a state stored whole,
	// or before they were saved): see StorySums.
	Sums map[string]*StorySums `json:"sums,omitempty"`
}

// StoryState is what a story holds that a restore does not rebuild to the
// bit (see StreamState).
type StoryState struct {
	ID       string `json:"id"`
	N        int    `json:"n"` // its articles, to check it is the restored story
	Created  int    `json:"created"`
	Grown    int    `json:"grown"`
	Settled  int    `json:"settled"`
	SettledN int    `json:"settled_n"`
	// Terms and Weights are its summed TF-IDF vector (term frequency ×
	// scale), by term hash, in its slot order.
	Terms     packedHashes `json:"terms"`
	Weights   packedFloats `json:"weights"`
	ScaleDocs int32        `json:"scale_docs"`
	Kept      []KeptScale  `json:"kept"`
	Length    float64      `json:"length"`
	Cohesion  *float64     `json:"cohesion,omitempty"` // nil when not a number (a story of one article)
	MeasuredN int          `json:"measured_n"`
}

// KeptScale is the scale a kept member's TF-IDF vector and headline were
// last made unit vectors with (see rescale).
type KeptScale struct {
	ID         string  `json:"id"`
	Scale      float64 `json:"scale"`
	TitleScale float64 `json:"title_scale"`
}

// DocFreqState is a docFreq: each term's documents in the current and the
// previous generation, by term hash (sorted), and the documents of each.
type DocFreqState struct {
	Terms    packedHashes `json:"terms"`
	Cur      packedCounts `json:"cur"`
	Prev     packedCounts `json:"prev"`
	CurDocs  int          `json:"cur_docs"`
	PrevDocs int          `json:"prev_docs"`
}

// streamState returns the clusterer's state for StreamStats.
func (c *Clusterer) streamState() *StreamState {
	st := &StreamState{Seq: c.seq, DayEnded: c.dayEnded, SemSum: slices.Clone(c.semSum[:]), SemDocs: c.semDocs}
	for _, s := range c.lone {
		st.Lone = append(st.Lone, s.id)
	}
	for _, s := range c.stories {
		if s.merged {
			continue
		}
		st.Stories = append(st.Stories, storyStateOf(s))
		if st.Sums == nil {
			st.Sums = map[string]*StorySums{}
		}
		sums := sumsOf(s)
		st.Sums[s.id] = &sums
		if !s.last.IsZero() && (st.Since.IsZero() || s.last.Before(st.Since)) {
			st.Since = s.last
		}
	}
	slices.SortFunc(st.Stories, func(a, b StoryState) int { return cmp.Compare(a.ID, b.ID) })
	st.DF = docFreqStateOf(&c.df)
	return st
}

// storyStateOf is a story's StoryState.
func storyStateOf(s *story) StoryState {
	ss := storyStateView(s)
	ss.Terms, ss.Weights = slices.Clone(ss.Terms), slices.Clone(ss.Weights)
	return ss
}

// storyStateView is a story's StoryState whose terms and weights are the
// story's own (to be encoded at once, before the story changes).
func storyStateView(s *story) StoryState {
	ss := StoryState{ID: s.id, N: s.n, Created: s.created, Grown: s.grown, Settled: s.settled, SettledN: s.settledN,
		Terms: s.hashes, Weights: s.w, ScaleDocs: s.scaleDocs,
		Length: s.length, MeasuredN: s.cohesionAt}
	if !math.IsNaN(s.cohesion) {
		x := s.cohesion
		ss.Cohesion = &x
	}
	for _, m := range s.kept {
		ss.Kept = append(ss.Kept, KeptScale{ID: m.id, Scale: m.scale, TitleScale: m.titleScale})
	}
	return ss
}

// docFreqStateOf is a docFreq's DocFreqState, its terms sorted so that one
// state saves as the same bytes.
func docFreqStateOf(d *docFreq) DocFreqState {
	type entry struct {
		h uint64
		x dfCounts
	}
	var es []entry
	d.counts.each(func(h uint64, x dfCounts) { es = append(es, entry{h, x}) })
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.h, b.h) })
	st := DocFreqState{CurDocs: d.curDocs, PrevDocs: d.prevDocs,
		Terms: make(packedHashes, len(es)), Cur: make(packedCounts, len(es)), Prev: make(packedCounts, len(es))}
	for k, e := range es {
		st.Terms[k], st.Cur[k], st.Prev[k] = e.h, e.x.cur, e.x.prev
	}
	return st
}

// check says what makes a saved state one no clusterer held, nil when
// nothing does.
func (st *StreamState) check() error {
	if st.Seq < 0 || st.SemDocs < 0 || len(st.SemSum) != len(Clusterer{}.semSum) || !finite32(st.SemSum) {
		return fmt.Errorf("stream state: %d arrivals, a word vector sum of %d values over %d documents", st.Seq, len(st.SemSum), st.SemDocs)
	}
	if err := st.DF.check(); err != nil {
		return err
	}
	for _, s := range st.Stories {
		if err := s.check(st.Seq); err != nil {
			return err
		}
	}
	return nil
}

// check says what makes a saved docFreq one no clusterer counted.
func (d *DocFreqState) check() error {
	n := len(d.Terms)
	if len(d.Cur) != n || len(d.Prev) != n || d.CurDocs < 0 || d.CurDocs > dfGeneration || d.PrevDocs < 0 || d.PrevDocs > dfGeneration {
		return fmt.Errorf("stream state: document frequencies of %d terms with %d and %d counts, over %d and %d documents", n, len(d.Cur), len(d.Prev), d.CurDocs, d.PrevDocs)
	}
	for k, h := range d.Terms {
		if k > 0 && h <= d.Terms[k-1] || d.Cur[k] < 0 || int(d.Cur[k]) > d.CurDocs || d.Prev[k] < 0 || int(d.Prev[k]) > d.PrevDocs {
			return fmt.Errorf("stream state: term %x in %d and %d documents (of %d and %d), terms not in order or counts out of range", h, d.Cur[k], d.Prev[k], d.CurDocs, d.PrevDocs)
		}
	}
	return nil
}

// check says what makes a saved story one no clusterer of seq arrivals held.
func (s *StoryState) check(seq int) error {
	switch {
	case s.ID == "" || s.N < 0:
		return fmt.Errorf("stream state: story %q of %d articles", s.ID, s.N)
	case len(s.Terms) != len(s.Weights):
		return fmt.Errorf("stream state: story %s has %d terms and %d weights", s.ID, len(s.Terms), len(s.Weights))
	case !finite(s.Weights...) || !finite(s.Length) || s.Cohesion != nil && !finite(*s.Cohesion):
		return fmt.Errorf("stream state: story %s has a weight, length or cohesion that is not a number", s.ID)
	case min(s.Created, s.Grown, s.Settled, s.SettledN, s.MeasuredN) < 0 || max(s.Created, s.Grown, s.Settled) > seq || s.ScaleDocs < 0 || s.ScaleDocs > 2*dfGeneration:
		return fmt.Errorf("stream state: story %s created, grown, settled at %d, %d, %d of %d arrivals, scaled at %d documents", s.ID, s.Created, s.Grown, s.Settled, seq, s.ScaleDocs)
	}
	for _, k := range s.Kept {
		if !finite(k.Scale, k.TitleScale) {
			return fmt.Errorf("stream state: story %s keeps %s at a scale that is not a number", s.ID, k.ID)
		}
	}
	return nil
}

// finite32 reports whether every x is a number other than an infinity.
func finite32(xs []float32) bool {
	for _, x := range xs {
		if !finite(float64(x)) {
			return false
		}
	}
	return true
}

// resumeState gives a restored clusterer the state st saved (checked):
// the document frequencies and mean word vector of the whole stream, the
// arrival count, and of each restored story that the state holds with as
// many articles, its vector, scales and settle marks as they were; a
// restored story the state does not hold (or holds with other articles)
// keeps what its restore gave it; a story whose sums over all its members
// the state holds gets them too (see resumeSums). The lone step's list becomes the saved
// one (its stories that were restored), so Resume lists no other.
func (c *Clusterer) resumeState(st *StreamState) {
	c.df = docFreqOf(&st.DF)
	c.idfs = idfMemo{}
	copy(c.semSum[:], st.SemSum)
	c.semDocs = st.SemDocs
	c.seq, c.dayEnded = st.Seq, st.DayEnded
	for k := range st.Stories {
		ss := &st.Stories[k]
		if s := c.stories[ss.ID]; s != nil && s.n == ss.N {
			c.resumeStory(s, ss)
			if sums := st.Sums[ss.ID]; sums != nil && sums.check(ss.N) == nil && sums.OfMembers(s.ids) == nil {
				c.resumeSums(s, sums)
			}
		}
	}
	for _, s := range c.lone {
		s.loneWaits = false
	}
	c.lone = c.lone[:0]
	for _, id := range st.Lone {
		if s := c.stories[id]; s != nil && !s.loneWaits {
			s.loneWaits = true
			c.lone = append(c.lone, s)
		}
	}
	c.loneResumed = true
}

// docFreqOf is the docFreq a DocFreqState saved.
func docFreqOf(st *DocFreqState) docFreq {
	d := docFreq{curDocs: st.CurDocs, prevDocs: st.PrevDocs}
	d.counts.init(2 * len(st.Terms))
	for k, h := range st.Terms {
		*d.counts.ref(h) = dfCounts{cur: st.Cur[k], prev: st.Prev[k]}
	}
	return d
}

// resumeStory gives a restored story the state it had (see resumeState):
// each saved term's weight (a term its restore did not give a slot gets
// one; a slot the saved story had no term for weighs 0), the kept
// members' scales (by id), the cached measures and the settle marks.
func (c *Clusterer) resumeStory(s *story, ss *StoryState) {
	saved := map[uint64]bool{}
	for k, h := range ss.Terms {
		saved[h] = true
		i, ok := s.slot.get(h)
		if !ok {
			i = c.newSlot(s, h)
		}
		c.setWeight(s, i, ss.Weights[k])
	}
	for i, h := range s.hashes {
		if !saved[h] {
			c.setWeight(s, int32(i), 0)
		}
	}
	reorderSlots(s, ss.Terms)
	s.scaleDocs = ss.ScaleDocs
	scales := make(map[string]KeptScale, len(ss.Kept))
	for _, k := range ss.Kept {
		scales[k.ID] = k
	}
	for _, m := range s.kept {
		if k, ok := scales[m.id]; ok {
			m.scale, m.titleScale = k.Scale, k.TitleScale
		}
	}
	reorderKept(s, ss.Kept)
	s.length, s.cohesion, s.cohesionAt = ss.Length, math.NaN(), ss.MeasuredN
	if ss.Cohesion != nil {
		s.cohesion = *ss.Cohesion
	}
	s.created, s.grown, s.settled, s.settledN = ss.Created, ss.Grown, ss.Settled, ss.SettledN
}

// reorderSlots puts a story's slots in the order of terms (every one of
// which has a slot), the rest after them in their order: sums over a
// story's slots run in slot order (see measure), so the saved order gives
// the saved sums to the bit. The postings stay where they are: a slot
// keeps its place among its term's postings (at) and its list.
func reorderSlots(s *story, terms []uint64) {
	order := make([]int32, 0, len(s.hashes))
	first := make(map[int32]bool, len(terms))
	for _, h := range terms {
		if i, _ := s.slot.get(h); !first[i] {
			first[i] = true
			order = append(order, i)
		}
	}
	for i := range s.hashes {
		if !first[int32(i)] {
			order = append(order, int32(i))
		}
	}
	w, hashes, at, lists := s.w, s.hashes, s.at, s.lists
	s.w, s.hashes, s.at, s.lists = make([]float64, len(order)), make([]uint64, len(order)), make([]int32, len(order)), make([]*postingList, len(order))
	s.slot = termTable[int32]{}
	for k, i := range order {
		s.w[k], s.hashes[k], s.at[k], s.lists[k] = w[i], hashes[i], at[i], lists[i]
		*s.slot.ref(hashes[i]) = int32(k)
	}
}

// reorderKept puts a story's kept members in the saved order when the
// restore kept the same articles (the kept list's order says which goes
// next, see keep; a merge orders them by time, a restore by arrival).
func reorderKept(s *story, saved []KeptScale) {
	if len(saved) != len(s.kept) {
		return
	}
	byID := make(map[string]*member, len(s.kept))
	for _, m := range s.kept {
		byID[m.id] = m
	}
	kept := make([]*member, 0, len(saved))
	for _, k := range saved {
		m := byID[k.ID]
		if m == nil {
			return
		}
		delete(byID, k.ID)
		kept = append(kept, m)
	}
	s.kept = kept
}
