package engine

import (
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/news"
)

// The stream driver: the one way articles go through a clusterer, shared
// by the engine's writer (every add, API request and feed poll), `storyline
// cluster` and `eval cluster`, so that the evaluation measures the path the
// product takes.
//
// A stream comes in windows of at most DefaultWindow articles (a job's
// windows are cut short when the pages they hold reach maxWindowBytes).
// Each window is put in stream order (cluster.SortForStream: by publication
// time when every article of the window has one, else as it came) and its
// articles are added one after another; the clusterer settles when a job
// ends (its last window), and finishes (cluster.Clusterer.Finish: the
// stories of one article still waiting for the lone step are judged) when
// the whole stream ends: `storyline cluster` and `eval cluster` at the end
// of their file, `eval cluster --stream` at the end of its stream (timed
// as its last point), never the engine's writer, whose stream goes on
// (`add`, `serve`: a dated lone article is judged once its window closes,
// across restarts too, an undated one never; see cluster.Clusterer.
// Resume). The windows of a job depend on its inputs only, never on
// timing, so the same inputs give the same stories.

// DefaultWindow is how many articles of a stream are put in order together.
// Larger windows order a stream that is not sorted by date better, and hold
// more articles in memory before any is placed and stored: 1,000 holds every
// article of the development sets but allsides_dated (1,380 of one date per
// roundup, where the order within a date is the file's either way), so
// their scores are those of a stream sorted whole, and on news pages
// (about 50 KB of extracted text and features each) costs some 50 MB.
const DefaultWindow = 1000

// maxWindowBytes cuts a job's window short when the raw pages it holds
// reach it: 1,000 pages of 100 KB and more would otherwise hold 100 MB.
const maxWindowBytes = 64 << 20

// Stream places windows of articles in a clusterer.
type Stream struct {
	cl       *cluster.Clusterer
	onChange func(news.StoryChange)
}

// NewStream returns a driver of cl; onChange (when not nil) is told each
// late correction (merge or split) as the clusterer makes it.
func NewStream(cl *cluster.Clusterer, onChange func(news.StoryChange)) *Stream {
	return &Stream{cl: cl, onChange: onChange}
}

// Place places one window of n articles: published gives each one's time,
// which puts them in stream order; prepared gives each one's features (the
// window's own, made before), and may refuse an article (a duplicate) or
// rename it; placed is told each membership in the order they are made.
func (s *Stream) Place(n int, published func(i int) time.Time, prepared func(i int) (cluster.Prepared, bool), placed func(i int, m news.Membership)) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	cluster.SortForStream(order, published)
	for _, i := range order {
		p, ok := prepared(i)
		if !ok {
			continue
		}
		// The settle a new day brings is told before the article's
		// placement, the merges its placement brings after it: the
		// order the writer stores them in (news.WriteBatch.Steps).
		s.cl.EndDay(p.Article.Published)
		s.takeChanges()
		m := s.cl.AddPrepared(p)
		if placed != nil {
			placed(i, m)
		}
		s.takeChanges()
	}
}

// End settles the clusterer at the end of a job: the stream goes on.
func (s *Stream) End() {
	s.cl.Settle()
	s.takeChanges()
}

// Finish settles the clusterer at the end of the whole stream (a file
// clustered): as End, and every story of one article still waiting for
// the lone step is judged (cluster.Clusterer.Finish).
func (s *Stream) Finish() {
	s.cl.Finish()
	s.takeChanges()
}

func (s *Stream) takeChanges() {
	for _, ch := range s.cl.TakeChanges() {
		if s.onChange != nil {
			s.onChange(ch)
		}
	}
}

// ClusterStream clusters articles as the engine clusters a job's: in
// windows of window articles (DefaultWindow when window <= 0), each put in
// stream order, the stream finished at its end. It returns the articles in
// the order they were placed and each one's story after every late
// correction; onChange (when not nil) sees each correction as it is made.
func ClusterStream(cl *cluster.Clusterer, arts []news.Article, window int, onChange func(news.StoryChange)) ([]news.Article, map[string]string) {
	if window <= 0 {
		window = DefaultWindow
	}
	story := make(map[string]string, len(arts))
	order := make([]news.Article, 0, len(arts))
	s := NewStream(cl, func(ch news.StoryChange) {
		cluster.ApplyChanges(story, []news.StoryChange{ch})
		if onChange != nil {
			onChange(ch)
		}
	})
	windows := slices.Collect(slices.Chunk(arts, window))
	for k, prepared := range preparedAhead(windows, cl.Prepare) {
		w := windows[k]
		s.Place(len(w),
			func(i int) time.Time { return w[i].Published },
			func(i int) (cluster.Prepared, bool) { return prepared[i], true },
			func(i int, m news.Membership) {
				story[w[i].ID] = m.StoryID
				order = append(order, w[i])
			})
	}
	s.Finish()
	return order, story
}

// preparedAhead yields each window's index and its articles' features
// (by prepare: the placing clusterer's Prepare, which leaves out what it
// does not read), the next window's prepared (prepareAll, on all cores but
// the placing one) while the caller places the current one. At most two windows' features
// are held beside the one being placed. A caller that stops early stops
// the preparing before its next article, and nothing outlives the loop:
// preparedAhead returns only once its goroutine has.
func preparedAhead(windows [][]news.Article, prepare func(news.Article) cluster.Prepared) iter.Seq2[int, []cluster.Prepared] {
	return PreparedAhead(len(windows), func(k int) []news.Article { return windows[k] }, AheadWorkers(), prepare)
}

// PreparedAhead is preparedAhead over n windows that window makes when
// they are due, on the preparing goroutine, in order (k = 0, 1, ...), the
// features of each prepared on workers goroutines: `eval cluster --stream`
// drives its stream, made as it goes, through the pipeline `storyline
// cluster` and the engine's writer use (with AheadWorkers, one core left
// to the placing goroutine). workers under one counts as one. prepare
// computes an article's features (the placing clusterer's Prepare) and
// must be safe to call from many goroutines.
func PreparedAhead(n int, window func(k int) []news.Article, workers int, prepare func(news.Article) cluster.Prepared) iter.Seq2[int, []cluster.Prepared] {
	workers = max(1, workers) // none would leave every window waiting, and the loop with it
	return func(yield func(int, []cluster.Prepared) bool) {
		ahead := make(chan []cluster.Prepared, 1)
		stop := make(chan struct{})
		done := make(chan struct{})
		defer func() {
			close(stop)
			<-done
		}()
		go func() {
			defer close(done)
			defer close(ahead)
			for k := range n {
				if stopped(stop) {
					return
				}
				prepared, ok := prepareAll(window(k), workers, stop, prepare)
				if !ok {
					return
				}
				select {
				case ahead <- prepared:
				case <-stop:
					return
				}
			}
		}()
		for k := range n {
			if !yield(k, <-ahead) {
				return
			}
		}
	}
}

// AheadWorkers is how many goroutines prepare a window ahead: one core is
// left to the placing goroutine, the sequential bottleneck, which would
// otherwise be time-sliced with the preparing ones. One core prepares
// about 13,000 articles a second (`go test ./internal/eval -bench
// ClusterPrepare -cpu 1`, session 17) against at most 10,000 placed on
// the issue-14 stream, so the next window is still ready before it is
// due.
func AheadWorkers() int { return max(1, runtime.NumCPU()-1) }

// stopped reports whether stop is closed.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// prepareAll computes the clustering features of articles (by prepare) on
// workers goroutines: they cost more than placing the articles, which is done on
// one. Once stop closes no further article is started, and prepareAll
// returns false.
func prepareAll(arts []news.Article, workers int, stop <-chan struct{}, prepare func(news.Article) cluster.Prepared) ([]cluster.Prepared, bool) {
	out := make([]cluster.Prepared, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, len(arts)) {
		wg.Go(func() {
			for i := range next {
				out[i] = prepare(arts[i])
			}
		})
	}
	complete := true
	for i := range arts {
		if stopped(stop) {
			complete = false
			break
		}
		select {
		case next <- i:
		case <-stop:
			complete = false
		}
		if !complete {
			break
		}
	}
	close(next)
	wg.Wait()
	return out, complete
}
