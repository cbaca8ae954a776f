package cluster

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// rescaleFixture is a clusterer with one story of twenty invented reports
// of a crane collapse (sixteen kept), counted in the document
// frequencies, followed by ten reports of other events, so that the
// documents counted grew by half and the story is to be scaled again.
// Each report shares the event's words and has words of its own.
func rescaleFixture() (*Clusterer, *story) {
	c := New(Options{})
	start := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	s := c.newStory("crane-0")
	for i := range 20 {
		a := news.Article{
			ID: fmt.Sprintf("crane-%d", i), Published: start.Add(time.Duration(i) * time.Hour),
			Title: "Crane collapses at Calder harbour",
			Text: fmt.Sprintf("A crane collapsed at Calder harbour on Tuesday, injuring %d dock workers. "+
				"The port authority opened an inquiry and the union called for a stoppage. Witness%d said the "+
				"jib buckled in the wind. Shift%d was cancelled and ferry%d sailings were delayed.", i+2, i, i, i),
		}
		f, _ := featuresOf(a)
		c.learn(&f)
		c.join(s, a.ID, &f)
	}
	for i := range 10 {
		f, _ := featuresOf(news.Article{
			ID: fmt.Sprintf("other-%d", i), Published: start.Add(30 * time.Hour),
			Text: fmt.Sprintf("Voters in district%d chose a new council on Sunday; the harbour ward was counted last.", i),
		})
		c.learn(&f)
	}
	return c, s
}

// rescaleEachTerm is rescale as it was before session 42: each member's
// scale with every term's IDF looked up, and each member's share written
// to the story's weight and its posting term by term. The reference for
// TestRescaleReadsEachTermOnce.
func rescaleEachTerm(c *Clusterer, s *story) {
	docs := c.df.docs()
	for _, m := range s.kept {
		scale, titleScale := c.unitScales(m.f)
		for _, t := range m.f.terms {
			i, _ := s.slot.get(t.h)
			c.setWeight(s, i, s.w[i]+t.w*(scale-m.scale))
		}
		m.scale, m.titleScale = scale, titleScale
	}
	s.scaleDocs = int32(docs)
}

// TestRescaleReadsEachTermOnce: scaling a story's members again gives the
// weights, postings and scales of scaling them term by term, to the last
// bit, and looks up each distinct term's document frequency once, not
// once per member holding it.
func TestRescaleReadsEachTermOnce(t *testing.T) {
	c, s := rescaleFixture()
	ref, refStory := rescaleFixture()
	if !scaleStale(s.storyHead, c.df.docs()) {
		t.Fatalf("the fixture's story is not stale: scaled at %d documents, %d counted", s.scaleDocs, c.df.docs())
	}
	distinct := map[uint64]bool{}
	memberTerms := 0
	for _, m := range s.kept {
		memberTerms += len(m.f.terms)
		for _, term := range m.f.terms {
			distinct[term.h] = true
		}
	}
	c.df.reads = 0
	c.rescale(s)
	rescaleEachTerm(ref, refStory)
	if c.df.reads != len(distinct) {
		t.Errorf("rescale read %d document frequencies; the kept members hold %d distinct terms (%d with repeats)",
			c.df.reads, len(distinct), memberTerms)
	}
	sameAsTermByTerm(t, c, s, ref, refStory)
}

// sameAsTermByTerm reports, as errors of t, where story s of c differs
// from refStory of ref, rescaled term by term (rescaleEachTerm): its
// weights, its postings' weights, its members' scales and the documents
// it was scaled at, to the last bit.
func sameAsTermByTerm(t *testing.T, c *Clusterer, s *story, ref *Clusterer, refStory *story) {
	t.Helper()
	for i, h := range s.hashes {
		if math.Float64bits(s.w[i]) != math.Float64bits(refStory.w[i]) {
			t.Errorf("slot %d: weight %v, term by term %v", i, s.w[i], refStory.w[i])
		}
		ps, refPs := postingsOf(c, h), postingsOf(ref, h)
		if got, want := ps[s.at[i]].w, refPs[refStory.at[i]].w; math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("slot %d: posting's weight %v, term by term %v", i, got, want)
		}
	}
	for k, m := range s.kept {
		if r := refStory.kept[k]; m.scale != r.scale || m.titleScale != r.titleScale {
			t.Errorf("member %s: scales %v, %v; term by term %v, %v", m.id, m.scale, m.titleScale, r.scale, r.titleScale)
		}
	}
	if s.scaleDocs != refStory.scaleDocs {
		t.Errorf("scaled at %d documents, term by term %d", s.scaleDocs, refStory.scaleDocs)
	}
}

// TestRescaleAfterMembersLeaveAsTermByTerm: a story that let three of its
// kept members go (as a split or a move does) is scaled again as term by
// term, to the last bit: the terms only those members held keep the
// weight their leaving gave them, in the story and its postings.
func TestRescaleAfterMembersLeaveAsTermByTerm(t *testing.T) {
	c, s := rescaleFixture()
	ref, refStory := rescaleFixture()
	for _, k := range []int{0, 6, 12} { // the first, a middle and the last member left
		c.detach(s, s.kept[k])
		ref.detach(refStory, refStory.kept[k])
	}
	if len(s.kept) != 13 || !scaleStale(s.storyHead, c.df.docs()) {
		t.Fatalf("the fixture's story keeps %d members, stale %v; want 13, stale", len(s.kept), scaleStale(s.storyHead, c.df.docs()))
	}
	c.rescale(s)
	rescaleEachTerm(ref, refStory)
	sameAsTermByTerm(t, c, s, ref, refStory)
}

// BenchmarkRescale measures scaling a story of sixteen kept members again
// (rescaleFixture's), with the document frequencies it reads and the
// terms it looks up in the postings per rescale: counts that a loaded
// machine does not distort.
//
//	go test ./internal/cluster -run '^$' -bench Rescale
func BenchmarkRescale(b *testing.B) {
	c, s := rescaleFixture()
	c.df.reads, c.postingReads = 0, 0
	b.ReportAllocs()
	for b.Loop() {
		s.scaleDocs = 1 // stale again
		c.rescale(s)
	}
	b.ReportMetric(float64(c.df.reads)/float64(b.N), "df-reads/op")
	b.ReportMetric(float64(c.postingReads)/float64(b.N), "posting-lookups/op")
}
