package cli

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/source/feed"
	"github.com/storyline-news/storyline/internal/source/file"
	"github.com/storyline-news/storyline/internal/source/warc"
)

// inputFormats are what --format (add) and --input-format (extract) say
// the standard input holds when its first bytes do not tell (source.Read
// tells JSONL, a WARC, a feed and a page apart by them).
var inputFormats = []string{"auto", "jsonl", "warc", "feed", "html", "text"}

func checkInputFormat(flagName, f string) error {
	if !slices.Contains(inputFormats, f) {
		return &UsageError{fmt.Sprintf("%s %q: use %s", flagName, f, strings.Join(inputFormats, ", "))}
	}
	return nil
}

// stdinIfPiped is the argument list of a command that reads inputs: the
// paths given, or "-" (the standard input) when none are and the standard
// input is not a terminal (a user at a prompt gets the usage error
// instead of a command waiting for them to type a page).
func stdinIfPiped(paths []string, stdin io.Reader) []string {
	if len(paths) > 0 {
		return paths
	}
	if f, ok := stdin.(*os.File); ok && isTerminalFile(f) {
		return nil
	}
	if stdin == nil {
		return nil
	}
	return []string{"-"}
}

// readInputs reads the inputs of paths as source.Read does, except that
// "-" is read as format says when it says (not "auto"). The outlet and
// address the user gave go to the inputs as source.Given says.
func readInputs(ctx context.Context, paths []string, format string, opt source.Options) iter.Seq2[news.Input, error] {
	if format == "" || format == "auto" || !slices.Contains(paths, "-") {
		return source.Read(ctx, paths, opt)
	}
	given := opt
	opt.Source, opt.URL = "", ""
	return source.Given(readFormatted(ctx, paths, format, opt), given.Source, given.URL)
}

// readFormatted is readInputs with "-" read as format says.
func readFormatted(ctx context.Context, paths []string, format string, opt source.Options) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for _, p := range paths {
			seq := source.Read(ctx, []string{p}, opt)
			if p == "-" {
				seq = stdinAs(ctx, format, opt)
			}
			for in, err := range seq {
				if !yield(in, err) {
					return
				}
			}
		}
	}
}

// stdinAs reads the standard input as the given format.
func stdinAs(ctx context.Context, format string, opt source.Options) iter.Seq2[news.Input, error] {
	const name = "stdin"
	return func(yield func(news.Input, error) bool) {
		if opt.Stdin == nil {
			yield(news.Input{}, &news.InputError{Name: name, Err: errors.New("no standard input to read")})
			return
		}
		br := bufio.NewReaderSize(opt.Stdin, 64<<10)
		switch format {
		case "jsonl":
			file.ReadJSONL(br, name, name, yield)
			return
		case "warc":
			for in, err := range warc.InputsFrom(name, br, opt.Skipped) {
				if !yield(in, err) {
					return
				}
			}
			return
		}
		body, err := io.ReadAll(io.LimitReader(br, news.MaxPageBytes+1))
		switch {
		case err != nil:
			yield(news.Input{}, &news.InputError{Name: name, Err: err})
			return
		case len(body) > news.MaxPageBytes:
			yield(news.Input{}, &news.InputError{Name: name, Err: fmt.Errorf("a page of more than %d bytes", news.MaxPageBytes)})
			return
		case len(bytes.TrimSpace(body)) == 0:
			yield(news.Input{}, &news.InputError{Name: name, Err: errors.New("empty")})
			return
		}
		if format == "feed" {
			for in, err := range feed.Inputs(ctx, name, body, feed.Options{Fetcher: opt.Fetcher, ForceText: opt.ForceText, Known: opt.Known}) {
				if !yield(in, err) {
					return
				}
			}
			return
		}
		kind := file.HTML
		if format == "text" {
			kind = file.Text
		}
		in := file.Page(name, body, kind, opt.ForceText)
		sum := sha256.Sum256(body) // as source names a page piped in: two different pages are two articles
		in.Page.ID = name + "-" + hex.EncodeToString(sum[:6])
		yield(in, nil)
	}
}
