package news

import (
	"sort"
	"strings"
)

// FirstReport reports whether the earliest of a story's articles (arts in
// timeline order: by publication time, the undated after) was published
// before every other outlet's by more than the times' precision (Before):
// a date alone ties with any time of the same day, and an undated article
// ties with all. Other articles of its own outlet (updates, a second
// piece) do not count against it; a story told by one outlet has no first
// report. It is the rule of a comparison's timeline (its first entry's
// First), which the sources' tally also applies to stories not compared
// yet.
func FirstReport(arts []Article) bool {
	if len(arts) == 0 {
		return false
	}
	first, others := arts[0], 0
	for _, a := range arts[1:] {
		if SameOutlet(first, a) {
			continue
		}
		others++
		if !Before(first, a) {
			return false
		}
	}
	return others > 0
}

// CopiesAnotherOutlet reports whether the derivations credit article id,
// untied, to an article of another outlet (otherOutlet tells of a
// derivation whether its two articles' outlets differ): its text copies
// or rewrites that outlet's report. Such an article is no first report
// whatever its time says (cluster.Derive orders two outlets minutes
// apart by a credit in the text): the comparison's timeline
// (projection) and the sources' tally (SourceTally) both take the mark
// off by it.
func CopiesAnotherOutlet(id string, ds []Derivation, otherOutlet func(Derivation) bool) bool {
	for _, d := range ds {
		if d.To == id && !d.Tied && otherOutlet(d) {
			return true
		}
	}
	return false
}

// SameOutlet tells whether two articles come from one outlet: the same
// source (case ignored), or, for articles a store read, the same key their
// outlet is filed under (Article.OutletKey), so that an outlet the user
// aliased ("op" filed under Ostwick Post) is one outlet. Articles without a
// source or a filed key are taken to come from different ones.
func SameOutlet(a, b Article) bool {
	if a.OutletKey != "" && a.OutletKey == b.OutletKey {
		return true
	}
	return a.Source != "" && strings.EqualFold(a.Source, b.Source)
}

// InTimelineOrder is a copy of articles sorted by publication time, the
// undated after the dated, each group keeping its order: a comparison's
// timeline order.
func InTimelineOrder(articles []Article) []Article {
	out := append([]Article(nil), articles...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	return out
}
