package extract

import (
	"bytes"
	"net/url"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// BenchmarkVersusTrafilatura extracts the same pages with storyline and with
// go-trafilatura (its defaults, fallback off, as the README of
// ../shared/bench/extraction measured it), page by page in turn on one
// goroutine, so that whatever else the machine runs slows both alike. It
// reports both pages/s and their ratio (the issue asks for at least 2).
// Run with -cpu 1 on a set:
//
//	STORYLINE_BENCH_SET=$PWD/../shared/bench/extraction/wcxb go test ./internal/extract -run XXX -bench VersusTrafilatura -cpu 1 -benchtime 1x
//
// One iteration is one pass over every page of the set.
func BenchmarkVersusTrafilatura(b *testing.B) {
	pages, _ := benchPages(b)
	m := DefaultModel()
	// One untimed extraction each first: the one-time loading of our
	// embedded metadata model and whatever go-trafilatura builds on its
	// first call are no part of a page's time.
	m.Extract(pages[0])
	trafilatura.Extract(bytes.NewReader(pages[0].Body), trafilatura.Options{})
	var ours, theirs time.Duration
	n := 0
	for b.Loop() {
		for _, p := range pages {
			start := time.Now()
			m.Extract(p)
			ours += time.Since(start)
			opts := trafilatura.Options{}
			if u, err := url.Parse(p.URL); err == nil && p.URL != "" {
				opts.OriginalURL = u
			}
			start = time.Now()
			trafilatura.Extract(bytes.NewReader(p.Body), opts)
			theirs += time.Since(start)
			n++
		}
	}
	oursRate := float64(n) / ours.Seconds()
	theirRate := float64(n) / theirs.Seconds()
	b.ReportMetric(oursRate, "storyline-pages/s")
	b.ReportMetric(theirRate, "trafilatura-pages/s")
	b.ReportMetric(oursRate/theirRate, "speed-ratio")
}
