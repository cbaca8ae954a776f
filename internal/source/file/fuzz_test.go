package file

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzReadJSONL: no panic; every line yields an input or an *InputError that
// names the line, an input's date is none or of the years 1600 to 2100
// (news.GivenPublished), and a stream with no JSON line in it yields one error
// alone, naming the stream as empty (ErrNoJSONLines); an input carries a
// page or an article, never neither.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"t"}` + "\n" + `{"html":"<p>x</p>","published":"2026-01-02"}` + "\n"))
	f.Add([]byte(`{"raw_text":"x","date":"2026-01-02T03:04:05Z"}` + "\n\n" + `[1,2]`))
	f.Add([]byte("{\"id\":1}\n{"))
	f.Add([]byte(`{"text":"t","capture":{"archive":"a.warc","record_id":"<urn:x>","offset":-7}}` + "\n" + `{"text":"t","capture":[]}`))
	f.Add([]byte(`{"text":"t","captures":[{"archive":"a.warc","record_id":"<urn:x>"},{"archive":"b.warc","record_id":"<urn:y>","offset":9},{"archive":"a.warc","record_id":"<urn:x>"}]}` + "\n" + `{"text":"t","captures":{}}` + "\n" + `{"text":"t","capture":{"archive":"c"},"captures":[{},{"archive":"c"}]}`))
	f.Add([]byte(`{"text":"t","published":"0001-01-02"}` + "\n" + `{"text":"t","date":"9999-12-31T23:59:59Z"}` + "\n" + `{"text":"t","published":"0001-01-01"}`))
	f.Add([]byte(""))
	f.Add([]byte("\n \n\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		yielded := 0
		ReadJSONL(bytes.NewReader(data), "in.jsonl", "in", func(in news.Input, err error) bool {
			yielded++
			if errors.Is(err, ErrNoJSONLines) {
				var ie *news.InputError
				if !errors.As(err, &ie) || ie.Name != "in.jsonl" || yielded != 1 {
					t.Fatalf("error %v (after %d yields) does not name the stream alone as empty", err, yielded-1)
				}
				return true
			}
			if err != nil {
				var ie *news.InputError
				if !errors.As(err, &ie) || !strings.HasPrefix(ie.Name, "in.jsonl:") {
					t.Fatalf("error %v does not name its line", err)
				}
				return true
			}
			if (in.Page == nil) == (in.Article == nil) {
				t.Fatalf("input %+v has neither or both of page and article", in)
			}
			if a := in.Article; a != nil {
				checkCaptures(t, *a)
				checkGivenDate(t, a.Published)
			}
			if p := in.Page; p != nil {
				checkGivenDate(t, p.Published)
			}
			return true
		})
	})
}

// checkCaptures fails when an article's captures hold one that names no
// record, one twice, or more captures without a first.
func checkCaptures(t *testing.T, a news.Article) {
	t.Helper()
	if a.Capture.IsZero() && len(a.MoreCaptures) > 0 {
		t.Fatalf("article %s has more captures and no first: %+v", a.ID, a.MoreCaptures)
	}
	all := a.Captures()
	for i, c := range all {
		if c.IsZero() || slices.Contains(all[:i], c) {
			t.Fatalf("article %s: capture %d of %+v is empty or repeated", a.ID, i, all)
		}
	}
}

// checkGivenDate fails when a date read from a JSONL line is neither none
// nor of the years 1600 to 2100 (news.GivenPublished).
func checkGivenDate(t *testing.T, at time.Time) {
	t.Helper()
	if !at.IsZero() && (at.Year() < 1600 || at.Year() > 2100) {
		t.Fatalf("a line's date %v is out of the years 1600 to 2100", at)
	}
}
