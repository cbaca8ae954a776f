// Package feed reads news feeds (RSS, Atom and JSON Feed, through
// mmcdole/gofeed) and OPML lists of feeds, yields the pages their items link
// to as inputs, and polls a list of feeds on a schedule (Poller).
package feed

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/web"
)

// Feed is a parsed RSS, Atom or JSON Feed document.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed: the page it links to, and its date.
type Item struct {
	Link      string
	Title     string
	Published time.Time
}

// Parse reads RSS 2.0, Atom and JSON Feed documents (mmcdole/gofeed).
func Parse(body []byte) (Feed, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return Feed{}, fmt.Errorf("not a valid feed: %w", err)
	}
	f := Feed{Title: strings.TrimSpace(parsed.Title)}
	for _, it := range parsed.Items {
		item := Item{Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		if item.Link == "" && strings.HasPrefix(it.GUID, "http") {
			item.Link = it.GUID
		}
		if item.Link != "" {
			f.Items = append(f.Items, item)
		}
	}
	return f, nil
}

// opml is the part of an OPML document that lists feeds.
type opml struct {
	Outlines []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// ParseOPML returns the feed URLs of an OPML list, folders included.
func ParseOPML(body []byte) ([]string, error) {
	var doc opml
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("not a valid OPML document: %w", err)
	}
	var urls []string
	var visit func([]opmlOutline)
	visit = func(os []opmlOutline) {
		for _, o := range os {
			if o.XMLURL != "" {
				urls = append(urls, o.XMLURL)
			}
			visit(o.Outlines)
		}
	}
	visit(doc.Outlines)
	if len(urls) == 0 {
		return nil, errors.New("OPML document lists no feeds")
	}
	return urls, nil
}

// Kind tells feeds and OPML lists from pages by their content type and
// first bytes: "feed", "opml" or "page".
func Kind(contentType string, body []byte) string {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 2048)]))
	ct := strings.ToLower(contentType)
	switch {
	case bytes.Contains(head, []byte("<opml")):
		return "opml"
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json"),
		bytes.Contains(head, []byte("<rss")), bytes.Contains(head, []byte("<feed")), bytes.Contains(head, []byte("<rdf:rdf")),
		bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org")):
		return "feed"
	}
	return "page"
}

// Options say how a feed's items are read.
type Options struct {
	Fetcher   *web.Fetcher // fetches the items' pages and an OPML list's feeds
	ForceText bool         // read every page as a plain-text dump
	// Known, when set, tells which URLs are stored already, so that a
	// feed's old items are not fetched again.
	Known func(ctx context.Context, url string) bool
}

// maxOPMLDepth bounds how deep OPML lists that name other OPML lists are
// followed: real lists are flat or have one level of folders, which are
// outlines, not documents.
const maxOPMLDepth = 3

// Inputs yields what a feed or an OPML document (body, read from name)
// holds: the page of every item not known yet, with the item's date as the
// page's publication date; for an OPML list, the items of every feed it
// names, each feed fetched once.
func Inputs(ctx context.Context, name string, body []byte, opt Options) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		r := reader{opt: opt, visited: map[string]bool{web.CanonicalURL(name): true}}
		r.document(ctx, name, "", body, 0, yield)
	}
}

type reader struct {
	opt     Options
	visited map[string]bool // feeds and lists read, by canonical URL
}

// document reads a feed or OPML body; depth counts the OPML lists above it.
func (r *reader) document(ctx context.Context, name, contentType string, body []byte, depth int, yield func(news.Input, error) bool) bool {
	switch Kind(contentType, body) {
	case "opml":
		return r.opml(ctx, name, body, depth, yield)
	case "feed":
		return r.feed(ctx, name, body, yield)
	}
	return yield(news.Input{}, &news.InputError{Name: name, Err: errors.New("neither a feed nor an OPML list")})
}

// feed fetches the page of every item of a feed that is not known yet.
func (r *reader) feed(ctx context.Context, name string, body []byte, yield func(news.Input, error) bool) bool {
	feed, err := Parse(body)
	if err != nil {
		return yield(news.Input{}, &news.InputError{Name: name, Err: err})
	}
	for _, item := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if r.opt.Known != nil && r.opt.Known(ctx, item.Link) {
			continue // stored already: the feed added again adds nothing
		}
		in, err := r.opt.Fetcher.Page(ctx, item.Link, r.opt.ForceText)
		if err != nil {
			if !yield(news.Input{}, &news.InputError{Name: item.Link, Err: err}) {
				return false
			}
			continue
		}
		if in.Page != nil && !item.Published.IsZero() {
			in.Page.Published = item.Published
		}
		if !yield(in, nil) {
			return false
		}
	}
	return true
}

// opml reads every feed an OPML list names, each once; lists nested deeper
// than maxOPMLDepth are refused by name.
func (r *reader) opml(ctx context.Context, name string, body []byte, depth int, yield func(news.Input, error) bool) bool {
	if depth >= maxOPMLDepth {
		return yield(news.Input{}, &news.InputError{Name: name, Err: fmt.Errorf("OPML lists nested more than %d deep", maxOPMLDepth)})
	}
	urls, err := ParseOPML(body)
	if err != nil {
		return yield(news.Input{}, &news.InputError{Name: name, Err: err})
	}
	for _, u := range urls {
		if ctx.Err() != nil {
			return false
		}
		if key := web.CanonicalURL(u); r.visited[key] {
			continue
		} else {
			r.visited[key] = true
		}
		resp, err := r.opt.Fetcher.Get(ctx, u, web.Validators{})
		if err != nil {
			if !yield(news.Input{}, &news.InputError{Name: u, Err: fmt.Errorf("fetch: %w", err)}) {
				return false
			}
			continue
		}
		if !r.document(ctx, u, resp.ContentType, resp.Body, depth+1, yield) {
			return false
		}
	}
	return true
}
