package cli

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/file"
)

func TestPlanInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("pages/a.html", "<p>a</p>")
	write("pages/b.txt", "b")
	jsonl := write("three.jsonl", "{\"id\":\"1\"}\n\n{\"id\":\"2\"}\n  \n{\"id\":\"3\"}") // blank lines are no inputs; the last has no newline
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{\"id\":\"1\"}\n{\"id\":\"2\"}\n"))
	zw.Close()
	gzPath := write("two.jsonl.gz", gz.String())
	for _, tc := range []struct {
		name   string
		paths  []string
		inputs int
		open   bool
	}{
		{"a folder of pages", []string{filepath.Join(dir, "pages")}, 2, false},
		{"JSONL lines", []string{jsonl}, 3, false},
		{"gzipped JSONL", []string{gzPath}, 2, false},
		{"a missing file counts as one (it fails)", []string{filepath.Join(dir, "nope.html")}, 1, false},
		{"a URL is counted as it comes", []string{jsonl, "https://example.org/feed.xml"}, 3, true},
		{"stdin is counted as it comes", []string{"-"}, 0, true},
		{"a web archive's records are counted as they come", []string{write("c.warc", "WARC/1.0\r\n")}, 0, true},
	} {
		p := planInputs(tc.paths)
		if p.inputs != tc.inputs || p.open != tc.open {
			t.Errorf("%s: %+v, want %d inputs, open %v", tc.name, p, tc.inputs, tc.open)
		}
	}
	if p := planInputs([]string{filepath.Join(dir, "pages")}); p.bytes != int64(len("<p>a</p>")+len("b")) {
		t.Errorf("bytes %d", p.bytes)
	}
}

// The bar shows done out of the total, the rate and the time left; the
// total grows with inputs counted as they come; off, it draws nothing.
func TestProgressBar(t *testing.T) {
	var out bytes.Buffer
	bar := newProgressBarWith(&out, inputPlan{inputs: 10, bytes: 2048}, 0)
	bar.update(news.RunSummary{Read: 3, Stored: 0})
	got := out.String()
	for _, want := range []string{"10 inputs in files (2.0 kB)", "30%", "(3/10", "inputs/", "["} {
		if !strings.Contains(got, want) {
			t.Errorf("bar %q lacks %q", got, want)
		}
	}
	out.Reset()
	open := newProgressBarWith(&out, inputPlan{inputs: 2, open: true}, 0)
	open.update(news.RunSummary{Read: 5})
	if got := out.String(); !strings.Contains(got, "(5/-") || !strings.Contains(got, "as they come") {
		t.Errorf("open bar %q: want the count of 5", got)
	}
	open.finish()
	out.Reset()
	off := newProgressBar(&out, []string{"testdata/pages"}, false)
	off.update(news.RunSummary{Read: 1})
	off.finish()
	if out.Len() != 0 {
		t.Errorf("a bar off drew %q", out.String())
	}
}

// The bar's total for a JSONL file is the number of inputs add reads from
// it, whatever the file holds.
func FuzzCountJSONLInputs(f *testing.F) {
	for _, s := range []string{"", "{}\n", "{\"id\":\"a\"}\n\n{\"id\":\"b\"}", " \t\r\n{}\r\n", "\u00a0\n{}\n\v\n", "x\ny\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		read := 0
		file.ReadJSONL(bytes.NewReader(data), "f", "f", func(news.Input, error) bool { read++; return true })
		if got := countJSONLInputs(bytes.NewReader(data)); got != read {
			t.Errorf("counted %d inputs, add reads %d, in %q", got, read, data)
		}
	})
}
