package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A --db that names a folder is refused in words a user acts on (SQLite's
// own are "unable to open database file"), and nothing is made in it.
func TestAFolderIsNoDatabase(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(context.Background(), dir)
	if err == nil {
		st.Close()
		t.Fatal("a folder opened as a database")
	}
	want := "a folder, not a database file: name a file, such as " + filepath.Join(dir, "storyline.db")
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), want) {
		t.Errorf("%q; want it to name the folder and say %q", err, want)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, "*")); len(entries) != 0 {
		t.Errorf("files made in the folder: %v", entries)
	}
}
