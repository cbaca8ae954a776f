package cli

import (
	"errors"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestGivenLineThresholds: --line-blend "A,O" with --line-threshold puts
// the pair in a fitted model beside the one threshold; a malformed pair, or
// one without --line-threshold, is a usage error naming it; none given
// leaves the model's own thresholds.
func TestGivenLineThresholds(t *testing.T) {
	given, err := givenLineThresholds(0.35, " 0.4, 0.3", "")
	if err != nil {
		t.Fatal(err)
	}
	m := extract.Model{LineThreshold: 0.45, LineArticleThreshold: 0.475, LineOtherThreshold: 0.35}
	note := given.apply(&m)
	if m.LineThreshold != 0.35 || m.LineArticleThreshold != 0.4 || m.LineOtherThreshold != 0.3 || !strings.Contains(note, "article 0.400 other 0.300") {
		t.Errorf("applied: %.3f, article %.3f, other %.3f (%q); want 0.350, 0.400, 0.300 and the pair noted", m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold, note)
	}
	one, _ := givenLineThresholds(0.35, "", "")
	m = extract.Model{LineThreshold: 0.45, LineArticleThreshold: 0.475, LineOtherThreshold: 0.35}
	if one.apply(&m); m.BlendsLineThresholds() || m.LineThreshold != 0.35 {
		t.Errorf("--line-threshold alone: %.3f, article %.3f, other %.3f; want 0.350 and no blend", m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold)
	}
	none, _ := givenLineThresholds(0, "", "")
	m = extract.Model{LineThreshold: 0.45, LineArticleThreshold: 0.475, LineOtherThreshold: 0.35}
	if note := none.apply(&m); note != "" || m.LineThreshold != 0.45 || m.LineArticleThreshold != 0.475 || m.LineOtherThreshold != 0.35 {
		t.Errorf("nothing given, yet the model became %.3f, article %.3f, other %.3f (%q)", m.LineThreshold, m.LineArticleThreshold, m.LineOtherThreshold, note)
	}
	for _, c := range []struct {
		one   float64
		blend string
	}{{0.35, "0.4"}, {0.35, "0.4,x"}, {0.35, "0.4,1.2"}, {0.35, "0,0.3"}, {0.35, "0.4,0.3,0.2"}, {0, "0.4,0.3"}} {
		_, err := givenLineThresholds(c.one, c.blend, "")
		var u *UsageError
		if !errors.As(err, &u) || !strings.Contains(u.Msg, "--line-blend") {
			t.Errorf("--line-threshold %g --line-blend %q: error %v; want a usage error naming --line-blend", c.one, c.blend, err)
		}
		if c.one > 0 && !strings.Contains(u.Msg, c.blend) {
			t.Errorf("--line-blend %q: %q does not name the input", c.blend, u.Msg)
		}
	}
}
