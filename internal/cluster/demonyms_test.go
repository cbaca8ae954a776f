package cluster

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// TestTermsFoldNationalityToCountry: an invented report's "Marovian troops"
// and another's "Marovia's army" are not in the table; a real country's
// adjective is: "Israeli" and "ISRAELI" count as the term "israel", the
// lower-case "turkey" of a meal stays itself, and the words around a folded
// word keep their terms and order.
func TestTermsFoldNationalityToCountry(t *testing.T) {
	words := text.Words("Israeli troops and ISRAELI police ate turkey near the Turkish border")
	got := appendTermsFolded(nil, words)
	want := []string{"israel", "troops", "israel", "police", "ate", "turkey", "turkey", "border"}
	if !slices.Equal(got, want) {
		t.Errorf("folded terms %q, want %q", got, want)
	}
	if plain := text.TermsOf(words); slices.Equal(plain, got) {
		t.Errorf("the fold changed nothing: %q", plain)
	}
}

// TestFeaturesShareCountryNamedTwoWays: two invented reports, one naming
// the country and one its people, share the country's term and name.
func TestFeaturesShareCountryNamedTwoWays(t *testing.T) {
	a, aw := featuresOf(news.Article{Title: "Talks stall", Text: "Officials met fishermen of Norway on Monday to discuss quotas."})
	b, bw := featuresOf(news.Article{Title: "Talks stall", Text: "Officials met Norwegian fishermen on Monday to discuss quotas."})
	if !slices.Contains(aw.terms, "norway") || !slices.Contains(bw.terms, "norway") {
		t.Errorf("terms %q and %q, want both to hold norway", aw.terms, bw.terms)
	}
	if !slices.Contains(aw.names, "norway") || !slices.Contains(bw.names, "norway") || len(a.names) != len(b.names) {
		t.Errorf("names %q and %q, want norway in both", aw.names, bw.names)
	}
}
