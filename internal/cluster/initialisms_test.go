package cluster

import (
	"slices"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// TestInitialismTerms pins the terms of initialisms: dotted and undotted
// one term, the pronoun and a passage set in capitals none.
func TestInitialismTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. envoy", []string{"us", "envoy"}},
		{"the US envoy", []string{"us", "envoy"}},
		{"let us know", []string{"let", "know"}},
		{"LET US KNOW", []string{"let", "know"}},
		{"a WHO report", []string{"who", "report"}},
		{"U.N. and UN aid", []string{"un", "un", "aid"}},
		{"the UK", []string{"uk"}},
	}
	for _, tt := range tests {
		got := appendTerms(nil, text.AppendWordsKeepingInitialisms(nil, tt.in))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: terms %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCountryWrittenTwoWaysSharesATermAndAName checks that two reports
// naming a country by its initials, one with dots and one without, share
// its term and its name, and that a report using the pronoun has neither.
func TestCountryWrittenTwoWaysSharesATermAndAName(t *testing.T) {
	dotted, _ := featuresOf(news.Article{Title: "Envoy visits port",
		Text: "The envoy said the U.S. would send grain. Farmers welcomed it."})
	plain, _ := featuresOf(news.Article{Title: "Envoy visits port",
		Text: "The envoy said the US would send grain. Farmers welcomed it."})
	pronoun, _ := featuresOf(news.Article{Title: "Envoy visits port",
		Text: "The envoy told us he would send grain. Farmers welcomed it."})
	h := text.Hash("us")
	hasTerm := func(f features) bool {
		return slices.ContainsFunc(f.terms, func(x term) bool { return x.h == h })
	}
	for _, c := range []struct {
		name string
		f    features
		want bool
	}{{"dotted", dotted, true}, {"plain", plain, true}, {"pronoun", pronoun, false}} {
		if got := hasTerm(c.f); got != c.want {
			t.Errorf("%s: term us %v, want %v", c.name, got, c.want)
		}
		if got := slices.Contains(c.f.names, h); got != c.want {
			t.Errorf("%s: name us %v, want %v", c.name, got, c.want)
		}
	}
}
