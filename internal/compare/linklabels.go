package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// ArticleSentences are an article's sentences as the comparison reads them
// (sentencesOf: paragraphs split into sentences, wire datelines left out),
// in order: a sentence's index here is its index in a comparison of any
// story the article is in. Labelled links name sentences by this index.
func ArticleSentences(a news.Article) []string {
	sents := sentencesOf([]news.Article{a}, false)
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.text
	}
	return out
}

// SentenceHash is a short hash of a sentence's normalised text (folded,
// lower-cased words joined by single spaces: spacing and quotation marks'
// shapes do not change it), which a labelled link keeps beside the
// sentence's index so that a changed sentence splitter, which moves the
// indexes, is detected rather than labelling other sentences. Eight hex
// digits (32 bits): a chance collision among one story's sentences is about
// one in four billion per row.
func SentenceHash(s string) string {
	var b strings.Builder
	for i, w := range text.Words(text.Fold(s)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:4])
}
