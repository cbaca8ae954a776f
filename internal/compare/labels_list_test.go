package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
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
		// As sentencesOf reads them.
		paragraphs := a.Paragraphs()
		split := make([][]string, len(paragraphs))
		for j, p := range paragraphs {
			split[j] = text.Sentences(stripDateline(p))
		}
		names := namesWritten(split)
		for _, ss := range split {
			open := false
			for _, s := range ss {
				inQuote := open
				if opensQuote(s) {
					open = !open
				}
				if claim, ok := withoutLabel(s, inQuote, names); ok {
					stripped++
					fmt.Printf("%s\t%q\t%q\n", a.ID, s[:len(s)-len(claim)], s)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("# %d labels in %d articles\n", stripped, articles)
}
