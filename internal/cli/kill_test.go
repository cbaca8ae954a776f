package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// TestHelperAdd is not a test: TestAddSurvivesKill runs the test binary again
// with STORYLINE_HELPER_ADD set, to have an `add` in a process it can kill.
func TestHelperAdd(t *testing.T) {
	args := os.Getenv("STORYLINE_HELPER_ADD")
	if args == "" {
		return
	}
	err := Main(context.Background(), strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
	os.Exit(ExitCode(err))
}

// storedArticles counts the articles through a read-only connection, so
// that watching the database does not get in the way of the process writing
// it; -1 while it cannot be read.
func storedArticles(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

// TestAddSurvivesKill kills an `add` with SIGKILL in the middle of its run:
// the database must stay intact, and the same `add` run again must store the
// rest, each input once, and compare every story.
func TestAddSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(pages, 0o755)
	// Enough pages that the add is killed mid-run, few and short enough that
	// comparing the stories after stays quick under the race detector.
	const total = 300
	places := []string{"Calder", "Fenwick", "Brennock", "Westmere", "Aldbury", "Ridgeway", "Marrow", "Sable", "Dunmore", "Harrow"}
	topics := []string{"harbour", "ferry", "library", "tram", "election", "wildfire", "museum", "bridge", "school", "market"}
	for i := 0; i < total; i++ {
		topic := places[i/30] + " " + topics[(i/6)%len(topics)%5] // stories of about six pages
		body := fmt.Sprintf(`<html><head><title>%s report %d</title></head><body><article><h1>The %s report number %d</h1>`, topic, i, topic, i)
		for p := 0; p < 3; p++ {
			body += fmt.Sprintf("<p>Officials in the town said on day %d that the %s plan, item %d of %d, would cost about %d euros and open in %d, according to the council.</p>",
				i, topic, p, i*7+p, 1000+i*13+p, 2027+p)
		}
		os.WriteFile(filepath.Join(pages, fmt.Sprintf("page-%04d.html", i)), []byte(body+"</article></body></html>"), 0o644)
	}
	db := filepath.Join(dir, "s.db")
	args := []string{"add", "--db", db, "--batch", "10", "--workers", "1", pages}

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAdd$")
	cmd.Env = append(os.Environ(), "STORYLINE_HELPER_ADD="+strings.Join(args, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	deadline := time.Now().Add(3 * time.Minute)
	killedAt := -1
	for time.Now().Before(deadline) && killedAt < 0 {
		// The add extracts its window of pages, then stores them ten to a
		// transaction: the kill comes as soon as the first are stored.
		time.Sleep(2 * time.Millisecond)
		if n := storedArticles(db); n >= 10 {
			cmd.Process.Kill() // SIGKILL: no chance to clean up
			killedAt = n
		}
	}
	cmd.Wait()
	if killedAt < 0 {
		t.Fatal("the add never got going")
	}

	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	if check, err := st.QueryIntegrity(ctx); err != nil || check != "ok" {
		t.Fatalf("integrity check after the kill: %q %v", check, err)
	}
	before, _, _ := st.Counts(ctx)
	st.Close()
	if before >= total {
		t.Fatalf("the add finished (%d articles) before it could be killed; the test shows nothing", before)
	}

	out, errOut, code := storyline(t, args...)
	if code != 0 {
		t.Fatalf("add again: exit %d %s %s", code, out, errOut)
	}
	st, _ = sqlite.Open(ctx, db)
	defer st.Close()
	after, stories, _ := st.Counts(ctx)
	if after != total {
		t.Errorf("after the second run: %d articles, want every one of the %d pages once (the kill came at %d)", after, total, killedAt)
	}
	// Stories are compared when read; every one the two runs left must be.
	if n, err := engine.NewProjector(st, engine.ProjectorOptions{}).CompareAll(ctx); err != nil || n == 0 {
		t.Errorf("comparing the %d stories the runs left: %d compared, %v", stories, n, err)
	}
	if stale, _ := st.StaleStories(ctx, 0); len(stale) != 0 {
		t.Errorf("%d of %d stories are still uncompared", len(stale), stories)
	}
	if !strings.Contains(out, fmt.Sprintf("%d already stored", before)) && before > 0 {
		t.Logf("second run: %s", out)
	}
}
