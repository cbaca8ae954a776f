package eval

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileAtomicWritesThroughASymlink: a model path that is a symbolic
// link (a "current" model pointing at a dated file) is written through, as
// os.WriteFile did: the link stays a link and its target holds the new
// model, with the target's permissions kept (before, the rename replaced
// the link by a plain file of mode 0644 and left the target as it was).
func TestWriteFileAtomicWritesThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "model-2026-12-06.json")
	if err := os.WriteFile(target, []byte(`{"old":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink(filepath.Base(target), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte(`{"new":2}`)); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", st.Mode(), err)
	}
	if got, _ := os.ReadFile(target); string(got) != `{"new":2}` {
		t.Errorf("the link's target holds %q, want the new model", got)
	}
	if st, err := os.Stat(target); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode is %v (%v), want 0600 kept", st.Mode().Perm(), err)
	}
}

// TestWriteFileAtomicWritesIntoAPipe: a path that is not a regular file (a
// named pipe here; /dev/stdout, which as root the rename would replace for
// the whole machine) is written into, not renamed over.
func TestWriteFileAtomicWritesIntoAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// A reader opened without blocking, so that the write's open finds it
	// and the read afterwards gets what was written, then the end.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := WriteFileAtomic(fifo, []byte(`{"model":1}`)); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: mode %v, %v", st.Mode(), err)
	}
	if got, _ := io.ReadAll(r); string(got) != `{"model":1}` {
		t.Errorf("the pipe's reader got %q", got)
	}
}
