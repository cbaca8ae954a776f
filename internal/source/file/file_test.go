package file

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
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

// TestJSONLKeepsAnArchiveCapture: a line's "capture" (an exported article
// read from a web archive) is kept on its article or its page; a capture
// that names nothing is none, and one that is no capture fails its line,
// saying so.
func TestJSONLKeepsAnArchiveCapture(t *testing.T) {
	in := `{"id":"c1","title":"Quay works","text":"Work on the quay began.","capture":{"archive":"crawl-3.warc.gz","record_id":"<urn:uuid:1b2c3d4e-0000-4000-8000-000000000001>","target_uri":"https://quay.example/works","offset":4096}}
{"id":"c2","html":"<p>The quay reopened.</p>","capture":{"archive":"crawl-3.warc.gz","record_id":"<urn:uuid:1b2c3d4e-0000-4000-8000-000000000002>"}}
{"id":"c3","title":"Quay fees","text":"Fees rise.","capture":{}}
{"id":"c4","title":"Quay tolls","text":"Tolls rise.","capture":"crawl-3.warc.gz"}
`
	var got []news.Capture
	var errs []error
	ReadJSONL(strings.NewReader(in), "in.jsonl", "in", func(in news.Input, err error) bool {
		switch {
		case err != nil:
			errs = append(errs, err)
		case in.Article != nil:
			got = append(got, in.Article.Capture)
		default:
			got = append(got, in.Page.Capture)
		}
		return true
	})
	want := []news.Capture{
		{Archive: "crawl-3.warc.gz", RecordID: "<urn:uuid:1b2c3d4e-0000-4000-8000-000000000001>", TargetURI: "https://quay.example/works", Offset: 4096},
		{Archive: "crawl-3.warc.gz", RecordID: "<urn:uuid:1b2c3d4e-0000-4000-8000-000000000002>", Offset: -1},
		{},
	}
	if !slices.Equal(got, want) {
		t.Errorf("captures = %+v\nwant %+v", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "in.jsonl:4") || !strings.Contains(errs[0].Error(), `"capture" is not an archive record`) {
		t.Errorf("errors = %v; want line 4's capture named", errs)
	}
}

// A folder with files but none storyline reads is named as a failure that
// says which kinds it holds and which it reads; a folder with some pages
// among other files yields the pages alone, and an empty folder nothing.
func TestFolderOfFilesStorylineDoesNotReadIsNamed(t *testing.T) {
	walk := func(fsys fstest.MapFS) (files []string, errs []error) {
		for path, err := range WalkFS(fsys, "inbox") {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			files = append(files, path)
		}
		return files, errs
	}
	others := fstest.MapFS{
		"scan.pdf":         {Data: []byte("%PDF-1.7")},
		"notes/memo.pdf":   {Data: []byte("%PDF-1.7")},
		"feed-export.json": {Data: []byte("[]")},
		"README":           {Data: []byte("read me")},
	}
	files, errs := walk(others)
	var ie *news.InputError
	if len(files) != 0 || len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Name != "inbox" {
		t.Fatalf("a folder of other files: files %v, errors %v; want one error naming the folder", files, errs)
	}
	for _, want := range []string{"among its 4", ".pdf 2", ".json 1", "no extension 1", ".html", ".jsonl", ".warc"} {
		if !strings.Contains(errs[0].Error(), want) {
			t.Errorf("%q does not say %q", errs[0], want)
		}
	}
	others["today/front-page.html.gz"] = &fstest.MapFile{Data: []byte("x")}
	if files, errs := walk(others); len(errs) != 0 || len(files) != 1 || files[0] != filepath.Join("inbox", "today", "front-page.html.gz") {
		t.Errorf("a page among other files: files %v, errors %v; want the page alone", files, errs)
	}
	if files, errs := walk(fstest.MapFS{"spool": {Mode: fs.ModeDir}}); len(files)+len(errs) != 0 {
		t.Errorf("an empty folder: files %v, errors %v; want neither", files, errs)
	}
}

// A JSONL stream with nothing in it, or blank lines only, is a failed
// input naming it, as an empty page file is; a stream with one article
// yields that article alone.
func TestEmptyJSONLIsNamed(t *testing.T) {
	for _, body := range []string{"", "\n\n  \n"} {
		var errs []error
		ReadJSONL(strings.NewReader(body), "harbour.jsonl", "harbour", func(in news.Input, err error) bool {
			errs = append(errs, err)
			return true
		})
		var ie *news.InputError
		if len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Name != "harbour.jsonl" || !errors.Is(errs[0], ErrNoJSONLines) {
			t.Errorf("JSONL %q: %v; want one error naming harbour.jsonl as empty", body, errs)
		}
	}
	var got []news.Input
	ReadJSONL(strings.NewReader(`{"id":"a","title":"Ferry resumes","text":"The ferry resumed."}`+"\n\n"), "harbour.jsonl", "harbour", func(in news.Input, err error) bool {
		if err != nil {
			t.Errorf("one article: %v", err)
		}
		got = append(got, in)
		return true
	})
	if len(got) != 1 {
		t.Errorf("one article: %d inputs", len(got))
	}
}

// A link to a folder, which the walk does not follow, is named as such
// when a folder holds nothing storyline reads, not as a file with no
// extension.
func TestALinkToAFolderIsNamedAsOne(t *testing.T) {
	dir := t.TempDir()
	inbox, elsewhere := filepath.Join(dir, "inbox"), filepath.Join(dir, "elsewhere")
	for _, d := range []string{inbox, elsewhere} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(elsewhere, filepath.Join(inbox, "archive")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var errs []error
	for _, err := range Walk(inbox) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || errs[0] == nil || !strings.Contains(errs[0].Error(), "link to a folder, not followed, 1") || strings.Contains(errs[0].Error(), "no extension") {
		t.Errorf("a folder holding a link to a folder: %v", errs)
	}
}

// TestJSONLKeepsThePrecisionOfATime: a line's "published" of YYYY-MM-DD is
// a date alone, on an article and on a page; a time is a time, midnight
// UTC and a time at -05:00 that falls on it included.
func TestJSONLKeepsThePrecisionOfATime(t *testing.T) {
	in := `{"id":"d1","title":"Pier shut","text":"The pier shut.","published":"2026-02-11"}
{"id":"d2","title":"Pier shut","text":"The pier shut.","published":"2026-02-11T00:00:00Z"}
{"id":"d3","title":"Pier shut","text":"The pier shut.","published":"2026-02-10T19:00:00-05:00"}
{"id":"d4","html":"<p>The pier shut.</p>","published":"2026-02-11"}
`
	var got []bool
	ReadJSONL(strings.NewReader(in), "in.jsonl", "in", func(in news.Input, err error) bool {
		if err != nil {
			t.Fatal(err)
		}
		if in.Page != nil {
			got = append(got, in.Page.DateOnly)
		} else {
			got = append(got, in.Article.DateOnly)
		}
		return true
	})
	if want := []bool{true, false, false, true}; !slices.Equal(got, want) {
		t.Errorf("date alone = %v, want %v", got, want)
	}
}
