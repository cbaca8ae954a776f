package cluster

import (
	"math"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// features are what the clusterer compares of an article.
type features struct {
	tf      map[string]float64 // sublinear term frequency, title terms counted twice
	names   map[string]bool    // lower-cased capitalised words not at a sentence start
	numbers map[string]bool    // numbers of two or more digits (years, counts, sums)
	sig     text.MinHash       // over 5-word shingles, for near-duplicates
	words   int
}

const (
	signatureSize = 64
	lshBands      = 16 // 4 rows each: pairs at Jaccard 0.7 collide with probability 0.98, at 0.3 with 0.12
)

func featuresOf(a news.Article) features {
	f := features{tf: map[string]float64{}, names: map[string]bool{}, numbers: map[string]bool{}}
	counts := map[string]int{}
	for _, t := range text.Terms(a.Title) {
		counts[t] += 2
	}
	body := a.Text
	for _, t := range text.Terms(body) {
		counts[t]++
	}
	for t, n := range counts {
		f.tf[t] = 1 + math.Log(float64(n))
	}
	for _, s := range text.Sentences(strings.ReplaceAll(a.Title+".\n"+body, "\n", " ")) {
		words := text.Words(s)
		for i, w := range words {
			switch {
			case i > 0 && text.IsUpperInitial(w) && len(w) > 1 && !text.IsStopWord(strings.ToLower(w)):
				f.names[strings.ToLower(w)] = true
			case len(w) >= 2 && isNumber(w):
				f.numbers[w] = true
			}
		}
	}
	words := text.Words(text.Normalize(body))
	f.words = len(words)
	f.sig = text.Signature(text.Shingles(words, 5), signatureSize)
	return f
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
