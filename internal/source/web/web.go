// Package web fetches pages and feeds from the web politely and safely: a
// Fetcher that honours robots.txt, paces its requests per host, retries
// server errors and makes conditional requests; an HTTP client whose
// address guard refuses private addresses at connect time; and the
// identity of a fetched page (its canonical URL and the id derived from it).
package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// URLID is the id of an article fetched from a URL: a short stable hash of
// its canonical form.
func URLID(raw string) string {
	sum := sha256.Sum256([]byte(CanonicalURL(raw)))
	return hex.EncodeToString(sum[:6])
}

// CanonicalURL lower-cases scheme and host, drops the fragment, tracking
// parameters (utm_*, fbclid, gclid) and trailing slashes. The result is its
// own canonical form, so one page never gets two ids.
func CanonicalURL(raw string) string {
	// url.Parse and URL.String are not inverses for odd inputs (opaque URLs,
	// spaces, a query that Encode reorders), so one step can leave something
	// a second step would change: repeat until the form holds. Two or three
	// steps settle every input the fuzzer has found; the bound only keeps a
	// pathological input from looping.
	s := canonicalStep(raw)
	for range 8 {
		next := canonicalStep(s)
		if next == s {
			break
		}
		s = next
	}
	return s
}

// canonicalStep is one pass of CanonicalURL.
func canonicalStep(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	if len(u.Path) > 1 {
		// every trailing slash, not one: "/a//" and "/a/" are one page,
		// and the result must canonicalise to itself.
		u.Path = strings.TrimRight(u.Path, "/")
		if u.Path == "" {
			u.Path = "/"
		}
		u.RawPath = ""
	}
	return strings.TrimSpace(u.String())
}

// UserAgent names storyline to the sites it fetches from.
const UserAgent = "storyline/0.1 (news clustering; +https://github.com/storyline-news/storyline)"

// IsURL reports whether s is an http(s) URL, as the command line and the
// API take them. The scheme is read in any case (HTTPS://, as a URL copied
// from some printed page is), as RFC 3986 reads it.
func IsURL(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
}

// hasPrefixFold is strings.HasPrefix with ASCII case folded.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// Page gets one page from the web as an input; its id is a hash of the URL
// it was finally served from. forceText reads it as a plain-text dump.
func (f *Fetcher) Page(ctx context.Context, rawURL string, forceText bool) (news.Input, error) {
	resp, err := f.Get(ctx, rawURL, Validators{})
	if err != nil {
		return news.Input{}, fmt.Errorf("fetch: %w", err)
	}
	return PageInput(rawURL, resp, forceText), nil
}

// PageInput makes a page input of a fetched response.
func PageInput(rawURL string, resp Response, forceText bool) news.Input {
	kind := news.KindHTML
	if forceText || strings.HasPrefix(strings.ToLower(resp.ContentType), "text/plain") {
		kind = news.KindText
	}
	return news.Input{Name: rawURL, FromURL: true, Page: &news.Page{ID: URLID(resp.URL), URL: resp.URL, Kind: kind, Body: resp.Body, Fetched: time.Now().UTC()}}
}
