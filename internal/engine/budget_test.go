package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestExtractionKeepsToItsByteBudget: six workers extracting pages of
// 60 KB under a 100 KB budget never hold more than the budget (one page at
// a time here), a page larger than the budget still runs (alone), and every
// result comes back in order (issue 18: nothing bounded the pages extracted
// at once but the worker count, so two 16 MB pages took 2.2 GB).
func TestExtractionKeepsToItsByteBudget(t *testing.T) {
	var inputs []news.Input
	for i := range 8 {
		size := 60 << 10
		if i == 5 {
			size = 200 << 10 // larger than the budget
		}
		para := fmt.Sprintf("Dockworkers at the port of Calder voted on Monday, report %d, to end a nine-day strike over night-shift pay.\n\n", i)
		body := strings.Repeat(para, size/len(para))
		inputs = append(inputs, news.Input{Name: fmt.Sprint(i), Page: &news.Page{ID: fmt.Sprint(i), Kind: news.KindText, Body: []byte(body)}})
	}
	seq := func(yield func(news.Input, error) bool) {
		for _, in := range inputs {
			if !yield(in, nil) {
				return
			}
		}
	}
	x := extractor{workers: 6, bytes: newBudget(100 << 10)}
	var order []string
	err := extractOrdered(context.Background(), seq, x, func(r Result) error {
		order = append(order, r.Input.Name)
		return nil
	})
	if err != nil || strings.Join(order, ",") != "0,1,2,3,4,5,6,7" {
		t.Fatalf("results %v, %v; want all 8 in order", order, err)
	}
	if x.bytes.peak > 200<<10 || x.bytes.used != 0 {
		t.Errorf("peak %d bytes in extraction (want at most the 200 KB page alone), %d still held", x.bytes.peak, x.bytes.used)
	}
	if x.bytes.peak > 100<<10 && x.bytes.peak != int64(len(inputs[5].Page.Body)) {
		t.Errorf("peak %d bytes: only the page larger than the budget may exceed it, alone", x.bytes.peak)
	}
}
