package cli

import (
	"errors"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestGivenLineKindThresholds: --line-kind-thresholds as --cv prints it
// puts the thresholds by kind in a fitted model, its figures noting them,
// and leaves its blend alone; "none" or nothing puts none; a malformed
// list is a usage error naming the input and what is wrong.
func TestGivenLineKindThresholds(t *testing.T) {
	given, err := givenLineThresholds(0, "", "collection=0.125, listing=0.100")
	if err != nil {
		t.Fatal(err)
	}
	m := extract.Model{LineThreshold: 0.35, LineArticleThreshold: 0.4, LineOtherThreshold: 0.2}
	note := given.apply(&m)
	if m.LineKindThresholds["listing"] != 0.1 || m.LineKindThresholds["collection"] != 0.125 || len(m.LineKindThresholds) != 2 {
		t.Errorf("applied %v, want listing 0.1 and collection 0.125", m.LineKindThresholds)
	}
	if m.LineThreshold != 0.35 || m.LineArticleThreshold != 0.4 || m.LineOtherThreshold != 0.2 {
		t.Errorf("the blend changed: %.3f, article %.3f, other %.3f", m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold)
	}
	if !strings.Contains(note, "collection=0.125,listing=0.100") {
		t.Errorf("figures note %q does not name the thresholds", note)
	}
	for _, s := range []string{"", "none"} {
		none, err := givenLineThresholds(0, "", s)
		m := extract.Model{LineThreshold: 0.35}
		if none.apply(&m); err != nil || m.LineKindThresholds != nil {
			t.Errorf("%q: %v, %v; want no thresholds by kind", s, m.LineKindThresholds, err)
		}
	}
	for _, c := range []struct{ in, why string }{
		{"listing", `no "="`}, {"listing=x", "not a number"}, {"listing=0.1,listing=0.2", "twice"},
		{"listng=0.1", "not a kind"}, {"article=0.3", "not a kind"}, {"listing=1.2", "(0, 1)"},
	} {
		_, err := givenLineThresholds(0, "", c.in)
		var u *UsageError
		if !errors.As(err, &u) || !strings.Contains(u.Msg, "--line-kind-thresholds") || !strings.Contains(u.Msg, c.in) || !strings.Contains(u.Msg, c.why) {
			t.Errorf("--line-kind-thresholds %q: error %v; want a usage error naming it and %q", c.in, err, c.why)
		}
	}
}
