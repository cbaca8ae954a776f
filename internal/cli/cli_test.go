package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// storyline runs the command line as main does and returns what it printed and
// its exit status.
func storyline(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Main(context.Background(), args, &out, &errOut)
	if err != nil { // as main prints it
		fmt.Fprintln(&errOut, "storyline:", err)
	}
	return out.String(), errOut.String(), ExitCode(err)
}

func keysOf(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not a JSON object: %s", raw)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestAddStoriesShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out, errOut, code := storyline(t, "add", "--db", db, "testdata/pages")
	if code != 0 {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	if want := "3 inputs read, 3 articles stored, 0 already stored, 2 stories new, 0 updated, 0 failed\n"; out != want {
		t.Errorf("add summary = %q, want %q", out, want)
	}

	out, _, code = storyline(t, "stories", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stories: exit %d", code)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 2 {
		t.Fatalf("stories --json = %s", out)
	}
	if got, want := keysOf(t, raw[0]), []string{"articles", "first_published", "id", "last_published", "sources", "title"}; !reflect.DeepEqual(got, want) {
		t.Errorf("story keys = %v, want %v", got, want)
	}
	var stories []struct {
		ID       string
		Title    string
		Articles int
		Sources  []string
	}
	json.Unmarshal([]byte(out), &stories)
	var chief string
	for _, s := range stories {
		if s.Articles == 2 {
			chief = s.ID
			if !reflect.DeepEqual(s.Sources, []string{"The Harbor Ledger", "Northfield Courier"}) {
				t.Errorf("sources = %v", s.Sources)
			}
		}
	}
	if chief == "" {
		t.Fatalf("the two harbour-chief pages are not one story: %s", out)
	}

	out, _, code = storyline(t, "show", "--json", "--db", db, chief)
	if code != 0 {
		t.Fatalf("show: exit %d", code)
	}
	wantKeys := []string{"articles", "conflicts", "derivations", "entities", "facts", "id", "memberships", "partly_shared", "quotes", "timeline", "title", "unique", "unique_scores", "unique_shown"}
	if got := keysOf(t, json.RawMessage(out)); !reflect.DeepEqual(got, wantKeys) {
		t.Errorf("show keys = %v, want %v", got, wantKeys)
	}
	var d struct {
		Articles []json.RawMessage
		Timeline []struct{ Published, Article, Source string }
		Quotes   []struct{ Speaker, Text string }
		Unique   map[string][]string
	}
	json.Unmarshal([]byte(out), &d)
	if got, want := keysOf(t, d.Articles[0]), []string{"byline", "id", "kind", "lang", "published", "source", "text", "title", "url"}; !reflect.DeepEqual(got, want) {
		t.Errorf("article keys = %v, want %v", got, want)
	}
	if len(d.Timeline) != 2 || d.Timeline[0].Article != "harbour-chief-ledger" || d.Timeline[0].Published != "2026-03-03T08:40:00Z" {
		t.Errorf("timeline = %+v", d.Timeline)
	}
	for _, q := range d.Quotes {
		if q.Speaker != "Teodor Brandvold" {
			t.Errorf("quote %q: speaker %q", q.Text, q.Speaker)
		}
	}
	if strings.Contains(out, "Sign up") || strings.Contains(out, "Subscribe to the Courier") {
		t.Error("boilerplate reached the story")
	}

	out, _, _ = storyline(t, "show", "--db", db, chief)
	for _, want := range []string{"Timeline", "The Harbor Ledger", "first report", "Quotes", "Teodor Brandvold", "Why each article is here"} {
		if !strings.Contains(out, want) {
			t.Errorf("show text lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Only in ") && (i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "  - ")) {
			t.Errorf("show prints %q with nothing under it", l)
		}
	}

	out, _, _ = storyline(t, "stories", "--db", db, "--json", "--q", "ferry")
	if !strings.Contains(out, "Fenwick ferry fares") || strings.Contains(out, "Brandvold") {
		t.Errorf("stories --q ferry = %s", out)
	}

	out, errOut, code = storyline(t, "add", "--db", db, "testdata/pages")
	if code != 0 || !strings.HasPrefix(out, "3 inputs read, 0 articles stored, 3 already stored, 0 stories new") {
		t.Errorf("re-add: exit %d, %q %q", code, out, errOut)
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	get := func(env map[string]string) func(string) string { return func(k string) string { return env[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"/x/flag.db", map[string]string{"STORYLINE_DB": "/x/env.db"}, "/x/flag.db"},
		{"", map[string]string{"STORYLINE_DB": "/x/env.db", "XDG_DATA_HOME": "/xdg"}, "/x/env.db"},
		{"", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "/xdg/storyline/storyline.db"},
	}
	for _, tt := range tests {
		if got, err := databasePath(tt.flag, get(tt.env)); err != nil || got != tt.want {
			t.Errorf("databasePath(%q, %v) = %q, %v; want %q", tt.flag, tt.env, got, err, tt.want)
		}
	}
	t.Setenv("STORYLINE_DB", filepath.Join(t.TempDir(), "env.db"))
	if _, _, code := storyline(t, "add", "testdata/pages/ferry-fares.html"); code != 0 {
		t.Fatal("add with $STORYLINE_DB failed")
	}
	if out, _, _ := storyline(t, "stories", "--json"); !strings.Contains(out, "Fenwick ferry fares") {
		t.Errorf("$STORYLINE_DB was not used: %s", out)
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	garbage := filepath.Join(dir, "garbage.html")
	os.WriteFile(garbage, []byte{0, 1, 2, 3}, 0o644)
	out, errOut, code := storyline(t, "add", "--db", db, "testdata/pages/ferry-fares.html", garbage, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "garbage.html") || !strings.Contains(errOut, "missing.txt: no such file") {
		t.Errorf("bad inputs: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "1 article stored") {
		t.Errorf("the good input was not stored: %q", out)
	}
	for _, args := range [][]string{{}, {"frobnicate"}, {"show", "--db", db}, {"stories", "--since", "soon", "--db", db}, {"add", "--nope"}, {"extract", "--format", "xml", "x.html"}} {
		if _, _, code := storyline(t, args...); code != 2 {
			t.Errorf("storyline %q: exit %d, want 2", args, code)
		}
	}
	if _, _, code := storyline(t, "show", "--db", db, "nosuchstory"); code != 1 {
		t.Errorf("unknown story: exit %d, want 1", code)
	}
}

func TestExtractFormats(t *testing.T) {
	out, _, code := storyline(t, "extract", "testdata/pages/harbour-chief-courier.txt", "testdata/pages/ferry-fares.html")
	if code != 0 {
		t.Fatalf("extract: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("extract jsonl = %q", out)
	}
	var a struct{ ID, Title, Byline, Source, Published, Text string }
	json.Unmarshal([]byte(lines[0]), &a)
	if a.ID != "harbour-chief-courier" || a.Byline != "Lena Marsh" || a.Source != "Northfield Courier" || a.Published != "2026-03-03T13:15:00Z" || strings.Contains(a.Text, "Subscribe") {
		t.Errorf("extracted dump = %+v", a)
	}
	out, _, code = storyline(t, "extract", "--format", "benchmark", "--text", "testdata/pages/ferry-fares.html")
	var bench map[string]map[string]string
	if err := json.Unmarshal([]byte(out), &bench); err != nil || code != 0 {
		t.Fatalf("benchmark format: %v %q", err, out)
	}
	if _, ok := bench["ferry-fares"]["articleBody"]; !ok {
		t.Errorf("benchmark output = %v, want the id ferry-fares", bench)
	}
}

func TestClusterAndPairs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	os.WriteFile(in, []byte(
		`{"id":"late","published":"2026-03-03T12:00:00Z","title":"Brandvold to cut ship queues","text":"Teodor Brandvold, the new chief executive of the Calder Harbour Authority, said his first task would be to shorten the queue of ships waiting to unload at Calder."}`+"\n"+
			`{"id":"early","published":"2026-03-03","title":"Calder Harbour Authority names Brandvold chief","text":"The Calder Harbour Authority has appointed Teodor Brandvold as its chief executive. He said he would shorten the queue of ships waiting at Calder."}`+"\n"+
			`{"id":"other","published":"2026-03-04","title":"Ferry fares rise","text":"The operator of the Fenwick ferries will raise fares by eight percent from April, blaming fuel."}`+"\n"), 0o644)
	out, _, code := storyline(t, "cluster", in)
	if code != 0 {
		t.Fatalf("cluster: exit %d", code)
	}
	var rows []struct{ ID, Story string }
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ ID, Story string }
		json.Unmarshal([]byte(l), &r)
		rows = append(rows, r)
	}
	if len(rows) != 3 || rows[0].ID != "early" || rows[1].Story != rows[0].Story || rows[2].Story == rows[0].Story {
		t.Errorf("cluster output = %+v, want early first, late with it, other apart", rows)
	}

	pairs := filepath.Join(dir, "p.pairs.jsonl")
	os.WriteFile(pairs, []byte(`{"id1":"a","id2":"b","label":1,"text1":"Police arrested two men after the robbery.","text2":"Two men were arrested by police after the robbery."}`+"\n"+
		`{"id1":"c","id2":"d","label":0,"text1":"The council approved the budget.","text2":"A storm flooded four towns."}`+"\n"), 0o644)
	out, _, code = storyline(t, "pairs", pairs)
	if code != 0 || !strings.Contains(out, `"id1":"a","id2":"b"`) || !strings.Contains(out, `"same":true`) || !strings.Contains(out, `"same":false`) {
		t.Errorf("pairs: exit %d, %s", code, out)
	}
}

func TestReextract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	storyline(t, "add", "--db", db, "testdata/pages")
	out, errOut, code := storyline(t, "reextract", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "3 articles extracted again, 0 kept as they were (no text found now), 2 stories compared again, 0 failed") ||
		!strings.HasSuffix(out, " site templates learned again\n") {
		t.Errorf("reextract: exit %d %q %q", code, out, errOut)
	}
}

func TestAddCompareLeavesNoStoryStale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out, errOut, code := storyline(t, "add", "--compare", "--db", db, "testdata/pages")
	if code != 0 || !strings.HasSuffix(out, "\n2 stories compared\n") {
		t.Fatalf("add --compare: exit %d, %q %q", code, out, errOut)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if stale, err := st.StaleStories(ctx, 0); err != nil || len(stale) != 0 {
		t.Errorf("after add --compare, stale stories = %v, %v", stale, err)
	}
}

func TestShowLeavesOutArticlesWithNothingOfTheirOwn(t *testing.T) {
	dir := t.TempDir()
	base := "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay. " +
		"The union said 412 of its members took part in the vote at the hall on Quay Street."
	extra := " Shipping agents expect the queue of some 60 vessels off Calder Point to clear within two weeks."
	lines := `{"id":"short","source":"Wire","published":"2026-03-02T08:00:00Z","title":"Calder dockworkers end strike","text":"` + base + `"}
{"id":"long","source":"Calder Courier","published":"2026-03-02T09:00:00Z","title":"Calder dockworkers end strike","text":"` + base + extra + `"}
`
	db, id := addOneStory(t, dir, lines)
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(id), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories = %s", id)
	}
	out, _, _ := storyline(t, "show", "--db", db, stories[0].ID)
	if !strings.Contains(out, "Only in Calder Courier [long]\n  - Shipping agents") {
		t.Errorf("show lacks what only the longer report says:\n%s", out)
	}
	if strings.Contains(out, "Only in Wire") {
		t.Errorf("show gives the shorter report, which says nothing of its own, a heading:\n%s", out)
	}
}

// TestPairsRefusesLinesWithoutTheTwoSentences: a pairs line whose
// sentences are under other names is refused with the expected shape, not
// scored as two empty sentences (the help once named them s1 and s2, and
// such lines were all scored "same": false).
func TestPairsRefusesLinesWithoutTheTwoSentences(t *testing.T) {
	pairs := filepath.Join(t.TempDir(), "p.pairs.jsonl")
	os.WriteFile(pairs, []byte(`{"id1":"a","id2":"b","s1":"Police arrested two men.","s2":"Two men were arrested by police."}`+"\n"), 0o644)
	out, errOut, code := storyline(t, "pairs", pairs)
	if code == 0 || out != "" || !strings.Contains(errOut, `"text1"`) {
		t.Errorf("pairs on a line without text1 and text2: exit %d, stdout %q, stderr %q; want a failure naming text1", code, out, errOut)
	}
	help, _, _ := storyline(t, "pairs", "--help")
	if !strings.Contains(help, `"text1","text2"`) {
		t.Errorf("pairs --help does not name the input fields text1 and text2:\n%s", help)
	}
}

// TestEvalLoadOnASmallDatabase: the load test runs on a database of fewer
// than a hundred stories (as its help's example makes) instead of failing
// with "no stories to load".
func TestEvalLoadOnASmallDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("serves and loads a database for a moment")
	}
	out, errOut, code := storyline(t, "eval", "load", "--articles", "20", "--rate", "10", "--duration", "300ms", "--phases", "story")
	if code != 0 || !strings.Contains(out, "story pages (/stories/{id}): offered") {
		t.Errorf("eval load on 20 articles: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// TestShowTimelineGivesDaysAndUnknownOutletsAsThePageDoes: an article
// dated by its day alone is listed in show's timeline by that day, not at
// a midnight it never gave, and an article whose page named no outlet nor
// address is listed under its headline in quotation marks, as the facts
// below and the story page name it (news.Article.SourceLabel), not under
// "(unknown outlet)" nor its id twice.
func TestShowTimelineGivesDaysAndUnknownOutletsAsThePageDoes(t *testing.T) {
	dir := t.TempDir()
	text := "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay. " +
		"The union said 412 of its members took part in the vote at the hall on Quay Street."
	lines := `{"id":"dayonly","source":"Wire","published":"2026-03-02","title":"Calder dockworkers end strike","text":"` + text + `"}
{"id":"nameless","published":"2026-03-02T09:30:00Z","title":"Calder strike is over","text":"` + text + ` Ships are queueing."}
`
	db, list := addOneStory(t, dir, lines)
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(list), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories = %s", list)
	}
	out, _, _ := storyline(t, "show", "--db", db, stories[0].ID)
	for _, want := range []string{"  2026-03-02            Wire [dayonly]", "  2026-03-02T09:30:00Z  “Calder strike is over” [nameless]\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("show's timeline lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "T00:00:00Z") {
		t.Errorf("show gives a date-only article a midnight:\n%s", out)
	}
}

// An article dated by its day alone keeps that day, not a midnight it never
// gave, in stories --json, show --json and both exports; a time stays RFC
// 3339.
func TestDayOnlyDatesStayDaysInJSONAndCSV(t *testing.T) {
	dir := t.TempDir()
	text := "Dockworkers at the port of Calder voted on Monday to end a nine-day strike over night-shift pay. " +
		"The union said 412 of its members took part in the vote at the hall on Quay Street."
	lines := `{"id":"dayonly","source":"Wire","published":"2026-03-02","title":"Calder dockworkers end strike","text":"` + text + `"}
{"id":"timed","source":"Ledger","published":"2026-03-03T09:30:00Z","title":"Calder strike is over","text":"` + text + ` Ships are queueing."}
`
	db, list := addOneStory(t, dir, lines)
	var stories []struct{ ID, FirstPublished, LastPublished string }
	if err := json.Unmarshal([]byte(strings.ReplaceAll(list, "_published", "published")), &stories); err != nil || len(stories) != 1 ||
		stories[0].FirstPublished != "2026-03-02" || stories[0].LastPublished != "2026-03-03T09:30:00Z" {
		t.Fatalf("stories --json = %s", list)
	}
	show, _, _ := storyline(t, "show", "--json", "--db", db, stories[0].ID)
	arts, _, _ := storyline(t, "export", "--what", "articles", "--db", db)
	csv, _, _ := storyline(t, "export", "--what", "articles", "--format", "csv", "--db", db)
	storiesCSV, _, _ := storyline(t, "export", "--what", "stories", "--format", "csv", "--db", db)
	for name, out := range map[string]string{"show --json": show, "export": arts, "export csv": csv, "export stories csv": storiesCSV} {
		if strings.Contains(out, "T00:00:00Z") || !strings.Contains(out, "2026-03-02") || !strings.Contains(out, "2026-03-03T09:30:00Z") {
			t.Errorf("%s gives the day and the time as %s", name, out)
		}
	}
}

// addOneStory adds the JSONL lines (written to dir) to a new database in
// dir, asserts that they made one story, and returns the database and
// what `stories --json` prints of it.
func addOneStory(t *testing.T, dir, lines string) (db, storiesJSON string) {
	t.Helper()
	in := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "s.db")
	if out, errOut, code := storyline(t, "add", "--db", db, in); code != 0 || !strings.Contains(out, "1 story new") {
		t.Fatalf("add: exit %d, %q %q", code, out, errOut)
	}
	storiesJSON, _, _ = storyline(t, "stories", "--db", db, "--json")
	return db, storiesJSON
}

// TestReextractNamesADamagedPageAndGoesOn: a stored page whose body no
// longer unpacks is named on stderr as a failed input (its article, what
// is wrong), the other pages are extracted again, and the exit status is
// 1, as for an add whose inputs partly fail; it stopped every reextract
// with "learn the site templates again: ... unpack raw input".
func TestReextractNamesADamagedPageAndGoesOn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	storyline(t, "add", "--db", db, "testdata/pages")
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE raw_inputs SET body = ? WHERE name LIKE '%ferry-fares.html'", []byte("this is no S2 stream")); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out, errOut, code := storyline(t, "reextract", "--db", db)
	if code != 1 || !strings.HasPrefix(out, "2 articles extracted again, 0 kept as they were (no text found now), ") || !strings.Contains(out, ", 1 failed, ") {
		t.Errorf("reextract with a damaged page: exit %d %q %q; want the other two extracted again, one failure, status 1", code, out, errOut)
	}
	if !strings.Contains(errOut, "failed: ") || !strings.Contains(errOut, "ferry-fares.html: article ") || !strings.Contains(errOut, "does not unpack") {
		t.Errorf("the damaged page is not named on stderr: %q", errOut)
	}
}
