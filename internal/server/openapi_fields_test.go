package server

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// jsonFields are the JSON names of a struct type's fields.
func jsonFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// findProperty returns the schema of the first property called name met
// in a walk of the document, nil when there is none.
func findProperty(doc any, name string) map[string]any {
	switch v := doc.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			if p, ok := props[name].(map[string]any); ok {
				return p
			}
		}
		for _, child := range v {
			if p := findProperty(child, name); p != nil {
				return p
			}
		}
	case []any:
		for _, child := range v {
			if p := findProperty(child, name); p != nil {
				return p
			}
		}
	}
	return nil
}

// TestOpenAPIDescribesEveryDerivationField checks that the story's
// "derivations" schema names every field a derivation's JSON can carry
// (news.Derivation), so that a client reading the document learns of
// "tied" and "same_outlet".
func TestOpenAPIDescribesEveryDerivationField(t *testing.T) {
	b, err := staticFS.ReadFile("static/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	derivations := findProperty(doc, "derivations")
	if derivations == nil {
		t.Fatal("openapi.json has no derivations property")
	}
	items, _ := derivations["items"].(map[string]any)
	props, _ := items["properties"].(map[string]any)
	for _, field := range jsonFields(reflect.TypeFor[news.Derivation]()) {
		if _, ok := props[field]; !ok {
			t.Errorf("openapi.json's derivations do not describe %q", field)
		}
	}
}
