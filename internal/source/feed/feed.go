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
	// Damage, when set, says the document is broken (cut short, or with
	// a malformed part): Items then holds the items that were complete and
	// readable on their own.
	Damage error
}

// Item is one entry of a feed: the page it links to, and its date.
type Item struct {
	Link      string
	Title     string
	Published time.Time
	DateOnly  bool // the feed gave a date alone (YYYY-MM-DD): Published is its midnight UTC
}

// Parse reads RSS 2.0, RSS 1.0, Atom and JSON Feed documents
// (mmcdole/gofeed). A broken XML feed keeps its complete items: each one is
// read on its own (Feed.Damage says what was wrong); the error is for a
// document of which nothing could be read.
func Parse(body []byte) (Feed, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		if f, ok := salvage(body); ok {
			f.Damage = fmt.Errorf("broken feed, only its %d complete items read: %w", len(f.Items), err)
			return f, nil
		}
		return Feed{}, fmt.Errorf("not a valid feed: %w", err)
	}
	return feedOf(parsed), nil
}

// feedOf keeps what storyline needs of a parsed feed: the items with a link.
func feedOf(parsed *gofeed.Feed) Feed {
	f := Feed{Title: clean(parsed.Title)}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		item := Item{Link: strings.TrimSpace(it.Link), Title: clean(it.Title)}
		item.Published, item.DateOnly = publishedOf(it)
		if item.Link == "" && strings.HasPrefix(it.GUID, "http") {
			item.Link = strings.TrimSpace(it.GUID)
		}
		if item.Link != "" {
			f.Items = append(f.Items, item)
		}
	}
	return f
}

// publishedOf is an item's publication time (its update's when it gives
// none) in UTC, and whether the feed gave a date alone (dateAlone), which
// is then that day's midnight UTC; the zero time when the item has no
// date.
func publishedOf(it *gofeed.Item) (time.Time, bool) {
	raw, parsed := it.Published, it.PublishedParsed
	if parsed == nil {
		raw, parsed = it.Updated, it.UpdatedParsed
	}
	if parsed == nil {
		return time.Time{}, false
	}
	if dateAlone(raw, *parsed) {
		return news.DayOf(*parsed), true
	}
	return parsed.UTC(), false
}

// dateAlone reports whether a feed's date text gives a day and no time of
// day: a bare YYYY-MM-DD, or an RSS pubDate cut to its date ("Wed, 11 Feb
// 2026", "11 Feb 2026"), which the parser reads as midnight. Every
// written clock has a colon (hh:mm), so text without one that parsed to
// midnight in its own zone named a day alone; "00:00:00 GMT" is a time.
func dateAlone(raw string, parsed time.Time) bool {
	if _, dateOnly, ok := news.ReadPublished(raw); ok && dateOnly {
		return true
	}
	h, m, s := parsed.Clock()
	return !strings.Contains(raw, ":") && h == 0 && m == 0 && s == 0 && parsed.Nanosecond() == 0
}

// clean trims a title and drops the control characters a feed may carry
// (they would reach the terminal and the page as they are).
func clean(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return -1
		}
		return r
	}, s))
}

// salvage reads the complete items of a broken XML feed, each wrapped on its
// own in the document's root element (which declares the namespaces the
// items use), so that one malformed item or a document cut short loses only
// what is broken. ok is false when not one item could be read.
func salvage(body []byte) (Feed, bool) {
	lower := asciiLower(body)
	var root, tag []byte
	switch {
	case bytes.Contains(lower, []byte("<rdf:rdf")):
		root, tag = openingTag(body, lower, "<rdf:rdf"), []byte("item")
	case bytes.Contains(lower, []byte("<rss")):
		root, tag = openingTag(body, lower, "<rss"), []byte("item")
	case bytes.Contains(lower, []byte("<feed")):
		root, tag = openingTag(body, lower, "<feed"), []byte("entry")
	default:
		return Feed{}, false
	}
	if len(root) < 3 {
		return Feed{}, false
	}
	name := strings.Fields(strings.TrimSuffix(string(root[1:len(root)-1]), "/"))
	if len(name) == 0 {
		return Feed{}, false
	}
	closeRoot := "</" + name[0] + ">"
	inner, outer := "", ""
	if string(tag) == "item" && !bytes.HasPrefix(bytes.ToLower(root), []byte("<rdf:rdf")) {
		inner, outer = "<channel>", "</channel>"
	}
	var f Feed
	for _, el := range completeElements(body, lower, tag) {
		doc := string(root) + inner + string(el) + outer + closeRoot
		parsed, err := gofeed.NewParser().Parse(strings.NewReader(doc))
		if err != nil {
			continue
		}
		f.Items = append(f.Items, feedOf(parsed).Items...)
	}
	return f, len(f.Items) > 0
}

// asciiLower lower-cases ASCII letters only, so that offsets in the result
// are offsets in b (bytes.ToLower rewrites invalid UTF-8 and moves them).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// openingTag returns the first opening tag that starts with prefix (lower
// case), as written in body; nil if it is not closed.
func openingTag(body, lower []byte, prefix string) []byte {
	i := bytes.Index(lower, []byte(prefix))
	if i < 0 {
		return nil
	}
	j := bytes.IndexByte(body[i:], '>')
	if j < 0 {
		return nil
	}
	return body[i : i+j+1]
}

// completeElements returns each <tag ...>...</tag> element of body (lower is
// body in lower case), those cut short left out. Items do not nest, so the
// first closing tag after an opening one ends it.
func completeElements(body, lower, tag []byte) [][]byte {
	open, closing := append([]byte("<"), tag...), append(append([]byte("</"), tag...), '>')
	var out [][]byte
	for i := 0; i < len(lower); {
		start := bytes.Index(lower[i:], open)
		if start < 0 {
			break
		}
		start += i
		after := start + len(open)
		if after < len(lower) && lower[after] != '>' && lower[after] != ' ' && lower[after] != '\t' && lower[after] != '\n' && lower[after] != '\r' {
			i = after // <items>, <entryway>: another element
			continue
		}
		end := bytes.Index(lower[after:], closing)
		if end < 0 {
			break
		}
		end += after + len(closing)
		if next := bytes.Index(lower[after:end], open); next >= 0 {
			i = after + next // an item cut short, then a complete one
			continue
		}
		out = append(out, body[start:end])
		i = end
	}
	return out
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
	// HandOn, when set, yields each new item as a page still to fetch
	// (news.Input.Fetch) instead of fetching it here: with a queue, the
	// workers fetch and extract the items.
	HandOn bool
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
	if feed.Damage != nil && !yield(news.Input{}, &news.InputError{Name: name, Err: feed.Damage}) {
		return false
	}
	for _, item := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if r.opt.Known != nil && r.opt.Known(ctx, item.Link) {
			continue // stored already: the feed added again adds nothing
		}
		if r.opt.HandOn {
			if !yield(news.Input{Name: item.Link, Fetch: &news.FetchRequest{URL: item.Link, Published: item.Published, DateOnly: item.DateOnly, ForceText: r.opt.ForceText}}, nil) {
				return false
			}
			continue
		}
		in, err := r.opt.Fetcher.Page(ctx, item.Link, r.opt.ForceText)
		if err != nil {
			if !yield(news.Input{}, &news.InputError{Name: item.Link, Err: err}) {
				return false
			}
			continue
		}
		if in.Page != nil && !item.Published.IsZero() {
			in.Page.Published, in.Page.DateOnly = item.Published, item.DateOnly
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
