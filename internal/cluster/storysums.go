package cluster

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/wordvec"
)

// A held story's sums over all its members (the names, figures, years,
// dates, outlets, lead figures and days its articles give, counted; its
// summed word vector; its dated span) are what placing reads of the
// members a story no longer keeps whole (see story): saved with the
// state, in a part of their own per story (sumsPart), they let a restore
// rebuild a story from its kept members alone (RestoreSummed), at most
// keptMembers articles a story, where without them it rebuilds the
// features of every member (on the stream of issue 14, whose stories
// never close, every stored article: session 55). They are a part apart
// from the story's (storyPart) because they change only when the story's
// members do (it took, merged or gave up an article), where the story's
// part changes at every rescale and settle too: a write stores the sums
// of the stories it grew, not of every story it rescaled.

// sumsPart prefixes the name of a held story's sums part (+ its id).
const sumsPart = "cluster/sums/"

// StorySums are a held story's sums over all its members (see above), as
// a restore cannot count them again from its kept members.
type StorySums struct {
	ID string `json:"id"`
	N  int    `json:"n"` // its articles, as StoryState.N
	// Each count table gives, for each key (by hash, sorted), how many of
	// the story's articles give it: story.names, numbers, years, dates,
	// sources and leadFig.
	Names   CountTable `json:"names"`
	Numbers CountTable `json:"numbers"`
	Years   CountTable `json:"years"`
	Dates   CountTable `json:"dates"`
	Sources CountTable `json:"sources"`
	LeadFig CountTable `json:"lead_fig"`
	// Days counts the articles naming each day of the week in their lead.
	Days [7]int32 `json:"days"`
	// Sem is the sum of the members' unit word vectors, to the bit.
	Sem packedFloat32s `json:"sem"`
	// First and Last are its earliest and latest dated members' times
	// (zero for a story of no dated member), which a regrouping does not
	// always narrow (see detach): not read back from its members.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Members is the sum of its members' ids (membersSum), in no order:
	// what a restore checks the members the store holds against (see
	// OfMembers), the counts alone telling no member from another of as
	// many (one moved out and one in, or sums a version that does not save
	// them left behind while it changed the story).
	Members uint64 `json:"members"`
}

// CountTable is a table of counts by key hash, sorted by key.
type CountTable struct {
	Keys   packedHashes `json:"k,omitempty"`
	Counts packedCounts `json:"n,omitempty"`
}

// tableOf is a count map as a CountTable.
func tableOf(m map[uint64]int32) CountTable {
	var t CountTable
	if len(m) == 0 {
		return t // as an empty table reads back
	}
	t.Keys, t.Counts = make(packedHashes, 0, len(m)), make(packedCounts, 0, len(m))
	for k := range m {
		t.Keys = append(t.Keys, k)
	}
	slices.Sort(t.Keys)
	for _, k := range t.Keys {
		t.Counts = append(t.Counts, m[k])
	}
	return t
}

// countMap is a CountTable as a count map; nil for an empty table when
// none is wanted (a story's leadFig is nil until an article states one).
func (t CountTable) countMap(nilWhenEmpty bool) map[uint64]int32 {
	if len(t.Keys) == 0 && nilWhenEmpty {
		return nil
	}
	m := make(map[uint64]int32, len(t.Keys))
	for k, h := range t.Keys {
		m[h] = t.Counts[k]
	}
	return m
}

// check says what makes a count table one no story counted: keys not in
// order, a count per key, every count positive (a count that falls to 0
// is deleted, see countAll; a merge adds positive counts) and at most the
// story's articles.
func (t CountTable) check(n int) error {
	if len(t.Keys) != len(t.Counts) {
		return fmt.Errorf("%d keys and %d counts", len(t.Keys), len(t.Counts))
	}
	for k, h := range t.Keys {
		if k > 0 && h <= t.Keys[k-1] || t.Counts[k] <= 0 || int(t.Counts[k]) > n {
			return fmt.Errorf("key %x counted %d of %d articles, or keys not in order", h, t.Counts[k], n)
		}
	}
	return nil
}

// sumsOf is a story's StorySums.
func sumsOf(s *story) StorySums {
	return StorySums{ID: s.id, N: s.n, Names: tableOf(s.names), Numbers: tableOf(s.numbers), Years: tableOf(s.years),
		Dates: tableOf(s.dates), Sources: tableOf(s.sources), LeadFig: tableOf(s.leadFig), Days: s.days,
		Sem: slices.Clone(s.sem[:]), First: s.first, Last: s.last, Members: membersSum(s.ids)}
}

// membersSum is the sum of a story's member ids, each id's partSum added,
// so in no order (a merge appends the members it takes: a run's order is
// not the store's).
func membersSum(ids []string) uint64 {
	var t uint64
	for _, id := range ids {
		var p partSum
		p.addString(id)
		t += p.value()
	}
	return t
}

// OfMembers says whether the sums are those of a story of the given
// members (ids, in any order): nil when they are, else an error saying
// they are not (the store's members of the story are not the ones the
// sums were saved of).
func (ss *StorySums) OfMembers(ids []string) error {
	if len(ids) != ss.N || membersSum(ids) != ss.Members {
		return fmt.Errorf("the sums of story %s are of other members than its %d stored ones", ss.ID, len(ids))
	}
	return nil
}

// tables are the count tables, in a fixed order (for sums and checks).
func (ss *StorySums) tables() [6]*CountTable {
	return [6]*CountTable{&ss.Names, &ss.Numbers, &ss.Years, &ss.Dates, &ss.Sources, &ss.LeadFig}
}

// check says what makes saved sums ones no story of n articles (the saved
// state's count, StoryState.N) held.
func (ss *StorySums) check(n int) error {
	if ss.N != n || len(ss.Sem) != wordvec.Dim || !finite32(ss.Sem) {
		return fmt.Errorf("sums of %d articles (the state counts %d), a word vector of %d values", ss.N, n, len(ss.Sem))
	}
	for _, x := range ss.Sem {
		if math.Abs(float64(x)) > float64(ss.N)+1 { // a sum of N unit vectors, and float32's rounding
			return fmt.Errorf("a word vector sum of %v over %d articles", x, ss.N)
		}
	}
	for _, t := range ss.tables() {
		if err := t.check(ss.N); err != nil {
			return err
		}
	}
	for _, d := range ss.Days {
		if d < 0 || int(d) > ss.N {
			return fmt.Errorf("a day named by %d of %d articles", d, ss.N)
		}
	}
	if ss.First.IsZero() != ss.Last.IsZero() || ss.Last.Before(ss.First) {
		return fmt.Errorf("a span from %v to %v", ss.First, ss.Last)
	}
	if ss.N > 0 && ss.Members == 0 { // a sums part stored without its members' sum (the first version that saved them)
		return fmt.Errorf("sums of %d articles without the sum of their ids", ss.N)
	}
	return nil
}

// sum is the partSum of a story's sums part: of every value it stores.
// Counts are added in no order (a map's), so that a story's sum is worked
// out from its maps without sorting them (storySumsSum).
func (ss *StorySums) sum() uint64 {
	tables := ss.tables()
	var each [6]func(func(uint64, int32))
	for k, t := range tables {
		each[k] = func(yield func(uint64, int32)) {
			for i, h := range t.Keys {
				yield(h, t.Counts[i])
			}
		}
	}
	var sem wordvec.Vec
	copy(sem[:], ss.Sem)
	return sumsSum(ss.ID, ss.N, each, (*dayCounts)(&ss.Days), &sem, ss.First, ss.Last, ss.Members)
}

// storySumsSum is a story's sums part's sum (StorySums.sum) from the
// story itself.
func storySumsSum(s *story) uint64 {
	maps := [6]map[uint64]int32{s.names, s.numbers, s.years, s.dates, s.sources, s.leadFig}
	var each [6]func(func(uint64, int32))
	for k, m := range maps {
		each[k] = func(yield func(uint64, int32)) {
			for h, n := range m {
				yield(h, n)
			}
		}
	}
	return sumsSum(s.id, s.n, each, &s.days, &s.sem, s.first, s.last, membersSum(s.ids))
}

// sumsSum is the partSum of a story's sums given as values: each table's
// entries summed by addition (dfEntrySum's mixing, the table's number
// folded into the key), the rest in order.
func sumsSum(id string, n int, tables [6]func(func(uint64, int32)), days *dayCounts, sem *wordvec.Vec, first, last time.Time, members uint64) uint64 {
	var p partSum
	p.addString(id)
	p.add(uint64(n))
	for k, each := range tables {
		var t uint64
		each(func(h uint64, x int32) { t += dfEntrySum(h^uint64(k+1)<<56, dfCounts{cur: x}) })
		p.add(t)
	}
	for _, d := range days {
		p.add(uint64(uint32(d)))
	}
	for _, x := range sem {
		p.add(uint64(math.Float32bits(x)))
	}
	p.add(uint64(first.UnixNano()))
	p.add(uint64(last.UnixNano()))
	p.add(members)
	return p.value()
}

// sumsValue encodes a story's sums when SaveParts writes them, not when
// their sum is the stored one.
type sumsValue struct{ s *story }

// MarshalJSON encodes the story's StorySums.
func (v sumsValue) MarshalJSON() ([]byte, error) {
	ss := sumsOf(v.s)
	return json.Marshal(&ss)
}

// storedSums is the sum of a story's sums part, worked out again only
// when its members changed since (story.sumsGen).
func storedSums(s *story) uint64 {
	if s.sumsAt != s.sumsGen || s.sumsSum == 0 {
		s.sumsSum, s.sumsAt = storySumsSum(s), s.sumsGen
	}
	return s.sumsSum
}

// readSumsPart decodes a story's sums part, which must be the story its
// name says, with a count a key (the rest is checked against the state,
// see StorySums.check).
func readSumsPart(p news.StatePart, ss *StorySums) error {
	if err := json.Unmarshal(p.State, ss); err != nil {
		return err
	}
	if id := p.Name[len(sumsPart):]; ss.ID != id {
		return fmt.Errorf("it holds story %q", ss.ID)
	}
	for _, t := range ss.tables() {
		if len(t.Keys) != len(t.Counts) {
			return fmt.Errorf("%d keys and %d counts", len(t.Keys), len(t.Counts))
		}
	}
	return nil
}

// SummedKept returns, when every story the saved state names has its sums
// saved (StreamState.Sums) and they agree with the state, the ids of each
// story's kept members (StoryState.Kept), which with the sums rebuild the
// stories (RestoreSummed). It returns none and no error for a state that
// holds no sums (saved before they were), and none and an error naming
// the first story whose sums are missing or do not agree with the state
// (saved by a version that does not save them since, or damaged): the
// stories are then rebuilt from every member.
func (st *StreamState) SummedKept() (map[string][]string, error) {
	if len(st.Sums) == 0 {
		return nil, nil
	}
	kept := make(map[string][]string, len(st.Stories))
	for k := range st.Stories {
		ss := &st.Stories[k]
		sums, ok := st.Sums[ss.ID]
		if !ok {
			return nil, fmt.Errorf("story %s has no saved sums", ss.ID)
		}
		if err := sums.check(ss.N); err != nil {
			return nil, fmt.Errorf("story %s: %w", ss.ID, err)
		}
		if len(ss.Kept) > ss.N || ss.N > 0 && len(ss.Kept) == 0 {
			return nil, fmt.Errorf("story %s keeps %d of %d articles", ss.ID, len(ss.Kept), ss.N)
		}
		for _, m := range ss.Kept {
			kept[ss.ID] = append(kept[ss.ID], m.ID)
		}
	}
	return kept, nil
}

// RestoreSummed rebuilds a story the saved state names from its kept
// members (whole, in the order stored) and its saved sums (StreamState.Sums),
// given the ids of every member the clusterer held (ids, in the order
// stored): the story Restore would rebuild from all its members, sums and
// all, without the features of those it no longer keeps, for ResumeStats
// to give it its vector, scales and marks. No eviction runs: Restore's
// join runs one every 1,000 restored articles, by the restored articles'
// latest time and the restored stories' pace, which can let go of a story
// the state names (one of 2,190 on the issue-14 stream's 100,000-article
// store, session 55), which the run that saved the state held.
func (c *Clusterer) RestoreSummed(kept []news.Article, ids []string, sums *StorySums) {
	c.cold = coldStart{over: true}
	s := c.stories[sums.ID]
	if s == nil {
		s = newStoryAt(sums.ID, c.seq+1, c.heads.take())
		c.stories[sums.ID] = s
	}
	for _, a := range kept {
		f, _ := articleFeatures(a, c.fullSignals())
		c.learn(&f)
		c.seq++
		c.attach(s, &member{id: a.ID, f: &f})
	}
	s.n, s.ids = sums.N, slices.Clone(ids)
	c.resumeSums(s, sums)
	c.notePace()
	if s.last.After(c.latest) {
		c.latest = s.last
	}
	s.settled, s.settledN = c.seq, s.n // the run that stored it settled it
}

// resumeSums gives a restored story of as many articles its saved sums
// over all its members, as the run that stored them summed them: a
// restore from every member sums the word vectors in the order stored,
// not the run's (merges add a story's sum at once), and a regrouping's
// span is not its members' (see detach).
func (c *Clusterer) resumeSums(s *story, sums *StorySums) {
	c.pace.drop(s)
	s.names, s.numbers, s.years, s.dates = sums.Names.countMap(false), sums.Numbers.countMap(false), sums.Years.countMap(false), sums.Dates.countMap(false)
	s.sources, s.leadFig = sums.Sources.countMap(false), sums.LeadFig.countMap(true)
	s.days = sums.Days
	copy(s.sem[:], sums.Sem)
	s.first, s.last = sums.First, sums.Last
	s.coreAt = -1 // its core names are listed again from the names
	s.sumsGen++
	c.pace.add(s)
	c.noteWindow(s)
}
