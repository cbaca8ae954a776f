package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An empty JSONL or WARC file named to add, and empty standard input to
// cluster, annotate or pairs, is a failed input named as empty (exit 1),
// as an empty page file is, not a run that reads nothing and exits 0.
func TestEmptyInputsAreNamedAsEmpty(t *testing.T) {
	dir := t.TempDir()
	jsonl, warc := filepath.Join(dir, "harbour.jsonl"), filepath.Join(dir, "crawl.warc")
	for _, p := range []string{jsonl, warc} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, errOut, code := storyline(t, "add", "--db", filepath.Join(dir, "s.db"), jsonl, warc)
	for _, want := range []string{jsonl + ": empty: no JSON lines", warc + ": empty: no WARC records"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("add of empty files: exit %d, %q; want 1 and %q", code, errOut, want)
		}
	}
	for _, cmd := range []string{"cluster", "annotate", "pairs"} {
		out, errOut, code := runWithEnv(t, nil, cmd)
		if code != 1 || out != "" || !strings.Contains(errOut, "stdin: empty: no JSON lines") {
			t.Errorf("%s of empty stdin: exit %d, stdout %q, stderr %q; want 1 and stdin named as empty", cmd, code, out, errOut)
		}
	}
}

// An --addr no machine could listen on (a port past 65535, no port) is a
// usage error (exit 2) before anything is opened, from the command line or
// $STORYLINE_ADDR; the variable is named.
func TestAnAddressNoMachineListensOnIsAUsageError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	for _, args := range [][]string{
		{"serve", "--db", db, "--addr", "newsroom.example:99999"},
		{"serve", "--db", db, "--addr", "127.0.0.1"},
		{"worker", "--queue", "nats://127.0.0.1:1", "--addr", ":70000"},
	} {
		_, errOut, code := storyline(t, args...)
		if code != 2 || !strings.Contains(errOut, "--addr ") {
			t.Errorf("storyline %s: exit %d, %q; want 2 and --addr named", strings.Join(args, " "), code, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("the database was made for a server that could not listen")
	}
	_, errOut, code := runWithEnv(t, map[string]string{"STORYLINE_ADDR": ":99999"}, "demo")
	if code != 2 || !strings.Contains(errOut, `the port "99999" is not a number from 0 to 65535 (--addr is $STORYLINE_ADDR's value)`) {
		t.Errorf("demo with STORYLINE_ADDR=:99999: exit %d, %q", code, errOut)
	}
}

// A value a command refuses (a negative count), set by a variable and not
// on the command line, is named with the variable, so that a user who
// typed no such flag learns where it came from.
func TestARefusedValueFromAVariableNamesIt(t *testing.T) {
	vars := map[string]string{"STORYLINE_WORKERS": "-3", "STORYLINE_TAKE": "-1"}
	for _, args := range [][]string{{"add", "page.html"}, {"annotate", "articles.jsonl"}, {"worker", "--queue", "nats://127.0.0.1:1", "--workers", "2"}} {
		_, errOut, code := runWithEnv(t, vars, args...)
		want := "is $STORYLINE_WORKERS's value)"
		if args[0] == "worker" {
			want = "is $STORYLINE_TAKE's value)"
		}
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("storyline %s with %v: exit %d, %q; want 2 and %q", strings.Join(args, " "), vars, code, errOut, want)
		}
	}
	if _, errOut, _ := storyline(t, "add", "--workers", "-3", "page.html"); strings.Contains(errOut, "$STORYLINE_WORKERS") {
		t.Errorf("a value typed on the command line is put on a variable: %q", errOut)
	}
	if mentionsFlag("--take-all 3: refused", "take") || !mentionsFlag("--take and --fetch-delay", "take") || !mentionsFlag("x --take", "take") {
		t.Errorf("mentionsFlag reads --take-all as --take, or misses --take")
	}
}

// Removing an alias that is not stored says so in one sentence, without
// the store's ": not found" after it.
func TestRemovingAnUnknownAliasSaysItOnce(t *testing.T) {
	dir := t.TempDir()
	db, in := filepath.Join(dir, "s.db"), filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a","source":"Quay Gazette","title":"Ferry resumes","text":"The ferry resumed on Tuesday."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: exit %d, %s", code, errOut)
	}
	_, errOut, code := storyline(t, "sources", "alias", "--db", db, "--remove", "quayside")
	if code != 1 || !strings.Contains(errOut, `no alias "quayside" is stored (storyline sources lists them)`+"\n") {
		t.Errorf("sources alias --remove of no alias: exit %d, %q", code, errOut)
	}
}
