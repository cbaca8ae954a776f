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
	date := func(d int) Article {
		return Article{Published: time.Date(2019, 1, d, 0, 0, 0, 0, time.UTC), DateOnly: true}
	}
	at := func(d, h, m int) Article { return Article{Published: time.Date(2019, 1, d, h, m, 0, 0, time.UTC)} }
	tests := []struct {
		name string
		a, b Article
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
		{"midnight given as a time is before 00:30", at(5, 0, 0), at(5, 0, 30), true},
		{"the date is not before 00:30 that day", date(5), at(5, 0, 30), false},
		{"unknown ties", Article{}, at(5, 9, 0), false},
		{"with unknown", at(5, 9, 0), Article{}, false},
	}
	for _, tt := range tests {
		if got := Before(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Before(%v, %v) = %v, want %v", tt.name, tt.a.Published, tt.b.Published, got, tt.want)
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

// TestReadPublishedKeepsThePrecision: a time of day is a time whatever
// its clock says, midnight UTC too, and keeps its true second (19:00 at
// -05:00 is midnight UTC, not a second after); only YYYY-MM-DD is a date
// alone; what ReadPublished reads, ShowPublished writes back alike.
func TestReadPublishedKeepsThePrecision(t *testing.T) {
	midnight := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		in       string
		at       time.Time
		dateOnly bool
		shown    string
	}{
		{"2026-01-01T19:00:00-05:00", midnight, false, "2026-01-02T00:00:00Z"},
		{"2026-01-02T00:00:00Z", midnight, false, "2026-01-02T00:00:00Z"},
		{"2026-01-02 00:00:00", midnight, false, "2026-01-02T00:00:00Z"},
		{"2026-01-02", midnight, true, "2026-01-02"},
		{" 2026-01-02 ", midnight, true, "2026-01-02"},
		{"", time.Time{}, false, ""},
	} {
		at, dateOnly, ok := ReadPublished(c.in)
		if !ok || !at.Equal(c.at) || dateOnly != c.dateOnly {
			t.Errorf("ReadPublished(%q) = %v, %v, %v; want %v, %v", c.in, at, dateOnly, ok, c.at, c.dateOnly)
		}
		if got := ShowPublished(at, dateOnly); got != c.shown {
			t.Errorf("ShowPublished of %q = %q, want %q", c.in, got, c.shown)
		}
	}
	if _, _, ok := ReadPublished("yesterday"); ok {
		t.Error("ReadPublished read \"yesterday\"")
	}
	var a Article
	if err := json.Unmarshal([]byte(`{"id":"m","published":"2026-01-01T19:00:00-05:00"}`), &a); err != nil || a.DateOnly || !a.Published.Equal(midnight) {
		t.Fatalf("article read as %v (date alone %v), %v", a.Published, a.DateOnly, err)
	}
	if b, _ := json.Marshal(a); !strings.Contains(string(b), `"published":"2026-01-02T00:00:00Z"`) {
		t.Errorf("article JSON %s; want its true time", b)
	}
}
