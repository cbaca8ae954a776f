package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
)

// TestIngestStreamsAJob: another process's inputs, sent to the ingest
// endpoint, are stored as one job, failures counted as the source named
// them, and the answer ends with the job's summary.
func TestIngestStreamsAJob(t *testing.T) {
	ctx := context.Background()
	ts, _ := writeServerOf(t, tempStore(t), "t0k", "s3cret")
	page := news.Input{Name: "strike.html", Page: &news.Page{ID: "strike", Kind: news.KindHTML,
		Body: []byte(`<html><body><article><h1>Calder dockworkers end strike</h1><p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed on a new contract.</p></article></body></html>`)}}
	art := news.Article{ID: "wire", Source: "Wire", Title: "Strike over at Calder", Text: "The dockworkers of Calder voted on Monday to end their nine-day strike, the union said."}
	inputs := func(yield func(news.Input, error) bool) {
		_ = yield(page, nil) && yield(news.Input{Name: "wire", Article: &art}, nil) &&
			yield(news.Input{}, &news.InputError{Name: "gone.html", Err: errors.New("no such file or directory")})
	}
	var progress int
	sum, err := Submit(ctx, nil, ts.URL, "s3cret", inputs, func(news.RunSummary) { progress++ })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.Stored != 2 || len(sum.Added) != 2 || len(sum.Failures) != 1 ||
		sum.Failures[0].Error() != "gone.html: no such file or directory" || sum.StoriesNew+sum.StoriesUpdated == 0 {
		t.Errorf("summary = %+v", sum)
	}
	if _, err := Submit(ctx, nil, ts.URL, "guess", source.One(page), nil); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("a wrong secret: %v", err)
	}
	again, err := Submit(ctx, nil, ts.URL, "t0k", source.One(page), nil) // the token works too
	if err != nil || again.AlreadyStored != 1 || again.Stored != 0 {
		t.Errorf("the same page again: %+v, %v", again, err)
	}
	resp, err := http.Post(ts.URL+"/api/v1/ingest", "application/x-ndjson", strings.NewReader(`{"name":"x","page":{"id":"x","kind":"pdf","body":""}}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("ingest without a bearer: %d", resp.StatusCode)
	}
}

// TestIngestAnswersWhileItReads: a client that sends its inputs slowly (an
// add extracting big folders) gets progress lines while it still sends, and
// every input it sends is read: answering used to cut the request short
// (the metrics wrapper hid full duplex from the handler).
func TestIngestAnswersWhileItReads(t *testing.T) {
	ts, _ := writeServerOf(t, tempStore(t), "", "s3cret")
	inputs := func(yield func(news.Input, error) bool) {
		for i := range 4 {
			a := news.Article{ID: fmt.Sprintf("slow-%d", i), Title: "Report", Text: fmt.Sprintf("Report number %d on the harbour works at Calder.", i)}
			if !yield(news.Input{Name: a.ID, Article: &a}, nil) {
				return
			}
			time.Sleep(progressEvery + 50*time.Millisecond)
		}
	}
	progress := 0
	sum, err := Submit(context.Background(), nil, ts.URL, "s3cret", inputs, func(news.RunSummary) { progress++ })
	if err != nil || sum.Read != 4 || sum.Stored != 4 {
		t.Fatalf("a slow client: %+v, %v; want its 4 inputs read and stored", sum, err)
	}
	if progress == 0 {
		t.Error("no progress while the client was sending")
	}
}

// FuzzWireInputs: whatever a client sends, the stream yields inputs with a
// page or an article (never both, never neither) or failures naming their
// input, or stops with an error; it never panics.
func FuzzWireInputs(f *testing.F) {
	f.Add([]byte(`{"name":"a","page":{"id":"a","kind":"html","body":"PHA+aGk8L3A+"}}` + "\n" + `{"name":"b","article":{"id":"b","text":"t","published":"2026-01-02"}}` + "\n"))
	f.Add([]byte(`{"name":"c","error":"gone"}` + "\n\n" + `{"name":"d"}`))
	f.Add([]byte(`{"name":"e","page":{"id":"e","kind":"pdf","body":""}}`))
	f.Add([]byte("{\"name\":1}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var readErr error
		for in, err := range wireInputs(bytes.NewReader(data), &readErr) {
			if err != nil {
				var ie *news.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("failure %v names no input", err)
				}
				continue
			}
			if (in.Page == nil) == (in.Article == nil) {
				t.Fatalf("input %+v has neither or both of page and article", in)
			}
			if in.Page != nil && in.Page.Kind != news.KindHTML && in.Page.Kind != news.KindText {
				t.Fatalf("page of kind %q", in.Page.Kind)
			}
		}
	})
}
