package engine_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// brambleParagraphs is an invented article of an invented site: a short
// report, so that its fixed typo changes a fifth of its words.
var brambleParagraphs = []string{
	"The Bramble Vale water board voted on Tuesday to raise household rates by six percent from April, the first increase in four years.",
	"Board chair Odile Fenner said the money would replace cast-iron mains laid in the 1950s under the old town, which burst eleven times last winter.",
	"Residents who spoke at the meeting asked for a cap on the rise for pensioners, and the board agreed to study a reduced tariff before the spring budget.",
	"The average household bill will go from 412 to 437 a year, according to figures the board published with its agenda.",
	"Work on the first section of mains, along Quarry Lane, is due to start in May and last about nine weeks.",
}

// brambleCapture is one capture of the article: its headline, its
// paragraphs, and the site's chrome around them.
func brambleCapture(headline string, paras []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>%s - Bramble Vale Herald</title><meta property="og:site_name" content="Bramble Vale Herald">
<meta property="article:published_time" content="2026-11-03T18:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>%s</h1><p class="byline">By Teodor Lisk</p>`, headline, headline)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString(`</article><aside><h3>Most read</h3><ul><li><a href="/a">Bypass opens a month late</a></li>
<li><a href="/b">Choir wins regional final</a></li></ul></aside>
<footer><p>The Bramble Vale Herald, 14 Mill Street. Tips by email to the newsroom.</p></footer></body></html>`)
	return []byte(b.String())
}

// pageInput is one page given with its address.
func pageInput(id, url string, body []byte) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		yield(news.Input{Name: id + ".html", Page: &news.Page{ID: id, URL: url, Kind: news.KindHTML, Body: body}}, nil)
	}
}

// TestNearCopiesKeepTheirText: three captures of one article from one site
// (a changed headline, a fixed typo, an added paragraph), each added on its
// own, are three stored pages of the site, but one article: they must not
// teach each other their text as the site's boilerplate. Before, the third
// capture was stored with only the paragraphs the first two did not share,
// and reextract emptied the first.
func TestNearCopiesKeepTheirText(t *testing.T) {
	ctx := context.Background()
	fixed := append([]string(nil), brambleParagraphs...)
	fixed[1] = strings.Replace(fixed[1], "eleven times", "eleven times in all", 1)
	added := append(append([]string(nil), brambleParagraphs...), "A second vote, on a loan of 3.2 million for a new pumping station, was put off until January.")
	captures := []struct {
		id, url string
		body    []byte
	}{
		{"first", "https://bramblevale.example/local/water-rates-rise", brambleCapture("Water rates to rise six percent", brambleParagraphs)},
		{"fixed", "https://bramblevale.example/local/water-board-raises-rates", brambleCapture("Water board raises rates by six percent", fixed)},
		{"added", "https://bramblevale.example/local/water-board-raises-rates?update=2", brambleCapture("Water board raises rates by six percent", added)},
	}
	st := tempStore(t)
	for _, c := range captures {
		if sum := run(t, st, pageInput(c.id, c.url, c.body), engine.Options{}); sum.Stored != 1 {
			t.Fatalf("%s: %+v, want it stored", c.id, sum)
		}
	}
	wantAll := func(when string) {
		t.Helper()
		for _, c := range captures {
			wantBrambleText(t, st, when, c.id)
		}
	}
	wantAll("added")
	e := start(t, st, engine.Options{})
	if _, err := e.Reextract(ctx); err != nil {
		t.Fatal(err)
	}
	wantAll("after reextract")
}

// TestReextractRelearnsTemplatesCopiesTaught: a site whose stored template
// was taught by copies of one article (as versions before the near-copy
// rule taught it, simulated by storing such a template) drops that
// article's text; reextract learns the template again from the stored
// pages, so the article gets its text back, and the template it stores is
// the one adding the pages one at a time learns.
func TestReextractRelearnsTemplatesCopiesTaught(t *testing.T) {
	ctx := context.Background()
	captures := brambleCaptures()
	st := tempStore(t)
	for _, c := range captures {
		if sum := run(t, st, pageInput(c.id, c.url, c.body), engine.Options{}); sum.Stored != 1 {
			t.Fatalf("%s: %+v, want it stored", c.id, sum)
		}
	}
	const site = "bramblevale.example"
	learned, err := st.SiteTemplate(ctx, site)
	if err != nil || learned == nil {
		t.Fatalf("no template stored for %s: %v", site, err)
	}
	taught := extract.NewTemplate() // every capture learned, as before the near-copy rule
	for _, c := range captures {
		r, err := extract.WithTemplate(news.Page{ID: c.id, URL: c.url, Kind: news.KindHTML, Body: c.body}, nil)
		if err != nil {
			t.Fatal(err)
		}
		taught.Learn(r.Blocks)
	}
	if !taught.Boilerplate(extract.Fingerprint(brambleParagraphs[4])) {
		t.Fatal("the simulated old template does not take the article's text for boilerplate")
	}
	old, _ := taught.MarshalBinary()
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Templates: map[string][]byte{site: old}, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	sum, err := start(t, st, engine.Options{}).Reextract(ctx)
	if err != nil || sum.Updated != 3 || sum.Templates != 1 {
		t.Fatalf("reextract = %+v, %v; want 3 articles updated, 1 template learned again", sum, err)
	}
	for _, c := range captures {
		wantBrambleText(t, st, "after reextract", c.id)
	}
	relearned, _ := st.SiteTemplate(ctx, site)
	if got, want := templateCounts(t, relearned), templateCounts(t, learned); !reflect.DeepEqual(got, want) {
		t.Errorf("the template learned again differs from the one adding the pages learned:\n got %v\nwant %v", got, want)
	}
}

// brambleCaptures are three captures of brambleParagraphs' article under
// three addresses: the first, one with a new headline and a fixed typo,
// and one more with a paragraph added.
func brambleCaptures() []struct {
	id, url string
	body    []byte
} {
	fixed := append([]string(nil), brambleParagraphs...)
	fixed[1] = strings.Replace(fixed[1], "eleven times", "eleven times in all", 1)
	added := append(append([]string(nil), brambleParagraphs...), "A second vote, on a loan of 3.2 million for a new pumping station, was put off until January.")
	return []struct {
		id, url string
		body    []byte
	}{
		{"first", "https://bramblevale.example/local/water-rates-rise", brambleCapture("Water rates to rise six percent", brambleParagraphs)},
		{"fixed", "https://bramblevale.example/local/water-board-raises-rates", brambleCapture("Water board raises rates by six percent", fixed)},
		{"added", "https://bramblevale.example/local/water-board-raises-rates?update=2", brambleCapture("Water board raises rates by six percent", added)},
	}
}

// templateCounts decodes a stored template (extract.Template's encoding:
// its page count, then each block's fingerprint and count) into its page
// count and a map of block counts, which compare whatever the order the
// blocks were written in.
func templateCounts(t *testing.T, b []byte) map[uint64]uint64 {
	t.Helper()
	pages, k := binary.Uvarint(b)
	if k <= 0 {
		t.Fatalf("template %x: no page count", b)
	}
	out := map[uint64]uint64{0: pages} // no block has fingerprint 0 in these pages
	for b = b[k:]; len(b) > 0; {
		if len(b) < 9 {
			t.Fatalf("template truncated")
		}
		n, k := binary.Uvarint(b[8:])
		out[binary.LittleEndian.Uint64(b)] = n
		b = b[8+k:]
	}
	return out
}

// wantBrambleText fails t when the stored article id lacks a phrase of
// each part of the Bramblevale article (its start, middle and end).
func wantBrambleText(t *testing.T, st *sqlite.Store, when, id string) {
	t.Helper()
	a, err := st.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"first increase in four years", "Quarry Lane", "reduced tariff"} {
		if !strings.Contains(a.Text, p) {
			t.Errorf("%s: capture %q lacks %q:\n%s", when, id, p, a.Text)
		}
	}
}
