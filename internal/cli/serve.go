package cli

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/web"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

const defaultAddr = "127.0.0.1:8080"

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve", e)
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on")
	token := fs.String("token", "", "bearer token for writes (default $STORYLINE_TOKEN; none: writes are off)")
	allowPrivate := fs.Bool("allow-private", false, "let URLs posted to the API reach loopback, private and link-local addresses")
	feeds := fs.String("feeds", "", "poll the feeds this file lists (URLs one a line, or OPML) and ingest new items")
	fetchDelay := fs.Duration("fetch-delay", time.Second, "pause between two requests to one host when fetching feeds and pages")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("serve takes no arguments, got %q", rest)}
	}
	if *token == "" {
		*token = e.getenv("STORYLINE_TOKEN")
	}
	var feedURLs []string
	if *feeds != "" {
		if feedURLs, err = feed.ReadFeedList(*feeds); err != nil {
			return &UsageError{fmt.Sprintf("--feeds: %v", err)}
		}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if *fetchDelay <= 0 {
		return &UsageError{"--fetch-delay must be positive: storyline paces its requests to a host"}
	}
	return serve(ctx, e, st, serveOptions{addr: *addr, token: *token, allowPrivate: *allowPrivate, feeds: feedURLs, fetchDelay: *fetchDelay})
}

// serveOptions are what serve and demo serve with.
type serveOptions struct {
	addr, token  string
	allowPrivate bool
	feeds        []string
	fetchDelay   time.Duration  // between two requests to one host; default 1 s
	engine       *engine.Engine // the writer, when the caller holds it already (demo)
}

// writerRetry is how often a server without the writer lock (another
// process writes the database) tries to take it.
const writerRetry = 2 * time.Second

// serve listens on addr, prints the address, and serves until ctx ends, then
// shuts down gracefully. It reads the database at once; it writes once it
// holds the database's writer lock (at once, or when the process that holds
// it ends): then it takes the API's writes and those of `storyline add` run
// against the same database, polls the feeds, and compares changed stories
// in the background.
func serve(ctx context.Context, e env, st *sqlite.Store, opt serveOptions) error {
	if e.logger == nil {
		e.logger = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", opt.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opt.addr, err)
	}
	secret := newSecret()
	memo := projection.NewMemo(0)
	reader := read.New(st, read.Options{Memo: memo})
	// One fetcher for the server's life, so that robots.txt and the pause
	// between requests to a host hold across API calls.
	apiFetcher := &web.Fetcher{Client: web.NewClient(opt.allowPrivate), Delay: opt.fetchDelay}
	slot := &writerSlot{}
	srv, err := server.New(reader, server.Options{Logger: e.logger, Token: opt.token, Writer: server.Writer{
		Submit: slot.submit,
		Ready:  func() error { _, err := slot.get(); return err },
		Fetch: func(ctx context.Context, url string) (news.Input, error) {
			return apiFetcher.Page(ctx, url, false)
		},
		Secret: secret,
	}})
	if err != nil {
		ln.Close()
		return err
	}

	// The writer's side: taken now or as soon as the lock is free, and
	// stopped after the HTTP server (whose requests may be waiting for it).
	background, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var workers sync.WaitGroup
	var eng *engine.Engine
	var engMu sync.Mutex
	startWriter := func(eng *engine.Engine, projector *engine.Projector) {
		slot.set(eng)
		reader.SetProjected(true)
		workers.Add(1)
		go func() {
			defer workers.Done()
			projector.Run(background)
		}()
		if len(opt.feeds) > 0 {
			// The feeds are named by the server's user, so any address may be fetched.
			poller := &feed.Poller{Store: st, Submit: func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
				return eng.Submit(ctx, inputs, nil)
			}, Fetcher: &web.Fetcher{Client: web.NewClient(true), Delay: opt.fetchDelay}, Known: func(ctx context.Context, u string) bool {
				return reader.Known(ctx, u, web.CanonicalURL(u))
			}, Logger: e.logger}
			workers.Add(1)
			go func() {
				defer workers.Done()
				if err := poller.Run(background, opt.feeds); err != nil {
					e.logger.Error("feed polling stopped", "err", err)
				}
			}()
			fmt.Fprintf(e.stdout, "polling %d feeds\n", len(opt.feeds))
		}
	}
	info := news.WriterInfo{Command: "serve", Addr: localURL(ln.Addr()), Secret: secret}
	if opt.engine != nil {
		eng = opt.engine
		startWriter(eng, engine.NewProjector(st, engine.ProjectorOptions{Memo: memo, Logger: e.logger}))
	} else {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for said := false; ; {
				projector := engine.NewProjector(st, engine.ProjectorOptions{Memo: memo, Logger: e.logger})
				started, err := engine.Start(background, st, engine.Options{Writer: info, Projector: projector, Logger: e.logger})
				if err == nil {
					engMu.Lock()
					eng = started
					engMu.Unlock()
					if said {
						fmt.Fprintln(e.stdout, "the database is free now: taking writes")
					}
					startWriter(started, projector)
					return
				}
				slot.waiting(err)
				if background.Err() != nil {
					return // stopping
				}
				var locked *news.LockedError
				if !errors.As(err, &locked) {
					e.logger.Error("the writer did not start; serving reads only", "err", err)
					return
				}
				if !said {
					fmt.Fprintf(e.stdout, "%s: serving reads only until it is done\n", locked)
					said = true
				}
				select {
				case <-background.Done():
					return
				case <-time.After(writerRetry):
				}
			}
		}()
	}
	defer func() {
		stopBackground()
		workers.Wait()
		engMu.Lock()
		defer engMu.Unlock()
		if eng != nil && opt.engine == nil {
			eng.Close()
		}
	}()

	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: time.Minute}
	fmt.Fprintf(e.stdout, "storyline is serving at http://%s/ (Ctrl-C stops it)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}
