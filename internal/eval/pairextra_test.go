package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/compare"
)

// writeBlindPairs writes a pair file of n stories whose "same" and
// "different" pairs are worded alike (only a figure differs), so the pair
// features cannot tell them apart, and an extra features file whose one
// feature is 1 for the "same" pairs and 0 for the others.
func writeBlindPairs(t *testing.T, n int) (pairs, extra string) {
	t.Helper()
	dir := t.TempDir()
	var pl, xl []string
	for i := range n {
		story := fmt.Sprintf("s%d", i)
		for j, label := range []int{1, 0} {
			p := map[string]any{"label": label, "cluster": story,
				"text1": fmt.Sprintf("The Harlow ferry carried %d passengers on its first trip.", 100*i+j),
				"text2": fmt.Sprintf("Its first trip saw the Harlow ferry carry %d people.", 100*i+j+50)}
			b, _ := json.Marshal(p)
			pl = append(pl, string(b))
			x, _ := json.Marshal(map[string]any{"text1": p["text1"], "text2": p["text2"], "features": []float64{float64(label)}})
			xl = append(xl, string(x))
		}
	}
	pairs, extra = filepath.Join(dir, "b.pairs.jsonl"), filepath.Join(dir, "b.extra.jsonl")
	for path, lines := range map[string][]string{pairs: pl, extra: xl} {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return pairs, extra
}

func TestExtraFeaturesAreFittedHeldOut(t *testing.T) {
	pairs, extraPath := writeBlindPairs(t, 20)
	opt := PairFit{Mode: compare.Fact, Learner: "logistic", L2: 1, Precision: 0.85}
	without, err := CrossValidatePairs(context.Background(), pairs, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	if without.AUC > 0.75 {
		t.Fatalf("the pair features alone rank the blind pairs with ROC-AUC %.3f; the fixture should defeat them", without.AUC)
	}
	if opt.Extra, err = ReadExtraFeatures(extraPath); err != nil {
		t.Fatal(err)
	}
	with, err := CrossValidatePairs(context.Background(), pairs, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	if with.AUC < 0.99 || with.F1 < 0.95 {
		t.Errorf("with a telling extra feature: %+v, want every pair right", with)
	}
	reps, err := LeaveOneSetOut(context.Background(), []string{pairs, pairs}, opt)
	if err != nil || len(reps) != 2 || reps[0].AUC < 0.99 {
		t.Errorf("leave one set out with the extra feature: %+v, %v", reps, err)
	}
	opt.LexiconPrior = 10 // the lexicon's features go after the extra ones
	if lex, err := CrossValidatePairs(context.Background(), pairs, 4, opt); err != nil || lex.AUC < 0.99 {
		t.Errorf("with a lexicon and the extra feature: %+v, %v", lex, err)
	}
	if _, err := FitPairs(context.Background(), []string{pairs}, opt); err == nil {
		t.Error("a model with extra features is fitted to be kept")
	}
}

func TestExtraFeaturesMustCoverEveryPair(t *testing.T) {
	pairs, extraPath := writeBlindPairs(t, 4)
	data, err := os.ReadFile(extraPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	short := filepath.Join(t.TempDir(), "short.jsonl")
	if err := os.WriteFile(short, []byte(strings.Join(lines[1:], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := ReadExtraFeatures(short)
	if err != nil {
		t.Fatal(err)
	}
	_, err = CrossValidatePairs(context.Background(), pairs, 2, PairFit{Mode: compare.Fact, L2: 1, Extra: x})
	if err == nil || !strings.Contains(err.Error(), "pair 0 ") {
		t.Errorf("a pair the extra file lacks: error %v, want one naming pair 0", err)
	}
	ragged := filepath.Join(t.TempDir(), "ragged.jsonl")
	body := `{"text1":"a","text2":"b","features":[1]}` + "\n" + `{"text1":"c","text2":"d","features":[1,2]}` + "\n"
	if err := os.WriteFile(ragged, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadExtraFeatures(ragged); err == nil {
		t.Error("lines with different numbers of features are read")
	}
}
