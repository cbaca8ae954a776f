package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
)

// TestTextFoldModelKeepsItsOwnLineKindThresholds: a text fold model kept
// by --keep-models is put in the embedded model with its own line
// thresholds by kind, none when it has none: the embedded model's were
// chosen on every dump, the fold's scored ones among them, and must not
// reach a fold model that never had them (the embedded model of session
// 46 has collection and forum).
func TestTextFoldModelKeepsItsOwnLineKindThresholds(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(extract.EmbeddedModelJSON(), &m); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(f int, kinds any) {
		if kinds == nil {
			delete(m, "line_kind_thresholds")
		} else {
			m["line_kind_thresholds"] = kinds
		}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "site-fold-"+string(rune('0'+f))+"-of-2.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(1, nil)
	write(2, map[string]float64{"listing": 0.125})
	models, err := LoadFoldModels(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != 2 || models[0].LineKindThresholds != nil || len(models[1].LineKindThresholds) != 1 || models[1].LineKindThresholds["listing"] != 0.125 {
		t.Errorf("fold models' line thresholds by kind %v; want none, then listing 0.125 alone", [][]any{{models[0].LineKindThresholds}, {models[1].LineKindThresholds}})
	}
}
