package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// exportDB is a database of the test pages: the harbour chief's two
// reports (one story) and the ferry fares (another).
func exportDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, "testdata/pages"); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	return db
}

func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var recs []T
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestExport(t *testing.T) {
	db := exportDB(t)
	type article struct{ ID, Story, Source, Published, Title, Text string }
	out, errOut, code := storyline(t, "export", "--db", db)
	arts := jsonLines[article](t, out)
	if code != 0 || len(arts) != 3 || errOut != "" {
		t.Fatalf("export: exit %d, %d articles, stderr %q", code, len(arts), errOut)
	}
	stories := map[string][]string{}
	for _, a := range arts {
		if a.ID == "" || a.Story == "" || a.Text == "" {
			t.Errorf("article record %+v lacks a field", a)
		}
		stories[a.Story] = append(stories[a.Story], a.ID)
	}
	if len(stories) != 2 {
		t.Errorf("articles in %d stories, want 2: %v", len(stories), stories)
	}

	type story struct {
		ID       string
		Articles int
		Sources  []string
	}
	out, _, code = storyline(t, "export", "--db", db, "--what", "stories")
	sts := jsonLines[story](t, out)
	if code != 0 || len(sts) != 2 || sts[0].Articles+sts[1].Articles != 3 {
		t.Errorf("stories: exit %d, %+v", code, sts)
	}
	for _, s := range sts {
		if len(stories[s.ID]) != s.Articles {
			t.Errorf("story %s: %d articles, the article export has %d", s.ID, s.Articles, len(stories[s.ID]))
		}
	}

	out, _, _ = storyline(t, "export", "--db", db, "--what", "memberships")
	ms := jsonLines[news.Membership](t, out)
	if len(ms) != 3 || ms[0].Reason == "" || ms[0].StoryID == "" {
		t.Errorf("memberships %+v", ms)
	}

	type comparison struct {
		Story string
		Facts []news.Fact
	}
	out, _, code = storyline(t, "export", "--db", db, "--what", "comparisons")
	cs := jsonLines[comparison](t, out)
	shared := 0
	for _, c := range cs {
		shared += len(c.Facts)
	}
	if code != 0 || len(cs) != 2 || shared == 0 {
		t.Errorf("comparisons: exit %d, %d stories, %d shared facts (the harbour chief's two reports share some)", code, len(cs), shared)
	}
}

func TestExportCSV(t *testing.T) {
	db := exportDB(t)
	for what, header := range map[string][]string{
		"articles":    {"id", "story", "url", "source", "published", "title", "byline", "lang", "kind", "text", "capture_archive", "capture_record_id", "capture_target_uri", "capture_offset", "captures"},
		"stories":     {"id", "title", "summary", "articles", "sources", "first_published", "last_published", "title_derived"},
		"memberships": {"article", "story", "score", "threshold", "duplicate_of", "shared_terms", "shared_names", "reason"},
		"duplicates":  {"story", "group", "size", "articles"},
		"comparisons": {"story", "kind", "text", "detail", "articles"},
	} {
		out, errOut, code := storyline(t, "export", "--db", db, "--format", "csv", "--what", what)
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rows) == 0 || !reflect.DeepEqual(rows[0], header) {
			t.Errorf("export --format csv --what %s: exit %d, %v, %q; header %v", what, code, err, errOut, rows)
			continue
		}
		want := map[string]int{"articles": 3, "stories": 2, "memberships": 3, "duplicates": 0}
		if n, ok := want[what]; ok && len(rows)-1 != n {
			t.Errorf("%s: %d rows, want %d", what, len(rows)-1, n)
		}
	}
}

// Filters by publication time and outlet; bad values are usage errors
// naming the flag.
func TestExportFilters(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"a1","source":"ledger","published":"2024-03-01","title":"Dock strike ends","text":"Dockworkers at the northern port voted to end their strike on Friday after a new wage offer."}
{"id":"a2","source":"courier","published":"2024-03-05T10:00:00Z","title":"Hospital wing opens","text":"The new children's wing of the city hospital opened its doors to its first patients."}
{"id":"a3","source":"courier","title":"A note","text":"Someone wrote a note about the weather without a date."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "s.db")
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	ids := func(args ...string) []string {
		t.Helper()
		out, errOut, code := storyline(t, append([]string{"export", "--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d, %s", args, code, errOut)
		}
		var got []string
		for _, a := range jsonLines[struct{ ID string }](t, out) {
			got = append(got, a.ID)
		}
		return got
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"a1", "a2", "a3"}},
		{[]string{"--since", "2024-03-02"}, []string{"a2"}},
		{[]string{"--until", "2024-03-01"}, []string{"a1"}}, // a day includes the day
		{[]string{"--since", "2024-03-01", "--until", "2024-03-05T10:00:00Z"}, []string{"a1"}},
		{[]string{"--source", "courier"}, []string{"a2", "a3"}},
		{[]string{"--source", "courier", "--since", "2020-01-01"}, []string{"a2"}},
	} {
		got := ids(tc.args...)
		// the export goes story by story: compare as sets
		if !sameSet(got, tc.want) {
			t.Errorf("export %v = %v, want %v", tc.args, got, tc.want)
		}
	}
	for _, args := range [][]string{{"--since", "last week"}, {"--until", "7d"}, {"--format", "xml"}, {"--what", "everything"}, {"extra"}} {
		_, errOut, code := storyline(t, append([]string{"export", "--db", db}, args...)...)
		if code != 2 || !strings.Contains(errOut, args[0]) {
			t.Errorf("export %v: exit %d, stderr %q; want 2 naming %s", args, code, errOut, args[0])
		}
	}
	if _, errOut, code := storyline(t, "export", "--db", filepath.Join(dir, "none.db")); code != 1 || !strings.Contains(errOut, "no database at") {
		t.Errorf("export of a missing database: exit %d, %q", code, errOut)
	}
}

func sameSet(a, b []string) bool {
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestDuplicateGroups(t *testing.T) {
	m := func(id, of string) news.Membership {
		return news.Membership{ArticleID: id, StoryID: "s", DuplicateOf: of}
	}
	for _, tc := range []struct {
		name    string
		members []news.Membership
		want    []duplicateGroup
	}{
		{"none", []news.Membership{m("a", ""), m("b", "")}, nil},
		{"a chain is one group", []news.Membership{m("a", ""), m("b", "a"), m("x", ""), m("c", "b")},
			[]duplicateGroup{{"s", "a", []string{"a", "b", "c"}}}},
		{"two groups", []news.Membership{m("a", ""), m("x", ""), m("b", "a"), m("y", "x")},
			[]duplicateGroup{{"s", "a", []string{"a", "b"}}, {"s", "x", []string{"x", "y"}}}},
		{"a link out of the story", []news.Membership{m("b", "gone"), m("c", "b")},
			[]duplicateGroup{{"s", "b", []string{"b", "c"}}}},
		{"a cycle is one group", []news.Membership{m("b", "a"), m("a", "b")},
			[]duplicateGroup{{"s", "a", []string{"b", "a"}}}},
	} {
		got := duplicateGroups("s", tc.members)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// In CSV a fact is followed by each article's own words, and each value of
// a conflict comes with the sentence that gives it.
func TestComparisonRowsCarryWordingsAndSentences(t *testing.T) {
	c := news.Comparison{
		Facts: []news.Fact{{Text: "Dockworkers voted.", Articles: []string{"a", "b"},
			Wordings: []news.Wording{{Article: "a", Text: "Dockworkers voted."}, {Article: "b", Text: "The dockworkers held a vote."}}}},
		Conflicts: []news.Conflict{{About: "The union counted 412 votes.", Values: []news.ConflictValue{
			{Value: "412 votes", Articles: []string{"a"}, Sentence: "The union counted 412 votes."},
			{Value: "380", Articles: []string{"b"}, Sentence: "Some 380 members voted."},
			{Value: "400", Articles: []string{"c"}}, // stored before values carried their sentence
		}}},
	}
	want := [][]string{
		{"s", "fact", "Dockworkers voted.", "", "a; b"},
		{"s", "wording", "Dockworkers voted.", "Dockworkers voted.", "a"},
		{"s", "wording", "The dockworkers held a vote.", "Dockworkers voted.", "b"},
		{"s", "conflict", "The union counted 412 votes.", "412 votes", "a"},
		{"s", "conflict", "Some 380 members voted.", "380", "b"},
		{"s", "conflict", "The union counted 412 votes.", "400", "c"},
	}
	if got := comparisonRows("s", c); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
}

// TestComparisonRowsPartlyShared: a claim other articles nearly state is a
// "partly" row: its text, the closest sentence as the detail, its own
// article first and then the others.
func TestComparisonRowsPartlyShared(t *testing.T) {
	c := news.Comparison{PartlyShared: map[string][]news.PartlyShared{
		"a1": {{Text: "The council closed the old library.", Articles: []string{"b2"},
			Closest: news.Wording{Article: "b2", Text: "The old library was shut by the council."}}},
	}}
	rows := comparisonRows("s1", c)
	want := []string{"s1", "partly", "The council closed the old library.", "The old library was shut by the council.", "a1; b2"}
	if len(rows) != 1 || !slices.Equal(rows[0], want) {
		t.Errorf("rows = %q, want [%q]", rows, want)
	}
}
