package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// matchExplain is a sentence's best match in another article and what the
// comparison made of the pair.
type matchExplain struct {
	other, k int     // the other article, and the matched sentence's index in sents
	score    float64 // fact score (the fact model's probability over its threshold)
	linkProb float64 // the link model's probability (its threshold: BuiltinLinkModel().Threshold)
	reason   string
}

// Reasons a sentence's best match in another article is or is not in a
// fact with it, in the order the comparison decides them.
const (
	reasonShared    = "shared"                      // in one fact
	reasonFar       = "below nearly shared"         // fact score under nearlyShared
	reasonNear      = "nearly shared, not linked"   // the link model says no: listed as partly shared
	reasonNotMutual = "linked, not mutual or group" // each other's best match not, or the groups' sentences disagree
	reasonShort     = "too short to link"           // under minLinkWords: align matches it with nothing
)

// factNumbers numbers each sentence by its group of align's (1 for the
// first group), 0 for a sentence in none.
func factNumbers(groups [][]int, sentences int) []int {
	factOf := make([]int, sentences)
	for gi, g := range groups {
		for _, k := range g {
			factOf[k] = gi + 1
		}
	}
	return factOf
}

// explainMatches gives, for each sentence of a story's articles (in
// sentencesOf's order, articles in timeline order), its best match in each
// other article that shares candidateFloor of its words, with why the pair
// is or is not one fact. It reads the comparison's own decisions (align,
// factScore, linked), so a story read by hand can say for each missed claim
// which score stopped it.
func explainMatches(arts []news.Article) ([]sentenceRef, [][]matchExplain) {
	arts = news.InTimelineOrder(arts)
	sents := sentencesOf(arts, true)
	groups, _, _ := align(nil, sents, len(arts))
	factOf := factNumbers(groups, len(sents))
	out := make([][]matchExplain, len(sents))
	for k, s := range sents {
		if text.WordCount(s.text) < minLinkWords {
			out[k] = []matchExplain{{other: -1, k: -1, reason: reasonShort}}
		}
	}
	pairScore := func(k, m int) float64 { return factScore(sents[k].prof, sents[m].prof) }
	eachBestMatch(nil, sents, len(arts), pairScore, func(k, best int, score float64) {
		s := sents[k]
		e := matchExplain{other: sents[best].article, k: best, score: score,
			linkProb: BuiltinLinkModel().Logistic.Predict(linkFeatures(s.prof, sents[best].prof, score))}
		switch {
		case factOf[k] == factOf[best] && len(groups[factOf[k]-1]) > 1:
			e.reason = reasonShared
		case score < nearlyShared:
			e.reason = reasonFar
		case !linked(s.prof, sents[best].prof, score):
			e.reason = reasonNear
		default:
			e.reason = reasonNotMutual
		}
		out[k] = append(out[k], e)
	})
	return sents, out
}

// TestExplainStory prints, for the stories $STORYLINE_EXPLAIN_STORIES
// (comma-separated story ids) of the article export $STORYLINE_EXPLAIN
// (`storyline export --what articles`), each sentence with its best match
// in every other article, their fact score, the link model's probability
// and why they are or are not one fact: the story-level check behind the
// docs/measurements/comparison.md's hand reads of shared facts (skipped when unset).
//
//	storyline export --db D --what articles > arts.jsonl
//	STORYLINE_EXPLAIN=$PWD/arts.jsonl STORYLINE_EXPLAIN_STORIES=62d0521bf4b0 go test ./internal/compare -run ExplainStory -v
func TestExplainStory(t *testing.T) {
	path, ids := os.Getenv("STORYLINE_EXPLAIN"), os.Getenv("STORYLINE_EXPLAIN_STORIES")
	if path == "" || ids == "" {
		t.Skip("STORYLINE_EXPLAIN and STORYLINE_EXPLAIN_STORIES name no articles")
	}
	byStory, err := readExportedArticles(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range strings.Split(ids, ",") {
		arts := byStory[id]
		if len(arts) < 2 {
			t.Errorf("story %s: %d articles in %s", id, len(arts), path)
			continue
		}
		sents, matches := explainMatches(arts)
		arts = news.InTimelineOrder(arts)
		fmt.Printf("story %s (link threshold %.2f)\n", id, BuiltinLinkModel().Threshold)
		for i, a := range arts {
			fmt.Printf("  A%d %s %s\n", i, a.ID, a.Source)
		}
		for k, s := range sents {
			fmt.Printf("[A%d.%d] %s\n", s.article, s.index, s.text)
			for _, e := range matches[k] {
				if e.k < 0 {
					fmt.Printf("    %s\n", e.reason)
					continue
				}
				fmt.Printf("    A%d.%d fact %.2f link %.2f  %s\n", e.other, sents[e.k].index, e.score, e.linkProb, e.reason)
			}
		}
	}
}

// readExportedArticles reads `storyline export --what articles` JSONL into
// each story's articles, with their publication times.
func readExportedArticles(path string) (map[string][]news.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]news.Article{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a news.Article // its own decoder, which an embedding struct would inherit
		var row struct {
			Story     string    `json:"story"`
			Published time.Time `json:"published"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, err
		}
		a.Published = row.Published
		out[row.Story] = append(out[row.Story], a)
	}
	return out, sc.Err()
}

// TestExplainMatchesReasons: of two articles on one event, the sentences
// that report it in other words are one fact, and a sentence with no
// counterpart is no fact with any.
func TestExplainMatchesReasons(t *testing.T) {
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "a", Source: "Gazette", Published: day, Text: "The Aldbury council voted 7-2 on Tuesday to close the Hollis Street bridge for repairs. " +
			"The mayor's office said the bakery on the corner had won a regional prize for its rye bread. Bridge repairs start."},
		{ID: "b", Source: "Courier", Published: day, Text: "Aldbury's council on Tuesday voted 7-2 to shut the Hollis Street bridge for repairs. " +
			"Engineers found rust in the old steel beams last winter. Bridge repairs start."},
	}
	sents, matches := explainMatches(arts)
	reasonOf := func(text string) []string {
		i := slices.IndexFunc(sents, func(s sentenceRef) bool { return strings.HasPrefix(s.text, text) })
		if i < 0 {
			t.Fatalf("no sentence %q", text)
		}
		var rs []string
		for _, e := range matches[i] {
			rs = append(rs, e.reason)
		}
		return rs
	}
	if got := reasonOf("The Aldbury council voted"); !slices.Equal(got, []string{reasonShared}) {
		t.Errorf("the vote: %v, want shared", got)
	}
	if got := reasonOf("The mayor's office said the bakery"); slices.Contains(got, reasonShared) {
		t.Errorf("the bakery: %v, want no fact", got)
	}
	// align matches no sentence under minLinkWords, so neither may the
	// explanation, however alike the two are.
	if got := reasonOf("Bridge repairs start."); !slices.Equal(got, []string{reasonShort}) {
		t.Errorf("the short sentence: %v, want %s", got, reasonShort)
	}
}
