package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// PageResult is one page's score in an extraction benchmark.
type PageResult struct {
	ID string
	PageScore
	F1   float64
	Kind string `json:",omitempty"` // the kind extraction gave the page ("" where it gave none)
}

// ExtractionReport is the outcome of an extraction benchmark on one set.
type ExtractionReport struct {
	Set                 string
	Pages               int
	Bytes               int64
	Precision, Recall   float64
	F1                  float64
	OneCorePagesPerSec  float64
	AllCoresPagesPerSec float64
	Workers             int
	Worst               []PageResult // the ten lowest F1s
	Results             []PageResult
	Articles            map[string]news.Article // by page id, for ScoreMetadata
}

type goldPage struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// RunExtraction extracts every page of a set in the layout of
// ../shared/bench/extraction (html/<id>.html.gz or, with textMode,
// text/<id>.txt.gz, and ground-truth.json) and scores it. Speed is measured
// with the pages in memory: once on one goroutine, once on workers.
func RunExtraction(ctx context.Context, dir string, textMode bool, workers int, m *extract.Model) (ExtractionReport, error) {
	rep := ExtractionReport{Set: filepath.Base(filepath.Clean(dir)), Workers: workers}
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return rep, err
	}
	var gold map[string]goldPage
	if err := json.Unmarshal(raw, &gold); err != nil {
		return rep, fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	ids := slices.Sorted(maps.Keys(gold))
	pages := make([]news.Page, 0, len(ids))
	for _, id := range ids {
		p := news.Page{ID: id, URL: gold[id].URL, Kind: news.KindHTML}
		path := filepath.Join(dir, "html", id+".html.gz")
		if textMode {
			p.Kind, path = news.KindText, filepath.Join(dir, "text", id+".txt.gz")
		}
		if p.Body, err = ReadGzip(path); err != nil {
			return rep, err
		}
		rep.Bytes += int64(len(p.Body))
		pages = append(pages, p)
	}
	rep.Pages = len(pages)
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	start := time.Now()
	outputs := make([]string, len(pages))
	rep.Articles = make(map[string]news.Article, len(pages))
	for i, p := range pages {
		a, _ := m.Extract(p)
		outputs[i] = a.Text
		rep.Articles[p.ID] = a
	}
	rep.OneCorePagesPerSec = float64(len(pages)) / time.Since(start).Seconds()
	start = time.Now()
	extractAll(pages, workers, m)
	rep.AllCoresPagesPerSec = float64(len(pages)) / time.Since(start).Seconds()

	scores := make([]PageScore, len(pages))
	for i, p := range pages {
		s := ScorePage(gold[p.ID].ArticleBody, outputs[i])
		scores[i] = s
		rep.Results = append(rep.Results, PageResult{ID: p.ID, PageScore: s, F1: F1(s.Precision, s.Recall)})
	}
	rep.Precision, rep.Recall, rep.F1 = CorpusScore(scores)
	worst := append([]PageResult(nil), rep.Results...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].F1 < worst[j].F1 })
	rep.Worst = worst[:min(10, len(worst))]
	return rep, nil
}

func extractAll(pages []news.Page, workers int, m *extract.Model) {
	var wg sync.WaitGroup
	next := make(chan news.Page)
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				m.Extract(p)
			}
		}()
	}
	for _, p := range pages {
		next <- p
	}
	close(next)
	wg.Wait()
}

// ReadGzip reads a gzipped file of a benchmark set.
func ReadGzip(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}
