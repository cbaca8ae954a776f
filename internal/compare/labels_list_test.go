package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestListStrippedLabels lists, for reading by hand, every section label
// withoutLabel strips in a JSONL of articles ({"id","text"} a line, a bench
// file of ../shared/bench/stories or an extraction set's ground truth
// written so), one a line: the article, the label, the whole sentence
// (skipped when STORYLINE_LABELS is unset). The check behind the label
// rule's reads in docs/measurements/comparison.md ("Review (s23-rev)").
//
//	STORYLINE_LABELS=$PWD/../shared/bench/stories/basil.jsonl go test ./internal/compare -run ListStrippedLabels -v
func TestListStrippedLabels(t *testing.T) {
	path := os.Getenv("STORYLINE_LABELS")
	if path == "" {
		t.Skip("STORYLINE_LABELS names no articles file")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	stripped, articles := 0, 0
	for sc.Scan() {
		var a news.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		articles++
		eachSentence(a, func(raw, claim string, _, _ bool) {
			if claim != raw {
				stripped++
				fmt.Printf("%s\t%q\t%q\n", a.ID, raw[:len(raw)-len(claim)], raw)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("# %d labels in %d articles\n", stripped, articles)
}
