package eval

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
)

// datePages are pages of two sets whose right date candidate has its first
// feature set and its wrong one not, the other features 0.
func datePages() []MetaPage {
	n := len(extract.DateFeatureNames())
	var out []MetaPage
	for i := range 40 {
		right, wrong := make([]float64, n), make([]float64, n)
		right[0] = 1
		day := time.Date(2025, 3, 1+i%20, 9, 0, 0, 0, time.UTC)
		gold := day.Format(time.RFC3339)
		set := []string{"a", "b"}[i%2]
		out = append(out, MetaPage{Set: set, ID: string(rune('A' + i)), Site: set + string(rune('A'+i%7)), Gold: GoldMeta{Date: &gold},
			Cands: extract.MetaCandidates{Date: []extract.MetaCandidate{
				{Value: gold, Time: day, Features: right},
				{Value: "earlier", Time: day.AddDate(0, -2, 0), Features: wrong},
			}}})
	}
	return out
}

// A refit of the date ranker alone keeps the base model's other rankers.
// The base is a copy of the embedded model read without validation, so
// that its rankers are not compiled: FitMetaModel must leave them so.
func TestFitMetaModelRefitsOnlyTheFieldsNamed(t *testing.T) {
	if extract.DefaultMetaModel().Title == nil {
		t.Skip("the embedded metadata model does not load (TestEmbeddedMetaModelLoads says why)")
	}
	var base, before extract.MetaModel
	for _, m := range []*extract.MetaModel{&base, &before} {
		if err := json.Unmarshal(extract.EmbeddedMetaModel(), m); err != nil {
			t.Fatal(err)
		}
	}
	m, err := FitMetaModel(context.Background(), datePages(), []MetaField{FieldDate}, &base, MetaFit{Unlabelled: true, Boost: learn.BoostOptions{Trees: 5, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(base, before) {
		t.Error("FitMetaModel changed its base model")
	}
	if m.Title.Model != base.Title.Model || m.Byline.Model != base.Byline.Model || m.DumpDate.Model != base.DumpDate.Model || m.Figures != base.Figures {
		t.Error("FitMetaModel with --fields date changed a ranker it was not asked to refit")
	}
	if len(m.Date.FittedOn) != 2 {
		t.Errorf("date ranker not refitted on the two sets: fitted on %v", m.Date.FittedOn)
	}
	if i := m.Date.Pick(datePages()[0].Cands.Date); i != 0 {
		t.Errorf("refitted date ranker picks candidate %d, want the right one (0)", i)
	}
	if _, err := FitMetaModel(context.Background(), datePages(), []MetaField{FieldDate}, nil, MetaFit{}); err == nil {
		t.Error("FitMetaModel of one field with no base model gave a model without the other rankers")
	}
}

// With a wrong date costing a right one, the date share threshold leaves
// out the pages where the ranker cannot tell two days apart when most of
// them are wrong; htmldate's F, which a wrong date costs no more than a
// missing one, keeps them.
func TestDateThresholdsWithAWrongCost(t *testing.T) {
	var picks []scoredPick
	for range 10 {
		picks = append(picks, scoredPick{has: true, gold: true, right: true, p: 0.9, share: 0.95})
	}
	for i := range 4 {
		picks = append(picks, scoredPick{has: true, gold: true, right: i == 0, p: 0.5, share: 0.52})
	}
	if _, share := chooseMetaThresholds(picks, FieldDate, MetaFit{WrongCost: 1}); share != 0.95 {
		t.Errorf("share threshold with a wrong cost of 1 = %v, want .95 (3 wrong and 1 right left out)", share)
	}
	if p, share := chooseMetaThresholds(picks, FieldDate, MetaFit{}); p != 0 || share != 0 {
		t.Errorf("thresholds for htmldate's F = %v, %v, want 0, 0", p, share)
	}
}

// When no threshold keeps the wrong dates within --max-wrong, the ranker
// takes no date (not every date, as a cut of 0 would).
func TestDateThresholdsAbstainWhenNoCutMeetsTheCap(t *testing.T) {
	var picks []scoredPick
	for i := range 6 {
		picks = append(picks, scoredPick{has: true, gold: true, right: i%3 == 0, p: 0.9 - float64(i%3)*0.1, share: 0.9})
	}
	picks[1].p = 0.95 // the most probable pick is wrong: every cut passes a cap of 10%
	p, share := chooseMetaThresholds(picks, FieldDate, MetaFit{MaxWrongDates: 0.1})
	for _, s := range picks {
		if s.p >= p && s.share >= share {
			t.Fatalf("thresholds %v, %v take a date (p %v, share %v), want none taken", p, share, s.p, s.share)
		}
	}
}

// titleCand is a title candidate whose source features say where it comes
// from (src_ names of extract.TitleFeatureNames), the others 0.
func titleCand(t *testing.T, value string, sources ...string) extract.MetaCandidate {
	t.Helper()
	names := extract.TitleFeatureNames()
	f := make([]float64, len(names))
	for _, s := range sources {
		i := slices.Index(names, "src_"+s)
		if i < 0 {
			t.Fatalf("no title feature src_%s", s)
		}
		f[i] = 1
	}
	return extract.MetaCandidate{Value: value, Features: f}
}

// Ranked title misses are sorted by how the pick and the gold differ: the
// pick with a site's name the gold leaves out, the gold with a subtitle the
// pick leaves out, an <h1> taken where the gold is the <title>'s headline;
// a page whose gold no candidate gives, and a typography-only miss, are
// not ranked misses.
func TestClassifyMissesSortsRankedTitleMisses(t *testing.T) {
	pages := []MetaPage{
		{Set: "s", ID: "site", Gold: GoldMeta{Title: "Storm hits the coast"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Storm hits the coast | Daily Bugle", "doc_title", "og"),
			titleCand(t, "Storm hits the coast", "part_first", "cut")}}},
		{Set: "s", ID: "subtitle", Gold: GoldMeta{Title: "Storm hits the coast: what to know"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Storm hits the coast", "h1_first"),
			titleCand(t, "Storm hits the coast: what to know", "og")}}},
		{Set: "s", ID: "h1", Gold: GoldMeta{Title: "Roof repair prices"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "We fix roofs fast", "h1_first", "marked"),
			titleCand(t, "Roof repair prices", "part_first", "prefix")}}},
		{Set: "s", ID: "other", Gold: GoldMeta{Title: "Roof repair prices"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Menu", "h2"),
			titleCand(t, "Roof repair prices", "h1_first")}}},
		{Set: "s", ID: "absent", Gold: GoldMeta{Title: "Not on the page"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Something else", "h1_first")}}},
		{Set: "s", ID: "quotes", Gold: GoldMeta{Title: "It's here"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "It’s here", "h1_first")}}},
	}
	h := MetaHeldOut{Set: "s", Report: MetadataReport{Misses: []MetaMiss{
		{ID: "site", Field: "title", Gold: "Storm hits the coast", Got: "Storm hits the coast | Daily Bugle"},
		{ID: "subtitle", Field: "title", Gold: "Storm hits the coast: what to know", Got: "Storm hits the coast"},
		{ID: "h1", Field: "title", Gold: "Roof repair prices", Got: "We fix roofs fast"},
		{ID: "other", Field: "title", Gold: "Roof repair prices", Got: "Menu"},
		{ID: "absent", Field: "title", Gold: "Not on the page", Got: "Something else"},
		{ID: "quotes", Field: "title", Gold: "It's here", Got: "It’s here"},
	}}}
	k := ClassifyMisses(pages, h, FieldTitle)
	want := MissKinds{Typography: 1, NotOffered: 1, Ranked: 4, Longer: 1, Shorter: 1, HeadVsTitle: 1, RankedIDs: []string{"site", "subtitle", "h1", "other"}}
	if !reflect.DeepEqual(k, want) {
		t.Errorf("ClassifyMisses = %+v, want %+v", k, want)
	}
}

// The visible-headline figure counts the pages whose gold title is a
// heading or a visible text of the page, and of those the ones not missed;
// a gold the page gives only in its <title>, a page of another set and a
// page with no gold title are not counted.
func TestShownTitlesCountsPagesThatShowTheirGold(t *testing.T) {
	shown := titleCand(t, "Harbour ferry route approved", "doc_title", "cut")
	shown.Features[slices.Index(extract.TitleFeatureNames(), "visible")] = 0.69 // log1p(1): shown once
	pages := []MetaPage{
		{Set: "s", ID: "h1", Gold: GoldMeta{Title: "Storm hits the coast"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Storm hits the coast | Daily Bugle", "doc_title"),
			titleCand(t, "Storm hits the coast", "h1_first")}}},
		{Set: "s", ID: "text", Gold: GoldMeta{Title: "Harbour ferry route approved"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "Ferries", "h1_first"), shown}}},
		{Set: "s", ID: "unshown", Gold: GoldMeta{Title: "Roof repair prices"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{
			titleCand(t, "We fix roofs fast", "h1_first"),
			titleCand(t, "Roof repair prices", "doc_title", "part_first")}}},
		{Set: "s", ID: "nogold", Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{titleCand(t, "Menu", "h1_first")}}},
		{Set: "other", ID: "h1", Gold: GoldMeta{Title: "Menu"}, Cands: extract.MetaCandidates{Title: []extract.MetaCandidate{titleCand(t, "Menu", "h1_first")}}},
	}
	h := MetaHeldOut{Set: "s", Report: MetadataReport{Misses: []MetaMiss{
		{ID: "text", Field: "title", Gold: "Harbour ferry route approved", Got: "Ferries"},
		{ID: "unshown", Field: "title", Gold: "Roof repair prices", Got: "We fix roofs fast"},
	}}}
	if got, want := ShownTitles(pages, h), (Count{N: 1, Of: 2}); got != want {
		t.Errorf("ShownTitles = %v, want %v", got, want)
	}
}

// flatBylinePicks are 300 pages whose gold names one person, their picks
// at 30 probabilities from 1/31 to 30/31, right more often the more
// probable (35% to 95%, drawn with seed): a name F1 that is flat over the
// low cuts, as the out-of-fold picks of the byline ranker are.
func flatBylinePicks(seed uint64) []scoredPick {
	rng := rand.New(rand.NewPCG(seed, 7))
	var picks []scoredPick
	for i := range 300 {
		p := float64(i%30+1) / 31
		s := scoredPick{has: true, gold: true, p: p, goldSize: 1, page: i, fp: 1}
		if rng.Float64() < 0.35+0.6*p {
			s.right, s.tp, s.fp = true, 1, 0
		}
		picks = append(picks, s)
	}
	return picks
}

// The byline threshold is steadier than the best cut of one sample of
// picks: changing any one of 30 pages (right to wrong or back) moves it by
// at most one step of 1/31, where the best cut of the picks moves by four
// (.129, seed 0). Clear cases keep the best cut: many wrong picks below the
// right ones are left out, and with every pick right all are taken.
func TestBylineThresholdIsBagged(t *testing.T) {
	argmax := func(ps []scoredPick) float64 {
		return bestCut(ps, func(s scoredPick) float64 { return s.p }, func(taken func(scoredPick) bool) (float64, bool) { return bylineScore(ps, taken, MetaFit{}) })
	}
	picks := flatBylinePicks(0)
	cut := bylineCut(picks, MetaFit{})
	movedArgmax, moved := 0.0, 0.0
	for j := range 30 {
		q := slices.Clone(picks)
		q[j].right = !q[j].right
		q[j].tp, q[j].fp = q[j].fp, q[j].tp
		movedArgmax = max(movedArgmax, math.Abs(argmax(q)-argmax(picks)))
		moved = max(moved, math.Abs(bylineCut(q, MetaFit{})-cut))
	}
	if moved > 1.5/31 {
		t.Errorf("one page changed moves the byline threshold by up to %.3f (the best cut of the picks by %.3f), want one step (%.3f) at most", moved, movedArgmax, 1.0/31)
	}
	if p, _ := chooseMetaThresholds(bylinePicks(1, 30), FieldByline, MetaFit{}); p != 0.9 {
		t.Errorf("byline threshold with 1 right and 30 wrong at .5 = %v, want .9", p)
	}
	if p, _ := chooseMetaThresholds(bylinePicks(4, 0), FieldByline, MetaFit{}); p != 0 {
		t.Errorf("byline threshold with every pick right = %v, want 0", p)
	}
	if a, b := bylineCut(flatBylinePicks(3), MetaFit{}), bylineCut(flatBylinePicks(3), MetaFit{}); a != b {
		t.Errorf("byline threshold not repeatable: %v then %v", a, b)
	}
}

// bylinePicks are 100 pages whose gold names one person: 60 whose pick is
// right at probability .9, 36 that offer no candidate, and rightAtHalf
// right and wrongAtHalf wrong picks at .5.
func bylinePicks(rightAtHalf, wrongAtHalf int) []scoredPick {
	var picks []scoredPick
	for range 60 {
		picks = append(picks, scoredPick{has: true, gold: true, right: true, p: 0.9, tp: 1, goldSize: 1})
	}
	for range 36 {
		picks = append(picks, scoredPick{gold: true, goldSize: 1})
	}
	for range rightAtHalf {
		picks = append(picks, scoredPick{has: true, gold: true, right: true, p: 0.5, tp: 1, goldSize: 1})
	}
	for range wrongAtHalf {
		picks = append(picks, scoredPick{has: true, gold: true, p: 0.5, fp: 1, goldSize: 1})
	}
	for i := range picks {
		picks[i].page = i
	}
	return picks
}

// bylineScore is the name F1 of the bylines taken over the pages whose
// gold names someone, and with opt.Unlabelled the names given on pages
// whose gold has none as false positives, computed cut by cut: with
// bestCut, the single best cut that bylineCut's bagging replaced, the
// reference of TestBylineThresholdIsBagged.
func bylineScore(picks []scoredPick, taken func(scoredPick) bool, opt MetaFit) (float64, bool) {
	var tp, fp, fn int
	for _, s := range picks {
		if !s.gold {
			if taken(s) && opt.Unlabelled {
				fp += s.fp
			}
			continue
		}
		if taken(s) {
			tp += s.tp
			fp += s.fp
			fn += s.goldSize - s.tp
		} else {
			fn += s.goldSize
		}
	}
	return F1(ratio(tp, tp+fp), ratio(tp, tp+fn)), true
}

// htmldate's F is the same whether a wrong date is given or left out, so
// the date threshold it chooses stays 0 when the only cut above 0 leaves
// out a wrong date: F1 of the precision and recall rounded 1/3 with one
// wrong date a bit below 1/3 without it, and chose the cut (session 33).
func TestDateThresholdOfTheFIsNotChosenByRounding(t *testing.T) {
	picks := []scoredPick{
		{has: true, gold: true, right: true, p: 0.5, share: 1},
		{has: true, gold: true, right: false, p: 0.2, share: 1},
	}
	for range 3 {
		picks = append(picks, scoredPick{gold: true}) // dated pages with no candidate
	}
	if p, share := chooseMetaThresholds(picks, FieldDate, MetaFit{}); p != 0 || share != 0 {
		t.Errorf("thresholds for htmldate's F = %v, %v, want 0, 0 (the F is 1/3 at both cuts)", p, share)
	}
}

// htmldateF counts a wrong date once, as a false positive, and a dated
// page left without one as a false negative.
func TestHTMLDateF(t *testing.T) {
	for _, c := range []struct {
		tp, fp, fn int
		want       float64
	}{{0, 0, 0, 0}, {0, 3, 2, 0}, {1, 1, 3, 2.0 / 6}, {1, 0, 4, 2.0 / 6}, {3, 1, 1, 6.0 / 8}} {
		if got := htmldateF(c.tp, c.fp, c.fn); got != c.want {
			t.Errorf("htmldateF(%d, %d, %d) = %v, want %v", c.tp, c.fp, c.fn, got, c.want)
		}
	}
}

// A last-resort date (extract.MetaCandidate.LastResort) is no training
// row: the ranker takes it without weighing it, so it has nothing to teach.
func TestRowsLeaveOutLastResortDates(t *testing.T) {
	pages := datePages()
	n := len(extract.DateFeatureNames())
	day := time.Date(2005, 9, 25, 0, 0, 0, 0, time.UTC)
	pages = append(pages, MetaPage{Set: "a", ID: "title-only", Site: "wire.example",
		Cands: extract.MetaCandidates{Date: []extract.MetaCandidate{{Value: day.Format(time.RFC3339), Time: day, Features: make([]float64, n), LastResort: true}}}})
	xs, _, _ := rows(pages, FieldDate, labelledSets(pages, FieldDate), MetaFit{Unlabelled: true})
	if want := 2 * len(datePages()); len(xs) != want {
		t.Errorf("rows: %d training rows, want %d (every candidate but the last-resort one)", len(xs), want)
	}
}

// A byline ranker that picks one co-author's candidate gives, held out,
// the fuller list of authors the candidate points to (extract.Widened),
// and the threshold's picks count its names.
func TestHeldOutBylineWidened(t *testing.T) {
	// One stump on feature 0: 1 -> log-odds +2 (p .88), 0 -> -2 (p .12).
	r := &extract.Ranker{Model: &learn.Boosted{Trees: []learn.Tree{{Nodes: []learn.Node{
		{Feature: 0, Threshold: 0.5, Left: 1, Right: 2}, {Feature: -1, Value: -2}, {Feature: -1, Value: 2}}}}}}
	page := MetaPage{Set: "s", ID: "p", Gold: GoldMeta{Byline: "Jane Doe; John Roe"}, Cands: extract.MetaCandidates{Byline: []extract.MetaCandidate{
		{Value: "Jane Doe", Features: []float64{1}, Fuller: 3},
		{Value: "John Roe", Features: []float64{0}, Fuller: 3},
		{Value: "Jane Doe, John Roe", Features: []float64{0}},
	}}}
	a := heldOutArticles([]MetaPage{page}, map[MetaField]*extract.Ranker{FieldByline: r})
	if got := a["p"].Byline; got != "Jane Doe, John Roe" {
		t.Errorf("held-out byline %q, want the fuller list", got)
	}
	if s := pickOf(r, page, FieldByline); !s.right || s.tp != 2 || s.fp != 0 {
		t.Errorf("pickOf = %+v, want the fuller list right with 2 names matched", s)
	}
	if h := pickRecord(r, page, FieldByline, []string{"f"}, "left out"); h.Outcome() != "right" {
		t.Errorf("pickRecord outcome %q, want right", h.Outcome())
	}
}
