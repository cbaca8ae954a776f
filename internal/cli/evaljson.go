package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"
)

// An eval mode reports each of its results (a report struct of package
// eval) with e.report; `eval MODE --json` then prints them, with the lines
// the mode printed, as one JSON object:
//
//	{"command": "eval pairs", "reports": [{"kind": ..., "report": {...}}], "output": ["line", ...]}
//
// so that scripts read the figures without parsing the lines.

// evalReport is one result of an eval run.
type evalReport struct {
	Kind   string `json:"kind"`
	Report any    `json:"report"`
}

// report records one result of an eval mode for --json; without --json it
// does nothing.
func (e env) report(kind string, v any) {
	if e.reports != nil {
		*e.reports = append(*e.reports, evalReport{Kind: kind, Report: jsonSafe(reflect.ValueOf(v))})
	}
}

// runEvalJSON runs an eval mode with its text output captured and prints
// its reports and that output as one JSON object.
func runEvalJSON(ctx context.Context, e env, name string, run func(context.Context, env, []string) error, args []string) error {
	var text bytes.Buffer
	reports := []evalReport{}
	inner := e
	inner.stdout, inner.reports = &text, &reports
	err := run(ctx, inner, args)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimRight(text.String(), "\n"), "\n")
	if text.Len() == 0 {
		lines = []string{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Command string       `json:"command"`
		Reports []evalReport `json:"reports"`
		Output  []string     `json:"output"`
	}{name, reports, lines})
}

// jsonSafe turns a report into values encoding/json always takes: NaN and
// infinite figures (an F1 of an empty set) become null, durations seconds,
// map keys strings; exported struct fields keep their json names.
func jsonSafe(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.Type() == reflect.TypeFor[time.Duration]() {
		return time.Duration(v.Int()).Seconds()
	}
	if v.CanInterface() && v.Kind() != reflect.Pointer {
		if m, ok := v.Interface().(json.Marshaler); ok {
			return m // time.Time, news.Article: their own JSON
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return jsonSafe(v.Elem())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case reflect.Struct:
		out := map[string]any{}
		addFields(v, out)
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[fmt.Sprint(it.Key().Interface())] = jsonSafe(it.Value())
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []any{}
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = jsonSafe(v.Index(i))
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	}
	return nil // functions, channels, complex numbers: nothing JSON holds
}

// addFields puts a struct's exported fields into out under their json
// names (embedded structs' fields at the same level, as encoding/json does).
func addFields(v reflect.Value, out map[string]any) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addFields(v.Field(i), out) // promoted, even from an unexported type
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		out[name] = jsonSafe(fv)
	}
}
