package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// slowStore answers every list, search and outlet count only when its
// caller gives up.
type slowStore struct{ *sqlite.Store }

func (s slowStore) Stories(ctx context.Context, q news.StoryQuery) ([]news.StorySummary, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (s slowStore) SearchStories(ctx context.Context, q news.SearchQuery) (news.SearchResult, error) {
	<-ctx.Done()
	return news.SearchResult{}, ctx.Err()
}

func (s slowStore) Sources(ctx context.Context) ([]news.SourceSummary, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestSlowQueryAdviceFitsThePage: a list that runs out of time is answered
// 503 with advice naming only what that list can be narrowed by. The
// sources page, which takes no words, said "narrow it (more words, since=,
// source=)". The API keeps its {"error": ...} body.
func TestSlowQueryAdviceFitsThePage(t *testing.T) {
	srv, err := New(read.New(slowStore{tempStore(t)}, read.Options{}), Options{QueryTimeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, c := range []struct {
		path, says, never string
	}{
		{"/sources", "listing the outlets took too long, and nothing narrows it: try again in a few seconds", "narrow it"},
		{"/api/v1/sources", "listing the outlets took too long, and nothing narrows it", "narrow it"},
		{"/", "listing the stories took too long: narrow it with more words (q=), an outlet (source=), a later since=, an earlier until=", "(role=)"},
		{"/api/v1/stories", "listing the stories took too long: narrow it with more words (q=)", "(role=)"},
		{"/search?q=ferry", "the search took too long: narrow it with more words (q=), an outlet (source=)", "(role=)"},
		{"/sources/wire", "finding the outlet took too long, and nothing narrows it", "q="},
		{"/feed.atom", "the feed took too long: narrow it with more words (q=)", "(role=)"},
	} {
		status, _, body := get(t, ts.URL+c.path)
		if status != http.StatusServiceUnavailable || !strings.Contains(body, c.says) || strings.Contains(body, c.never) {
			t.Errorf("GET %s: %d %s\nwant 503 saying %q, never %q", c.path, status, body, c.says, c.never)
		}
	}
	_, _, body := get(t, ts.URL+"/api/v1/sources")
	var answer map[string]string
	if err := json.Unmarshal([]byte(body), &answer); err != nil || len(answer) != 1 || answer["error"] == "" {
		t.Errorf("API error body %s, want {\"error\": ...} alone", body)
	}
}
