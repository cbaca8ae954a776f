package extract

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// syntheticPage makes a page of site s: a menu, an article of several
// paragraphs under a heading, a list of related links and a footer, with
// the site's own class names, and returns it with its gold text.
func syntheticPage(r *rand.Rand, site, id int) (news.Page, string) {
	words := strings.Fields("council river harbour vote budget plan city workers school road bridge museum ferry weather police court")
	sentence := func() string {
		n := 8 + r.Intn(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + ", it was said."
	}
	var gold []string
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>Story %d</title></head><body><nav class="s%d-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>`, id, site)
	fmt.Fprintf(&b, `<div class="s%d-main"><h1>Story %d</h1>`, site, id)
	for p := 0; p < 3+r.Intn(4); p++ {
		para := sentence() + " " + sentence()
		gold = append(gold, para)
		fmt.Fprintf(&b, "<p>%s</p>", para)
	}
	fmt.Fprintf(&b, `</div><div class="s%d-more"><ul>`, site)
	for k := 0; k < 4; k++ {
		fmt.Fprintf(&b, `<li><a href="/s/%d">Another story about the %s</a></li>`, k, words[r.Intn(len(words))])
	}
	fmt.Fprintf(&b, `</ul></div><footer>© 2026 Site %d. All rights reserved.</footer></body></html>`, site)
	return news.Page{ID: fmt.Sprint(id), Kind: news.KindHTML, Body: []byte(b.String())}, strings.Join(gold, "\n")
}

// TestFitLearnsToSeparateArticleFromChrome: a model fitted on synthetic
// pages of twelve sites keeps the article paragraphs of a page from a site
// it has not seen and drops its menu, related links and footer.
func TestFitLearnsToSeparateArticleFromChrome(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	v := NewVocab()
	var samples []*Sample
	for i := 0; i < 48; i++ {
		site := i % 12
		p, gold := syntheticPage(r, site, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(site), Kind: "article"}, v)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, s)
	}
	m, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 30, Depth: 3, MinLeaf: 0.01}, OneStage: true, MinSites: 2})
	if err != nil {
		t.Fatal(err)
	}
	page, gold := syntheticPage(r, 99, 1000)
	a, err := m.Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, para := range strings.Split(gold, "\n") {
		if !strings.Contains(a.Text, para) {
			t.Errorf("text lacks the paragraph %q;\ntext: %s", para, a.Text)
		}
	}
	for _, chrome := range []string{"Home", "Another story", "All rights reserved"} {
		if strings.Contains(a.Text, chrome) {
			t.Errorf("text keeps %q;\ntext: %s", chrome, a.Text)
		}
	}
	if a.Kind != "article" {
		t.Errorf("kind = %q, want article (the only kind it was fitted on)", a.Kind)
	}
}

// TestChooseThresholds: thresholds chosen on held-out probabilities
// separate content from chrome on each kind of page, with a threshold of
// their own for article pages when asked, and HeldOut gives one
// probability per block of a sample.
func TestChooseThresholds(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	v := NewVocab()
	var samples []*Sample
	var probs [][]float64
	for i := 0; i < 8; i++ {
		kind, content, chrome := "article", 0.9, 0.7 // articles: chrome scores high, content higher
		if i%2 == 1 {
			kind, content, chrome = "listing", 0.4, 0.1
		}
		p, gold := syntheticPage(r, i, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i), Kind: kind}, v)
		if err != nil {
			t.Fatal(err)
		}
		ps := make([]float64, len(s.cover))
		for j, c := range s.cover {
			ps[j] = chrome
			if c >= 0.5 {
				ps[j] = content
			}
		}
		samples, probs = append(samples, s), append(probs, ps)
	}
	var m Model
	m.ChooseThresholds(samples, probs, true)
	if !(m.ArticleThreshold > 0.7 && m.ArticleThreshold <= 0.9) {
		t.Errorf("article threshold = %.3f, want in (0.7, 0.9]", m.ArticleThreshold)
	}
	if !(m.Threshold > 0.1 && m.Threshold <= 0.4) {
		t.Errorf("other pages' threshold = %.3f, want in (0.1, 0.4]", m.Threshold)
	}
	m.ChooseThresholds(samples, probs, false)
	if m.ArticleThreshold != 0 {
		t.Errorf("one threshold for all pages: article threshold = %.3f, want 0", m.ArticleThreshold)
	}

	fitted, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 5, Depth: 2, MinLeaf: 0.01}, OneStage: true, MinSites: 2})
	if err != nil {
		t.Fatal(err)
	}
	h := fitted.HeldOut(v)
	for k, s := range samples {
		if got := h.Probs(s); len(got) != len(s.cover) {
			t.Fatalf("sample %d: %d probabilities for %d blocks", k, len(got), len(s.cover))
		}
	}
}
