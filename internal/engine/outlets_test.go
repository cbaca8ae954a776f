package engine_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/storyline-news/storyline/internal/engine"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/store/sqlite"
)

// outletsStore counts SetSources calls and fails them when told to.
type outletsStore struct {
	*sqlite.Store
	calls atomic.Int64
	fail  bool
}

var errOutletsLocked = errors.New("database is locked (SQLITE_BUSY)")

func (o *outletsStore) SetSources(ctx context.Context, outlets []news.OutletGiven) ([]int, error) {
	o.calls.Add(1)
	if o.fail {
		return nil, errOutletsLocked
	}
	return o.Store.SetSources(ctx, outlets)
}

// harbourPages are invented text pages from..to-1, each its own report,
// named by the outlet source (none when "").
func harbourPages(from, to int, source string) iter.Seq2[news.Input, error] {
	return func(yield func(news.Input, error) bool) {
		for i := from; i < to; i++ {
			body := fmt.Sprintf("Ferry line %d reopens\n\nThe ferry line number %d to the islands of Calder reopened on Monday after the harbour works, the operator said in a statement about route %d.", i, i*7919, i*104729)
			in := news.Input{Name: fmt.Sprintf("page%d.txt", i), Page: &news.Page{ID: fmt.Sprintf("page%d", i), Source: source, Kind: news.KindText, Body: []byte(body)}}
			if !yield(in, nil) {
				return
			}
		}
	}
}

// TestOutletsNamedForStoredPagesAreSetInOneTransaction: three stored pages
// added again with an outlet named are renamed by one SetSources call; when
// it fails, the run says that the outlets were not set, not that the
// two new pages' articles, which were stored, were not ("0 of 2 placed
// articles not stored").
func TestOutletsNamedForStoredPagesAreSetInOneTransaction(t *testing.T) {
	st := &outletsStore{Store: tempStore(t)}
	if sum := run(t, st, harbourPages(0, 3, ""), engine.Options{}); sum.Stored != 3 {
		t.Fatalf("first run stored %d, want 3", sum.Stored)
	}
	st.calls.Store(0)
	sum := run(t, st, harbourPages(0, 3, "Calder Courier"), engine.Options{})
	if sum.OutletsSet != 3 || st.calls.Load() != 1 {
		t.Errorf("outlets set %d in %d SetSources calls; want 3 in 1", sum.OutletsSet, st.calls.Load())
	}
	st.fail = true
	e, err := engine.Start(context.Background(), st, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	sum, err = e.Submit(context.Background(), harbourPages(0, 5, "Kestra Daily"), nil)
	if n, _, _ := st.Counts(context.Background()); n != 5 || sum.Stored != 2 {
		t.Errorf("after the failed renames: %d articles stored, the run says %d; want 5, 2", n, sum.Stored)
	}
	if err == nil || !strings.Contains(err.Error(), "the outlets named for 3 pages stored before were not set") || strings.Contains(err.Error(), "placed articles not stored") {
		t.Errorf("run error %v; want the outlets of 3 pages not set, and no article said unstored", err)
	}
}
