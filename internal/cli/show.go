package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/storyline-news/storyline/internal/ingest"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store"
)

func runShow(ctx context.Context, e env, args []string) error {
	fs := newFlags("show", e)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return &UsageError{"show needs exactly one STORY id"}
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := ingest.FreshStory(ctx, st, rest[0])
	var merged *store.MergedError
	if errors.As(err, &merged) {
		fmt.Fprintf(e.stderr, "story %s was merged into %s; showing that story\n", merged.Story, merged.Into)
		d, err = ingest.FreshStory(ctx, st, merged.Into)
	}
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no story %q (storyline stories lists them)", rest[0])
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	printStory(e.stdout, d)
	return nil
}

// printStory writes a story for reading in a terminal.
func printStory(w io.Writer, d news.StoryDetail) {
	byID := map[string]news.Article{}
	for _, a := range d.Articles {
		byID[a.ID] = a
	}
	label := func(id string) string {
		a := byID[id]
		if a.Source != "" {
			return a.Source
		}
		return id
	}
	labels := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = label(id)
		}
		return news.JoinSources(out)
	}
	fmt.Fprintf(w, "%s\n%s\n", d.Title, strings.Repeat("=", min(80, len([]rune(d.Title)))))
	fmt.Fprintf(w, "story %s, %d articles\n\nTimeline\n", d.ID, len(d.Articles))
	for _, t := range d.Timeline {
		a := byID[t.Article]
		when := t.Published
		if when == "" {
			when = "undated"
		}
		mark := ""
		if t.First {
			mark = "  (first report)"
		}
		by := ""
		if a.Byline != "" {
			by = " by " + a.Byline
		}
		fmt.Fprintf(w, "  %-20s  %s [%s]%s: %s%s\n", when, label(t.Article), t.Article, by, oneLine(a.Title, 60), mark)
	}
	if len(d.Facts) > 0 {
		fmt.Fprintf(w, "\nWhat the sources agree on\n")
		for _, f := range d.Facts {
			fmt.Fprintf(w, "  - %s\n    (%s)\n", f.Text, labels(f.Articles))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(d.Unique)) {
		if len(d.Unique[id]) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nOnly in %s [%s]\n", label(id), id)
		for _, s := range d.Unique[id] {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
	if len(d.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes\n")
		for _, q := range d.Quotes {
			who := q.Speaker
			if who == "" {
				who = "unattributed"
			}
			fmt.Fprintf(w, "  - %s: \u201c%s\u201d (%s)\n", who, q.Text, labels(q.Articles))
		}
	}
	if len(d.Entities) > 0 {
		fmt.Fprintf(w, "\nPeople, places and organisations\n")
		for _, kind := range []news.EntityKind{news.Person, news.Place, news.Org} {
			var names []string
			for _, en := range d.Entities {
				if en.Kind == kind {
					names = append(names, en.Name)
				}
			}
			if len(names) > 0 {
				fmt.Fprintf(w, "  %-7s %s\n", kind+":", strings.Join(names, "; "))
			}
		}
	}
	if len(d.Conflicts) > 0 {
		fmt.Fprintf(w, "\nFigures that differ\n")
		for _, c := range d.Conflicts {
			fmt.Fprintf(w, "  - %s\n", oneLine(c.About, 100))
			for _, v := range c.Values {
				fmt.Fprintf(w, "      %s (%s)\n", v.Value, labels(v.Articles))
			}
		}
	}
	if len(d.Derivations) > 0 {
		fmt.Fprintf(w, "\nWho rewrote whom\n")
		for _, dv := range d.Derivations {
			fmt.Fprintf(w, "  - %s [%s] %s %s [%s] (score %.2f)\n", label(dv.To), dv.To, verb(dv.Kind), label(dv.From), dv.From, dv.Score)
		}
	}
	if len(d.Memberships) > 0 {
		fmt.Fprintf(w, "\nWhy each article is here\n")
		for _, m := range d.Memberships {
			fmt.Fprintf(w, "  - %s: %s\n", m.ArticleID, m.Reason)
		}
	}
	if len(d.Changes) > 0 {
		fmt.Fprintf(w, "\nCorrections\n")
		for _, ch := range d.Changes {
			fmt.Fprintf(w, "  - %s %s; moved: %s (%s)\n", ch.At.Format("2006-01-02 15:04"), ch.Describe(d.ID), strings.Join(ch.Articles, ", "), ch.Reason)
		}
	}
}

func verb(kind string) string {
	if kind == "copy" {
		return "copies"
	}
	return "rewrites"
}
