package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomicKeepsTheOldFileOnFailure: a write that replaces a
// file leaves the new text and no temporary file; one that fails (here the
// path is a folder, which the rename cannot replace) leaves what was there
// and no temporary file either.
func TestWriteFileAtomicKeepsTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	if err := os.WriteFile(path, []byte(`{"old":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte(`{"new":2}`)); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != `{"new":2}` {
		t.Errorf("replaced file holds %q", got)
	}
	folder := filepath.Join(dir, "folder.json")
	if err := os.MkdirAll(filepath.Join(folder, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(folder, []byte("x")); err == nil {
		t.Errorf("writing over a folder: no error")
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		t.Errorf("the folder written over is gone: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		for _, e := range entries {
			t.Errorf("left in the folder: %s", e.Name())
		}
	}
}

// TestFoldErrorSaysTheFoldStopped: a fit that failed because the run was
// stopped is named by its fold and says it stopped, without the inner
// detail; any other failure keeps its error.
func TestFoldErrorSaysTheFoldStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	inner := errors.New("fit block classifier: first stage: fit boosted model: stopped after 3 of 200 trees: context canceled")
	if err := foldError(ctx, 3, 13, "leave out wcxb", inner); err.Error() != "fold 3 of 13 (leave out wcxb): "+inner.Error() {
		t.Errorf("a failed fold: %v", err)
	}
	cancel()
	err := foldError(ctx, 3, 13, "leave out wcxb", inner)
	if err.Error() != "fold 3 of 13 (leave out wcxb) stopped: context canceled" || !errors.Is(err, context.Canceled) {
		t.Errorf("a stopped fold: %v", err)
	}
}
