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
// (see noteClosed). Without them a restored clusterer starts both empty:
// it reads no z-score and no prior until its background holds
// minBackground values again, and the base take window until
// minPaceStories stories close again.
//
// What a restored clusterer still counts afresh: the document frequencies
// and the mean word vector, from the restored articles only (the last
// window's, not the whole stream's).
type StreamStats struct {
	// Signals names the raw signal each background statistic is drawn
	// from, in Background's order: statistics saved by a clusterer that
	// normalised other signals are not resumed.
	Signals    []string      `json:"signals"`
	Background []RunningStat `json:"background"`
	// ClosedStories and ClosedSpan are the count and summed span of the
	// stream's closed stories of two or more dated articles.
	ClosedStories int           `json:"closed_stories"`
	ClosedSpan    time.Duration `json:"closed_span_ns"`
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
	st := StreamStats{
		Signals:       normalizedSignals(),
		Background:    make([]RunningStat, len(c.background)),
		ClosedStories: c.done.n,
		ClosedSpan:    c.done.sum,
	}
	for k, b := range c.background {
		st.Background[k] = RunningStat{N: b.n, Mean: b.mean, Variance: b.variance}
	}
	return st
}

// ResumeStats gives a clusterer rebuilt with Restore the running
// statistics of the one that stored its stories (StreamStats), before
// Resume: the restored stories already closed are then taken as counted
// in them, not counted again. Statistics of other signals, or not
// numbers a statistic can hold, are refused with an error that says what
// is wrong, and the clusterer keeps its own.
func (c *Clusterer) ResumeStats(st StreamStats) error {
	if want := normalizedSignals(); !slices.Equal(st.Signals, want) || len(st.Background) != len(want) {
		return fmt.Errorf("stream statistics of signals %v (%d statistics), this clusterer normalises %v", st.Signals, len(st.Background), want)
	}
	for k, b := range st.Background {
		if !finite(b.N, b.Mean, b.Variance) || b.N < 0 || b.N > backgroundHorizon || b.Variance < 0 {
			return fmt.Errorf("stream statistic of %s: n %v, mean %v, variance %v is no running statistic", st.Signals[k], b.N, b.Mean, b.Variance)
		}
	}
	if st.ClosedStories < 0 || st.ClosedSpan < 0 || (st.ClosedStories == 0 && st.ClosedSpan != 0) {
		return fmt.Errorf("stream statistics: %d closed stories spanning %v in all", st.ClosedStories, st.ClosedSpan)
	}
	for k, b := range st.Background {
		c.background[k] = runningStat{n: b.N, mean: b.Mean, variance: b.Variance}
	}
	c.done = paceStat{sum: st.ClosedSpan, n: st.ClosedStories}
	c.statsResumed = true
	c.noteTake()
	return nil
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
