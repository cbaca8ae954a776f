package cluster

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// pacedBy is a clusterer whose pace statistic holds n stories of span
// each, its base window read from them.
func pacedBy(n int, span time.Duration) *Clusterer {
	c := New(Options{})
	first := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		c.pace.add(&story{storyHead: &storyHead{n: 2}, first: first, last: first.Add(span)})
	}
	c.notePace()
	return c
}

// A long-lived store's stories span more than a time.Duration holds in
// all (292 years: 2,400 stories of 50 days, as the issue-14 stream's
// 100,000 articles had): the pace statistic still reads their mean span,
// and a restart resumes it.
func TestAPaceOfMoreThan292YearsInAllIsReadAndResumed(t *testing.T) {
	span := 50 * 24 * time.Hour
	few, many := pacedBy(100, span), pacedBy(2400, span)
	if many.base != few.base || many.base <= many.opt.Window {
		t.Fatalf("base window of 2,400 stories of 50 days %v, of 100 such stories %v (Window %v)", many.base, few.base, many.opt.Window)
	}
	data, err := json.Marshal(many.StreamStats())
	if err != nil {
		t.Fatal(err)
	}
	var saved StreamStats
	if err := json.Unmarshal(data, &saved); err != nil {
		t.Fatal(err)
	}
	resumed := New(Options{})
	if err := resumed.ResumeStats(saved); err != nil {
		t.Fatalf("the saved statistics are refused: %v", err)
	}
	if resumed.pace != many.pace || resumed.base != many.base {
		t.Errorf("resumed pace %+v, base %v; saved %+v, base %v", resumed.pace, resumed.base, many.pace, many.base)
	}
	// below 2^63 ns in all they save as before the sum was wide (no field
	// of its overflow), so that earlier versions read them
	data, err = json.Marshal(few.StreamStats())
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); strings.Contains(s, "span_over") || !strings.Contains(s, `"paced_span_ns":432000000000000000`) {
		t.Errorf("statistics of 100 stories of 50 days saved as %s", s)
	}
}

// The sum adds and takes out spans across 2^63 and 2^64 ns, and splits
// and joins as saved.
func TestSpanSumCrossesTheDurationsLimit(t *testing.T) {
	const most = time.Duration(1<<63 - 1)
	var w spanSum
	for range 5 {
		w = w.plus(most)
	}
	if over, rest := w.split(); over != 4 || rest != most-4 {
		t.Errorf("five of the longest durations split as %d × 2^63 + %d", over, rest)
	}
	if got := w.float(); got != 5*float64(most) {
		t.Errorf("five of the longest durations read %g, want %g", got, 5*float64(most))
	}
	if joinSpanSum(w.split()) != w {
		t.Errorf("%+v does not join back from its split", w)
	}
	for range 5 {
		w = w.minus(most)
	}
	if w != (spanSum{}) {
		t.Errorf("the spans added and taken out leave %+v", w)
	}
	if w := spanSumOf(time.Hour).minus(2 * time.Hour).plus(time.Hour); w != (spanSum{}) {
		t.Errorf("an hour below zero and back leaves %+v", w)
	}
	if over, _ := spanSumOf(-time.Hour).split(); over >= 0 {
		t.Errorf("a negative sum splits with over %d", over)
	}
}

// Stories of decades (articles dated years apart, as an import of an
// archive may give) lengthen the windows to MaxWindow, as any span past
// it does: the pace times the mean span, or a story's own span times
// PaceFactor, past 292 years did not wrap to a negative duration (the
// base window fell to Window, a story's horizon below zero).
func TestSpansOfDecadesWidenTheWindowsToTheirCap(t *testing.T) {
	span := 40 * 365 * 24 * time.Hour // 16 times it is past 292 years
	c := pacedBy(minPaceStories, span)
	if c.base != c.opt.MaxWindow {
		t.Errorf("base window %v after stories of 40 years, want MaxWindow %v", c.base, c.opt.MaxWindow)
	}
	for range minPaceStories {
		c.done.sum, c.done.n = c.done.sum.plus(span), c.done.n+1
	}
	c.noteTake()
	if c.take != c.base {
		t.Errorf("take window %v after closed stories of 40 years, want the base %v", c.take, c.base)
	}
	first := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &story{storyHead: &storyHead{n: 2}, first: first, last: first.Add(1<<63 - 1)}
	if h := c.horizon(s); h != c.opt.MaxWindow {
		t.Errorf("horizon %v of a story of 292 years, want MaxWindow %v", h, c.opt.MaxWindow)
	}
	if h := c.takeHorizon(s); h != c.opt.MaxWindow {
		t.Errorf("take horizon %v of a story of 292 years, want MaxWindow %v", h, c.opt.MaxWindow)
	}
}
