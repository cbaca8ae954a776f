package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// harbourLines are four invented reports of one strike by one outlet under
// three names (a parenthesised qualifier, its domain) and by another
// outlet, its short code.
const harbourLines = `{"id":"a1","url":"https://harbourgazette.example/a1","source":"Harbour Gazette (Online News)","published":"2024-03-05","title":"Dockworkers strike at Kestra port","text":"Dockworkers at the Kestra port walked out on Tuesday over pay. The union said 400 members joined the strike."}
{"id":"a2","url":"https://www.harbourgazette.com/news/strike-2","source":"harbourgazette.com","published":"2024-03-06","title":"Kestra port strike enters second day","text":"The strike at the Kestra port entered a second day on Wednesday. The union said 400 members were out."}
{"id":"a3","url":"https://hg.example/x","source":"hg","published":"2024-03-06","title":"Kestra port strike","text":"Kestra dockworkers went on strike over pay on Tuesday. The union said 400 members joined."}
`

// TestSourceFindsAnOutletUnderItsOtherNames: --source "Harbour Gazette"
// finds the articles stored as "Harbour Gazette (Online News)" and as
// harbourgazette.com; a name of no stored outlet says so on stderr and
// names the close ones; `sources` lists the outlets with their counts.
func TestSourceFindsAnOutletUnderItsOtherNames(t *testing.T) {
	db, _ := addOneStory(t, t.TempDir(), harbourLines)
	out, errOut, code := storyline(t, "export", "--db", db, "--what", "articles", "--source", "Harbour Gazette")
	if code != 0 || strings.Count(out, "\n") != 2 || errOut != "" {
		t.Errorf("export --source \"Harbour Gazette\": exit %d, %d articles, stderr %q; want the 2 of its two names", code, strings.Count(out, "\n"), errOut)
	}
	out, errOut, code = storyline(t, "stories", "--db", db, "--source", "Harbour Sports")
	if code != 0 || strings.TrimSpace(out) != "no stories" ||
		!strings.Contains(errOut, `no outlet "Harbour Sports" is stored; did you mean: "Harbour Gazette (Online News)"?`) {
		t.Errorf("stories --source \"Harbour Sports\": exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, errOut, _ = storyline(t, "export", "--db", db, "--what", "stories", "--source", "Harbor Gazete"); !strings.Contains(errOut, `did you mean: "Harbour Gazette (Online News)"?`) {
		t.Errorf("export --source with a typo: stderr %q", errOut)
	}
	out, _, code = storyline(t, "sources", "--db", db, "--json")
	var list []struct {
		Source   string `json:"source"`
		Key      string `json:"key"`
		Articles int    `json:"articles"`
		Stories  int    `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("sources --json: exit %d, %v: %q", code, err, out)
	}
	type row struct {
		source, key       string
		articles, stories int
	}
	var got []row
	for _, s := range list {
		got = append(got, row{s.Source, s.Key, s.Articles, s.Stories})
	}
	want := []row{{"Harbour Gazette (Online News)", "harbourgazette", 2, 1}, {"hg", "hg", 1, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources --json = %+v, want %+v", got, want)
	}
	out, _, _ = storyline(t, "sources", "--db", db)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 3 || !strings.Contains(lines[1], "harbourgazette") || !strings.HasSuffix(lines[1], "Harbour Gazette (Online News)") {
		t.Errorf("sources:\n%s", out)
	}
}

// TestSourcesOnAnEmptyDatabase says there is no outlet, and --json gives [].
func TestSourcesOnAnEmptyDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	in := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(in, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 1 || !strings.Contains(errOut, "empty") {
		t.Fatalf("add of an empty file: exit %d, %q; want 1, the file named as empty", code, errOut)
	}
	if out, _, code := storyline(t, "sources", "--db", db, "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("sources --json on an empty database: exit %d, %q", code, out)
	}
	if out, _, _ := storyline(t, "sources", "--db", db); strings.TrimSpace(out) != "no outlets" {
		t.Errorf("sources on an empty database: %q", out)
	}
}

// TestJSONLArticleIsDatedByItsURL: an article line with text, a dated URL
// and no "published" is dated by its URL's day, as an HTML page of that
// address is; a "published" of its own wins, and a URL day after today
// dates nothing.
func TestJSONLArticleIsDatedByItsURL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	lines := `{"id":"d1","url":"https://calder.example/2018/04/17/ferry-fares","source":"Calder Courier","title":"Ferry fares rise","text":"The ferry operator raised its fares by a tenth on Tuesday."}
{"id":"d2","url":"https://calder.example/2018/04/17/bridge","published":"2018-04-18","source":"Calder Courier","title":"Bridge shut","text":"The old bridge was shut for repairs on Wednesday."}
{"id":"d3","url":"https://calder.example/2999/01/02/later","source":"Calder Courier","title":"Plans for later","text":"The council set out its plans for the harbour."}
{"id":"d4","url":"https://calder.example/news/harbour","source":"Calder Courier","title":"Harbour dredged","text":"Dredgers worked through the night in the harbour."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: exit %d, %q", code, errOut)
	}
	out, _, _ := storyline(t, "export", "--db", db, "--what", "articles")
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ ID, Published string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		got[a.ID] = a.Published
	}
	want := map[string]string{"d1": "2018-04-17", "d2": "2018-04-18", "d3": "", "d4": ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("published = %v, want %v", got, want)
	}
}

// TestAddAgainWithSourceSetsTheOutlet: a page stored under the outlet its
// text gives, added again with --source, is filed under the named outlet
// (the summary says so); added again without --source, or with the same
// name, it keeps it.
func TestAddAgainWithSourceSetsTheOutlet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	page := filepath.Join("testdata/pages", "harbour-chief-courier.txt")
	steps := []struct {
		args       []string
		summary    string
		wantSource string
	}{
		{nil, "1 article stored, 0 already stored,", "Northfield Courier"},
		{[]string{"--source", "Calder Weekly"}, "1 already stored (1 given the outlet named now)", "Calder Weekly"},
		{[]string{"--source", "Calder Weekly"}, "1 already stored, ", "Calder Weekly"},
		{nil, "1 already stored, ", "Calder Weekly"},
	}
	for i, s := range steps {
		args := append(append([]string{"add", "--db", db}, s.args...), page)
		out, errOut, code := storyline(t, args...)
		if code != 0 || !strings.Contains(out, s.summary) {
			t.Fatalf("step %d: add %q: exit %d, %q %q; want %q", i, s.args, code, out, errOut, s.summary)
		}
		if got := namedArticles(t, db)["harbour-chief-courier"][0]; got != s.wantSource {
			t.Errorf("step %d: source %q, want %q", i, got, s.wantSource)
		}
	}
	if out, _, _ := storyline(t, "add", "--db", db, "--json", "--source", "Calder Courier", page); !strings.Contains(out, `"outlets_set":1`) {
		t.Errorf("add --json does not count the outlet set: %s", out)
	}
}

// TestReextractKeepsTheNamedOutlet: a page added with --source keeps that
// outlet when extracted again (it was replaced by the name extraction
// finds).
func TestReextractKeepsTheNamedOutlet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, "--source", "Calder Weekly", filepath.Join("testdata/pages", "harbour-chief-courier.txt")); code != 0 {
		t.Fatalf("add: exit %d, %q", code, errOut)
	}
	if _, errOut, code := storyline(t, "reextract", "--db", db); code != 0 {
		t.Fatalf("reextract: exit %d, %q", code, errOut)
	}
	if got := namedArticles(t, db)["harbour-chief-courier"][0]; got != "Calder Weekly" {
		t.Errorf("source after reextract = %q, want Calder Weekly", got)
	}
}
