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

// PartlyClosestUnlisted counts, in the comparison of a story's articles,
// the partly shared items, and those whose closest sentence is listed
// nowhere (in no shared fact, nor as its article's own or partly shared
// claim), so that a reader who looks for it in its article does not find it.
func PartlyClosestUnlisted(articles []news.Article) (items, unlisted int) {
	c, fates := compareSentences(articles)
	arts := news.InTimelineOrder(articles)
	listed := map[[2]string]bool{}
	for k, s := range sentencesOf(arts, false) {
		if f := fates[k]; f == fateShared || f == fateOwn || f == fatePartly {
			listed[[2]string{arts[s.article].ID, s.text}] = true
		}
	}
	for _, ps := range c.PartlyShared {
		for _, p := range ps {
			items++
			if !listed[[2]string{p.Closest.Article, p.Closest.Text}] {
				unlisted++
			}
		}
	}
	return items, unlisted
}

// FateNames are the fates in table order.
var FateNames = fateNames[:]
