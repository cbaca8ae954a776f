package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
)

// MaxInputBytes bounds one input (a page, or one JSONL line) after
// decompression.
const MaxInputBytes = 32 << 20

// Input is one unit of work: a raw page to extract, or an article that came
// already extracted (JSONL with "text").
type Input struct {
	Name    string        // where it came from, for messages: a path, "path:line" or a URL
	Page    *news.Page    // a page to extract
	Article *news.Article // an article given as such
	FromURL bool          // fetched from the web: its id is a hash of its URL
}

// InputError says which input failed and why.
type InputError struct {
	Name string
	Err  error
}

func (e *InputError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// SourceOptions say how to read inputs.
type SourceOptions struct {
	ForceText bool // read every page as a plain-text dump
	// Source and URL are the outlet and address a user gives for page
	// files that carry neither (storyline extract --source, --url).
	Source, URL string
	Client      *http.Client // for URLs; nil means NewClient(true)
	Fetcher     *Fetcher     // polite fetching; nil means one over Client for this read
	// Known, when set, tells which URLs are stored already, so that a
	// feed's old items are not fetched again.
	Known func(ctx context.Context, url string) bool
}

func (o SourceOptions) fetcher() *Fetcher {
	if o.Fetcher != nil {
		return o.Fetcher
	}
	return &Fetcher{Client: o.Client}
}

// Inputs yields the inputs named by args: files, folders (walked, in name
// order, taking the files whose names storyline knows) and http(s) URLs. A
// failure is yielded as an *InputError and the rest goes on.
func Inputs(ctx context.Context, args []string, opt SourceOptions) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		fetcher := opt.fetcher() // one per read, so that politeness spans it
		for _, arg := range args {
			if ctx.Err() != nil {
				return
			}
			if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
				if !urlInputs(ctx, arg, fetcher, opt, yield) {
					return
				}
				continue
			}
			info, err := os.Stat(arg)
			if err != nil {
				if !yield(Input{}, wrap(arg, errors.Unwrap(err))) {
					return
				}
				continue
			}
			if !info.IsDir() {
				if !fileInputs(ctx, arg, fetcher, opt, yield) {
					return
				}
				continue
			}
			var files []string
			err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !d.IsDir() && knownFile(p) {
					files = append(files, p)
				}
				return nil
			})
			if err != nil && !yield(Input{}, wrap(arg, err)) {
				return
			}
			sort.Strings(files)
			for _, f := range files {
				if !fileInputs(ctx, f, fetcher, opt, yield) {
					return
				}
			}
		}
	}
}

func wrap(name string, err error) error {
	if err == nil {
		return nil
	}
	return &InputError{Name: name, Err: err}
}

// format is how a file is read, from its name.
type format int

const (
	formatUnknown format = iota
	formatHTML
	formatText
	formatJSONL
	formatWARC
	formatFeed // RSS, Atom, JSON Feed or OPML, told apart by content
)

// formatOf reads a file's format from its extension, after an optional .gz.
func formatOf(name string) format {
	n := strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(n) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return formatHTML
	case ".txt", ".text":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".warc", ".wet":
		return formatWARC
	case ".rss", ".atom", ".xml", ".opml":
		return formatFeed
	}
	return formatUnknown
}

func knownFile(p string) bool { return formatOf(p) != formatUnknown }

// FileID is an article id from a file: its name without extensions.
func FileID(path string) string {
	base := filepath.Base(path)
	for {
		ext := strings.ToLower(filepath.Ext(base))
		switch ext {
		case ".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".jsonl", ".ndjson", ".json", ".warc", ".wet":
			base = strings.TrimSuffix(base, filepath.Ext(base))
			continue
		}
		return base
	}
}

func fileInputs(ctx context.Context, path string, fetcher *Fetcher, opt SourceOptions, yield func(Input, error) bool) bool {
	f := formatOf(path)
	switch f {
	case formatJSONL:
		return jsonlInputs(path, opt, yield)
	case formatWARC:
		return warcInputs(path, yield)
	}
	body, err := readFile(path)
	if err != nil {
		return yield(Input{}, wrap(path, err))
	}
	if f == formatFeed || f == formatUnknown && sniff("", body) != "page" {
		switch sniff("", body) {
		case "opml":
			return opmlInputs(ctx, path, body, fetcher, opt, yield)
		case "feed":
			return feedInputs(ctx, path, body, fetcher, opt, yield)
		}
		return yield(Input{}, wrap(path, errors.New("neither a feed nor an OPML list")))
	}
	kind := news.KindText
	switch {
	case opt.ForceText:
	case f == formatHTML:
		kind = news.KindHTML
	case f == formatUnknown && looksLikeHTML(body):
		kind = news.KindHTML
	}
	return yield(Input{Name: path, Page: &news.Page{ID: FileID(path), URL: opt.URL, Source: opt.Source, Kind: kind, Body: body}}, nil)
}

// openFile opens a file, turning the path error into its reason alone (the
// caller names the file).
func openFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	return f, nil
}

// readFile reads a file, decompressing .gz, up to MaxInputBytes.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("not a valid gzip file: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	body, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(body) > MaxInputBytes {
		return nil, fmt.Errorf("larger than %d MB", MaxInputBytes>>20)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("empty file")
	}
	return body, nil
}

func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) || bytes.Contains(head, []byte("<head"))
}

// jsonlRecord is one line of article JSONL: DESIGN.md's article fields, with
// html or raw_text in place of text when the page is still to be extracted.
// "date" is read as "published" when the latter is absent.
type jsonlRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	RawText   string `json:"raw_text"`
}

func jsonlInputs(path string, opt SourceOptions, yield func(Input, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(Input{}, wrap(path, errors.Unwrap(err)))
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return yield(Input{}, wrap(path, fmt.Errorf("not a valid gzip file: %w", err)))
		}
		defer zr.Close()
		r = zr
	}
	return ReadJSONL(r, path, FileID(path), yield)
}

// ReadJSONL yields the articles and pages of an article JSONL stream. Lines
// are named "name:N"; an id missing from a line is "fallbackID-N".
func ReadJSONL(r io.Reader, name, fallbackID string, yield func(Input, error) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxInputBytes)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		lineName := fmt.Sprintf("%s:%d", name, n)
		in, err := parseRecord(line, lineName, fmt.Sprintf("%s-%d", fallbackID, n))
		if !yield(in, wrap(lineName, err)) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return yield(Input{}, wrap(fmt.Sprintf("%s:%d", name, n+1), err))
	}
	return true
}

func parseRecord(line []byte, name, fallbackID string) (Input, error) {
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Input{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if rec.ID == "" {
		rec.ID = fallbackID
	}
	published := rec.Published
	if published == "" {
		published = rec.Date
	}
	t, ok := news.ParsePublished(published)
	if !ok {
		return Input{}, fmt.Errorf("published %q is neither RFC 3339 nor YYYY-MM-DD", published)
	}
	switch {
	case rec.HTML != "":
		return Input{Name: name, Page: &news.Page{ID: rec.ID, URL: rec.URL, Kind: news.KindHTML, Body: []byte(rec.HTML), Published: t}}, nil
	case rec.RawText != "":
		return Input{Name: name, Page: &news.Page{ID: rec.ID, URL: rec.URL, Kind: news.KindText, Body: []byte(rec.RawText), Published: t}}, nil
	case strings.TrimSpace(rec.Text) != "":
		a := news.Article{ID: rec.ID, URL: rec.URL, Source: rec.Source, Published: t, Title: rec.Title, Byline: rec.Byline, Lang: rec.Lang, Text: rec.Text}
		return Input{Name: name, Article: &a}, nil
	}
	return Input{}, errors.New(`no "text", "html" or "raw_text"`)
}

// URLID is the id of an article fetched from a URL: a short stable hash of
// its canonical form.
func URLID(raw string) string {
	sum := sha256.Sum256([]byte(CanonicalURL(raw)))
	return hex.EncodeToString(sum[:6])
}

// CanonicalURL lower-cases scheme and host, drops the fragment, tracking
// parameters (utm_*, fbclid, gclid) and a trailing slash.
func CanonicalURL(raw string) string {
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
		u.Path = strings.TrimSuffix(u.Path, "/")
	}
	return u.String()
}

// UserAgent names storyline to the sites it fetches from.
const UserAgent = "storyline/0.1 (news clustering; +https://github.com/storyline-news/storyline)"

// Fetch gets one page from the web as an input, through the options'
// fetcher; its id is a hash of the URL it was finally served from.
func Fetch(ctx context.Context, rawURL string, opt SourceOptions) (Input, error) {
	return fetchPage(ctx, rawURL, opt.fetcher(), opt)
}

func fetchPage(ctx context.Context, rawURL string, fetcher *Fetcher, opt SourceOptions) (Input, error) {
	resp, err := fetcher.Get(ctx, rawURL, Validators{})
	if err != nil {
		return Input{}, fmt.Errorf("fetch: %w", err)
	}
	return pageInput(rawURL, resp, opt), nil
}

// urlInputs fetches a URL and yields what it holds: a page, a feed's items or
// an OPML list's feeds.
func urlInputs(ctx context.Context, rawURL string, fetcher *Fetcher, opt SourceOptions, yield func(Input, error) bool) bool {
	resp, err := fetcher.Get(ctx, rawURL, Validators{})
	if err != nil {
		return yield(Input{}, wrap(rawURL, fmt.Errorf("fetch: %w", err)))
	}
	switch sniff(resp.ContentType, resp.Body) {
	case "feed":
		return feedInputs(ctx, rawURL, resp.Body, fetcher, opt, yield)
	case "opml":
		return opmlInputs(ctx, rawURL, resp.Body, fetcher, opt, yield)
	}
	return yield(pageInput(rawURL, resp, opt), nil)
}

// Articles yields articles that are at hand (JSONL already read, a synthetic
// corpus) as inputs.
func Articles(arts []news.Article) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for i := range arts {
			if !yield(Input{Name: arts[i].ID, Article: &arts[i]}, nil) {
				return
			}
		}
	}
}

// One yields a single input (an API request's page).
func One(in Input) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) { yield(in, nil) }
}
