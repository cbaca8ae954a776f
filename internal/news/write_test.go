package news

import "testing"

// The summary counts in the noun's number: one input read, not "1 inputs".
func TestSummarySaysOneInputInTheSingular(t *testing.T) {
	one := RunSummary{Read: 1, Stored: 1, StoriesNew: 1}.String()
	if want := "1 input read, 1 article stored, 0 already stored, 1 story new, 0 updated, 0 failed"; one != want {
		t.Errorf("got  %q\nwant %q", one, want)
	}
	two := RunSummary{Read: 2, Stored: 0, StoriesNew: 2}.String()
	if want := "2 inputs read, 0 articles stored, 0 already stored, 2 stories new, 0 updated, 0 failed"; two != want {
		t.Errorf("got  %q\nwant %q", two, want)
	}
	if q := (RunSummary{Read: 1, Queued: 1}).String(); q != "1 input read, 1 queued for the workers, 0 failed" {
		t.Errorf("queued: %q", q)
	}
}
