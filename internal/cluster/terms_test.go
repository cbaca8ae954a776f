package cluster

import (
	"math"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestTermsAreSublinearWithTheHeadlineTwice pins the document vector
// Prepared.Terms gives the baselines: a term's weight is 1 + ln(n) for n
// occurrences, a headline's occurrence counting twice.
func TestTermsAreSublinearWithTheHeadlineTwice(t *testing.T) {
	tests := []struct {
		a    news.Article
		word string
		n    float64 // occurrences, the headline's counted twice
	}{
		{news.Article{Text: "crane"}, "crane", 1},
		{news.Article{Text: "crane crane crane crane"}, "crane", 4},
		{news.Article{Title: "crane", Text: "harbour"}, "crane", 2},
		{news.Article{Title: "crane", Text: "crane harbour"}, "crane", 3},
		{news.Article{Title: "crane", Text: "crane harbour"}, "harbour", 1},
	}
	for _, tt := range tests {
		want := 1 + math.Log(tt.n)
		wantH := termHash(t, tt.word)
		found := false
		Prepare(tt.a).Terms(func(h uint64, tf float64) {
			if h == wantH {
				found = true
				if math.Abs(tf-want) > 1e-9 {
					t.Errorf("%q / %q: %s weighs %.4f, want 1+ln(%g) = %.4f", tt.a.Title, tt.a.Text, tt.word, tf, tt.n, want)
				}
			}
		})
		if !found {
			t.Errorf("%q / %q: no term %s", tt.a.Title, tt.a.Text, tt.word)
		}
	}
}

// termHash is the hash Terms gives a word: that of the only term of a text
// holding the word once.
func termHash(t *testing.T, word string) uint64 {
	t.Helper()
	var hs []uint64
	Prepare(news.Article{Text: word}).Terms(func(h uint64, _ float64) { hs = append(hs, h) })
	if len(hs) != 1 {
		t.Fatalf("%q gives %d terms, want 1", word, len(hs))
	}
	return hs[0]
}

// TestIDF pins the clusterer's IDF, which eval's single-pass baseline
// shares: 1 + ln((docs+1)/(df+1)), 1 for a term in every document.
func TestIDF(t *testing.T) {
	for _, tt := range []struct {
		docs, df int
		want     float64
	}{{9, 9, 1}, {9, 0, 1 + math.Log(10)}, {9, 4, 1 + math.Log(2)}} {
		if got := IDF(tt.docs, tt.df); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("IDF(%d, %d) = %.6f, want %.6f", tt.docs, tt.df, got, tt.want)
		}
	}
}
