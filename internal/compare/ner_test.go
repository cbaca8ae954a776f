package compare

import (
	"slices"
	"strings"
	"testing"
)

// firstFields gives the first words as strings.Fields does, without
// splitting the rest.
func TestFirstFieldsMatchesFields(t *testing.T) {
	for _, s := range []string{"", "   ", "one", " a  b\tc\nd e f g ", "the city’s police chief, said"} {
		for n := 0; n <= 8; n++ {
			want := strings.Fields(s)
			want = want[:min(n, len(want))]
			if got := firstFields(s, n); !slices.Equal(got, want) {
				t.Errorf("firstFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
