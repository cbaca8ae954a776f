package news

import (
	"sort"
)

// UnknownOutlet names the outlet of articles that do not say theirs.
const UnknownOutlet = "(unknown outlet)"

// SourceTally counts, outlet by outlet, what the sources page shows. A
// store feeds it every article with its outlet, story and publication time
// (Article), then the stored comparisons of stories (Comparison), and
// takes the summaries; every backend counts alike. First reports are
// found from the articles' times by the comparison's own rule
// (FirstReport), so that they are counted for stories not compared yet
// (after an add, before the server's projector has run) and follow an
// alias at once; rewrites need a comparison's derivations.
type SourceTally struct {
	sourceOf     map[string]string          // article -> outlet
	storySources map[string]map[string]bool // story -> outlets
	storyArts    map[string][]Article       // story -> its articles, as given
	storyDerivs  map[string][]Derivation    // story -> its stored comparison's derivations
	by           map[string]*SourceSummary
}

// NewSourceTally starts an empty tally.
func NewSourceTally() *SourceTally {
	return &SourceTally{sourceOf: map[string]string{}, storySources: map[string]map[string]bool{}, storyArts: map[string][]Article{}, storyDerivs: map[string][]Derivation{}, by: map[string]*SourceSummary{}}
}

func (t *SourceTally) get(src string) *SourceSummary {
	if t.by[src] == nil {
		t.by[src] = &SourceSummary{Source: src}
	}
	return t.by[src]
}

// Article counts an article of story: its id, the outlet it is filed
// under (OutletKey; "" is UnknownOutlet), the source its page named and
// its publication time with its precision (zero when undated); the rest
// of it is not read.
func (t *SourceTally) Article(a Article, story string) {
	id, outlet, source := a.ID, a.OutletKey, a.Source
	t.storyArts[story] = append(t.storyArts[story], Article{ID: id, Source: source, OutletKey: outlet, Published: a.Published, DateOnly: a.DateOnly})
	if outlet == "" {
		outlet = UnknownOutlet
	}
	source = outlet
	t.sourceOf[id] = source
	if t.storySources[story] == nil {
		t.storySources[story] = map[string]bool{}
	}
	t.storySources[story][source] = true
}

// Comparison counts a story's rewrites from its stored comparison, after
// its articles: a tied derivation shares copied text but the times do not
// say who copied whom, so it is nobody's rewrite. Its derivations also
// keep a story's earliest article from counting as a first report when
// its text copies another outlet's (firstReports).
func (t *SourceTally) Comparison(story string, c Comparison) {
	t.storyDerivs[story] = c.Derivations
	for _, d := range c.Derivations {
		if d.Tied {
			continue
		}
		if from, to := t.sourceOf[d.From], t.sourceOf[d.To]; to != "" && from != to {
			t.get(to).Rewrites++
		}
	}
}

// firstReports counts each story's first report: a story counts as an
// outlet's first report only when it has two or more outlets and its
// earliest article reported first (FirstReport; an undated timeline or a
// tie names none), unless its stored comparison's derivations credit
// that article to another outlet's (CopiesAnotherOutlet, as the
// comparison's timeline does; a story not compared yet has none).
func (t *SourceTally) firstReports() {
	otherOutlet := func(d Derivation) bool { return t.sourceOf[d.From] != t.sourceOf[d.To] }
	for story, arts := range t.storyArts {
		if len(t.storySources[story]) < 2 {
			continue
		}
		arts = InTimelineOrder(arts)
		if FirstReport(arts) && !CopiesAnotherOutlet(arts[0].ID, t.storyDerivs[story], otherOutlet) {
			t.get(t.sourceOf[arts[0].ID]).FirstReports++
		}
	}
}

// Summaries are the outlets' summaries, most articles first.
func (t *SourceTally) Summaries() []SourceSummary {
	t.firstReports()
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
