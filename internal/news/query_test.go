package news

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestFeedStateNeverReadHasNoSuccessTime: a feed that has only failed
// (a 404, invalid XML) has no last_success in its JSON, not year 1.
func TestFeedStateNeverReadHasNoSuccessTime(t *testing.T) {
	checked := time.Date(2026, 12, 5, 12, 56, 0, 0, time.UTC)
	b, err := json.Marshal(FeedState{URL: "https://wire.example/gone.xml", LastChecked: checked, NextCheck: checked.Add(30 * time.Minute), LastError: "HTTP 404 Not Found"})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, "0001-01-01") || strings.Contains(s, "last_success") || !strings.Contains(s, `"last_checked":"2026-12-05T12:56:00Z"`) {
		t.Errorf("feed state JSON %s: want last_checked and no last_success", s)
	}
}
