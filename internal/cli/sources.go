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
	out := terminalSafe(e.stdout)
	printSources(out, list)
	aliases, err := read.New(st, read.Options{}).OutletAliases(ctx)
	if err != nil {
		return err
	}
	printAliases(out, aliases)
	return nil
}

// printAliases lists the aliases the user gave (and the names kept apart)
// under the outlets' table, one a line: `alias fox -> foxnews`, or, for an
// alias of an outlet that is itself an alias, the outlet named and where
// it leads: `alias op -> ostwickpost -> marlowcourier`.
func printAliases(w io.Writer, aliases []news.OutletAlias) {
	for _, a := range aliases {
		switch {
		case a.KeptApart():
			fmt.Fprintf(w, "kept apart %s\n", oneLine(a.Name, 60))
		case a.Given && a.Named != a.Outlet:
			fmt.Fprintf(w, "alias %s -> %s -> %s\n", oneLine(a.Name, 60), oneLine(a.Named, maxKeyShown), oneLine(a.Outlet, maxKeyShown))
		case a.Given:
			fmt.Fprintf(w, "alias %s -> %s\n", oneLine(a.Name, 60), oneLine(a.Outlet, maxKeyShown))
		}
	}
}

// sourcesAliasCommand is `storyline sources alias`: a name filed under an
// outlet, or (--remove) parted from it.
func sourcesAliasCommand() command {
	return command{"sources alias", "[--db PATH] [--json] NAME OUTLET | --remove NAME",
		"file the articles of a name (a short code: fox, nyt) under an outlet, or part it again with --remove", runSourcesAlias,
		"NAME and OUTLET in any spelling (storyline sources shows the keys). The stored articles of NAME move to\nOUTLET, and those stored later go there too: lists, --source, exports, the API and the web pages find\nthem under either name. An alias of an outlet that is itself an alias goes where that one goes, and keeps the OUTLET\ngiven: removing the alias in the middle leaves it on OUTLET. An OUTLET no stored\narticle has is kept for the articles to come, and the stored outlets close to it are named on stderr.\n--remove NAME files NAME's articles under their own key again; removing a joining made by the \"The\"\nrule (thehill.com under \"The Hill\") keeps the two apart from then on.",
		"  storyline sources alias fox \"Fox News\"\n  storyline sources alias nyt nytimes.com\n  storyline sources alias --remove fox"}
}

// aliasResult is what `sources alias --json` prints.
type aliasResult struct {
	news.OutletAlias
	Removed bool `json:"removed"`
	Moved   int  `json:"articles_moved"`
}

// runSourcesAlias stores or removes an outlet alias and says how many
// stored articles moved.
func runSourcesAlias(ctx context.Context, e env, args []string) error {
	fs := newFlags("sources alias", e)
	db := dbFlag(fs)
	remove := fs.Bool("remove", false, "part NAME from the outlet it is filed under")
	asJSON := fs.Bool("json", false, `print JSON: {"alias","name","named","outlet","given","removed","articles_moved"}`)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if want := map[bool]int{false: 2, true: 1}[*remove]; len(rest) != want {
		if *remove {
			return &UsageError{fmt.Sprintf("sources alias --remove takes one NAME, got %q", rest)}
		}
		return &UsageError{fmt.Sprintf("sources alias takes NAME and OUTLET, got %q", rest)}
	}
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	var res aliasResult
	if *remove {
		res.OutletAlias, res.Moved, err = st.RemoveOutletAlias(ctx, rest[0])
		res.Removed = true
	} else {
		res.OutletAlias, res.Moved, err = st.SetOutletAlias(ctx, rest[0], rest[1])
	}
	if err != nil {
		return err
	}
	if !*remove {
		// An outlet of no stored article is most likely misspelt: the
		// alias is kept (for articles to come), and the close ones named.
		if err := sayUnknownOutlet(ctx, read.New(st, read.Options{}), rest[1], e.stderr); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	out := terminalSafe(e.stdout)
	switch {
	case res.Removed && !res.Given:
		fmt.Fprintf(out, "%s kept apart from %s (%s moved)\n", oneLine(rest[0], 60), res.Outlet, articles(res.Moved))
	case res.Removed:
		fmt.Fprintf(out, "%s no longer filed under %s (%s moved)\n", oneLine(rest[0], 60), res.Outlet, articles(res.Moved))
	case res.Named != res.Outlet:
		fmt.Fprintf(out, "%s filed under %s, through %s (%s moved)\n", oneLine(rest[0], 60), res.Outlet, res.Named, articles(res.Moved))
	default:
		fmt.Fprintf(out, "%s filed under %s (%s moved)\n", oneLine(rest[0], 60), res.Outlet, articles(res.Moved))
	}
	return nil
}

// maxKeyShown is the most runes of an outlet key the sources table shows
// (longer keys are cut with "…"): a key is the letters of a name, and a
// name that is a whole headline must not widen every row; --json gives it
// in full. 30 holds the longest key of the story files' outlets (26
// runes, "internationalbusinesstimes", among the 2,392 sources of
// shared/bench/stories; docs/measurements/engine.md, session 36 s36-orev).
const maxKeyShown = 30

// articles says "1 article" or "N articles".
func articles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}

// printSources writes the outlets' table, a long key cut to maxKeyShown.
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
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%s\t%s\n", s.Articles, s.Stories, s.SharedStories, s.FirstReports, s.Rewrites, oneLine(key, maxKeyShown), oneLine(s.Source, 60))
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
