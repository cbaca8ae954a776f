package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesAliasFilesAShortCode (SQLite): `sources alias hg "Harbour
// Gazette"` files the short code's article under the outlet for
// --source, export and `sources`, which lists the alias; --remove parts
// them; bad input is a usage error or names the input.
func TestSourcesAliasFilesAShortCode(t *testing.T) {
	db, _ := addOneStory(t, t.TempDir(), harbourLines)
	testSourcesAlias(t, db)
}

// TestSourcesAliasOnPostgres: the same on PostgreSQL.
func TestSourcesAliasOnPostgres(t *testing.T) {
	db := pgCluster.NewDatabase(t)
	in := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(in, []byte(harbourLines), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: exit %d, %q", code, errOut)
	}
	testSourcesAlias(t, db)
}

func testSourcesAlias(t *testing.T, db string) {
	t.Helper()
	story := onlyStory(t, db)
	if out, _, _ := storyline(t, "show", "--db", db, story); !strings.Contains(out, " hg [a3]") {
		t.Fatalf("show before the alias does not name hg:\n%s", out)
	}
	long := strings.Repeat("Harbour ", 30)
	if _, errOut, code := storyline(t, "sources", "alias", "--db", db, long, "Harbour Gazette"); code == 0 || !strings.Contains(errOut, "is 240 characters") || strings.Contains(errOut, long) {
		t.Errorf("sources alias of a 240-character name: exit %d, %q; want it refused, saying how long", code, errOut)
	}
	out, errOut, code := storyline(t, "sources", "alias", "--db", db, "hg", "Harbour Gazette")
	if code != 0 || out != "hg filed under harbourgazette (1 article moved)\n" {
		t.Fatalf("sources alias: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ := storyline(t, "show", "--db", db, story); strings.Contains(out, "hg") || !strings.Contains(out, "Harbour Gazette (Online News) [a3]") {
		t.Errorf("show after the alias names hg apart; want the outlet's name:\n%s", out)
	}
	out, _, _ = storyline(t, "show", "--db", db, "--json", story)
	var shown struct {
		Timeline []struct {
			Article, Source string
		}
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil || len(shown.Timeline) != 3 {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	for _, e := range shown.Timeline {
		if e.Article == "a3" && e.Source != "Harbour Gazette (Online News)" {
			t.Errorf("show --json after the alias gives a3's source as %q, want the outlet's name", e.Source)
		}
	}
	out, _, _ = storyline(t, "export", "--db", db, "--what", "articles", "--source", "HG")
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("export --source HG after the alias: %d articles, want the outlet's 3", n)
	}
	if _, errOut, _ := storyline(t, "stories", "--db", db, "--source", "hg"); errOut != "" {
		t.Errorf("stories --source hg says %q; hg is an alias of a stored outlet", errOut)
	}
	out, _, _ = storyline(t, "sources", "--db", db)
	if !strings.Contains(out, "alias hg -> harbourgazette\n") || strings.Count(out, "\n") != 3 {
		t.Errorf("sources after the alias:\n%s", out)
	}
	out, _, _ = storyline(t, "sources", "--db", db, "--json")
	var list []struct {
		Key     string   `json:"key"`
		Aliases []string `json:"aliases"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].Key != "harbourgazette" || len(list[0].Aliases) != 1 || list[0].Aliases[0] != "hg" {
		t.Errorf("sources --json after the alias = %+v, %v", list, err)
	}
	out, errOut, code = storyline(t, "sources", "alias", "--db", db, "--remove", "hg")
	if code != 0 || out != "hg no longer filed under harbourgazette (1 article moved)\n" {
		t.Errorf("sources alias --remove: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ = storyline(t, "export", "--db", db, "--what", "articles", "--source", "hg"); strings.Count(out, "\n") != 1 {
		t.Errorf("export --source hg after --remove: %q, want its 1 article", out)
	}
	// An outlet of no stored article: the alias is kept, and the close
	// stored outlets are named on stderr.
	out, errOut, code = storyline(t, "sources", "alias", "--db", db, "hgz", "Harbour Gazete")
	if code != 0 || !strings.Contains(errOut, `no outlet "Harbour Gazete" is stored; did you mean: "Harbour Gazette (Online News)"?`) {
		t.Errorf("sources alias to a misspelt outlet: exit %d, %q %q", code, out, errOut)
	}
	// The misspelling filed under the outlet takes hgz along; removing it
	// leaves hgz on the name it was given.
	if out, errOut, code = storyline(t, "sources", "alias", "--db", db, "Harbour Gazete", "Harbour Gazette"); code != 0 {
		t.Fatalf("sources alias of the misspelling: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ = storyline(t, "sources", "alias", "--db", db, "hgx", "hgz"); out != "hgx filed under harbourgazette, through hgz (0 articles moved)\n" {
		t.Errorf("sources alias of an alias of an alias says %q", out)
	}
	if out, _, _ = storyline(t, "sources", "--db", db); !strings.Contains(out, "alias hgz -> harbourgazete -> harbourgazette\n") {
		t.Errorf("sources with the chain hgz -> Harbour Gazete -> Harbour Gazette:\n%s", out)
	}
	storyline(t, "sources", "alias", "--db", db, "--remove", "Harbour Gazete")
	if out, _, _ = storyline(t, "sources", "--db", db); !strings.Contains(out, "alias hgz -> harbourgazete\n") || !strings.Contains(out, "alias hgx -> hgz -> harbourgazete\n") {
		t.Errorf("sources once the middle of the chain was removed:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"only-one"}, 2, "takes NAME and OUTLET"},
		{[]string{"--remove", "a", "b"}, 2, "takes one NAME"},
		{[]string{"--remove", "hg"}, 1, `no alias "hg" is stored`},
		{[]string{"hg", "HG"}, 1, "already one outlet"},
		{[]string{" ", "hg"}, 1, "no letters or digits"},
	} {
		_, errOut, code := storyline(t, append([]string{"sources", "alias", "--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.says) {
			t.Errorf("sources alias %q: exit %d, stderr %q; want exit %d saying %q", c.args, code, errOut, c.code, c.says)
		}
	}
}

// TestSourcesCutsALongKey: an outlet named by a whole headline does not
// widen the sources table past its cut key (the full key is in --json).
func TestSourcesCutsALongKey(t *testing.T) {
	long := strings.Repeat("Marlow ferry fares rise again ", 4)
	line := `{"id":"l1","url":"https://marlow.example/l1","source":"` + long + `","published":"2024-03-05","title":"Ferry fares","text":"Ferry fares in Marlow rose on Monday, the council said."}` + "\n"
	dir := t.TempDir()
	db, in := filepath.Join(dir, "s.db"), filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, []byte(harbourLines+line), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := storyline(t, "add", "--db", db, in); code != 0 {
		t.Fatalf("add: exit %d, %q", code, errOut)
	}
	out, _, code := storyline(t, "sources", "--db", db)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 4 || !strings.Contains(out, "marlowferryfaresriseagainmarl… ") {
		t.Fatalf("sources: exit %d\n%s", code, out)
	}
	if at := strings.Index(lines[0], "SOURCE"); at > len("ARTICLES  STORIES  SHARED  FIRST  REWRITES  ")+maxKeyShown+2 {
		t.Errorf("a long key widens the table (SOURCE at column %d):\n%s", at, out)
	}
}

// TestStoriesNameAnAliasedOutletByItsOwnName: a story of an outlet whose
// short code sorts first ("KC" before "Kestra Courier") shows the outlet's
// name, not the code, once the code is aliased to it (stories and the
// API's list read one Reader).
func TestStoriesNameAnAliasedOutletByItsOwnName(t *testing.T) {
	lines := `{"id":"k1","url":"https://kestracourier.example/k1","source":"Kestra Courier","published":"2024-03-05","title":"Kestra bridge reopens","text":"The Kestra bridge reopened on Wednesday after six months of repairs, the city said."}
{"id":"k2","url":"https://kc.example/k2","source":"KC","published":"2024-03-05","title":"Kestra bridge open again","text":"After six months of repairs the Kestra bridge reopened on Wednesday, the city said."}
`
	db, _ := addOneStory(t, t.TempDir(), lines)
	if _, errOut, code := storyline(t, "sources", "alias", "--db", db, "KC", "Kestra Courier"); code != 0 {
		t.Fatalf("sources alias: exit %d, %q", code, errOut)
	}
	out, _, _ := storyline(t, "stories", "--db", db, "--json")
	var list []struct {
		Sources []string `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || fmt.Sprint(list[0].Sources) != "[Kestra Courier]" {
		t.Errorf("stories after aliasing KC = %+v, %v; want one story of [Kestra Courier]", list, err)
	}
	out, _, _ = storyline(t, "export", "--db", db, "--what", "stories")
	if !strings.Contains(out, `"sources":["Kestra Courier"]`) {
		t.Errorf("export --what stories after aliasing KC:\n%s", out)
	}
}

// onlyStory is the id of the one story of db.
func onlyStory(t *testing.T, db string) string {
	t.Helper()
	out, errOut, code := storyline(t, "stories", "--db", db, "--json")
	var list []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("stories --json: exit %d, %v, %q %q", code, err, out, errOut)
	}
	return list[0].ID
}
