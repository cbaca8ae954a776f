package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/server"
	"github.com/storyline-news/storyline/internal/store"
)

const defaultAddr = "127.0.0.1:8080"

// compareInterval is how often serve looks for stale stories once it has
// compared all it found.
const compareInterval = 5 * time.Second

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags("serve", e)
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "address to listen on")
	token := fs.String("token", "", "bearer token for writes (default $STORYLINE_TOKEN; none: writes are off)")
	allowPrivate := fs.Bool("allow-private", false, "let URLs posted to the API reach loopback, private and link-local addresses")
	feeds := fs.String("feeds", "", "poll the feeds this file lists (URLs one a line, or OPML) and ingest new items")
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
		if feedURLs, err = ingest.ReadFeedList(*feeds); err != nil {
			return &UsageError{fmt.Sprintf("--feeds: %v", err)}
		}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(feedURLs) > 0 {
		// The feeds are named by the server's user, so any address may be fetched.
		poller := &ingest.Poller{Store: st, Fetcher: &ingest.Fetcher{Client: ingest.NewClient(true)}, Logger: e.logger}
		go func() {
			if err := poller.Run(ctx, feedURLs); err != nil {
				e.logger.Error("feed polling stopped", "err", err)
			}
		}()
		fmt.Fprintf(e.stdout, "polling %d feeds\n", len(feedURLs))
	}
	return serve(ctx, e, st, *addr, *token, *allowPrivate)
}

// serve listens on addr, prints the address, and serves until ctx ends, then
// shuts down gracefully. Writes through the API need token; URLs posted to it
// reach only public addresses unless allowPrivate.
func serve(ctx context.Context, e env, st *store.Store, addr, token string, allowPrivate bool) error {
	// One fetcher for the server's life, so that robots.txt and the pause
	// between requests to a host hold across API calls.
	fetcher := &ingest.Fetcher{Client: ingest.NewClient(allowPrivate)}
	writer := server.Writer{
		Add: func(ctx context.Context, in ingest.Input) (ingest.Summary, error) {
			return ingest.RunInputs(ctx, st, ingest.One(in), ingest.Options{Logger: e.logger})
		},
		Fetch: func(ctx context.Context, url string) (ingest.Input, error) {
			return ingest.Fetch(ctx, url, ingest.SourceOptions{Fetcher: fetcher})
		},
	}
	srv, err := server.New(st, server.Options{Logger: e.logger, Token: token, Writer: writer})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	// Stories that changed are compared in the background, so that their
	// pages are ready when opened; the comparer stops before the store closes.
	comparing, stopComparing := context.WithCancel(ctx)
	compared := make(chan struct{})
	go func() {
		defer close(compared)
		ingest.CompareInBackground(comparing, st, compareInterval, e.logger)
	}()
	defer func() {
		stopComparing()
		<-compared
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
