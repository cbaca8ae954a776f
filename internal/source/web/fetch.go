package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/storyline-news/storyline/internal/news"
)

// ErrDisallowed is returned for a URL that the site's robots.txt closes to
// storyline.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// Fetcher gets pages and feeds politely: it honours robots.txt, sends one
// request at a time to a host with a delay between them, retries server
// errors and timeouts with backoff, and makes conditional requests. It is
// safe for concurrent use; requests to different hosts run in parallel.
type Fetcher struct {
	Client  *http.Client  // default NewClient(true)
	Delay   time.Duration // between two requests to one host; default 1 s
	Retries int           // after the first try, on 5xx and timeouts; default 2
	Agent   string        // the robots.txt product token; default "storyline"
	// Pace, when set, spaces the requests to a host (named by scheme and
	// host) in place of this fetcher's own pause: it returns when a
	// request may start, Delay after the last one that any process sharing
	// it made (natsqueue.Queue.HostPacer shares it across machines).
	Pace func(ctx context.Context, host string, delay time.Duration) error

	mu    sync.Mutex
	hosts map[string]*host
}

type host struct {
	mu     sync.Mutex // one request at a time
	last   time.Time
	robots *robotstxt.RobotsData
	loaded bool
}

// Validators make a request conditional: the ETag and Last-Modified of the
// last response.
type Validators struct {
	ETag, LastModified string
}

// Response is what a fetch brought back.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte
	NotModified bool // a conditional request found nothing new
	Validators  Validators
}

func (f *Fetcher) client() *http.Client {
	if f.Client == nil {
		return NewClient(true)
	}
	return f.Client
}

func (f *Fetcher) hostOf(u *url.URL) *host {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*host{}
	}
	key := u.Scheme + "://" + u.Host
	h := f.hosts[key]
	if h == nil {
		h = &host{}
		f.hosts[key] = h
	}
	return h
}

// Get fetches a URL after checking robots.txt, waiting for its host's turn.
func (f *Fetcher) Get(ctx context.Context, rawURL string, v Validators) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Response{}, fmt.Errorf("not an http(s) URL")
	}
	h := f.hostOf(u)
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.loaded {
		h.robots = f.loadRobots(ctx, h, u)
		h.loaded = true
	}
	agent := f.Agent
	if agent == "" {
		agent = "storyline"
	}
	if h.robots != nil && !h.robots.TestAgent(u.EscapedPath(), agent) {
		return Response{}, ErrDisallowed
	}
	retries := f.Retries
	if retries == 0 {
		retries = 2
	}
	backoff := time.Second
	for attempt := 0; ; attempt++ {
		resp, err := f.once(ctx, h, rawURL, v)
		retry := err != nil && isTimeout(err) || err == nil && resp.Status >= 500
		if !retry || attempt >= retries {
			if err == nil && resp.Status >= 400 {
				return resp, fmt.Errorf("HTTP %d %s", resp.Status, http.StatusText(resp.Status))
			}
			return resp, err
		}
		select {
		case <-ctx.Done():
			return Response{}, ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
}

// once makes one request at the host's pace.
func (f *Fetcher) once(ctx context.Context, h *host, rawURL string, v Validators) (Response, error) {
	delay := f.Delay
	if delay == 0 {
		delay = time.Second
	}
	if f.Pace != nil {
		if u, err := url.Parse(rawURL); err == nil {
			if err := f.Pace(ctx, u.Scheme+"://"+u.Host, delay); err != nil {
				return Response{}, fmt.Errorf("wait for the host's turn: %w", err)
			}
		}
	} else if wait := time.Until(h.last.Add(delay)); wait > 0 {
		select {
		case <-ctx.Done():
			return Response{}, ctx.Err()
		case <-time.After(wait):
		}
	}
	defer func() { h.last = time.Now() }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Response{}, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,text/plain;q=0.8,*/*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client().Do(req)
	if err != nil {
		return Response{}, withoutResolver(err)
	}
	defer resp.Body.Close()
	out := Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Validators: Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified, out.Validators = true, v
		return out, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, news.MaxPageBytes+1))
	if err != nil {
		return out, err
	}
	if len(body) > news.MaxPageBytes {
		return out, fmt.Errorf("larger than %d MB", news.MaxPageBytes>>20)
	}
	out.Body = body
	return out, nil
}

// loadRobots reads a host's robots.txt; a missing one allows everything, one
// that cannot be read (a server error) allows nothing, as the standard says.
func (f *Fetcher) loadRobots(ctx context.Context, h *host, u *url.URL) *robotstxt.RobotsData {
	robotsURL := u.Scheme + "://" + u.Host + "/robots.txt"
	resp, err := f.once(ctx, h, robotsURL, Validators{})
	if err != nil {
		return nil // unreachable: the page request will say why
	}
	data, err := robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
	if err != nil {
		return nil
	}
	return data
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout() || strings.Contains(err.Error(), "connection reset")
}

// withoutResolver drops the resolver's address from a failed lookup ("lookup
// x.example on 10.0.0.2:53: no such host"): fetch errors reach API callers,
// who have no business knowing the server's internal network.
func withoutResolver(err error) error {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		dnsErr.Server = ""
	}
	return err
}
