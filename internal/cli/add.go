package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
)

func runAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("add", e)
	db := dbFlag(fs)
	text := fs.Bool("text", false, "read every page as a plain-text dump")
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	batch := fs.Int("batch", 0, "articles stored per transaction (default 200)")
	compare := fs.Bool("compare", false, "compare every changed story before returning (by default a story is compared when it is first read, or by serve in the background)")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return &UsageError{"add needs at least one PATH or URL"}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newProgressBar(e.stderr)
	sum, err := ingest.Run(ctx, st, paths, ingest.Options{
		Workers:   *workers,
		BatchSize: *batch,
		Sources:   ingest.SourceOptions{ForceText: *text},
		Progress:  bar.update,
		Logger:    e.logger,
	})
	bar.finish()
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "failed: %s\n", f)
	}
	fmt.Fprintln(e.stdout, sum)
	if err != nil {
		return err
	}
	if *compare {
		n, err := ingest.CompareAllStale(ctx, st)
		if err != nil {
			return fmt.Errorf("compare stories: %w", err)
		}
		fmt.Fprintf(e.stdout, "%d stories compared\n", n)
	}
	if len(sum.Failures) > 0 {
		return &PartialError{Failed: len(sum.Failures)}
	}
	return nil
}

func openStore(ctx context.Context, flagValue string, e env) (*store.Store, error) {
	path, err := databasePath(flagValue, e.getenv)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, path)
}

// progressBar draws the counts of a run on one terminal line, at most ten
// times a second; it draws nothing when stderr is not a terminal.
type progressBar struct {
	w    io.Writer
	on   bool
	last time.Time
	drew bool
}

func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	return &progressBar{w: w, on: ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progressBar) update(s ingest.Summary) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	spin := `|/-\`[s.Read%4]
	width := 24
	filled := s.Stored * width / max(1, s.Read)
	fmt.Fprintf(p.w, "\r%c [%s%s] %d read, %d stored, %d already stored, %d failed ",
		spin, strings.Repeat("#", filled), strings.Repeat(".", width-filled), s.Read, s.Stored, s.AlreadyStored, len(s.Failures))
	p.drew = true
}

func (p *progressBar) finish() {
	if p.drew {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
