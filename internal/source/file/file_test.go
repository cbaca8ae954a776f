package file

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/news"
)

// TestIDOfANameThatIsNotUTF8: a file name in Latin-1 or with control
// characters gives an id that is valid UTF-8 and survives JSON unchanged, so
// the API can serve it (issue 18: such names became ids the API could not
// serve); distinct names stay distinct.
func TestIDOfANameThatIsNotUTF8(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"pages/caf\xe9-strike.html", "cafxe9-strike"},
		{"pages/caf\xc3\xa9-strike.html", "caf\u00e9-strike"},
		{"pages/a\x1b[2Jb.txt.gz", "ax1b[2Jb"},
		{"pages/plain-name.html", "plain-name"},
	} {
		got := ID(c.path)
		back, _ := json.Marshal(got)
		var decoded string
		json.Unmarshal(back, &decoded)
		if got != c.want || !utf8.ValidString(got) || decoded != got {
			t.Errorf("ID(%q) = %q (through JSON %q), want %q", c.path, got, decoded, c.want)
		}
	}
}

// TestJSONLArticleKeepsAKnownKind: an article line's page kind is kept
// when it is one of news.PageKinds, and a word that is none is not known.
func TestJSONLArticleKeepsAKnownKind(t *testing.T) {
	in := `{"id":"f1","title":"Harbour board","text":"Posts about the harbour.","kind":"forum"}
{"id":"f2","title":"Harbour notes","text":"Notes about the harbour.","kind":"blogroll"}
`
	var kinds []string
	ReadJSONL(strings.NewReader(in), "in.jsonl", "in", func(got news.Input, err error) bool {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, got.Article.Kind)
		return true
	})
	if want := []string{"forum", ""}; !slices.Equal(kinds, want) {
		t.Errorf("kinds = %q, want %q", kinds, want)
	}
}
