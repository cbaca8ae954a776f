package compare

import "github.com/storyline-news/storyline/internal/news"

// SentenceFates is compareSentences for the external tests: the name of
// what became of each sentence (fateNames), and every name in table order.
func SentenceFates(articles []news.Article) []string {
	_, fates := compareSentences(articles)
	out := make([]string, len(fates))
	for i, f := range fates {
		out[i] = f.String()
	}
	return out
}

// FateNames are the fates in table order.
var FateNames = fateNames[:]
