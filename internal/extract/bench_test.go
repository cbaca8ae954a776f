package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// benchPages loads the HTML pages of the set named by $STORYLINE_BENCH_SET
// (a folder in the layout of ../shared/bench/extraction), or the scenario
// pages under testdata when it is unset.
func benchPages(b *testing.B) ([]news.Page, int64) {
	b.Helper()
	dir := os.Getenv("STORYLINE_BENCH_SET")
	var paths []string
	if dir == "" {
		paths, _ = filepath.Glob("testdata/*/page.html")
	} else {
		paths, _ = filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	}
	var pages []news.Page
	var size int64
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if filepath.Ext(p) == ".gz" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				b.Fatal(err)
			}
		}
		size += int64(len(body))
		pages = append(pages, news.Page{Kind: news.KindHTML, Body: body})
	}
	if len(pages) == 0 && dir != "" {
		// go test runs in the package's folder: a relative path from the
		// repository's root finds nothing, and a skip would pass unseen.
		b.Fatalf("STORYLINE_BENCH_SET=%s holds no html/*.html.gz (a relative path is read from internal/extract: give $PWD/...)", dir)
	}
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	return pages, size
}

// BenchmarkHTML extracts pages one after another on one goroutine; it reports
// pages/s and MB/s.
func BenchmarkHTML(b *testing.B) {
	pages, size := benchPages(b)
	b.SetBytes(size / int64(len(pages)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Extract(pages[i%len(pages)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
