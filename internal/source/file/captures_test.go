package file

import (
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestJSONLMalformedCapturesFailTheirLineOnly: a line whose "captures" is
// not a list of archive records, or lists more than an article keeps,
// fails naming its line; null and null entries are none; the lines around
// it are read. A list of any length was read, each capture compared with
// all before it.
func TestJSONLMalformedCapturesFailTheirLineOnly(t *testing.T) {
	var many []string
	for i := range news.MaxCaptures + 1 {
		many = append(many, fmt.Sprintf(`{"archive":"mill-%d.warc.gz","record_id":"<urn:uuid:mill-%d>"}`, i, i))
	}
	lines := []string{
		`{"id":"m1","title":"Mill reopens","text":"The mill reopened.","captures":[{"archive":"mill-a.warc.gz","record_id":"<urn:uuid:m-1>"},{"archive":"mill-b.warc.gz","record_id":"<urn:uuid:m-2>"}]}`,
		`{"id":"m2","title":"Mill wages","text":"Wages rose.","captures":"mill-a.warc.gz"}`,
		`{"id":"m3","title":"Mill hours","text":"Hours fell.","captures":[1,2]}`,
		`{"id":"m4","title":"Mill roof","text":"The roof was mended.","captures":null}`,
		`{"id":"m5","title":"Mill pond","text":"The pond froze.","captures":[null,{"archive":"mill-c.warc.gz","record_id":"<urn:uuid:m-3>"}]}`,
		`{"id":"m6","title":"Mill sold","text":"The mill was sold.","captures":[` + strings.Join(many, ",") + `]}`,
		`{"id":"m7","title":"Mill staff","text":"Staff were hired.","captures":[{"archive":"mill-d.warc.gz","record_id":"<urn:uuid:m-4>","offset":"x"}]}`,
		`{"id":"m8","title":"Mill bell","text":"The bell rang."}`,
	}
	got := map[string]int{}
	failed := map[string]string{}
	ReadJSONL(strings.NewReader(strings.Join(lines, "\n")), "mill.jsonl", "mill", func(in news.Input, err error) bool {
		if err != nil {
			failed[strings.SplitN(err.Error(), ":", 3)[1]] = err.Error()
			return true
		}
		got[in.Article.ID] = len(in.Article.Captures())
		return true
	})
	if want := map[string]int{"m1": 2, "m4": 0, "m5": 1, "m8": 0}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("articles read, by captures = %v; want %v", got, want)
	}
	for _, line := range []string{"2", "3", "6", "7"} {
		if !strings.HasPrefix(failed[line], "mill.jsonl:"+line+":") || !strings.Contains(failed[line], `"captures"`) {
			t.Errorf("line %s: error %q; want one naming the line and its captures", line, failed[line])
		}
	}
	if !strings.Contains(failed["6"], fmt.Sprintf("lists %d records; an article keeps at most %d", news.MaxCaptures+1, news.MaxCaptures)) {
		t.Errorf("line 6 (too many captures): %q", failed["6"])
	}
	if len(failed) != 4 {
		t.Errorf("lines failed = %v; want 2, 3, 6 and 7", failed)
	}
}
