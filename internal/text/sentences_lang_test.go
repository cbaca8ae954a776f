package text

import (
	"slices"
	"testing"
)

// TestSentencesOfOtherLanguages: a German day's ordinal point before a
// month, and the number and clause signs "Nr.", "Abs.", "ст.", "godz."
// before their number, end no sentence (invented sentences); an English
// sentence that ends with a number before "April" still ends.
func TestSentencesOfOtherLanguages(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Am 3. Oktober kamen 200 Gäste. Sie blieben.", []string{"Am 3. Oktober kamen 200 Gäste.", "Sie blieben."}},
		{"Das verstößt gegen § 13 Abs. 6 des Gesetzes. Nr. 4 folgt.", []string{"Das verstößt gegen § 13 Abs. 6 des Gesetzes.", "Nr. 4 folgt."}},
		{"Задержан по ст. 208 кодекса. Суд назначен.", []string{"Задержан по ст. 208 кодекса.", "Суд назначен."}},
		{"Głosowano do godz. 3 nad ranem.", []string{"Głosowano do godz. 3 nad ranem."}},
		{"The team finished with a score of 3. April brought a new coach.", []string{"The team finished with a score of 3.", "April brought a new coach."}},
	}
	for _, c := range cases {
		if got := Sentences(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
