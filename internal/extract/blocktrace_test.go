package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestTraceBlocks: the trace of the invented news page keeps exactly the
// blocks whose text the extraction prints (its headline and byline aside,
// which dropHeadMatter removes after), gold's cover of a kept paragraph is
// whole and of a dropped chrome block none, and the body's paragraphs share
// their container's parent.
func TestTraceBlocks(t *testing.T) {
	body, err := os.ReadFile("testdata/html-news-chrome/page.html")
	if err != nil {
		t.Fatal(err)
	}
	p := news.Page{ID: "chrome", URL: "https://example.com/news/1", Kind: news.KindHTML, Body: body}
	m := DefaultModel()
	a, err := m.Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	blocks, th, _ := m.TraceBlocks(p, a.Text)
	if len(blocks) == 0 || th <= 0 {
		t.Fatalf("trace: %d blocks, threshold %v", len(blocks), th)
	}
	printed := map[string]bool{}
	for _, para := range strings.Split(a.Text, "\n\n") {
		printed[para] = true
	}
	parents := map[int]int{}
	var kept, dropped int
	for _, b := range blocks {
		if b.Kept != printed[b.Text] && !(b.Kept && (b.Text == a.Title || isBylineOrDate(b.Text))) {
			t.Errorf("block %q: kept %v, printed %v", b.Text, b.Kept, printed[b.Text])
		}
		switch {
		case b.Kept && b.Prose:
			kept++
			parents[b.Parent]++
			if b.Cover != 1 {
				t.Errorf("kept paragraph %q: gold cover %v, want 1", b.Text, b.Cover)
			}
		case !b.Kept && b.Tokens >= 4 && !printed[b.Text]:
			dropped++
			if b.Cover != 0 {
				t.Errorf("dropped block %q: gold cover %v, want 0", b.Text, b.Cover)
			}
		}
	}
	if kept < 2 || dropped == 0 {
		t.Fatalf("%d kept paragraphs, %d dropped blocks: the page's body and chrome not both traced", kept, dropped)
	}
	if len(parents) != 1 {
		t.Errorf("kept paragraphs under %d parents, want the body's one: %v", len(parents), parents)
	}
}
