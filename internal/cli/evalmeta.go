package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/storyline-news/storyline/internal/eval"
)

// evalMeta scores the metadata of every page of each set folder (title,
// byline names, publication day, site, language) against its gold.
func evalMeta(ctx context.Context, e env, args []string) error {
	fs := newFlags("eval meta", e)
	text := fs.Bool("text", false, "score the plain-text dumps (text/) instead of the HTML (html/)")
	noURL := fs.Bool("no-url", false, "give the extractor no page URL, as for a file that carries none")
	misses := fs.Int("misses", 0, "print up to this many disagreements with the gold per field")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return &UsageError{"eval meta needs a set folder (with ground-truth.json)"}
	}
	for _, dir := range dirs {
		rep, err := eval.RunMetadata(ctx, dir, eval.MetadataOptions{Text: *text, NoURL: *noURL})
		if err != nil {
			return err
		}
		PrintMetadata(e.stdout, rep, *misses)
	}
	return nil
}

// PrintMetadata writes a metadata report: one line of figures, the figures
// by page type where the set has types, and up to misses disagreements per
// field.
func PrintMetadata(w io.Writer, rep eval.MetadataReport, misses int) {
	fmt.Fprintf(w, "%s metadata: %d pages  title exact %s (typography folded %s)  byline names P %.3f R %.3f F1 %.3f (%d pages; all names right %s; bylines on pages without %s)\n",
		rep.Set, rep.Pages, rep.Title, rep.TitleTypo, rep.NameP(), rep.NameR(), rep.NameF1(), rep.BylinePages, rep.BylineExact, rep.Spurious)
	fmt.Fprintf(w, "  date exact day %s  wrong %s  missing %s  htmldate F %.3f (P %.3f R %.3f)  site non-empty %s  site exact %s  lang %s\n",
		rep.DateExact, rep.DateWrong, rep.DateMissing, rep.DateF, rep.DateP, rep.DateR, rep.SiteNonEmpty, rep.SiteExact, rep.Lang)
	for _, typ := range slices.Sorted(maps.Keys(rep.TitleByType)) {
		fmt.Fprintf(w, "  %-14s title %s", typ, *rep.TitleByType[typ])
		if c := rep.NameF1ByTypeCounts[typ]; c != nil {
			p, r := float64(c[0])/float64(max(1, c[0]+c[1])), float64(c[0])/float64(max(1, c[0]+c[2]))
			fmt.Fprintf(w, "  byline F1 %.3f", eval.F1(p, r))
		}
		if c := rep.DateExactByType[typ]; c != nil {
			fmt.Fprintf(w, "  date exact %s", *c)
		}
		fmt.Fprintln(w)
	}
	if misses <= 0 {
		return
	}
	shown := map[string]int{}
	for _, m := range rep.Misses {
		if shown[m.Field] >= misses {
			continue
		}
		shown[m.Field]++
		fmt.Fprintf(w, "  miss %-8s %-28s gold %q got %q\n", m.Field, m.ID, m.Gold, m.Got)
	}
}

// printExtractionMetadata prints the metadata report of an extraction run
// when the set's gold has metadata to score.
func printExtractionMetadata(w io.Writer, dir string, rep eval.ExtractionReport) {
	gold, err := eval.ReadGoldMeta(dir)
	if err != nil || !eval.HasMetadata(gold) {
		return
	}
	PrintMetadata(w, eval.ScoreMetadata(rep.Set, gold, rep.Articles), 0)
}
