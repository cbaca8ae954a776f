package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/file"
)

// runAnnotate runs `storyline annotate [FILE.jsonl]`: for each article of
// the JSONL (stdin when absent or "-"), one JSON line with its sentences,
// quotes, entities and quantities, in input order. Lines with html or
// raw_text are extracted first. Stateless: nothing is stored.
func runAnnotate(ctx context.Context, e env, args []string) error {
	fs := newFlags("annotate", e)
	workers := fs.Int("workers", runtime.NumCPU(), "articles annotated at once (output keeps the input order)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return &UsageError{"annotate takes at most one FILE"}
	}
	if rest = stdinIfPiped(rest, e.stdin); len(rest) == 0 {
		return &UsageError{"annotate needs a FILE.jsonl, or - (or a pipe) for the standard input"}
	}
	if *workers < 1 {
		return &UsageError{fmt.Sprintf("annotate --workers %d: need at least 1", *workers)}
	}
	var r io.Reader = e.stdin
	name := "stdin"
	if len(rest) == 1 && rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, rest[0]
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	failed := 0
	// Each article is annotated by a worker into its own slot; the slots
	// are printed in input order as they fill.
	slots := make(chan chan []byte, 2*(*workers))
	sem := make(chan struct{}, *workers)
	printed := make(chan error, 1)
	go func() {
		var werr error
		for slot := range slots {
			if line := <-slot; line != nil && werr == nil {
				_, werr = out.Write(line)
			}
		}
		printed <- werr
	}()
	file.ReadJSONL(r, name, "line", func(in news.Input, err error) bool {
		if err == nil && in.Page != nil {
			var a news.Article
			a, err = extract.Extract(*in.Page)
			if errors.Is(err, extract.ErrNoContent) {
				err = nil // an empty article is annotated as empty
			}
			in.Article = &a
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "failed: %v\n", err)
			return ctx.Err() == nil
		}
		slot := make(chan []byte, 1)
		slots <- slot
		sem <- struct{}{}
		go func(a news.Article) {
			defer func() { <-sem }()
			line, err := json.Marshal(compare.Annotate(a))
			if err != nil {
				slot <- nil
				return
			}
			slot <- append(line, '\n')
		}(*in.Article)
		return ctx.Err() == nil
	})
	close(slots)
	if err := <-printed; err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		return &PartialError{Failed: failed}
	}
	return nil
}
