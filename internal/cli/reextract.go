package cli

import (
	"context"
	"fmt"

	"github.com/storyline-news/storyline/internal/ingest"
)

// runReextract extracts every stored raw input again with the current
// extractor and the site templates learned so far.
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
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingest.Reextract(ctx, st)
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "failed: %s\n", f)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d articles extracted again, %d stories compared again, %d failed\n", sum.Updated, sum.Stories, len(sum.Failures))
	if len(sum.Failures) > 0 {
		return &PartialError{Failed: len(sum.Failures)}
	}
	return nil
}
