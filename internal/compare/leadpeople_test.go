package compare

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/text"
)

// LeadPeople reads a person from a first name of the lexicon before
// capitalised words, or from a title before them; places, organisations
// and events are not people.
func TestLeadPeople(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     []string
	}{
		{"Peter Brant stopped Tony Kessel in the sixth round.", []string{"brant", "kessel"}},
		{"President Hallam vetoed the harbour bill.", []string{"hallam"}},
		{"The bill was vetoed by president Hallam on Friday.", []string{"hallam"}},
		{"Sen. Mary Osgood voted against it.", []string{"osgood"}},
		{"The Velmar Harbour Council approved the fee rise.", nil},
		{"Floods closed Virginia Beach and New York.", nil},
		{"Fans of Storm Eleanor and the Sable Cup met in Paris.", nil},
		{"The champion stopped the challenger.", nil},
	} {
		if got := LeadPeople(text.Words(tt.sentence)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: people %q, want %q", tt.sentence, got, tt.want)
		}
	}
}
