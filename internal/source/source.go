// Package source turns what a user names (files, folders, JSONL, web
// archives, feeds, OPML lists, URLs) into one sequence of inputs: raw pages
// to extract and articles given as such, each named for messages. Every
// source (package file, warc, feed, web) yields the same news.Input, so
// the engine, `storyline extract` and the benchmarks read them alike. A
// failure is yielded as a *news.InputError naming the input, and the rest
// goes on.
package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/file"
	"github.com/storyline-news/storyline/internal/source/warc"
	"github.com/storyline-news/storyline/internal/source/web"
)

// Options say how to read inputs.
type Options struct {
	ForceText bool // read every page as a plain-text dump
	// Source and URL are the outlet and address a user gives for page
	// files and JSONL articles that carry neither (storyline add and
	// extract --source, --url): see Given.
	Source, URL string
	Fetcher     *web.Fetcher // polite fetching for URLs and feeds; nil means one over web.NewClient(true) for this read
	// Known, when set, tells which URLs are stored already, so that a
	// feed's old items are not fetched again.
	Known func(ctx context.Context, url string) bool
	// Stdin is read for the argument "-": article JSONL, a WARC, a feed,
	// or one page (HTML or a text dump), told apart by its first bytes.
	Stdin io.Reader
	// HandOn yields the items of feeds as pages still to fetch
	// (feed.Options.HandOn) for the workers of a queue. The URLs named
	// themselves are fetched here: only their content tells a feed from a
	// page, and a page fetched so is handed on whole.
	HandOn bool
	// Skipped, when set, counts the web-archive records that hold no page
	// (images, 404 answers, ...) by reason (news.Skip...).
	Skipped *news.SkippedCounter
}

// Read yields the inputs named by args: files, folders (walked, in name
// order, taking the files whose names storyline knows) and http(s) URLs.
func Read(ctx context.Context, args []string, opt Options) iter.Seq2[news.Input, error] {
	return Given(read(ctx, args, opt), opt.Source, opt.URL)
}

// read is Read before the user's outlet and address are given.
func read(ctx context.Context, args []string, opt Options) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		if opt.Fetcher == nil {
			opt.Fetcher = &web.Fetcher{} // one per read, so that politeness spans it
		}
		for _, arg := range args {
			if ctx.Err() != nil {
				return
			}
			if arg == "-" {
				if !fromStdin(ctx, opt, yield) {
					return
				}
				continue
			}
			if web.IsURL(arg) {
				if !fromURL(ctx, arg, opt, yield) {
					return
				}
				continue
			}
			info, err := os.Stat(arg)
			if err != nil {
				if !yield(news.Input{}, &news.InputError{Name: arg, Err: missingInput(arg, err)}) {
					return
				}
				continue
			}
			if !info.IsDir() {
				if !fromFile(ctx, arg, opt, yield) {
					return
				}
				continue
			}
			for path, err := range file.Walk(arg) {
				if ctx.Err() != nil {
					return
				}
				if err != nil {
					if !yield(news.Input{}, err) {
						return
					}
					continue
				}
				if !fromFile(ctx, path, opt, yield) {
					return
				}
			}
		}
	}
}

// missingInput is why an argument that names no file failed: the file
// system's reason, and what the user may have meant when the argument
// reads as a web address storyline does not fetch: one of another scheme
// (ftp://), or one without its scheme (example.org/news/1).
func missingInput(arg string, err error) error {
	err = unwrapPath(err)
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if scheme, _, ok := strings.Cut(arg, "://"); ok && scheme != "" && !strings.ContainsAny(scheme, "/.\\") {
		return errors.New("no such file, and storyline fetches only http:// and https:// addresses")
	}
	if host, _, ok := strings.Cut(arg, "/"); ok && news.LooksLikeHost(host) {
		return fmt.Errorf("%w (a web address begins with https://)", err)
	}
	return err
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// each passes a sequence on to yield, reporting whether to go on.
func each(seq iter.Seq2[news.Input, error], yield func(news.Input, error) bool) bool {
	for in, err := range seq {
		if !yield(in, err) {
			return false
		}
	}
	return true
}

func (o Options) feedOptions() feed.Options {
	return feed.Options{Fetcher: o.Fetcher, ForceText: o.ForceText, Known: o.Known, HandOn: o.HandOn}
}

// fromFile reads one file by its format.
func fromFile(ctx context.Context, path string, opt Options, yield func(news.Input, error) bool) bool {
	f := file.FormatOf(path)
	switch f {
	case file.JSONL:
		return each(file.JSONLInputs(path), yield)
	case file.WARC:
		return each(warc.Inputs(path, opt.Skipped), yield)
	}
	body, err := file.Read(path)
	if err != nil {
		return yield(news.Input{}, &news.InputError{Name: path, Err: err})
	}
	if f == file.Unknown && looksLikeJSONL(body) {
		return file.ReadJSONL(bytes.NewReader(body), path, file.ID(path), yield)
	}
	if f == file.Feed || f == file.Unknown && feed.Kind("", body) != "page" {
		return each(feed.Inputs(ctx, path, body, opt.feedOptions()), yield)
	}
	in := file.Page(path, body, f, opt.ForceText)
	return yield(in, nil)
}

// fromStdin reads the standard input, telling what it holds by its first
// bytes: article JSONL (a JSON object first), a WARC (gzipped or "WARC/"),
// else one document: a feed or OPML list, or a page (HTML or a text dump;
// --text forces the dump). A page read so is named "stdin" and its id is
// "stdin-" and a hash of its bytes, so that two different pages piped in
// are two articles and the same page piped twice is one.
func fromStdin(ctx context.Context, opt Options, yield func(news.Input, error) bool) bool {
	const name = "stdin"
	if opt.Stdin == nil {
		return yield(news.Input{}, &news.InputError{Name: name, Err: errors.New("no standard input to read")})
	}
	br := bufio.NewReaderSize(opt.Stdin, 64<<10)
	head, _ := br.Peek(512)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return file.ReadJSONL(br, name, name, yield)
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}) || bytes.HasPrefix(trimmed, []byte("WARC/")):
		return each(warc.InputsFrom(name, br, opt.Skipped), yield)
	}
	body, err := io.ReadAll(io.LimitReader(br, news.MaxPageBytes+1))
	if err != nil {
		return yield(news.Input{}, &news.InputError{Name: name, Err: err})
	}
	if len(body) > news.MaxPageBytes {
		return yield(news.Input{}, &news.InputError{Name: name, Err: fmt.Errorf("a page of more than %d bytes", news.MaxPageBytes)})
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return yield(news.Input{}, &news.InputError{Name: name, Err: errors.New("empty")})
	}
	if feed.Kind("", body) != "page" {
		return each(feed.Inputs(ctx, name, body, opt.feedOptions()), yield)
	}
	in := file.Page(name, body, file.Unknown, opt.ForceText)
	sum := sha256.Sum256(body)
	in.Page.ID = name + "-" + hex.EncodeToString(sum[:6])
	return yield(in, nil)
}

// looksLikeJSONL tells article JSONL in a file without a telling name
// (/dev/stdin, a pipe) from a page: its first line is a JSON object.
func looksLikeJSONL(body []byte) bool {
	body = bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\ufeff")), " \t\r\n")
	line, _, _ := bytes.Cut(body, []byte("\n"))
	line = bytes.TrimSpace(line)
	return bytes.HasPrefix(line, []byte("{")) && json.Valid(line)
}

// fromURL fetches a URL and yields what it holds: a page, a feed's items or
// an OPML list's feeds' items.
func fromURL(ctx context.Context, rawURL string, opt Options, yield func(news.Input, error) bool) bool {
	resp, err := opt.Fetcher.Get(ctx, rawURL, web.Validators{})
	if err != nil {
		return yield(news.Input{}, &news.InputError{Name: rawURL, Err: fmt.Errorf("fetch: %w", err)})
	}
	if feed.Kind(resp.ContentType, resp.Body) != "page" {
		return each(feed.Inputs(ctx, rawURL, resp.Body, opt.feedOptions()), yield)
	}
	return yield(web.PageInput(rawURL, resp, opt.ForceText), nil)
}

// Articles yields articles that are at hand (JSONL already read, a synthetic
// corpus) as inputs.
func Articles(arts []news.Article) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for i := range arts {
			if !yield(news.Input{Name: arts[i].ID, Article: &arts[i]}, nil) {
				return
			}
		}
	}
}

// One yields a single input (an API request's page).
func One(in news.Input) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) { yield(in, nil) }
}
