package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/internal/demo"
	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/store"
)

func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlags("demo", e)
	addr := fs.String("addr", defaultAddr, "address to listen on")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("demo takes no arguments, got %q", rest)}
	}
	dir, err := os.MkdirTemp("", "storyline-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := loadDemo(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	n, stories, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "demo corpus loaded: %d articles in %d stories (temporary database in %s)\n", n, stories, dir)
	return serve(ctx, e, st, *addr, "", false)
}

// loadDemo writes the bundled corpus into dir and ingests it into a new
// database there.
func loadDemo(ctx context.Context, dir string) (*store.Store, error) {
	corpus := filepath.Join(dir, "corpus")
	if err := demo.WriteTo(corpus); err != nil {
		return nil, fmt.Errorf("write demo corpus: %w", err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, err
	}
	sum, err := ingest.Run(ctx, st, []string{corpus}, ingest.Options{})
	if err == nil && len(sum.Failures) > 0 {
		err = fmt.Errorf("demo corpus: %s", sum.Failures[0])
	}
	if err == nil { // the corpus is small: every page of the demo is ready at once
		_, err = ingest.CompareAllStale(ctx, st)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}
