package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// TestSoftmaxKindsReadAsOneModel: the kinds of a model fitted as one
// multinomial model are read as the softmax of their scores, which sum to
// one, so the most likely kind is claimed where each score read alone, as
// a one-against-the-rest classifier's, is under minKindProb ("other").
func TestSoftmaxKindsReadAsOneModel(t *testing.T) {
	bias := func(b float64) *learn.Boosted { return &learn.Boosted{Bias: b} }
	m := &Model{Kinds: []KindModel{
		{Kind: kindArticle, Model: bias(-1.5)},
		{Kind: "forum", Model: bias(-1.2)},
		{Kind: "listing", Model: bias(-3)},
	}, KindSoftmax: true}
	x := make([]float64, numPageFeatures)
	probs := m.pageKindProbs(x)
	sum := 0.0
	for _, p := range probs {
		sum += p
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("softmax kind probabilities %v sum to %v, want 1", probs, sum)
	}
	if got := kindOfProbs(probs); got != "forum" {
		t.Errorf("kind %q (probabilities %v), want forum: the highest score of one model", got, probs)
	}
	if probs[0] >= probs[2] || probs[3] != 0 {
		t.Errorf("probabilities %v: want the article's under the forum's and 0 for a kind without a class (product)", probs)
	}
	m.KindSoftmax = false
	if got := kindOfProbs(m.pageKindProbs(x)); got != "other" {
		t.Errorf("read one against the rest: kind %q, want other (every probability under %v)", got, minKindProb)
	}
}

// TestModelKeepsKindSoftmaxInJSON: a fitted model's kinds are read as one
// model after it is written and loaded again (the embedded model.json).
func TestModelKeepsKindSoftmaxInJSON(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(EmbeddedModelJSON(), &m); err != nil {
		t.Fatal(err)
	}
	m["kind_softmax"] = true
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadModel(data)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.KindSoftmax {
		t.Fatal("kind_softmax lost when the model was loaded")
	}
	out, err := json.Marshal(loaded)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"kind_softmax":true`) {
		t.Error("kind_softmax lost when the model was written")
	}
}

// inventedKindPage is an invented page of one of three kinds, on site
// site: a news article (paragraphs of prose), a forum thread (posts, each
// under a member's name and join date), or a listing (a list of linked
// items with prices). It returns the page and its gold text.
func inventedKindPage(kind string, site, n int) (news.Page, string) {
	var b strings.Builder
	var gold []string
	fmt.Fprintf(&b, `<html><head><title>Page %d</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><main>`, n)
	switch kind {
	case kindArticle:
		fmt.Fprintf(&b, `<h1>The council votes on the bridge %d</h1>`, n)
		for p := 0; p < 5+n%3; p++ {
			s := fmt.Sprintf("The council of the town met on the evening of day %d and spoke at length about the old bridge over the river, which has been closed to lorries since the spring floods of year %d, and about who should pay for its repair.", p+n, 2000+p)
			fmt.Fprintf(&b, "<p>%s</p>", s)
			gold = append(gold, s)
		}
	case "forum":
		fmt.Fprintf(&b, `<h1>Which seeds for a shady bed? (thread %d)</h1>`, n)
		for p := 0; p < 4+n%3; p++ {
			s := fmt.Sprintf("I tried the ferns in reply %d and they came back every year, but the hostas were eaten by slugs.", p+n)
			fmt.Fprintf(&b, `<div class="post"><div class="member"><span>gardener%d</span><span>Joined: March %d</span><span>Posts: %d</span></div><div class="message"><p>%s</p></div><div>Quote Reply Report</div></div>`, p, 2010+p, 10*p+3, s)
			gold = append(gold, s)
		}
	case "listing":
		fmt.Fprintf(&b, `<h1>Garden tools (page %d)</h1><ul>`, n)
		for p := 0; p < 10+n%4; p++ {
			s := fmt.Sprintf("Steel spade model %d", p+n)
			fmt.Fprintf(&b, `<li><a href="/item/%d">%s</a><span>$%d.99</span></li>`, p, s, 10+p)
			gold = append(gold, s)
		}
		b.WriteString("</ul>")
	}
	fmt.Fprintf(&b, `</main><footer>© 2026 Site %d</footer></body></html>`, site)
	return news.Page{ID: fmt.Sprint(n), Kind: news.KindHTML, URL: fmt.Sprintf("https://site%d.example/%s/%d", site, kind, n),
		Body: []byte(b.String())}, strings.Join(gold, "\n")
}

// TestFitCallsPageKindsWithOneSoftmaxModel: fitted on invented articles,
// forum threads and listings (the articles the most), the model's kinds
// are one softmax model, and a page of each kind from a site it never saw
// is called that kind, its probabilities summing to one.
func TestFitCallsPageKindsWithOneSoftmaxModel(t *testing.T) {
	v := NewVocab()
	var samples []*Sample
	n := 0
	for _, kc := range []struct {
		kind  string
		count int
	}{{kindArticle, 24}, {"forum", 8}, {"listing", 8}} {
		for i := 0; i < kc.count; i++ {
			n++
			p, gold := inventedKindPage(kc.kind, n%12, n)
			s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(n % 12), Kind: kc.kind}, v)
			if err != nil {
				t.Fatal(err)
			}
			samples = append(samples, s)
		}
	}
	m, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 5, Depth: 2, MinLeaf: 0.01}, OneStage: true, MinSites: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !m.KindSoftmax || len(m.Kinds) != 3 {
		t.Fatalf("fitted kinds: softmax %v, %d kinds; want one softmax model of 3 kinds", m.KindSoftmax, len(m.Kinds))
	}
	// Fitted jointly, each kind's bias is the log of its share of the
	// pages (24 articles of 40), not its log-odds against the rest.
	if got, want := m.Kinds[0].Model.Bias, math.Log(24.0/40); m.Kinds[0].Kind != kindArticle || math.Abs(got-want) > 1e-9 {
		t.Errorf("kind %q bias %v, want the article's, log(24/40) = %v", m.Kinds[0].Kind, got, want)
	}
	for i, kind := range []string{kindArticle, "forum", "listing"} {
		p, _ := inventedKindPage(kind, 50+i, 1000+i)
		a, err := m.Extract(p)
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != kind {
			t.Errorf("an unseen %s page called %q", kind, a.Kind)
		}
	}
}
