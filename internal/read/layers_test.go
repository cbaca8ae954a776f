package read_test

import (
	"go/build"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source/feed"
)

const module = "github.com/storyline-news/storyline/internal/"

// TestLayers: the read side and what shows it do not reach the writer or a
// database backend (reading used to go through the pipeline package), and
// the engine does not reach a backend or the read side.
func TestLayers(t *testing.T) {
	_, here, _, _ := runtime.Caller(0)
	internal := filepath.Dir(filepath.Dir(here))
	for pkg, forbidden := range map[string][]string{
		"read":         {"engine", "store/sqlite", "server", "cli", "queue"},
		"view":         {"engine", "store/sqlite", "read", "server", "cli"},
		"server":       {"engine", "store/sqlite", "cli", "queue"},
		"engine":       {"store/sqlite", "read", "server", "cli", "view"},
		"projection":   {"engine", "store/sqlite", "read", "server"},
		"source":       {"engine", "store/sqlite", "read", "server"},
		"source/feed":  {"engine", "store/sqlite", "read", "server"},
		"store/sqlite": {"server", "cli"},
	} {
		p, err := build.ImportDir(filepath.Join(internal, pkg), 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			if name, ok := strings.CutPrefix(imp, module); ok && slices.Contains(forbidden, name) {
				t.Errorf("package %s imports %s", pkg, name)
			}
		}
	}
}

// TestPortsSpeakNewsTypes: the store and queue ports take and return news
// types (and the standard library's) only, so that a backend is written
// without importing another.
func TestPortsSpeakNewsTypes(t *testing.T) {
	allowed := map[string]bool{"": true, "context": true, "time": true, module + "news": true}
	var check func(port, method string, typ reflect.Type)
	check = func(port, method string, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
			check(port, method, typ.Elem())
			return
		case reflect.Map:
			check(port, method, typ.Key())
			check(port, method, typ.Elem())
			return
		case reflect.Func:
			for i := range typ.NumIn() {
				check(port, method, typ.In(i))
			}
			for i := range typ.NumOut() {
				check(port, method, typ.Out(i))
			}
			return
		}
		if !allowed[typ.PkgPath()] {
			t.Errorf("%s.%s uses %s", port, method, typ)
		}
	}
	for name, port := range map[string]reflect.Type{
		"engine.Store": reflect.TypeFor[engine.Store](),
		"engine.Queue": reflect.TypeFor[engine.Queue](),
		"read.Store":   reflect.TypeFor[read.Store](),
		"feed.Store":   reflect.TypeFor[feed.Store](),
	} {
		if port.NumMethod() == 0 {
			t.Fatalf("%s has no methods", name)
		}
		for i := range port.NumMethod() {
			m := port.Method(i)
			check(name, m.Name, m.Type)
		}
	}
}
