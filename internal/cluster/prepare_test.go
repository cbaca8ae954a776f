package cluster

import (
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestPrepareForTheShippedModelLeavesOutWordVectors: a clusterer whose
// model reads the average-link cosine alone (the shipped one) prepares
// articles without their mean word vectors, and places them as it places
// articles prepared with them (Prepare): the same memberships, reasons
// and late changes.
func TestPrepareForTheShippedModelLeavesOutWordVectors(t *testing.T) {
	lean, full := New(Options{}), New(Options{})
	for _, a := range []news.Article{strikeWire, wildfire, strikeCopy, strikeRewrite, warehouseFire, fireFollow} {
		p := lean.Prepare(a)
		if p.f.vecs != nil {
			t.Errorf("%s: prepared with word vectors that the model does not read", a.ID)
		}
		if got, want := lean.AddPrepared(p), full.AddPrepared(Prepare(a)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: placed %+v without word vectors, %+v with", a.ID, got, want)
		}
	}
	lean.Settle()
	full.Settle()
	if got, want := lean.TakeChanges(), full.TakeChanges(); !reflect.DeepEqual(got, want) {
		t.Errorf("changes %+v without word vectors, %+v with", got, want)
	}
}

// TestPrepareForAModelOfWordVectorsKeepsThem: a clusterer whose model reads
// more than the average-link cosine prepares the word vectors, and works
// them out for an article prepared without them (by another clusterer),
// the same as Prepare's.
func TestPrepareForAModelOfWordVectorsKeepsThem(t *testing.T) {
	c := New(Options{})
	m := *c.opt.Model
	m.readsBeyondAvgCos = true
	c.opt.Model = &m
	want := Prepare(strikeWire).f.vecs
	if p := c.Prepare(strikeWire); p.f.vecs == nil || *p.f.vecs != *want {
		t.Errorf("prepared word vectors %v, want Prepare's", p.f.vecs)
	}
	_, f := c.featuresFor(New(Options{}).Prepare(strikeWire))
	if f.vecs == nil || *f.vecs != *want {
		t.Errorf("word vectors of an article prepared without: %v, want Prepare's", f.vecs)
	}
	if want.sem == zeroVector {
		t.Fatal("the fixture's article has no word vector: the test compares nothing")
	}
}
