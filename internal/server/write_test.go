package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// writeServer serves a new database with an engine, as serve does.
func writeServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	ts, _ := writeServerOf(t, tempStore(t), token, "")
	return ts
}

// writeServerOf serves st with an engine of its own, writes authorised by
// token or secret.
func writeServerOf(t *testing.T, st *sqlite.Store, token, secret string) (*httptest.Server, *engine.Engine) {
	t.Helper()
	eng, err := engine.Start(context.Background(), st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fetcher := &web.Fetcher{Client: web.NewClient(false)}
	srv, err := New(read.New(st, read.Options{}), Options{Token: token, Writer: Writer{
		Submit: eng.Submit,
		Fetch: func(ctx context.Context, url string) (news.Input, error) {
			return fetcher.Page(ctx, url, false)
		},
		Secret: secret,
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		eng.Close()
	})
	return ts, eng
}

// post posts body to url's /api/v1/articles with the bearer token (none
// when "").
func post(t *testing.T, url, token, body string) (int, string) {
	t.Helper()
	return postJSON(t, url+"/api/v1/articles", token, body)
}

// postJSON posts the JSON body to url with the bearer token (none when "")
// and returns the status and the answer.
func postJSON(t *testing.T, url, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const postedPage = `{"url": "https://ledger.example/strike", "published": "2026-11-16T09:00:00Z",
 "html": "<html><head><title>Calder dockworkers end strike</title></head><body><article><h1>Calder dockworkers end strike</h1><p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after the union and the port authority agreed on a new contract.</p><p>About 2,400 dockworkers walked off the job on Nov. 8 over pay and night-shift rules.</p></article></body></html>"}`

func TestPostArticle(t *testing.T) {
	if status, body := post(t, writeServer(t, "").URL, "anything", postedPage); status != http.StatusForbidden || !strings.Contains(body, "writes are off") {
		t.Errorf("no token configured: %d %s", status, body)
	}
	ts := writeServer(t, "s3cret")
	tests := []struct {
		name, token, body string
		status            int
		has               string
	}{
		{"no token", "", postedPage, 401, `"error":"missing or wrong token`},
		{"wrong token", "guess", postedPage, 401, `"error"`},
		{"not JSON", "s3cret", `{"url":`, 400, `"error":"body is not an article request`},
		{"unknown field", "s3cret", `{"link":"https://x.example"}`, 400, `unknown field`},
		{"nothing to add", "s3cret", `{"published":"2026-11-16"}`, 400, `give an http(s) url`},
		{"bad date", "s3cret", `{"html":"<p>x</p>","published":"soon"}`, 400, `published \"soon\"`},
		// a zero value or a typo of a year: refused as the CLI refuses it (news.GivenPublished)
		{"year 1", "s3cret", `{"html":"<p>x</p>","published":"0001-01-02"}`, 400, `published \"0001-01-02\" is outside the years 1600 to 2100`},
		{"year 9999", "s3cret", `{"html":"<p>x</p>","published":"9999-12-31T23:59:59Z"}`, 400, `outside the years 1600 to 2100`},
		// issue 18: a second object after the first was ignored
		{"trailing object", "s3cret", postedPage + ` {"url":"https://ledger.example/other"}`, 400, `more than one JSON value`},
		{"trailing text", "s3cret", postedPage + ` and more`, 400, `after the JSON object`},
		{"too large", "s3cret", `{"html":"` + strings.Repeat("a", maxBody) + `"}`, 413, `larger than`},
		{"stored", "s3cret", postedPage, 201, `"status":"stored"`},
		{"again", "s3cret", postedPage, 200, `"status":"already stored"`},
	}
	for _, tt := range tests {
		status, body := post(t, ts.URL, tt.token, tt.body)
		if status != tt.status || !strings.Contains(body, tt.has) {
			t.Errorf("%s: %d %s; want %d with %s", tt.name, status, body, tt.status, tt.has)
		}
	}
	_, _, list := get(t, ts.URL+"/api/v1/stories")
	var stories []struct{ Title string }
	if json.Unmarshal([]byte(list), &stories); len(stories) != 1 || stories[0].Title != "Calder dockworkers end strike" {
		t.Errorf("stories after the post: %s", list)
	}
}

func TestPostedURLsMayNotReachPrivateAddresses(t *testing.T) {
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<p>An internal page that the API must not fetch for a caller.</p>"))
	}))
	defer inside.Close()
	ts := writeServer(t, "s3cret")
	status, body := post(t, ts.URL, "s3cret", `{"url":"`+inside.URL+`/secret"}`)
	if status != 400 || !strings.Contains(body, "not a public address") {
		t.Errorf("loopback URL: %d %s", status, body)
	}
}

// FuzzArticleRequest: whatever a client posts, the body is refused with a
// reason or becomes one page input with an id, a kind and a body; it never
// panics, and a body followed by more JSON is never taken.
func FuzzArticleRequest(f *testing.F) {
	f.Add([]byte(postedPage))
	f.Add([]byte(`{"raw_text":"Calder port strike ends","published":"2026-11-16","id":"x"}`))
	f.Add([]byte(`{"html":"<p>a</p>","raw_text":"b"}`))
	f.Add([]byte(`{"url":"https://ledger.example/a"} {"url":"https://ledger.example/b"}`))
	f.Add([]byte(`{"published":"2026-13-45"}`))
	f.Add([]byte(`[]`))
	s := &Server{writer: Writer{Fetch: func(ctx context.Context, url string) (news.Input, error) {
		return news.Input{Name: url, Page: &news.Page{ID: "fetched", Kind: news.KindHTML, Body: []byte("<p>x</p>")}}, nil
	}}}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeArticleRequest(bytes.NewReader(body))
		if err != nil {
			return
		}
		var again articleRequest
		if dec := json.NewDecoder(bytes.NewReader(body)); dec.Decode(&again) != nil || dec.More() {
			t.Fatalf("%q taken, but it is not exactly one JSON object", body)
		}
		in, err := s.inputOf(context.Background(), req)
		if err != nil {
			var bad *badRequest
			if !errors.As(err, &bad) {
				t.Fatalf("refusal %v is not a bad request", err)
			}
			return
		}
		if in.Page == nil || in.Page.ID == "" || len(in.Page.Body) == 0 || (in.Page.Kind != news.KindHTML && in.Page.Kind != news.KindText) {
			t.Fatalf("request %+v gave input %+v", req, in)
		}
	})
}

// A posted URL that the site refuses (404) is named in the answer: the
// site's "HTTP 404 Not Found" alone does not say which of a client's posts
// it was; a failure that names the URL already names it once.
func TestAFetchRefusedNamesThePostedURL(t *testing.T) {
	const gone = "https://ledger.example/withdrawn-story"
	s := &Server{writer: Writer{Fetch: func(ctx context.Context, url string) (news.Input, error) {
		return news.Input{}, errors.New("fetch: HTTP 404 Not Found")
	}}}
	_, err := s.inputOf(context.Background(), articleRequest{URL: gone})
	if err == nil || err.Error() != gone+": fetch: HTTP 404 Not Found" {
		t.Errorf("a 404: %v; want the URL named", err)
	}
	s.writer.Fetch = func(ctx context.Context, url string) (news.Input, error) {
		return news.Input{}, fmt.Errorf("fetch: Get %q: connection refused", url)
	}
	if _, err := s.inputOf(context.Background(), articleRequest{URL: gone}); err == nil || strings.Count(err.Error(), gone) != 1 {
		t.Errorf("a refused connection: %v; want the URL named once", err)
	}
}
