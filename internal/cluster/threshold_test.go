package cluster

import (
	"testing"
	"time"
)

// TestDatedArticlesReadTheDatedJoinThreshold checks that a model with a
// join threshold of its own for dated articles holds the dated ones to it
// and the undated ones to the other (an own report of the wire's event joins
// it at a probability between the two), and that Options.Threshold, set
// alone, holds for both.
func TestDatedArticlesReadTheDatedJoinThreshold(t *testing.T) {
	m := *DefaultModel()
	m.JoinThreshold, m.DatedJoinThreshold = 0.01, 0.999
	run := func(opt Options, dated bool) (joined bool, threshold float64) {
		wire, rewrite := strikeWire, strikeOwnReport
		if !dated {
			wire.Published, rewrite.Published = time.Time{}, time.Time{}
		}
		c := New(opt)
		first := c.Add(wire).StoryID
		got := c.Add(rewrite)
		return got.StoryID == first, got.Threshold
	}
	if joined, th := run(Options{Model: &m}, false); !joined || th != 0.01 {
		t.Errorf("undated own report: joined %v at threshold %v, want joined at the undated 0.01", joined, th)
	}
	if joined, th := run(Options{Model: &m}, true); joined || th != 0.999 {
		t.Errorf("dated own report: joined %v at threshold %v, want apart at the dated 0.999", joined, th)
	}
	if joined, th := run(Options{Model: &m, Threshold: 0.02}, true); !joined || th != 0.02 {
		t.Errorf("dated own report with Threshold 0.02 set: joined %v at threshold %v, want joined at 0.02", joined, th)
	}
	if m.JoinThresholdFor(true) != 0.999 || m.JoinThresholdFor(false) != 0.01 {
		t.Errorf("JoinThresholdFor: %v, %v", m.JoinThresholdFor(true), m.JoinThresholdFor(false))
	}
	m.DatedJoinThreshold = 0
	if m.JoinThresholdFor(true) != 0.01 {
		t.Errorf("a model without a dated threshold gives %v for dated articles, want its join threshold", m.JoinThresholdFor(true))
	}
}

func TestLoadModelRefusesADatedThresholdOutOfRange(t *testing.T) {
	if _, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[1,0],"Bias":0},"join_threshold":0.2,"dated_join_threshold":1.5,"merge_threshold":0.5}`)); err == nil {
		t.Error("a dated join threshold of 1.5 was accepted")
	}
	m, err := LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[1,0],"Bias":0},"join_threshold":0.2,"dated_join_threshold":0.3,"merge_threshold":0.5}`))
	if err != nil || m.JoinThresholdFor(true) != 0.3 {
		t.Errorf("LoadModel: %v, %+v", err, m)
	}
}
