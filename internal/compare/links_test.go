package compare

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// The figures of the sentence that gives fewer are looked for in the other:
// two reports of other months' figures share none, a restated figure is
// shared, and a sentence without figures says nothing about them.
func TestNumbersUnmatched(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"Employers added 235,000 jobs in August.", "Employers added 194,000 jobs in September.", 1},
		{"Employers added 235,000 jobs in August.", "The economy added 235,000 jobs last month, far fewer than 700,000 expected.", 0},
		{"The dam cost 12 billion and took 9 years.", "It cost 12 billion and took 11 years to build.", 0.5},
		{"Employers added fewer jobs than expected.", "Employers added 194,000 jobs in September.", 0},
		// Figures are compared by value, with their scale words.
		{"Unemployment fell to 4.8% in May.", "Unemployment fell to 4.80% in May.", 0},
		{"The fund holds 3 million dollars.", "The fund holds $3,000,000.", 0},
		{"The fund holds 3 billion dollars.", "The fund holds $3bn.", 0},
		{"Rates rose 0.5 points.", "Rates rose .5 points.", 0},
		{"Rates rose 0.5 points.", "Rates rose 5 points.", 1},
		{"The score was 0 to 0.", "The score was 10 to 0.", 0},
		{"The score was 0 to 3.", "The score was 1 to 4.", 1},
		// Commas not followed by three digits part figures.
		{"Rooms 1,2,3 were closed.", "Room 123 was closed.", 1},
		// Digits glued to a capitalised word are a name, not a figure.
		{"COVID-19 deaths rose.", "Coronavirus deaths rose by 300.", 0},
		{"F-35 jets flew over the base.", "Jets flew over the base at 9 a.m.", 0},
	} {
		if got := numbersUnmatched(profileOf(c.a), profileOf(c.b)); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("numbersUnmatched(%q, %q) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// The built-in link model, fitted on links labelled strictly (one claim,
// not one topic), asks more of the fact score of a long sentence than of a
// short one (a long sentence shares a story's words with another while
// stating other claims), and more when the figures differ.
func TestLinkModelAsksMoreOfLongSentences(t *testing.T) {
	m := BuiltinLinkModel()
	long, short := math.Log1p(30), math.Log1p(3)
	if !m.Links([]float64{1.43, short, 0}) {
		t.Error("a three-word sentence at fact score 1.43 is not linked")
	}
	if m.Links([]float64{1.43, long, 0}) {
		t.Error("a thirty-word sentence at fact score 1.43 is linked")
	}
	if m.Links([]float64{1.43, short, 1}) {
		t.Error("a short sentence whose figures are all other ones is linked at fact score 1.43")
	}
	if !m.Links([]float64{1.65, long, 1}) {
		t.Error("a pair at fact score 1.65 is not linked")
	}
}

// The built-in link model is cut for LinkPrecision 85% (s23-cutread: read
// held out on 8 BASIL stories, the 80% cut of session 22 found 4.7 points
// more clearly shared claims for 4.2 points fewer listed facts right, not
// the three times the rule asked): a ten-word sentence links from a fact
// score of about 1.44, and not from 1.425, from which the 80% cut linked.
func TestLinkModelCutForEightyFivePercent(t *testing.T) {
	m := BuiltinLinkModel()
	ten := math.Log1p(10)
	if !m.Links([]float64{1.445, ten, 0}) {
		t.Errorf("a ten-word sentence at fact score 1.445 is not linked (probability %.3f, threshold %.3f)", m.Probability([]float64{1.445, ten, 0}), m.Threshold)
	}
	if m.Links([]float64{1.425, ten, 0}) {
		t.Errorf("a ten-word sentence at fact score 1.425 is linked (probability %.3f, threshold %.3f)", m.Probability([]float64{1.425, ten, 0}), m.Threshold)
	}
}

// The threshold is the lowest score at which the scores kept are right often
// enough, a tie kept whole.
func TestThresholdFor(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.7, 0.6, 0.5}
	ys := []bool{true, true, true, false, false, true}
	for _, c := range []struct{ precision, want float64 }{{1, 0.8}, {0.75, 0.7}, {0.6, 0.5}} {
		if got := ThresholdFor(scores, ys, c.precision); got != c.want {
			t.Errorf("ThresholdFor(precision %.2f) = %.2f, want %.2f", c.precision, got, c.want)
		}
	}
	if got := ThresholdFor([]float64{0.9}, []bool{false}, 0.5); !math.IsInf(got, 1) {
		t.Errorf("no score right: threshold %.2f, want +Inf", got)
	}
}

// The threshold that keeps a number of the right scores is the highest that
// does.
func TestThresholdKeeping(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.7, 0.6, 0.5}
	ys := []bool{true, false, true, true, false, true}
	for _, c := range []struct {
		need int
		want float64
	}{{1, 0.9}, {2, 0.7}, {3, 0.7}, {4, 0.5}, {5, 0.5}} {
		if got := ThresholdKeeping(scores, ys, c.need); got != c.want {
			t.Errorf("ThresholdKeeping(%d) = %.2f, want %.2f", c.need, got, c.want)
		}
	}
}

// A link model that reads other features than LinkFeatures gives is
// refused.
func TestParseLinkModelChecksFeatures(t *testing.T) {
	if _, err := ParseLinkModel([]byte(`{"features":["fact score"],"logistic":{"Weights":[1],"Bias":0},"threshold":0.5}`)); err == nil {
		t.Error("a model of other features was accepted")
	}
}

// A link model with a weight that is no number, or a threshold that is no
// probability strictly between 0 and 1, is refused with the reason.
func TestParseLinkModelChecksValues(t *testing.T) {
	const features = `{"features":["fact score","log shorter words","numbers unmatched"],"logistic":{"Weights":[1,1,1],"Bias":0}`
	for _, c := range []struct{ json, want string }{
		{features + `,"threshold":0.5}`, ""},
		{features + `}`, "threshold 0,"},
		{features + `,"threshold":1.5}`, "threshold 1.5,"},
		{features + `,"threshold":-0.1}`, "threshold -0.1,"},
	} {
		_, err := ParseLinkModel([]byte(c.json))
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: error %v, want one saying %q", c.json, err, c.want)
		}
	}
	m := LinkModel{Features: LinkFeatureNames, Logistic: learn.Logistic{Weights: []float64{1, math.NaN(), 1}}, Threshold: 0.5}
	if err := m.validate(); err == nil || !strings.Contains(err.Error(), "weight 1 is NaN") {
		t.Errorf("a NaN weight: error %v", err)
	}
}

// A pair under a fact score of nearlyShared is never linked, however sure
// the logistic is: the comparison does not decide it (matchProbability),
// and labelled links drawn below the cut count as missed.
func TestLinkModelNeverLinksUnderNearlyShared(t *testing.T) {
	m := &LinkModel{Features: LinkFeatureNames, Logistic: learn.Logistic{Weights: []float64{0, 0, 0}, Bias: 10}, Threshold: 0.5}
	if m.Links([]float64{nearlyShared - 0.01, 1, 0}) || m.Probability([]float64{nearlyShared - 0.01, 1, 0}) != 0 {
		t.Errorf("a pair at fact score %.2f is linked or given a probability", nearlyShared-0.01)
	}
	if !m.Links([]float64{nearlyShared, 1, 0}) {
		t.Errorf("a pair at fact score %.2f, probability %.4f, is not linked", nearlyShared, m.Probability([]float64{nearlyShared, 1, 0}))
	}
}

// The link model is fitted on the pairs it decides: labelled links under
// nearlyShared (drawn to measure what the cut misses) leave it unchanged.
func TestFitLinkModelLeavesOutPairsUnderNearlyShared(t *testing.T) {
	var xs [][]float64
	var ys []bool
	for i := range 40 {
		f := 1.2 + 0.01*float64(i)
		xs = append(xs, []float64{f, math.Log1p(float64(3 + i%20)), float64(i%3) / 2})
		ys = append(ys, i%4 != 0 && f > 1.35 || i%7 == 0)
	}
	m, err := FitLinkModel(xs, ys, 1, LinkPrecision, nil)
	if err != nil {
		t.Fatal(err)
	}
	below, belowY := slices.Clone(xs), slices.Clone(ys)
	for i := range 30 {
		below = append(below, []float64{0.5 + 0.01*float64(i), math.Log1p(float64(5 + i)), 0})
		belowY = append(belowY, i%10 == 0)
	}
	m2, err := FitLinkModel(below, belowY, 1, LinkPrecision, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Logistic.Weights, m2.Logistic.Weights) || m.Logistic.Bias != m2.Logistic.Bias || m.Threshold != m2.Threshold {
		t.Errorf("links under nearlyShared moved the model: %v %v %v, then %v %v %v",
			m.Logistic.Weights, m.Logistic.Bias, m.Threshold, m2.Logistic.Weights, m2.Logistic.Bias, m2.Threshold)
	}
}

// The precision a link model is fitted for sets its threshold: chosen for a
// lower share of right links, it keeps more of them (and more wrong ones),
// as the fact score's cut for that share does.
func TestFitLinkModelFollowsPrecision(t *testing.T) {
	var xs [][]float64
	var ys []bool
	for i := range 60 {
		f := 1.0 + 0.01*float64(i)
		xs = append(xs, []float64{f, math.Log1p(float64(3 + i%20)), 0})
		// right more often the higher the fact score: 1 in 3 under 1.2,
		// 2 in 3 under 1.4, all above
		ys = append(ys, f >= 1.4 || f >= 1.2 && i%3 != 0 || f < 1.2 && i%3 == 0)
	}
	kept := func(m *LinkModel) (all, right int) {
		for i, x := range xs {
			if m.Links(x) {
				all++
				if ys[i] {
					right++
				}
			}
		}
		return all, right
	}
	strict, err := FitLinkModel(xs, ys, 1, 0.95, nil)
	if err != nil {
		t.Fatal(err)
	}
	loose, err := FitLinkModel(xs, ys, 1, 0.75, nil)
	if err != nil {
		t.Fatal(err)
	}
	sAll, sRight := kept(strict)
	lAll, lRight := kept(loose)
	if !(loose.Threshold < strict.Threshold && lRight > sRight && lAll > sAll) {
		t.Errorf("fitted for 75%% right: threshold %.3f, keeps %d of which %d right; for 95%%: %.3f, %d, %d; want the looser to keep more",
			loose.Threshold, lAll, lRight, strict.Threshold, sAll, sRight)
	}
	if float64(sRight) < 0.95*float64(sAll) {
		t.Errorf("fitted for 95%% right, it keeps %d of which %d right", sAll, sRight)
	}
}
