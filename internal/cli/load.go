package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// evalLoad builds a database of synthetic articles through the engine,
// serves it on loopback, and loads the story list and then story pages at a
// fixed rate, printing requests/s and latency percentiles for each; with
// --write it posts new pages instead (writeLoad).
func evalLoad(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval load", e)
	articles := fs.Int("articles", 10000, "synthetic articles in the database")
	rate := fs.Int("rate", 200, "requests per second")
	duration := fs.Duration("duration", 15*time.Second, "how long to load each page")
	phases := fs.String("phases", "list,story,mixed", "which read phases to run: list (/), story (/stories/{id}), mixed (home, story, search and API reads in turn)")
	warm := fs.Bool("warm", false, "request each distinct URL once before a phase's clock starts (a running server's steady state)")
	write := fs.Bool("write", false, "post new pages to POST /api/v1/articles (with serve's engine and projector at work) instead of reading")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 || *articles < 10 || *rate < 1 || *duration <= 0 {
		return &UsageError{"eval load takes --articles (10 or more), --rate and --duration"}
	}
	dir, err := os.MkdirTemp("", "storyline-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "load.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	sum, err := addArticles(ctx, st, eval.SyntheticArticles(*articles, 1))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "database: %s in %.1fs\n", sum, time.Since(start).Seconds())
	if *write {
		return writeLoad(ctx, e, st, *articles, *rate, *duration)
	}

	srv, err := server.New(read.New(st, read.Options{CacheFor: cacheFor}), server.Options{CacheFor: cacheFor}) // as serve reads
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	list, err := storiesToLoad(ctx, st)
	if err != nil {
		return err
	}
	// A served database has its stories compared (serve's projector does it
	// in the background); store the comparisons of the stories loaded, so
	// that story pages are read, not compared on the spot.
	start = time.Now()
	if err := compareStories(ctx, st, list); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "compared the %d stories loaded in %.1fs\n", len(list), time.Since(start).Seconds())
	storyURLs := make([]string, len(list))
	// mixed: home, story page, search, and the API's list, story and
	// search, in turn (the issue 18 target: 1,000/s, p99 < 50 ms).
	var mixed []string
	for i, s := range list {
		storyURLs[i] = base + "/stories/" + s.ID
		word := url.QueryEscape(strings.Fields(s.Title + " news")[0])
		mixed = append(mixed, base+"/", storyURLs[i], base+"/search?q="+word,
			base+"/api/v1/stories", base+"/api/v1/stories/"+s.ID, base+"/api/v1/search?q="+word)
	}
	for _, phase := range []struct {
		key, name string
		urls      []string
	}{{"list", "story list (/)", []string{base + "/"}}, {"story", "story pages (/stories/{id})", storyURLs}, {"mixed", "mixed reads (home, story, search, API)", mixed}} {
		if !slices.Contains(strings.Split(*phases, ","), phase.key) {
			continue
		}
		one := time.Now()
		if resp, err := http.Get(phase.urls[0]); err == nil {
			resp.Body.Close()
		}
		fmt.Fprintf(e.stdout, "%s: one request alone takes %s\n", phase.name, ms(time.Since(one)))
		if *warm {
			// A running server has answered its pages before: each distinct
			// URL once, before the clock starts, measures that steady state.
			began := time.Now()
			for _, u := range slices.Compact(slices.Sorted(slices.Values(phase.urls))) {
				if resp, err := http.Get(u); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
			fmt.Fprintf(e.stdout, "%s: warmed up (each distinct URL once) in %.1fs\n", phase.name, time.Since(began).Seconds())
		}
		rep := eval.RunLoad(ctx, phase.urls, *rate, *duration)
		e.report(phase.name, rep)
		fmt.Fprintf(e.stdout, "%s: offered %d (%.0f/s), sent %d (%d late by over 10 ms, %d unsent), answered %d in %.1fs = %.0f/s, %d refused (429), %d errors; latency from schedule p50 %s p95 %s p99 %s max %s\n",
			phase.name, rep.Offered, rep.OfferedRate, rep.Sent, rep.Late, rep.Unsent, rep.Requests, rep.Duration.Seconds(), rep.PerSecond,
			rep.Refused, rep.Errors, ms(rep.P50), ms(rep.P95), ms(rep.P99), ms(rep.Max))
	}
	return nil
}

// compareStories stores the comparisons of the listed stories, on every
// core.
func compareStories(ctx context.Context, st *sqlite.Store, list []news.StorySummary) error {
	ids := make(chan string)
	errs := make(chan error, runtime.NumCPU())
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			failed := false
			for id := range ids {
				if failed {
					continue // drain, so that the sender never blocks
				}
				arts, err := st.StoryArticles(ctx, id)
				if err == nil {
					var rec news.ComparisonRecord
					if rec, err = projection.Record(id, "", arts); err == nil {
						err = st.SaveComparisons(ctx, []news.ComparisonRecord{rec})
					}
				}
				if err != nil {
					errs <- fmt.Errorf("compare story %s: %w", id, err)
					failed = true
				}
			}
		}()
	}
	for _, s := range list {
		ids <- s.ID
	}
	close(ids)
	wg.Wait()
	close(errs)
	return <-errs
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// addArticles stores articles through an engine of their own, as one add.
func addArticles(ctx context.Context, st *sqlite.Store, arts []news.Article) (news.RunSummary, error) {
	eng, err := engine.Start(ctx, st, engine.Options{Writer: news.WriterInfo{Command: "eval"}})
	if err != nil {
		return news.RunSummary{}, err
	}
	defer eng.Close()
	return eng.Submit(ctx, source.Articles(arts), nil)
}

// storiesToLoad picks the stories whose pages the load test reads: 200
// from the 101st on, below the first page of the list, or, in a database
// of 100 stories or fewer (a small --articles), the first 200.
func storiesToLoad(ctx context.Context, st *sqlite.Store) ([]news.StorySummary, error) {
	for _, offset := range []int{100, 0} {
		list, err := st.Stories(ctx, news.StoryQuery{Limit: 200, Offset: offset})
		if err != nil {
			return nil, fmt.Errorf("stories to load: %w", err)
		}
		if len(list) > 0 {
			return list, nil
		}
	}
	return nil, errors.New("no stories to load: the synthetic articles made none")
}
