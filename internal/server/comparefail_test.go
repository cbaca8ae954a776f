package server

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
)

// A story whose comparison fails in the background, after the page first
// said it was being compared, is shown as failed: the page says the
// sources could not be compared and stops reloading itself, the API says
// "compare_failed" and no longer "comparing". Before, the page said
// "being compared" and reloaded (and compared again) every 3 s for good.
func TestAStoryWhoseComparisonFailsStopsReloading(t *testing.T) {
	memo := projection.NewMemoFunc(0, func(string, string, []news.Article) (news.ComparisonRecord, error) {
		time.Sleep(20 * time.Millisecond)
		panic("an invented fault in the comparison")
	})
	r := read.New(demoStore(t), read.Options{Memo: memo, CompareWait: time.Nanosecond, CacheFor: time.Minute})
	r.SetProjected(true)
	srv, err := New(r, Options{CacheFor: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	id := biggestStory(t, ts.URL)
	var body string
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if _, _, body = get(t, ts.URL+"/stories/"+id); !strings.Contains(body, "are being compared") {
			break
		}
	}
	if !strings.Contains(body, "could not be compared") || strings.Contains(body, `http-equiv="refresh"`) || !strings.Contains(body, "Timeline of sources") {
		t.Errorf("the page of a story whose comparison failed does not say so with its timeline, or still reloads:\n%s", body)
	}
	_, _, body = get(t, ts.URL+"/api/v1/stories/"+id)
	var d news.StoryDetail
	if err := json.Unmarshal([]byte(body), &d); err != nil || d.Comparing || !d.CompareFailed {
		t.Errorf("the API after the failure: %v, comparing %v, compare_failed %v", err, d.Comparing, d.CompareFailed)
	}
}
