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

// TestRupeeAbbreviation checks that "Rs." before its number ends no
// sentence, and that it still ends one before a sentence's first word.
// Written for the test.
func TestRupeeAbbreviation(t *testing.T) {
	if got := Sentences("The fine would rise to Rs. 5,000 next year."); len(got) != 1 {
		t.Errorf("Rs. 5,000: %q, want one sentence", got)
	}
	if got := Sentences("The fine was paid in Rs. The court agreed."); len(got) != 2 {
		t.Errorf("in Rs. The: %q, want two sentences", got)
	}
}

// TestRupeeJoinedToAWord checks that "Rs." joined to a word ("KC-130Rs.")
// is no rupee sign: the sentence ends there. Written for the test.
func TestRupeeJoinedToAWord(t *testing.T) {
	if got := Sentences("The navy bought four KC-130Rs. 12 more follow next year."); len(got) != 2 {
		t.Errorf("KC-130Rs. 12: %q, want two sentences", got)
	}
}
