package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/store"
)

// PollStore is what the feed poller needs of the database, besides the
// pipeline's Store.
type PollStore interface {
	Store
	AddFeeds(ctx context.Context, urls []string) error
	Feeds(ctx context.Context) ([]store.FeedState, error)
	SaveFeed(ctx context.Context, f store.FeedState) error
}

// Poller checks feeds on a schedule and ingests their new items. Each feed
// keeps its own interval: halved (down to Min) when a check brings new items,
// lengthened by half (up to Max) when it brings nothing or the server says
// nothing changed, so that busy feeds are read often and quiet ones rarely.
type Poller struct {
	Store   PollStore
	Fetcher *Fetcher
	Options Options       // for the pipeline
	Min     time.Duration // default 5 minutes
	Max     time.Duration // default 6 hours
	Tick    time.Duration // how often due feeds are looked for; default 10 s
	Now     func() time.Time
	Logger  *slog.Logger
}

func (p *Poller) defaults() {
	if p.Min == 0 {
		p.Min = 5 * time.Minute
	}
	if p.Max == 0 {
		p.Max = 6 * time.Hour
	}
	if p.Tick == 0 {
		p.Tick = 10 * time.Second
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Fetcher == nil {
		p.Fetcher = &Fetcher{}
	}
}

// Run registers the feeds and polls the due ones until ctx ends.
func (p *Poller) Run(ctx context.Context, urls []string) error {
	p.defaults()
	if err := p.Store.AddFeeds(ctx, urls); err != nil {
		return err
	}
	ticker := time.NewTicker(p.Tick)
	defer ticker.Stop()
	for {
		feeds, err := p.Store.Feeds(ctx)
		if err != nil {
			p.Logger.Error("list feeds", "err", err)
		}
		for _, f := range feeds {
			if ctx.Err() != nil {
				return nil
			}
			if !f.NextCheck.After(p.Now()) {
				p.Poll(ctx, f)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// Poll checks one feed now, ingests its new items, and stores its new state.
func (p *Poller) Poll(ctx context.Context, f store.FeedState) store.FeedState {
	p.defaults()
	now := p.Now()
	f.LastChecked = now
	if f.Interval <= 0 {
		f.Interval = 15 * time.Minute
	}
	added, err := p.check(ctx, &f)
	switch {
	case err != nil:
		f.LastError = err.Error()
		f.Interval = min(f.Interval*2, p.Max)
		p.Logger.Warn("feed failed", "feed", f.URL, "err", err)
	case added > 0:
		f.LastSuccess, f.LastError = now, ""
		f.ItemsAdded += added
		f.Interval = max(f.Interval/2, p.Min)
	default:
		f.LastSuccess, f.LastError = now, ""
		f.Interval = min(f.Interval*3/2, p.Max)
	}
	f.Interval = max(min(f.Interval, p.Max), p.Min)
	f.NextCheck = now.Add(f.Interval)
	if err := p.Store.SaveFeed(ctx, f); err != nil {
		p.Logger.Error("save feed state", "feed", f.URL, "err", err)
	}
	return f
}

// check fetches a feed conditionally and runs its new items through the
// pipeline, returning how many articles were stored.
func (p *Poller) check(ctx context.Context, f *store.FeedState) (int, error) {
	resp, err := p.Fetcher.Get(ctx, f.URL, Validators{ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return 0, err
	}
	if resp.NotModified {
		return 0, nil
	}
	feed, err := ParseFeed(resp.Body)
	if err != nil {
		return 0, err
	}
	f.Title, f.ETag, f.LastModified = feed.Title, resp.Validators.ETag, resp.Validators.LastModified
	opt := p.Options
	opt.Sources.Fetcher = p.Fetcher
	opt.Sources.Known = func(ctx context.Context, u string) bool {
		known, err := p.Store.HasURL(ctx, u, CanonicalURL(u))
		return err == nil && known
	}
	inputs := func(yield func(Input, error) bool) { feedInputs(ctx, f.URL, resp.Body, p.Fetcher, opt.Sources, yield) }
	sum, err := RunInputs(ctx, p.Store, inputs, opt)
	if err != nil {
		return sum.Stored, err
	}
	if len(sum.Failures) > 0 {
		return sum.Stored, fmt.Errorf("%d of its items failed, the first: %s", len(sum.Failures), sum.Failures[0])
	}
	return sum.Stored, nil
}

// ReadFeedList reads the feeds of a --feeds file: an OPML list, or URLs one
// a line (blank lines and lines starting with # ignored).
func ReadFeedList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if sniff("", b) == "opml" {
		return ParseOPML(b)
	}
	var urls []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			return nil, fmt.Errorf("%s:%d: %q is not an http(s) URL", path, n, l)
		}
		urls = append(urls, l)
	}
	if len(urls) == 0 {
		return nil, fmt.Errorf("%s lists no feeds", path)
	}
	return urls, sc.Err()
}
