package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

func TestLexiconFeaturesWeighWordsAndAreSymmetric(t *testing.T) {
	lex := &Lexicon{Weights: map[string]float64{"polic": 0, "resig": 0.5, "minis": 0.2}, Default: 0.1}
	tests := []struct {
		name string
		a, b string
		want []float64 // cosine, min cont, max cont, shared, unmatched max, unmatched sum
	}{
		{"the telling word shared", "The minister resigned, he said.", "The minister resigned.",
			[]float64{1, 1, 1, 0.7, 0, 0}},
		{"only the weightless word shared", "The minister resigned, he said.", "Police said the storm ended.",
			[]float64{0, 0, 0, 0, 0.7, 0.9}}, // unmatched: 0.7 on one side, 0+0.1+0.1 (police, storm, ended) on the other
	}
	for _, tt := range tests {
		a, b := ContentStems(tt.a), ContentStems(tt.b)
		ab, ba := lex.Features(a, b), lex.Features(b, a)
		if len(ab) != len(LexiconFeatureNames) {
			t.Fatalf("%s: %d features, %d names", tt.name, len(ab), len(LexiconFeatureNames))
		}
		for i := range ab {
			if math.Abs(ab[i]-tt.want[i]) > 1e-9 || ab[i] != ba[i] {
				t.Errorf("%s: %s = %v (other way %v), want %v", tt.name, LexiconFeatureNames[i], ab[i], ba[i], tt.want[i])
			}
		}
	}
}

func TestContentStems(t *testing.T) {
	got := ContentStems("The Minister said the minister resigned in 2019.")
	want := []string{"minis", "resig", "2019"} // "said" is a stop word
	if !slices.Equal(got, want) {
		t.Errorf("ContentStems = %q, want %q", got, want)
	}
}

func TestModelValidatesItsLexicon(t *testing.T) {
	base := Model(Fact)
	m := &PairModel{Mode: Fact, Features: FeatureNamesOf(true), Logistic: base.Logistic, Threshold: 0.5,
		Lexicon: &Lexicon{Weights: map[string]float64{"x": 0.1}}}
	if err := m.Validate(); err == nil {
		t.Error("a model with a lexicon loads with the weights of a model without one")
	}
	weights := append(slices.Clone(base.Logistic.Weights), make([]float64, len(LexiconFeatureNames))...)
	m.Logistic = &learn.Logistic{Weights: weights}
	if err := m.Validate(); err != nil {
		t.Errorf("a complete model with a lexicon: %v", err)
	}
	m.Lexicon.Weights["x"] = math.NaN()
	if err := m.Validate(); err == nil {
		t.Error("a lexicon weight of NaN loads")
	}
}
