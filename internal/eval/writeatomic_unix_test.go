//go:build unix

package eval

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

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
