package eval

import (
	"strings"
	"testing"
)

// TestParseIDRuns: spaces about the commas and the dashes are passed over
// ("0001 - 0956" is the run, not ends out of order).
func TestParseIDRuns(t *testing.T) {
	runs, err := ParseIDRuns("0001-0956, 4001 - 4917")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0] != (IDRun{"0001", "0956"}) || runs[1] != (IDRun{"4001", "4917"}) {
		t.Fatalf("runs %v", runs)
	}
	for _, tc := range []struct{ in, says string }{
		{"0001", "want FIRST-LAST"},
		{"0001-", "want FIRST-LAST"},
		{"1-0956", "different widths"},
		{"0956-0001", "comes after"},
	} {
		if _, err := ParseIDRuns(tc.in); err == nil || !strings.Contains(err.Error(), tc.says) || !strings.Contains(err.Error(), tc.in) {
			t.Errorf("ParseIDRuns(%q) = %v, want an error naming it and saying %q", tc.in, err, tc.says)
		}
	}
}

func TestIDRunHolds(t *testing.T) {
	r := IDRun{"0001", "0956"}
	for id, want := range map[string]bool{"0001": true, "0500": true, "0956": true, "0957": false, "4001": false, "001": false, "00500": false} {
		if got := r.Holds(id); got != want {
			t.Errorf("%v holds %q = %v, want %v", r, id, got, want)
		}
	}
}

// CountPicks counts each outcome of one set's field within the run only.
func TestCountPicksByIDRun(t *testing.T) {
	right := []PickCandidate{{Value: "2024-05-01", Right: true}}
	wrong := []PickCandidate{{Value: "2024-05-02"}}
	picks := []HeldOutPick{
		{Set: "wcxb", ID: "0007", Field: FieldDate, Gold: "2024-05-01", Taken: 0, Cands: right},
		{Set: "wcxb", ID: "0016", Field: FieldDate, Gold: "2024-05-01", Taken: 0, Cands: wrong},
		{Set: "wcxb", ID: "0018", Field: FieldDate, Gold: "2024-05-01", Taken: -1, Cands: wrong},
		{Set: "wcxb", ID: "0020", Field: FieldDate, Taken: 0, Cands: wrong},
		{Set: "wcxb", ID: "0021", Field: FieldDate, Taken: -1},
		{Set: "wcxb", ID: "4014", Field: FieldDate, Gold: "2024-05-01", Taken: 0, Cands: wrong},
		{Set: "wcxb", ID: "0007", Field: FieldTitle, Gold: "A", Taken: 0, Cands: wrong},
		{Set: "other", ID: "0007", Field: FieldDate, Gold: "2024-05-01", Taken: 0, Cands: wrong},
	}
	got := CountPicks(picks, "wcxb", FieldDate, IDRun{"0001", "0956"})
	if want := (PickOutcomes{Right: 1, Wrong: 1, Missing: 1, Extra: 1, None: 1}); got != want {
		t.Errorf("CountPicks = %+v, want %+v", got, want)
	}
	if got.Gold() != 3 {
		t.Errorf("Gold() = %d, want 3", got.Gold())
	}
}
