package cluster

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// statsStream is a dated stream of invented reports of a few topics over
// three weeks: long enough for every background statistic to pass
// minBackground. Its topics recur through the three weeks, so that no
// story closes in it (the closed count stays 0: burstStream's stories
// close).
func statsStream() []news.Article {
	r := rand.New(rand.NewPCG(11, 12))
	start := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var stream []news.Article
	for i := range 260 {
		when := start.Add(time.Duration(i) * 21 * 24 * time.Hour / 260)
		stream = append(stream, inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(40), when))
	}
	return stream
}

// restoredFrom rebuilds a clusterer from the stories c holds, as the
// engine's writer does from its store: every article of the stream so far,
// in its order, put back into the story that holds it now.
func restoredFrom(c *Clusterer, stream []news.Article) *Clusterer {
	return restoredSince(c, stream, time.Time{})
}

// restoredSince is restoredFrom with only the stories whose latest article
// is not before cutoff.
func restoredSince(c *Clusterer, stream []news.Article, cutoff time.Time) *Clusterer {
	storyOf := map[string]string{}
	for id, s := range c.stories {
		if s.merged || s.last.Before(cutoff) {
			continue
		}
		for _, a := range s.ids {
			storyOf[a] = id
		}
	}
	r := New(c.opt)
	for _, a := range stream {
		if id, ok := storyOf[a.ID]; ok {
			r.Restore(a, id)
		}
	}
	return r
}

// A clusterer restored with the statistics and state of the one that
// stored its stories places the next articles exactly as it does; one

// runToDayEnd is a clusterer that placed the stream's first cut articles
// and ended the day at the next one's time: a long run to restore from.
func runToDayEnd(stream []news.Article, cut int) *Clusterer {
	long := New(Options{})
	for _, a := range stream[:cut] {
		long.Add(a)
	}
	long.EndDay(stream[cut].Published)
	return long
}

// restored without them reads no z-score and scores them otherwise.
func TestResumedStatsPlaceTheNextArticlesAsOneLongRun(t *testing.T) {
	stream := statsStream()
	const cut = 220
	long := runToDayEnd(stream, cut)
	saved, err := json.Marshal(long.StreamStats())
	if err != nil {
		t.Fatal(err)
	}
	if n := long.background[avgCosBackground].n; n < minBackground {
		t.Fatalf("the fixture's stream gave the average-link cosine's background only %.0f values, want at least %d", n, minBackground)
	}

	resumed := restoredFrom(long, stream[:cut])
	var st StreamStats
	if err := json.Unmarshal(saved, &st); err != nil {
		t.Fatal(err)
	}
	if err := resumed.ResumeStats(st); err != nil {
		t.Fatal(err)
	}
	resumed.Resume()
	fresh := restoredFrom(long, stream[:cut])
	fresh.Resume()

	if got, want := resumed.StreamStats(), long.StreamStats(); !slices.Equal(got.Background, want.Background) || got.ClosedStories != want.ClosedStories || got.ClosedSpan != want.ClosedSpan {
		t.Errorf("resumed statistics %+v, want those saved %+v", got, want)
	}
	if resumed.take != long.take {
		t.Errorf("take window %v after a resume with the statistics, %v in the long run", resumed.take, long.take)
	}
	if n := fresh.background[avgCosBackground].n; n != 0 {
		t.Errorf("a clusterer restored without the statistics has %.0f background cosines, want none (the fixture shows nothing)", n)
	}
	// With the stream state (StreamState) the restored clusterer places
	// the next articles as the long run does, to the bit: every story, score
	// and reason alike. Without the statistics it scores them otherwise.
	var resumedOff, freshOff float64
	moved := 0
	for _, a := range stream[cut:] {
		want, got, plain := long.Add(a), resumed.Add(a), fresh.Add(a)
		resumedOff += math.Abs(got.Score - want.Score)
		freshOff += math.Abs(plain.Score - want.Score)
		if got.StoryID != want.StoryID || got.Reason != want.Reason {
			moved++
			t.Errorf("%s placed in %s after the resume (%s), in %s in the long run (%s)", a.ID, got.StoryID, got.Reason, want.StoryID, want.Reason)
		}
	}
	t.Logf("the next %d articles' scores, summed distance from the long run's: %.3f resumed with the statistics, %.3f without (take window %v, %v)", len(stream)-cut, resumedOff, freshOff, resumed.take, fresh.take)
	if resumedOff != 0 || moved > 0 {
		t.Errorf("the next articles' scores are %.3f from the long run's after a resume with the statistics (%d in another story or with another reason), want 0", resumedOff, moved)
	}
	if freshOff == 0 {
		t.Errorf("the next articles' scores are those of the long run without the statistics too: the fixture shows nothing")
	}
	if got, want := resumed.StreamStats(), long.StreamStats(); !reflect.DeepEqual(got, want) {
		t.Errorf("after the next %d articles the resumed clusterer's statistics and state differ from the long run's", len(stream)-cut)
	}
}

// Statistics of other signals, or that no running statistic can hold, are
// refused, and the clusterer keeps its own.
func TestResumeStatsRefusesForeignStatistics(t *testing.T) {
	good := New(Options{}).StreamStats()
	cases := map[string]func(st *StreamStats){
		"other signals":      func(st *StreamStats) { st.Signals = append(slices.Clone(st.Signals[1:]), "other") },
		"a statistic less":   func(st *StreamStats) { st.Background = st.Background[1:] },
		"NaN mean":           func(st *StreamStats) { st.Background[0].Mean = math.NaN() },
		"negative variance":  func(st *StreamStats) { st.Background[0].Variance = -1 },
		"past the horizon":   func(st *StreamStats) { st.Background[0].N = backgroundHorizon + 1 },
		"negative count":     func(st *StreamStats) { st.ClosedStories = -1 },
		"a span of no story": func(st *StreamStats) { st.ClosedSpan = time.Hour },
		"fewer stories than closed": func(st *StreamStats) {
			st.ClosedStories, st.ClosedSpan, st.PacedStories, st.PacedSpan = 2, time.Hour, 1, time.Hour
		},
		"a paced span of no story": func(st *StreamStats) { st.PacedSpan = time.Hour },
		"an overflow of no story":  func(st *StreamStats) { st.ClosedSpanOver = 1 },
		"a negative overflow": func(st *StreamStats) {
			st.ClosedStories, st.ClosedSpanOver, st.ClosedSpan = 3, -1, time.Hour
		},
		// a span is at most a time.Duration's longest, so n stories
		// span less than n × 2^63 ns: no mean of 292 years or more
		"a mean span past a duration": func(st *StreamStats) {
			st.PacedStories, st.PacedSpanOver, st.PacedSpan = 2, 2, time.Hour
		},
		"a closed mean span past a duration": func(st *StreamStats) {
			st.ClosedStories, st.ClosedSpanOver, st.PacedStories = 1, 1<<62, 1
		},
	}
	for name, spoil := range cases {
		st := good
		st.Signals = slices.Clone(good.Signals)
		st.Background = slices.Clone(good.Background)
		st.Background[1].N, st.Background[1].Mean = 40, 0.3
		spoil(&st)
		c := New(Options{})
		if err := c.ResumeStats(st); err == nil {
			t.Errorf("%s: resumed, want an error", name)
		}
		if c.background[1].n != 0 || c.resumed != nil {
			t.Errorf("%s: the refused statistics were taken in part", name)
		}
	}
}
