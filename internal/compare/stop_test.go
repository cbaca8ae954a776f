package compare

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

// endsAfterChecks is a context that ends once its Err has been asked
// checks times: an interrupt at a set point of a comparison, whatever the
// clock says (checks < 0: never). It notes how many pairs its comparison
// (stop) had looked at each time it was asked.
type endsAfterChecks struct {
	context.Context
	checks  int
	stop    *stopper
	pairsAt []int
}

func (c *endsAfterChecks) Err() error {
	c.pairsAt = append(c.pairsAt, c.stop.pairs)
	if c.checks >= 0 && len(c.pairsAt) > c.checks {
		return context.Canceled
	}
	return nil
}

// stopperEndingAfter is a stopper whose context ends after checks
// questions (endsAfterChecks).
func stopperEndingAfter(checks int) (*stopper, *endsAfterChecks) {
	ctx := &endsAfterChecks{Context: context.Background(), checks: checks}
	stop := &stopper{ctx: ctx}
	ctx.stop = stop
	return stop, ctx
}

// quayStory is a story of n reports of one event: each tells the same
// facts in its own order and words, with figures that disagree, so that
// aligning its sentences and finding its conflicts go over many pairs.
func quayStory(n int) []news.Article {
	day := time.Date(2026, 5, 4, 7, 0, 0, 0, time.UTC)
	var arts []news.Article
	for i := range n {
		facts := []string{
			fmt.Sprintf("A crane collapsed onto the north quay of the port of Calder on Monday, injuring %d dockworkers.", 3+i%4),
			fmt.Sprintf("The harbour master, Mara Voss, said the quay would stay shut for %d days while engineers inspect it.", 5+i%3),
			"Two cargo ships waiting to unload were sent to the port of Brennock instead.",
			fmt.Sprintf("The crane, built in 1987, had passed a safety check in March, the port authority said in report %d.", i),
			"The dockworkers' union called for every crane at the port to be inspected before work resumes.",
			fmt.Sprintf("Police closed the coast road near the quay for about %d hours on Monday afternoon.", 2+i%5),
		}
		for range i % len(facts) { // each report in its own order
			facts = append(facts[1:], facts[0])
		}
		text := ""
		for _, f := range facts {
			text += f + "\n\n"
		}
		arts = append(arts, news.Article{ID: fmt.Sprintf("quay-%02d", i), Source: fmt.Sprintf("Outlet %d", i), Title: "Crane collapses at Calder quay",
			Published: day.Add(time.Duration(i) * 17 * time.Minute), Text: text, Lang: "en"})
	}
	return arts
}

// TestComparisonStopsWithinOneSentencesPairs: a comparison whose context
// ends gives up with the context's error, having looked at no more pairs
// after the end than one sentence (or figure) has; before, Compare took no
// context and went on to the end of the story, however long (a story of
// 770 articles did not stop within 45 s of Ctrl-C).
func TestComparisonStopsWithinOneSentencesPairs(t *testing.T) {
	arts := quayStory(8)
	sentences := len(sentencesOf(news.InTimelineOrder(arts), false))

	whole, wholeCtx := stopperEndingAfter(-1)
	if _, _, err := compareStopping(whole, arts); err != nil {
		t.Fatal(err)
	}
	checks := len(wholeCtx.pairsAt)
	if whole.pairs < 10*sentences || checks < sentences {
		t.Fatalf("the whole comparison looked at %d pairs and asked its context %d times; want a story of many pairs, each sentence asking", whole.pairs, checks)
	}
	// Between two questions, at most one sentence's pairs with the others
	// (or one figure's, fewer).
	for i := 1; i < checks; i++ {
		if between := wholeCtx.pairsAt[i] - wholeCtx.pairsAt[i-1]; between > sentences {
			t.Errorf("%d pairs looked at between the context's questions %d and %d; want at most one sentence's (%d)", between, i, i+1, sentences)
		}
	}
	// Ended at a question, it looks at no pair more and asks no more.
	for _, end := range []int{0, 1, checks / 4, checks / 2, 3 * checks / 4, checks - 1} {
		stop, ctx := stopperEndingAfter(end)
		cmp, _, err := compareStopping(stop, arts)
		if !errors.Is(err, context.Canceled) || len(cmp.Timeline) > 0 {
			t.Fatalf("context ended at its question %d of %d: err %v, timeline of %d; want the context's error and no comparison", end+1, checks, err, len(cmp.Timeline))
		}
		if asked := len(ctx.pairsAt); asked != end+1 || stop.pairs != wholeCtx.pairsAt[end] {
			t.Errorf("context ended at its question %d: asked %d times, %d pairs looked at; want %d questions and the %d pairs looked at before it ended",
				end+1, asked, stop.pairs, end+1, wholeCtx.pairsAt[end])
		}
	}
}
