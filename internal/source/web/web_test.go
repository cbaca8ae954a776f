package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false,
		"192.168.1.1": false, "169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "224.0.0.1": false,
		// issue 18's gaps: each reaches a private or reserved address
		"64:ff9b::7f00:1": false, "64:ff9b::a00:1": false, "2002:7f00:1::1": false, "2002:c0a8:101::": false,
		"0.1.2.3": false, "::127.0.0.1": false, "::10.0.0.1": false, "192.0.0.8": false, "198.18.0.1": false,
		"198.19.255.1": false, "240.0.0.1": false, "255.255.255.255": false, "2001:db8::1": false, "2001:0:4136:e378:8000:63bf:3fff:fdd2": false, "100::1": false,
		// and their public counterparts stay public
		"64:ff9b::808:808": true, "2002:808:808::1": true, "192.0.3.1": true, "198.20.0.1": true, "1.1.1.1": true,
	} {
		if got := IsPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("IsPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestCanonicalURLAndID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"HTTPS://Ledger.Example/news/strike/?utm_source=rss&id=4#top", "https://ledger.example/news/strike?id=4"},
		{"https://ledger.example/", "https://ledger.example/"},
		{"  https://ledger.example/a?fbclid=x  ", "https://ledger.example/a"},
	} {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if URLID("https://ledger.example/a?utm_medium=x") != URLID("HTTPS://LEDGER.example/a/") || len(URLID("https://x.example/")) != 12 {
		t.Error("one page's URLs do not give one id of 12 hex digits")
	}
}

func TestRobotsAndRetries(t *testing.T) {
	var flaky atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: storyline\nDisallow: /private/\n")
	})
	mux.HandleFunc("/private/page", func(w http.ResponseWriter, r *http.Request) { t.Error("a disallowed page was fetched") })
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) < 2 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "<p>fine now</p>")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>x</title></channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Delay: time.Millisecond}
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/private/page", Validators{}); err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Errorf("disallowed page: %v", err)
	}
	if resp, err := f.Get(ctx, srv.URL+"/flaky", Validators{}); err != nil || string(resp.Body) != "<p>fine now</p>" {
		t.Errorf("a 503 then a 200 should be retried: %v", err)
	}
	first, err := f.Get(ctx, srv.URL+"/feed", Validators{})
	if err != nil || first.Validators.ETag != `"v1"` {
		t.Fatalf("feed: %+v %v", first, err)
	}
	again, err := f.Get(ctx, srv.URL+"/feed", first.Validators)
	if err != nil || !again.NotModified {
		t.Errorf("a conditional request should find nothing new: %+v %v", again, err)
	}
}

func TestPrivateAddressesAreRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>secret</p>") }))
	defer srv.Close()
	f := &Fetcher{Client: NewClient(false), Delay: time.Millisecond}
	if _, err := f.Page(context.Background(), srv.URL+"/admin", false); err == nil || !strings.Contains(err.Error(), "not a public address") {
		t.Errorf("fetching a loopback address with the public client: %v", err)
	}
	f = &Fetcher{Client: NewClient(true), Delay: time.Millisecond}
	if in, err := f.Page(context.Background(), srv.URL+"/admin", false); err != nil || !in.FromURL || in.Page.ID != URLID(srv.URL+"/admin") {
		t.Errorf("with private addresses allowed: %+v, %v", in, err)
	}
}

// TestFetchErrorHidesTheResolver: a failed lookup is reported with the host
// that was looked up, never the server's resolver (issue 18: the API's 400
// message showed the internal resolver's address).
func TestFetchErrorHidesTheResolver(t *testing.T) {
	lookup := &net.DNSError{Err: "no such host", Name: "gone.example", Server: "10.0.0.2:53", IsNotFound: true}
	err := withoutResolver(&url.Error{Op: "Get", URL: "http://gone.example/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: lookup}})
	if msg := err.Error(); strings.Contains(msg, "10.0.0.2") || !strings.Contains(msg, "gone.example") || !strings.Contains(msg, "no such host") {
		t.Errorf("fetch error %q: want the host and the cause, without the resolver", msg)
	}
}

// A scheme is read in any case, as RFC 3986 reads it: HTTPS:// copied from
// a printed page is fetched, not looked for as a file.
func TestIsURLReadsTheSchemeInAnyCase(t *testing.T) {
	for s, want := range map[string]bool{
		"https://ledger.example/a": true, "HTTPS://ledger.example/a": true, "Http://ledger.example/a": true,
		"ftp://ledger.example/a": false, "https:/ledger.example": false, "HTTP": false, "pages/a.html": false,
	} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, !want, want)
		}
	}
}
