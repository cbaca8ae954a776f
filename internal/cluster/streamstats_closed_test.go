package cluster

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// burstStream is a dated stream of invented events over four months, each
// event four reports of words of its own: the first half's events develop
// over two days, the second half's within two hours, so that stories close
// through the stream and the stream's pace (the mean span of its stories)
// is not that of its last weeks.
func burstStream() []news.Article { return burstStreamOf(80) }

// burstStreamOf is burstStream of the given number of events.
func burstStreamOf(events int) []news.Article {
	r := rand.New(rand.NewPCG(21, 22))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var stream []news.Article
	for e := range events {
		at := start.Add(time.Duration(e) * 36 * time.Hour)
		spread := 48 * time.Hour
		if e >= events/2 {
			spread = 2 * time.Hour
		}
		for i := range 4 {
			stream = append(stream, inventedReport(r, fmt.Sprintf("e%dr%d", e, i), e, at.Add(time.Duration(i)*spread/4)))
		}
	}
	return stream
}

// closedIDs are the ids of the stories c holds counted as closed.
func closedIDs(c *Clusterer) map[string]bool {
	ids := map[string]bool{}
	for id, s := range c.stories {
		if s.closed && !s.merged {
			ids[id] = true
		}
	}
	return ids
}

// A clusterer resumed with the statistics of the one that stored its
// stories takes as counted exactly the restored stories the statistics
// count: one taken as counted that the statistics do not hold is lost from
// them, one they hold that it does not take is counted again when it
// closes.
func TestResumedStatsTakeAsCountedTheStoriesTheyCount(t *testing.T) {
	stream := burstStream()
	for _, cut := range []int{120, 200, 201, 280, 302, 320} { // 200 and 280 lost stories when the pace statistic was not resumed, 302 one a settle regrouped
		long := New(Options{})
		for _, a := range stream[:cut] {
			long.Add(a)
		}
		if cut%2 == 0 {
			long.Settle() // as at a job's end; an odd cut is a write within one
		}
		resumed := restoredAsTheWriterDoes(long, stream[:cut])
		var saved StreamStats
		if b, err := json.Marshal(long.StreamStats()); err != nil {
			t.Fatal(err)
		} else if err := json.Unmarshal(b, &saved); err != nil {
			t.Fatal(err)
		}
		if err := resumed.ResumeStats(saved); err != nil {
			t.Fatal(err)
		}
		resumed.Resume()
		want, got := closedIDs(long), closedIDs(resumed)
		for id := range got {
			if !want[id] && long.stories[id] != nil {
				t.Errorf("cut %d: story %s taken as counted after the resume, not counted in the statistics saved (lost from them)", cut, id)
			}
		}
		for id := range want {
			if resumed.stories[id] != nil && !got[id] {
				t.Errorf("cut %d: story %s counted in the statistics saved, not taken as counted after the resume (counted again when it closes)", cut, id)
			}
		}
		if resumed.base != long.base {
			t.Errorf("cut %d: base window %v after the resume, %v in the long run", cut, resumed.base, long.base)
		}
	}
}

// restoredAsTheWriterDoes is restoredFrom with only the stories the
// engine's writer restores: those whose latest article is within Window and
// 7 days of the stream's latest (see engine's restore).
func restoredAsTheWriterDoes(c *Clusterer, stream []news.Article) *Clusterer {
	return restoredSince(c, stream, c.latest.Add(-c.opt.Window-7*24*time.Hour))
}
