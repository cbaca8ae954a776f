package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A JSONL record whose published is a zero value or a typo of a year (out
// of 1600-2100, news.GivenPublished) fails, naming its line and the date,
// with exit status 1; the other records are stored, an archive's old date
// among them.
func TestAddRefusesAGivenDateOutOfTheYearsOfNews(t *testing.T) {
	lines := `{"id":"zero","published":"0001-01-02","title":"Dock strike ends","text":"Dockworkers at the northern port voted to end their strike on Friday after a new wage offer."}
{"id":"archive","published":"1912-04-16","title":"Liner lost at sea","text":"The liner sank on its first crossing after striking ice, and hundreds of its passengers were lost."}
{"id":"typo","published":"2926-03-01T10:00:00Z","title":"Hospital wing opens","text":"The new children's wing of the city hospital opened its doors to its first patients."}
{"id":"current","published":"2026-03-01","title":"Ferry fares rise","text":"The operator of the ferries will raise fares on all routes by up to eight percent from April."}
`
	db := filepath.Join(t.TempDir(), "s.db")
	_, errOut, code := runWithStdin(t, lines, "add", "--db", db, "-")
	if code != 1 {
		t.Fatalf("add: exit %d, want 1; stderr %q", code, errOut)
	}
	for _, want := range []string{`stdin:1: published "0001-01-02" is outside the years 1600 to 2100`, `stdin:3: published "2926-03-01T10:00:00Z" is outside`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q does not say %q", errOut, want)
		}
	}
	got := namedArticles(t, db)
	if len(got) != 2 {
		t.Errorf("stored %v, want the archive's and the current article alone", got)
	}
	if _, ok := got["archive"]; !ok {
		t.Errorf("the 1912 article is not stored: %v", got)
	}
	if _, ok := got["current"]; !ok {
		t.Errorf("the current article is not stored: %v", got)
	}
}
