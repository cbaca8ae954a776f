package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestModelFileWithBadLineKindThresholds: a model file given to eval
// extract --model whose line thresholds by kind name a kind no dump is
// called, the article, or a threshold outside (0, 1) (null reads as 0) is
// refused before any page is read, the error naming the file and the kind.
func TestModelFileWithBadLineKindThresholds(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(extract.EmbeddedModelJSON(), &m); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct{ name, kinds, kind string }{
		{"misspelt", `{"colection":0.1}`, `"colection"`},
		{"article", `{"article":0.3}`, `"article"`},
		{"above one", `{"forum":1.5}`, `"forum"`},
		{"null", `{"listing":null}`, `"listing"`},
	} {
		m["line_kind_thresholds"] = json.RawMessage(c.kinds)
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := storyline(t, "eval", "extract", "--text", "--model", file, dir)
		if code == 0 || !strings.Contains(stderr, file) || !strings.Contains(stderr, c.kind) {
			t.Errorf("%s: exit %d, %q; want an error naming %s and %s", c.name, code, stderr, file, c.kind)
		}
	}
}
