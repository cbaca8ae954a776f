package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/storyline-news/storyline/internal/demo"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
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
	// The address is taken first: a busy port fails at once, not after the
	// corpus is loaded.
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	dir, err := os.MkdirTemp("", "storyline-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, eng, err := loadDemo(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	defer eng.Close()
	n, stories, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "demo corpus loaded: %d articles in %d stories (temporary database in %s)\n", n, stories, dir)
	return serve(ctx, e, st, serveOptions{addr: *addr, engine: eng, listener: ln})
}

// loadDemo writes the bundled corpus into dir and ingests it into a new
// database there, whose writer it returns.
func loadDemo(ctx context.Context, dir string) (*sqlite.Store, *engine.Engine, error) {
	corpus := filepath.Join(dir, "corpus")
	if err := demo.WriteTo(corpus); err != nil {
		return nil, nil, fmt.Errorf("write demo corpus: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine.Start(ctx, st, engine.Options{Writer: news.WriterInfo{Command: "demo"}})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	sum, err := eng.Submit(ctx, source.Read(ctx, []string{corpus}, source.Options{}), nil)
	if err == nil && len(sum.Failures) > 0 {
		err = fmt.Errorf("demo corpus: %s", sum.Failures[0])
	}
	if err == nil { // the corpus is small: every page of the demo is ready at once
		_, err = engine.NewProjector(st, engine.ProjectorOptions{}).CompareAll(ctx)
	}
	if err != nil {
		eng.Close()
		st.Close()
		return nil, nil, err
	}
	return st, eng, nil
}
