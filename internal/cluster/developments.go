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
// before. A term is listed only when it is more than one article's passing
// word: used by two or more of the day's articles, in one of their
// headlines, or three times or more that day. The rank is by the day's
// articles using it (a headline counting as one more) over the story's,
// times the log of the day's, then by how often the day uses it: on real
// stories (BASIL) ranking every new word of one article alike listed
// alphabetical filler ("aim, america, answers") above the day's names.
func newTerms(ids []string, arts []news.Article, usedBefore map[string]bool, storyDF map[string]int) []string {
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	dayDF, dayTF, inTitle := map[string]int{}, map[string]int{}, map[string]int{}
	fresh := func(t string) bool { return !usedBefore[t] && len(t) > 2 && !isNumber(t) }
	for _, a := range arts {
		if !in[a.ID] {
			continue
		}
		seen := map[string]bool{}
		for _, t := range text.Terms(a.Title + "\n" + a.Text) {
			if !fresh(t) {
				continue
			}
			dayTF[t]++
			if !seen[t] {
				seen[t] = true
				dayDF[t]++
			}
		}
		titled := map[string]bool{}
		for _, t := range text.Terms(a.Title) {
			if fresh(t) && !titled[t] {
				titled[t] = true
				inTitle[t]++
			}
		}
	}
	type ranked struct {
		t  string
		w  float64
		tf int
	}
	var rs []ranked
	for t, n := range dayDF {
		if n < 2 && inTitle[t] == 0 && dayTF[t] < 3 {
			continue // one article's passing word
		}
		rs = append(rs, ranked{t, float64(n) / float64(storyDF[t]) * math.Log1p(float64(n+inTitle[t])), dayTF[t]})
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if d := cmp.Compare(b.w, a.w); d != 0 {
			return d
		}
		if d := cmp.Compare(b.tf, a.tf); d != 0 {
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
