package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/internal/text"
)

// Hard negatives for the fact decision, by self-supervision: two different
// sentences of one article that share a name and several content words
// almost never state the same fact (an article does not repeat itself),
// yet they share topic and names as the pairs the fact model wrongly calls
// shared on real stories do (the same senator, another statement). No
// labelled pair set holds such pairs. A lede restated later is the
// exception, so pairs whose content words overlap much are left out.
const (
	// negMinWords is the fewest words a sentence needs to be a claim
	// rather than a fragment or a byline.
	negMinWords = 8
	// negMinShared is how many content stems two sentences sharing a name
	// must also share to be of one topic: 3, as a subject, a verb and an
	// object would be. Asking for a name or 3 stems instead gave pairs
	// that cost duc_scu_dev more (10-fold F1 .648 against .655 at weight
	// .1, see README, pairs).
	negMinShared = 3
	// negMaxOverlap is the largest share of the shorter sentence's content
	// stems the other may have: over half, the article may restate its
	// lede (not tuned).
	negMaxOverlap = 0.5
	// negPerArticle is how many pairs one article gives at most (those
	// sharing the most first), so that long articles do not dominate.
	negPerArticle = 3
)

// negSentence is a sentence's content stems and the names in it.
type negSentence struct {
	text    string
	content map[string]bool
	names   map[string]bool
}

// SameArticleNegatives reads article files (JSON lines with a `text`) and
// returns, for each article in order, up to negPerArticle pairs of its own
// sentences that share a name (a capitalised word not opening the sentence)
// and negMinShared content stems but not over negMaxOverlap of them: pairs
// to be fitted as "no common fact".
func SameArticleNegatives(paths []string) ([][2]string, error) {
	var out [][2]string
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for n := 1; sc.Scan(); n++ {
			var a struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
			out = append(out, articleNegatives(a.Text)...)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return out, nil
}

// articleNegatives are one article's hard-negative pairs (see
// SameArticleNegatives).
func articleNegatives(body string) [][2]string {
	var sents []negSentence
	for _, p := range strings.Split(body, "\n") {
		for _, s := range text.Sentences(strings.TrimSpace(p)) {
			if ws := text.Words(text.Fold(s)); len(ws) >= negMinWords {
				sents = append(sents, negSentenceOf(s, ws))
			}
		}
	}
	type candidate struct {
		pair   [2]string
		shared int
	}
	var cands []candidate
	for i := range sents {
		for j := i + 1; j < len(sents); j++ {
			a, b := sents[i], sents[j]
			shared := countShared(a.content, b.content)
			if float64(shared) > negMaxOverlap*float64(min(len(a.content), len(b.content))) {
				continue
			}
			if countShared(a.names, b.names) == 0 || shared < negMinShared {
				continue
			}
			cands = append(cands, candidate{[2]string{a.text, b.text}, shared})
		}
	}
	slices.SortStableFunc(cands, func(x, y candidate) int { return cmp.Compare(y.shared, x.shared) })
	var out [][2]string
	for _, c := range cands[:min(len(cands), negPerArticle)] {
		out = append(out, c.pair)
	}
	return out
}

// negSentenceOf reads a sentence's content stems (lower-cased words without
// stop words, cut to five letters) and names.
func negSentenceOf(s string, words []string) negSentence {
	ns := negSentence{text: s, content: map[string]bool{}, names: map[string]bool{}}
	for i, w := range words {
		lw := strings.ToLower(w)
		if text.IsStopWord(lw) {
			continue
		}
		r := []rune(lw)
		ns.content[string(r[:min(len(r), 5)])] = true
		if i > 0 && unicode.IsUpper([]rune(w)[0]) {
			ns.names[lw] = true
		}
	}
	return ns
}

// countShared is how many members two sets share.
func countShared(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
