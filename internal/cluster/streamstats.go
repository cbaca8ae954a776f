package cluster

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// StreamStats are the running statistics a clusterer draws from its whole
// stream and its stories do not hold, so that a clusterer rebuilt from
// storage (Restore) places the next articles as the one that stored them
// would have: the background of each stream-normalised signal (the
// z-scores the join model reads, the link step's z and the young story's
// prior, see normalized) and the take window's count of closed stories
// (see noteClosed), and the pace statistic the base window is read from
// (see notePace). Without them a restored clusterer starts the first two
// empty: it reads no z-score and no prior until its background holds
// minBackground values again, and the base take window until
// minPaceStories stories close again; and it reads the base window from
// the restored stories' spans alone, so that it takes as closed (and
// counts, or takes as counted) other stories than the one that stored
// them.
//
// With State, the rest of what placing reads and a restore does not
// rebuild (the whole stream's document frequencies, the stories' vectors
// as built, the settle marks, the lone step's list) comes back too.
type StreamStats struct {
	// Signals names the raw signal each background statistic is drawn
	// from, in Background's order: statistics saved by a clusterer that
	// normalised other signals are not resumed.
	Signals    []string      `json:"signals"`
	Background []RunningStat `json:"background"`
	// ClosedStories and ClosedSpan are the count and summed span of the
	// stream's closed stories of two or more dated articles; the sum is
	// ClosedSpanOver × 2^63 ns + ClosedSpan (ClosedSpan below 2^63: see
	// spanSum; ClosedSpanOver is 0, and left out, below 292 years in all).
	ClosedStories  int           `json:"closed_stories"`
	ClosedSpan     time.Duration `json:"closed_span_ns"`
	ClosedSpanOver int64         `json:"closed_span_over,omitempty"`
	// PacedStories and PacedSpan are the count and summed span of every
	// story of two or more dated articles of the stream (the pace
	// statistic, see paceStat), those let go of too, the sum split as
	// ClosedSpan's. Statistics saved before they were have none: the
	// restored stories' are kept.
	PacedStories  int           `json:"paced_stories,omitempty"`
	PacedSpan     time.Duration `json:"paced_span_ns,omitempty"`
	PacedSpanOver int64         `json:"paced_span_over,omitempty"`
	// Latest is the stream's latest publication time, and Uncounted and
	// Counted the held stories whose count as closed is not what Latest
	// says (see closedCount).
	Latest    time.Time `json:"latest,omitzero"`
	Uncounted []string  `json:"uncounted,omitempty"`
	Counted   []string  `json:"counted,omitempty"`
	// State is what else the stories and stream hold that a restore does
	// not rebuild to the bit (see StreamState). Statistics saved before it
	// was have none: the restored stories keep what their restore gave.
	State *StreamState `json:"state,omitempty"`
}

// closedCount says which stories of two or more dated articles a
// clusterer's closed count (done) holds, for a clusterer restored from its
// stories to take those as counted (Resume): the stories closed at the
// stream's latest time (closesAt), but those counted are not always those
// (a story counted at a settle and regrouped after it leaves the count,
// and closes again only at the next sweep; one counted may be reopened by
// a window that grew), so it names the held stories on which the two
// differ, a few at most. A restored story the clusterer no longer held
// was let go of closed (see evict), and counted.
type closedCount struct {
	latest             time.Time
	uncounted, counted map[string]bool
}

// counts reports whether the statistics count story id as closed; closed
// says whether its window had passed at the latest time they were saved at.
func (cc *closedCount) counts(id string, closed bool) bool {
	if closed {
		return !cc.uncounted[id]
	}
	return cc.counted[id]
}

// countExceptions lists the held stories whose count as closed is not
// what the latest time says (see closedCount), sorted so that one state
// saves as the same bytes.
func (c *Clusterer) countExceptions() (uncounted, counted []string) {
	for id, s := range c.stories {
		if s.merged || !counts(s) {
			continue
		}
		switch closes := c.closedBy(s, c.latest); {
		case closes && !s.closed:
			uncounted = append(uncounted, id)
		case !closes && s.closed:
			counted = append(counted, id)
		}
	}
	slices.Sort(uncounted)
	slices.Sort(counted)
	return uncounted, counted
}

// RunningStat is one background statistic: how many values it weighs
// (at most backgroundHorizon), their mean and their variance.
type RunningStat struct {
	N        float64 `json:"n"`
	Mean     float64 `json:"mean"`
	Variance float64 `json:"variance"`
}

// normalizedSignals names the raw signal of each background statistic.
func normalizedSignals() []string {
	names := make([]string, len(normalized))
	for k, p := range normalized {
		names[k] = signalNames[p[1]]
	}
	return names
}

// StreamStats returns the clusterer's running statistics of its stream, to
// be stored beside its stories (see ResumeStats).
func (c *Clusterer) StreamStats() StreamStats {
	st := c.streamStats()
	st.State = c.streamState()
	return st
}

// streamStats is StreamStats with no State.
func (c *Clusterer) streamStats() StreamStats {
	st := StreamStats{
		Signals:       normalizedSignals(),
		Background:    make([]RunningStat, len(c.background)),
		ClosedStories: c.done.n,
		PacedStories:  c.pace.n,
		Latest:        c.latest,
	}
	st.ClosedSpanOver, st.ClosedSpan = c.done.sum.split()
	st.PacedSpanOver, st.PacedSpan = c.pace.sum.split()
	st.Uncounted, st.Counted = c.countExceptions()
	for k, b := range c.background {
		st.Background[k] = RunningStat{N: b.n, Mean: b.mean, Variance: b.variance}
	}
	return st
}

// Check says what makes saved statistics ones ResumeStats refuses (of
// other signals, or not numbers a statistic can hold), nil when nothing
// does: a restore checks them before it reads the stories they name.
func (st *StreamStats) Check() error {
	if want := normalizedSignals(); !slices.Equal(st.Signals, want) || len(st.Background) != len(want) {
		return fmt.Errorf("stream statistics of signals %v (%d statistics), this clusterer normalises %v", st.Signals, len(st.Background), want)
	}
	for k, b := range st.Background {
		if !finite(b.N, b.Mean, b.Variance) || b.N < 0 || b.N > backgroundHorizon || b.Variance < 0 {
			return fmt.Errorf("stream statistic of %s: n %v, mean %v, variance %v is no running statistic", st.Signals[k], b.N, b.Mean, b.Variance)
		}
	}
	if !spanStat(st.ClosedStories, st.ClosedSpanOver, st.ClosedSpan) {
		return fmt.Errorf("stream statistics: %d closed stories spanning %d × 2^63 ns + %v in all", st.ClosedStories, st.ClosedSpanOver, st.ClosedSpan)
	}
	if !spanStat(st.PacedStories, st.PacedSpanOver, st.PacedSpan) || st.PacedStories > 0 && st.PacedStories < st.ClosedStories {
		return fmt.Errorf("stream statistics: %d stories spanning %d × 2^63 ns + %v in all, %d closed", st.PacedStories, st.PacedSpanOver, st.PacedSpan, st.ClosedStories)
	}
	if st.State != nil {
		if err := st.State.check(); err != nil {
			return err
		}
	}
	return nil
}

// ResumeStats gives a clusterer rebuilt with Restore the running
// statistics of the one that stored its stories (StreamStats), after its
// Restores (the pace statistic it gives back holds the restored stories
// already) and before Resume: the restored stories they count as closed
// are then taken as counted, not counted again. Statistics of other
// signals, or not numbers a statistic can hold, are refused with an error
// that says what is wrong, and the clusterer keeps its own.
func (c *Clusterer) ResumeStats(st StreamStats) error {
	if err := st.Check(); err != nil {
		return err
	}
	for k, b := range st.Background {
		c.background[k] = runningStat{n: b.N, mean: b.Mean, variance: b.Variance}
	}
	if st.State != nil {
		c.resumeState(st.State)
	}
	c.done = paceStat{sum: joinSpanSum(st.ClosedSpanOver, st.ClosedSpan), n: st.ClosedStories}
	if st.PacedStories > 0 {
		c.pace = paceStat{sum: joinSpanSum(st.PacedSpanOver, st.PacedSpan), n: st.PacedStories}
	}
	c.resumed = &closedCount{latest: st.Latest, uncounted: idSet(st.Uncounted), counted: idSet(st.Counted)}
	c.notePace() // the base window
	c.noteTake() // which notePace does not set with no story paced
	return nil
}

// spanStat reports whether n stories spanning over × 2^63 ns + rest in
// all (see spanSum.split) can be a paceStat: none negative, no span
// without a story, and less than n × 2^63 ns in all, since a story spans
// at most a time.Duration (a damaged row's mean span past one would
// overflow the base window's conversion from it).
func spanStat(n int, over int64, rest time.Duration) bool {
	return n >= 0 && rest >= 0 && over >= 0 && (over == 0 || over < int64(n)) && (n > 0 || rest == 0)
}

// finite reports whether every x is a number other than an infinity.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// idSet is the set of the ids of xs.
func idSet(xs []string) map[string]bool {
	set := make(map[string]bool, len(xs))
	for _, x := range xs {
		set[x] = true
	}
	return set
}
