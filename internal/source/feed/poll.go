package feed

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/web"
	"golang.org/x/net/idna"
)

// Store is what the poller needs of the database: the feeds it polls and
// how each is doing.
type Store interface {
	AddFeeds(ctx context.Context, urls []string) error
	Feeds(ctx context.Context) ([]news.FeedState, error)
	SaveFeed(ctx context.Context, f news.FeedState) error
}

// Submit runs the inputs of a feed's new items through the pipeline (the
// engine's one writer) and says what it stored.
type Submit func(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error)

// Poller checks feeds on a schedule and submits their new items. Each feed
// keeps its own interval: halved (down to Min) when a check brings new items,
// lengthened by half (up to Max) when it brings nothing or the server says
// nothing changed, so that busy feeds are read often and quiet ones rarely.
// A feed that fails is tried again soon (Retry), then less and less often
// while it keeps failing (the wait doubled each time, up to Max), so that
// a server down for a moment (not up yet when serve starts) costs a minute
// and one down for good is not hammered.
type Poller struct {
	Store  Store
	Submit Submit
	// Fetcher gets the feeds, which the server's user named: it may reach
	// any address. Default: a fetcher over web.NewClient(true).
	Fetcher *web.Fetcher
	// Items gets the pages the feeds' items link to. Those links are the
	// feed publisher's to choose, so the default fetcher refuses private
	// addresses (web.NewClient(false)); pass one that allows them only
	// when every feed's publisher is trusted.
	Items *web.Fetcher
	// Known, when set, tells which URLs are stored already, so that a
	// feed's old items are not fetched again.
	Known func(ctx context.Context, url string) bool
	// HandOn passes the items on unfetched (feed.Options.HandOn): Submit
	// queues them for the workers.
	HandOn bool
	Min    time.Duration // default 5 minutes
	Max    time.Duration // default 6 hours
	// Retry is the wait after a feed's first failure (one after a check
	// that worked, or its first check); default DefaultRetry.
	Retry time.Duration
	Tick  time.Duration // how often due feeds are looked for; default 10 s
	// Parallel is how many feeds Run checks at once, those of one host
	// one at a time; default DefaultParallel.
	Parallel int
	Now      func() time.Time
	Logger   *slog.Logger
}

func (p *Poller) defaults() {
	if p.Min == 0 {
		p.Min = 5 * time.Minute
	}
	if p.Max == 0 {
		p.Max = 6 * time.Hour
	}
	if p.Retry == 0 {
		p.Retry = DefaultRetry
	}
	if p.Tick == 0 {
		p.Tick = 10 * time.Second
	}
	if p.Parallel <= 0 {
		p.Parallel = DefaultParallel
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Fetcher == nil {
		p.Fetcher = &web.Fetcher{}
	}
	if p.Items == nil {
		p.Items = &web.Fetcher{Client: web.NewClient(false), Delay: p.Fetcher.Delay, Pace: p.Fetcher.Pace}
	}
}

// DefaultParallel is how many feeds Run checks at once. A check mostly
// waits on the network (a feed whose host does not answer takes about 33 s:
// a 10 s dial, retried twice), and checked one after another 16 such feeds
// filled the whole first hour of retries (s38-archrev) and held back every
// healthy feed; 8 at once take 128 to do that, while the items they bring
// are still extracted by the engine's own bounded workers.
const DefaultParallel = 8

// Run registers the feeds and checks the due ones until ctx ends: up to
// Parallel at once, never two of one host at a time (a publisher's feeds
// wait for one another, politely, and do not take the places of other
// hosts' feeds while they wait), so that a slow or dead feed delays only
// its own host's. It returns once the checks under way have ended.
func (p *Poller) Run(ctx context.Context, urls []string) error {
	p.defaults()
	if err := p.Store.AddFeeds(ctx, urls); err != nil {
		return err
	}
	ticker := time.NewTicker(p.Tick)
	defer ticker.Stop()
	checks := newChecking(p.Parallel)
	defer checks.wait()
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
				checks.start(f.URL, func() { p.Poll(ctx, f) })
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		case <-checks.ended:
		}
	}
}

// checking runs feed checks at once, a bounded number, one per host.
type checking struct {
	mu    sync.Mutex
	limit int
	feeds map[string]bool // the feeds being checked, by URL
	hosts map[string]bool // their hosts (hostKey)
	ended chan struct{}   // a check ended: Run looks for due feeds again
	all   sync.WaitGroup
}

func newChecking(limit int) *checking {
	return &checking{limit: limit, feeds: map[string]bool{}, hosts: map[string]bool{}, ended: make(chan struct{}, 1)}
}

// start runs check for the feed at feedURL in a goroutine of its own,
// unless that feed or another of its host is being checked, or limit
// checks are under way: then the feed waits for a later round.
func (c *checking) start(feedURL string, check func()) bool {
	host := hostKey(feedURL)
	c.mu.Lock()
	if c.feeds[feedURL] || c.hosts[host] || len(c.feeds) >= c.limit {
		c.mu.Unlock()
		return false
	}
	c.feeds[feedURL], c.hosts[host] = true, true
	c.mu.Unlock()
	c.all.Add(1)
	go func() {
		defer c.all.Done()
		check()
		c.mu.Lock()
		delete(c.feeds, feedURL)
		delete(c.hosts, host)
		c.mu.Unlock()
		select {
		case c.ended <- struct{}{}:
		default:
		}
	}()
	return true
}

// wait returns once every check started has ended.
func (c *checking) wait() { c.all.Wait() }

// hostKey is the site a feed is fetched from, as its reader would name
// it: the host in lower case without "www." nor a trailing dot, whatever
// the scheme ("http://www.example.org/a" and "https://example.org/b" are
// one site, checked one at a time: politeness is owed to the site, not to
// each of its schemes), with the port only when it is not the scheme's
// own (a server on :8080 beside the site's is another service, as two
// test servers of one machine are); the URL itself when it does not parse.
func hostKey(feedURL string) string {
	u, err := url.Parse(feedURL)
	if err != nil || u.Hostname() == "" {
		return feedURL
	}
	host := siteHost(u.Hostname())
	if port := u.Port(); port != "" && port != defaultPorts[strings.ToLower(u.Scheme)] {
		return net.JoinHostPort(host, port)
	}
	return host
}

// siteHost is a URL's host as one site is named however it is spelt: an
// IP address in its one written form ("2001:DB8:0::7" is "2001:db8::7"),
// a name in lower case and in its ASCII (punycode) form, so that
// "bücher.example" and "xn--bcher-kva.example" are one, without a
// trailing dot nor "www." (a name IDNA rejects is kept in lower case).
func siteHost(host string) string {
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		host = ascii
	}
	return strings.TrimPrefix(host, "www.")
}

// defaultPorts are the ports a feed's scheme implies: written out, they
// name the same site as left out.
var defaultPorts = map[string]string{"http": "80", "https": "443"}

// Poll checks one feed now, ingests its new items, and stores its new state.
func (p *Poller) Poll(ctx context.Context, f news.FeedState) news.FeedState {
	p.defaults()
	was, now := f, p.Now()
	f.LastChecked = now
	failedBefore := f.LastError != ""
	added, err := p.check(ctx, &f)
	if err != nil && ctx.Err() != nil {
		// Stopped (the server shutting down), not a failure of the feed:
		// nothing is saved (the store refuses a cancelled write anyway) nor
		// logged, and the feed is checked when due at the next start.
		return was
	}
	if f.Interval <= 0 || failedBefore && err == nil {
		// A new feed, or one back after failing (its wait grown by the
		// retries), starts from the first interval.
		f.Interval = firstInterval
	}
	switch {
	case err != nil:
		f.LastError = err.Error()
		f.ItemsAdded += added // a broken feed's complete items are stored
		f.Interval = p.retryAfter(f.Interval, failedBefore)
		f.NextCheck = now.Add(f.Interval)
		p.Logger.Warn("feed failed", "feed", loggable(f.URL), "err", strings.ReplaceAll(err.Error(), f.URL, loggable(f.URL)), "retry_in", f.Interval)
		p.save(ctx, f)
		return f
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
	p.save(ctx, f)
	return f
}

// firstInterval is a feed's interval before its first check, halved or
// lengthened by the checks after it.
const firstInterval = 15 * time.Minute

// DefaultRetry is the wait after a feed's first failure: a server not up
// yet when serve starts, or down for a moment, is read a minute later (it
// waited 30 minutes: its 15-minute first interval doubled). The waits
// after it double (2, 4, 8 ... minutes, up to Max).
const DefaultRetry = time.Minute

// retryAfter is the wait after a failed check: Retry after the first
// failure of a run of them (the check before worked, or there was none),
// else the last wait doubled, never less than Retry nor more than Max.
func (p *Poller) retryAfter(last time.Duration, failedBefore bool) time.Duration {
	if !failedBefore {
		return min(p.Retry, p.Max)
	}
	return max(min(last*2, p.Max), min(p.Retry, p.Max))
}

// save stores a feed's state after a check.
func (p *Poller) save(ctx context.Context, f news.FeedState) {
	if err := p.Store.SaveFeed(ctx, f); err != nil {
		p.Logger.Error("save feed state", "feed", loggable(f.URL), "err", err)
	}
}

// check fetches a feed conditionally and runs its new items through the
// pipeline, returning how many articles were stored (or queued for the
// workers).
func (p *Poller) check(ctx context.Context, f *news.FeedState) (int, error) {
	resp, err := p.Fetcher.Get(ctx, f.URL, web.Validators{ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return 0, err
	}
	if resp.NotModified {
		return 0, nil
	}
	feed, err := Parse(resp.Body)
	if err != nil {
		return 0, err
	}
	f.Title, f.ETag, f.LastModified = feed.Title, resp.Validators.ETag, resp.Validators.LastModified
	r := reader{opt: Options{Fetcher: p.Items, Known: p.Known, HandOn: p.HandOn}}
	inputs := func(yield func(news.Input, error) bool) { r.feed(ctx, f.URL, resp.Body, yield) }
	sum, err := p.Submit(ctx, inputs)
	added := sum.Stored + sum.Queued // queued: handed to the workers, who store them
	if err != nil {
		return added, err
	}
	if len(sum.Failures) > 0 {
		return added, fmt.Errorf("%d of its items failed, the first: %s", len(sum.Failures), sum.Failures[0])
	}
	return added, nil
}

// ReadFeedList reads the feeds of a --feeds file: an OPML list, or URLs one
// a line (blank lines and lines starting with # ignored).
func ReadFeedList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if Kind("", b) == "opml" {
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

// loggable is a feed's address as the log may show it: a password written
// in the address (https://reader:secret@host/rss) is replaced by "xxxxx",
// since logs are read and kept by others than the user who added the feed.
func loggable(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		return rawURL
	}
	return u.Redacted()
}
