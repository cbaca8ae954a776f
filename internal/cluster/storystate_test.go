package cluster

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// savedAndRead is c's StreamStats as a store holds them: encoded and read.
func savedAndRead(t testing.TB, c *Clusterer) StreamStats {
	b, err := json.Marshal(c.StreamStats())
	if err != nil {
		t.Fatal(err)
	}
	var st StreamStats
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// A clusterer restored as the engine's writer restores it (the stories of
// the last Window and 7 days, or back to the state's Since, so that the
// restored articles give other document frequencies than the whole
// stream) and resumed with the saved state places the rest of the stream
// as the long run does: every story and reason alike, at cuts within a
// job (odd) and after a settle.
func TestResumedStatePlacesTheRestOfTheStreamAsOneLongRun(t *testing.T) {
	// 300 events: past 1,000 arrivals the long run lets go of its old
	// stories (see evict), so that the restore counts fewer documents.
	stream := burstStreamOf(300)
	partial := 0 // cuts whose restore counted fewer documents than the long run
	for _, cut := range []int{120, 201, 1001, 1102, 1103} {
		long := New(Options{})
		for _, a := range stream[:cut] {
			long.Add(a)
		}
		if cut%2 == 0 {
			long.Settle()
		}
		saved := savedAndRead(t, long)
		resumed := restoredWithState(long, stream[:cut], saved)
		if resumed.df.docs() < long.df.docs() {
			partial++
		}
		if err := resumed.ResumeStats(saved); err != nil {
			t.Fatal(err)
		}
		resumed.Resume()
		moved := 0
		for _, a := range stream[cut:min(cut+100, len(stream))] {
			want, got := long.Add(a), resumed.Add(a)
			if got.StoryID != want.StoryID || got.Reason != want.Reason || got.Score != want.Score {
				moved++
			}
		}
		if moved > 0 {
			t.Errorf("cut %d: %d of the next %d articles placed otherwise than in the long run after a resume with the state", cut, moved, min(100, len(stream)-cut))
		}
		if got, want := resumed.StreamStats().State.DF, long.StreamStats().State.DF; !slices.Equal(got.Terms, want.Terms) || !slices.Equal(got.Cur, want.Cur) || got.CurDocs != want.CurDocs {
			t.Errorf("cut %d: the resumed document frequencies (%d terms over %d documents) differ from the long run's (%d over %d)", cut, len(got.Terms), got.CurDocs, len(want.Terms), want.CurDocs)
		}
	}
	if partial < 2 {
		t.Errorf("the restore counted fewer documents than the long run at %d cuts: the fixture does not show the whole stream's document frequencies", partial)
	}
}

// A state no clusterer held is refused with an error, and the clusterer
// keeps what its restore gave it, statistics and state alike.
func TestResumeStatsRefusesADamagedState(t *testing.T) {
	stream := statsStream()[:60]
	long := New(Options{})
	for _, a := range stream {
		long.Add(a)
	}
	cases := map[string]func(st *StreamState){
		"terms out of order":          func(st *StreamState) { st.DF.Terms[0], st.DF.Terms[1] = st.DF.Terms[1], st.DF.Terms[0] },
		"a count past its docs":       func(st *StreamState) { st.DF.Cur[0] = int32(st.DF.CurDocs + 1) },
		"counts missing":              func(st *StreamState) { st.DF.Prev = st.DF.Prev[1:] },
		"docs past a generation":      func(st *StreamState) { st.DF.CurDocs = dfGeneration + 1 },
		"a weight not a number":       func(st *StreamState) { st.Stories[0].Weights[0] = math.NaN() },
		"weights missing":             func(st *StreamState) { st.Stories[0].Weights = st.Stories[0].Weights[1:] },
		"grown after the arrivals":    func(st *StreamState) { st.Stories[0].Grown = st.Seq + 1 },
		"a word vector sum too short": func(st *StreamState) { st.SemSum = st.SemSum[1:] },
		"negative arrivals":           func(st *StreamState) { st.Seq = -1 },
		"a story with no id":          func(st *StreamState) { st.Stories[0].ID = "" },
	}
	for name, spoil := range cases {
		st := savedAndRead(t, long)
		spoil(st.State)
		c := restoredFrom(long, stream)
		docs, seq := c.df.docs(), c.seq
		if err := c.ResumeStats(st); err == nil {
			t.Errorf("%s: resumed, want an error", name)
		}
		if c.background[avgCosBackground].n != 0 || c.df.docs() != docs || c.seq != seq || c.loneResumed {
			t.Errorf("%s: the refused state was taken in part", name)
		}
	}
}

// restoredWithState is restoredAsTheWriterDoes with the stories since the
// saved state's Since too, as the writer restores them (see engine's
// restoreWindow).
func restoredWithState(c *Clusterer, stream []news.Article, saved StreamStats) *Clusterer {
	cutoff := c.latest.Add(-c.opt.Window - 7*24*time.Hour)
	if since := saved.State.Since; since.Before(cutoff) {
		cutoff = since
	}
	return restoredSince(c, stream, cutoff)
}

// manyOpenStories is a clusterer of 4,000 invented reports of 400 topics
// over ten days (as BenchmarkCandidateLookup's), all its stories open, and
// the reports.
func manyOpenStories() (*Clusterer, []news.Article) {
	r := rand.New(rand.NewPCG(7, 8))
	c := New(Options{})
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const reports, topics = 4000, 400
	var stream []news.Article
	for i := range reports {
		when := start.Add(time.Duration(i) * 10 * 24 * time.Hour / reports)
		a := inventedReport(r, fmt.Sprintf("r%d", i), r.IntN(topics), when)
		stream = append(stream, a)
		c.Add(a)
	}
	return c, stream
}

// BenchmarkSaveStreamStats measures what a write adds to save the
// statistics and state (StreamStats encoded as the writer stores them) of
// a clusterer of many open stories, and reports the bytes stored.
//
//	go test ./internal/cluster -run '^$' -bench SaveStreamStats
func BenchmarkSaveStreamStats(b *testing.B) {
	c, _ := manyOpenStories()
	var n int
	for b.Loop() {
		row, err := json.Marshal(c.StreamStats())
		if err != nil {
			b.Fatal(err)
		}
		n = len(row)
	}
	st := c.StreamStats().State
	slots := 0
	for _, s := range st.Stories {
		slots += len(s.Terms)
	}
	b.ReportMetric(float64(n), "bytes")
	b.ReportMetric(float64(len(st.Stories)), "stories")
	b.ReportMetric(float64(slots), "slots")
	b.ReportMetric(float64(len(st.DF.Terms)), "terms")
}

// BenchmarkRestoreStreamState measures a restart of the clusterer of
// BenchmarkSaveStreamStats: its articles restored, the stored row decoded
// and resumed (ResumeStats, Resume); with "without", the restore alone,
// as before the state was saved.
//
//	go test ./internal/cluster -run '^$' -bench RestoreStreamState
func BenchmarkRestoreStreamState(b *testing.B) {
	c, stream := manyOpenStories()
	row, err := json.Marshal(c.StreamStats())
	if err != nil {
		b.Fatal(err)
	}
	for _, with := range []bool{true, false} {
		name := "with"
		if !with {
			name = "without"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				r := restoredFrom(c, stream)
				if with {
					var st StreamStats
					if err := json.Unmarshal(row, &st); err != nil {
						b.Fatal(err)
					}
					if err := r.ResumeStats(st); err != nil {
						b.Fatal(err)
					}
				}
				r.Resume()
			}
		})
	}
}
