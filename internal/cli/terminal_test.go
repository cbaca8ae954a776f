package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestTitlesReachTheTerminalEscaped: a title or id carrying escape
// sequences (from a page or a feed) is printed with its control characters
// shown, not sent to the terminal (issue 18: they passed through raw).
func TestTitlesReachTheTerminalEscaped(t *testing.T) {
	var out bytes.Buffer
	printStories(terminalSafe(&out), []news.StorySummary{{ID: "ab\x1b[2J", Articles: 2, Title: "\x1b]0;pwned\x07Strike ends \u009b1m", Sources: []string{"Ledger"}}})
	got := out.String()
	if strings.ContainsAny(got, "\x1b\x07\u009b") {
		t.Errorf("control characters reached the output: %q", got)
	}
	for _, want := range []string{`ab\x1b[2J`, `\x1b]0;pwned\x07Strike ends \x9b1m`, "\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
}

// TestTokenFromAFile: --token-file reads the token's first line, so that it
// need not be given on the command line where ps shows it (issue 18); an
// empty file is refused by name.
func TestTokenFromAFile(t *testing.T) {
	dir := t.TempDir()
	good, empty := filepath.Join(dir, "token"), filepath.Join(dir, "empty")
	os.WriteFile(good, []byte("  s3cret \nsecond line\n"), 0o600)
	os.WriteFile(empty, []byte("\n"), 0o600)
	if got, err := readToken(good); got != "s3cret" || err != nil {
		t.Errorf("readToken = %q, %v; want s3cret", got, err)
	}
	if _, err := readToken(empty); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("an empty token file: %v, want an error naming it", err)
	}
}
