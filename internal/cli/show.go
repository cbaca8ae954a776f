package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/view"
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
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	reader := read.New(st, read.Options{})
	d, err := reader.Story(ctx, rest[0])
	var merged *news.MergedError
	if errors.As(err, &merged) {
		fmt.Fprintf(e.stderr, "story %s was merged into %s; showing that story\n", merged.Story, merged.Into)
		d, err = reader.Story(ctx, merged.Into)
	}
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("no story %q (storyline stories lists them)", rest[0])
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, d)
	}
	printStory(terminalSafe(e.stdout), view.NewStory(d))
	return nil
}

// printStory writes the view of a story for reading in a terminal, in the
// order of the web page.
func printStory(w io.Writer, v view.Story) {
	fmt.Fprintf(w, "%s\n%s\n", v.Title, strings.Repeat("=", min(80, len([]rune(v.Title)))))
	fmt.Fprintf(w, "story %s, %d articles\n", v.ID, v.Count)
	if v.Updating {
		fmt.Fprintln(w, "(the comparison below is being updated: the story has grown since)")
	}
	fmt.Fprintf(w, "\nTimeline\n")
	for _, a := range v.Articles {
		if d := a.Development; d != nil {
			fmt.Fprintf(w, "  -- %s, %s%s\n", d.Day, articlesWord(d.Articles), newThatDay(d.New))
		}
		mark := ""
		if a.First {
			mark = "  (first report)"
		}
		by := ""
		if a.Byline != "" {
			by = " by " + a.Byline
		}
		title := ": " + oneLine(headline(a), 60)
		if a.Article.ShownOutlet() == news.UnknownOutlet && strings.HasPrefix(a.Outlet, a.Article.SourceLabel()) {
			title = "" // no outlet: its label is its headline already (news.Article.SourceLabel)
		}
		fmt.Fprintf(w, "  %-20s  %s%s%s%s\n", when(a.Published), withID(a.Outlet, a.ID), by, title, mark)
		for _, c := range a.AlsoIn {
			fmt.Fprintf(w, "  %-20s    also in %s (a near-identical copy)\n", when(c.Published), withID(c.Source, c.ID))
		}
	}
	if len(v.Facts) > 0 {
		fmt.Fprintf(w, "\nWhat the sources agree on\n")
		for _, f := range v.Facts {
			fmt.Fprintf(w, "  - %s\n    (%s)\n", f.Text, f.Sources)
			for _, o := range f.Wordings {
				fmt.Fprintf(w, "      %s: %s\n", o.Sources, o.Text)
			}
		}
	}
	if len(v.Conflicts) > 0 {
		fmt.Fprintf(w, "\nFigures that differ\n")
		for _, c := range v.Conflicts {
			fmt.Fprintf(w, "  - %s\n", c.About)
			for _, val := range c.Values {
				fmt.Fprintf(w, "      %s (%s)\n", val.Text, val.Sources)
				if val.Sentence != "" {
					fmt.Fprintf(w, "        %s\n", val.Sentence)
				}
			}
		}
	}
	if len(v.FigureChanges) > 0 {
		fmt.Fprintf(w, "\nFigures an outlet changed\n")
		for _, c := range v.FigureChanges {
			fmt.Fprintf(w, "  - %s\n      %s\n", c.Line(), c.About)
		}
	}
	for _, u := range v.Unique {
		if u.HasOwn() {
			fmt.Fprintf(w, "\nOnly in %s\n", withID(u.Source, u.ArticleID))
			for _, r := range append(u.Reported, u.ReportedMore...) {
				fmt.Fprintf(w, "  - %s (%s)\n", r.Text, r.Sources)
			}
			for _, s := range u.Sentences {
				fmt.Fprintf(w, "  - %s\n", s)
			}
			if len(u.More) > 0 {
				fmt.Fprintf(w, "  (%d more: show --json lists them all)\n", len(u.More))
			}
		}
		if len(u.Partly) > 0 {
			fmt.Fprintf(w, "\nIn %s, partly also in others\n", withID(u.Source, u.ArticleID))
			for _, p := range u.Partly {
				fmt.Fprintf(w, "  ~ %s (partly also in %s)\n", p.Text, p.AlsoIn)
			}
			if len(u.PartlyMore) > 0 {
				fmt.Fprintf(w, "  (%d more: show --json lists them all)\n", len(u.PartlyMore))
			}
		}
	}
	if len(v.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes\n")
		for _, q := range v.Quotes {
			fmt.Fprintf(w, "  - %s: \u201c%s\u201d (%s)\n", q.Speaker, q.Text, q.Sources)
		}
	}
	if len(v.People)+len(v.Places)+len(v.Orgs) > 0 {
		fmt.Fprintf(w, "\nPeople, places and organisations\n")
		for _, k := range []struct {
			label string
			names []string
		}{{"people:", v.People}, {"places:", v.Places}, {"orgs:", v.Orgs}} {
			if len(k.names) > 0 {
				fmt.Fprintf(w, "  %-7s %s\n", k.label, strings.Join(k.names, "; "))
			}
		}
	}
	if len(v.Derivations) > 0 {
		fmt.Fprintf(w, "\nWho rewrote whom\n")
		for _, dv := range v.Derivations {
			fmt.Fprintf(w, "  - %s %s %s (score %.2f)\n", withID(dv.To, dv.ToID), dv.Verb, withID(dv.From, dv.FromID), dv.Score)
			if dv.Passage != "" {
				fmt.Fprintf(w, "      copied: \u201c%s\u201d\n", oneLine(dv.Passage, 160))
			}
		}
	}
	fmt.Fprintf(w, "\nWhy each article is here\n")
	for _, a := range v.Articles {
		fmt.Fprintf(w, "  - %s: %s\n", a.ID, a.Why)
		for _, c := range a.AlsoIn {
			fmt.Fprintf(w, "  - %s: %s\n", c.ID, c.Why)
		}
	}
	if len(v.Changes) > 0 {
		fmt.Fprintf(w, "\nCorrections\n")
		for _, ch := range v.Changes {
			fmt.Fprintf(w, "  - %s %s; moved: %s (%s)\n", ch.At.Format("2006-01-02 15:04"), ch.What, ch.Articles, ch.Reason)
		}
	}
}

// when is a timeline's publication time as the terminal shows it: as
// the timeline gives it (news.ShowPublished: the day alone for a date
// without a time, RFC 3339 for a time, midnight too), "undated" when
// unknown.
func when(published string) string {
	if published == "" {
		return "undated"
	}
	return published
}

// newThatDay says what was new in a development, for the timeline.
func newThatDay(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return ": new that day: " + strings.Join(words, ", ")
}

// headline is what names an article in show's timeline, as on the story
// page: its title, else the start of its text (view.Article.Lead), so an
// article without a headline is not an empty line.
func headline(a view.Article) string {
	if a.Title != "" {
		return a.Title
	}
	return a.Lead
}

// withID is an article's label with its id in brackets, unless the label
// already ends with it (view labels two untimed articles of one outlet, or
// of no outlet with one headline, by id: “Strike ends” [a1]).
func withID(label, id string) string {
	if strings.HasSuffix(label, "["+id+"]") {
		return label
	}
	return label + " [" + id + "]"
}

// articlesWord counts articles in words: "1 article", "3 articles".
func articlesWord(n int) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}
