package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/news"
)

// TestTextFoldModelKeepsItsOwnLineKindThresholds: a text fold model kept
// by --keep-models is put in the embedded model with its own line
// thresholds by kind, none when it has none: the embedded model's were
// chosen on every dump, the fold's scored ones among them, and must not
// reach a fold model that never had them (the embedded model of session
// 46 has collection and forum).
func TestTextFoldModelKeepsItsOwnLineKindThresholds(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(extract.EmbeddedModelJSON(), &m); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(f int, kinds any) {
		if kinds == nil {
			delete(m, "line_kind_thresholds")
		} else {
			m["line_kind_thresholds"] = kinds
		}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "site-fold-"+string(rune('0'+f))+"-of-2.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(1, nil)
	write(2, map[string]float64{"listing": 0.125})
	models, err := LoadFoldModels(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != 2 || models[0].LineKindThresholds != nil || len(models[1].LineKindThresholds) != 1 || models[1].LineKindThresholds["listing"] != 0.125 {
		t.Errorf("fold models' line thresholds by kind %v; want none, then listing 0.125 alone", [][]any{{models[0].LineKindThresholds}, {models[1].LineKindThresholds}})
	}
}

// TestGoldKindModelOfReadsEachPageAsItsGoldKind: under GoldKindModelOf a
// wcxb page is read as its page type and a news set's page as an article,
// whatever the kind classifiers call them, and a page of no known kind (a
// set without types, a readability page not classed news) by the model
// it was given, as its kind classifiers call it: it has no gold kind.
func TestGoldKindModelOfReadsEachPageAsItsGoldKind(t *testing.T) {
	const body = `<html><head><title>Council votes on the budget</title><meta property="og:type" content="article"></head><body>
<article><h1>Council votes on the budget</h1>
<p>The council met on Monday, and after a long debate it voted for the budget that the mayor had put forward in the spring.</p>
<p>The vote was close: seven members for, six against, and the chair said the town would now have to find the money.</p></article></body></html>`
	page := func(set, kind string) LabelledPage {
		return LabelledPage{Set: set, Kind: kind, Page: news.Page{ID: set, URL: "https://gazette.example/news/2026/council-votes", Kind: news.KindHTML, Body: []byte(body)}}
	}
	pages := []LabelledPage{page("wcxb", "forum"), page("dragnet", "article"), page("wcxb", "collection"), page("cleaneval", "")}
	m := extract.DefaultModel()
	if a, err := m.Extract(pages[0].Page); err != nil || a.Kind != "article" {
		t.Fatalf("the kind classifiers call the page %q (%v); the test needs a page called an article", a.Kind, err)
	}
	modelOf, err := GoldKindModelOf(pages, func(int) *extract.Model { return m })
	if err != nil {
		t.Fatal(err)
	}
	if modelOf(3) != m {
		t.Error("a page of no known kind was not read by the model it was given")
	}
	for i, want := range []string{"forum", "article", "collection"} {
		a, err := modelOf(i).Extract(pages[i].Page)
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != want {
			t.Errorf("page %d (set %s, kind %q) read as %q; want %q", i, pages[i].Set, pages[i].Kind, a.Kind, want)
		}
	}
	if _, err := GoldKindModelOf([]LabelledPage{page("wcxb", "recipe")}, func(int) *extract.Model { return m }); err == nil {
		t.Error("a gold kind that is not a page kind was taken")
	}
}
