package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// expectation is what must hold of a scenario's article; empty fields are not
// checked.
type expectation struct {
	Title, Byline, Published, Source, URL, Lang string
	Contains, Excludes                          []string
}

// TestScenarios walks testdata/<scenario>/: page.html or page.txt is extracted,
// the fields and phrases of expect.json must hold, and the article must equal
// golden.json (rewritten with -update).
func TestScenarios(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, dir := range dirs {
		if filepath.Base(dir) == "fuzz" {
			continue // the fuzz tests' corpus (testdata/fuzz/<Target>), not a scenario
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			page := news.Page{ID: filepath.Base(dir)}
			var err error
			if page.Body, err = os.ReadFile(filepath.Join(dir, "page.html")); err == nil {
				page.Kind = news.KindHTML
			} else if page.Body, err = os.ReadFile(filepath.Join(dir, "page.txt")); err == nil {
				page.Kind = news.KindText
			} else {
				t.Fatalf("no page.html or page.txt in %s", dir)
			}
			a, err := Extract(page)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkExpectations(t, dir, a)
			checkGolden(t, filepath.Join(dir, "golden.json"), a)
		})
	}
}

func checkExpectations(t *testing.T, dir string, a news.Article) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want expectation
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("expect.json: %v", err)
	}
	for _, f := range []struct{ name, got, want string }{
		{"title", a.Title, want.Title}, {"byline", a.Byline, want.Byline},
		{"published", news.FormatPublished(a.Published), want.Published}, {"source", a.Source, want.Source},
		{"url", a.URL, want.URL}, {"lang", a.Lang, want.Lang},
	} {
		if f.want != "" && f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	for _, s := range want.Contains {
		if !strings.Contains(a.Text, s) {
			t.Errorf("text lacks %q; text:\n%s", s, a.Text)
		}
	}
	for _, s := range want.Excludes {
		if strings.Contains(strings.ToLower(a.Text), strings.ToLower(s)) {
			t.Errorf("text keeps chrome %q; text:\n%s", s, a.Text)
		}
	}
}

func checkGolden(t *testing.T, path string, a news.Article) {
	t.Helper()
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/extract -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("article differs from %s (go test -update rewrites it after a deliberate change)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestBadInput: broken pages give an article or a clear error, never a
// panic; ErrNoContent exactly when the page has no visible text.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name     string
		page     news.Page
		noText   bool // the page has no visible text: ErrNoContent
		wantText bool // the article keeps text
	}{
		{"empty html", news.Page{Kind: news.KindHTML}, true, false},
		{"empty text", news.Page{Kind: news.KindText}, true, false},
		{"only markup", news.Page{Kind: news.KindHTML, Body: []byte("<html><head><title>T</title><script>var x</script></head><body><div></div></body></html>")}, true, false},
		{"binary", news.Page{Kind: news.KindHTML, Body: []byte{0, 1, 2, 0xff, 0xfe, 0x89, 'P', 'N', 'G'}}, false, false},
		{"truncated html", news.Page{Kind: news.KindHTML, Body: []byte("<html><body><div><p>Half a para")}, false, false},
		{"deeply nested", news.Page{Kind: news.KindHTML, Body: []byte(strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000))}, false, false},
		{"mis-declared charset", news.Page{Kind: news.KindHTML, Body: []byte(`<meta charset="shift_jis"><p>Plain ASCII text that claims to be Shift JIS, and is long enough to be read as a paragraph of an article.</p>`)}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(tt.page)
			if got := errors.Is(err, ErrNoContent); got != tt.noText {
				t.Errorf("err = %v, want ErrNoContent: %v", err, tt.noText)
			}
			if err != nil && !errors.Is(err, ErrNoContent) && !strings.HasPrefix(err.Error(), "parse HTML: ") {
				t.Errorf("unexpected error %v", err)
			}
			if got := strings.TrimSpace(a.Text) != ""; tt.wantText && !got {
				t.Errorf("text = %q, want the paragraph", a.Text)
			}
		})
	}
}

// TestPageWithoutMainText: a page with visible text and nothing to extract
// (a sign-in wall) is no error; its title still comes out.
func TestPageWithoutMainText(t *testing.T) {
	page := news.Page{Kind: news.KindHTML, URL: "https://example.org/account", Body: []byte(`<html><head><title>Sign in | Example</title></head>
<body><nav><a href="/">Home</a> <a href="/login">Log in</a></nav><form><label>Email</label><button>Sign in</button></form></body></html>`)}
	a, err := Extract(page)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if a.Title == "" || a.Source == "" {
		t.Errorf("title %q, source %q: want both", a.Title, a.Source)
	}
}

func TestTooLargeIsRefused(t *testing.T) {
	_, err := Extract(news.Page{Kind: news.KindText, Body: make([]byte, MaxPageBytes+1)})
	if err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("err = %v, want a size error", err)
	}
}

func TestBylineName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"by Halyna Petrenko October 6, 2024 5:58 AM 2 min read", "Halyna Petrenko"},
		{"By Jane Doe and John Roe | Reuters", "Jane Doe, John Roe"},
		{"Von Katrin Albers 12. März 2026", "Katrin Albers"},
		{"By the time we arrived it was over", ""},
		{"Posted by Ludwig van Beethoven, Nov 3", "Ludwig van Beethoven"},
		// a <p> written over lines: the name ends at its line's end
		{"by Ilse Brandvold\n      -\n\n      2031-04-09", "Ilse Brandvold"},
		{"By Ilse Brandvold\n   Tomas Quill reviewed this piece", "Ilse Brandvold"},
		{"By\n  Ilse Brandvold", "Ilse Brandvold"},
		{"by specifying\nit with the flag", ""}, // prose broken by an inline element, no handle
		{"by jdoe42 » Tue Dec 3", "jdoe42"},
		// a month word as a surname, not the date after the name
		{"By Ilse May", "Ilse May"},
		{"Written by Ilse May | Jan 3, 2031", "Ilse May"},
		{"By Ilse Brandvold May 3, 2031", "Ilse Brandvold"},
		{"By Ilse May 2031", "Ilse"},
		{"By Ilse May, Jan 3", "Ilse May"},
		// "Text by", "Article by" and "Contributed by" are labels like "Written by"
		{"Text by Ilse Brandvold", "Ilse Brandvold"},
		{"Article by Ilse Brandvold and Tomas Quill", "Ilse Brandvold, Tomas Quill"},
		{"Contributed by Ilse Brandvold", "Ilse Brandvold"},
	}
	for _, tt := range tests {
		got, _ := bylineName(tt.in)
		if got != tt.want {
			t.Errorf("bylineName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"October 6, 2024 5:58 AM", "2024-10-06T05:58:00Z"},
		{"6 Oct. 2024", "2024-10-06T00:00:00Z"},
		{"Posted 2024-10-06T17:05:00+02:00", "2024-10-06T15:05:00Z"},
		{"18.11.2026", "2026-11-18T00:00:00Z"},
		{"12. März 2026", "2026-03-12T00:00:00Z"},
		{"Updated 3:44 PM", ""},
	}
	for _, tt := range tests {
		got, ok := findDate(tt.in)
		if s := news.FormatPublished(got); s != tt.want || ok != (tt.want != "") {
			t.Errorf("findDate(%q) = %q, %v; want %q", tt.in, s, ok, tt.want)
		}
	}
}

// TestArticleByIsALabel: "Article by" and "Text by" alone on their line are
// labels, so the name on the next line is read as the byline (label_next).
func TestArticleByIsALabel(t *testing.T) {
	for _, s := range []string{"Article by", "Text by:", "Words by", "Contributed by", "Story by"} {
		if !isLabelOnly(s) {
			t.Errorf("isLabelOnly(%q) = false, want true", s)
		}
	}
	if isLabelOnly("Photos by") {
		t.Error(`isLabelOnly("Photos by") = true: a photo credit is no byline label`)
	}
}
