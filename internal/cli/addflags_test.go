package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
)

// namedArticles is `export --what articles` of a database: each article's
// id, source and url.
func namedArticles(t *testing.T, db string) map[string][2]string {
	t.Helper()
	out, errOut, code := storyline(t, "export", "--what", "articles", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d, stderr %q", code, errOut)
	}
	got := map[string][2]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ ID, Source, URL string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		got[a.ID] = [2]string{a.Source, a.URL}
	}
	return got
}

// add --source and --url name the outlet and address of a page file that
// carries neither, as extract's do; a page's own canonical link is kept.
func TestAddSourceAndURLNameAPageFile(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		args       []string
		want       [2]string
	}{
		{"the page's own names", "harbour-chief-courier.txt", nil, [2]string{"Northfield Courier", ""}},
		{"a named outlet wins", "harbour-chief-courier.txt", []string{"--source", "Calder Weekly"}, [2]string{"Calder Weekly", ""}},
		{"an address for a file without one", "harbour-chief-courier.txt", []string{"--url", "https://calder.example/news/chief"},
			[2]string{"Northfield Courier", "https://calder.example/news/chief"}},
		{"the page's canonical link wins over --url", "harbour-chief-ledger.html", []string{"--source", "Ledger", "--url", "https://calder.example/x"},
			[2]string{"Ledger", "https://harborledger.example/2026/03/03/harbour-chief"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			args := append(append([]string{"add", "--db", db}, tc.args...), filepath.Join("testdata/pages", tc.page))
			if _, errOut, code := storyline(t, args...); code != 0 {
				t.Fatalf("add: exit %d, stderr %q", code, errOut)
			}
			id := strings.TrimSuffix(strings.TrimSuffix(tc.page, ".txt"), ".html")
			if got := namedArticles(t, db)[id]; got != tc.want {
				t.Errorf("stored source, url = %q, want %q", got, tc.want)
			}
		})
	}
}

// A page piped in takes --source and --url too, read by its first bytes or
// as --format says.
func TestAddSourceAndURLNameAPagePipedIn(t *testing.T) {
	page := `<html><head><title>Calder ferries run again</title></head><body><article><h1>Calder ferries run again</h1>
<p>The ferries between Calder and Fenwick ran again on Tuesday after a week in which storms kept every boat in port.</p>
<p>The operator said the timetable would be back to normal by Thursday, with extra sailings for freight.</p></article></body></html>`
	for _, format := range []string{"auto", "html"} {
		db := filepath.Join(t.TempDir(), "s.db")
		if _, errOut, code := runWithStdin(t, page, "add", "--db", db, "--format", format, "--source", "Calder Weekly", "--url", "https://calder.example/ferries", "-"); code != 0 {
			t.Fatalf("--format %s: exit %d, stderr %q", format, code, errOut)
		}
		for id, got := range namedArticles(t, db) {
			if got != [2]string{"Calder Weekly", "https://calder.example/ferries"} {
				t.Errorf("--format %s: %s stored as %q", format, id, got)
			}
		}
	}
}

// In JSONL, --source and --url fill only the articles that name none.
func TestAddSourceFillsOnlyJSONLArticlesWithoutOne(t *testing.T) {
	lines := `{"id":"named","source":"Ledger","url":"https://ledger.example/strike","title":"Dock strike ends","text":"Dockworkers at the northern port voted to end their strike on Friday after a new wage offer."}
{"id":"unnamed","title":"Hospital wing opens","text":"The new children's wing of the city hospital opened its doors to its first patients."}
{"id":"page","source":"Courier","url":"https://courier.example/fares","raw_text":"Ferry fares rise\nThe operator of the ferries will raise fares on all routes by up to eight percent from April, blaming fuel costs."}
`
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := runWithStdin(t, lines, "add", "--db", db, "--source", "Calder Weekly", "--url", "https://calder.example/wing", "-"); code != 0 {
		t.Fatalf("add: exit %d, stderr %q", code, errOut)
	}
	got := namedArticles(t, db)
	want := map[string][2]string{
		"named":   {"Ledger", "https://ledger.example/strike"},
		"unnamed": {"Calder Weekly", "https://calder.example/wing"},
		"page":    {"Courier", "https://courier.example/fares"}, // a JSONL page keeps the outlet its line names
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s stored as %q, want %q", id, got[id], w)
		}
	}
}

// --url names one page: a second input it would go to fails, naming both.
func TestAddURLGoesToOnePage(t *testing.T) {
	lines := `{"id":"one","title":"Hospital wing opens","text":"The new children's wing of the city hospital opened its doors to its first patients."}
{"id":"two","title":"Ferry fares rise","text":"The operator of the ferries will raise fares on all routes by up to eight percent from April."}
`
	db := filepath.Join(t.TempDir(), "s.db")
	_, errOut, code := runWithStdin(t, lines, "add", "--db", db, "--url", "https://calder.example/wing", "-")
	if code != 1 || !strings.Contains(errOut, "stdin:2: --url names one page, and stdin:1 has it already") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{
		{"testdata/pages/ferry-fares.html", "testdata/pages/harbour-chief-courier.txt"},
		{"testdata/pages"},
		{"https://calder.example/news"},
	} {
		for _, cmd := range []string{"add", "extract"} {
			full := append([]string{cmd, "--db", db, "--url", "https://calder.example/one"}, args...)
			if cmd == "extract" {
				full = append([]string{cmd, "--url", "https://calder.example/one"}, args...)
			}
			_, errOut, code := storyline(t, full...)
			if code != 2 || !strings.Contains(errOut, "--url") || !strings.Contains(errOut, args[0]) {
				t.Errorf("%s --url %v: exit %d, stderr %q; want a usage error naming the input", cmd, args, code, errOut)
			}
		}
	}
	for _, bad := range [][]string{{"--url", "calder.example/x"}, {"--source", "  "}} {
		if _, errOut, code := storyline(t, append(append([]string{"add", "--db", db}, bad...), "testdata/pages/ferry-fares.html")...); code != 2 {
			t.Errorf("add %v: exit %d, stderr %q; want 2", bad, code, errOut)
		}
	}
}

// add --queue hands the workers the page with the outlet and address the
// user named.
func TestAddQueueCarriesSourceAndURL(t *testing.T) {
	nats := natstest.Start(t, natstest.Options{}).URL()
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, "--queue", nats, "--source", "Calder Weekly", "--url", "https://calder.example/chief", "testdata/pages/harbour-chief-courier.txt"); code != 0 {
		t.Fatalf("add --queue: exit %d, stderr %q", code, errOut)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := natsqueue.Connect(ctx, nats, natsqueue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ds, err := q.Inputs(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if p := ds[0].Page; p == nil || p.Source != "Calder Weekly" || p.URL != "https://calder.example/chief" {
		t.Errorf("queued page %+v", p)
	}
}
