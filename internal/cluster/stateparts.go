package cluster

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// A clusterer's saved state (StreamStats with its State) is stored in
// parts, so that a write stores what it changed and not the whole state,
// whose size is by the stories the clusterer holds (up to the stories of
// 10,000 undated articles: several megabytes), not by the write:
//   - the stream part (streamPart): the running statistics and the
//     stream's counters, the lone list and the mean word vector, with no
//     story and no term; a few kilobytes, written with every write;
//   - a part per held story (storyPart + its id), written when the story
//     changed (it took an article, was rescaled, settled, merged into)
//     and deleted when the clusterer let go of it or merged it away;
//   - the document frequencies in dfBuckets parts by term hash
//     (dfPart + the bucket), written when a term of the bucket changed:
//     an article's terms change the buckets they fall in, a new
//     generation (every dfGeneration documents) all of them.
// The writer keeps each stored part's sum (partSum) and SaveParts writes
// the parts whose sum changed. A store written before the state was
// stored in parts holds it whole in the row legacyPart, read once
// (ReadParts) and deleted by the next write, which writes every part.

const (
	legacyPart = "cluster"        // the whole state, as sessions 50-52 stored it
	streamPart = "cluster/stream" // the state's stream part
	storyPart  = "cluster/story/" // + a story's id
	dfPart     = "cluster/df/"    // + a bucket, three hex digits
)

// dfBuckets is how many parts the document frequencies are stored in. A
// one-article write changes the buckets of its distinct terms (27-48 on
// the real and synthetic articles of the session-53 write-up, about 1% of
// the table's bytes); fewer, larger buckets would rewrite more bytes a
// write (1,024: four times as many), more would add rows of a few terms
// each (a 1,378-article store fills 3,776 of the 4,096).
const dfBuckets = 1 << dfBucketBits

// dfBucketBits are the bits of a bucket's number: 4,096 buckets (see
// dfBuckets), three hex digits in a part's name (dfPartName).
const dfBucketBits = 12

// dfBucketOf is the part a term's document frequencies are stored in: the
// top bits of its hash mixed again (term hashes are FNV-1a, whose top bits
// a short word does not spread evenly).
func dfBucketOf(h uint64) int { return int(mix64(h) >> (64 - dfBucketBits)) }

// mix64 is MurmurHash3's 64-bit finaliser: every bit of x moves every bit
// of the result.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb93e5a6d5bb5
	x ^= x >> 33
	return x
}

// partSum is a running sum of a part's values, in order: two parts of one
// sum hold the same values (but with probability 2^-64).
type partSum uint64

// add adds a value. The odd constant (2^64 over the golden ratio, as in
// splitmix64) keeps a run of zeros moving the sum: mix64(0) is 0.
func (p *partSum) add(x uint64) { *p = partSum(mix64(uint64(*p) + x + 0x9e3779b97f4a7c15)) }

// addString adds a string's bytes and length.
func (p *partSum) addString(s string) {
	p.add(uint64(len(s)))
	for i := 0; i < len(s); i += 8 {
		var w uint64
		for k := i; k < min(i+8, len(s)); k++ {
			w = w<<8 | uint64(s[k])
		}
		p.add(w)
	}
}

// value is the sum, never 0 (the writer's sum of a part it does not
// know: one that must be written).
func (p partSum) value() uint64 { return max(uint64(p), 1) }

// sum is a saved story's partSum: every value its part stores.
func (s *StoryState) sum() uint64 {
	var p partSum
	p.addString(s.ID)
	for _, x := range []int{s.N, s.Created, s.Grown, s.Settled, s.SettledN, int(s.ScaleDocs), s.MeasuredN, len(s.Terms), len(s.Kept)} {
		p.add(uint64(x))
	}
	for k, h := range s.Terms {
		p.add(h)
		p.add(math.Float64bits(s.Weights[k]))
	}
	for _, k := range s.Kept {
		p.addString(k.ID)
		p.add(math.Float64bits(k.Scale))
		p.add(math.Float64bits(k.TitleScale))
	}
	p.add(math.Float64bits(s.Length))
	if s.Cohesion == nil {
		p.add(1)
	} else {
		p.add(2)
		p.add(math.Float64bits(*s.Cohesion))
	}
	return p.value()
}

// dfEntrySum is what a term's document frequencies add to its bucket's
// sum: buckets are summed in no order (the table's), so by addition.
func dfEntrySum(h uint64, x dfCounts) uint64 {
	return mix64(h ^ mix64(uint64(uint32(x.cur))<<32|uint64(uint32(x.prev))))
}

// SaveParts returns the parts of the clusterer's saved state (see above)
// to store with a write, given the sums of the parts the store holds
// (stored, by name; 0 for a part whose sum is not known): the stream part,
// each part whose sum is not the stored one, and a part with no State for
// each stored part the clusterer no longer has. It returns the sums of
// the parts the store holds once they are written, for the next write.
func (c *Clusterer) SaveParts(stored map[string]uint64) ([]news.StatePart, map[string]uint64, error) {
	sums := make(map[string]uint64, len(c.stories)+dfBuckets+1)
	var parts []news.StatePart
	put := func(name string, sum uint64, value any) error {
		sums[name] = sum
		if stored[name] == sum {
			return nil
		}
		b, err := json.Marshal(value)
		if err != nil {
			return fmt.Errorf("stream state part %s: %w", name, err)
		}
		parts = append(parts, news.StatePart{Name: name, State: b})
		return nil
	}
	head := c.streamStats()
	head.State = c.streamHead()
	for _, s := range c.stories {
		if s.merged {
			continue
		}
		ss := storyStateView(s)
		if err := put(storyPart+s.id, ss.sum(), &ss); err != nil {
			return nil, nil, err
		}
		if err := put(sumsPart+s.id, storedSums(s), sumsValue{s}); err != nil {
			return nil, nil, err
		}
	}
	if err := c.putDocFreq(stored, put); err != nil {
		return nil, nil, err
	}
	b, err := json.Marshal(head)
	if err != nil {
		return nil, nil, fmt.Errorf("stream state part %s: %w", streamPart, err)
	}
	sums[streamPart] = bytesSum(b)
	if stored[streamPart] != sums[streamPart] {
		parts = append(parts, news.StatePart{Name: streamPart, State: b})
	}
	for name := range stored {
		if _, ok := sums[name]; !ok {
			parts = append(parts, news.StatePart{Name: name})
		}
	}
	slices.SortFunc(parts, func(a, b news.StatePart) int { return cmp.Compare(a.Name, b.Name) })
	return parts, sums, nil
}

// streamHead is the state's stream part: StreamState with no story and no
// term (those are parts of their own), Since read from the held stories.
func (c *Clusterer) streamHead() *StreamState {
	st := &StreamState{Seq: c.seq, DayEnded: c.dayEnded, SemSum: c.semSum[:], SemDocs: c.semDocs,
		DF: DocFreqState{CurDocs: c.df.curDocs, PrevDocs: c.df.prevDocs}}
	for _, s := range c.lone {
		st.Lone = append(st.Lone, s.id)
	}
	for _, s := range c.stories {
		if !s.merged && !s.last.IsZero() && (st.Since.IsZero() || s.last.Before(st.Since)) {
			st.Since = s.last
		}
	}
	return st
}

// putDocFreq puts (SaveParts) each bucket of the document frequencies
// whose sum is not the stored one, its terms sorted.
func (c *Clusterer) putDocFreq(stored map[string]uint64, put func(string, uint64, any) error) error {
	var sums [dfBuckets]uint64
	c.df.counts.each(func(h uint64, x dfCounts) { sums[dfBucketOf(h)] += dfEntrySum(h, x) })
	var changed [dfBuckets]*DocFreqState
	for b, sum := range sums {
		if sum != 0 && stored[dfPartName(b)] != partSum(sum).value() {
			changed[b] = &DocFreqState{}
		}
	}
	c.df.counts.each(func(h uint64, x dfCounts) {
		if d := changed[dfBucketOf(h)]; d != nil {
			d.Terms, d.Cur, d.Prev = append(d.Terms, h), append(d.Cur, x.cur), append(d.Prev, x.prev)
		}
	})
	for b, sum := range sums {
		if sum == 0 {
			continue // no term
		}
		d := changed[b]
		if d != nil {
			sortDocFreq(d)
		}
		if err := put(dfPartName(b), partSum(sum).value(), d); err != nil {
			return err
		}
	}
	return nil
}

// dfPartName is the name of a bucket's part.
func dfPartName(b int) string { return fmt.Sprintf("%s%03x", dfPart, b) }

// sortDocFreq sorts a DocFreqState's terms, their counts with them.
func sortDocFreq(d *DocFreqState) {
	order := make([]int, len(d.Terms))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(d.Terms[a], d.Terms[b]) })
	terms, cur, prev := make(packedHashes, len(order)), make(packedCounts, len(order)), make(packedCounts, len(order))
	for k, i := range order {
		terms[k], cur[k], prev[k] = d.Terms[i], d.Cur[i], d.Prev[i]
	}
	d.Terms, d.Cur, d.Prev = terms, cur, prev
}

// bytesSum is the partSum of an encoded part (the stream part's: it is
// encoded with every write anyway).
func bytesSum(b []byte) uint64 {
	var p partSum
	p.addString(string(b))
	return p.value()
}

// ReadParts reads a clusterer's saved state back from the parts a store
// holds (news.WriteBatch.StreamState; parts of other names are another
// stage's, left alone), for ResumeStats, and the sums of the parts read,
// for the writer's next SaveParts. None gives nil. A store that holds the
// state whole (legacyPart, written before the state was stored in parts,
// or by an older version since) gives it, whatever parts it holds beside
// it, every part to be written again. A part that does not read is an error
// naming it: the state is then not resumed, and every part's sum is
// returned unknown (0), so that the next write writes them all again and
// deletes that part.
func ReadParts(parts []news.StatePart) (*StreamStats, map[string]uint64, error) {
	unknown := map[string]uint64{}
	for _, p := range parts {
		if p.Name == legacyPart || strings.HasPrefix(p.Name, legacyPart+"/") {
			unknown[p.Name] = 0
		}
	}
	st, sums, err := readParts(parts)
	if err != nil {
		return nil, unknown, err
	}
	for name, sum := range sums {
		unknown[name] = sum
	}
	return st, unknown, nil
}

// readParts is ReadParts but for the sums of a state that does not read.
// A whole row (legacyPart) is read alone, the parts beside it left: this
// version's first write after reading it deletes it in the transaction
// that stores the parts, so a whole row beside parts was written after
// them, by an older version run on the store since (its parts are stale).
func readParts(parts []news.StatePart) (*StreamStats, map[string]uint64, error) {
	if k := slices.IndexFunc(parts, func(p news.StatePart) bool { return p.Name == legacyPart }); k >= 0 {
		var whole StreamStats
		if err := json.Unmarshal(parts[k].State, &whole); err != nil {
			return nil, nil, fmt.Errorf("the stream state's row %s does not read: %w", legacyPart, err)
		}
		return &whole, nil, nil
	}
	var head *StreamStats
	var stories []StoryState
	var df DocFreqState
	storySums := map[string]*StorySums{}
	sums := map[string]uint64{}
	for _, p := range parts {
		var err error
		switch name := p.Name; {
		case name == streamPart:
			head = &StreamStats{}
			if err = json.Unmarshal(p.State, head); err == nil && head.State == nil {
				err = fmt.Errorf("no state")
			}
			sums[name] = bytesSum(p.State)
		case strings.HasPrefix(name, storyPart):
			var s StoryState
			if err = readStoryPart(p, &s); err == nil {
				stories = append(stories, s)
				sums[name] = s.sum()
			}
		case strings.HasPrefix(name, sumsPart):
			var ss StorySums
			if err = readSumsPart(p, &ss); err == nil {
				storySums[ss.ID] = &ss
				sums[name] = ss.sum()
			}
		case strings.HasPrefix(name, dfPart):
			sums[name], err = readDocFreqPart(p, &df)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("the stream state's row %s does not read: %w", p.Name, err)
		}
	}
	if head == nil {
		if len(sums) > 0 {
			return nil, nil, fmt.Errorf("the stream state's row %s is missing (%d other rows)", streamPart, len(sums))
		}
		return nil, nil, nil
	}
	slices.SortFunc(stories, func(a, b StoryState) int { return cmp.Compare(a.ID, b.ID) })
	for k := range stories {
		if err := stories[k].check(head.State.Seq); err != nil {
			return nil, nil, fmt.Errorf("the stream state's row %s%s: %w", storyPart, stories[k].ID, err)
		}
	}
	sortDocFreq(&df)
	head.State.Stories = stories
	head.State.Sums = storySums
	head.State.DF.Terms, head.State.DF.Cur, head.State.DF.Prev = df.Terms, df.Cur, df.Prev
	return head, sums, nil
}

// readStoryPart decodes a story's part, which must be the story its name
// says, with a weight a term (the rest is checked with the stream's part,
// see StoryState.check).
func readStoryPart(p news.StatePart, s *StoryState) error {
	if err := json.Unmarshal(p.State, s); err != nil {
		return err
	}
	if id := strings.TrimPrefix(p.Name, storyPart); s.ID != id {
		return fmt.Errorf("it holds story %q", s.ID)
	}
	if len(s.Terms) != len(s.Weights) {
		return fmt.Errorf("%d terms and %d weights", len(s.Terms), len(s.Weights))
	}
	return nil
}

// readDocFreqPart decodes a bucket of the document frequencies, which
// must hold terms of that bucket only, adds its terms to df and returns
// its sum.
func readDocFreqPart(p news.StatePart, df *DocFreqState) (uint64, error) {
	b, err := strconv.ParseUint(strings.TrimPrefix(p.Name, dfPart), 16, dfBucketBits)
	if err != nil {
		return 0, fmt.Errorf("no bucket of the document frequencies")
	}
	var d DocFreqState
	if err := json.Unmarshal(p.State, &d); err != nil {
		return 0, err
	}
	if len(d.Cur) != len(d.Terms) || len(d.Prev) != len(d.Terms) {
		return 0, fmt.Errorf("%d terms with %d and %d counts", len(d.Terms), len(d.Cur), len(d.Prev))
	}
	var sum uint64
	for k, h := range d.Terms {
		if dfBucketOf(h) != int(b) {
			return 0, fmt.Errorf("term %x is not of bucket %03x", h, b)
		}
		sum += dfEntrySum(h, dfCounts{cur: d.Cur[k], prev: d.Prev[k]})
	}
	df.Terms, df.Cur, df.Prev = append(df.Terms, d.Terms...), append(df.Cur, d.Cur...), append(df.Prev, d.Prev...)
	return partSum(sum).value(), nil
}
