package news

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A date alone is shown as its day, a time as RFC 3339, and either reads
// back to the same time.
func TestShowPublishedKeepsADateAlone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2021-09-20", "2021-09-20"},
		{"2021-09-20T00:00:00Z", "2021-09-20"}, // a stored span's midnight, its precision not read: the day, as before precisions were kept
		{"2021-09-20T09:30:00Z", "2021-09-20T09:30:00Z"},
		{"", ""},
		{"not a time", "not a time"},
	} {
		if got := ShowStoredPublished(c.in); got != c.want {
			t.Errorf("ShowStoredPublished(%q) = %q, want %q", c.in, got, c.want)
		}
		t0, dateOnly, ok := ReadPublished(c.in)
		if !ok {
			continue
		}
		if back, backDate, _ := ReadPublished(ShowPublished(t0, dateOnly)); !back.Equal(t0) || backDate != dateOnly {
			t.Errorf("%q shown as %q reads back as %v (date alone %v)", c.in, ShowPublished(t0, dateOnly), back, backDate)
		}
	}
}

// The JSON of an article, a story in a list, a timeline entry and a search
// hit gives a date alone as its day.
func TestJSONGivesADateAloneAsItsDay(t *testing.T) {
	day := time.Date(2021, 9, 20, 0, 0, 0, 0, time.UTC)
	for name, v := range map[string]any{
		"article":  Article{ID: "a", Published: day, DateOnly: true},
		"story":    StorySummary{ID: "s", FirstPublished: FormatPublished(day), LastPublished: FormatPublished(day)},
		"timeline": TimelineEntry{Published: ShowPublished(day, true), Article: "a"},
		"hit":      SearchHit{ArticleID: "a", Published: FormatPublished(day)},
	} {
		b, err := json.Marshal(v)
		if err != nil || strings.Contains(string(b), "T00:00:00Z") || !strings.Contains(string(b), `"2021-09-20"`) {
			t.Errorf("%s: %s, %v", name, b, err)
		}
	}
	var a Article
	if err := json.Unmarshal([]byte(`{"id":"a","published":"2021-09-20"}`), &a); err != nil || !a.Published.Equal(day) || !a.DateOnly {
		t.Errorf("an article's day reads back as %v, %v", a.Published, err)
	}
}

// TestJSONGivesMidnightGivenAsATimeAsATime: an article whose source gave
// midnight UTC as a time, and its timeline entry, show the time, not a
// day.
func TestJSONGivesMidnightGivenAsATimeAsATime(t *testing.T) {
	midnight := time.Date(2021, 9, 20, 0, 0, 0, 0, time.UTC)
	for name, v := range map[string]any{
		"article":  Article{ID: "a", Published: midnight},
		"timeline": TimelineEntry{Published: ShowPublished(midnight, false), Article: "a"},
	} {
		if b, err := json.Marshal(v); err != nil || !strings.Contains(string(b), `"2021-09-20T00:00:00Z"`) {
			t.Errorf("%s: %s, %v; want the time", name, b, err)
		}
	}
}
