package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every command that opens a database reads $STORYLINE_DB when --db is not
// given, so its help and `storyline help environment` say so.
func TestEveryCommandWithADatabaseNamesItsVariable(t *testing.T) {
	root := newRoot(context.Background(), env{getenv: func(string) string { return "" }})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.Flags().Lookup("db") == nil || c.Name() == "eval" || strings.HasPrefix(c.CommandPath(), "storyline eval ") {
			return
		}
		path := strings.Fields(strings.TrimPrefix(c.CommandPath(), "storyline "))
		out, _, code := storyline(t, append([]string{"help"}, path...)...)
		if code != 0 || !strings.Contains(out, "environment (storyline help environment): $STORYLINE_DB") {
			t.Errorf("storyline help %s: exit %d; its help names no $STORYLINE_DB:\n%s", strings.Join(path, " "), code, out)
		}
	}
	walk(root)
}

// A command line storyline cannot run is a usage error (exit status 2) on
// stderr, never a help text on stdout with status 0: `storyline completion
// tcsh > file` would otherwise fill the file with the help, unseen.
func TestCommandLinesThatCannotRunAreUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"completion"}, "completion needs a shell: bash, fish, powershell, zsh"},
		{[]string{"completion", "tcsh"}, `no completion script for "tcsh"`},
		{[]string{"version", "now"}, `version takes no arguments, got ["now"]`},
	} {
		out, errOut, code := storyline(t, tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "usage: storyline ") {
			t.Errorf("storyline %s: exit %d, stdout %q, stderr %q; want exit 2, no stdout, the usage line and %q",
				strings.Join(tc.args, " "), code, out, errOut, tc.want)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if out, errOut, code := storyline(t, "completion", shell); code != 0 || !strings.Contains(out, "storyline") {
			t.Errorf("storyline completion %s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
	if out, _, code := storyline(t, "version"); code != 0 || !strings.HasPrefix(out, "storyline ") {
		t.Errorf("storyline version: exit %d, %q", code, out)
	}
}

// A flag value of the wrong type is a usage error that says what the flag
// takes, on the command line and from its environment variable alike (the
// flag package's own word is "parse error").
func TestABadFlagValueSaysWhatTheFlagTakes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stories", "--limit", "ten"}, `--limit "ten": want a whole number`},
		{[]string{"add", "--fetch-delay", "soon", "page.html"}, `--fetch-delay "soon": want a duration such as 1s, 500ms or 2m`},
		{[]string{"cluster", "--threshold", "high", "a.jsonl"}, `--threshold "high": want a number such as 0.5`},
		{[]string{"serve", "--allow-private=maybe"}, `--allow-private "maybe": want true or false`},
	} {
		_, errOut, code := storyline(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "parse error") {
			t.Errorf("storyline %s: exit %d, %q; want exit 2 and %q", strings.Join(tc.args, " "), code, errOut, tc.want)
		}
	}
	vars := map[string]string{"STORYLINE_FETCH_DELAY": "soon"}
	_, errOut, code := runWithEnv(t, vars, "add", "page.html")
	if want := `$STORYLINE_FETCH_DELAY="soon": want a duration such as 1s, 500ms or 2m (it sets --fetch-delay)`; code != 2 || !strings.Contains(errOut, want) {
		t.Errorf("a bad $STORYLINE_FETCH_DELAY: exit %d, %q; want exit 2 and %q", code, errOut, want)
	}
}

// A negative count whose 0 means the default is refused, not run as the
// default unsaid.
func TestNegativeCountsAreRefused(t *testing.T) {
	for _, args := range [][]string{
		{"add", "--workers", "-3", "page.html"},
		{"add", "--batch", "-1", "page.html"},
		{"extract", "--workers", "-2", "page.html"},
		{"worker", "--queue", "nats://127.0.0.1:4222", "--workers", "-1"},
	} {
		_, errOut, code := storyline(t, args...)
		if code != 2 || !strings.Contains(errOut, "want 1 or more (0: the default)") {
			t.Errorf("storyline %s: exit %d, %q; want exit 2, refused", strings.Join(args, " "), code, errOut)
		}
	}
}
