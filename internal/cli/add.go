package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/queue/natsqueue"
	"github.com/storyline-news/storyline/internal/read"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/source/web"
)

func runAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags("add", e)
	db := dbFlag(fs)
	text := fs.Bool("text", false, "read every page as a plain-text dump")
	given := addPageFlags(fs)
	workers := fs.Int("workers", 0, "extraction workers (default: one per CPU)")
	batch := fs.Int("batch", 0, "articles stored per transaction (default 200)")
	fetchDelay := fs.Duration("fetch-delay", time.Second, "pause between two requests to one host when fetching URLs and feeds")
	qflag := queueFlag(fs)
	asJSON := fs.Bool("json", false, "print the run's summary as one JSON object (counts, failures, and each stored article's story)")
	format := fs.String("format", "auto", "what the standard input (-) holds: "+strings.Join(inputFormats, ", ")+" (auto: told by its first bytes)")
	compare := fs.Bool("compare", false, "compare every changed story before returning (by default a story is compared by serve in the background, or in memory when read)")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkInputFormat("--format", *format); err != nil {
		return err
	}
	if err := errors.Join(notNegative("workers", *workers), notNegative("batch", *batch)); err != nil {
		return err
	}
	if paths = stdinIfPiped(paths, e.stdin); len(paths) == 0 {
		return &UsageError{"add needs at least one PATH or URL, or - (or a pipe) for the standard input"}
	}
	if err := given.check(paths); err != nil {
		return err
	}
	if *fetchDelay <= 0 {
		return &UsageError{"--fetch-delay must be positive: storyline paces its requests to a host"}
	}
	qurl, err := queueURL(*qflag, e.getenv)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db, e)
	if err != nil {
		return err
	}
	defer st.Close()
	reader := read.New(st, read.Options{})
	fetcher := &web.Fetcher{Delay: *fetchDelay}
	skipped := &news.SkippedCounter{}
	inputs := readInputs(ctx, paths, *format, source.Options{ForceText: *text, Source: *given.source, URL: *given.url, Fetcher: fetcher, Stdin: e.stdin, Known: func(ctx context.Context, u string) bool {
		return reader.Known(ctx, u, web.CanonicalURL(u))
	}, HandOn: qurl != "", Skipped: skipped})
	if qurl != "" {
		q, err := openQueue(ctx, qurl, "storyline add", 0, e)
		if err != nil {
			return err
		}
		defer q.Close()
		// The URLs add fetches share the hosts' pace with the workers.
		if fetcher.Pace, err = q.HostPacer(ctx); err != nil {
			return err
		}
		return queueInputs(ctx, e, q, inputs, skipped, *asJSON)
	}
	// One writer per database: this process's engine, or the server that
	// holds the database (the run goes through it), or, while another add
	// writes, this one after it.
	to, err := acquireWriter(ctx, e, st, engine.Options{Workers: *workers, BatchSize: *batch, Logger: e.logger,
		Writer: news.WriterInfo{Command: "add"}}, true)
	if err != nil {
		return err
	}
	if to.engine != nil {
		defer to.engine.Close()
	}
	bar := newProgressBar(e.stderr, paths, !*asJSON && isTerminal(e.stderr))
	sum, err := to.submit(ctx, inputs, bar.update)
	bar.finish()
	sum.Skipped, sum.Warnings = skipped.Counts(), skipped.Warnings()
	for _, f := range sum.Failures {
		fmt.Fprintf(terminalSafe(e.stderr), "failed: %s\n", f)
	}
	if !*asJSON {
		printStoredBefore(terminalSafe(e.stderr), sum.StoredBefore)
		printInterrupted(terminalSafe(e.stderr), sum.Interrupted)
		printWarnings(terminalSafe(e.stderr), sum.Warnings, storedBeforeShown)
	}
	if *asJSON {
		if werr := plainJSON(e.stdout).Encode(summaryJSON(sum)); werr != nil && err == nil {
			err = werr
		}
	} else {
		fmt.Fprintln(e.stdout, sum)
	}
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return &InterruptedError{Stored: sum.Stored, NotRead: len(sum.Interrupted)}
	}
	if err != nil {
		return err
	}
	if *compare {
		if to.engine == nil {
			fmt.Fprintln(e.stdout, "the server compares the changed stories in the background")
		} else if err := compareChanged(ctx, e, st, sum.Stored); err != nil {
			return err
		}
	}
	if len(sum.Failures) > 0 {
		return &PartialError{Failed: len(sum.Failures)}
	}
	return nil
}

// compareChanged compares the stories left to compare (add --compare)
// and says how many. Stopped by Ctrl-C, it is an InterruptedError saying
// that what add stored, stored articles, is kept and the stories left are
// compared later; it said "compare stories: ...: context canceled" and
// exited 1.
func compareChanged(ctx context.Context, e env, st engine.Comparisons, stored int) error {
	n, err := engine.NewProjector(st, engine.ProjectorOptions{Logger: e.logger}).CompareAll(ctx)
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return &InterruptedError{Stored: stored, Comparing: true}
	}
	if err != nil {
		return fmt.Errorf("compare stories: %w", err)
	}
	fmt.Fprintf(e.stdout, "%d stories compared\n", n)
	return nil
}

// InterruptedError is the error of an add stopped by Ctrl-C or SIGTERM:
// what it stored is kept, the inputs it had read but not stored are not,
// and the same add run again finishes the work (it said "context
// canceled"). Its exit status is ExitInterrupted.
type InterruptedError struct {
	Stored  int // articles stored before it stopped
	NotRead int // inputs begun and cut off (named on stderr, or in --json's "interrupted")
	// Comparing says it stopped after storing every input, while comparing
	// the changed stories (--compare).
	Comparing bool
	// Reextracted says it is reextract's, stopped while comparing the
	// stories of the Stored articles it extracted again.
	Reextracted bool
}

func (e *InterruptedError) Error() string {
	if e.Reextracted {
		return fmt.Sprintf("interrupted while comparing the stories concerned: the %d articles extracted again are kept, and so are the comparisons finished; the stories left are compared by serve in the background, by add --compare, or when they are read", e.Stored)
	}
	if e.Comparing {
		return fmt.Sprintf("interrupted while comparing the changed stories: the %d articles stored are kept, and so are the comparisons finished; the stories left are compared by the same add --compare run again, by serve in the background, or when they are read", e.Stored)
	}
	cut := ""
	if e.NotRead > 0 {
		cut = fmt.Sprintf("; %d begun and cut off are named above as not read", e.NotRead)
	}
	return fmt.Sprintf("interrupted: %d articles stored before it stopped are kept; inputs read but not yet stored were not (the counts above say how far it got%s): run the same add again to finish, as what is stored is found and passed over", e.Stored, cut)
}

// ExitInterrupted is the exit status of a command stopped by Ctrl-C or
// SIGTERM, as shells give a command killed by SIGINT (128+2): a script
// tells an interrupted add from one whose inputs failed (1).
const ExitInterrupted = 130

// printInterrupted names the inputs a stopped add had begun and not
// finished, up to storedBeforeShown.
func printInterrupted(w io.Writer, names []string) {
	printFirst(w, "not read (interrupted)", names, storedBeforeShown)
}

// storedBeforeShown is how many inputs found stored before `add` names one
// a line: enough for the few a user re-adds by mistake; a whole folder
// added again is told by its count, and --json names them all.
const storedBeforeShown = 10

// printStoredBefore names the inputs found stored before, up to
// storedBeforeShown.
func printStoredBefore(w io.Writer, inputs []news.StoredBefore) {
	printFirst(w, "already stored", inputs, storedBeforeShown)
}

// printWarnings prints what is wrong in the archives read that lost no
// record (a record id used twice), up to shown of them (all when shown
// is negative: extract, which has no --json summary naming the rest).
func printWarnings(w io.Writer, warnings []string, shown int) {
	printFirst(w, "warning", warnings, shown)
}

// printFirst prints each of items on a line after label, the first shown
// of them (all when shown is negative), then how many more `add --json`
// names.
func printFirst[T any](w io.Writer, label string, items []T, shown int) {
	for i, item := range items {
		if i == shown {
			fmt.Fprintf(w, "%s: %d more (add --json names them all)\n", label, len(items)-i)
			return
		}
		fmt.Fprintf(w, "%s: %v\n", label, item)
	}
}

// addSummary is `add --json`'s summary of a run.
type addSummary struct {
	Read           int               `json:"read"`
	Stored         int               `json:"stored"`
	AlreadyStored  int               `json:"already_stored"`
	OutletsSet     int               `json:"outlets_set"` // of those, articles given the outlet --source names now
	StoriesNew     int               `json:"stories_new"`
	StoriesUpdated int               `json:"stories_updated"`
	StoriesMerged  int               `json:"stories_merged"`
	ArticlesSplit  int               `json:"articles_split"`
	ArticlesMoved  int               `json:"articles_moved"`
	Failed         []failedInput     `json:"failed"`
	Added          []news.Membership `json:"added"`
	// StoredBefore names the inputs counted in AlreadyStored.
	StoredBefore []news.StoredBefore `json:"stored_before"`
	// Skipped counts the web-archive records that hold no page, by reason
	// (not_html, http_status, damaged, duplicate, empty, too_large).
	Skipped map[string]int `json:"skipped"`
	// Interrupted names the inputs a stopped add begun and did not finish.
	Interrupted []string `json:"interrupted"`
	// Warnings name what is wrong in the archives read that lost no
	// record: a record id used by two records of one archive.
	Warnings []string `json:"warnings"`
}

// queuedSummary is `add --json --queue`'s summary: the inputs handed to the
// workers (stored by them later) and those that failed before.
type queuedSummary struct {
	Queued   int            `json:"queued"`
	Failed   []failedInput  `json:"failed"`
	Skipped  map[string]int `json:"skipped"`  // as addSummary's
	Warnings []string       `json:"warnings"` // as addSummary's
}

// failedInput names an input that failed and why.
type failedInput struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

func summaryJSON(s news.RunSummary) addSummary {
	out := addSummary{Read: s.Read, Stored: s.Stored, AlreadyStored: s.AlreadyStored, OutletsSet: s.OutletsSet, StoriesNew: s.StoriesNew,
		StoriesUpdated: s.StoriesUpdated, StoriesMerged: s.StoriesMerged, ArticlesSplit: s.ArticlesSplit, ArticlesMoved: s.ArticlesMoved,
		Failed: []failedInput{}, Added: s.Added, StoredBefore: s.StoredBefore, Skipped: s.Skipped, Interrupted: s.Interrupted, Warnings: s.Warnings}
	if out.Warnings == nil {
		out.Warnings = []string{}
	}
	if out.Skipped == nil {
		out.Skipped = map[string]int{}
	}
	if out.Interrupted == nil {
		out.Interrupted = []string{}
	}
	if out.Added == nil {
		out.Added = []news.Membership{}
	}
	if out.StoredBefore == nil {
		out.StoredBefore = []news.StoredBefore{}
	}
	for _, f := range s.Failures {
		out.Failed = append(out.Failed, failedInput{Input: f.Name, Error: f.Err.Error()})
	}
	return out
}

// queueInputs is add with a queue: the inputs go to the workers, which
// extract them (fetching the feeds' items) and publish them to the writer;
// add returns once they are queued (durably: the queue has them).
func queueInputs(ctx context.Context, e env, q *natsqueue.Queue, inputs iter.Seq2[news.Input, error], skipped *news.SkippedCounter, asJSON bool) error {
	sum, err := q.Hand(ctx, inputs)
	if err != nil {
		return err
	}
	skips, warnings := skipped.Counts(), skipped.Warnings()
	for _, f := range sum.Failures {
		fmt.Fprintf(terminalSafe(e.stderr), "failed: %s\n", f)
	}
	if asJSON {
		out := queuedSummary{Queued: sum.Queued, Failed: []failedInput{}, Skipped: map[string]int{}, Warnings: append([]string{}, warnings...)}
		maps.Copy(out.Skipped, skips)
		for _, f := range sum.Failures {
			out.Failed = append(out.Failed, failedInput{Input: f.Name, Error: f.Err.Error()})
		}
		if err := plainJSON(e.stdout).Encode(out); err != nil {
			return err
		}
	} else {
		printWarnings(terminalSafe(e.stderr), warnings, storedBeforeShown)
		line := fmt.Sprintf("%s queued for the workers, %d failed", news.Count(sum.Queued, "input", "inputs"), len(sum.Failures))
		if s := news.SkippedLine(skips); s != "" {
			line += "; " + s
		}
		fmt.Fprintln(e.stdout, line)
	}
	if len(sum.Failures) > 0 {
		return &PartialError{Failed: len(sum.Failures)}
	}
	return nil
}

// plainJSON is an encoder to w that leaves <, > and & as they are, as
// extract, export and show write them: an input named by its address
// ("crawl.warc.gz#https://example.org/a?b=1&c=2") reads as it was given.
func plainJSON(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
