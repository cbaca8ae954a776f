package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// ClusterReport is the outcome of a clustering benchmark on one file.
type ClusterReport struct {
	File             string
	Articles         int
	GoldClusters     int
	PredClusters     int
	BCubed, Pairwise PRF
	ArticlesPerSec   float64
	HeapMB           float64
}

type labelled struct {
	news.Article
	Cluster string
}

// ReadLabelled reads article JSONL with a gold "cluster" field (and "date" or
// "published"), as in ../shared/bench/stories.
func ReadLabelled(path string) ([]labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeLabelled(f, path)
}

func decodeLabelled(r io.Reader, name string) ([]labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []labelled
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			ID        string          `json:"id"`
			Source    *string         `json:"source"`
			Date      *string         `json:"date"`
			Published string          `json:"published"`
			Title     string          `json:"title"`
			Text      string          `json:"text"`
			Cluster   json.RawMessage `json:"cluster"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		a := news.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if rec.Source != nil {
			a.Source = *rec.Source
		}
		date := rec.Published
		if date == "" && rec.Date != nil {
			date = *rec.Date
		}
		a.Published, _ = news.ParsePublished(date)
		out = append(out, labelled{a, string(rec.Cluster)})
	}
	return out, sc.Err()
}

// RunClustering clusters a labelled file in streaming order (by date when
// every article has one, else file order), never reading the gold label, and
// scores the result.
func RunClustering(path string, opt cluster.Options) (ClusterReport, error) {
	rep := ClusterReport{File: path}
	items, err := ReadLabelled(path)
	if err != nil {
		return rep, err
	}
	dated := true
	for _, it := range items {
		dated = dated && !it.Published.IsZero()
	}
	if dated {
		sort.SliceStable(items, func(i, j int) bool { return items[i].Published.Before(items[j].Published) })
	}
	pred, gold := map[string]string{}, map[string]string{}
	runtime.GC()
	start := time.Now()
	cl := cluster.New(opt)
	for _, it := range items {
		pred[it.ID] = cl.Add(it.Article).StoryID
	}
	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	for _, it := range items {
		gold[it.ID] = it.Cluster
	}
	rep.Articles = len(items)
	rep.GoldClusters = len(invert(gold))
	rep.PredClusters = len(invert(pred))
	rep.BCubed = BCubed(pred, gold)
	rep.Pairwise = Pairwise(pred, gold)
	rep.ArticlesPerSec = float64(len(items)) / elapsed.Seconds()
	rep.HeapMB = float64(ms.HeapAlloc) / (1 << 20)
	return rep, nil
}
