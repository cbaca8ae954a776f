package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

// runSources lists the stored outlets as /api/v1/sources does: each under
// its most used spelling with its key (what --source and /sources/{key}
// take), articles, stories, stories other outlets reported too, first
// reports and rewrites; most articles first.
func runSources(ctx context.Context, e env, args []string) error {
	fs := newFlags("sources", e)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON: the array /api/v1/sources gives")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("sources takes no arguments, got %q", rest)}
	}
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := read.New(st, read.Options{}).Sources(ctx)
	if err != nil {
		return err
	}
	if list == nil {
		list = []news.SourceSummary{}
	}
	if *asJSON {
		return writeJSON(e.stdout, list)
	}
	printSources(terminalSafe(e.stdout), list)
	return nil
}

func printSources(w io.Writer, list []news.SourceSummary) {
	if len(list) == 0 {
		fmt.Fprintln(w, "no outlets")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLES\tSTORIES\tSHARED\tFIRST\tREWRITES\tKEY\tSOURCE")
	for _, s := range list {
		key := s.Key
		if key == "" {
			key = "-"
		}
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%s\t%s\n", s.Articles, s.Stories, s.SharedStories, s.FirstReports, s.Rewrites, key, oneLine(s.Source, 60))
	}
	tw.Flush()
}

// sayUnknownOutlet writes to w, when an outlet filter (--source) names no
// stored outlet in any spelling, that it does and which stored outlets are
// close to it (read.Reader.UnknownOutlet): a filter that finds nothing for
// a misspelt outlet is told apart from one that finds no story.
func sayUnknownOutlet(ctx context.Context, r *read.Reader, source string, w io.Writer) error {
	if source == "" {
		return nil
	}
	unknown, close, err := r.UnknownOutlet(ctx, source)
	if err != nil || !unknown {
		return err
	}
	fmt.Fprintln(w, unknownOutletMessage(source, close))
	return nil
}

// unknownOutletMessage is what a filter by an outlet that is not stored
// says: news.UnknownOutletMessage and where to see the outlets.
func unknownOutletMessage(source string, close []news.SourceCount) string {
	return news.UnknownOutletMessage(source, close) + " (storyline sources lists the outlets)"
}
