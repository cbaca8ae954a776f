package natsqueue

import (
	"context"
	"crypto/rand"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/natstest"
	"github.com/storyline-news/storyline/internal/news"
)

var _ engine.Queue = (*Queue)(nil)

func connect(t *testing.T, url string, opt Options) *Queue {
	t.Helper()
	q, err := Connect(context.Background(), url, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func item(id string, body []byte) news.Extracted {
	raw := &news.Raw{Name: id + ".html", Kind: news.KindHTML, Body: body}
	return news.Extracted{Name: id, Article: news.Article{ID: id, Title: "T " + id, Text: "Text of " + id, Published: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}, Raw: raw, ContentHash: "h" + id}
}

func receive(t *testing.T, q *Queue, max int) []news.Batch {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := q.Receive(ctx, max)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestBatchesReachTheWriterInOrderAndResultsTheirProducer(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	producer, writer := connect(t, srv.URL(), Options{}), connect(t, srv.URL(), Options{})
	var results []<-chan news.BatchResult
	for _, id := range []string{"j1/1", "j2/1", "j1/2"} {
		done, err := producer.Publish(ctx, news.Batch{ID: id, Job: id[:2], Items: []news.Extracted{item("a-"+id, []byte("<p>x</p>"))}, Final: id == "j1/2"})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, done)
	}
	var got []news.Batch
	for len(got) < 3 {
		got = append(got, receive(t, writer, 3)...)
	}
	for i, id := range []string{"j1/1", "j2/1", "j1/2"} {
		if got[i].ID != id {
			t.Fatalf("received %s at %d, want %s (publication order)", got[i].ID, i, id)
		}
	}
	b := got[2]
	if !b.Final || len(b.Items) != 1 || !b.Items[0].Article.Published.Equal(time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)) || string(b.Items[0].Raw.Body) != "<p>x</p>" {
		t.Errorf("batch read back = %+v", b)
	}
	for _, id := range []string{"j1/2", "j1/1", "j2/1"} {
		if err := writer.Ack(ctx, news.BatchResult{Batch: id, AlreadyStored: len(id), NewStories: []string{"s-" + id}}); err != nil {
			t.Fatal(err)
		}
	}
	for i, id := range []string{"j1/1", "j2/1", "j1/2"} {
		select {
		case r := <-results[i]:
			if r.Batch != id || len(r.NewStories) != 1 || r.NewStories[0] != "s-"+id {
				t.Errorf("producer of %s was told %+v", id, r)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no result for %s", id)
		}
	}
	if err := writer.Ack(ctx, news.BatchResult{Batch: "j1/1"}); err == nil {
		t.Error("a batch acknowledged twice was accepted")
	}
}

// TestBatchLargerThanAMessageGoesInParts: a batch of incompressible pages
// over the server's payload limit is sent in parts and stored as one.
func TestBatchLargerThanAMessageGoesInParts(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{MaxPayload: 64 << 10})
	producer, writer := connect(t, srv.URL(), Options{}), connect(t, srv.URL(), Options{})
	b := news.Batch{ID: "big/1", Job: "big", Final: true}
	for i := range 10 {
		body := make([]byte, 20<<10)
		rand.Read(body)
		b.Items = append(b.Items, item(fmt.Sprint("p", i), body))
	}
	b.Failed = []news.Raw{{Name: "empty.html", Kind: news.KindHTML, Body: []byte("<html></html>")}}
	done, err := producer.Publish(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	got := receive(t, writer, 16)
	if len(got) != 1 || len(got[0].Items) != 10 || len(got[0].Failed) != 1 || !got[0].Final {
		t.Fatalf("received %d batches; want one whole batch of 10 items, 1 failed page, final", len(got))
	}
	for i, it := range got[0].Items {
		if it.Article.ID != fmt.Sprint("p", i) {
			t.Errorf("item %d is %s: the parts are out of order", i, it.Article.ID)
		}
	}
	if err := writer.Ack(ctx, news.BatchResult{Batch: "big/1", AlreadyStored: 2}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.AlreadyStored != 2 || r.Err != "" {
			t.Errorf("result = %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no result for a batch sent in parts")
	}
	one := news.Batch{ID: "huge/1", Items: []news.Extracted{item("x", make([]byte, 0))}}
	one.Items[0].Raw.Body = make([]byte, 200<<10)
	rand.Read(one.Items[0].Raw.Body)
	if _, err := producer.Publish(ctx, one); err == nil {
		t.Error("an input larger than a message was accepted")
	}
}

// TestWriterThatDiesLeavesItsBatchesToTheNext: a writer that received a
// batch and died before acknowledging it: the next writer gets it at once,
// and its producer hears the result.
func TestWriterThatDiesLeavesItsBatchesToTheNext(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	producer := connect(t, srv.URL(), Options{})
	first, err := Connect(ctx, srv.URL(), Options{AckWait: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	done, err := producer.Publish(ctx, news.Batch{ID: "j/1", Items: []news.Extracted{item("a", []byte("<p>a</p>"))}, Final: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := receive(t, first, 1); len(got) != 1 {
		t.Fatal("the first writer received nothing")
	}
	first.Close() // dies without acknowledging
	next := connect(t, srv.URL(), Options{AckWait: time.Minute})
	start := time.Now()
	got := receive(t, next, 1)
	if len(got) != 1 || got[0].ID != "j/1" {
		t.Fatalf("the next writer received %+v", got)
	}
	if wait := time.Since(start); wait > 5*time.Second {
		t.Errorf("the next writer waited %v for the batch (AckWait is a minute: want it at once)", wait)
	}
	if err := next.Ack(ctx, news.BatchResult{Batch: "j/1"}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.Batch != "j/1" {
			t.Errorf("result = %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the producer never heard")
	}
}

// TestInputOfAWorkerThatDiesIsDeliveredAgain: a worker takes inputs and
// dies without acknowledging them; another worker gets them after AckWait.
// The same page queued twice is queued once.
func TestInputOfAWorkerThatDiesIsDeliveredAgain(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	adder := connect(t, srv.URL(), Options{})
	page := &news.Page{ID: "p1", URL: "https://ledger.example/p1", Kind: news.KindHTML, Body: []byte("<p>strike</p>")}
	for range 2 {
		if err := adder.PublishInput(ctx, Input{Name: "p1.html", Page: page}); err != nil {
			t.Fatal(err)
		}
	}
	if err := adder.PublishInput(ctx, Input{Name: "https://courier.example/x", URL: "https://courier.example/x"}); err != nil {
		t.Fatal(err)
	}
	if n, err := adder.Pending(ctx); n != 2 || err != nil {
		t.Errorf("pending = %d, %v; want 2 (the page queued twice is queued once)", n, err)
	}
	dying, err := Connect(ctx, srv.URL(), Options{AckWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	got, err := dying.Inputs(short, 10)
	if err != nil || len(got) != 2 || got[0].Page == nil || string(got[0].Page.Body) != "<p>strike</p>" || got[1].URL != "https://courier.example/x" || got[0].Attempt != 1 {
		t.Fatalf("first worker got %+v, %v", got, err)
	}
	dying.Close()
	other := connect(t, srv.URL(), Options{AckWait: time.Second})
	again, err := other.Inputs(short, 10)
	if err != nil || len(again) != 2 || again[0].Attempt != 2 {
		t.Fatalf("second worker got %+v, %v; want both inputs again, second attempts", again, err)
	}
	for _, d := range again {
		if err := d.Ack(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := other.Pending(ctx); n != 0 {
		t.Errorf("%d inputs left after every one was acknowledged", n)
	}
}

// TestProducerGivesUpOnAResultThatNeverComes: with no writer, a batch's
// result fails after ResultWait rather than leaving its job waiting.
func TestProducerGivesUpOnAResultThatNeverComes(t *testing.T) {
	srv := natstest.Start(t, natstest.Options{})
	producer := connect(t, srv.URL(), Options{ResultWait: 300 * time.Millisecond})
	done, err := producer.Publish(context.Background(), news.Batch{ID: "lonely/1", Job: "lonely"})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.Batch != "lonely/1" || r.Err == "" {
			t.Errorf("result = %+v, want a failure", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the producer still waits")
	}
}

// TestOneItemAndItsFailedPagesSplitWhole: a batch of one large item and
// large failed pages is split without losing any of them.
func TestOneItemAndItsFailedPagesSplitWhole(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{MaxPayload: 64 << 10})
	producer, writer := connect(t, srv.URL(), Options{}), connect(t, srv.URL(), Options{})
	noise := func() []byte {
		b := make([]byte, 40<<10)
		rand.Read(b)
		return b
	}
	b := news.Batch{ID: "mixed/1", Items: []news.Extracted{item("only", noise())}, Final: true,
		Failed: []news.Raw{{Name: "f1.html", Kind: news.KindHTML, Body: noise()}, {Name: "f2.html", Kind: news.KindHTML, Body: noise()}}}
	if _, err := producer.Publish(ctx, b); err != nil {
		t.Fatal(err)
	}
	got := receive(t, writer, 16)
	if len(got) != 1 || len(got[0].Items) != 1 || len(got[0].Failed) != 2 || !got[0].Final {
		t.Fatalf("received %d batches (%+v items); want the whole batch: 1 item, 2 failed pages, final", len(got), len(got[0].Items))
	}
}

// TestOutletsGivenCrossTheQueue: the outlets a batch names for pages stored
// before (add --source on a page added again) reach the writer once, whole,
// when the batch goes in parts, and the count of articles given them
// reaches the producer.
func TestOutletsGivenCrossTheQueue(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{MaxPayload: 64 << 10})
	producer, writer := connect(t, srv.URL(), Options{}), connect(t, srv.URL(), Options{})
	b := news.Batch{ID: "named/1", Job: "named", Final: true,
		Outlets: []news.OutletGiven{{Name: "ferry.html", Digest: "d1", Source: "Calder Courier"}, {Name: "bridge.html", Digest: "d2", Source: "Nesby Post"}}}
	for i := range 6 {
		body := make([]byte, 20<<10)
		rand.Read(body)
		b.Items = append(b.Items, item(fmt.Sprint("p", i), body))
	}
	done, err := producer.Publish(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	got := receive(t, writer, 16)
	if len(got) != 1 || len(got[0].Items) != 6 {
		t.Fatalf("received %d batches; want one whole batch of 6 items", len(got))
	}
	if fmt.Sprint(got[0].Outlets) != fmt.Sprint(b.Outlets) {
		t.Errorf("outlets received = %v, want %v (once each)", got[0].Outlets, b.Outlets)
	}
	if err := writer.Ack(ctx, news.BatchResult{Batch: "named/1", AlreadyStored: 2, OutletsSet: 2}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-done:
		if r.OutletsSet != 2 {
			t.Errorf("result's outlets set = %d, want 2", r.OutletsSet)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no result")
	}
}

// TestPageQueuedAgainWithAnotherOutletIsQueued: a page queued again within
// the stream's duplicate window naming another outlet (add --queue --source
// on a page added a minute ago, to correct its outlet) is a new input, not
// a duplicate; naming the same outlet again is one. An outlet holding a
// line break is queued as well (the key is a message header).
func TestPageQueuedAgainWithAnotherOutletIsQueued(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t, natstest.Options{})
	adder := connect(t, srv.URL(), Options{})
	body := []byte("<p>ferries run again</p>")
	for _, source := range []string{"", "Calder Courier", "Calder Courier", "Nesby Post\r\nX-Evil: 1"} {
		page := &news.Page{ID: "p1", Source: source, Kind: news.KindHTML, Body: body}
		if err := adder.PublishInput(ctx, Input{Name: "p1.html", Page: page}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := adder.Pending(ctx); n != 3 || err != nil {
		t.Errorf("pending = %d, %v; want 3 (no outlet, Calder Courier once, Nesby Post)", n, err)
	}
}
