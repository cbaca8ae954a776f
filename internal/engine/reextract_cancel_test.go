package engine_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// cancelInRaws is a store whose Raws cancels the run when it reaches its
// nth raw input: an interrupt (Ctrl-C) in the middle of a pass over the
// stored pages.
type cancelInRaws struct {
	*sqlite.Store
	n      int
	cancel context.CancelFunc
}

func (s *cancelInRaws) Raws(ctx context.Context, fn func(r news.Raw, articleIDs []string, damaged error) error) error {
	seen := 0
	return s.Store.Raws(ctx, func(r news.Raw, ids []string, damaged error) error {
		if seen++; seen == s.n {
			s.cancel()
		}
		return fn(r, ids, damaged)
	})
}

// TestReextractInterruptedWhileRelearningKeepsStoredTemplates: reextract
// stopped while it learns the templates again leaves the stored templates
// and articles as they were (the new ones are stored in one transaction
// only once every page has taught them), and says why it stopped.
func TestReextractInterruptedWhileRelearningKeepsStoredTemplates(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	captures := brambleCaptures()
	for _, c := range captures {
		if sum := run(t, st, pageInput(c.id, c.url, c.body), engine.Options{}); sum.Stored != 1 {
			t.Fatalf("%s: %+v, want it stored", c.id, sum)
		}
	}
	const site = "bramblevale.example"
	old := []byte{1} // a template of one page and no block: not what the pages teach
	if _, err := st.SaveBatch(ctx, news.WriteBatch{Templates: map[string][]byte{site: old, "gone.example": {1}}, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	before, err := st.Article(ctx, "added")
	if err != nil {
		t.Fatal(err)
	}
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	wrapped := &cancelInRaws{Store: st, n: 2, cancel: cancel}
	sum, err := start(t, wrapped, engine.Options{}).Reextract(run)
	if !errors.Is(err, context.Canceled) || sum.Updated != 0 || sum.Templates != 0 {
		t.Fatalf("interrupted reextract = %+v, %v; want it stopped by the interrupt with nothing done", sum, err)
	}
	for s, want := range map[string][]byte{site: old, "gone.example": {1}} {
		if got, err := st.SiteTemplate(ctx, s); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("after the interrupt, template of %s = %v, %v; want the stored one %v", s, got, err, want)
		}
	}
	if after, err := st.Article(ctx, "added"); err != nil || after.Text != before.Text {
		t.Errorf("after the interrupt, the article changed: %q -> %q (%v)", before.Text, after.Text, err)
	}
}
