package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestDrawLinks writes, for each gold story of the bench files
// $STORYLINE_LINKDRAW (comma-separated paths of ../shared/bench/stories),
// every pair the link decision judges (a sentence and its best match in
// another article at a fact score of nearlyShared or more, each pair once)
// to the TSV $STORYLINE_LINKDRAW_OUT, with the fact score, the link model's
// probability, whether it links them and whether they end in one fact, and
// both texts: the pool from which links are drawn to be labelled by hand
// (the texts stay outside the repository; the labels name the sentences by
// index and hash, see eval.ReadLinkLabels). Skipped when unset.
// $STORYLINE_LINKDRAW_FLOOR, a fact score under nearlyShared, widens the
// pool to best matches from that score: pairs the comparison never links
// (matchProbability is 0 under nearlyShared, which the prob column shows),
// drawn to measure how many shared claims the cut itself misses.
//
//	STORYLINE_LINKDRAW=../shared/bench/stories/basil.jsonl STORYLINE_LINKDRAW_OUT=/tmp/pool.tsv go test ./internal/compare -run DrawLinks
func TestDrawLinks(t *testing.T) {
	paths, out := os.Getenv("STORYLINE_LINKDRAW"), os.Getenv("STORYLINE_LINKDRAW_OUT")
	if paths == "" || out == "" {
		t.Skip("STORYLINE_LINKDRAW and STORYLINE_LINKDRAW_OUT name no files")
	}
	floor := nearlyShared
	if v := os.Getenv("STORYLINE_LINKDRAW_FLOOR"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > nearlyShared {
			t.Fatalf("STORYLINE_LINKDRAW_FLOOR %q: want a fact score from 0 to %v", v, nearlyShared)
		}
		floor = f
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	fmt.Fprintln(w, "bench\tstory\tarticle_a\tsentence_a\thash_a\tarticle_b\tsentence_b\thash_b\tfact\tprob\tlinked\tin_fact\ttext_a\ttext_b")
	for _, path := range strings.Split(paths, ",") {
		stories, order, err := readBenchStories(path)
		if err != nil {
			t.Fatal(err)
		}
		bench := filepath.Base(path)
		for _, story := range order {
			arts := news.InTimelineOrder(stories[story])
			if len(arts) < 2 {
				continue
			}
			sents := sentencesOf(arts, true)
			groups, _, _ := align(nil, sents, len(arts))
			factOf := factNumbers(groups, len(sents))
			pairScore := func(k, m int) float64 { return factScore(sents[k].prof, sents[m].prof) }
			seen := map[[2]int]bool{}
			eachBestMatch(nil, sents, len(arts), pairScore, func(k, best int, score float64) {
				key := [2]int{min(k, best), max(k, best)}
				if score < floor || seen[key] {
					return
				}
				seen[key] = true
				a, b := sents[key[0]], sents[key[1]]
				prob := matchProbability(a.prof, b.prof, score)
				inFact := factOf[key[0]] == factOf[key[1]] && factOf[key[0]] > 0
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%d\t%s\t%.4f\t%.4f\t%v\t%v\t%s\t%s\n", bench, story,
					arts[a.article].ID, a.index, SentenceHash(a.text), arts[b.article].ID, b.index, SentenceHash(b.text),
					score, prob, linked(a.prof, b.prof, score), inFact, oneLine(a.text), oneLine(b.text))
			})
		}
	}
}

// oneLine keeps a text on one TSV line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readBenchStories reads a bench file's articles by gold story (the
// "cluster" field, unquoted), stories in the order first met.
func readBenchStories(path string) (map[string][]news.Article, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	out := map[string][]news.Article{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			ID, Title, Text string
			Source, Date    *string
			Cluster         json.RawMessage
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, nil, err
		}
		a := news.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if rec.Source != nil {
			a.Source = *rec.Source
		}
		if rec.Date != nil {
			a.Published, _ = news.ParsePublished(*rec.Date)
		}
		c := strings.Trim(string(rec.Cluster), `"`)
		if _, ok := out[c]; !ok {
			order = append(order, c)
		}
		out[c] = append(out[c], a)
	}
	return out, order, sc.Err()
}
