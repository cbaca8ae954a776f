package cli

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// runWithEnv runs the command line with the given environment variables
// (and none else).
func runWithEnv(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] },
		logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := run(context.Background(), e, args)
	if err != nil {
		errOut.WriteString("storyline: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

// Every command's help gives an example, and the eval modes have help of
// their own.
func TestEveryHelpHasAnExample(t *testing.T) {
	cmds := append(commands(), evalCommands()...)
	for _, c := range cmds {
		args := append(strings.Fields(c.name), "--help")
		out, _, code := storyline(t, args...)
		if code != 0 || !strings.HasPrefix(out, "usage: storyline "+c.name) || !strings.Contains(out, "examples:\n  storyline ") && !strings.Contains(out, "examples:\n  STORYLINE_") && !strings.Contains(out, "| storyline") {
			t.Errorf("storyline %s --help: exit %d, %q", c.name, code, out)
		}
	}
	out, _, code := storyline(t, "eval", "cluster", "-h")
	if code != 0 || !strings.Contains(out, "--stream") {
		t.Errorf("eval cluster -h: exit %d, %q", code, out)
	}
}

// The completion scripts are the shells' own kind and name storyline's
// commands' completion entry point.
func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{"bash": "complete -o default -F __start_storyline storyline", "zsh": "#compdef storyline", "fish": "complete -c storyline"} {
		out, errOut, code := storyline(t, "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, stderr %q, script lacks %q", shell, code, errOut, want)
		}
	}
	// What the scripts ask: the commands and a command's flags.
	out, _, _ := storyline(t, "__complete", "st")
	if !strings.Contains(out, "stories") {
		t.Errorf("completing st: %q", out)
	}
	out, _, _ = storyline(t, "__complete", "export", "--what", "")
	for _, w := range exportWhat {
		if !strings.Contains(out, w+"\n") {
			t.Errorf("completing export --what: no %s in %q", w, out)
		}
	}
	out, _, _ = storyline(t, "__complete", "stories", "--")
	for _, f := range []string{"--since", "--json", "--db"} {
		if !strings.Contains(out, f) {
			t.Errorf("completing stories' flags: no %s in %q", f, out)
		}
	}
}

// Scripts written for the standard flag package's single-dash long flags
// keep working.
func TestSingleDashLongFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := storyline(t, "add", "-db", db, "-json", "testdata/pages/ferry-fares.html"); code != 0 {
		t.Fatalf("add -db -json: exit %d, %s", code, errOut)
	}
	out, errOut, code := storyline(t, "stories", "-db="+db, "-json")
	if code != 0 || !strings.HasPrefix(out, "[") {
		t.Errorf("stories -db= -json: exit %d, %q %q", code, out, errOut)
	}
	if out, _, code := storyline(t, "stories", "-help"); code != 0 || !strings.HasPrefix(out, "usage: storyline stories") {
		t.Errorf("stories -help: exit %d, %q", code, out)
	}
}

// A variable sets its flag when the command line does not; the command
// line wins; a bad value is a usage error naming the variable.
func TestFlagsFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	vars := map[string]string{"STORYLINE_DB": db, "STORYLINE_WORKERS": "many"}
	_, errOut, code := runWithEnv(t, vars, "add", "testdata/pages/ferry-fares.html")
	if code != 2 || !strings.Contains(errOut, `$STORYLINE_WORKERS="many"`) {
		t.Errorf("a bad $STORYLINE_WORKERS: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runWithEnv(t, vars, "add", "--workers", "1", "testdata/pages/ferry-fares.html"); code != 0 {
		t.Errorf("--workers given over a bad $STORYLINE_WORKERS: exit %d, %q", code, errOut)
	}
	vars["STORYLINE_FETCH_DELAY"] = "0s"
	delete(vars, "STORYLINE_WORKERS")
	if _, errOut, code := runWithEnv(t, vars, "add", "testdata/pages/ferry-fares.html"); code != 2 || !strings.Contains(errOut, "--fetch-delay must be positive") {
		t.Errorf("$STORYLINE_FETCH_DELAY=0s reached add: exit %d, %q", code, errOut)
	}
	out, _, code := storyline(t, "help", "environment")
	for _, v := range environment() {
		if code != 0 || !strings.Contains(out, v.name) {
			t.Errorf("help environment: exit %d, no %s in %q", code, v.name, out)
		}
	}
}

// The command line wins over a variable that would clash with it.
func TestTokenOverTokenFileVariable(t *testing.T) {
	dir := t.TempDir()
	cmd := newRoot(context.Background(), env{getenv: func(string) string { return "" }})
	serve, _, err := cmd.Find([]string{"serve"})
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.ParseFlags([]string{"--token", "t0k"}); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"STORYLINE_TOKEN_FILE": filepath.Join(dir, "token"), "STORYLINE_ADDR": "127.0.0.1:0"}
	if err := flagsFromEnvironment(serve, "serve", func(k string) string { return vars[k] }); err != nil {
		t.Fatal(err)
	}
	if serve.Flags().Changed("token-file") || serve.Flags().Lookup("addr").Value.String() != "127.0.0.1:0" {
		t.Errorf("token-file set %v (want unset under --token), addr %s (want the variable's)",
			serve.Flags().Changed("token-file"), serve.Flags().Lookup("addr").Value)
	}
}

// help names what it has no help for, as an unknown command is named.
func TestHelpOfNothing(t *testing.T) {
	_, errOut, code := storyline(t, "help", "nosuch")
	if code != 2 || !strings.Contains(errOut, `no help for "nosuch"`) {
		t.Errorf("help nosuch: exit %d, %q", code, errOut)
	}
	out, _, _ := storyline(t, "__complete", "help", "")
	for _, name := range []string{"add", "export", "environment", "eval"} {
		if !strings.Contains(out, name+"\t") {
			t.Errorf("completing help: no %s in %q", name, out)
		}
	}
}

// eval links has help of its own on stdout and is completed: runEval and
// the help dispatch on one list, so no mode can have only one of them.
func TestEvalLinksHasHelpAndCompletion(t *testing.T) {
	out, errOut, code := storyline(t, "eval", "links", "--help")
	if code != 0 || !strings.HasPrefix(out, "usage: storyline eval links") || errOut != "" {
		t.Errorf("eval links --help: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, _ = storyline(t, "__complete", "eval", "")
	if !strings.Contains(out, "links\t") {
		t.Errorf("completing eval lacks links: %q", out)
	}
}

// TestHelpGivesOneDefault: a duration flag whose usage says its default
// ("default 168h") is not followed by a second, "(default 0s)", in any
// command's help.
func TestHelpGivesOneDefault(t *testing.T) {
	for _, c := range append(commands(), evalCommands()...) {
		out, _, _ := storyline(t, append(strings.Fields(c.name), "--help")...)
		if strings.Contains(out, "(default 0s)") {
			t.Errorf("storyline %s --help prints (default 0s):\n%s", c.name, out)
		}
	}
}
