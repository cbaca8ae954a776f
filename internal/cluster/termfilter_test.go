package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// filterStories builds a clusterer of invented reports (see
// inventedReport) and returns its stories.
func filterStories(t testing.TB, reports, topics int) (*Clusterer, []*story) {
	r := rand.New(rand.NewPCG(3, 4))
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range reports {
		when := start.Add(time.Duration(i) * 24 * time.Hour / time.Duration(reports))
		c.Add(inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(topics), when))
	}
	var stories []*story
	for _, s := range c.stories {
		stories = append(stories, s)
	}
	if len(stories) == 0 {
		t.Fatal("no stories")
	}
	return c, stories
}

// TestStoryFilterPassesEveryTermHeld checks the story's filter against its
// table: every term of a slot passes (a term it turned away would lose its
// weight in every cosine), and of terms the story does not hold it lets
// few through, or it saves no lookup.
func TestStoryFilterPassesEveryTermHeld(t *testing.T) {
	_, stories := filterStories(t, 600, 40)
	r := rand.New(rand.NewPCG(5, 6))
	var notHeld, passed int
	grown := false
	for _, s := range stories {
		grown = grown || len(s.slot.keys) > minTableSize
		for _, h := range s.hashes {
			if !s.held.mayHold(h) {
				t.Fatalf("story %s holds term %x, which its filter turns away", s.id, h)
			}
		}
		for range 200 {
			h := r.Uint64()
			if _, ok := s.slot.get(h); ok {
				continue
			}
			notHeld++
			if s.held.mayHold(h) {
				passed++
			}
		}
	}
	if !grown {
		t.Fatal("no story's table grew: the filter made again at a new size is not checked")
	}
	// At most about 15% pass by the filter's size (see termFilter); 25%
	// leaves room for chance over these few thousand terms.
	if share := float64(passed) / float64(notHeld); share > 0.25 {
		t.Errorf("the filters let %.0f%% of %d terms not held through, want at most 25%%", 100*share, notHeld)
	}
}

// TestAvgCosineWholeAsEveryTermLookedUp checks the cosine read through the
// filter, in two passes, against the sum of every term's weight looked up
// in the table, in the query's order: the same to the last bit.
func TestAvgCosineWholeAsEveryTermLookedUp(t *testing.T) {
	c, stories := filterStories(t, 600, 40)
	r := rand.New(rand.NewPCG(7, 8))
	last := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)
	nonzero := 0
	for i := range 100 {
		f, _ := featuresOf(inventedReport(r, fmt.Sprintf("q%d", i), r.IntN(40), last))
		q := c.prepareQuery(&f)
		for _, s := range stories {
			var dot float64
			for k, tm := range f.terms {
				if j, ok := s.slot.get(tm.h); ok {
					dot += q.weights[k] * s.w[j] * q.idfs[k]
				}
			}
			want := dot / q.norm / s.size()
			if got := c.avgCosineWhole(q, s); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("query %d, story %s: cosine %v, want %v", i, s.id, got, want)
			}
			if want != 0 {
				nonzero++
			}
		}
	}
	if nonzero == 0 {
		t.Fatal("every cosine was 0: nothing was compared")
	}
}

// BenchmarkAvgCosineWhole measures the average-link cosine of 200 invented
// reports with every story of a clusterer of 4,000 (see inventedReport),
// and reports the share of the queries' terms not held that the stories'
// filters let through to a lookup of the table.
//
//	go test ./internal/cluster -run '^$' -bench AvgCosineWhole
func BenchmarkAvgCosineWhole(b *testing.B) {
	c, stories := filterStories(b, 4000, 400)
	r := rand.New(rand.NewPCG(9, 10))
	last := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)
	var queries []*query
	for i := range 200 {
		f, _ := featuresOf(inventedReport(r, fmt.Sprintf("q%d", i), r.IntN(400), last))
		q := &query{}
		c.fillQuery(q, &f)
		queries = append(queries, q)
	}
	var notHeld, passed int
	for _, q := range queries {
		for _, s := range stories {
			for _, tm := range q.f.terms {
				if _, ok := s.slot.get(tm.h); !ok {
					notHeld++
					if s.held.mayHold(tm.h) {
						passed++
					}
				}
			}
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		for _, s := range stories {
			c.avgCosineWhole(q, s)
		}
	}
	b.ReportMetric(float64(passed)/float64(notHeld), "not-held-passed")
}
