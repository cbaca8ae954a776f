package file

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// FuzzReadJSONL: no panic; every line yields an input or an *InputError that
// names the line; an input carries a page or an article, never neither.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"t"}` + "\n" + `{"html":"<p>x</p>","published":"2026-01-02"}` + "\n"))
	f.Add([]byte(`{"raw_text":"x","date":"2026-01-02T03:04:05Z"}` + "\n\n" + `[1,2]`))
	f.Add([]byte("{\"id\":1}\n{"))
	f.Add([]byte(`{"text":"t","capture":{"archive":"a.warc","record_id":"<urn:x>","offset":-7}}` + "\n" + `{"text":"t","capture":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadJSONL(bytes.NewReader(data), "in.jsonl", "in", func(in news.Input, err error) bool {
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
			return true
		})
	})
}
