package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
)

func writeServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	client := ingest.NewClient(false)
	srv, err := New(st, Options{Token: token, Writer: Writer{
		Add: func(ctx context.Context, in ingest.Input) (ingest.Summary, error) {
			return ingest.RunInputs(ctx, st, ingest.One(in), ingest.Options{})
		},
		Fetch: func(ctx context.Context, url string) (ingest.Input, error) {
			return ingest.Fetch(ctx, url, ingest.SourceOptions{Client: client})
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func post(t *testing.T, url, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/api/v1/articles", strings.NewReader(body))
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
