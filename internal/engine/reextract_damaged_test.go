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

// storedTemplates returns the stored template of each site, nil when it
// has none.
func storedTemplates(t *testing.T, st *sqlite.Store, sites ...string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, site := range sites {
		b, err := st.SiteTemplate(context.Background(), site)
		if err != nil {
			t.Fatal(err)
		}
		out[site] = b
	}
	return out
}

// TestReextractKeepsTheTemplateOfASiteWhosePagesAreAllDamaged: a site's
// template is learned again from its stored pages; when none of them can
// be read back, there is nothing to learn it from, and the stored one (what
// those pages taught when they could be read) must stay, not be dropped
// with the rest. Probed with one damaged page that is its site's only one,
// two damaged pages of one site, and every stored page damaged; a site with
// a readable page is still learned again.
func TestReextractKeepsTheTemplateOfASiteWhosePagesAreAllDamaged(t *testing.T) {
	pages := []struct{ id, url, headline, first, second string }{
		{"quarry", "https://tolmgazette.example/quarry-closes", "Quarry at Tolm to close in June",
			"The limestone quarry at Tolm will close in June after ninety years, its owner said on Tuesday.",
			"Forty-one workers will be offered jobs at the company's plant in Brennock."},
		{"kiln", "https://tolmgazette.example/kiln-reopens", "Tolm brick kiln to reopen",
			"The brick kiln on the Tolm road will reopen in spring under a cooperative of its former workers.",
			"The cooperative has raised most of the money it needs from a local bank and a heritage fund."},
		{"bridge", "https://fenwickpost.example/bridge-repairs", "Fenwick bridge shut for repairs",
			"The old road bridge at Fenwick will be shut to traffic for six weeks from Monday while its deck is replaced.",
			"Buses will run a diversion through Aldbury, adding twenty minutes to the journey."},
	}
	sites := []string{"tolmgazette.example", "fenwickpost.example"}
	for _, tc := range []struct {
		name    string
		damaged []string
		kept    []string // sites whose stored template must stay as it was
		learned int      // templates learned again
	}{
		{"the only page of a site", []string{"bridge.html"}, []string{"fenwickpost.example"}, 1},
		{"every page of a site", []string{"quarry.html", "kiln.html"}, []string{"tolmgazette.example"}, 1},
		{"every page", []string{"quarry.html", "kiln.html", "bridge.html"}, sites, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st := tempStore(t)
			for _, p := range pages {
				if sum := run(t, st, pageInput(p.id, p.url, separateSitePage(p.url, p.headline, p.first, p.second)), engine.Options{}); sum.Stored != 1 {
					t.Fatalf("%s: %+v, want it stored", p.id, sum)
				}
			}
			before := storedTemplates(t, st, sites...)
			for _, site := range sites {
				if before[site] == nil {
					t.Fatalf("no template stored for %s before reextract", site)
				}
			}
			for _, name := range tc.damaged {
				damageRaw(t, st, name)
			}
			sum, err := start(t, st, engine.Options{}).Reextract(ctx)
			if err != nil || len(sum.Failures) != len(tc.damaged) || sum.Templates != tc.learned {
				t.Fatalf("reextract = %+v, %v; want %d failures and %d templates learned again", sum, err, len(tc.damaged), tc.learned)
			}
			after := storedTemplates(t, st, sites...)
			for _, site := range sites {
				if after[site] == nil {
					t.Errorf("the template of %s was dropped by reextract", site)
				}
			}
			for _, site := range tc.kept {
				if string(after[site]) != string(before[site]) {
					t.Errorf("the template of %s, whose pages cannot be read, changed", site)
				}
			}
		})
	}
}

// TestReextractKeepsTheTemplateOfAFilePagesSiteWhenItIsDamaged: a page
// read from a file has no address; its site is the one its article names
// (its canonical link). Damaged, and the only page of that site, it keeps
// the site's stored template as a fetched page does.
func TestReextractKeepsTheTemplateOfAFilePagesSiteWhenItIsDamaged(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	body := []byte(`<html><head><title>Marsh reserve doubles in size</title>
<link rel="canonical" href="https://lowmoorherald.example/marsh-reserve"></head><body><nav><a href="/">Lowmoor Herald</a></nav>
<article><h1>Marsh reserve doubles in size</h1><p>The Lowmoor marsh reserve will double in size after a farm beside it was bought by the wildlife trust.</p>
<p>The trust said the new land would be flooded in winter to give wading birds more room to feed.</p></article></body></html>`)
	if sum := run(t, st, pageInput("marsh", "", body), engine.Options{}); sum.Stored != 1 {
		t.Fatalf("%+v, want it stored", sum)
	}
	const site = "lowmoorherald.example"
	before := storedTemplates(t, st, site)[site]
	if before == nil {
		t.Fatalf("no template stored for %s before reextract", site)
	}
	damageRaw(t, st, "marsh.html")
	if sum, err := start(t, st, engine.Options{}).Reextract(ctx); err != nil || len(sum.Failures) != 1 {
		t.Fatalf("reextract = %+v, %v; want one failure", sum, err)
	}
	if after := storedTemplates(t, st, site)[site]; string(after) != string(before) {
		t.Errorf("the template of %s, whose only page cannot be read, was %d bytes and is %d after reextract", site, len(before), len(after))
	}
}
