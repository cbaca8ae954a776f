package cluster

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// naiveCandidates is the candidate lookup as its doc comment states it,
// written plainly to check the clusterer's against: the query's heaviest
// terms (at most maxLookups; terms in more than half of the documents
// left out unless all are), the newest maxPostingsRead postings of each,
// partial dot products summed in that order for every story open at when
// (open, not merged, not q.skip), the best maxCandidates by sum, ties by
// id. It reads no story's epoch and rescales nothing: the caller makes
// every story fresh first.
func naiveCandidates(c *Clusterer, q *query, when time.Time) ([]*story, map[*story]float64) {
	if q.norm == 0 {
		return nil, nil
	}
	docs := c.df.docs()
	var terms []int
	for i := range q.f.terms {
		if q.dfs[i]*2 <= docs+1 || docs <= 10 {
			terms = append(terms, i)
		}
	}
	if len(terms) == 0 {
		for i := range q.f.terms {
			terms = append(terms, i)
		}
	}
	slices.SortFunc(terms, func(i, j int) int {
		if d := cmp.Compare(q.weights[j], q.weights[i]); d != 0 {
			return d
		}
		return cmp.Compare(q.f.terms[i].h, q.f.terms[j].h)
	})
	sums := map[*story]float64{}
	for _, i := range terms[:min(maxLookups, len(terms))] {
		ps := postingsOf(c, q.f.terms[i].h)
		for _, p := range ps[max(0, len(ps)-maxPostingsRead):] {
			if s := p.head.owner; !s.merged && s != q.skip && c.open(s, when) {
				sums[s] += q.weights[i] * q.idfs[i] * p.w / s.size()
			}
		}
	}
	var best []*story
	for s := range sums {
		best = append(best, s)
	}
	slices.SortFunc(best, func(a, b *story) int {
		if d := cmp.Compare(sums[b], sums[a]); d != 0 {
			return d
		}
		return cmp.Compare(a.id, b.id)
	})
	return best[:min(maxCandidates, len(best))], sums
}

// lookupProbeClusterer is a clusterer after a stream of invented reports
// over twenty days (some undated, so that stories close by date and by
// arrivals), with a tenth of its stories then marked merged and twelve
// twin stories added, each holding the same report, so that the lookup
// meets ties in score past the tenth candidate.
func lookupProbeClusterer(r *rand.Rand) *Clusterer {
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 1500, 150
	for i := range reports {
		when := start.Add(time.Duration(i) * 20 * 24 * time.Hour / reports)
		if i%10 == 0 {
			when = time.Time{}
		}
		c.Add(inventedReport(r, fmt.Sprintf("r%04d", i), r.IntN(topics), when))
	}
	for _, id := range slices.Sorted(maps.Keys(c.stories)) {
		if r.IntN(10) == 0 {
			c.stories[id].merged = true
		}
	}
	twin := inventedReport(r, "twin", 7, start.Add(19*24*time.Hour))
	f, _ := featuresOf(twin)
	c.learn(&f) // once: twins joined under one count of documents share their weights to the bit
	for k := range 12 {
		c.seq++
		s := c.newStory(fmt.Sprintf("twin%02d", k))
		c.join(s, fmt.Sprintf("twin%02d", k), &f)
	}
	return c
}

// TestCandidatesAsNaiveLookup: the candidate lookup keeps the stories, in
// the order and with the partial sums to the last bit, that the lookup
// written plainly does, for queries dated inside the stream, at its end,
// long after it (every dated story closed), undated, in 2500 (no stamp),
// with and without a story to skip, short and of more than maxLookups
// terms, and twins tied in score.
func TestCandidatesAsNaiveLookup(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	c := lookupProbeClusterer(r)
	twin := inventedReport(rand.New(rand.NewPCG(1, 2)), "q-twin", 7, time.Time{})
	var long []string
	for i := range 150 {
		long = append(long, inventedWord(100+7*i))
	}
	queries := []news.Article{twin, {ID: "q-long", Title: strings.Join(long[:6], " "), Text: strings.Join(long, " ") + "."}}
	for k := range 6 {
		queries = append(queries, inventedReport(r, fmt.Sprintf("q%d", k), r.IntN(150), time.Time{}))
	}
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	whens := []time.Time{start.Add(5 * 24 * time.Hour), start.Add(19 * 24 * time.Hour), start.Add(400 * 24 * time.Hour),
		{}, time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC)}
	found, tiedAtCut, longLookups := 0, 0, 0
	for _, a := range queries {
		f, _ := featuresOf(a)
		if len(f.terms) > maxLookups {
			longLookups++
		}
		for _, when := range whens {
			for _, skipFirst := range []bool{false, true} {
				for _, s := range c.stories {
					c.rescale(s) // every story fresh: the naive lookup rescales none
				}
				q := c.prepareQuery(&f)
				want, sums := naiveCandidates(c, q, when)
				if skipFirst && len(want) > 0 {
					q.skip = want[0]
					want, sums = naiveCandidates(c, q, when)
				}
				got := c.candidates(q, when)
				if len(got) != len(want) {
					t.Fatalf("%s at %v: %d candidates, the plain lookup %d", a.ID, when, len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] || got[i].partial != sums[want[i]] {
						t.Fatalf("%s at %v: candidate %d is %s (%g), the plain lookup's %s (%g)", a.ID, when, i, got[i].id, got[i].partial, want[i].id, sums[want[i]])
					}
				}
				found += len(got)
				if n := len(got); n == maxCandidates && len(sums) > n && sums[got[n-1]] == slices.Max(valuesBelow(sums, got)) {
					tiedAtCut++
				}
			}
		}
	}
	t.Logf("candidates found %d, lookups tied at the cut %d, long queries %d", found, tiedAtCut, longLookups)
	if found == 0 || tiedAtCut == 0 || longLookups == 0 {
		t.Errorf("candidates found %d, lookups tied at the cut %d, long queries %d: the probe tells nothing", found, tiedAtCut, longLookups)
	}
}

// valuesBelow lists the sums of the stories not kept.
func valuesBelow(sums map[*story]float64, kept []*story) []float64 {
	out := []float64{-1}
	for s, v := range sums {
		if !slices.Contains(kept, s) {
			out = append(out, v)
		}
	}
	return out
}
