// Package extract turns a raw Page into an Article: title, byline, publication
// date, site, language, canonical URL and the main text as paragraphs. It reads
// HTML documents and plain-text dumps of whole pages (one block per line, as in
// Common Crawl WET records or text copied from a browser). It does no I/O.
package extract

import (
	"time"

	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// MaxPageBytes is the largest page Extract reads; larger pages are refused so
// that memory stays bounded.
const MaxPageBytes = 32 << 20

// ErrNoContent is returned for a page with no visible text at all. A page
// with visible text but no main content (a login wall, an empty listing)
// is no error: its article has a title, site, date and kind, and no text.
var ErrNoContent = errors.New("no visible text")

// Extract reads the page according to its kind and returns its article. The
// article's ID, URL and publication date default to the page's own.
func Extract(p news.Page) (news.Article, error) {
	r, err := WithTemplate(p, nil)
	return r.Article, err
}

// Result is an extraction with the fingerprints of the page's blocks, from
// which the site's Template learns, and the words of each block.
type Result struct {
	Article news.Article
	Blocks  []uint64
	Words   []int32 // the words of each block, in the order of Blocks
}

// WithTemplate extracts the page, removing the blocks that t (the page's
// site's template, or nil) knows as boilerplate.
func WithTemplate(p news.Page, t *Template) (Result, error) {
	return DefaultModel().WithTemplate(p, t)
}

// Extract is the package's Extract with this model.
func (m *Model) Extract(p news.Page) (news.Article, error) {
	r, err := m.WithTemplate(p, nil)
	return r.Article, err
}

// WithTemplate is the package's WithTemplate with this model.
func (m *Model) WithTemplate(p news.Page, t *Template) (Result, error) {
	if len(p.Body) > MaxPageBytes {
		return Result{}, fmt.Errorf("page is %d bytes, more than the %d this extractor reads", len(p.Body), MaxPageBytes)
	}
	if t.Pages() < 2 {
		t = nil // nothing can recur yet
	}
	var (
		r       Result
		visible bool
		err     error
	)
	switch p.Kind {
	case news.KindHTML:
		r.Article, r.Blocks, r.Words, visible, err = fromHTML(p, t, m)
	case news.KindText:
		if IsMarkupDump(p.Body) && m.readsHTML() { // an HTML document given as text
			r.Article, r.Blocks, r.Words, visible, err = fromHTML(p, t, m)
			break
		}
		r.Article, r.Blocks, r.Words, visible, err = fromText(p, t, m)
	default:
		return Result{}, fmt.Errorf("unknown page kind %q", p.Kind)
	}
	if err != nil {
		return Result{}, err
	}
	r.Article = finish(r.Article, p)
	if !visible {
		return r, fmt.Errorf("%w in the page", ErrNoContent)
	}
	return r, nil
}

// readsHTML reports whether m has a block classifier. A model fitted on
// text dumps alone (the folds of `eval extract --text --cv`) has none, so it
// reads a markup dump as text, as every dump was read before markup dumps
// went to the HTML extractor.
func (m *Model) readsHTML() bool { return m.blocks != nil }

// clockless reports whether a date extraction picked carries no time of
// day: midnight given in UTC, which is what the date parsers make of a
// date without a clock (a URL's /2026/03/03/, "3 March 2026", a bare
// datePublished day). The candidates do not keep the form of their text,
// so a page's own "T00:00:00Z" is read as a date alone too, as every
// date was before precisions were kept; a time with another offset
// (19:00 at -05:00, which is midnight UTC) is a time of day.
func clockless(t time.Time) bool {
	if _, offset := t.Zone(); offset != 0 {
		return false
	}
	return news.MidnightUTC(t)
}

// finish gives the article the page's id, the outlet its caller named and,
// where extraction found none, its URL, date and host. The date's
// precision is the caller's when the caller gave the date (a feed item's,
// a JSONL line's), else the page's (clockless).
func finish(a news.Article, p news.Page) news.Article {
	a.ID = p.ID
	if a.URL == "" {
		a.URL = p.URL
	}
	a.DateOnly = clockless(a.Published)
	if !p.Published.IsZero() {
		a.Published, a.DateOnly = p.Published, p.DateOnly
	}
	if s := strings.TrimSpace(p.Source); s != "" {
		a.Source = s
	}
	if a.Source == "" {
		a.Source = Host(a.URL)
	}
	return a
}

// Host returns the host of a URL without "www.", or "" when there is none.
func Host(raw string) string {
	if h, ok := plainHTTPHost(raw); ok {
		return h
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// plainHTTPHost is Host's answer, without url.Parse, for the common link
// "http(s)://host.name/anything" (readMeta counts every link's host): ok
// only when raw starts with "http://" or "https://", holds only printable
// ASCII bytes other than '%' (so url.Parse has no control byte, escape or
// space to refuse) and its host, up to the first '/', '?' or '#', is
// letters, digits, dots and hyphens (no user, port or IPv6 brackets for
// url.Parse to read apart). Any other text goes to url.Parse.
func plainHTTPHost(raw string) (string, bool) {
	rest, ok := strings.CutPrefix(raw, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(raw, "http://"); !ok {
			return "", false
		}
	}
	end := len(rest)
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c <= ' ' || c >= 0x7f || c == '%' {
			return "", false
		}
		if end == len(rest) && (c == '/' || c == '?' || c == '#') {
			end = i
		}
	}
	host := rest[:end]
	for i := 0; i < len(host); i++ {
		if c := host[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return "", false
		}
	}
	return strings.TrimPrefix(strings.ToLower(host), "www."), true
}

// joinParagraphs builds an article text: paragraphs separated by blank lines.
func joinParagraphs(ps []string) string {
	return strings.Join(ps, "\n\n")
}

// resolve makes ref absolute against base; "" when either does not parse.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	return b.ResolveReference(r).String()
}
