package news

import (
	"maps"
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
// alias at once; rewrites need a comparison's derivations. An article of
// no outlet (no source, no address) is an outlet of its own, as on the
// story page, named as the story page names it (SourceLabel: its
// headline, else the start of its text, else its id), with no key.
type SourceTally struct {
	sourceOf     map[string]string          // article -> outlet (a key, or namelessKey)
	storySources map[string]map[string]bool // story -> outlets
	storyArts    map[string][]Article       // story -> its articles, as given
	nameless     map[string][]Article       // story -> its articles of no outlet, with what names them
	storyDerivs  map[string][]Derivation    // story -> its stored comparison's derivations
	by           map[string]*SourceSummary
}

// NewSourceTally starts an empty tally.
func NewSourceTally() *SourceTally {
	return &SourceTally{sourceOf: map[string]string{}, storySources: map[string]map[string]bool{}, storyArts: map[string][]Article{}, nameless: map[string][]Article{}, storyDerivs: map[string][]Derivation{}, by: map[string]*SourceSummary{}}
}

func (t *SourceTally) get(src string) *SourceSummary {
	if t.by[src] == nil {
		t.by[src] = &SourceSummary{Source: src}
	}
	return t.by[src]
}

// namelessKey is the tally's own key of an article of no outlet: an
// outlet of its own, which no outlet key can be (keys are letters and
// digits).
func namelessKey(id string) string { return "\x00" + id }

// Article counts an article of story: a.ID, a.OutletKey (the key it is
// filed under, "" when it has no outlet), a.Source (the source its page
// named) and a.Published with its precision (a.DateOnly; zero when undated); for an article of no outlet
// also a.Title and a.Text (its start is enough), which name it.
func (t *SourceTally) Article(story string, a Article) {
	t.storyArts[story] = append(t.storyArts[story], Article{ID: a.ID, Source: a.Source, OutletKey: a.OutletKey, Published: a.Published, DateOnly: a.DateOnly})
	source := a.OutletKey
	if source == "" {
		source = namelessKey(a.ID)
		t.nameless[story] = append(t.nameless[story], Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, DateOnly: a.DateOnly})
	}
	t.sourceOf[a.ID] = source
	if t.storySources[story] == nil {
		t.storySources[story] = map[string]bool{}
	}
	t.storySources[story][source] = true
}

// StoriesOfManySources are the stories counted so far with two or more
// sources (outlets, or articles of no outlet: each a source of its own):
// the only ones whose comparisons say anything about rewrites across
// sources (Comparison), in no order.
func (t *SourceTally) StoriesOfManySources() []string {
	var out []string
	for story, srcs := range t.storySources {
		if len(srcs) > 1 {
			out = append(out, story)
		}
	}
	return out
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
	labels := t.namelessLabels()
	out := make([]SourceSummary, 0, len(t.by))
	for key, s := range t.by {
		if label, ok := labels[key]; ok {
			s.Source = label // no key: no outlet page
		} else {
			s.Key = key
		}
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// namelessLabels names the articles of no outlet, by namelessKey: as
// their story's page names them (NamelessLabels), and those that would be
// two rows of one name in the list (one headline in two stories) told
// apart as two of one story are (by time, else by id); a name still
// shared after that (a time that is another row's) takes the id.
func (t *SourceTally) namelessLabels() map[string]string {
	n := 0
	for _, story := range t.nameless {
		n += len(story)
	}
	byID := make(map[string]string, n)
	arts := make(map[string]Article, n)
	for _, story := range t.nameless {
		if len(story) == 1 { // most stories of a store of nameless articles: no map of their own
			byID[story[0].ID] = story[0].SourceLabel()
		} else {
			maps.Copy(byID, NamelessLabels(story))
		}
		for _, a := range story {
			arts[a.ID] = a
		}
	}
	relabelled := false
	for _, ids := range idsByLabel(byID) {
		if len(ids) < 2 {
			continue
		}
		same := make([]Article, len(ids))
		for i, id := range ids {
			same[i] = arts[id]
		}
		maps.Copy(byID, NamelessLabels(same))
		relabelled = true
	}
	if relabelled { // a new label may be another row's
		for label, ids := range idsByLabel(byID) {
			if len(ids) > 1 {
				for _, id := range ids {
					byID[id] = label + " [" + id + "]"
				}
			}
		}
	}
	labels := make(map[string]string, len(byID))
	for id, label := range byID {
		labels[namelessKey(id)] = label
	}
	return labels
}

// idsByLabel groups article ids by their label.
func idsByLabel(byID map[string]string) map[string][]string {
	out := map[string][]string{}
	for id, label := range byID {
		out[label] = append(out[label], id)
	}
	return out
}
