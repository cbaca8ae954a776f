package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/read"
)

// exporter is the store port export reads through (both backends have it;
// storetest's Export conformance test holds them to it).
type exporter interface {
	ExportArticles(ctx context.Context, since, until time.Time, source string, fn func(news.Article, news.Membership) error) error
	ExportStories(ctx context.Context, since, until time.Time, source string, fn func(news.StorySummary) error) error
}

// exportWhat names the record kinds export writes.
var exportWhat = []string{"articles", "stories", "memberships", "duplicates", "comparisons"}

func runExport(ctx context.Context, e env, args []string) error {
	fs := newFlags("export", e)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "jsonl (one JSON object a line) or csv (a header line, then a row a record)")
	what := fs.String("what", "articles", "what to write: "+strings.Join(exportWhat, ", "))
	since := fs.String("since", "", "only articles published at or after this time: RFC 3339, a day (2024-03-01), or a duration back from now (36h, 7d); an article with no date is left out")
	until := fs.String("until", "", "only articles published before this time: RFC 3339, or a day (2024-03-31: up to its end)")
	source := fs.String("source", "", "only articles from this outlet (stories, comparisons: stories with one)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("export takes no arguments, got %q", rest)}
	}
	if *format != "jsonl" && *format != "csv" {
		return &UsageError{fmt.Sprintf("--format %q: use jsonl or csv", *format)}
	}
	write, ok := map[string]func(context.Context, exportRun) error{
		"articles": exportArticles, "stories": exportStories, "memberships": exportMemberships,
		"duplicates": exportDuplicates, "comparisons": exportComparisons,
	}[*what]
	if !ok {
		return &UsageError{fmt.Sprintf("--what %q: use %s", *what, strings.Join(exportWhat, ", "))}
	}
	now := time.Now()
	from, to, err := publishedRange(*since, *until, now)
	if err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	ex, ok := st.(exporter)
	if !ok {
		return fmt.Errorf("%s: this database cannot export", st.Path())
	}
	if err := sayUnknownOutlet(ctx, read.New(st, read.Options{}), *source, e.stderr); err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	run := exportRun{ex: ex, st: st, since: from, until: to, source: *source, w: newRecordWriter(out, *format)}
	if err := write(ctx, run); err != nil {
		return err
	}
	if err := run.w.flush(); err != nil {
		return err
	}
	return out.Flush()
}

// parseSince reads --since: RFC 3339, a day, or a duration back from now.
func parseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := parseInstant(s); err == nil {
		return t, nil
	}
	d, err := parseDuration(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a time: use RFC 3339 (2024-03-01T12:00:00Z), a day (2024-03-01) or a duration (36h, 7d)")
	}
	return now.Add(-d), nil
}

// publishedRange reads --since and --until into a range of publication
// times (zero ends open); a range that cannot hold anything is a usage
// error.
func publishedRange(since, until string, now time.Time) (from, to time.Time, err error) {
	if from, err = parseSince(since, now); err != nil {
		return from, to, &UsageError{fmt.Sprintf("--since %q: %v", since, err)}
	}
	if to, err = parseUntil(until); err != nil {
		return from, to, &UsageError{fmt.Sprintf("--until %q: %v", until, err)}
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return from, to, &UsageError{fmt.Sprintf("--since %s is not before --until %s: nothing could match", since, until)}
	}
	return from, to, nil
}

// parseUntil reads --until: RFC 3339, or a day, which includes the day.
func parseUntil(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.AddDate(0, 0, 1), nil
	}
	t, err := parseInstant(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a time: use RFC 3339 (2024-03-31T12:00:00Z) or a day (2024-03-31)")
	}
	return t, nil
}

func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

// exportRun is one export: the store, the filter and the writer.
type exportRun struct {
	ex           exporter
	st           database
	since, until time.Time
	source       string
	w            recordWriter
}

func (r exportRun) articles(ctx context.Context, fn func(news.Article, news.Membership) error) error {
	return r.ex.ExportArticles(ctx, r.since, r.until, r.source, fn)
}

// exportedArticle is an article as export writes it: DESIGN.md's article
// JSON and its story.
type exportedArticle struct {
	ID        string `json:"id"`
	Story     string `json:"story"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Lang      string `json:"lang"`
	Kind      string `json:"kind"` // the page kind; "" for articles stored before storyline kept it
	Text      string `json:"text"`
	// Capture is the web-archive record the article was read from (the
	// first found), absent for others (CSV: four columns, empty).
	Capture news.Capture `json:"capture,omitzero"`
	// Captures are every record it was found in, Capture first (CSV: the
	// last column, this list as JSON; empty when none).
	Captures []news.Capture `json:"captures,omitempty"`
}

func exportArticles(ctx context.Context, r exportRun) error {
	r.w.header("id", "story", "url", "source", "published", "title", "byline", "lang", "kind", "text", "capture_archive", "capture_record_id", "capture_target_uri", "capture_offset", "captures")
	return r.articles(ctx, func(a news.Article, m news.Membership) error {
		rec := exportedArticle{a.ID, m.StoryID, a.URL, a.Source, news.ShowPublished(a.Published, a.DateOnly), a.Title, a.Byline, a.Lang, a.Kind, a.Text, a.Capture, a.Captures()}
		all, err := capturesCell(rec.Captures)
		if err != nil {
			return err
		}
		return r.w.record(rec, rec.ID, rec.Story, rec.URL, rec.Source, rec.Published, rec.Title, rec.Byline, rec.Lang, rec.Kind, rec.Text,
			a.Capture.Archive, a.Capture.RecordID, a.Capture.TargetURI, captureOffset(a.Capture), all)
	})
}

// capturesCell is an article's captures as CSV writes them: the JSON
// array the article JSON's "captures" holds, "" when it has none.
func capturesCell(cs []news.Capture) (string, error) {
	if len(cs) == 0 {
		return "", nil
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cs); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// captureOffset is a capture's offset as CSV writes it: "" when not known
// or when the article was not read from an archive.
func captureOffset(c news.Capture) string {
	if c.Archive == "" || c.Offset < 0 {
		return ""
	}
	return strconv.FormatInt(c.Offset, 10)
}

func exportMemberships(ctx context.Context, r exportRun) error {
	r.w.header("article", "story", "score", "threshold", "duplicate_of", "shared_terms", "shared_names", "reason")
	return r.articles(ctx, func(_ news.Article, m news.Membership) error {
		return r.w.record(m, m.ArticleID, m.StoryID, num(m.Score), num(m.Threshold), m.DuplicateOf,
			strings.Join(m.SharedTerms, "; "), strings.Join(m.SharedNames, "; "), m.Reason)
	})
}

// exportedStory is a story as export writes it.
type exportedStory struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Summary        string   `json:"summary"`
	Articles       int      `json:"articles"`
	Sources        []string `json:"sources"`
	FirstPublished string   `json:"first_published"`
	LastPublished  string   `json:"last_published"`
	// TitleDerived says that no article of the story has a title: Title
	// is the start of its first report (news.LeadTitle).
	TitleDerived bool `json:"title_derived,omitempty"`
}

func exportStories(ctx context.Context, r exportRun) error {
	r.w.header("id", "title", "summary", "articles", "sources", "first_published", "last_published", "title_derived")
	outletNames, err := read.New(r.st, read.Options{}).OutletNames(ctx)
	if err != nil {
		return err
	}
	return r.ex.ExportStories(ctx, r.since, r.until, r.source, func(s news.StorySummary) error {
		rec := exportedStory{s.ID, s.Title, s.Summary, s.Articles, outletNames(s.Sources),
			news.ShowStoredPublished(s.FirstPublished), news.ShowStoredPublished(s.LastPublished), s.TitleDerived}
		return r.w.record(rec, rec.ID, rec.Title, rec.Summary, strconv.Itoa(rec.Articles), strings.Join(rec.Sources, "; "), rec.FirstPublished, rec.LastPublished, strconv.FormatBool(rec.TitleDerived))
	})
}

// duplicateGroup is a set of near-identical articles of one story: the
// earliest (Group) and the ones the clusterer found to duplicate it,
// directly or through another duplicate.
type duplicateGroup struct {
	Story    string   `json:"story"`
	Group    string   `json:"group"`
	Articles []string `json:"articles"`
}

// exportDuplicates writes each story's near-duplicate groups of two or
// more articles. Articles come story by story, so only one story's
// memberships are held at a time.
func exportDuplicates(ctx context.Context, r exportRun) error {
	r.w.header("story", "group", "size", "articles")
	var story string
	var members []news.Membership
	flush := func() error {
		for _, g := range duplicateGroups(story, members) {
			if err := r.w.record(g, g.Story, g.Group, strconv.Itoa(len(g.Articles)), strings.Join(g.Articles, "; ")); err != nil {
				return err
			}
		}
		members = members[:0]
		return nil
	}
	err := r.articles(ctx, func(_ news.Article, m news.Membership) error {
		if m.StoryID != story {
			if err := flush(); err != nil {
				return err
			}
			story = m.StoryID
		}
		members = append(members, m)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// duplicateGroups groups a story's articles by the first article of their
// chain of duplicate_of links (a link to an article outside the story ends
// the chain; a cycle is grouped under its least id); groups of one are left out. Groups and their
// articles keep the order the articles were stored in.
func duplicateGroups(story string, members []news.Membership) []duplicateGroup {
	of := map[string]string{}
	for _, m := range members {
		of[m.ArticleID] = m.DuplicateOf
	}
	root := func(id string) string {
		seen := map[string]bool{id: true}
		for {
			next, ok := of[id]
			if !ok || next == "" {
				return id
			}
			if seen[next] { // a cycle: its least id, the same from each member
				return slices.Min(slices.Collect(maps.Keys(seen)))
			}
			if _, in := of[next]; !in {
				return id
			}
			seen[next] = true
			id = next
		}
	}
	at := map[string]int{}
	var groups []duplicateGroup
	for _, m := range members {
		g := root(m.ArticleID)
		i, ok := at[g]
		if !ok {
			i = len(groups)
			at[g] = i
			groups = append(groups, duplicateGroup{Story: story, Group: g})
		}
		groups[i].Articles = append(groups[i].Articles, m.ArticleID)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Articles) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// exportedComparison is a story's comparison as export writes it.
type exportedComparison struct {
	Story string `json:"story"`
	Title string `json:"title"`
	news.Comparison
}

// exportComparisons writes each story's comparison: the stored one, or,
// for a story not compared since it last grew, one made in memory as show
// makes it (nothing is stored). In CSV, a row a claim: kind (fact: two or
// more outlets state it; outlet_fact: several reports of one outlet alone;
// wording, unique, partly, quote, entity, conflict, change, derivation), text,
// speaker or value (a "partly" row: the closest sentence of another
// article), and the articles (a "partly" row: its own article first, then
// those that nearly state it); a fact's rows are followed by one "wording" row
// per article (its own words, with the fact's text as the detail), and a
// conflict has a row per value with the sentence that gives it; a change
// (a figure one outlet changed between its versions) gives the conflict's
// sentence, "outlet: old -> new" and its two articles.
func exportComparisons(ctx context.Context, r exportRun) error {
	r.w.header("story", "kind", "text", "detail", "articles")
	reader := read.New(r.st, read.Options{})
	return r.ex.ExportStories(ctx, r.since, r.until, r.source, func(s news.StorySummary) error {
		d, err := reader.Story(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("compare story %s: %w", s.ID, err)
		}
		rec := exportedComparison{Story: s.ID, Title: d.Title, Comparison: d.Comparison}
		return r.w.records(rec, comparisonRows(s.ID, d.Comparison))
	})
}

func comparisonRows(story string, c news.Comparison) [][]string {
	var rows [][]string
	add := func(kind, text, detail string, articles []string) {
		rows = append(rows, []string{story, kind, text, detail, strings.Join(articles, "; ")})
	}
	for _, f := range c.Facts {
		add("fact", f.Text, "", f.Articles)
		for _, w := range f.Wordings {
			add("wording", w.Text, f.Text, []string{w.Article})
		}
	}
	for _, f := range c.OutletFacts {
		add("outlet_fact", f.Text, "", f.Articles)
		for _, w := range f.Wordings {
			add("wording", w.Text, f.Text, []string{w.Article})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Unique)) {
		for _, u := range c.Unique[id] {
			add("unique", u, "", []string{id})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.PartlyShared)) {
		for _, p := range c.PartlyShared[id] {
			add("partly", p.Text, p.Closest.Text, append([]string{id}, p.Articles...))
		}
	}
	for _, q := range c.Quotes {
		add("quote", q.Text, q.Speaker, q.Articles)
	}
	for _, en := range c.Entities {
		add("entity", en.Name, string(en.Kind), en.Articles)
	}
	for _, cf := range c.Conflicts {
		for _, v := range cf.Values {
			said := v.Sentence
			if said == "" {
				said = cf.About // stored before values carried their sentence
			}
			add("conflict", said, v.Value, v.Articles)
		}
	}
	for _, ch := range c.FigureChanges {
		add("change", ch.About, ch.Source+": "+ch.From.Value+" -> "+ch.To.Value, []string{ch.From.Article, ch.To.Article})
	}
	for _, dv := range c.Derivations {
		kind := dv.Kind
		if kind == "" {
			kind = "rewrite"
		}
		add("derivation", kind, num(dv.Score), []string{dv.From, dv.To})
	}
	return rows
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', 4, 64) }

// recordWriter writes records as JSON lines or CSV rows.
type recordWriter interface {
	header(cols ...string)
	record(v any, cols ...string) error
	records(v any, rows [][]string) error
	flush() error
}

func newRecordWriter(w io.Writer, format string) recordWriter {
	if format == "csv" {
		return &csvWriter{w: csv.NewWriter(w)}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return jsonlWriter{enc}
}

type jsonlWriter struct{ enc *json.Encoder }

func (jsonlWriter) header(...string)                    {}
func (j jsonlWriter) record(v any, _ ...string) error   { return j.enc.Encode(v) }
func (j jsonlWriter) records(v any, _ [][]string) error { return j.enc.Encode(v) }
func (jsonlWriter) flush() error                        { return nil }

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) header(cols ...string)              { c.w.Write(cols) }
func (c *csvWriter) record(_ any, cols ...string) error { return c.w.Write(cols) }
func (c *csvWriter) records(_ any, rows [][]string) error {
	for _, r := range rows {
		if err := c.w.Write(r); err != nil {
			return err
		}
	}
	return nil
}
func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}
