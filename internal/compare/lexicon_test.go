package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

func TestLexiconFeaturesWeighTermsAndAreSymmetric(t *testing.T) {
	lex := &Lexicon{Weights: map[string]float64{"polic": 0, "resig": 0.5, "minis": 0.2, "minister resigned": 0.3}}
	tests := []struct {
		name string
		a, b string
		want []float64 // cosine, min cont, max cont, shared, unmatched max, unmatched sum
	}{
		{"the telling terms shared", "The minister resigned, he said.", "The minister resigned.",
			[]float64{1, 1, 1, 1, 0, 0}},
		{"only weightless terms shared", "The minister resigned, he said.", "Police said the storm ended.",
			[]float64{0, 0, 0, 0, 1, 1}}, // unmatched: 0.2+0.5+0.3 on one side, nothing that weighs on the other
	}
	for _, tt := range tests {
		a, b := LexiconTerms(tt.a), LexiconTerms(tt.b)
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

func TestLexiconTerms(t *testing.T) {
	s := "The Minister said the minister resigned in 2019."
	got := LexiconTerms(s)
	want := []string{"the minister", "minis", "minister said", "said the", "minister resigned", "resig", "resigned in", "in 2019", "2019"}
	if !slices.Equal(got, want) {
		t.Errorf("LexiconTerms = %q, want %q", got, want)
	}
	// The comparison reads the same terms from a sentence's profile.
	if !slices.Equal(profileOf(s).lexiconTerms(), termHashes(got)) {
		t.Error("a profile's lexicon terms differ from LexiconTerms'")
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
