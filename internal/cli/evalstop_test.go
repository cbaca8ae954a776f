package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cancelOnLine is a stderr that cancels a run's context when a line
// holding trigger is written to it, as a user pressing Ctrl-C on reading
// it would: a cancel from the run's own progress, not from a timer.
type cancelOnLine struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	trigger string
	cancel  context.CancelFunc
}

func (w *cancelOnLine) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if strings.Contains(string(p), w.trigger) {
		w.cancel()
	}
	return w.buf.Write(p)
}

// TestEvalExtractCVStopsWhenCancelled cancels `eval extract --cv
// --site-folds 2 --keep-models DIR` as the first fold's fit starts: the
// run stops in that fit with an error naming the fold, exits with status
// 130, and keeps no model of the fold it stopped (before, the fit ran to
// its end whatever the context said, and its model was written).
func TestEvalExtractCVStopsWhenCancelled(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "invented")
	writeInventedExtractionSet(t, dir)
	models := filepath.Join(t.TempDir(), "models")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errOut := &cancelOnLine{trigger: "site fold 1/2\n", cancel: cancel}
	var out bytes.Buffer
	err := Main(ctx, []string{"eval", "extract", "--cv", "--site-folds", "2", "--keep-models", models,
		"--one-stage", "--trees", "50", "--depth", "2", "--min-leaf", "1e-6", "--workers", "1", dir}, &out, errOut)
	want := "eval extract: fold 1 of 2 (site fold 1/2) stopped: context canceled"
	if err == nil || err.Error() != want {
		t.Fatalf("cancelled run: error %v, want %q\nstderr:\n%s", err, want, errOut.buf.String())
	}
	if code := ExitCode(err); code != ExitInterrupted {
		t.Errorf("cancelled run: exit status %d, want %d", code, ExitInterrupted)
	}
	kept, _ := os.ReadDir(models)
	for _, f := range kept {
		t.Errorf("cancelled run left %s in the models folder", f.Name())
	}
}

// TestStoppedErrorNamesTheCommand: a stopped run's error names the command
// whether or not the error says where it stopped; other errors pass as
// they are.
func TestStoppedErrorNamesTheCommand(t *testing.T) {
	if got := stoppedError("eval meta", context.Canceled).Error(); got != "eval meta stopped: context canceled" {
		t.Errorf("bare cancel: %q", got)
	}
	other := os.ErrNotExist
	if got := stoppedError("eval meta", other); got != other {
		t.Errorf("another error: %v, want it as it was", got)
	}
}
