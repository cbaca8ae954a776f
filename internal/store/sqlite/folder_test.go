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

// A --db that cannot name a file, a path ending in a slash (a folder that
// does not exist yet) or SQLite's file: URI form, is refused before any
// folder or file is made for it.
func TestAPathThatNamesNoFileIsRefusedFirst(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "archive") + "/", "file:" + filepath.Join(dir, "news.db")} {
		st, err := Open(context.Background(), path)
		if err == nil {
			st.Close()
			t.Errorf("%s opened as a database", path)
			continue
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%q does not name %s", err, path)
		}
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, "*")); len(entries) != 0 {
		t.Errorf("made for a path that names no file: %v", entries)
	}
}
