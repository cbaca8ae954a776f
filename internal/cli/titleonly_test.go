package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// titleOnlyPier is two articles of one event as JSONL: a photo post that
// gives no text (as a page called an article with no block at
// minArticleTopProb now does: internal/extract, hasNoArticleBlock) and a
// report of the same event with text.
const titleOnlyPier = `{"id":"photo","url":"https://harbour.example/photo/pier","source":"Harbour Days","published":"2026-12-06T07:10:00Z","title":"Ferry pier closes for repairs","kind":"article","text":""}
{"id":"report","url":"https://ledger.example/news/pier-closes","source":"The Ledger","published":"2026-12-06T09:00:00Z","title":"Ferry pier closes for repairs until March","kind":"article","text":"The ferry pier closes on Monday for repairs that will last until March, the harbour office said. Ferries will leave from the north quay while the old planks are replaced."}
`

// TestTitleOnlyArticleStoredAndClustered: an article with a title and no
// text is stored, without an error or a warning, and joins the story of a
// report of the same event, on SQLite and on PostgreSQL (a guard of what
// the bodiless rule of session 47 relies on; it held before the rule).
func TestTitleOnlyArticleStoredAndClustered(t *testing.T) {
	in := filepath.Join(t.TempDir(), "pier.jsonl")
	if err := os.WriteFile(in, []byte(titleOnlyPier), 0o644); err != nil {
		t.Fatal(err)
	}
	stores := map[string]func() string{
		"sqlite":     func() string { return filepath.Join(t.TempDir(), "s.db") },
		"postgresql": func() string { return pgCluster.NewDatabase(t) },
	}
	for name, db := range stores {
		t.Run(name, func(t *testing.T) {
			db := db()
			out, errOut, code := storyline(t, "add", "--db", db, in)
			if want := "2 inputs read, 2 articles stored, 0 already stored, 1 story new, 0 updated, 0 failed\n"; code != 0 || out != want || errOut != "" {
				t.Fatalf("add: exit %d, %q %q; want %q and nothing on stderr", code, out, errOut, want)
			}
			out, _, code = storyline(t, "stories", "--db", db, "--json")
			var stories []struct{ Articles int }
			if err := json.Unmarshal([]byte(out), &stories); err != nil || code != 0 || len(stories) != 1 || stories[0].Articles != 2 {
				t.Errorf("stories: exit %d, %s; want one story of both articles", code, out)
			}
		})
	}
}
