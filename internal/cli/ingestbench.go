package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/source"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// evalIngest measures the pipeline against the extractor alone: the HTML
// pages of the given set folders (html/*.html.gz), each written copies times
// with a marker paragraph so that every copy is a new page, are ingested into
// a fresh database, then only extracted, both on all cores, --runs times in
// turn. It prints pages/s for each run, the medians and the median ratio, the
// process's peak memory, and how long comparing the stories add changed takes
// after it (what add --compare adds; by default a story is compared when
// first read). Copies that
// keep their page's canonical URL, or extract to the same text, are stored
// once, as any duplicate is; the summary line says how many.
func evalIngest(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval ingest", e)
	copies := fs.Int("copies", 1, "write each page this many times (distinct) to reach a larger run")
	stories := fs.String("stories", "", "comma-separated labelled article files (JSONL): dress each article in a set page's chrome instead of using the pages' own articles")
	limit := fs.Int("pages", 0, "with --stories, write at most this many pages (0: all)")
	keep := fs.String("keep", "", "write the pages into this folder and keep them, to run add on them by hand")
	workers := fs.Int("workers", runtime.NumCPU(), "extraction workers")
	runs := fs.Int("runs", 3, "time add and extraction alone this many times, in turn, and report medians (the machine may be shared)")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 || *copies < 1 || *runs < 1 {
		return &UsageError{"eval ingest needs set folders (with html/), --copies and --runs of 1 or more"}
	}
	tmp, err := os.MkdirTemp("", "storyline-ingest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	pages := filepath.Join(tmp, "pages")
	if *keep != "" {
		pages = *keep
	}
	var n int
	if *stories != "" {
		n, err = writeDressed(dirs, strings.Split(*stories, ","), pages, *limit)
	} else {
		n, err = writeCopies(dirs, pages, *copies)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d pages written\n", n)

	opt := engine.Options{Workers: *workers}
	var addRates, extractRates, ratios []float64
	for run := 1; run <= *runs; run++ {
		addRate, err := timeAdd(ctx, e, filepath.Join(tmp, fmt.Sprintf("ingest-%d.db", run)), pages, opt, run == *runs)
		if err != nil {
			return err
		}
		start := time.Now()
		extracted := 0
		if err := engine.Extract(ctx, source.Read(ctx, []string{pages}, source.Options{}), *workers, func(engine.Result) error { extracted++; return nil }); err != nil {
			return err
		}
		extractRate := float64(extracted) / time.Since(start).Seconds()
		fmt.Fprintf(e.stdout, "run %d: add %.0f pages/s, extraction alone %.0f pages/s on %d workers: %.0f%%\n", run, addRate, extractRate, *workers, 100*addRate/extractRate)
		addRates, extractRates, ratios = append(addRates, addRate), append(extractRates, extractRate), append(ratios, addRate/extractRate)
	}
	fmt.Fprintf(e.stdout, "medians of %d runs: add %.0f pages/s, extraction alone %.0f pages/s; add runs at %.0f%% of the extractor's speed; peak memory %s\n",
		*runs, median(addRates), median(extractRates), 100*median(ratios), peakMemory())
	e.report("medians", map[string]any{"runs": *runs, "pages": n, "add_pages_per_s": addRates, "extract_pages_per_s": extractRates,
		"median_add_pages_per_s": median(addRates), "median_extract_pages_per_s": median(extractRates), "median_add_share": median(ratios)})
	return nil
}

// timeAdd ingests pages into a new database at path and returns pages/s;
// after the last run it also times comparing every story the run changed.
func timeAdd(ctx context.Context, e env, path, pages string, opt engine.Options, last bool) (float64, error) {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer os.Remove(path)
	defer st.Close()
	start := time.Now()
	eng, err := engine.Start(ctx, st, opt)
	if err != nil {
		return 0, err
	}
	sum, err := eng.Submit(ctx, source.Read(ctx, []string{pages}, source.Options{}), nil)
	eng.Close()
	if err != nil {
		return 0, err
	}
	rate := float64(sum.Read) / time.Since(start).Seconds()
	if last {
		fmt.Fprintf(e.stdout, "add: %s\n", sum)
		start = time.Now()
		compared, err := engine.NewProjector(st, engine.ProjectorOptions{}).CompareAll(ctx)
		if err != nil {
			return 0, err
		}
		fmt.Fprintf(e.stdout, "then comparing the %d stories it changed (add --compare; by default each on first read): %.1fs\n", compared, time.Since(start).Seconds())
	}
	return rate, nil
}

// median returns the middle value of xs (the mean of the two middle ones
// when their number is even).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// writeCopies writes the pages of the sets' html/ folders into dir, copies
// times each; copy k > 0 carries a paragraph that makes it a page of its own.
func writeCopies(sets []string, dir string, copies int) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	files, err := setPages(sets)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		page, err := eval.ReadGzip(f)
		if err != nil {
			return n, err
		}
		id := filepath.Base(filepath.Dir(filepath.Dir(f))) + "-" + strings.TrimSuffix(filepath.Base(f), ".html.gz")
		for k := 0; k < copies; k++ {
			body := page
			if k > 0 {
				body = markCopy(page, fmt.Sprintf("This is copy %d of page %s, made by storyline eval ingest for a larger run of distinct pages.", k, id))
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.html", id, k)), body, 0o644); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// setPages lists the HTML pages (html/*.html.gz) of benchmark set folders.
func setPages(sets []string) ([]string, error) {
	var pages []string
	for _, set := range sets {
		found, err := filepath.Glob(filepath.Join(set, "html", "*.html.gz"))
		if err != nil {
			return nil, err
		}
		pages = append(pages, found...)
	}
	return pages, nil
}

// writeDressed writes the articles of the labelled files into dir as HTML
// pages, each dressed in the chrome of a page of the sets (taken in turn),
// at most limit of them when limit > 0.
func writeDressed(sets, files []string, dir string, limit int) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	chromes, err := setPages(sets)
	if err != nil {
		return 0, err
	}
	if len(chromes) == 0 {
		return 0, fmt.Errorf("eval ingest: no html/*.html.gz pages in %s", strings.Join(sets, ", "))
	}
	n := 0
	for _, file := range files {
		articles, err := eval.ReadLabelled(file)
		if err != nil {
			return n, err
		}
		for _, a := range articles {
			if limit > 0 && n >= limit {
				return n, nil
			}
			chrome, err := eval.ReadGzip(chromes[n%len(chromes)])
			if err != nil {
				return n, err
			}
			url := fmt.Sprintf("https://bench.example/%s/%s", strings.TrimSuffix(filepath.Base(file), ".jsonl"), a.ID)
			page := eval.DressArticle(chrome, a.Article, url)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.html", n)), page, 0o644); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// longParagraph finds a paragraph of prose, which is most likely the
// article's.
var longParagraph = regexp.MustCompile(`(?is)<p[\s>].{200,}?</p>`)

// markCopy puts a sentence of its own into a page's article (after its first
// long paragraph), so that the copy extracts to a text of its own and is not
// taken for the same article stored twice.
func markCopy(page []byte, sentence string) []byte {
	marker := []byte("<p>" + sentence + "</p>")
	if loc := longParagraph.FindIndex(page); loc != nil {
		out := append([]byte{}, page[:loc[1]]...)
		out = append(out, marker...)
		return append(out, page[loc[1]:]...)
	}
	return bytes.Replace(page, []byte("</body>"), append(marker, []byte("</body>")...), 1)
}

// peakMemory reads the process's peak resident memory (Linux), else the
// memory the Go runtime took from the system.
func peakMemory() string {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				return strings.Join(strings.Fields(strings.TrimPrefix(l, "VmHWM:")), " ") + " resident"
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return fmt.Sprintf("%d MB from the system", m.Sys>>20)
}
