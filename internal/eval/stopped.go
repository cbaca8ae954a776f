package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// foldError is the error of fold i of n (counted from 1), named name, whose
// fit failed with err: when ctx has ended, the fold says it was stopped,
// with ctx's error and nothing of where inside the fit it stopped ("fold 3
// of 13 (leave out wcxb) stopped: context canceled").
func foldError(ctx context.Context, i, n int, name string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("fold %d of %d (%s) stopped: %w", i, n, name, ctx.Err())
	}
	return fmt.Errorf("fold %d of %d (%s): %w", i, n, name, err)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder renamed over it, so that a run stopped or failing mid-write leaves
// the file as it was (or none), never a truncated model.
func WriteFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}
