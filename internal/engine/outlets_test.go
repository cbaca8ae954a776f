package engine_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// outletsStore counts SetSources calls and fails them when told to.
type outletsStore struct {
	*sqlite.Store
	calls atomic.Int64
	fail  bool
}

var errOutletsLocked = errors.New("database is locked (SQLITE_BUSY)")

func (o *outletsStore) SetSources(ctx context.Context, outlets []news.OutletGiven) ([]int, error) {
	o.calls.Add(1)
	if o.fail {
		return nil, errOutletsLocked
	}
	return o.Store.SetSources(ctx, outlets)
}

// harbourPages are invented text pages from..to-1, each its own report,
// named by the outlet source (none when "").
func harbourPages(from, to int, source string) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for i := from; i < to; i++ {
			body := fmt.Sprintf("Ferry line %d reopens\n\nThe ferry line number %d to the islands of Calder reopened on Monday after the harbour works, the operator said in a statement about route %d.", i, i*7919, i*104729)
			in := news.Input{Name: fmt.Sprintf("page%d.txt", i), Page: &news.Page{ID: fmt.Sprintf("page%d", i), Source: source, Kind: news.KindText, Body: []byte(body)}}
			if !yield(in, nil) {
				return
			}
		}
	}
}

// TestOutletsNamedForStoredPagesAreSetInOneTransaction: three stored pages
// added again with an outlet named are renamed by one SetSources call; when
// it fails, the run says that the outlets were not set, not that the
// two new pages' articles, which were stored, were not ("0 of 2 placed
// articles not stored").
func TestOutletsNamedForStoredPagesAreSetInOneTransaction(t *testing.T) {
	st := &outletsStore{Store: tempStore(t)}
	if sum := run(t, st, harbourPages(0, 3, ""), engine.Options{}); sum.Stored != 3 {
		t.Fatalf("first run stored %d, want 3", sum.Stored)
	}
	st.calls.Store(0)
	sum := run(t, st, harbourPages(0, 3, "Calder Courier"), engine.Options{})
	if sum.OutletsSet != 3 || st.calls.Load() != 1 {
		t.Errorf("outlets set %d in %d SetSources calls; want 3 in 1", sum.OutletsSet, st.calls.Load())
	}
	st.fail = true
	e, err := engine.Start(context.Background(), st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	sum, err = e.Submit(context.Background(), harbourPages(0, 5, "Kestra Daily"), nil)
	if n, _, _ := st.Counts(context.Background()); n != 5 || sum.Stored != 2 {
		t.Errorf("after the failed renames: %d articles stored, the run says %d; want 5, 2", n, sum.Stored)
	}
	if err == nil || !strings.Contains(err.Error(), "the outlets named for 3 pages stored before were not set") || strings.Contains(err.Error(), "placed articles not stored") {
		t.Errorf("run error %v; want the outlets of 3 pages not set, and no article said unstored", err)
	}
}

// ferryArticles are invented articles given as such (as JSONL lines are),
// one per outlet named (none when ""), each with the url given (none when
// ""): the same text under every outlet.
func ferryArticles(url string, sources ...string) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for i, source := range sources {
			a := news.Article{ID: fmt.Sprintf("ferry%d", i), Title: "Calder ferry resumes its island route",
				Text: "The ferry to the islands of Calder resumed its route on Monday after harbour works, the operator said, with four crossings a day until spring.",
				URL:  url, Source: source, Published: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
			if !yield(news.Input{Name: fmt.Sprintf("ferry.jsonl:%d", i+1), Article: &a}, nil) {
				return
			}
		}
	}
}

// TestANamelessArticleTakesTheOutletItIsAddedAgainWith: an article stored
// with no outlet and no URL, added again as an article (a JSONL line, not
// the same page's bytes) that names an outlet, is filed under it; one
// that has an outlet keeps it when the same text comes again under another
// (a text published by two outlets is stored once); an article found by its
// URL takes the outlet named for it when it had only its host's.
func TestANamelessArticleTakesTheOutletItIsAddedAgainWith(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	run(t, st, ferryArticles("", ""), engine.Options{})
	sum := run(t, st, ferryArticles("", "Calder Courier"), engine.Options{})
	if a, err := st.Article(ctx, "ferry0"); err != nil || a.Source != "Calder Courier" || sum.OutletsSet != 1 {
		t.Errorf("nameless article added again with an outlet: source %q (%v), %d set; want Calder Courier, 1", a.Source, err, sum.OutletsSet)
	}
	sum = run(t, st, ferryArticles("", "Kestra Daily"), engine.Options{})
	if a, _ := st.Article(ctx, "ferry0"); a.Source != "Calder Courier" || sum.OutletsSet != 0 {
		t.Errorf("the same text under another outlet: source %q, %d set; want Calder Courier kept, 0", a.Source, sum.OutletsSet)
	}

	st = tempStore(t)
	run(t, st, ferryArticles("https://news.kestra.example/ferry", ""), engine.Options{})
	sum = run(t, st, ferryArticles("https://news.kestra.example/ferry", "Kestra Daily"), engine.Options{})
	if a, _ := st.Article(ctx, "ferry0"); a.Source != "Kestra Daily" || sum.OutletsSet != 1 {
		t.Errorf("article found by URL: source %q, %d set; want Kestra Daily, 1", a.Source, sum.OutletsSet)
	}
}

// TestControlCharactersStayOutOfStoredLabels: a JSONL line whose title and
// source hold an escape sequence, BEL, NUL and line breaks is stored with
// them dropped (line breaks read as spaces), so that no page, export or
// terminal shows them.
func TestControlCharactersStayOutOfStoredLabels(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	in := func(yield func(news.Input, error) bool) {
		a := news.Article{ID: "esc1", Title: "Calder \x1b[31mferry\x1b[0m\x07 resumes\r\nits route", Source: "Calder\x00 \x1b]0;x\x07Courier\n",
			Text: "The ferry to the islands of Calder resumed its route on Monday after harbour works, the operator said."}
		yield(news.Input{Name: "esc.jsonl:1", Article: &a}, nil)
	}
	run(t, st, in, engine.Options{})
	a, err := st.Article(ctx, "esc1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Calder [31mferry[0m resumes its route" || a.Source != "Calder ]0;xCourier" {
		t.Errorf("stored title %q, source %q; want them without control characters", a.Title, a.Source)
	}
}

// TestReextractKeepsControlCharactersOutOfLabels: reextract reads the
// stored page again; the title and outlet it finds there are made labels
// as `add` makes them, so a page whose title holds an escape sequence
// does not bring it back into the stored article.
func TestReextractKeepsControlCharactersOutOfLabels(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	body := []byte("<html><head><title>Orchard \x1b[31mcider\x1b[0m\x07 fair returns</title></head><body><article><h1>Orchard \x1b[31mcider\x1b[0m fair returns</h1>" +
		"<p>The cider fair in the orchard village of Brenlow returns this weekend after two years away, with twenty growers pressing apples on the green.</p>" +
		"<p>Organisers said the fair would run on Saturday and Sunday and that entry stays free for children under twelve.</p></article></body></html>")
	in := func(yield func(news.Input, error) bool) {
		yield(news.Input{Name: "cider.html", Page: &news.Page{ID: "cider", URL: "https://brenlow.example/cider", Source: "Brenlow\x1b]0;x\x07 Post", Kind: news.KindHTML, Body: body}}, nil)
	}
	run(t, st, in, engine.Options{})
	sum, err := start(t, st, engine.Options{}).Reextract(ctx)
	if err != nil || sum.Updated != 1 {
		t.Fatalf("reextract = %+v, %v; want the article updated", sum, err)
	}
	a, err := st.Article(ctx, "cider")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(a.Title+a.Source, "\x1b\x07") || a.Title == "" {
		t.Errorf("after reextract: title %q, source %q; want them without control characters", a.Title, a.Source)
	}
}
