package extract

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

// withKeepingSecondStage returns the embedded model with a second block
// stage that calls every block main text (no trees, a prior of log-odds
// 30) and, when firstStageArticles is not 0, the embedded article
// threshold as its FirstStageArticleThreshold: a page whose chrome is
// dropped was decided by the first stage alone.
func withKeepingSecondStage(t *testing.T, firstStageArticles float64) *Model {
	t.Helper()
	data, err := json.Marshal(DefaultModel())
	if err != nil {
		t.Fatal(err)
	}
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m.Blocks2 = &learn.Boosted{Features: slices.Concat(featureNames, contextNames), Bias: 30}
	if m.ArticleThreshold <= 0 {
		t.Fatal("the embedded model has no article threshold")
	}
	m.FirstStageArticleThreshold = m.ArticleThreshold
	if firstStageArticles == 0 {
		m.FirstStageArticleThreshold = 0
	}
	data, err = json.Marshal(&m)
	if err != nil {
		t.Fatal(err)
	}
	out, err := LoadModel(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFirstStageDecidesArticles: with FirstStageArticleThreshold a page the
// kind classifiers call an article keeps what the first stage keeps at that
// threshold, whatever the second stage says; without it the second stage
// decides, and on a page of another kind it always does.
func TestFirstStageDecidesArticles(t *testing.T) {
	body, err := os.ReadFile("testdata/html-news-chrome/page.html")
	if err != nil {
		t.Fatal(err)
	}
	page := news.Page{ID: "news", URL: "https://news.example/2024/05/01/harbour", Kind: news.KindHTML, Body: body}
	oneStage, err := DefaultModel().Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	if oneStage.Kind != kindArticle || oneStage.Text == "" {
		t.Fatalf("the fixture should read as an article with text, got kind %q text %q", oneStage.Kind, oneStage.Text)
	}
	got, err := withKeepingSecondStage(t, 1).Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != oneStage.Text {
		t.Errorf("first stage alone on an article: text\n%q\nwant the one-stage model's\n%q", got.Text, oneStage.Text)
	}
	both, err := withKeepingSecondStage(t, 0).Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	if both.Text == oneStage.Text || !strings.Contains(both.Text, "We use cookies") {
		t.Errorf("without the first-stage threshold the keeping second stage should decide (the cookie notice kept), got text %q", both.Text)
	}
	m := withKeepingSecondStage(t, 1)
	if !m.firstStageOnly(kindArticle) || m.firstStageOnly("listing") {
		t.Errorf("firstStageOnly: article %v listing %v, want true false", m.firstStageOnly(kindArticle), m.firstStageOnly("listing"))
	}
	if th := m.kindThreshold("listing"); th != m.Threshold {
		t.Errorf("a listing's threshold %v, want the other pages' %v", th, m.Threshold)
	}
}
