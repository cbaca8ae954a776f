package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Help asked for is an answer, not an error: to stdout, exit 0, for the
// program and for every command, as COMMAND --help, -h or help COMMAND.
func TestHelpGoesToStdoutAndExitsZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, errOut, code := storyline(t, args...)
		if code != 0 || !strings.Contains(out, "commands:") || errOut != "" {
			t.Errorf("storyline %v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			out, errOut, code := storyline(t, args...)
			if code != 0 || !strings.HasPrefix(out, "usage: storyline "+c.name) || strings.Contains(errOut, "help requested") {
				t.Errorf("storyline %v: exit %d, stdout %.80q, stderr %.200q", args, code, out, errOut)
			}
		}
	}
	out, _, code := storyline(t, "stories", "--help")
	if code != 0 || !strings.Contains(out, "-since") {
		t.Errorf("stories --help lists no flags: %q", out)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		out, _, code := storyline(t, arg)
		if code != 0 || !strings.HasPrefix(out, "storyline ") || !strings.Contains(out, "go1.") {
			t.Errorf("storyline %s: exit %d, %q", arg, code, out)
		}
	}
}

// A command that only reads fails on a database that is not there, and
// makes neither the database nor its folder.
func TestReadingAMissingDatabaseFailsAndCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no", "such")
	db := filepath.Join(dir, "x.db")
	for _, args := range [][]string{{"stories", "--db", db}, {"show", "--db", db, "abc"}, {"reextract", "--db", db}} {
		_, errOut, code := storyline(t, args...)
		if code != 1 || !strings.Contains(errOut, "no database at "+db) {
			t.Errorf("storyline %v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("reading made %s: %v", dir, err)
	}
}

// add --json summarises the run as one object: counts, the inputs that
// failed and why, and the story of each stored article.
func TestAddJSONSummary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out, _, code := storyline(t, "add", "--json", "--db", db, "testdata/pages", "testdata/no-such-page.html")
	if code != 1 {
		t.Fatalf("add --json with a missing input: exit %d, want 1", code)
	}
	var sum struct {
		Read, Stored int
		StoriesNew   int `json:"stories_new"`
		Failed       []struct{ Input, Error string }
		Added        []struct{ Article, Story string }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("add --json printed %q: %v", out, err)
	}
	if sum.Read != 4 || sum.Stored != 3 || sum.StoriesNew != 2 || len(sum.Failed) != 1 || sum.Failed[0].Input != "testdata/no-such-page.html" || len(sum.Added) != 3 || sum.Added[0].Story == "" {
		t.Errorf("add --json = %+v", sum)
	}
}

// A list is never cut without a word: --limit says how many, stderr says
// where the next page starts, --offset reads it, and --limit 0 reads all.
func TestStoriesPages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, "testdata/pages"); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	ids := func(out string) []string {
		var list []struct{ ID string }
		if err := json.Unmarshal([]byte(out), &list); err != nil {
			t.Fatalf("stories --json printed %q: %v", out, err)
		}
		var got []string
		for _, s := range list {
			got = append(got, s.ID)
		}
		return got
	}
	all, _, _ := storyline(t, "stories", "--db", db, "--json", "--limit", "0")
	first, errOut, code := storyline(t, "stories", "--db", db, "--json", "--limit", "1")
	if code != 0 || len(ids(first)) != 1 || !strings.Contains(errOut, "more stories: --offset 1 for the next 1 (2 in all)") {
		t.Errorf("--limit 1: exit %d, %v, stderr %q", code, ids(first), errOut)
	}
	second, errOut, _ := storyline(t, "stories", "--db", db, "--json", "--limit", "1", "--offset", "1")
	if got := append(ids(first), ids(second)...); len(ids(all)) != 2 || strings.Join(got, ",") != strings.Join(ids(all), ",") || errOut != "" {
		t.Errorf("pages %v, all %v, last page's stderr %q", got, ids(all), errOut)
	}
}

// The last page's note counts what is left, not a whole page: three
// stories read two at a time leave one after the first two.
func TestStoriesNextPageCountsWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	db, in := filepath.Join(dir, "s.db"), filepath.Join(dir, "three.jsonl")
	lines := `{"id":"a1","source":"Valley Post","published":"2026-03-01","title":"Glassworks strike ends after nine days","text":"Workers at the Marlow glassworks voted to end their strike on Sunday after the owners offered a four percent raise."}
{"id":"b1","source":"Valley Post","published":"2026-03-02","title":"Orchard frost ruins early plum harvest","text":"A late frost destroyed most of the early plum blossom in the Tessin valley, growers said on Monday."}
{"id":"c1","source":"Valley Post","published":"2026-03-03","title":"Chess club wins regional cup","text":"The Ferrow chess club beat three rival teams to lift the regional cup for the first time in its history."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	_, errOut, code := storyline(t, "stories", "--db", db, "--limit", "2")
	if want := "more stories: --offset 2 for the next 1 (3 in all)"; code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("stories --limit 2 of 3: exit %d, stderr %q, want %q", code, errOut, want)
	}
}

// TestStoriesByPublicationRange: --since and --until take days (and
// RFC 3339), keep the stories published in the range, and a range that
// cannot hold anything is a usage error.
func TestStoriesByPublicationRange(t *testing.T) {
	dir := t.TempDir()
	db, in := filepath.Join(dir, "s.db"), filepath.Join(dir, "a.jsonl")
	lines := `{"id":"m1","source":"ledger","published":"2019-03-02T09:00:00Z","title":"Calder dockworkers end strike","text":"Dockworkers at the port of Calder voted to end their strike over night-shift pay."}
{"id":"a1","source":"courier","published":"2019-04-20T09:00:00Z","title":"Fenwick ferry fares rise","text":"The operator of the Fenwick ferries will raise fares on all routes by up to eight percent."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	for _, c := range []struct {
		args []string
		want string // the titles listed, in order
	}{
		{[]string{"--since", "2019-03-01", "--until", "2019-03-31"}, "Calder dockworkers end strike"},
		{[]string{"--since", "2019-04-20"}, "Fenwick ferry fares rise"},
		{[]string{"--until", "2019-03-02"}, "Calder dockworkers end strike"},
		{[]string{"--order", "published"}, "Fenwick ferry fares rise|Calder dockworkers end strike"}, // most recent news first
	} {
		out, errOut, code := storyline(t, append([]string{"stories", "--db", db, "--json"}, c.args...)...)
		var list []struct{ Title string }
		if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
			t.Fatalf("stories %v: exit %d, %q %q", c.args, code, out, errOut)
		}
		var got []string
		for _, s := range list {
			got = append(got, s.Title)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("stories %v = %q, want %q", c.args, got, c.want)
		}
	}
	if _, errOut, code := storyline(t, "stories", "--db", db, "--since", "2019-04-01", "--until", "2019-03-01"); code != 2 || !strings.Contains(errOut, "not before") {
		t.Errorf("an empty range: exit %d, %q; want a usage error", code, errOut)
	}
}
