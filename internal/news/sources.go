package news

import "sort"

// UnknownOutlet names the outlet of articles that do not say theirs.
const UnknownOutlet = "(unknown outlet)"

// SourceTally counts, outlet by outlet, what the sources page shows. A
// store feeds it every article with its outlet and story (Article), then
// the stored comparisons of stories (Comparison), and takes the summaries;
// every backend counts alike.
type SourceTally struct {
	sourceOf     map[string]string          // article -> outlet
	storySources map[string]map[string]bool // story -> outlets
	by           map[string]*SourceSummary
}

// NewSourceTally starts an empty tally.
func NewSourceTally() *SourceTally {
	return &SourceTally{sourceOf: map[string]string{}, storySources: map[string]map[string]bool{}, by: map[string]*SourceSummary{}}
}

func (t *SourceTally) get(src string) *SourceSummary {
	if t.by[src] == nil {
		t.by[src] = &SourceSummary{Source: src}
	}
	return t.by[src]
}

// Article counts an article of story from source ("" is UnknownOutlet).
func (t *SourceTally) Article(id, source, story string) {
	if source == "" {
		source = UnknownOutlet
	}
	t.sourceOf[id] = source
	if t.storySources[story] == nil {
		t.storySources[story] = map[string]bool{}
	}
	t.storySources[story][source] = true
}

// Comparison counts a story's first report and rewrites, after its
// articles. A story counts as an outlet's first report only when it has two
// or more outlets and its comparison names a first article (an undated
// timeline or a tie names none); a tied derivation shares copied text but
// the times do not say who copied whom, so it is nobody's rewrite.
func (t *SourceTally) Comparison(story string, c Comparison) {
	if len(t.storySources[story]) > 1 {
		for _, e := range c.Timeline {
			if src, ok := t.sourceOf[e.Article]; ok && e.First {
				t.get(src).FirstReports++
				break
			}
		}
	}
	for _, d := range c.Derivations {
		if d.Tied {
			continue
		}
		if from, to := t.sourceOf[d.From], t.sourceOf[d.To]; to != "" && from != to {
			t.get(to).Rewrites++
		}
	}
}

// Summaries are the outlets' summaries, most articles first.
func (t *SourceTally) Summaries() []SourceSummary {
	for _, src := range t.sourceOf {
		t.get(src).Articles++
	}
	for _, srcs := range t.storySources {
		for src := range srcs {
			t.get(src).Stories++
			if len(srcs) > 1 {
				t.get(src).SharedStories++
			}
		}
	}
	out := make([]SourceSummary, 0, len(t.by))
	for _, s := range t.by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Source < out[j].Source
	})
	return out
}
