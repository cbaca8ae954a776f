package cluster

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// developing is report j of developing story k: the story's own words,
// and words of the report's own interleaved, so that reports are alike
// but not copies.
func developing(k, j int, at time.Time) news.Article {
	var b strings.Builder
	for m := range 48 {
		fmt.Fprintf(&b, "dv%ds%d ", k, m%9)
		if m%3 == 0 {
			fmt.Fprintf(&b, "up%da%dw%d ", k, j, m)
		}
	}
	return news.Article{ID: fmt.Sprintf("dev%d-%d", k, j), Published: at, Title: fmt.Sprintf("Dv%d affair update", k), Text: b.String()}
}

// warmPace streams stories told within an hour, enough for the take
// window once they have closed.
func warmPace(c *Clusterer) { streamHourStories(c, minPaceStories) }

// streamHourStories streams n stories told within an hour: a made-up
// report and its copy an hour later, the stories six hours apart from
// day 1.
func streamHourStories(c *Clusterer, n int) {
	for i := range n {
		a := filler(i)
		a.Published = day(1).Add(time.Duration(i) * 6 * time.Hour)
		c.Add(a)
		a.ID += "-copy"
		a.Published = a.Published.Add(time.Hour)
		c.Add(a)
	}
}

// TestTakeWindowLiveStream streams a live feed that starts busy: 40
// stories, each told by two outlets within an hour on its first day and
// then developing with a report every three days for three weeks. The
// stories of two reports on the first day are many and short only
// because the stream has just begun: the take window must not fall to a
// day on them (it did when it read open stories' spans: 320 stories).
func TestTakeWindowLiveStream(t *testing.T) {
	for _, pace := range []float64{4, 16} {
		c := New(Options{StreamPace: pace})
		t0 := time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)
		var ids []string
		for d := 0; d <= 21; d += 3 {
			for k := range 40 {
				at := t0.Add(time.Duration(d)*24*time.Hour + time.Duration(k)*10*time.Minute)
				reps := 1
				if d == 0 {
					reps = 2
				}
				for r := range reps {
					a := developing(k, d*10+r, at.Add(time.Duration(r)*time.Hour))
					c.Add(a)
					ids = append(ids, a.ID)
				}
			}
		}
		c.Settle()
		assigned := map[string]string{}
		for id, s := range c.stories {
			if !s.merged {
				for _, a := range s.ids {
					assigned[a] = id
				}
			}
		}
		stories := map[string]bool{}
		for _, id := range ids {
			stories[assigned[id]] = true
		}
		if len(stories) > 40 {
			t.Errorf("pace %v: 40 developing stories of %d reports made %d stories (take window %v)", pace, len(ids), len(stories), c.take)
		}
	}
}

// jobless is a weekly-claims roundup: the topic's words, and words of its
// own (extra) interleaved.
func jobless(id string, at time.Time, extra string) news.Article {
	var b strings.Builder
	for m := range 36 {
		fmt.Fprintf(&b, "jobless%d claims%d ", m%7, m%5)
		if m%4 == 0 {
			fmt.Fprintf(&b, "%s%d ", extra, m)
		}
	}
	return news.Article{ID: id, Published: at, Title: "Weekly jobless claims " + extra, Text: b.String()}
}

// TestTakeWindowCandidatesRanked (once warmPace's stories have closed,
// from day 16): an article whose story (A, three hours
// earlier) is within the take window, while six stories of other days on
// its topic, closer to it in words, are outside it. Those must not use up
// the scored candidates: B joins A when it comes (it started a story of
// its own, and A and the other days' roundups were merged into it at the
// next settle), and the other days' roundups stay apart.
func TestTakeWindowCandidatesRanked(t *testing.T) {
	c := New(Options{StreamPace: 4})
	warmPace(c)
	ids := map[string]string{}
	for i := 5; i >= 0; i-- {
		id := fmt.Sprintf("e%d", i)
		ids[id] = c.Add(jobless(id, day(23).Add(-27*time.Hour-time.Duration(i)*26*time.Hour), fmt.Sprintf("xshared xb xc xd xe e%dq", i))).StoryID
	}
	a := c.Add(jobless("A", day(23), "aown"))
	b := c.Add(jobless("B", day(23).Add(3*time.Hour), "xshared xb xc xd xe bown"))
	if c.take >= c.base {
		t.Fatalf("take window %v, not shorter than the base %v", c.take, c.base)
	}
	if a.StoryID != b.StoryID {
		t.Errorf("B, three hours after A, did not join it: %s", b.Reason)
	}
	z := filler(777)
	z.Published = day(24).Add(time.Hour)
	c.Add(z) // a new day: the stream settles
	ids["A"], ids["B"] = a.StoryID, b.StoryID
	ApplyChanges(ids, c.TakeChanges())
	for i := range 6 {
		if e := fmt.Sprintf("e%d", i); ids[e] == ids["B"] {
			t.Errorf("%s, of a day outside the take window, was merged with B", e)
		}
	}
}

// TestTakeWindowDailyRoundupsStayApart: roundups of one topic on six
// consecutive dates without times, each a day after the last, on a
// stream whose take window is a day: each stays a story of its own, as
// the take window's comment says, and do not chain into one.
func TestTakeWindowDailyRoundupsStayApart(t *testing.T) {
	c := New(Options{StreamPace: 4})
	warmPace(c)
	stories := map[string]bool{}
	for d := range 6 {
		at := time.Date(2026, 11, 16+d, 0, 0, 0, 0, time.UTC)
		m := c.Add(jobless(fmt.Sprintf("r%d", d), at, fmt.Sprintf("day%dx", d)))
		stories[m.StoryID] = true
		if d > 0 && !strings.Contains(m.Reason, "take window") {
			t.Errorf("roundup %d: the reason does not say the other days' roundups were outside the take window: %s", d, m.Reason)
		}
	}
	if c.take != 24*time.Hour {
		t.Fatalf("take window %v, want a day", c.take)
	}
	if len(stories) != 6 {
		t.Errorf("6 daily roundups made %d stories", len(stories))
	}
}

// TestTakeWindowUndatedStream: an undated stream has no spans, and keeps
// its window in arrivals whatever the pace (the take window stays the
// base): two reports of the strike with undated stories between join.
func TestTakeWindowUndatedStream(t *testing.T) {
	c := New(Options{StreamPace: 4})
	for i := range 2 * minPaceStories {
		a := filler(i)
		c.Add(a)
		a.ID += "-copy"
		c.Add(a)
	}
	wire, rewrite := strikeWire, strikeRewrite
	wire.Published, rewrite.Published = time.Time{}, time.Time{}
	w := c.Add(wire)
	for i := range 20 {
		c.Add(filler(1000 + i))
	}
	if c.take != c.base {
		t.Errorf("undated stream: take window %v, base %v", c.take, c.base)
	}
	if m := c.Add(rewrite); m.StoryID != w.StoryID {
		t.Errorf("undated rewrite did not join the wire: %s", m.Reason)
	}
}

// TestTakeWindowNearDuplicate: a near copy of the strike's wire five days
// later, on a stream whose take window is a day, is not put in the
// wire's story by the near-duplicate shortcut (as scoring would not put
// it there); a copy an hour later is.
func TestTakeWindowNearDuplicate(t *testing.T) {
	for _, tc := range []struct {
		after time.Duration
		want  bool
	}{{time.Hour, true}, {5 * 24 * time.Hour, false}} {
		c := New(Options{StreamPace: 4})
		warmPace(c)
		wire := strikeWire
		wire.Published = day(20)
		w := c.Add(wire)
		cp := strikeCopy
		cp.Published = day(20).Add(tc.after)
		m := c.Add(cp)
		if c.take != 24*time.Hour {
			t.Fatalf("take window %v, want a day", c.take)
		}
		if got := m.StoryID == w.StoryID; got != tc.want {
			t.Errorf("copy %v later: in the wire's story %v, want %v (%s)", tc.after, got, tc.want, m.Reason)
		}
	}
}

// TestTakeWindowMerges: two stories of one topic, of two articles each and
// three days apart, on a stream whose take window is a day, are not merged
// when the stream settles (closestStory's take check).
func TestTakeWindowMerges(t *testing.T) {
	c := New(Options{StreamPace: 4})
	warmPace(c)
	p1 := c.Add(jobless("p1", day(20), "pp"))
	c.Add(jobless("p2", day(20).Add(time.Hour), "pp"))
	q1 := c.Add(jobless("q1", day(23), "qq"))
	c.Add(jobless("q2", day(23).Add(time.Hour), "qq"))
	z := filler(777)
	z.Published = day(24)
	c.Add(z) // a new day: the stream settles
	ids := map[string]string{"p1": p1.StoryID, "q1": q1.StoryID}
	ApplyChanges(ids, c.TakeChanges())
	if c.take != 24*time.Hour {
		t.Fatalf("take window %v, want a day", c.take)
	}
	if ids["p1"] == ids["q1"] {
		t.Errorf("stories three days apart were merged")
	}
}

// TestTakeWindowAfterRestore: a clusterer rebuilt from the stories of a
// stream whose take window is a day (Restore, then Resume) places the
// next article, of the same day as the restored latest, with the same take
// window: a rewrite of the strike three days after its wire starts a
// story of its own, live and restored alike. (Stories the writer does not
// restore cannot count; see Resume.)
func TestTakeWindowAfterRestore(t *testing.T) {
	live := New(Options{StreamPace: 4})
	assigned := map[string]string{}
	var arts []news.Article
	add := func(a news.Article) {
		assigned[a.ID] = live.Add(a).StoryID
		arts = append(arts, a)
	}
	for i := range minPaceStories {
		a := filler(i)
		a.Published = day(1).Add(time.Duration(i) * 6 * time.Hour)
		add(a)
		a.ID += "-copy"
		a.Published = a.Published.Add(time.Hour)
		add(a)
	}
	wire := strikeWire
	wire.Published = day(20)
	add(wire)
	other := filler(500)
	other.Published = day(23)
	add(other) // the restored stream's latest: a new day, which settles
	ApplyChanges(assigned, live.TakeChanges())
	restored := New(Options{StreamPace: 4})
	for _, a := range arts {
		restored.Restore(a, assigned[a.ID])
	}
	restored.Resume()
	late := strikeRewrite
	late.Published = day(23).Add(time.Hour)
	lj := live.Add(late).StoryID == assigned["wire"]
	rj := restored.Add(late).StoryID == assigned["wire"]
	if live.take != restored.take || lj != rj {
		t.Errorf("a restart changed the take window %v -> %v, and the rewrite's placement with the wire %v -> %v", live.take, restored.take, lj, rj)
	}
	// Both had the one-day take window (the copies an hour apart), so the
	// rewrite, three days after the wire, stays apart from it.
	if live.take != 24*time.Hour || lj {
		t.Errorf("the live run's take window %v (want 24h), the rewrite joined the wire: %v (want false)", live.take, lj)
	}
}

// TestTakeWindowMoveTarget: regrouping moves the fire's reports out of a
// story that mixes them with the strike's to the fire's own story when it
// is within the take window (two hours earlier), not when it is outside
// (three days earlier, on a stream whose take window is a day).
func TestTakeWindowMoveTarget(t *testing.T) {
	for _, tc := range []struct {
		fireAt time.Time
		want   bool
	}{{day(23).Add(-2 * time.Hour), true}, {day(20), false}} {
		c := New(Options{StreamPace: 4})
		warmPace(c)
		fr := fireReport
		fr.Published = tc.fireAt
		fire := c.stories[c.Add(fr).StoryID]
		mixStoryAt(t, c, day(23))
		if c.take != 24*time.Hour {
			t.Fatalf("take window %v, want a day", c.take)
		}
		s := c.stories["mixed"]
		group, pOwn := c.bisect(s)
		if to, p := c.moveTarget(s, group, pOwn, []*story{fire}); (to == fire) != tc.want {
			t.Errorf("fire's story published %v: the fire's reports move to it %v (%.3f), want %v", tc.fireAt, to == fire, p, tc.want)
		}
	}
}

// TestTakeWindowRejoins: the check that a regrouping would not be undone
// (rejoins) does not count a merge across the take window, which the
// settle would not make: the strike's wire and its rewrite three days
// later, on a stream whose take window is a day, would not join again;
// an hour later they would.
func TestTakeWindowRejoins(t *testing.T) {
	for _, tc := range []struct {
		after time.Duration
		want  bool
	}{{time.Hour, true}, {3 * 24 * time.Hour, false}} {
		c := New(Options{StreamPace: 4})
		warmPace(c)
		w, r := strikeWire, strikeRewrite
		w.Published = day(20)
		r.Published = day(20).Add(tc.after)
		c.Restore(w, "s")
		c.Restore(r, "t")
		c.Settle()
		if c.take != 24*time.Hour {
			t.Fatalf("take window %v, want a day", c.take)
		}
		if got := c.rejoins(c.stories["s"], c.stories["t"], nil); got != tc.want {
			t.Errorf("rewrite %v after the wire: rejoins %v, want %v", tc.after, got, tc.want)
		}
	}
}

// TestClosedCountRevocable: a story counted as closed (see noteClosed)
// that then changes leaves the count, and counts once, with its final
// span, when it closes again: merged into another (as EndDay's settle may
// do after counting it), split, or taking an article once a wider base
// window reopened it. Before, each was counted twice or with a stale span.
func TestClosedCountRevocable(t *testing.T) {
	pair := func(c *Clusterer, i int, at time.Time) *story {
		a := filler(i)
		a.Published = at
		id := c.Add(a).StoryID
		a.ID += "-copy"
		a.Published = at.Add(time.Hour)
		c.Add(a)
		return c.stories[id]
	}
	later := day(60)
	wantDone := func(t *testing.T, c *Clusterer, n int, sum time.Duration) {
		t.Helper()
		if c.done.n != n || c.done.sum != spanSumOf(sum) {
			t.Errorf("closed statistic counts %d stories spanning %v, want %d spanning %v", c.done.n, c.done.sum, n, sum)
		}
	}
	t.Run("merged", func(t *testing.T) {
		c := New(Options{StreamPace: 4})
		s, u := pair(c, 1, day(1)), pair(c, 2, day(3))
		c.noteClosed(s, later)
		c.absorb(u, s)
		wantDone(t, c, 0, 0)
		c.noteClosed(s, later)
		c.noteClosed(u, later)
		wantDone(t, c, 1, u.span())
	})
	t.Run("split", func(t *testing.T) {
		c := New(Options{StreamPace: 4})
		s := pair(c, 1, day(1))
		a := filler(1)
		a.ID, a.Published = "third", day(1).Add(5*time.Hour)
		c.Add(a)
		c.noteClosed(s, later)
		c.detach(s, s.kept[len(s.kept)-1])
		wantDone(t, c, 0, 0)
		c.noteClosed(s, later)
		wantDone(t, c, 1, s.span())
	})
	t.Run("reopened", func(t *testing.T) {
		c := New(Options{StreamPace: 4})
		s := pair(c, 1, day(1))
		c.noteClosed(s, later)
		a := filler(1)
		a.ID, a.Published = "third", day(2)
		if c.Add(a).StoryID != s.id {
			t.Fatal("the third report did not join its story")
		}
		wantDone(t, c, 0, 0)
		c.noteClosed(s, later)
		wantDone(t, c, 1, s.span())
	})
}

// twoPassStream is TestTakeWindowCandidatesRanked's stream up to A: A's
// story within the take window of an article three hours after it, six
// roundups of other days on its topic outside it, and two stories of other
// subjects within it.
func twoPassStream() *Clusterer {
	c := New(Options{StreamPace: 4})
	warmPace(c)
	for i := 5; i >= 0; i-- {
		id := fmt.Sprintf("e%d", i)
		c.Add(jobless(id, day(23).Add(-27*time.Hour-time.Duration(i)*26*time.Hour), fmt.Sprintf("xshared xb xc xd xe e%dq", i)))
	}
	c.Add(jobless("A", day(23), "aown"))
	for k := range 2 { // stories of other subjects within the take window, sharing a few of the topic's words
		var b strings.Builder
		for m := range 40 {
			fmt.Fprintf(&b, "oth%dw%d ", k, m%11)
			if m%8 == 0 {
				fmt.Fprintf(&b, "jobless%d claims%d ", m%7, m%5)
			}
		}
		c.Add(news.Article{ID: fmt.Sprintf("o%d", k), Published: day(23).Add(time.Duration(k+1) * 20 * time.Minute), Title: fmt.Sprintf("Other %d", k), Text: b.String()})
	}
	return c
}

// scoreNew scores an article's candidates as Add does for a new article.
func scoreNew(c *Clusterer, a news.Article) []*story {
	f := Prepare(a).f
	c.learn(f)
	c.seq++
	cands, _ := c.score(c.prepareQuery(f), f.when)
	return cands
}

// TestTakeWindowBackgroundOnce: with a take window shorter than the base,
// the two scoring passes feed the background statistics once, exactly as
// one pass with the take window set to the base does.
func TestTakeWindowBackgroundOnce(t *testing.T) {
	b := jobless("B", day(23).Add(3*time.Hour), "xshared xb xc xd xe bown")
	short, base := twoPassStream(), twoPassStream()
	if short.take >= short.base {
		t.Fatalf("take window %v, not shorter than the base %v", short.take, short.base)
	}
	base.take = base.base
	scoreNew(short, b)
	scoreNew(base, b)
	if short.outside == 0 {
		t.Fatal("no candidate outside the take window: one pass only")
	}
	if short.background != base.background {
		t.Errorf("background statistics %v with the take window, %v with the base", short.background, base.background)
	}
}

// TestTakeWindowExamplesOnce: the training rows (Examples) of an article
// scored in two passes (a take window shorter than the base) are those of
// the second: one per candidate within the take window.
func TestTakeWindowExamplesOnce(t *testing.T) {
	c := twoPassStream()
	rows := map[*story]int{}
	c.examples = func(_ []float64, s *story) { rows[s]++ }
	in := scoreNew(c, jobless("B", day(23).Add(3*time.Hour), "xshared xb xc xd xe bown"))
	if c.outside == 0 || len(in) == 0 {
		t.Fatalf("%d candidates within the take window, %d outside: not two passes", len(in), c.outside)
	}
	for s, n := range rows {
		if n != 1 || !slices.Contains(in, s) {
			t.Errorf("story %s gave %d training rows (within the take window: %v)", s.id, n, slices.Contains(in, s))
		}
	}
}

// TestClosedCountedAtEviction: stories let go of before any settle counted
// them (a restore of a thousand articles evicts without settling) are
// counted by the eviction, so that Resume finds the take window's
// statistic complete.
func TestClosedCountedAtEviction(t *testing.T) {
	c := New(Options{StreamPace: 4})
	for i := range minPaceStories {
		a := filler(i)
		a.Published = day(1).Add(time.Duration(i) * 6 * time.Hour)
		c.Restore(a, fmt.Sprintf("p%d", i))
		a.ID += "-copy"
		a.Published = a.Published.Add(time.Hour)
		c.Restore(a, fmt.Sprintf("p%d", i))
	}
	for j := 0; c.seq < 1000; j++ {
		a := filler(1000 + j)
		a.Published = day(40).Add(time.Duration(j) * time.Minute)
		c.Restore(a, a.ID)
	}
	if _, held := c.stories["p0"]; held {
		t.Fatal("the first pair was not let go of")
	}
	c.Resume()
	if c.done.n != minPaceStories {
		t.Errorf("%d closed stories counted, want the %d let go of", c.done.n, minPaceStories)
	}
}
