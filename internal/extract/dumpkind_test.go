package extract

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// TestLineKindFeatures: every line of a dump carries the dump's kind
// probabilities, in the order of pageKinds, and its page-kind features.
func TestLineKindFeatures(t *testing.T) {
	ls := dumpOf("Where to start? - Home Forum", "Home", "I want to start with a camera and a door sensor, what is best?", "Joined 2016", "Try a hub first, then add the sensors one by one.")
	kinds := []float64{0.1, 0.05, 0.8, 0, 0, 0.02, 0}
	page := dumpPageFeatures(ls, "https://example.org/forums/threads/where-to-start.42/")
	x := lineFeatures(ls, dumpPageRow(kinds, page))
	k, u := slices.Index(lineFeatureNames, "kind_forum"), slices.Index(lineFeatureNames, "page_url_forum")
	if k < 0 || u < 0 || len(lineFeatureNames)-u != numDumpPageFeatures-slices.Index(dumpPageFeatureNames, "url_forum") {
		t.Fatalf("kind_forum at %d, page_url_forum at %d of %d", k, u, len(lineFeatureNames))
	}
	for i := range ls {
		if got := x[i*numLineFeatures+k]; got != 0.8 {
			t.Errorf("line %d: kind_forum %v, want 0.8", i, got)
		}
		if got := x[i*numLineFeatures+u]; got != 1 {
			t.Errorf("line %d: page_url_forum %v, want 1 (the path names a forum thread)", i, got)
		}
	}
}

// TestOOFDumpKinds: the kind probabilities the line classifier is fitted on
// come from kind classifiers fitted without the sample's site. Two sites
// whose pages look alike but are labelled apart (forum, article), in
// different folds, with filler sites of other kinds: in sample, the forum
// classifier would give the forum site's pages about a half; out of fold
// it has seen no page like them labelled forum.
func TestOOFDumpKinds(t *testing.T) {
	fold := func(site string) int {
		h := fnv.New32a()
		h.Write([]byte(site))
		return int(h.Sum32() % oofKindFolds)
	}
	forumSite, articleSite := "", ""
	for i := 0; forumSite == "" || articleSite == ""; i++ {
		s := fmt.Sprintf("site%d.example", i)
		switch {
		case forumSite == "":
			forumSite = s
		case fold(s) != fold(forumSite):
			articleSite = s
		}
	}
	var samples []*Sample
	x := func(v float64) []float64 {
		f := make([]float64, numDumpPageFeatures)
		for i := range f {
			f[i] = v
		}
		return f
	}
	for i := range 20 {
		samples = append(samples,
			&Sample{Label: Label{Site: forumSite, Kind: "forum"}, page: x(1)},
			&Sample{Label: Label{Site: articleSite, Kind: "article"}, page: x(1)},
			&Sample{Label: Label{Site: fmt.Sprintf("other%d.example", i), Kind: "forum"}, page: x(5)},
			&Sample{Label: Label{Site: fmt.Sprintf("list%d.example", i), Kind: "listing"}, page: x(9)})
	}
	oof, err := oofDumpKinds(context.Background(), samples, learn.BoostOptions{Trees: 20, Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	forum := slices.Index(pageKinds, "forum")
	for k, s := range samples {
		if s.Site == forumSite && oof[k][forum] > 0.2 {
			t.Fatalf("forum site's page %d: out-of-fold forum probability %.2f, want near 0 (its look-alikes elsewhere are articles)", k, oof[k][forum])
		}
	}
}
