package cluster

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// scoredAgainstFire makes a clusterer of the fire's story and the mixed
// story (strike and fire reports), with the shipped model or, when
// relative, one that reads the margin as well (so that scoring one
// candidate computes every candidate's average-link cosine), and returns
// the mean probability of the mixed story's kept articles to the fire's
// story among both, with the stories whose cosines were computed.
func scoredAgainstFire(t *testing.T, relative bool) (float64, map[*story]bool, *story) {
	t.Helper()
	c := New(Options{})
	if relative {
		m := *c.opt.Model
		m.readsRelative = true
		c.opt.Model = &m
	}
	fire := c.stories[c.Add(undated(fireReport)).StoryID]
	mixStory(t, c)
	s := c.stories["mixed"]
	defer c.memoise()()
	p := c.meanProbability(s.kept, []*story{fire, s}, fire, 0)
	read := map[*story]bool{}
	for k := range c.avgMemo {
		read[k.s] = true
	}
	return p, read, fire
}

func TestScoringOneCandidateComputesNoOtherCandidatesCosine(t *testing.T) {
	p, read, fire := scoredAgainstFire(t, false)
	if len(read) != 1 || !read[fire] {
		t.Errorf("the cosines of %d stories were computed, want the fire's alone", len(read))
	}
	// The same probability, to the last bit, as when every candidate's
	// cosine is computed: the shipped model reads none of the others.
	full, readAll, _ := scoredAgainstFire(t, true)
	if len(readAll) != 2 {
		t.Fatalf("a model reading the margin computed the cosines of %d stories, want both", len(readAll))
	}
	if p != full || p == 0 {
		t.Errorf("mean probability %v, with every cosine computed %v", p, full)
	}
}

func TestReasonSignalsAreThoseSignalsGives(t *testing.T) {
	c := New(Options{})
	mixStoryAt(t, c, day(16))
	s := c.stories["mixed"]
	a := fireFollow
	a.Published = day(17)
	f, _ := featuresOf(a)
	var reason, full [numSignals]float64
	c.reasonSignals(c.prepareQuery(&f), s, reason[:])

	m := *c.opt.Model
	m.readsBeyondAvgCos = true
	c.opt.Model = &m
	c.signals(c.prepareQuery(&f), s, full[:])
	for k := range numSignals {
		switch k {
		case sigMaxCos, sigTitleMax, sigGapDays: // what joinReason reads
			if reason[k] != full[k] || math.IsNaN(full[k]) {
				t.Errorf("%s: %v, signals gives %v", signalNames[k], reason[k], full[k])
			}
		case sigAvgCos, sigMargin, sigRelative: // the caller's
		default:
			if !math.IsNaN(reason[k]) {
				t.Errorf("%s computed (%v): nothing reads it", signalNames[k], reason[k])
			}
		}
	}
}

// heaviestTerms gives what sorting every shared term and keeping the first n
// gives, ties on weight ordered by word, whatever the order they come in.
func TestHeaviestTermsAreTheFirstOfTheSortedTerms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		shared := make([]termWeight, r.IntN(30))
		for i := range shared {
			// Few distinct weights, so that ties are common.
			shared[i] = termWeight{h: uint64(i), t: fmt.Sprintf("w%02d", i), w: float64(r.IntN(5))}
		}
		r.Shuffle(len(shared), func(i, j int) { shared[i], shared[j] = shared[j], shared[i] })
		want := slices.Clone(shared)
		slices.SortFunc(want, func(a, b termWeight) int {
			if d := cmp.Compare(b.w, a.w); d != 0 {
				return d
			}
			return strings.Compare(a.t, b.t)
		})
		want = want[:min(explainedTerms, len(want))]
		if got := heaviestTerms(nil, shared, explainedTerms); !slices.Equal(got, want) {
			t.Fatalf("trial %d: heaviestTerms gave %v, want %v", trial, got, want)
		}
	}
}

// unitScales gives, to the last bit, what looking up every term's IDF gives:
// the article's and its headline's lengths under the current IDF, the
// headline's IDFs read from the article's terms where they are there.
func TestUnitScalesAreTheLookedUpLengths(t *testing.T) {
	c := New(Options{})
	for _, a := range []news.Article{
		{ID: "a", Title: "Harbour bridge reopens", Text: "The harbour bridge reopened on Tuesday after repairs to its deck."},
		{ID: "b", Title: "Council budget", Text: "The council passed its budget for the harbour district on Monday."},
	} {
		f, _ := featuresOf(a)
		c.learn(&f)
	}
	f, _ := featuresOf(news.Article{ID: "c", Title: "Bridge reopens to traffic", Text: "Traffic crossed the bridge again as the deck repairs ended."})
	f.title = append(f.title, term{h: 12345, w: 1}) // a headline term the article's terms lack: looked up
	slices.SortFunc(f.title, func(a, b term) int { return cmp.Compare(a.h, b.h) })
	length := func(ts []term) float64 {
		var n float64
		for _, t := range ts {
			w := t.w * c.idf(t.h)
			n += w * w
		}
		if n == 0 {
			return 0
		}
		return 1 / math.Sqrt(n)
	}
	scale, titleScale := c.unitScales(&f)
	if scale != length(f.terms) || titleScale != length(f.title) {
		t.Errorf("unitScales %v, %v; looked up %v, %v", scale, titleScale, length(f.terms), length(f.title))
	}
}
