package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// testCaptures: an article keeps every web-archive record its page was
// found in. One saved with two captures reads them back in order; a
// write's captures (news.WriteBatch.Captures) add a new one after them,
// none twice (the same archive added again), become the first of an
// article read otherwise, and pass over an article not stored. The
// articles of a raw input are found by its digest (RawArticles).
func testCaptures(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	first := news.Capture{Archive: "crawl-a.warc.gz", RecordID: "<urn:uuid:0000-a>", TargetURI: "https://ledger.example/ferry", Offset: 0}
	second := news.Capture{Archive: "crawl-a.warc.gz", RecordID: "<urn:uuid:0000-b>", TargetURI: "https://ledger.example/ferry?ref=rss", Offset: -1}
	third := news.Capture{Archive: "crawl-b.warc.gz", RecordID: "<urn:uuid:0000-c>", TargetURI: "https://ledger.example/ferry", Offset: 7312}
	a := article("c1", "ledger", "Ferry crews walk out", "Ferry crews walked out on Tuesday.", now)
	a.Capture, a.MoreCaptures = first, []news.Capture{second}
	plain := article("c2", "ledger", "Harbour chief named", "The harbour authority named a new chief.", now)
	p := placement(a, "s1")
	save(t, st, now, p, placement(plain, "s2"))
	if got, err := st.Article(ctx, "c1"); err != nil || !reflect.DeepEqual(got.Captures(), []news.Capture{first, second}) {
		t.Fatalf("captures saved = %+v, %v; want the two given", got.Captures(), err)
	}
	if _, err := st.SaveBatch(ctx, news.WriteBatch{At: now, Captures: []news.ArticleCapture{
		{Article: "c1", Capture: third}, {Article: "c1", Capture: third}, {Article: "c1", Capture: first},
		{Article: "c2", Capture: third}, {Article: "gone", Capture: third},
	}}); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Article(ctx, "c1"); err != nil || !reflect.DeepEqual(got.Captures(), []news.Capture{first, second, third}) {
		t.Errorf("captures after the write = %+v, %v; want the third after the two, once", got.Captures(), err)
	}
	if got, err := st.Article(ctx, "c2"); err != nil || got.Capture != third || len(got.MoreCaptures) != 0 {
		t.Errorf("article read otherwise, then found in an archive = %+v, %v; want that capture as its first", got, err)
	}
	refs, err := st.RawArticles(ctx, news.Digest(p.Raw.Kind, p.Raw.Body))
	if want := []news.ArticleRef{{ID: "c1", Title: a.Title, URL: a.URL}}; err != nil || !reflect.DeepEqual(refs, want) {
		t.Errorf("RawArticles = %+v, %v; want %+v", refs, err, want)
	}
	if refs, err := st.RawArticles(ctx, "no such digest"); err != nil || len(refs) != 0 {
		t.Errorf("RawArticles of a digest never stored = %+v, %v", refs, err)
	}
}

// testCapturesStopAtMaxCaptures: an article given more captures than it
// keeps (news.MaxCaptures) in one write keeps the first of them, in the
// order given, and a later write adds none; the article read otherwise
// beside it gets its one. Every capture was kept, the column growing
// without end.
func testCapturesStopAtMaxCaptures(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	a := article("k1", "gazette", "Kiln fire at Brenna", "A kiln caught fire at the Brenna works.", now)
	plain := article("k2", "gazette", "Brenna works closed", "The Brenna works closed for a week.", now)
	save(t, st, now, placement(a, "s1"), placement(plain, "s2"))
	var given []news.ArticleCapture
	var want []news.Capture
	for i := range news.MaxCaptures + 20 {
		c := news.Capture{Archive: fmt.Sprintf("kiln-%04d.warc.gz", i), RecordID: fmt.Sprintf("<urn:uuid:kiln-%04d>", i), TargetURI: "https://gazette.example/kiln", Offset: int64(i)}
		given = append(given, news.ArticleCapture{Article: "k1", Capture: c})
		if i < news.MaxCaptures {
			want = append(want, c)
		}
	}
	lone := news.Capture{Archive: "kiln-lone.warc.gz", RecordID: "<urn:uuid:kiln-lone>", Offset: -1}
	given = append(given, news.ArticleCapture{Article: "k2", Capture: lone})
	for range 2 {
		if _, err := st.SaveBatch(ctx, news.WriteBatch{At: now, Captures: given}); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := st.Article(ctx, "k1"); err != nil || !reflect.DeepEqual(got.Captures(), want) {
		t.Errorf("captures of k1 = %d, %v; want the first %d given, in order", len(got.Captures()), err, news.MaxCaptures)
	}
	if got, err := st.Article(ctx, "k2"); err != nil || !reflect.DeepEqual(got.Captures(), []news.Capture{lone}) {
		t.Errorf("captures of k2 = %+v, %v; want its one", got.Captures(), err)
	}
}

// testDuplicatePrefersTheURL: an input whose URL is one stored article's
// and whose text is another's is a duplicate of the article at its URL,
// on every store, whichever was stored first: that article is named in
// stored_before and given the capture. The store answered with whichever
// row its plan met first.
func testDuplicatePrefersTheURL(t *testing.T, b Backend) {
	ctx := context.Background()
	st := b.New(t)
	early := article("d1", "herald", "Canal drained at Pellow", "The Pellow canal was drained for repairs.", now)
	late := article("d2", "herald", "Canal refilled at Pellow", "The Pellow canal was refilled on Sunday.", now)
	early.URL, late.URL = "https://herald.example/canal-drained", "https://herald.example/canal"
	save(t, st, now, placement(early, "s1"))
	save(t, st, now, placement(late, "s2"))
	if ref, dup, err := st.Duplicate(ctx, late.URL, hash(early)); err != nil || !dup || ref.ID != "d2" {
		t.Errorf("Duplicate(URL of d2, text of d1) = %+v, %v, %v; want d2, the article at that URL", ref, dup, err)
	}
	if ref, dup, err := st.Duplicate(ctx, "https://herald.example/other", hash(late)); err != nil || !dup || ref.ID != "d2" {
		t.Errorf("Duplicate(another URL, text of d2) = %+v, %v, %v; want d2", ref, dup, err)
	}
}
