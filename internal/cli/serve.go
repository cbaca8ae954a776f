package cli

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/projection"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/server"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/web"
)

const defaultAddr = "127.0.0.1:8080"

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve", e)
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on")
	token := fs.String("token", "", "bearer token for writes (visible to other users in ps: prefer --token-file or $STORYLINE_TOKEN; none: writes are off)")
	tokenFile := fs.String("token-file", "", "read the bearer token for writes from this file (its first line)")
	baseURL := fs.String("base-url", "", "the server's public address (https://news.example.org), for the links of /feed.atom; default relative links")
	allowPrivate := fs.Bool("allow-private", false, "let URLs posted to the API reach loopback, private and link-local addresses")
	feeds := fs.String("feeds", "", "poll the feeds this file lists (URLs one a line, or OPML) and ingest new items")
	fetchDelay := fs.Duration("fetch-delay", time.Second, "pause between two requests to one host when fetching feeds and pages")
	qflag := queueFlag(fs)
	ackWait := ackWaitFlag(fs)
	advertise := fs.String("advertise", "", "URL at which other storyline processes (an add on another machine) reach this server when it writes (default the listen address; loopback when it listens on every interface)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("serve takes no arguments, got %q", rest)}
	}
	if *tokenFile != "" {
		if *token != "" {
			return &UsageError{"give --token or --token-file, not both"}
		}
		if *token, err = readToken(*tokenFile); err != nil {
			return &UsageError{fmt.Sprintf("--token-file: %v", err)}
		}
	}
	if *token == "" {
		*token = e.getenv("STORYLINE_TOKEN")
	}
	if *advertise != "" {
		if u, err := url.Parse(*advertise); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &UsageError{fmt.Sprintf("--advertise %q: want an http:// or https:// URL", *advertise)}
		}
	}
	var feedURLs []string
	if *feeds != "" {
		if feedURLs, err = feed.ReadFeedList(*feeds); err != nil {
			return &UsageError{fmt.Sprintf("--feeds: %v", err)}
		}
	}
	qurl, err := queueURL(*qflag, e.getenv)
	if err != nil {
		return err
	}
	if *fetchDelay <= 0 {
		return &UsageError{"--fetch-delay must be positive: storyline paces its requests to a host"}
	}
	// The address is taken first: a busy port fails before the database
	// is opened (or created, at a new --db path) and the queue joined.
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	var q *natsqueue.Queue
	if qurl != "" {
		if q, err = openQueue(ctx, qurl, "storyline serve", *ackWait, e); err != nil {
			return err
		}
		defer q.Close()
	}
	return serve(ctx, e, st, serveOptions{queue: q, addr: *addr, listener: ln, advertise: strings.TrimSuffix(*advertise, "/"), token: *token, baseURL: *baseURL, allowPrivate: *allowPrivate, feeds: feedURLs, fetchDelay: *fetchDelay})
}

// cacheFor is how long serve keeps lists, pages and API answers. The
// writes through the server's engine (the API, the poller, an add
// submitted through the server) and its projector's comparisons drop them;
// another process's writes (storyline sources alias, another server
// holding the writer lock) drop them within a second (server.Watch); the
// time only bounds what a store that cannot tell its changes would leave
// stale. 10 s: long enough that the pages being read are answered from
// memory at 1,000 requests/s.
const cacheFor = 10 * time.Second

// keepFor is how long this server keeps answers: cacheFor, or a second with
// a queue, where other servers' writes go to a writer in another process,
// which cannot tell this one to forget.
func keepFor(opt serveOptions) time.Duration {
	if opt.queue != nil {
		return time.Second
	}
	return cacheFor
}

// readToken reads a token from the first line of a file, so that it does
// not show in the process list as --token does.
func readToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	token := strings.TrimSpace(line)
	if token == "" {
		return "", fmt.Errorf("%s: the first line holds no token", path)
	}
	return token, nil
}

// serveOptions are what serve and demo serve with.
type serveOptions struct {
	addr, token  string
	baseURL      string // for the links of /feed.atom
	advertise    string // the URL written in the writer lock; default from addr
	allowPrivate bool
	feeds        []string
	fetchDelay   time.Duration  // between two requests to one host; default 1 s
	engine       *engine.Engine // the writer, when the caller holds it already (demo)
	listener     net.Listener   // listening on addr already, when the caller opened it (serve, demo)
	// queue, when set, carries the writes between machines: this server
	// publishes its API's and feeds' inputs there whether or not it holds
	// the writer lease, and stores what the queue brings while it does.
	queue *natsqueue.Queue
}

// listen listens on addr; when another program holds the address, the
// error says how to choose another (--addr).
func listen(addr string) (net.Listener, error) {
	if err := checkAddr(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("listen on %s: the address is in use by another program: choose another with --addr (e.g. --addr 127.0.0.1:0 for any free port)", addr)
	}
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// checkAddr refuses, as a usage error, an --addr that no machine could
// listen on: one without a port, or with a port that is not a number from 0
// to 65535 (nor a service name such as http). A busy port or a host that is
// not this machine's is the system's to say, when listening.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return &UsageError{fmt.Sprintf("--addr %q: want HOST:PORT, such as 127.0.0.1:8080 (:8080 for every address)", addr)}
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return &UsageError{fmt.Sprintf("--addr %q: the port %q is not a number from 0 to 65535", addr, port)}
	}
	return nil
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
func serve(ctx context.Context, e env, st database, opt serveOptions) error {
	if e.logger == nil {
		e.logger = slog.New(slog.DiscardHandler)
	}
	ln, err := opt.listener, error(nil)
	if ln == nil {
		if ln, err = listen(opt.addr); err != nil {
			return err
		}
	}
	secret := newSecret()
	memo := projection.NewMemo(0)
	// Lists, pages and API answers are kept (cacheFor): they are read far
	// more often than the database changes, and every change goes through
	// this server's engine and projector, which make it forget them.
	// A story's first comparison is waited for at most
	// read.DefaultCompareWait: a large one is compared in the background
	// while its page says so and reloads.
	reader := read.New(st, read.Options{Memo: memo, CacheFor: keepFor(opt), CompareWait: read.DefaultCompareWait})
	// One fetcher for the server's life, so that robots.txt and the pause
	// between requests to a host hold across API calls.
	apiFetcher := &web.Fetcher{Client: web.NewClient(opt.allowPrivate), Delay: opt.fetchDelay}
	var pace func(context.Context, string, time.Duration) error
	if opt.queue != nil {
		// With a queue, the servers and workers space their requests to a
		// host together.
		if pace, err = opt.queue.HostPacer(ctx); err != nil {
			ln.Close()
			return err
		}
		apiFetcher.Pace = pace
	}
	slot := &writerSlot{}
	var projecting atomic.Pointer[engine.Projector] // the projector, while this server writes
	var eng *engine.Engine                          // the writer, while this server holds the lock
	var engMu sync.Mutex
	srv, err := server.New(reader, server.Options{Logger: e.logger, Token: opt.token, BaseURL: opt.baseURL, CacheFor: keepFor(opt), Writer: server.Writer{
		Submit: slot.submit,
		Ready:  func() error { _, err := slot.get(); return err },
		Stores: func() bool {
			engMu.Lock()
			defer engMu.Unlock()
			return eng != nil
		},
		Fetch: func(ctx context.Context, url string) (news.Input, error) {
			return apiFetcher.Page(ctx, url, false)
		},
		Secret: secret,
		// Aliases go to the database at once, as storyline sources alias
		// does: each is one transaction of the store, beside the writer's.
		Aliases: st,
		// The stories an alias marked are compared again at once.
		Refiled: func() {
			if p := projecting.Load(); p != nil {
				p.Notify()
			}
		},
	}})
	if err != nil {
		ln.Close()
		return err
	}

	// The writer's side: taken now or as soon as the lock is free, and
	// stopped after the HTTP server (whose requests may be waiting for it).
	background, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	var workers sync.WaitGroup
	// Writes that do not go through this server (storyline sources alias,
	// another server that holds the writer lock) show within a second or
	// two: the kept answers are forgotten and the projector compares the
	// stories they marked.
	workers.Add(1)
	go func() {
		defer workers.Done()
		srv.Watch(background, server.WatchEvery, func() {
			if p := projecting.Load(); p != nil {
				p.Wake()
			}
		})
	}()
	if opt.queue != nil {
		producer := engine.NewProducer(st, engine.Options{Queue: opt.queue, Logger: e.logger})
		defer producer.Close()
		slot.set(producer)
	}
	// startWriter runs the writer's companions (the projector, the feed
	// poller) for as long as term lasts, counted in wg.
	startWriter := func(term context.Context, wg *sync.WaitGroup, eng *engine.Engine, projector *engine.Projector) {
		if opt.queue == nil {
			slot.set(eng)
		}
		reader.SetProjected(true)
		projecting.Store(projector)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer projecting.CompareAndSwap(projector, nil)
			projector.Run(term)
		}()
		if len(opt.feeds) > 0 {
			// The feeds are named by the server's user, so any address may be
			// fetched; their items' links are the publishers', so they go
			// through the address guard as URLs posted to the API do.
			// With a queue the items go to the workers unfetched: they
			// fetch, extract and publish them to this writer.
			submit := func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
				defer srv.Forget() // what it stored shows at once
				return slot.submit(ctx, inputs, nil)
			}
			if opt.queue != nil {
				submit = opt.queue.Hand
			}
			poller := &feed.Poller{Store: st, Submit: submit, HandOn: opt.queue != nil, Fetcher: &web.Fetcher{Client: web.NewClient(true), Delay: opt.fetchDelay, Pace: pace},
				Items: &web.Fetcher{Client: web.NewClient(opt.allowPrivate), Delay: opt.fetchDelay, Pace: pace}, Known: func(ctx context.Context, u string) bool {
					return reader.Known(ctx, u, web.CanonicalURL(u))
				}, Logger: e.logger}
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := poller.Run(term, opt.feeds); err != nil {
					e.logger.Error("feed polling stopped", "err", err)
				}
			}()
			fmt.Fprintf(e.stdout, "polling %d feeds\n", len(opt.feeds))
		}
	}
	// waiting says why this server does not write; with a queue its
	// producer takes writes all the same.
	waiting := func(err error) {
		if opt.queue == nil {
			slot.waiting(err)
		}
	}
	info := news.WriterInfo{Command: "serve", Addr: localURL(ln.Addr()), Secret: secret}
	if opt.advertise != "" {
		info.Addr = opt.advertise
	}
	if opt.engine != nil {
		eng = opt.engine
		startWriter(background, &workers, eng, engine.NewProjector(st, engine.ProjectorOptions{Memo: memo, Logger: e.logger, OnSaved: srv.Forget}))
	} else {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for said := false; ; {
				projector := engine.NewProjector(st, engine.ProjectorOptions{Memo: memo, Logger: e.logger, OnSaved: srv.Forget})
				started, err := engine.Start(background, st, engine.Options{Writer: info, Projector: projector, Queue: queueOf(opt), Logger: e.logger, OnStored: srv.Forget})
				if err == nil {
					engMu.Lock()
					eng = started
					engMu.Unlock()
					if said {
						fmt.Fprintln(e.stdout, "the database is free now: taking writes")
					}
					term, endTerm := context.WithCancel(background)
					var companions sync.WaitGroup
					startWriter(term, &companions, started, projector)
					select {
					case <-background.Done():
						endTerm()
						companions.Wait()
						return // stopping: the engine is closed below
					case <-started.Done():
					}
					// The writer stopped by itself: another process took the
					// lease over (a partition). Stand by again.
					endTerm()
					companions.Wait()
					engMu.Lock()
					eng = nil
					engMu.Unlock()
					started.Close()
					reader.SetProjected(false)
					waiting(news.ErrLeaseLost)
					fmt.Fprintln(e.stdout, "the writer lease was taken over: serving reads only until it is free")
					said = true
					continue
				}
				waiting(err)
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
		// Requests still running after the grace period are cut: what
		// they stored is committed, and what they had not acknowledged
		// their clients send again.
		fmt.Fprintf(e.stderr, "storyline: requests still running after 5 s were cut at shutdown: %v\n", err)
		hs.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}

// queueOf is the engine's queue of a server: its queue between machines,
// or nil (the engine's own, in this process).
func queueOf(opt serveOptions) engine.Queue {
	if opt.queue == nil {
		return nil
	}
	return opt.queue
}
