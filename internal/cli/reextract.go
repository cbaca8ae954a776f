package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
)

// runReextract learns every site's template again from the stored pages,
// then extracts every stored raw input again with the current extractor
// and those templates, as the database's one
// writer (waiting for an add that writes; a server must be stopped first),
// and compares the stories concerned again.
func runReextract(ctx context.Context, e env, args []string) error {
	fs := newFlags("reextract", e)
	db := dbFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{"reextract takes no arguments"}
	}
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	to, err := acquireWriter(ctx, e, st, engine.Options{Logger: e.logger, Writer: news.WriterInfo{Command: "reextract"}}, false)
	if err != nil {
		return err
	}
	defer to.engine.Close()
	sum, err := to.engine.Reextract(ctx)
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "failed: %s\n", f)
	}
	for _, k := range sum.Kept {
		fmt.Fprintf(e.stderr, "kept: %s\n", k)
	}
	if err != nil {
		return err
	}
	compared, err := compareReextracted(ctx, e, st, sum.Updated)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d articles extracted again, %d kept as they were (no text found now), %d stories compared again, %d failed, %d site templates learned again\n",
		sum.Updated, len(sum.Kept), compared, len(sum.Failures), sum.Templates)
	if len(sum.Failures) > 0 {
		return &PartialError{Failed: len(sum.Failures)}
	}
	return nil
}

// compareReextracted compares the stories whose articles reextract
// extracted again (updated of them) and returns how many. Stopped by
// Ctrl-C, it is an InterruptedError saying what is kept and how the
// stories left get compared (exit status 130); it said "compare stories:
// ...: context canceled", status 1, and before a story's comparison took
// its context it went on to the end of the story it was comparing.
func compareReextracted(ctx context.Context, e env, st engine.Comparisons, updated int) (int, error) {
	compared, err := engine.NewProjector(st, engine.ProjectorOptions{Logger: e.logger}).CompareAll(ctx)
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return 0, &InterruptedError{Stored: updated, Reextracted: true}
	}
	if err != nil {
		return 0, fmt.Errorf("compare stories: %w", err)
	}
	return compared, nil
}
