package compare

import (
	"strings"
	"testing"
)

// A short quoted phrase credited to no one, which a verb of naming
// ("described as", "called") puts inside the writer's own sentence, is a
// term the writer marks, not a quotation: a place that "described" speaks
// no words, and a passive names no one. A verb of speech with no speaker
// named ("A spokesman said it was "..."") keeps the words someone's, and a
// named subject of a verb of naming keeps the label his.
func TestLabelCreditedToNoOneIsATerm(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // the quotes' texts
	}{
		{"a place described", "It was a quiet day in the valley.\nNorway has described its actions in the north as a “limited border operation.” " +
			"Others disagree.", nil},
		{"a passive", "It was a quiet day in the valley.\nThe strike was described as a “targeted police action.” The union disagreed.", nil},
		{"a named speaker keeps it", "It was a quiet day in the valley.\nMayor Tomas Brandt described the deal as “a huge win for the city.” " +
			"He spoke on Friday.", []string{"a huge win for the city."}},
		{"a speech verb keeps it", "It was a quiet day in the valley.\nA spokesman said the decision was “deeply troubling to us.” " +
			"The company declined to comment.", []string{"deeply troubling to us."}},
	}
	for _, c := range cases {
		var got []string
		for _, q := range Quotes(c.text) {
			got = append(got, q.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: quotes %q, want %q", c.name, got, c.want)
		}
	}
}
