package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// eval meta --days fails before reading any page when its file cannot be
// written, saying which flag, and refuses the fitting modes it would ignore.
func TestEvalMetaDaysFlag(t *testing.T) {
	dir := t.TempDir()
	missingSet := filepath.Join(dir, "no-such-set")
	_, errOut, code := storyline(t, "eval", "meta", "--days", filepath.Join(dir, "no", "dir", "out.tsv"), missingSet)
	if code != 1 || !strings.Contains(errOut, "eval meta --days: open ") {
		t.Errorf("--days into a missing folder: exit %d, %q; want 1 and the flag's error before the set is read", code, errOut)
	}
	for _, mode := range []string{"--fit", "--loso", "--cv=5"} {
		_, errOut, code := storyline(t, "eval", "meta", "--days", filepath.Join(dir, "out.tsv"), mode, missingSet)
		if code != 2 || !strings.Contains(errOut, "does not combine") {
			t.Errorf("--days with %s: exit %d, %q; want a usage error", mode, code, errOut)
		}
	}
}
