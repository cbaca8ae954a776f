package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

func runStories(ctx context.Context, e env, args []string) error {
	fs := newFlags("stories", e)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	q := fs.String("q", "", "full-text query over the stories' articles")
	since := fs.String("since", "", "only stories published since: a duration back from now (24h, 7d), a day (2019-03-01) or RFC 3339 (a story with no date: stored since)")
	until := fs.String("until", "", "only stories published before the end of this day (2019-03-31) or before this RFC 3339 time")
	order := fs.String("order", "updated", "updated: most recently updated stories first (the order tools reading --json rely on); published: most recent news first, by publication time")
	source := fs.String("source", "", "only stories with an article from this outlet")
	limit := fs.Int("limit", 100, "at most this many stories (0: every story)")
	offset := fs.Int("offset", 0, "skip this many stories first (the next page)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("stories takes no arguments, got %q", rest)}
	}
	now := time.Now()
	from, to, err := publishedRange(*since, *until, now)
	if err != nil {
		return err
	}
	if *order != "published" && *order != "updated" {
		return &UsageError{fmt.Sprintf("--order %q: use published or updated", *order)}
	}
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if *limit < 0 || *offset < 0 {
		return &UsageError{"--limit and --offset must not be negative"}
	}
	query := news.StoryQuery{Q: *q, From: from, Until: to, Now: now, Source: *source, Offset: *offset, ByPublished: *order == "published"}
	reader := read.New(st, read.Options{})
	list, more, err := listStories(ctx, reader, query, *limit)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		if err := sayUnknownOutlet(ctx, reader, *source, e.stderr); err != nil {
			return err
		}
	}
	if *asJSON {
		err = writeJSON(e.stdout, list)
	} else {
		printStories(terminalSafe(e.stdout), list)
	}
	if more {
		total := -1
		count := query
		count.Limit = 1
		if p, err := reader.StoryPage(ctx, count); err == nil {
			total = p.Total
		}
		if says := nextPageSays(*offset+len(list), *limit, total); says != "" {
			fmt.Fprintln(e.stderr, says)
		}
	}
	return err
}

// nextPageSays tells where the next page of stories starts and how many it
// holds: a page of limit stories, or fewer when fewer remain of total
// (negative when the count could not be read, and then not given). It says
// nothing when the count, read after the page, leaves no story past it:
// stories merged between the page and its count ("for the next 0" would
// send the user to an empty page).
func nextPageSays(next, limit, total int) string {
	n := max(limit, 1)
	switch {
	case total < 0:
		return fmt.Sprintf("more stories: --offset %d for the next %d", next, n)
	case total <= next:
		return ""
	}
	return fmt.Sprintf("more stories: --offset %d for the next %d (%d in all)", next, min(n, total-next), total)
}

// storiesPage is how many stories one query asks for when the list is read
// page by page (--limit 0, or a limit beyond one page).
const storiesPage = 500

// listStories reads up to limit stories from the query's offset (every one
// when limit is 0), page by page, and says whether more remain: a list is
// never cut without a word.
func listStories(ctx context.Context, r *read.Reader, q news.StoryQuery, limit int) ([]news.StorySummary, bool, error) {
	var out []news.StorySummary
	for {
		want := storiesPage
		if limit > 0 {
			want = min(storiesPage, limit-len(out))
		}
		q.Limit = want + 1 // one more tells whether the list goes on
		page, err := r.Stories(ctx, q)
		if err != nil {
			return out, false, err
		}
		more := len(page) > want
		out = append(out, page[:min(len(page), want)]...)
		if !more {
			return out, false, nil
		}
		if limit > 0 && len(out) >= limit {
			return out, true, nil
		}
		q.Offset += want
		if q.Offset > read.MaxOffset {
			return out, true, nil // deeper pages are refused: the caller narrows the query
		}
	}
}

// parseDuration reads Go durations plus days ("7d").
func parseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if strings.HasSuffix(s, "d") {
		var days float64
		if _, err := fmt.Sscanf(strings.TrimSuffix(s, "d"), "%g", &days); err != nil || days < 0 {
			return 0, errors.New("not a duration: use for example 36h or 7d")
		}
		return time.Duration(days * 24 * float64(time.Hour)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, errors.New("not a duration: use for example 36h or 7d")
	}
	return d, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func printStories(w io.Writer, list []news.StorySummary) {
	if len(list) == 0 {
		fmt.Fprintln(w, "no stories")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tARTICLES\tFIRST\tSOURCES\tTITLE")
	for _, s := range list {
		first := s.FirstPublished
		if len(first) >= 10 {
			first = first[:10]
		}
		if first == "" {
			first = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.ID, s.Articles, first, oneLine(strings.Join(s.Sources, ", "), 40), oneLine(s.Title, 70))
	}
	tw.Flush()
}
