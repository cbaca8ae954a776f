package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runWithStdin runs the command line with the given standard input.
func runWithStdin(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
		logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := run(context.Background(), e, args)
	if err != nil {
		errOut.WriteString("storyline: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

const stdinPairs = `{"id1":"a","id2":"b","text1":"The mayor opened the new bridge on Monday.","text2":"On Monday the mayor opened the new bridge."}
{"id1":"c","id2":"d","text1":"The mayor opened the new bridge on Monday.","text2":"Heavy rain flooded the valley overnight."}
`

// pairs, cluster and annotate read the standard input when given - or no
// file, as they read a file.
func TestJSONLCommandsReadStdin(t *testing.T) {
	dir := t.TempDir()
	pairsFile := filepath.Join(dir, "p.pairs.jsonl")
	articles := `{"id":"a1","title":"Dock strike ends","text":"Dockworkers at the northern port voted to end their strike on Friday."}
{"id":"a2","title":"Dock strike is over","text":"Dockworkers at the northern port voted on Friday to end their strike."}
`
	artFile := filepath.Join(dir, "a.jsonl")
	for p, body := range map[string]string{pairsFile: stdinPairs, artFile: articles} {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		cmd, file, stdin string
	}{{"pairs", pairsFile, stdinPairs}, {"cluster", artFile, articles}, {"annotate", artFile, articles}} {
		want, _, code := storyline(t, tc.cmd, tc.file)
		if code != 0 || want == "" {
			t.Fatalf("%s %s: exit %d, %q", tc.cmd, tc.file, code, want)
		}
		for _, args := range [][]string{{tc.cmd, "-"}, {tc.cmd}} {
			got, errOut, code := runWithStdin(t, tc.stdin, args...)
			if code != 0 || got != want {
				t.Errorf("%v with the file on stdin: exit %d, stderr %q\ngot  %q\nwant %q", args, code, errOut, got, want)
			}
		}
	}
}

// add and extract read a pipe when given no argument; --format (add) and
// --input-format (extract) say what it holds where its first bytes would
// mislead.
func TestStdinFormat(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	jsonl := `{"id":"a1","source":"ledger","title":"Dock strike ends","text":"Dockworkers at the northern port voted to end their strike on Friday after a new wage offer."}
{"id":"a2","source":"courier","title":"Hospital wing opens","text":"The new children's wing of the city hospital opened its doors to its first patients."}
`
	out, errOut, code := runWithStdin(t, jsonl, "add", "--db", db, "--json")
	var sum struct{ Stored int }
	if err := json.Unmarshal([]byte(out), &sum); code != 0 || err != nil || sum.Stored != 2 {
		t.Errorf("add with JSONL piped and no argument: exit %d, %q %q", code, out, errOut)
	}
	// A text dump whose first character is a brace reads as JSONL unless
	// told otherwise.
	dump := "{Breaking} Harbour chief resigns\n\nThe harbour chief of the northern port resigned on Monday after an inquiry into the dredging contracts found that rules had been broken.\n\nShe had led the port authority for eleven years and oversaw its expansion.\n"
	if _, _, code := runWithStdin(t, dump, "extract", "-"); code == 0 {
		t.Errorf("extract - of a dump starting with a brace succeeded: the test no longer shows what --input-format is for")
	}
	out, errOut, code = runWithStdin(t, dump, "extract", "--input-format", "text", "-")
	var a struct{ ID, Text string }
	if err := json.Unmarshal([]byte(out), &a); code != 0 || err != nil || !strings.Contains(a.Text, "dredging contracts") || !strings.HasPrefix(a.ID, "stdin-") {
		t.Errorf("extract --input-format text: exit %d, %q, stderr %q", code, out, errOut)
	}
	out, errOut, code = runWithStdin(t, dump, "add", "--db", db, "--format", "text")
	if code != 0 || !strings.Contains(out, "1 article stored") {
		t.Errorf("add --format text with the dump piped: exit %d, %q %q", code, out, errOut)
	}
	for _, args := range [][]string{{"add", "--db", db, "--format", "pdf", "-"}, {"extract", "--input-format", "doc", "-"}} {
		_, errOut, code := runWithStdin(t, "", args...)
		if code != 2 || !strings.Contains(errOut, args[len(args)-3]) {
			t.Errorf("%v: exit %d, %q; want 2 naming the flag", args, code, errOut)
		}
	}
}
