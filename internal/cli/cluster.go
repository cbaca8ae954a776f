package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/source/file"
)

func runCluster(ctx context.Context, e env, args []string) error {
	fs := newFlags("cluster", e)
	window := fs.Duration("window", 0, "how long a story stays open after its latest article at the least (default 168h; it grows with the story's span)")
	threshold := fs.Float64("threshold", 0, "join probability needed to join a story (default: the join model's)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return &UsageError{"cluster takes at most one FILE"}
	}
	if rest = stdinIfPiped(rest, e.stdin); len(rest) == 0 {
		return &UsageError{"cluster needs a FILE.jsonl, or - (or a pipe) for the standard input"}
	}
	arts, failed, err := readArticles(ctx, e, rest)
	if err != nil {
		return err
	}
	// The input (a file, or standard input) is read whole: an archive, not a
	// live stream. It is put in date order first (when every article is
	// dated), as a live stream would have brought it, so that the stories
	// do not depend on how the file happens to be ordered.
	cluster.SortForStream(arts, func(a news.Article) time.Time { return a.Published })
	// The stream goes through the engine's stream driver, as add's does.
	// Assignments are printed once it is clustered and settled, so that they
	// include the late corrections (merges and splits) made after them.
	arts, story := engine.ClusterStream(cluster.New(cluster.Options{Window: *window, Threshold: *threshold}), arts, engine.DefaultWindow, nil)
	enc := json.NewEncoder(e.stdout)
	for _, a := range arts {
		if err := enc.Encode(map[string]string{"id": a.ID, "story": story[a.ID]}); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &PartialError{Failed: failed}
	}
	return nil
}

// readArticles reads article JSONL from the file named in args, or stdin,
// extracting lines that carry html or raw_text. A line with a title and no
// text (a feed item) is an article too, clustered on its title. Bad lines
// are named on stderr and counted.
func readArticles(ctx context.Context, e env, args []string) ([]news.Article, int, error) {
	var r io.Reader = e.stdin
	name := "stdin"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, 0, err
		}
		defer f.Close()
		r, name = f, args[0]
	}
	var arts []news.Article
	failed := 0
	file.ReadJSONL(r, name, "line", func(in news.Input, err error) bool {
		if err == nil && in.Page != nil {
			var a news.Article
			a, err = extract.Extract(*in.Page)
			if errors.Is(err, extract.ErrNoContent) {
				err = nil // an empty article still takes its place in the stream
			}
			in.Article = &a
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "failed: %v\n", err)
			return ctx.Err() == nil
		}
		arts = append(arts, *in.Article)
		return ctx.Err() == nil
	})
	return arts, failed, ctx.Err()
}
