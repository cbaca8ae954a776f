package news

import (
	"encoding/json"
	"testing"
	"time"
)

func TestArticleJSON(t *testing.T) {
	a := Article{ID: "a1", URL: "https://x.example/a", Source: "X", Published: time.Date(2026, 11, 16, 9, 0, 0, 0, time.FixedZone("", 3600)),
		Title: "T", Byline: "B", Lang: "en", Kind: "article", Text: "One.\n\nTwo."}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a1","url":"https://x.example/a","source":"X","published":"2026-11-16T08:00:00Z","title":"T","byline":"B","lang":"en","kind":"article","text":"One.\n\nTwo."}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant %s", b, want)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil || !back.Published.Equal(a.Published) || back.Text != a.Text || back.Kind != a.Kind {
		t.Errorf("round trip = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","published":"2026-11-16"}`), &back); err != nil || back.Published.Day() != 16 {
		t.Errorf("YYYY-MM-DD: %+v %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","published":"last week"}`), &back); err == nil {
		t.Error("a bad date was accepted")
	}
	if got := len(a.Paragraphs()); got != 2 {
		t.Errorf("paragraphs = %d, want 2", got)
	}
}

func TestJoinSourcesCountsRepeats(t *testing.T) {
	got := JoinSources([]string{"Wire", "Calder Courier", "Wire", "Wire", "Valley Gazette"})
	if want := "Wire \u00d73, Calder Courier, Valley Gazette"; got != want {
		t.Errorf("JoinSources = %q, want %q", got, want)
	}
	if got := JoinSources(nil); got != "" {
		t.Errorf("JoinSources(nil) = %q", got)
	}
}
