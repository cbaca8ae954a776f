package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// leadOf is the headline and the text's first two sentences, which the
// entity model reads.
func leadOf(a news.Article) string {
	ss := text.Sentences(strings.ReplaceAll(a.Text, "\n", " "))
	if len(ss) > leadSentences {
		ss = ss[:leadSentences]
	}
	return a.Title + ".\n" + strings.Join(ss, " ")
}

// typedSets are the names of each kind a lead gives: kind -> keys (a
// person's surname, a place's name, both lower-cased).
type typedSets map[string]map[string]bool

// typedOf reads a lead's names of every kind the measurement compares.
func typedOf(a news.Article) typedSets {
	out := typedSets{"person": {}, "place": {}, "org": {}, "cp": {}, "cph": {}}
	ss := text.Sentences(strings.ReplaceAll(a.Text, "\n", " "))
	if len(ss) > leadSentences {
		ss = ss[:leadSentences]
	}
	if strings.TrimSpace(a.Text) == "" {
		ss = []string{a.Title}
	}
	for _, s := range ss {
		for _, p := range compare.LeadPeople(text.Words(s)) {
			out["cp"][p] = true
		}
	}
	for _, s := range append(ss, a.Title) {
		for _, p := range compare.LeadPeople(text.Words(s)) {
			out["cph"][p] = true
		}
	}
	for _, e := range compare.DefaultRecogniser().Entities(leadOf(a)) {
		k := strings.ToLower(e.Name)
		if e.Kind == news.Person {
			ws := strings.Fields(k)
			k = ws[len(ws)-1]
		}
		out[string(e.Kind)][k] = true
	}
	return out
}

// TestMeasureTypedContradiction is a measurement, not a check: it tells how
// often a typed participant contradiction would fire on same-event and on
// different-event candidates near the join threshold, before any fitting.
// Each labelled file (CTYPED_FILES, comma-separated JSONL; dated files in
// date order, duc2003's TREC topics left out) is streamed with the gold
// history, as Examples does, and every candidate the shipped model scores
// at a join probability within CTYPED_BAND (default 0.2,0.5) is counted by
// label and by whether each kind clashes: "X" when the article's lead and
// the story's leads (the union of its members') each name one of kind X and
// share none; "X-both" when each names one the other does not. person,
// place and org are the entity model's (compare.Recogniser, headline and
// the text's first two sentences); cp is compare.LeadPeople over the text's
// first two sentences (the headline when there is no text), cph with the
// headline as well. (Commit 6c2d28a also read the place gazetteer's
// places and countries, compare.LeadPlaces, since dropped.) Run:
//
//	S=../shared/bench/stories
//	CTYPED_FILES=$S/ecbplus_dev.jsonl,$S/allsides_val.jsonl go test ./internal/cluster -run TestMeasureTypedContradiction -v
func TestMeasureTypedContradiction(t *testing.T) {
	files := os.Getenv("CTYPED_FILES")
	if files == "" {
		t.Skip("CTYPED_FILES not set")
	}
	m := DefaultModel()
	var lo, hi float64 = 0.2, 0.5
	if b := os.Getenv("CTYPED_BAND"); b != "" {
		fmt.Sscanf(b, "%g,%g", &lo, &hi)
	}
	for _, path := range strings.Split(files, ",") {
		arts, gold := readGold(t, path)
		kinds := []string{"person", "place", "org", "person|place", "person-both", "place-both", "cp", "cph", "cp-both"}
		counts := map[string]*[2][2]int{} // kind -> [same/diff][n, fire]
		for _, k := range kinds {
			counts[k] = &[2][2]int{}
		}
		opt := Options{}
		opt.Model = &Model{}
		c := New(opt)
		goldOf := map[*story]string{}
		parts := map[string]*story{}
		storyTyped := map[*story]typedSets{}
		var cur string
		var curTyped typedSets
		c.examples = func(sig []float64, s *story) {
			p := m.Probability(sig)
			if p < lo || p > hi {
				return
			}
			lab := 1
			if goldOf[s] == cur {
				lab = 0
			}
			st := storyTyped[s]
			for _, k := range kinds {
				fire := clashOf(k, curTyped, st)
				counts[k][lab][0]++
				if fire {
					counts[k][lab][1]++
				}
			}
		}
		for i, a := range arts {
			p := Prepare(a)
			f := p.f
			c.learn(f)
			c.seq++
			cur = gold[i]
			curTyped = typedOf(a)
			s := parts[cur]
			open := s != nil && c.open(s, f.when)
			dup, _ := c.nearDuplicate(f, f.when)
			if dup == nil {
				c.score(c.prepareQuery(f), f.when)
			}
			if !open {
				s = c.newStory(a.ID)
				goldOf[s], parts[cur] = cur, s
				storyTyped[s] = typedSets{}
			}
			for k, set := range curTyped {
				if storyTyped[s][k] == nil {
					storyTyped[s][k] = map[string]bool{}
				}
				for x := range set {
					storyTyped[s][k][x] = true
				}
			}
			c.join(s, a.ID, f)
		}
		fmt.Printf("%s (candidates at p %g-%g, gold history)\n", filepath.Base(path), lo, hi)
		for _, k := range kinds {
			cn := counts[k]
			fmt.Printf("  %-12s same %4d fire %5.1f%%   diff %4d fire %5.1f%%\n", k, cn[0][0], pct(cn[0][1], cn[0][0]), cn[1][0], pct(cn[1][1], cn[1][0]))
		}
	}
}

// pct is a as a percentage of b, 0 when b is.
func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// clashOf: "X": both name one of kind X and share none; "X-both": each
// names one of kind X the other does not.
func clashOf(k string, a, s typedSets) bool {
	switch k {
	case "person|place":
		return clashOf("person", a, s) || clashOf("place", a, s)
	case "person-both", "place-both", "cp-both":
		kk := strings.TrimSuffix(k, "-both")
		return extra(a[kk], s[kk]) && extra(s[kk], a[kk])
	}
	x, y := a[k], s[k]
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	for w := range x {
		if y[w] {
			return false
		}
	}
	return true
}

// extra tells whether x holds a key y does not.
func extra(x, y map[string]bool) bool {
	for w := range x {
		if !y[w] {
			return true
		}
	}
	return false
}

// readGold reads a labelled JSONL file's articles and gold stories in the
// order `storyline cluster` streams them (by date when all are dated),
// without duc2003's TREC topics.
func readGold(t *testing.T, path string) ([]news.Article, []string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var arts []news.Article
	var gold []string
	for sc.Scan() {
		var rec struct {
			ID, Title, Text string
			Date            *string
			Published       string
			Cluster         json.RawMessage
			Kind            string `json:"cluster_kind"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Kind == "trec_novelty_topic" {
			continue
		}
		a := news.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		d := rec.Published
		if d == "" && rec.Date != nil {
			d = *rec.Date
		}
		a.Published, _ = news.ParsePublished(d)
		arts = append(arts, a)
		gold = append(gold, string(rec.Cluster))
	}
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	SortForStream(idx, func(i int) time.Time { return arts[i].Published })
	var sa []news.Article
	var sg []string
	for _, i := range idx {
		sa, sg = append(sa, arts[i]), append(sg, gold[i])
	}
	return sa, sg
}

// BenchmarkLeadEntities is the entity model's cost on a lead, to set beside
// BenchmarkFeaturesOf (CTYPED_FILES as for the measurement).
func BenchmarkLeadEntities(b *testing.B) {
	files := os.Getenv("CTYPED_FILES")
	if files == "" {
		b.Skip()
	}
	t := &testing.T{}
	arts, _ := readGold(t, strings.Split(files, ",")[0])
	r := compare.DefaultRecogniser()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Entities(leadOf(arts[i%len(arts)]))
	}
}

// BenchmarkFeaturesOf is the cost of an article's clustering features.
func BenchmarkFeaturesOf(b *testing.B) {
	files := os.Getenv("CTYPED_FILES")
	if files == "" {
		b.Skip()
	}
	t := &testing.T{}
	arts, _ := readGold(t, strings.Split(files, ",")[0])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		featuresOf(arts[i%len(arts)])
	}
}

// BenchmarkLeadPeople is the cost of reading a lead's people
// (compare.LeadPeople over the text's first two sentences), to set
// beside BenchmarkFeaturesOf.
func BenchmarkLeadPeople(b *testing.B) {
	files := os.Getenv("CTYPED_FILES")
	if files == "" {
		b.Skip()
	}
	arts, _ := readGold(&testing.T{}, strings.Split(files, ",")[0])
	leads := make([][]string, len(arts))
	for i, a := range arts {
		ss := text.Sentences(strings.ReplaceAll(a.Text, "\n", " "))
		leads[i] = text.Words(strings.Join(ss[:min(2, len(ss))], " "))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compare.LeadPeople(leads[i%len(leads)])
	}
}
