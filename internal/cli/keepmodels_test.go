package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeepModelsOnlyWhereARunKeepsThem checks that eval extract and eval
// cluster refuse --keep-models on a run that keeps no model, instead of
// ignoring it and leaving the folder empty after an hour's run.
func TestKeepModelsOnlyWhereARunKeepsThem(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "models")
	files := writeClusterSets(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"eval", "extract", "--cv", "--keep-models", folder, t.TempDir()}, "--keep-models keeps the models of --cv --site-folds K only"},
		{[]string{"eval", "extract", "--keep-models", folder, t.TempDir()}, "--keep-models keeps the models of --cv --site-folds K only"},
		{append([]string{"eval", "cluster", "--keep-models", folder}, files...), "--keep-models keeps the models of --loso only"},
	}
	for _, tt := range tests {
		out, errOut, code := storyline(t, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
	if _, err := os.Stat(folder); !os.IsNotExist(err) {
		t.Errorf("a refused run made its --keep-models folder (stat: %v)", err)
	}
}

// TestMakeModelFolderBeforeTheRun checks that the --keep-models folder is
// made, parents and all, before a run starts, and that a folder that cannot
// be made is named in the error.
func TestMakeModelFolderBeforeTheRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "runs", "today", "models")
	if err := makeModelFolder(dir); err != nil {
		t.Fatalf("makeModelFolder(%q): %v", dir, err)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Fatalf("folder %q not made: %v", dir, err)
	}
	if err := makeModelFolder(""); err != nil {
		t.Errorf("no folder asked: %v", err)
	}
	file := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := makeModelFolder(filepath.Join(file, "models"))
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("a folder under a file: error %v, want one naming %q", err, file)
	}
}
