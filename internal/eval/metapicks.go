package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/extract"
)

// HeldOutPick is what a ranker fitted without a page made of that page's
// candidates for one field (MetaFit.RecordPicks): its gold, the candidate
// taken and every candidate with its probability and features. Reading
// the wrong picks of a held-out run (storyline eval meta --picks) is how
// each session classes the misses of a field.
type HeldOutPick struct {
	Set, ID string
	Held    string // how the page was held out: "left out", "fold 2 of 5"
	Field   MetaField
	Gold    string // the gold's value: a day for dates, names joined by "; " for bylines; "" none
	// Taken is the index in Cands of the candidate the ranker gives (-1:
	// none, no candidate or below its thresholds); Cands[0] is the most
	// probable before the thresholds.
	Taken    int
	P, Share float64 // of the most probable candidate (extract.Scored)
	Cands    []PickCandidate
}

// PickCandidate is one candidate of a HeldOutPick.
type PickCandidate struct {
	Value    string
	P        float64
	Right    bool   // the candidate is the gold's value (MetaPage.label)
	Features string // the features not 0 and not missing, "name" for 1, else "name=value"
}

// Outcome says how the pick scores: "right", "wrong", "extra" (a value
// where the gold has none), "missing" (the gold has a value and the
// ranker gave none) or "none" (neither has one).
func (h HeldOutPick) Outcome() string {
	switch {
	case h.Taken >= 0 && h.Cands[h.Taken].Right:
		return "right"
	case h.Taken >= 0 && h.Gold == "":
		return "extra"
	case h.Taken >= 0:
		return "wrong"
	case h.Gold != "":
		return "missing"
	}
	return "none"
}

// heldOutPicks records the rankers' picks of the held-out pages, field by
// field in report order.
func heldOutPicks(pages []MetaPage, rankers map[MetaField]*extract.Ranker, held string) []HeldOutPick {
	var out []HeldOutPick
	for _, f := range append(slices.Clone(MetaFields), DumpFields...) {
		r := rankers[f]
		if r == nil {
			continue
		}
		names := featureNames(f)
		for _, p := range pages {
			out = append(out, pickRecord(r, p, f, names, held))
		}
	}
	return out
}

// pickRecord is one page's HeldOutPick of field f.
func pickRecord(r *extract.Ranker, p MetaPage, f MetaField, names []string, held string) HeldOutPick {
	cs := p.candidates(f)
	h := HeldOutPick{Set: p.Set, ID: p.ID, Held: held, Field: f, Gold: goldValue(p, f), Taken: -1}
	sc := r.Score(cs)
	h.P, h.Share = sc.P, sc.Share
	taken := r.Pick(cs)
	if f.base() == FieldByline {
		taken = extract.Widened(cs, taken)
	}
	for _, c := range cs {
		h.Cands = append(h.Cands, PickCandidate{Value: c.Value, P: r.Model.Predict(c.Features), Right: p.label(f, c), Features: describeFeatures(names, c.Features)})
	}
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	// most probable first; the best of Score first among equals
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case a == b:
			return 0
		case a == sc.Best:
			return -1
		case b == sc.Best:
			return 1
		}
		return cmp.Compare(h.Cands[b].P, h.Cands[a].P)
	})
	sorted := make([]PickCandidate, len(order))
	for i, j := range order {
		sorted[i] = h.Cands[j]
		if j == taken {
			h.Taken = i
		}
	}
	h.Cands = sorted
	return h
}

// goldValue is the gold's value of field f as HeldOutPick.Gold gives it.
func goldValue(p MetaPage, f MetaField) string {
	switch f.base() {
	case FieldTitle:
		return strings.TrimSpace(p.Gold.Title)
	case FieldByline:
		return strings.Join(p.Gold.Names(), "; ")
	}
	day, _ := p.Gold.Day()
	return day
}

// describeFeatures names the features of a row that are not 0 and not
// missing: "name" for a flag or one-hot at 1, else "name=value".
func describeFeatures(names []string, row []float64) string {
	var b strings.Builder
	for i, v := range row {
		if v == 0 || v == extract.MissingFeature || i >= len(names) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(names[i])
		if v != 1 {
			b.WriteByte('=')
			b.WriteString(strconv.FormatFloat(v, 'g', 3, 64))
		}
	}
	return b.String()
}

// WritePicks writes held-out picks as tab-separated lines: for each page
// and field "PAGE", set, id, how it was held out, field, outcome, gold,
// the value taken ("" none), the best candidate's probability and share;
// then one line per candidate, most probable first: "", its probability,
// "*" for the gold's value, "<" for the one taken, the value and its
// features. Tabs and line breaks inside values are written as spaces.
func WritePicks(w io.Writer, picks []HeldOutPick) error {
	for _, h := range picks {
		taken := ""
		if h.Taken >= 0 {
			taken = h.Cands[h.Taken].Value
		}
		if _, err := fmt.Fprintf(w, "PAGE\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\n", h.Set, h.ID, h.Held, h.Field, h.Outcome(),
			oneLine(h.Gold), oneLine(taken), h.P, h.Share); err != nil {
			return err
		}
		for i, c := range h.Cands {
			mark := ""
			if c.Right {
				mark += "*"
			}
			if i == h.Taken {
				mark += "<"
			}
			if _, err := fmt.Fprintf(w, "\t%.3f\t%s\t%s\t%s\n", c.P, mark, oneLine(c.Value), c.Features); err != nil {
				return err
			}
		}
	}
	return nil
}

// oneLine replaces the tabs and line breaks of a value with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// sortedPicks orders picks by field (report order), then page id.
func sortedPicks(picks []HeldOutPick) []HeldOutPick {
	order := map[MetaField]int{}
	for i, f := range append(slices.Clone(MetaFields), DumpFields...) {
		order[f] = i
	}
	slices.SortStableFunc(picks, func(a, b HeldOutPick) int {
		if d := order[a.Field] - order[b.Field]; d != 0 {
			return d
		}
		return strings.Compare(a.ID, b.ID)
	})
	return picks
}
