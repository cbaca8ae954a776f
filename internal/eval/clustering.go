package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
)

// ClusterReport is the outcome of a clustering benchmark on one set.
type ClusterReport struct {
	File             string
	Articles         int
	GoldClusters     int
	PredClusters     int
	BCubed, Pairwise PRF
	ArticlesPerSec   float64
	HeapMB           float64
	Merges, Splits   int // late corrections the clusterer made
	Moves            int // and the moves of articles to another story (see cluster.Clusterer.Settle)
	// Memberships are the articles' stories at the end, in stream order,
	// with their gold stories: what the scores were computed from. Left
	// out of JSON reports (every --loso order would carry every article):
	// eval cluster --memberships writes them apart.
	Memberships []Membership `json:"-"`
}

// Membership is one article's predicted and gold story, for reading a
// run's errors (eval cluster --memberships).
type Membership struct {
	ID     string `json:"id"`
	Story  string `json:"story"`
	Gold   string `json:"gold"`
	Title  string `json:"title"`
	Source string `json:"source,omitempty"`
}

// count counts a change the clusterer made by its kind.
func (r *ClusterReport) count(ch news.StoryChange) {
	switch ch.Kind {
	case "merge":
		r.Merges++
	case "move":
		r.Moves++
	default:
		r.Splits++
	}
}

type labelled struct {
	news.Article
	Cluster string
	Kind    string // the set's cluster_kind, when it has several kinds of gold unit
}

// ReadLabelled reads article JSONL with a gold "cluster" field (and "date" or
// "published", and optionally "cluster_kind"), as in ../shared/bench/stories.
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
			Kind      string          `json:"cluster_kind"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if len(rec.Cluster) == 0 {
			return nil, fmt.Errorf("%s:%d: no gold \"cluster\"", name, n)
		}
		a := news.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if rec.Source != nil {
			a.Source = *rec.Source
		}
		date := rec.Published
		if date == "" && rec.Date != nil {
			date = *rec.Date
		}
		a.Published, a.DateOnly, _ = news.ReadPublished(date)
		out = append(out, labelled{a, string(rec.Cluster), rec.Kind})
	}
	return out, sc.Err()
}

// ClusterSet is a labelled set of articles ready to be clustered many times
// over: each article's clustering features computed once, in file order,
// with its gold story.
type ClusterSet struct {
	Name     string // the file's base name without .jsonl, with ":kind" for one kind of a file with several
	Articles []cluster.Prepared
	Gold     []string
	cache    *exampleCache // the join model's training rows, by stream order: the same for every fit
}

// exampleCache keeps a set's training rows once computed.
type exampleCache struct {
	mu     sync.Mutex
	bySeed map[int64]cluster.ExampleSet
	opt    cluster.Options
}

// LoadClusterSets reads a labelled file and prepares its articles (on all
// cores). A file whose articles carry a cluster_kind gives one set per kind,
// named "file:kind" (duc2003 holds TDT events and broader TREC topics, which
// are different tasks); any other file gives one set. An article without an
// id, or an id given twice in one kind, is refused.
func LoadClusterSets(path string) ([]ClusterSet, error) {
	items, err := ReadLabelled(path)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	base := strings.TrimSuffix(filepath.Base(path), ".jsonl")
	if err := checkIDs(path, items); err != nil {
		return nil, err
	}
	var kinds []string
	byKind := map[string][]labelled{}
	for _, it := range items {
		if _, ok := byKind[it.Kind]; !ok {
			kinds = append(kinds, it.Kind)
		}
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	var sets []ClusterSet
	for _, k := range kinds {
		name := base
		if len(kinds) > 1 || k != "" {
			name += ":" + k
		}
		sets = append(sets, prepareSet(name, byKind[k]))
	}
	return sets, nil
}

// checkIDs refuses a labelled file whose articles cannot be told apart: an
// article without an id (a pairs file read as articles gives only those) or
// an id given twice in one kind. The scores and the placement log key
// articles by id, and silently kept one of each id.
func checkIDs(path string, items []labelled) error {
	seen := map[[2]string]bool{} // kind and id
	for n, it := range items {
		if it.Article.ID == "" {
			return fmt.Errorf("%s: article %d has no \"id\": eval cluster reads articles, each with its own id", path, n+1)
		}
		key := [2]string{it.Kind, it.Article.ID}
		if seen[key] {
			return fmt.Errorf("%s: article id %q given twice (cluster_kind %q): the scores and the placement log tell articles apart by id", path, it.Article.ID, it.Kind)
		}
		seen[key] = true
	}
	return nil
}

// prepareSet computes the features of a set's articles on every core.
func prepareSet(name string, items []labelled) ClusterSet {
	set := ClusterSet{Name: name, Articles: make([]cluster.Prepared, len(items)), Gold: make([]string, len(items)), cache: &exampleCache{}}
	workers := runtime.NumCPU()
	done := make(chan struct{})
	for w := range workers {
		go func() {
			for i := w; i < len(items); i += workers {
				set.Articles[i] = cluster.Prepare(items[i].Article)
			}
			done <- struct{}{}
		}()
	}
	for range workers {
		<-done
	}
	for i, it := range items {
		set.Gold[i] = it.Cluster
	}
	return set
}

// streamOrder returns the order in which `storyline cluster` places a
// file's articles: the file's order, shuffled first when seed is not 0, then
// by date when every article has one (a stable sort, so that articles of
// one date keep their order: a file is an archive, read whole, and put in
// the order a live stream would have brought it). The engine's stream
// driver then places it in windows of engine.DefaultWindow articles. Run
// places them so, and the join model's training rows follow the same
// order.
func (s ClusterSet) streamOrder(seed int64) []int {
	order := make([]int, len(s.Articles))
	for i := range order {
		order[i] = i
	}
	if seed != 0 {
		r := rand.New(rand.NewPCG(uint64(seed), 0))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	cluster.SortForStream(order, func(i int) time.Time { return s.Articles[i].Article.Published })
	return order
}

// RunClustering clusters a labelled file as `storyline cluster` would (see
// ClusterSet.Run: finished at its end, every lone article judged, which
// add does only for dated ones once their window closes),
// never reading the gold label, and scores the result. A file with several
// kinds of gold unit is scored kind by kind, one report each.
func RunClustering(path string, opt cluster.Options, shuffleSeed int64) ([]ClusterReport, error) {
	reps, _, err := runFile(path, opt, shuffleSeed, false)
	return reps, err
}

// RunClusteringLogged is RunClustering that also returns every step the
// clusterer took, judged against the gold (see RunLogged), set after set.
func RunClusteringLogged(path string, opt cluster.Options, shuffleSeed int64) ([]ClusterReport, []PlacementStep, error) {
	return runFile(path, opt, shuffleSeed, true)
}

func runFile(path string, opt cluster.Options, shuffleSeed int64, logged bool) ([]ClusterReport, []PlacementStep, error) {
	sets, err := LoadClusterSets(path)
	if err != nil {
		return nil, nil, err
	}
	var reps []ClusterReport
	var steps []PlacementStep
	for _, s := range sets {
		if !logged {
			reps = append(reps, s.Run(opt, shuffleSeed))
			continue
		}
		rep, st := s.RunLogged(opt, shuffleSeed)
		reps, steps = append(reps, rep), append(steps, st...)
	}
	return reps, steps, nil
}

// Run clusters the set as `storyline cluster` would (streamOrder: by date
// when every article has one), through the engine's stream driver
// (engine.Stream: windows of engine.DefaultWindow articles, finished at the
// end), and scores the result. A shuffleSeed other than 0 first shuffles
// the set's articles with that seed: a score that holds only in the file's
// own order owes something to how the file was put together.
func (s ClusterSet) Run(opt cluster.Options, shuffleSeed int64) ClusterReport {
	return s.run(opt, shuffleSeed, nil)
}

// RunLogged is Run that also judges each step the clusterer took against
// the gold (see PlacementStep), in the order it took them.
func (s ClusterSet) RunLogged(opt cluster.Options, shuffleSeed int64) (ClusterReport, []PlacementStep) {
	log := newPlacementLog(s)
	rep := s.run(opt, shuffleSeed, log)
	return rep, log.steps
}

// run is Run, telling log (when not nil) each placement and change.
func (s ClusterSet) run(opt cluster.Options, shuffleSeed int64, log *placementLog) ClusterReport {
	rep := ClusterReport{File: s.Name}
	order := s.streamOrder(shuffleSeed)
	pred := map[string]string{}
	runtime.GC()
	start := time.Now()
	cl := cluster.New(opt)
	if log != nil {
		cl.WatchLone(log.judgedLone)
	}
	stream := engine.NewStream(cl, func(ch news.StoryChange) {
		rep.count(ch)
		cluster.ApplyChanges(pred, []news.StoryChange{ch})
		if log != nil {
			log.changed(ch)
		}
	})
	for w := range slices.Chunk(order, engine.DefaultWindow) {
		stream.Place(len(w),
			func(i int) time.Time { return s.Articles[w[i]].Article.Published },
			func(i int) (cluster.Prepared, bool) { return s.Articles[w[i]], true },
			func(i int, m news.Membership) {
				pred[s.Articles[w[i]].Article.ID] = m.StoryID
				if log != nil {
					log.placed(m)
				}
			})
	}
	stream.Finish() // the end of the file is the end of the stream
	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep = s.score(pred, rep)
	rep.Memberships = s.memberships(order, pred)
	rep.ArticlesPerSec = float64(len(s.Articles)) / elapsed.Seconds()
	rep.HeapMB = float64(ms.HeapAlloc) / (1 << 20)
	return rep
}

// memberships lists the articles in the given order with the story pred
// gives each and its gold story.
func (s ClusterSet) memberships(order []int, pred map[string]string) []Membership {
	out := make([]Membership, 0, len(order))
	for _, i := range order {
		a := s.Articles[i].Article
		out = append(out, Membership{ID: a.ID, Story: pred[a.ID], Gold: s.Gold[i], Title: a.Title, Source: a.Source})
	}
	return out
}

// score fills rep with the set's size and the scores of the stories pred
// gives each article (by ID) against the gold.
func (s ClusterSet) score(pred map[string]string, rep ClusterReport) ClusterReport {
	gold := map[string]string{}
	for i, p := range s.Articles {
		gold[p.Article.ID] = s.Gold[i]
	}
	rep.File = s.Name
	rep.Articles = len(s.Articles)
	rep.GoldClusters = len(invert(gold))
	rep.PredClusters = len(invert(pred))
	rep.BCubed = BCubed(pred, gold)
	rep.Pairwise = Pairwise(pred, gold)
	return rep
}

// Examples are the join model's training rows of a set streamed in one
// order (see cluster.Examples), computed once per order and windows.
func (s ClusterSet) Examples(opt cluster.Options, shuffleSeed int64) (cluster.ExampleSet, error) {
	if s.cache != nil {
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		if s.cache.opt != opt {
			s.cache.bySeed, s.cache.opt = nil, opt
		}
		if e, ok := s.cache.bySeed[shuffleSeed]; ok {
			return e, nil
		}
	}
	order := s.streamOrder(shuffleSeed)
	stream := make([]cluster.Prepared, len(order))
	gold := make([]string, len(order))
	for k, i := range order {
		stream[k], gold[k] = s.Articles[i], s.Gold[i]
	}
	ex, err := cluster.Examples(stream, gold, opt)
	if err == nil && s.cache != nil {
		if s.cache.bySeed == nil {
			s.cache.bySeed = map[int64]cluster.ExampleSet{}
		}
		s.cache.bySeed[shuffleSeed] = ex
	}
	return ex, err
}

// setNames lists the sets' names, for messages.
func setNames(sets []ClusterSet) []string {
	var out []string
	for _, s := range sets {
		out = append(out, s.Name)
	}
	return slices.Clip(out)
}

// StreamOrderForDebug is streamOrder for tools that replay a set.
func StreamOrderForDebug(s ClusterSet, seed int64) []int { return s.streamOrder(seed) }
