package cli

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
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

	srv, err := server.New(read.New(st, read.Options{}), server.Options{})
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

	list, err := st.Stories(ctx, news.StoryQuery{Limit: 200, Offset: 100})
	if err != nil || len(list) == 0 {
		return fmt.Errorf("no stories to load: %v", err)
	}
	storyURLs := make([]string, len(list))
	for i, s := range list {
		storyURLs[i] = base + "/stories/" + s.ID
	}
	for _, phase := range []struct {
		name string
		urls []string
	}{{"story list (/)", []string{base + "/"}}, {"story pages (/stories/{id})", storyURLs}} {
		one := time.Now()
		if resp, err := http.Get(phase.urls[0]); err == nil {
			resp.Body.Close()
		}
		fmt.Fprintf(e.stdout, "%s: one request alone takes %s\n", phase.name, ms(time.Since(one)))
		rep := eval.RunLoad(ctx, phase.urls, *rate, *duration)
		fmt.Fprintf(e.stdout, "%s: %d requests in %.1fs = %.0f/s, %d errors; latency p50 %s p95 %s p99 %s max %s\n",
			phase.name, rep.Requests, rep.Duration.Seconds(), rep.PerSecond, rep.Errors,
			ms(rep.P50), ms(rep.P95), ms(rep.P99), ms(rep.Max))
	}
	return nil
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
