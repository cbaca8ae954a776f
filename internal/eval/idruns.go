package eval

import (
	"fmt"
	"strings"
)

// IDRun is a run of page ids of one width, First to Last inclusive
// ("0001-0956"): wcxb's ids fall in runs annotated by different
// conventions (its date gold is the day shown on 0001-0956 and the
// original publication on 4001-4917; docs/measurements/metadata.md,
// "Session 45"), so a held-out figure is read run by run.
type IDRun struct {
	First, Last string
}

// String writes the run as it is given, "First-Last".
func (r IDRun) String() string { return r.First + "-" + r.Last }

// Holds reports whether id is in the run: of the run's width and between
// its ends in string order, which for ids of digits of one width is
// numeric order.
func (r IDRun) Holds(id string) bool {
	return len(id) == len(r.First) && r.First <= id && id <= r.Last
}

// ParseIDRuns reads comma-separated runs "FIRST-LAST" (storyline eval meta
// --id-runs): both ends of a run of one width and in order, spaces about
// the commas and the dash passed over.
func ParseIDRuns(s string) ([]IDRun, error) {
	var out []IDRun
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		first, last, ok := strings.Cut(part, "-")
		first, last = strings.TrimSpace(first), strings.TrimSpace(last)
		switch {
		case !ok || first == "" || last == "":
			return nil, fmt.Errorf("id run %q: want FIRST-LAST, such as 0001-0956", part)
		case len(first) != len(last):
			return nil, fmt.Errorf("id run %q: its ends are of different widths (%d and %d characters)", part, len(first), len(last))
		case first > last:
			return nil, fmt.Errorf("id run %q: its first id comes after its last", part)
		}
		out = append(out, IDRun{First: first, Last: last})
	}
	return out, nil
}

// PickOutcomes counts held-out picks by HeldOutPick.Outcome.
type PickOutcomes struct {
	Right, Wrong, Missing, Extra, None int
}

// Gold is the number of picks whose gold has a value.
func (o PickOutcomes) Gold() int { return o.Right + o.Wrong + o.Missing }

// CountPicks counts the outcomes of the picks of field f on the pages of
// set whose id run holds.
func CountPicks(picks []HeldOutPick, set string, f MetaField, run IDRun) PickOutcomes {
	var o PickOutcomes
	for _, h := range picks {
		if h.Set != set || h.Field != f || !run.Holds(h.ID) {
			continue
		}
		switch h.Outcome() {
		case "right":
			o.Right++
		case "wrong":
			o.Wrong++
		case "missing":
			o.Missing++
		case "extra":
			o.Extra++
		default:
			o.None++
		}
	}
	return o
}
