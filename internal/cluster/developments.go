package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

// Development is one step of a developing story: the articles of one day
// (the shooting, then the arrest the day after, the trial weeks later), with
// the words that were new in the story that day.
type Development struct {
	Day      string    `json:"day"`   // YYYY-MM-DD (UTC) of its articles; "" for the story's undated articles
	Start    time.Time `json:"start"` // earliest publication time of its articles (zero when undated)
	End      time.Time `json:"end"`   // latest
	Articles []string  `json:"articles"`
	// New lists the terms the story had not used before this day, the most
	// telling first (frequent that day, rare in the story's other days): what
	// developed. Empty for the first day, which has nothing before it.
	New []string `json:"new,omitempty"`
}

// maxNewTerms is how many new terms a development lists: enough to say what
// happened that day, few enough to read at a glance on a timeline.
const maxNewTerms = 6

// Developments groups a story's articles into its developments, oldest
// first: the articles of each calendar day (UTC) together, and the undated
// ones last. Each day after the first names the terms that first appeared
// in the story that day, ranked by how many of the day's articles use them
// over how many of the story's do (a term all its articles share is the
// story's, not the day's). It is a pure function of the articles, so a
// story page can call it on the articles it shows.
func Developments(arts []news.Article) []Development {
	sorted := slices.Clone(arts)
	slices.SortStableFunc(sorted, func(a, b news.Article) int {
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			if a.Published.IsZero() {
				return 1
			}
			return -1
		}
		if d := a.Published.Compare(b.Published); d != 0 {
			return d
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var out []Development
	var dayTerms []map[string]bool // the terms of each development's articles
	storyDF := map[string]int{}    // articles of the story using each term
	for _, a := range sorted {
		day := ""
		if !a.Published.IsZero() {
			day = a.Published.UTC().Format("2006-01-02")
		}
		if len(out) == 0 || out[len(out)-1].Day != day {
			out = append(out, Development{Day: day, Start: a.Published, End: a.Published})
			dayTerms = append(dayTerms, map[string]bool{})
		}
		d := &out[len(out)-1]
		d.Articles = append(d.Articles, a.ID)
		d.End = a.Published
		seen := map[string]bool{}
		for _, t := range text.Terms(a.Title + "\n" + a.Text) {
			if !seen[t] {
				seen[t] = true
				storyDF[t]++
			}
			dayTerms[len(dayTerms)-1][t] = true
		}
	}
	usedBefore := map[string]bool{}
	for i := range out {
		if i > 0 && out[i].Day != "" {
			out[i].New = newTerms(out[i].Articles, sorted, usedBefore, storyDF)
		}
		for t := range dayTerms[i] {
			usedBefore[t] = true
		}
	}
	return out
}

// newTerms ranks the terms of a day's articles that the story had not used
// before: by the day's articles using each over the story's, times the
// log of the day's (a term of one article in passing weighs less).
func newTerms(ids []string, arts []news.Article, usedBefore map[string]bool, storyDF map[string]int) []string {
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	dayDF := map[string]int{}
	for _, a := range arts {
		if !in[a.ID] {
			continue
		}
		seen := map[string]bool{}
		for _, t := range text.Terms(a.Title + "\n" + a.Text) {
			if !seen[t] && !usedBefore[t] && len(t) > 2 && !isNumber(t) {
				seen[t] = true
				dayDF[t]++
			}
		}
	}
	type ranked struct {
		t string
		w float64
	}
	var rs []ranked
	for t, n := range dayDF {
		rs = append(rs, ranked{t, float64(n) / float64(storyDF[t]) * math.Log1p(float64(n))})
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if d := cmp.Compare(b.w, a.w); d != 0 {
			return d
		}
		return cmp.Compare(a.t, b.t)
	})
	var out []string
	for _, r := range rs[:min(maxNewTerms, len(rs))] {
		out = append(out, r.t)
	}
	return out
}

// isNumber reports whether a term is all digits.
func isNumber(t string) bool {
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return false
		}
	}
	return true
}
