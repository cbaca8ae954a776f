package news

import (
	"encoding/json"
	"testing"
	"time"
)

// FirstReport: the earliest article reported first when every other
// outlet's came later by more than the times' precision; its own outlet's
// updates do not count; a date alone or an undated article ties.
func TestFirstReport(t *testing.T) {
	at := time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		arts []Article
		want bool
	}{
		{"earlier than the other outlet", []Article{{Source: "Orrin Wire", Published: at}, {Source: "Kettleby Gazette", Published: at.Add(time.Hour)}}, true},
		{"only its own updates after it", []Article{{Source: "Orrin Wire", Published: at}, {Source: "orrin wire", Published: at.Add(time.Hour)}}, false},
		{"filed under one outlet", []Article{{Source: "ow", OutletKey: "orrinwire", Published: at}, {Source: "Orrin Wire", OutletKey: "orrinwire", Published: at.Add(time.Hour)}}, false},
		{"a date alone ties with that day", []Article{{Source: "Orrin Wire", Published: day, DateOnly: true}, {Source: "Kettleby Gazette", Published: at}}, false},
		{"midnight given as a time is a time", []Article{{Source: "Orrin Wire", Published: day}, {Source: "Kettleby Gazette", Published: at}}, true},
		{"an undated other ties", []Article{{Source: "Orrin Wire", Published: at}, {Source: "Kettleby Gazette"}}, false},
		{"none", nil, false},
	} {
		if got := FirstReport(InTimelineOrder(c.arts)); got != c.want {
			t.Errorf("%s: FirstReport = %v, want %v", c.name, got, c.want)
		}
	}
}

// A capture of a record holding another text never becomes an article's
// first capture (the record its text was read from), is the same record
// whatever its mark, and keeps its mark through JSON.
func TestACaptureOfChangedTextIsNeverTheFirst(t *testing.T) {
	var a Article
	changed := Capture{Archive: "later.warc", RecordID: "<urn:uuid:9>", TargetURI: "https://orrin.example/a", Offset: 10, TextChanged: true}
	if !a.AddCapture(changed) || !a.Capture.IsZero() || len(a.Captures()) != 1 || !a.Captures()[0].TextChanged {
		t.Fatalf("after a changed capture: first %+v, captures %+v; want none first, one listed", a.Capture, a.Captures())
	}
	same := changed
	same.TextChanged = false
	if a.AddCapture(same) {
		t.Error("the same record unmarked was added again")
	}
	b, err := json.Marshal(changed)
	if err != nil {
		t.Fatal(err)
	}
	var back Capture
	if err := json.Unmarshal(b, &back); err != nil || back != changed {
		t.Errorf("JSON %s read back as %+v, %v", b, back, err)
	}
}
