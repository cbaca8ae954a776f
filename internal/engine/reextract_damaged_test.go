package engine_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/store/sqlite"
	"github.com/storyline-news/storyline/internal/store/storetest"
)

// damageRaw overwrites the stored body of the raw input named name with
// bytes that do not unpack, through a connection of its own (a damaged
// disk, or a hand edit).
func damageRaw(t *testing.T, st *sqlite.Store, name string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec("UPDATE raw_inputs SET body = ? WHERE name = ?", storetest.DamagedBody, name)
	if n, _ := res.RowsAffected(); err != nil || n != 1 {
		t.Fatalf("damage %s: %d rows, %v", name, n, err)
	}
}

// separateSitePage is a page of its own site: a headline and two paragraphs.
func separateSitePage(site, headline, first, second string) []byte {
	return fmt.Appendf(nil, `<html><head><title>%[2]s</title></head><body><nav><a href="/">%[1]s</a></nav>
<article><h1>%[2]s</h1><p>%[3]s</p><p>%[4]s</p></article></body></html>`, site, headline, first, second)
}

// TestReextractSkipsAndNamesADamagedPage: one stored page whose body no
// longer unpacks stopped every reextract of the store ("learn the site
// templates again: ... unpack raw input"). Now that page is named among
// the failures (its article, its address, what is wrong), its article keeps
// its stored text, and the pages after it are extracted again.
func TestReextractSkipsAndNamesADamagedPage(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	pages := []struct{ id, url, headline, first, second string }{
		{"quarry", "https://tolmgazette.example/quarry-closes", "Quarry at Tolm to close in June",
			"The limestone quarry at Tolm will close in June after ninety years, its owner said on Tuesday.",
			"Forty-one workers will be offered jobs at the company's plant in Brennock."},
		{"bridge", "https://fenwickpost.example/bridge-repairs", "Fenwick bridge shut for repairs",
			"The old road bridge at Fenwick will be shut to traffic for six weeks from Monday while its deck is replaced.",
			"Buses will run a diversion through Aldbury, adding twenty minutes to the journey."},
		{"choir", "https://northfieldnews.example/choir-prize", "Northfield choir wins regional prize",
			"The Northfield youth choir won the regional choral prize on Saturday with a programme of folk songs.",
			"Its conductor said the prize money would pay for a tour of the coast in the summer."},
	}
	for _, p := range pages {
		if sum := run(t, st, pageInput(p.id, p.url, separateSitePage(p.url, p.headline, p.first, p.second)), engine.Options{}); sum.Stored != 1 {
			t.Fatalf("%s: %+v, want it stored", p.id, sum)
		}
	}
	before, err := st.Article(ctx, "quarry")
	if err != nil {
		t.Fatal(err)
	}
	damageRaw(t, st, "quarry.html") // the first stored: every page after it must still be read

	sum, err := start(t, st, engine.Options{}).Reextract(ctx)
	if err != nil {
		t.Fatalf("reextract stopped at the damaged page: %v", err)
	}
	if sum.Updated != 2 || len(sum.Failures) != 1 || sum.Templates != 2 {
		t.Fatalf("reextract = %+v; want the two readable pages extracted again (and teaching their sites) and one failure", sum)
	}
	failure := sum.Failures[0].Error()
	for _, want := range []string{"quarry.html", "article quarry", pages[0].url, "does not unpack"} {
		if !strings.Contains(failure, want) {
			t.Errorf("the failure %q does not say %q", failure, want)
		}
	}
	if after, err := st.Article(ctx, "quarry"); err != nil || after.Text != before.Text || after.Title != before.Title {
		t.Errorf("the damaged page's article changed: %q -> %q (%v)", before.Text, after.Text, err)
	}
}
