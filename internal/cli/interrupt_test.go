package cli

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInterruptedAddSaysHowToFinish stops an add (as Ctrl-C does: its
// context is cancelled) while it reads a folder of pages: the error says
// it was interrupted, that what it stored is kept, and to run it again; it
// said only "context canceled".
func TestInterruptedAddSaysHowToFinish(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(pages, 0o755)
	for i := range 2000 {
		body := fmt.Sprintf("<html><head><title>Calder ferry report %d</title></head><body><article><h1>Ferry report %d</h1><p>The Calder ferry ran %d crossings on day %d, the harbour office said on Monday.</p></article></body></html>", i, i, 10+i, i)
		os.WriteFile(filepath.Join(pages, fmt.Sprintf("page-%04d.html", i)), []byte(body), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut bytes.Buffer
	done := make(chan error, 1)
	db := filepath.Join(dir, "s.db")
	go func() {
		done <- Main(ctx, []string{"add", "--db", db, "--batch", "10", "--workers", "1", pages}, &out, &errOut)
	}()
	// Interrupt once the first articles are stored, as a user would mid-run.
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && storedArticles(db) < 10; {
		time.Sleep(2 * time.Millisecond)
	}
	cancel()
	err := <-done
	if err == nil {
		t.Skip("the add finished before it could be interrupted")
	}
	if msg := err.Error(); !strings.Contains(msg, "interrupted") || !strings.Contains(msg, "run the same add again") {
		t.Errorf("interrupted add: error %q, want it to say it was interrupted and to run it again", msg)
	}
	if code := ExitCode(err); code != ExitInterrupted {
		t.Errorf("interrupted add: exit status %d, want %d (not 1, the status of failed inputs)", code, ExitInterrupted)
	}
	if strings.Contains(errOut.String(), "context canceled") {
		t.Errorf("interrupted add: inputs cut off listed as failed:\n%s", errOut.String())
	}
}

// TestInterruptedCompareSaysHowToFinish: add --compare stopped (as Ctrl-C
// does) while it compares the changed stories is an interrupted add, exit
// status 130, saying what is kept and how the stories left get compared;
// it failed with "compare stories: ...: context canceled", status 1. The
// comparisons left are done when the step runs again.
func TestInterruptedCompareSaysHowToFinish(t *testing.T) {
	st, e, out := addedWithStoriesToCompare(t, 4, "weir-%d.html", "<html><head><title>Marlow weir report %d</title></head><body><article><h1>Weir report %d</h1><p>The Marlow weir gates opened %d times in week %d, the river board said on Friday.</p></article></body></html>")
	ctx := context.Background()
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	err := compareChanged(stopped, e, st, 4)
	if code := ExitCode(err); code != ExitInterrupted || !strings.Contains(fmt.Sprint(err), "interrupted while comparing") || !strings.Contains(fmt.Sprint(err), "add --compare run again") {
		t.Errorf("compare stopped: %v (exit %d); want it interrupted (exit %d), saying how the rest is compared", err, code, ExitInterrupted)
	}
	out.Reset()
	if err := compareChanged(ctx, e, st, 0); err != nil || !strings.HasSuffix(out.String(), " stories compared\n") || strings.HasPrefix(out.String(), "0 ") {
		t.Errorf("compare run again: %v, %q; want the stories left compared", err, out.String())
	}
}

// TestInterruptedReextractCompareSaysWhatIsKept: reextract stopped (as
// Ctrl-C does) while it compares the stories of the articles it extracted
// again exits with status 130, saying that those articles are kept and how
// the stories left are compared; it failed with "compare stories: ...:
// context canceled", status 1.
func TestInterruptedReextractCompareSaysWhatIsKept(t *testing.T) {
	st, e, _ := addedWithStoriesToCompare(t, 3, "quarry-%d.html", "<html><head><title>Tolm quarry report %d</title></head><body><article><h1>Quarry report %d</h1><p>The Tolm quarry shipped %d tonnes of stone in week %d, its owner said on Friday.</p></article></body></html>")
	ctx := context.Background()
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	_, err := compareReextracted(stopped, e, st, 3)
	if code := ExitCode(err); code != ExitInterrupted || !strings.Contains(fmt.Sprint(err), "the 3 articles extracted again are kept") {
		t.Errorf("reextract's comparison stopped: %v (exit %d); want it interrupted (exit %d), saying what is kept", err, code, ExitInterrupted)
	}
	if n, err := compareReextracted(ctx, e, st, 3); err != nil || n == 0 {
		t.Errorf("compared again: %d stories, %v; want the stories left compared", n, err)
	}
}

// addedWithStoriesToCompare adds n invented pages (file names and bodies
// from the formats: the body's four verbs take i, i, a figure and i) to
// a new database, stories left to compare, and opens it; it returns the
// store, an env writing to the returned buffer, and that buffer.
func addedWithStoriesToCompare(t *testing.T, n int, nameFormat, bodyFormat string) (database, env, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(pages, 0o755)
	for i := range n {
		os.WriteFile(filepath.Join(pages, fmt.Sprintf(nameFormat, i)), fmt.Appendf(nil, bodyFormat, i, i, 3+i, i), 0o644)
	}
	ctx := context.Background()
	db := filepath.Join(dir, "s.db")
	var out, errOut bytes.Buffer
	if err := Main(ctx, []string{"add", "--db", db, "--workers", "1", pages}, &out, &errOut); err != nil {
		t.Fatalf("add: %v\n%s", err, errOut.String())
	}
	st, err := openStore(ctx, db, env{getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, env{stdout: &out, stderr: &errOut, logger: slog.New(slog.DiscardHandler)}, &out
}
