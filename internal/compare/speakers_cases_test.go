package compare

import (
	"slices"
	"testing"
)

// speakerCase is an article written for a test and the speakers its quotes
// should be given, in order.
type speakerCase struct {
	name, text string
	want       []string
}

// checkSpeakers runs each case as a subtest: the speakers Quotes gives the
// article must be the wanted ones, in order.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Quotes(tt.text) {
				got = append(got, q.Speaker)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers = %q, want %q", got, tt.want)
			}
		})
	}
}
