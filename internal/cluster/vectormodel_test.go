package cluster

import (
	"reflect"
	"sync"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// vectorModel is a join model that reads the mean word vectors (sem_max,
// sem_avg) beside the average-link cosine, as a model fitted with
// `--signals avg_cos,sem_max,sem_avg` would. Its weights are invented:
// the tests compare two ways of preparing the same articles, not the
// model's quality.
func vectorModel(t *testing.T) *Model {
	t.Helper()
	m, err := NewModel([]string{"avg_cos", "sem_max", "sem_avg"}, nil,
		&learn.Logistic{Weights: []float64{4, 0, 3, 0, 3, 0}, Bias: -4})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// vectorModelArticles are the invented reports the tests place: two
// events told several times, and two others.
var vectorModelArticles = []news.Article{strikeWire, wildfire, strikeCopy, strikeRewrite, strikeOwnReport, warehouseFire, fireFollow}

// TestAModelOfWordVectorsPlacesFeaturesPreparedWithoutAsWith: a clusterer
// whose model reads the word vectors, given articles prepared by a
// shipped-model clusterer (no vectors, as a stream prepared before its
// model changed would be), places them as it places articles prepared
// with everything: the same memberships and changes, the same sums of
// vectors; and a clusterer of that model restored from the stories of one
// without vectors counts the vectors too.
func TestAModelOfWordVectorsPlacesFeaturesPreparedWithoutAsWith(t *testing.T) {
	lean := New(Options{})
	fromLean, fromFull := New(Options{Model: vectorModel(t)}), New(Options{Model: vectorModel(t)})
	var placed []news.Membership
	for _, a := range vectorModelArticles {
		got, want := fromLean.AddPrepared(lean.Prepare(a)), fromFull.AddPrepared(Prepare(a))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: placed %+v when prepared without word vectors, %+v with", a.ID, got, want)
		}
		placed = append(placed, got)
	}
	fromLean.Settle()
	fromFull.Settle()
	if got, want := fromLean.TakeChanges(), fromFull.TakeChanges(); !reflect.DeepEqual(got, want) {
		t.Errorf("changes %+v when prepared without word vectors, %+v with", got, want)
	}
	if fromLean.semDocs != len(vectorModelArticles) || fromLean.semSum != fromFull.semSum {
		t.Errorf("word vectors counted: %d articles, sums equal %v; want %d, equal", fromLean.semDocs, fromLean.semSum == fromFull.semSum, len(vectorModelArticles))
	}
	restored := New(Options{Model: vectorModel(t)})
	for i, a := range vectorModelArticles {
		restored.Restore(a, placed[i].StoryID)
	}
	if restored.semDocs != len(vectorModelArticles) || restored.semSum != fromFull.semSum {
		t.Errorf("restored: %d articles' word vectors counted, sums equal %v; want %d, equal", restored.semDocs, restored.semSum == fromFull.semSum, len(vectorModelArticles))
	}
}

// TestPlacingLeavesTheCallersPreparedFeaturesAlone: clusterers whose model
// reads the word vectors, placing (at once, on two goroutines) the same
// article prepared without them, work them out on features of their own:
// the prepared article given them is not written, as one placed by
// several clusterers (a fit's, an evaluation's) is read by all at once.
// Run with -race, a write shows as a race too.
func TestPlacingLeavesTheCallersPreparedFeaturesAlone(t *testing.T) {
	p := New(Options{}).Prepare(strikeWire)
	var wg sync.WaitGroup
	for range 2 {
		c := New(Options{Model: vectorModel(t)})
		wg.Go(func() { c.AddPrepared(p) })
	}
	wg.Wait()
	if p.f.vecs != nil {
		t.Errorf("the caller's prepared features were given word vectors by a clusterer that placed them")
	}
}
