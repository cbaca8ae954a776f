package cluster

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// lookupFixture is a clusterer holding one story of each kind the
// candidate lookup tells open in its own way, every one about the Calder
// harbour: dated in 2024 (its open stretch compared as stamps), dated in
// 2500 (past the stamps' range: compared as times), undated (open by
// arrivals), and one merged into another. Each story has a report of its
// own, so that the lookup finds all of them through "harbour".
func lookupFixture(t *testing.T) (*Clusterer, map[string]*story) {
	t.Helper()
	c := New(Options{})
	stories := map[string]*story{}
	for _, k := range []struct {
		name string
		when time.Time
	}{
		{"stamped", time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)},
		{"stamped-later", time.Date(2024, 3, 20, 9, 0, 0, 0, time.UTC)},
		{"far", time.Date(2500, 3, 1, 9, 0, 0, 0, time.UTC)},
		{"undated", time.Time{}},
		{"merged", time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)},
	} {
		f, _ := featuresOf(news.Article{ID: k.name, Published: k.when, Title: "Calder harbour " + k.name,
			Text: fmt.Sprintf("Dock workers at Calder harbour met on the quay about the %s crane and the ferry timetable.", k.name)})
		c.learn(&f)
		c.seq++
		s := c.newStory(k.name)
		c.join(s, k.name, &f)
		stories[k.name] = s
	}
	stories["merged"].merged = true
	if got := stories["far"].stretch; got != stretchTimes {
		t.Fatalf("the story of 2500's stretch is %d, want compared as times", got)
	}
	if got := stories["stamped"].stretch; got != stretchStamps {
		t.Fatalf("the story of 2024's stretch is %d, want stamps", got)
	}
	return c, stories
}

// TestTouchPostingsTellsOpenAsOpen: the candidate lookup tells a story
// open for an article (a dated one against a story's stamps in its own
// loop, the others through openAt) as open does, for dated articles
// inside and outside each story's stretch, an undated one, and ones with
// no stamp (1600, 2500); a merged story and the story to skip are never
// open.
func TestTouchPostingsTellsOpenAsOpen(t *testing.T) {
	c, stories := lookupFixture(t)
	f, _ := featuresOf(news.Article{ID: "q", Title: "Calder harbour", Text: "Calder harbour dock workers and the ferry."})
	for _, when := range []time.Time{
		time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 21, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2023, 12, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2500, 3, 2, 12, 0, 0, 0, time.UTC),
		time.Date(1600, 3, 2, 12, 0, 0, 0, time.UTC),
		{},
	} {
		for _, skip := range []*story{nil, stories["stamped"]} {
			q := c.prepareQuery(&f)
			q.skip = skip
			c.touchPostings(q, c.lookupTerms(q), when)
			touched := map[*story]bool{}
			for _, h := range c.touched {
				touched[h.owner] = true
			}
			for name, s := range stories {
				if !touched[s] {
					t.Errorf("at %v: story %s not touched, though it holds the query's terms", when, name)
					continue
				}
				want := !s.merged && s != skip && c.open(s, when)
				if s.openNow != want {
					t.Errorf("at %v (skipping %v): story %s told open %v, open says %v", when, skip != nil, name, s.openNow, want)
				}
			}
		}
	}
	if !stories["stamped"].openNow && !stories["undated"].openNow {
		t.Error("no story was ever open: the test tells nothing")
	}
}

// TestBestTouchedAsFullSort: the candidates kept from the touched stories
// are the best maxCandidates open ones by partial score, ties by id, best
// first, as sorting them all says, for touched lists with many ties (the
// fast test against the last kept must let an equal score through to the
// tie-break) and closed stories among them.
func TestBestTouchedAsFullSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	c := New(Options{})
	for round := range 200 {
		n := r.IntN(40)
		c.touched = c.touched[:0]
		for i := range n {
			s := newStory(fmt.Sprintf("s%03d", r.IntN(1000)*1000+i), 0)
			s.partial = float64(r.IntN(6)) / 4 // few values: ties are common
			s.openNow = r.IntN(5) != 0
			c.touched = append(c.touched, s.storyHead)
		}
		var want []*story
		for _, h := range c.touched {
			if h.openNow {
				want = append(want, h.owner)
			}
		}
		slices.SortFunc(want, func(a, b *story) int {
			if d := cmp.Compare(b.partial, a.partial); d != 0 {
				return d
			}
			return cmp.Compare(a.id, b.id)
		})
		want = want[:min(maxCandidates, len(want))]
		got := c.bestTouched()
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: kept %v, want %v", round, storyIDs(got), storyIDs(want))
		}
	}
}

// storyIDs lists stories' ids and scores, for a test's message.
func storyIDs(ss []*story) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, fmt.Sprintf("%s:%g", s.id, s.partial))
	}
	return ids
}

// inventedWord is the i-th of a made-up vocabulary of five-letter words
// (consonant, vowel, consonant, vowel, consonant), none of them a stop
// word.
func inventedWord(i int) string {
	const consonants, vowels = "bdfgklmnprstvz", "aeiou"
	b := []byte{
		consonants[i%14], vowels[i/14%5], consonants[i/70%14], vowels[i/980%5], consonants[i/4900%14],
	}
	return string(b)
}

// inventedReport is a report of topic k: six of the topic's eight words,
// and twelve of the vocabulary's 3,000 commonest-first words (word i
// drawn with weight 1/(i+1), as the words of news are), so that the
// lookup meets both rare terms of few stories and common ones of many.
func inventedReport(r *rand.Rand, id string, k int, when time.Time) news.Article {
	var words []string
	for range 6 {
		words = append(words, inventedWord(3000+8*k+r.IntN(8)))
	}
	for range 12 {
		words = append(words, inventedWord(int(math.Exp(r.Float64()*math.Log(3000)))-1))
	}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	return news.Article{ID: id, Published: when, Title: strings.Join(words[:5], " "), Text: strings.Join(words, " ") + "."}
}

// BenchmarkCandidateLookup measures the candidate lookup alone (candidates:
// reading the postings of a query's terms, touching and ranking the
// stories) against a clusterer of 4,000 invented reports of 400 topics
// over ten days, for 200 other reports of the same topics on the last
// day. It reports the stories touched per lookup, which the code's speed
// does not change: a change that touches fewer shows there.
//
//	go test ./internal/cluster -run '^$' -bench CandidateLookup
func BenchmarkCandidateLookup(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 4000, 400
	for i := range reports {
		when := start.Add(time.Duration(i) * 10 * 24 * time.Hour / reports)
		c.Add(inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(topics), when))
	}
	last := start.Add(10 * 24 * time.Hour)
	var queries []features
	for i := range 200 {
		f, _ := featuresOf(inventedReport(r, fmt.Sprintf("q%d", i), r.IntN(topics), last))
		queries = append(queries, f)
	}
	touched := 0
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		f := &queries[i%len(queries)]
		q := c.prepareQuery(f)
		c.candidates(q, f.when)
		touched += len(c.touched)
	}
	b.ReportMetric(float64(touched)/float64(b.N), "stories-touched/op")
}
