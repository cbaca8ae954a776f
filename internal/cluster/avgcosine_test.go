package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// plainAvgCosine is avgCosine as one loop over the query's terms, each
// looked up in the story's slots in turn.
func plainAvgCosine(q *query, s *story) float64 {
	if q.norm == 0 {
		return 0
	}
	var dot float64
	for i, t := range q.f.terms {
		if sw, ok := s.weight(t.h); ok {
			dot += q.weights[i] * sw * q.idfs[i]
		}
	}
	return dot / q.norm / s.size()
}

// avgCosine reads each query term's first place in a story's slots before
// it probes on (see avgCosine): the same cosine, to the last bit, as
// looking each term up in turn, for stories small and large (slot tables
// from 32 to thousands of entries, with runs of colliding keys) and
// queries short and long (past the scratch's 256 terms too).
func TestAvgCosineIsThePlainLookupsSum(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dq%d", i, r.IntN(1000))
	}
	text := func(n, from, span int) string {
		var b strings.Builder
		for range n {
			b.WriteString(vocab[from+r.IntN(span)])
			b.WriteString(" ")
		}
		return b.String()
	}
	c := New(Options{})
	for k := range 300 {
		from := r.IntN(20) * 100 // twenty subjects of overlapping words
		c.Add(news.Article{ID: fmt.Sprint("a", k), Title: text(6, from, 300), Text: text(20+r.IntN(400), from, 300+r.IntN(700))})
	}
	compared, hits := 0, 0
	for k := range 60 {
		f, _ := featuresOf(news.Article{ID: fmt.Sprint("q", k), Title: text(6, 0, 3000), Text: text(10+r.IntN(1500), r.IntN(20)*100, 1000)})
		q := c.prepareQuery(&f)
		for _, s := range c.stories {
			got, want := c.avgCosine(q, s), plainAvgCosine(q, s)
			if got != want {
				t.Fatalf("query %d (%d terms), story %s (%d slots): %v, looked up in turn %v", k, len(f.terms), s.id, len(s.slot.keys), got, want)
			}
			compared++
			if want > 0 {
				hits++
			}
		}
	}
	if hits < compared/4 {
		t.Errorf("%d of %d pairs share a term: the test reads too few slots", hits, compared)
	}
}
