package source

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/file"
	"github.com/storyline-news/storyline/internal/source/web"
)

const strikePage = `<html><head><title>Calder dockworkers end strike | The Harbor Ledger</title></head>
<body><article><h1>Calder dockworkers end strike</h1>
<p>Dockworkers at the Port of Calder voted on Monday to end a nine-day strike.</p></article></body></html>`

const strikeDump = `Calder port reopens as strike ends | Coastline Daily
Home
The Port of Calder reopens on Tuesday after dockworkers voted on Monday to accept a new contract.
© 2026 Coastline Daily`

const firePage = `<html><head><title>Wildfire forces thousands to flee Brennock</title></head>
<body><div id="content"><h1>Wildfire forces thousands to flee Brennock</h1>
<p>A fast-moving wildfire in the hills above Brennock forced about 3,000 residents from their homes overnight.</p>
</div></body></html>`

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write([]byte(content))
		zw.Close()
		f.Close()
		return
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func collect(t *testing.T, args []string) ([]news.Input, []error) {
	t.Helper()
	var ins []news.Input
	var errs []error
	for in, err := range Read(context.Background(), args, Options{Fetcher: &web.Fetcher{Delay: time.Millisecond}}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in)
	}
	return ins, errs
}

func TestInputsFromFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "strike.html"), strikePage)
	write(t, filepath.Join(dir, "a", "dump.txt.gz"), strikeDump)
	write(t, filepath.Join(dir, "notes.md"), "not an input")
	write(t, filepath.Join(dir, "feed.jsonl"), `{"id":"j1","source":"Wire","published":"2026-11-16","title":"T","text":"Body text."}`+"\n"+
		`{"id":"j2","url":"https://x.example/p","published":"2026-11-16T10:00:00Z","html":"<p>Hello there, this is a page.</p>"}`+"\n")
	ins, errs := collect(t, []string{dir})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, in := range ins {
		switch {
		case in.Article != nil:
			got = append(got, "article:"+in.Article.ID)
		case in.Page != nil:
			got = append(got, string(in.Page.Kind)+":"+in.Page.ID)
		}
	}
	want := []string{"text:dump", "html:strike", "article:j1", "html:j2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("inputs = %v, want %v (folders walked in name order, unknown files skipped)", got, want)
	}
	if ins[0].Page != nil && !strings.Contains(string(ins[0].Page.Body), "Coastline Daily") {
		t.Error("gzip input was not decompressed")
	}
}

// TestUnreadableFolderIsNamedAndTheWalkGoesOn: a sub-folder that cannot be
// read is named, and the readable files after it are still read (a walk
// used to end at the first unreadable folder, skipping the rest in silence).
func TestUnreadableFolderIsNamedAndTheWalkGoesOn(t *testing.T) {
	fsys := lockedFS{fstest.MapFS{
		"a.html":          {Data: []byte(strikePage)},
		"b-locked/x.html": {Data: []byte(firePage)},
		"c.html":          {Data: []byte(firePage)},
		"d/e.txt":         {Data: []byte(strikeDump)},
	}, "b-locked"}
	var files []string
	var errs []error
	for f, err := range file.WalkFS(fsys, "top") {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	want := []string{filepath.Join("top", "a.html"), filepath.Join("top", "c.html"), filepath.Join("top", "d", "e.txt")}
	if !reflect.DeepEqual(files, want) || len(errs) != 1 || !strings.Contains(errs[0].Error(), filepath.Join("top", "b-locked")+": permission denied") {
		t.Errorf("files %v, errors %v; want %v read and b-locked named", files, errs, want)
	}
}

// lockedFS is a file system whose one folder cannot be read.
type lockedFS struct {
	fstest.MapFS
	locked string
}

func (f lockedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.locked {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func TestBadInputsAreNamed(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	write(t, bad, `{"id":"ok","text":"fine"}`+"\n"+`{not json`+"\n"+`{"id":"x","published":"yesterday","text":"t"}`+"\n"+`{"id":"y"}`+"\n"+
		`{"id":"headline","title":"Calder port strike ends"}`+"\n")
	os.WriteFile(filepath.Join(dir, "broken.html.gz"), []byte("not gzip at all"), 0o644)
	ins, errs := collect(t, []string{bad, filepath.Join(dir, "broken.html.gz"), filepath.Join(dir, "missing.html")})
	wants := []string{"bad.jsonl:2: not a JSON object", `bad.jsonl:3: published "yesterday"`, `bad.jsonl:4: no "title", "text", "html" or "raw_text"`,
		"broken.html.gz: not a valid gzip file", "missing.html: no such file"}
	if len(errs) != len(wants) {
		t.Fatalf("errors = %v, want %d", errs, len(wants))
	}
	for i, w := range wants {
		var ie *news.InputError
		if !errors.As(errs[i], &ie) || !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %v, want it to contain %q", i, errs[i], w)
		}
	}
	// A title without text is a headline-only feed item: an article.
	if len(ins) != 2 || ins[1].Article == nil || ins[1].Article.ID != "headline" || ins[1].Article.Title != "Calder port strike ends" {
		t.Errorf("inputs = %+v, want the text line and the headline-only line as articles", ins)
	}
}

func TestFetchURL(t *testing.T) {
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(firePage))
	}))
	defer srv.Close()
	ins, errs := collect(t, []string{srv.URL + "/fire?utm_source=x", srv.URL + "/missing"})
	if len(ins) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "404") {
		t.Fatalf("inputs %v, errors %v", ins, errs)
	}
	if !strings.HasPrefix(agent, "storyline/") {
		t.Errorf("User-Agent = %q", agent)
	}
	if got, want := ins[0].Page.ID, web.URLID(srv.URL+"/fire"); got != want {
		t.Errorf("id = %q, want the hash of the canonical URL %q", got, want)
	}
}

// TestOPMLThatListsItselfIsReadOnce: an OPML list that names itself (and a
// feed twice) is read once, its feed once, and the read ends.
func TestOPMLThatListsItselfIsReadOnce(t *testing.T) {
	var listHits, feedHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		listHits.Add(1)
		fmt.Fprintf(w, `<opml version="2.0"><body><outline xmlUrl="http://%s/list.opml"/><outline xmlUrl="http://%s/feed"/><outline xmlUrl="http://%s/feed"/></body></opml>`, r.Host, r.Host, r.Host)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>x</title><item><link>http://%s/page</link></item></channel></rss>`, r.Host)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, firePage) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	done := make(chan struct{})
	var ins []news.Input
	var errs []error
	go func() {
		defer close(done)
		ins, errs = collect(t, []string{srv.URL + "/list.opml"})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading an OPML list that names itself did not end")
	}
	if len(ins) != 1 || len(errs) != 0 || listHits.Load() != 1 || feedHits.Load() != 1 {
		t.Errorf("%d inputs, errors %v, list fetched %d times, feed %d; want 1 page, the list and the feed once each",
			len(ins), errs, listHits.Load(), feedHits.Load())
	}
}

// An argument that names no file but reads as a web address storyline does
// not fetch (another scheme, or none) is named with what the user may have
// meant; a missing file is named as the file system says.
func TestMissingInputsThatReadAsAddressesSaySo(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "captures", "front.html")
	want := map[string]string{
		"ftp://archive.example/front.html": "no such file, and storyline fetches only http:// and https:// addresses",
		"harbour-news.example/front-page":  "no such file or directory (a web address begins with https://)",
		"HARBOUR-NEWS.EXAMPLE/tide":        "no such file or directory (a web address begins with https://)",
		"notes.v/draft.html":               "no such file or directory",
		"\u212Aestrel.example/tide":        "no such file or directory",
		missing:                            "no such file or directory",
	}
	var args []string
	for a := range want {
		args = append(args, a)
	}
	got := map[string]string{}
	for _, err := range Read(context.Background(), args, Options{}) {
		var ie *news.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%v: not an input error", err)
		}
		got[ie.Name] = ie.Err.Error()
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
