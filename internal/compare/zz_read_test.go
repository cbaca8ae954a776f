package compare

// Dev-only (untracked): READ_STORIES=from:n go test ./internal/compare -run DevRead -v
// prints each BASIL story's fact groups with every member sentence, and the only-in lists.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
)

func paragraphsDev(t string) string {
	var out []string
	for _, l := range strings.Split(t, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}

func TestDevRead(t *testing.T) {
	spec := os.Getenv("READ_STORIES")
	if spec == "" {
		t.Skip()
	}
	parts := strings.Split(spec, ":")
	from, _ := strconv.Atoi(parts[0])
	n, _ := strconv.Atoi(parts[1])
	f, _ := os.Open("/work/shared/bench/stories/basil.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	by := map[string][]news.Article{}
	var keys []string
	for sc.Scan() {
		var r struct{ ID, Text, Cluster, Source, Title, Date string }
		json.Unmarshal(sc.Bytes(), &r)
		if _, ok := by[r.Cluster]; !ok {
			keys = append(keys, r.Cluster)
		}
		d, _ := time.Parse("2006-01-02", r.Date)
		by[r.Cluster] = append(by[r.Cluster], news.Article{ID: r.ID, Text: paragraphsDev(r.Text), Source: r.Source, Title: r.Title, Published: d})
	}
	sort.Strings(keys)
	show := os.Getenv("READ_PARTS")
	for i := from; i < from+n && i < len(keys); i++ {
		arts := inTimelineOrder(by[keys[i]])
		fmt.Printf("######## story %d %s: %s\n", i, keys[i], arts[0].Title)
		sents := sentencesOf(arts, true)
		groups, voices, nearest := align(sents, len(arts))
		fi := 0
		inFact := map[int]int{}
		for gi, g := range groups {
			seen := map[int]bool{}
			for _, k := range g {
				seen[sents[k].article] = true
			}
			if len(seen) < 2 {
				continue
			}
			lo := 9.0
			for _, x := range g {
				for _, y := range g {
					if sents[x].article < sents[y].article {
						lo = min(lo, factScore(sents[x].prof, sents[y].prof))
					}
				}
			}
			fmt.Printf("F%d: (voice %s) min %.3f\n", fi, arts[voices[gi]].Source, lo)
			for _, k := range g {
				inFact[k] = fi
				fmt.Printf("   %s#%d %s\n", arts[sents[k].article].Source, sents[k].index, cut(sents[k].text, 220))
			}
			fi++
		}
		if strings.Contains(show, "sent") {
			for ai, a := range arts {
				fmt.Printf("== SENTENCES %s\n", a.Source)
				for k, s := range sents {
					if s.article != ai {
						continue
					}
					tag := "  "
					if f, ok := inFact[k]; ok {
						tag = fmt.Sprintf("F%d", f)
					}
					fmt.Printf("%s %s#%d (%.2f) %s\n", tag, a.Source, s.index, nearest[k], cut(s.text, 400))
				}
			}
		}
		if strings.Contains(show, "unique") {
			c := Compare(arts)
			for _, a := range arts {
				fmt.Printf("== ONLY IN %s (%d)\n", a.Source, len(c.Unique[a.ID]))
				for j, s := range c.Unique[a.ID] {
					fmt.Printf("U%d %s\n", j, s)
				}
			}
		}
	}
}

func cut(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// PAIRS="1|hpo#4|fox#7;1|hpo#4|fox#18" prints fact scores of sentence pairs.
func TestDevPairs(t *testing.T) {
	spec := os.Getenv("PAIRS")
	if spec == "" {
		t.Skip()
	}
	f, _ := os.Open("/work/shared/bench/stories/basil.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	by := map[string][]news.Article{}
	var keys []string
	for sc.Scan() {
		var r struct{ ID, Text, Cluster, Source, Title, Date string }
		json.Unmarshal(sc.Bytes(), &r)
		if _, ok := by[r.Cluster]; !ok {
			keys = append(keys, r.Cluster)
		}
		d, _ := time.Parse("2006-01-02", r.Date)
		by[r.Cluster] = append(by[r.Cluster], news.Article{ID: r.ID, Text: paragraphsDev(r.Text), Source: r.Source, Title: r.Title, Published: d})
	}
	sort.Strings(keys)
	for _, p := range strings.Split(spec, ";") {
		parts := strings.Split(p, "|")
		i, _ := strconv.Atoi(parts[0])
		arts := inTimelineOrder(by[keys[i]])
		sents := sentencesOf(arts, true)
		find := func(ref string) int {
			for k, s := range sents {
				if fmt.Sprintf("%s#%d", arts[s.article].Source, s.index) == ref {
					return k
				}
			}
			return -1
		}
		a, b := find(parts[1]), find(parts[2])
		m := Model(Fact)
		x := m.features(sents[a].prof, sents[b].prof)
		fmt.Printf("%s vs %s: factScore %.3f  prob %.3f  wdice %.3f\n   %s\n   %s\n", parts[1], parts[2], factScore(sents[a].prof, sents[b].prof), m.Predict(x), x[0], cut(sents[a].text, 200), cut(sents[b].text, 200))
	}
}
