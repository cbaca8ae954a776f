package web

import (
	"net/url"
	"testing"

	"github.com/temoto/robotstxt"
)

// FuzzCanonicalURL: the canonical form of a canonical URL is itself, so one
// page never gets two ids; the id is always 12 hex digits.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"HTTPS://Ledger.Example/news/strike/?utm_source=rss&id=4#top",
		"https://ledger.example/", "  https://ledger.example/a?fbclid=x  ",
		"https://x.example/a%2Fb/?b=2&a=1&a=0", "http://[::1]:80/p?q", "mailto:a@b", "//x/y//",
		"https://x.example/%zz", "https://x.example/?a;b=c", "%", "http://x.example/a b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		once := CanonicalURL(raw)
		if twice := CanonicalURL(once); twice != once {
			t.Fatalf("CanonicalURL is not idempotent: %q -> %q -> %q", raw, once, twice)
		}
		if id := URLID(raw); len(id) != 12 || id != URLID(once) {
			t.Fatalf("URLID(%q) = %q, URLID of its canonical form %q", raw, id, URLID(once))
		}
	})
}

// FuzzRobots: a robots.txt of any content, served with any status, parses
// without panic and answers every path for every agent; a 2xx body that
// parses always answers the same for a path asked twice.
func FuzzRobots(f *testing.F) {
	f.Add(200, []byte("User-agent: *\nDisallow: /private\nAllow: /private/ok\nCrawl-delay: 2\n"), "/private/x")
	f.Add(200, []byte("User-agent: storyline\nDisallow: /\n\nUser-agent: *\nAllow: /\n"), "/")
	f.Add(404, []byte("not found"), "/a")
	f.Add(503, []byte(""), "/a")
	f.Add(200, []byte("Sitemap: https://x/s.xml\nUser-agent: *\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Fuzz(func(t *testing.T, status int, body []byte, path string) {
		data, err := robotstxt.FromStatusAndBytes(status, body)
		if err != nil || data == nil {
			return
		}
		p := (&url.URL{Path: path}).EscapedPath()
		first := data.TestAgent(p, "storyline")
		if data.TestAgent(p, "storyline") != first {
			t.Fatalf("robots.txt answers %q twice differently", p)
		}
	})
}
