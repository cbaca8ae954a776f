package compare_test

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/eval"
	"github.com/storyline-news/storyline/internal/news"
)

// TestSentenceFates counts, for every sentence of every story of two or more
// articles in the labelled files named by $STORYLINE_FATES (comma-separated
// JSONL paths; skipped when unset), what became of it: shared, listed as
// its article's own or as partly told elsewhere, or in neither list and why.
//
//	STORYLINE_FATES=../../../shared/bench/stories/basil.jsonl go test ./internal/compare -run SentenceFates -v
//
// With $STORYLINE_FATES_CLOSEST set it also counts the partly shared items
// whose closest sentence is listed nowhere (compare.PartlyClosestUnlisted;
// each story compared twice).
func TestSentenceFates(t *testing.T) {
	paths := os.Getenv("STORYLINE_FATES")
	if paths == "" {
		t.Skip("STORYLINE_FATES names no story files")
	}
	for _, path := range strings.Split(paths, ",") {
		items, err := eval.ReadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		byStory := map[string][]news.Article{}
		for _, it := range items {
			byStory[it.Cluster] = append(byStory[it.Cluster], it.Article)
		}
		keys := make([]string, 0, len(byStory))
		for k, arts := range byStory {
			if len(arts) > 1 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		count := map[string]int{}
		total, partlyItems, unlisted := 0, 0, 0
		for _, k := range keys {
			fates := compare.SentenceFates(byStory[k])
			for _, f := range fates {
				if !slices.Contains(compare.FateNames, f) {
					t.Errorf("%s story %s: fate %q is none of %q", path, k, f, compare.FateNames)
				}
				count[f]++
				total++
			}
			if len(fates) == 0 {
				t.Errorf("%s story %s: no sentence has a fate", path, k)
			}
			if os.Getenv("STORYLINE_FATES_CLOSEST") != "" {
				n, u := compare.PartlyClosestUnlisted(byStory[k])
				partlyItems += n
				unlisted += u
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %d stories, %d sentences\n", path, len(keys), total)
		for _, f := range compare.FateNames {
			fmt.Fprintf(&b, "  %-10s %6d %5.1f%%\n", f, count[f], 100*float64(count[f])/float64(max(total, 1)))
		}
		if partlyItems > 0 {
			fmt.Fprintf(&b, "  partly shared items %d, their closest sentence listed nowhere %d\n", partlyItems, unlisted)
		}
		t.Log(b.String())
	}
}
