package eval

import (
	"os"
	"path/filepath"
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

// TestWriteFileAtomicWritesThroughALinkToANewFile: a link made before its
// model exists (a "current" link naming tomorrow's dated file) is written
// through as os.WriteFile did: the file it names is made, the link kept
// (before, the rename replaced the link by a plain file and made none).
func TestWriteFileAtomicWritesThroughALinkToANewFile(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink("model-2026-12-07.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte(`{"new":1}`)); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v, %v", st.Mode(), err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "model-2026-12-07.json")); string(got) != `{"new":1}` {
		t.Errorf("the file the link names holds %q (%v), want the new model", got, err)
	}
}
