package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/compare"
)

// negativesArticle is an invented article: its first two sentences share
// the mayor and a topic but state different facts, its last restates the
// lede, and one sentence is a fragment.
const negativesArticle = "Mayor Alma Reyes opened the new harbour bridge on Monday after four years of building work.\n" +
	"Later that evening Mayor Reyes told the harbour council that the bridge tolls would fund two new ferries.\n" +
	"Photos: the opening.\n" +
	"To recap, Mayor Alma Reyes opened the new harbour bridge on Monday after four years of work."

func writeArticles(t *testing.T, texts ...string) string {
	t.Helper()
	var b []byte
	for _, s := range texts {
		line, _ := json.Marshal(map[string]string{"text": s})
		b = append(append(b, line...), '\n')
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSameArticleNegativesPairsOneTopicNotARestatement(t *testing.T) {
	pairs, err := SameArticleNegatives([]string{writeArticles(t, negativesArticle, "A short one. Nothing shared here at all today.")})
	if err != nil {
		t.Fatal(err)
	}
	// The opening and the tolls share the mayor and the bridge; the tolls
	// and the recap likewise; the opening and the recap are one statement.
	if len(pairs) != 2 {
		t.Fatalf("%d pairs, want 2 (the restated lede and the fragment left out)", len(pairs))
	}
	for _, p := range pairs {
		if strings.HasPrefix(p[0], "Mayor Alma") && strings.HasPrefix(p[1], "To recap") || strings.HasPrefix(p[0], "Photos") || strings.HasPrefix(p[1], "Photos") {
			t.Errorf("unwanted pair %q / %q", p[0], p[1])
		}
	}
	if _, err := SameArticleNegatives([]string{filepath.Join(t.TempDir(), "missing.jsonl")}); err == nil {
		t.Error("a missing article file is no error")
	}
}

func TestNegativesJoinEveryFitWithTheirWeight(t *testing.T) {
	a := writePairs(t, 24)
	var arts []string
	for range 30 {
		arts = append(arts, negativesArticle)
	}
	opt := PairFit{Mode: compare.Fact, Learner: "logistic", L2: 1, Precision: 0.85,
		Negatives: []string{writeArticles(t, arts...)}, NegativesWeight: 0.5}
	rep, err := CrossValidatePairs(a, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pairs != 48 {
		t.Errorf("the negatives are scored: %d pairs, want 48", rep.Pairs)
	}
	m, err := FitPairs([]string{a}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.FittedOn) != 2 {
		t.Errorf("fitted on %v: want the pair file and the negatives", m.FittedOn)
	}
	plain, _ := FitPairs([]string{a}, PairFit{Mode: compare.Fact, Learner: "logistic", L2: 1, Precision: 0.85})
	if m.Logistic.Bias >= plain.Logistic.Bias {
		t.Errorf("bias %.3f with 60 more negatives, %.3f without: want lower", m.Logistic.Bias, plain.Logistic.Bias)
	}
	opt.Learner = "boosted"
	if _, err := FitPairs([]string{a}, opt); err == nil {
		t.Error("the boosted learner takes negatives it cannot weigh")
	}
}
