package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The built-in link model is fitted on the repository's labels: scored on
// them (--check alone) its figures are in sample and say so, whether the
// file is named from the repository's root or another folder; other files
// are not.
func TestBuiltinFittedOn(t *testing.T) {
	other := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"../compare/models/links.labels.tsv":       true,
		"internal/compare/models/links.labels.tsv": true,
		other:                         false,
		"../compare/models/link.json": false,
	} {
		if got := builtinFittedOn(path); got != want {
			t.Errorf("builtinFittedOn(%q) = %v, want %v", path, got, want)
		}
	}
}

// eval links --check alone on the labels the built-in model was fitted on
// calls its figures in sample, not held out (skipped without ../shared).
func TestEvalLinksCheckInSample(t *testing.T) {
	bench := "../../../shared/bench/stories"
	if _, err := os.Stat(bench); err != nil {
		t.Skip("no bench files:", err)
	}
	out, errOut, code := storyline(t, "eval", "links", "--bench", bench, "--check", "../compare/models/links.labels.tsv")
	if code != 0 || strings.Count(out, "(in sample: the built-in model was fitted on these labels") != 6 || strings.Contains(out, "fitted on other labels") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant six sets (bench files) marked in sample", code, errOut, out)
	}
}

// eval links --precision is a share of right links: 0, a negative share or
// one over 1 is a usage error, not a cut chosen for nothing.
func TestEvalLinksPrecisionIsAShare(t *testing.T) {
	for _, p := range []string{"0", "-0.5", "1.5", "NaN"} {
		_, errOut, code := storyline(t, "eval", "links", "--precision", p, "x.tsv")
		if code != 2 || !strings.Contains(errOut, "--precision") {
			t.Errorf("--precision %s: exit %d, stderr %q; want a usage error naming the flag", p, code, errOut)
		}
	}
}

// eval links --check alone scores the built-in model, cut for
// compare.LinkPrecision: another --precision would set its figures beside a
// fact score cut for another share, so it is a usage error naming both.
func TestEvalLinksCheckAloneKeepsTheBuiltinPrecision(t *testing.T) {
	_, errOut, code := storyline(t, "eval", "links", "--check", "x.tsv", "--precision", "0.9")
	if code != 2 || !strings.Contains(errOut, "--precision 0.9") || !strings.Contains(errOut, "built-in") {
		t.Errorf("exit %d, stderr %q; want a usage error naming --precision and the built-in model", code, errOut)
	}
}

// eval links --precision chooses the fact score's cut (and the model's
// threshold) for another share of right links: a lower share, a lower cut
// (skipped without ../shared).
func TestEvalLinksPrecisionMovesTheCut(t *testing.T) {
	bench := "../../../shared/bench/stories"
	if _, err := os.Stat(bench); err != nil {
		t.Skip("no bench files:", err)
	}
	cut := func(p string) float64 {
		out, errOut, code := storyline(t, "eval", "links", "--bench", bench, "--precision", p, "../compare/models/links.labels.tsv")
		if code != 0 {
			t.Fatalf("--precision %s: exit %d, stderr %q", p, code, errOut)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "all: ") {
				f, err := strconv.ParseFloat(strings.TrimSuffix(strings.Fields(strings.SplitN(l, "fact score from ", 2)[1])[0], ":"), 64)
				if err != nil {
					t.Fatalf("--precision %s: %v in %q", p, err, l)
				}
				return f
			}
		}
		t.Fatalf("--precision %s: no in-sample line in\n%s", p, out)
		return 0
	}
	if lo, hi := cut("0.75"), cut("0.9"); !(lo < hi) {
		t.Errorf("fact score cut %.3f for 75%% right, %.3f for 90%%; want the lower share to cut lower", lo, hi)
	}
}
