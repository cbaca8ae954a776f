package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
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
	arts, failed, err := readArticles(ctx, e, rest)
	if err != nil {
		return err
	}
	// Assignments are printed once the stream is clustered and settled, so
	// that they include the late corrections (merges and splits) made after
	// them.
	cl := cluster.New(cluster.Options{Window: *window, Threshold: *threshold})
	cluster.SortForStream(arts, func(a news.Article) time.Time { return a.Published })
	story := make(map[string]string, len(arts))
	for _, a := range arts {
		story[a.ID] = cl.Add(a).StoryID
		cluster.ApplyChanges(story, cl.TakeChanges())
	}
	cl.Settle()
	cluster.ApplyChanges(story, cl.TakeChanges())
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
	if len(args) == 1 {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, 0, err
		}
		defer f.Close()
		r, name = f, args[0]
	}
	var arts []news.Article
	failed := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLineBytes)
	for n := 1; sc.Scan() && ctx.Err() == nil; n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		a, err := articleOfLine(line, fmt.Sprintf("line-%d", n))
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "failed: %s:%d: %v\n", name, n, err)
			continue
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return arts, failed, fmt.Errorf("read %s: %w", name, err)
	}
	return arts, failed, ctx.Err()
}

// maxLineBytes bounds one JSONL line: a page of HTML with its scripts can be
// several megabytes, a line beyond 64 MB is not a page.
const maxLineBytes = 64 << 20

// articleRecord is a line of article JSONL (DESIGN.md's article JSON, or a
// page in html or raw_text to extract).
type articleRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	RawText   string `json:"raw_text"`
}

// articleOfLine reads one JSONL line into an article, extracting a page
// first. A record with neither text nor a page is an article of its title
// (possibly empty): it still takes its place in the stream.
func articleOfLine(line []byte, fallbackID string) (news.Article, error) {
	var rec articleRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return news.Article{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if rec.ID == "" {
		rec.ID = fallbackID
	}
	published := rec.Published
	if published == "" {
		published = rec.Date
	}
	t, ok := news.ParsePublished(published)
	if !ok {
		return news.Article{}, fmt.Errorf("published %q is neither RFC 3339 nor YYYY-MM-DD", published)
	}
	page := func(kind news.PageKind, body string) (news.Article, error) {
		a, err := extract.Extract(news.Page{ID: rec.ID, URL: rec.URL, Kind: kind, Body: []byte(body), Published: t})
		if errors.Is(err, extract.ErrNoContent) {
			err = nil // an empty article still takes its place in the stream
		}
		return a, err
	}
	switch {
	case rec.HTML != "":
		return page(news.KindHTML, rec.HTML)
	case rec.RawText != "":
		return page(news.KindText, rec.RawText)
	}
	return news.Article{ID: rec.ID, URL: rec.URL, Source: rec.Source, Published: t, Title: rec.Title,
		Byline: rec.Byline, Lang: rec.Lang, Text: rec.Text}, nil
}
