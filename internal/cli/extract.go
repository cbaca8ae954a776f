package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	sources "github.com/storyline-news/storyline/internal/source" // the flag --source names the outlet
)

func runExtract(ctx context.Context, e env, args []string) error {
	fs := newFlags("extract", e)
	text := fs.Bool("text", false, "read every page as a plain-text dump")
	format := fs.String("format", "jsonl", "output: jsonl (an article per line) or benchmark ({\"<id>\": {\"articleBody\": ...}})")
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	given := addPageFlags(fs)
	inputFormat := fs.String("input-format", "auto", "what the standard input (-) holds: "+strings.Join(inputFormats, ", ")+" (auto: told by its first bytes)")
	comments := fs.Bool("comments", false, "add the readers' comment section that follows an HTML article to its text (by default comments are left out as far as the classifier tells them; a forum's replies are its content either way; no effect on text dumps, which have no markup to find the section by)")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkInputFormat("--input-format", *inputFormat); err != nil {
		return err
	}
	if err := notNegative("workers", *workers); err != nil {
		return err
	}
	if paths = stdinIfPiped(paths, e.stdin); len(paths) == 0 {
		return &UsageError{"extract needs at least one PATH, or - (or a pipe) for the standard input"}
	}
	if err := given.check(paths); err != nil {
		return err
	}
	if *format != "jsonl" && *format != "benchmark" {
		return &UsageError{fmt.Sprintf("--format %q: use jsonl or benchmark", *format)}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	bench := map[string]map[string]string{}
	failed := 0
	skipped := &news.SkippedCounter{}
	inputs := readInputs(ctx, paths, *inputFormat, sources.Options{ForceText: *text, Source: *given.source, URL: *given.url, Stdin: e.stdin, Skipped: skipped})
	if *comments {
		inputs = keepingComments(inputs)
	}
	dumps := 0 // text dumps read with --comments, which it leaves as they are
	err = engine.Extract(ctx, inputs, *workers, func(r engine.Result) error {
		if *comments && r.Input.Page != nil && r.Input.Page.Kind == news.KindText {
			dumps++
		}
		noContent := errors.Is(r.Err, extract.ErrNoContent)
		if r.Err != nil && !(noContent && *format == "benchmark") {
			failed++
			fmt.Fprintf(e.stderr, "failed: %s\n", describe(r))
			return nil
		}
		if *format == "benchmark" {
			id := r.Article.ID
			if id == "" && r.Input.Page != nil {
				id = r.Input.Page.ID
			}
			bench[id] = map[string]string{"articleBody": r.Article.Text}
			return nil
		}
		return enc.Encode(r.Article)
	})
	if err != nil {
		return err
	}
	if dumps > 0 {
		fmt.Fprintf(e.stderr, "extract: --comments added nothing to %d text dump(s): a dump has no markup to find a comment section by\n", dumps)
	}
	if line := news.SkippedLine(skipped.Counts()); line != "" {
		fmt.Fprintln(e.stderr, line) // stdout is the articles
	}
	printWarnings(terminalSafe(e.stderr), skipped.Warnings(), -1) // extract has no summary that names the rest
	if *format == "benchmark" {
		if err := enc.Encode(bench); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &PartialError{Failed: failed}
	}
	return nil
}

// describe names a failed input and the reason.
func describe(r engine.Result) string {
	var ie *news.InputError
	if errors.As(r.Err, &ie) {
		return ie.Error()
	}
	return r.Input.Name + ": " + r.Err.Error()
}

// keepingComments passes the inputs on with their pages asking for
// readers' comments to be kept (news.Page.KeepComments).
func keepingComments(inputs iter.Seq2[news.Input, error]) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for in, err := range inputs {
			if in.Page != nil {
				p := *in.Page
				p.KeepComments = true
				in.Page = &p
			}
			if !yield(in, err) {
				return
			}
		}
	}
}
