package news

import (
	"bytes"
	"encoding/json"
	"strings"
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

func TestBefore(t *testing.T) {
	date := func(d int) time.Time { return time.Date(2019, 1, d, 0, 0, 0, 0, time.UTC) }
	at := func(d, h, m int) time.Time { return time.Date(2019, 1, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name string
		a, b time.Time
		want bool
	}{
		{"a date ties with the same date", date(5), date(5), false},
		{"a date ties with a time that day", date(5), at(5, 14, 0), false},
		{"a time that day ties with the date", at(5, 14, 0), date(5), false},
		{"a date is before the next day", date(5), date(6), true},
		{"a date is before a time the next day", date(5), at(6, 0, 30), true},
		{"a time is before the next day's date", at(5, 23, 0), date(6), true},
		{"times a minute apart", at(5, 9, 0), at(5, 9, 1), true},
		{"the same time", at(5, 9, 0), at(5, 9, 0), false},
		{"later is not before", at(5, 10, 0), at(5, 9, 0), false},
		{"unknown ties", time.Time{}, at(5, 9, 0), false},
		{"with unknown", at(5, 9, 0), time.Time{}, false},
	}
	for _, tt := range tests {
		if got := Before(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Before(%v, %v) = %v, want %v", tt.name, tt.a, tt.b, got, tt.want)
		}
	}
}

// A text that breaks its paragraphs with single newlines is read as such;
// hard-wrapped text, whose lines end anywhere in a sentence, is one paragraph.
func TestParagraphsOfSingleNewlineText(t *testing.T) {
	lines := Article{Text: "Dockworkers ended the strike on Monday.\nShips left the port at 5 p.m.\nThe union said it was pleased."}
	if got := lines.Paragraphs(); len(got) != 3 {
		t.Errorf("paragraphs = %q, want the three lines", got)
	}
	wrapped := Article{Text: "Dockworkers at the port of Calder voted on\nMonday to end the strike after the union and\nthe port authority agreed on a contract."}
	if got := wrapped.Paragraphs(); len(got) != 1 {
		t.Errorf("paragraphs = %q, want one wrapped paragraph", got)
	}
}

// TestArticleJSONLeavesMarkupCharacters: an article's JSON written by an
// encoder that does not escape HTML keeps <, > and & of a record id and an
// address as they are (the article's own marshalling escaped them, which no
// caller could undo); json.Marshal, which escapes, still escapes them.
func TestArticleJSONLeavesMarkupCharacters(t *testing.T) {
	a := Article{ID: "a1", URL: "https://x.example/a?b=1&c=2", Title: "Q&A: <tides>",
		Capture: Capture{Archive: "crawl.warc.gz", RecordID: "<urn:uuid:0f0e0d0c-0000-4000-8000-000000000001>", TargetURI: "https://x.example/a?b=1&c=2", Offset: 12}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"url":"https://x.example/a?b=1&c=2"`, `"title":"Q&A: <tides>"`, `"record_id":"<urn:uuid:0f0e0d0c-0000-4000-8000-000000000001>"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("unescaped encoder wrote %s\nwant it to hold %s", b.String(), want)
		}
	}
	escaped, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(escaped), "<>&") {
		t.Errorf("json.Marshal wrote %s; want <, > and & escaped", escaped)
	}
	var back Article
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Capture != a.Capture || back.URL != a.URL || back.Title != a.Title {
		t.Errorf("read back %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","capture":{}}`), &back); err != nil || back.Capture != (Capture{}) {
		t.Errorf("a capture naming nothing read as %+v, %v; want none", back.Capture, err)
	}
}

// TestClockAtMidnightUTCIsATime: a time of day given in another zone that
// falls exactly on midnight UTC (19:00 at -05:00) is a time, not a date
// alone, in memory and once stored and read back, so it orders against
// other times of that day; a date alone, and midnight given in UTC, stay
// dates.
func TestClockAtMidnightUTCIsATime(t *testing.T) {
	evening := time.Date(2026, 1, 1, 19, 0, 0, 0, time.FixedZone("EST", -5*3600))
	later := time.Date(2026, 1, 2, 0, 30, 0, 0, time.UTC)
	if DateOnly(evening) || !Before(evening, later) {
		t.Errorf("19:00 at -05:00: DateOnly %v, before 00:30 UTC %v; want a time before it", DateOnly(evening), Before(evening, later))
	}
	for _, s := range []string{"2026-01-01T19:00:00-05:00", FormatPublished(evening)} {
		back, ok := ParsePublished(s)
		if !ok || DateOnly(back) || !Before(back, later) || back.Sub(evening) != time.Second {
			t.Errorf("%q reads back as %v (date alone %v); want a time one second after midnight UTC", s, back, DateOnly(back))
		}
	}
	for _, s := range []string{"2026-01-02", "2026-01-02T00:00:00Z"} {
		if d, _ := ParsePublished(s); !DateOnly(d) {
			t.Errorf("%q is not read as a date alone", s)
		}
	}
}
