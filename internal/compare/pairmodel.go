package compare

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/storyline-news/storyline/internal/learn"
)

// Mode names a decision the aligner makes about two sentences.
type Mode string

// The aligner's decisions.
const (
	// Paraphrase: the two sentences say the same thing (MSRP's sense).
	Paraphrase Mode = "paraphrase"
	// Fact: the two sentences state a common fact, though each may say
	// more; the comparison calls a fact shared by this decision.
	Fact Mode = "fact"
)

// PairModel is a fitted decision over PairFeatures: a logistic regression
// or gradient-boosted trees, with the probability from which it says
// "same". Fitted models are kept as JSON in models/ (written by `storyline
// eval pairs --fit --mode MODE --out FILE`), with the files they were fitted
// on and the held-out figures they reached.
type PairModel struct {
	Mode      Mode            `json:"mode"`
	Features  []string        `json:"features"`
	Logistic  *learn.Logistic `json:"logistic,omitempty"`
	Boosted   *learn.Boosted  `json:"boosted,omitempty"`
	Lexicon   *Lexicon        `json:"lexicon,omitempty"` // learned word weights, whose features follow PairFeatures' when present
	Threshold float64         `json:"threshold"`
	FittedOn  []string        `json:"fitted_on"`
	Figures   string          `json:"figures,omitempty"` // held-out figures, with the command that measured them
}

// Predict returns the model's probability that a pair with features x is
// "same".
func (m *PairModel) Predict(x []float64) float64 {
	if m.Boosted != nil {
		return m.Boosted.Predict(x)
	}
	return m.Logistic.Predict(x)
}

// FeatureNamesOf names the features a model with or without a lexicon
// reads, in order.
func FeatureNamesOf(withLexicon bool) []string {
	if !withLexicon {
		return FeatureNames
	}
	return append(slices.Clip(FeatureNames), LexiconFeatureNames...)
}

// Validate checks that a model reads the features PairFeatures gives (and
// its lexicon's, when it has one), in their order, and has a fitted part.
func (m *PairModel) Validate() error {
	want := FeatureNamesOf(m.Lexicon != nil)
	if !slices.Equal(m.Features, want) {
		return fmt.Errorf("pair model %s: features %v, want %v (refit it)", m.Mode, m.Features, want)
	}
	if m.Lexicon != nil {
		if err := m.Lexicon.Validate(); err != nil {
			return fmt.Errorf("pair model %s: %w", m.Mode, err)
		}
	}
	switch {
	case m.Boosted != nil:
		return m.Boosted.Validate(len(want))
	case m.Logistic != nil && len(m.Logistic.Weights) == len(want):
		return nil
	}
	return fmt.Errorf("pair model %s: no fitted model for %d features", m.Mode, len(want))
}

// features measures a pair as the model reads it.
func (m *PairModel) features(a, b profile) []float64 {
	x := pairFeatures(a, b)
	if m.Lexicon != nil {
		x = append(x, m.Lexicon.features(a.lexiconTerms(), b.lexiconTerms())...)
	}
	return x
}

// score is the model's probability that two sentences are "same".
func (m *PairModel) score(a, b profile) float64 { return m.Predict(m.features(a, b)) }

// ParsePairModel reads a model written as JSON and validates it.
func ParsePairModel(data []byte) (*PairModel, error) {
	var m PairModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("read pair model: %w", err)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

//go:embed models/*.json
var modelFiles embed.FS

// builtin holds the embedded models, read once.
var builtin = sync.OnceValues(func() (map[Mode]*PairModel, error) {
	out := map[Mode]*PairModel{}
	for _, mode := range []Mode{Paraphrase, Fact} {
		data, err := modelFiles.ReadFile("models/" + string(mode) + ".json")
		if err != nil {
			return nil, fmt.Errorf("pair model %s: %w", mode, err)
		}
		m, err := ParsePairModel(data)
		if err != nil {
			return nil, err
		}
		out[mode] = m
	}
	return out, nil
})

// Model returns the built-in model of a mode. The models are part of the
// build: one that does not load is a build error, and panics.
func Model(mode Mode) *PairModel {
	ms, err := builtin()
	if err != nil {
		panic(err)
	}
	m, ok := ms[mode]
	if !ok {
		panic(fmt.Sprintf("compare: no pair model for mode %q", mode))
	}
	return m
}

// ParseMode reads a mode's name.
func ParseMode(s string) (Mode, error) {
	switch Mode(s) {
	case Paraphrase, Fact:
		return Mode(s), nil
	}
	return "", fmt.Errorf("mode %q: want paraphrase or fact", s)
}
