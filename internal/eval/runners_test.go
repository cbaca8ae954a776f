package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/cluster"
	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/extract"
	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

func TestDressArticleReplacesThePagesArticle(t *testing.T) {
	chrome := []byte(`<html><head><title>Old headline | The Ledger</title>
<link rel="canonical" href="https://ledger.example/old-story">
<meta property="og:title" content="Old headline"><meta property="article:published_time" content="2020-01-01T00:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Old headline","articleBody":"Old body text that must go."}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><p>` + strings.Repeat("The old article said something long about the harbour and its cranes. ", 4) + `</p>
<p>` + strings.Repeat("A second old paragraph went on about the weather over the estuary. ", 4) + `</p></article>
<aside><p>Subscribe to our newsletter</p></aside></body></html>`)
	a := news.Article{Title: "Calder dockworkers end strike", Published: time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC),
		Text: "Dockworkers at the Port of Calder voted on Monday to end a nine-day strike after a new contract was agreed.\n" +
			"About 2,400 dockworkers had walked off the job over pay and night-shift rules, leaving ships waiting offshore."}
	page := DressArticle(chrome, a, "https://bench.example/set/7")
	got, err := extract.Extract(news.Page{Kind: news.KindHTML, Body: page})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.URL != "https://bench.example/set/7" || !got.Published.Equal(a.Published) {
		t.Errorf("dressed page gives title %q, url %q, date %v", got.Title, got.URL, got.Published)
	}
	if !strings.Contains(got.Text, "nine-day strike") || !strings.Contains(got.Text, "2,400 dockworkers") {
		t.Errorf("dressed page lost the article: %q", got.Text)
	}
	for _, old := range []string{"old article", "second old paragraph", "Old body text", "Old headline"} {
		if strings.Contains(string(page), old) {
			t.Errorf("dressed page still carries %q", old)
		}
	}
	if !strings.Contains(string(page), "<nav>") || !strings.Contains(string(page), "newsletter") {
		t.Errorf("dressed page lost its chrome")
	}
}

func TestRunClusterStreamFindsTheSyntheticEvents(t *testing.T) {
	points := RunClusterStream(SyntheticStream(1), 2000, 2, []int{1000, 2000}, cluster.Options{})
	if len(points) != 3 || points[1].Articles != 2000 || points[1].PerSec <= 0 || points[1].HeapMB <= 0 || points[1].Finished {
		t.Fatalf("points = %+v", points)
	}
	if end := points[2]; !end.Finished || end.Articles != 2000 || end.CPU < points[1].CPU {
		t.Errorf("the last point is %+v, want the finished stream of 2,000 (after %+v)", end, points[1])
	}
	// 400 made-up events of five reports each, one every 90 minutes: the
	// stream's stories should be those events (within 15%: made-up names
	// now and then coincide, and the events share a small common vocabulary
	// that a model of text similarity alone partly joins on; the shipped
	// model made 349), and only a window's worth open.
	if s := points[1].TotalStories; s < 340 || s > 460 {
		t.Errorf("2,000 reports of 400 events made %d stories", s)
	}
	if open := points[1].OpenStories; open > 260 {
		t.Errorf("%d stories held open; two 7-day windows of events every 90 minutes are 224", open)
	}
}

func TestRunDerivation(t *testing.T) {
	source := "The Calder dockworkers voted on Monday to end a nine-day strike after union leaders and the port authority agreed on a new three-year contract that raises wages."
	pairs := []map[string]any{
		{"id1": "s", "id2": "copy", "label": "cut", "text1": source, "text2": "Calder dockworkers voted on Monday to end a nine-day strike after union leaders and the port authority agreed on a new contract."},
		{"id1": "s", "id2": "own", "label": "non", "text1": source, "text2": "Cranes turned again at the harbour in the evening as crews came back for the first night shift in weeks."},
	}
	path := filepath.Join(t.TempDir(), "d.pairs.jsonl")
	var lines []string
	for _, p := range pairs {
		b, _ := json.Marshal(p)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := RunDerivation(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pairs != 2 || rep.Accuracy != 1 || rep.AUC != 1 {
		t.Errorf("derivation report = %+v, want both pairs right", rep)
	}
}

// Dated articles are put in date order window by window (engine.Stream),
// as add's are: a set smaller than a window is in date order whole.
func TestStreamOrderShufflesBySeedAndKeepsDates(t *testing.T) {
	var undated ClusterSet
	for i := range 20 {
		undated.Articles = append(undated.Articles, cluster.Prepared{Article: news.Article{ID: fmt.Sprint(i)}})
	}
	ids := func(s ClusterSet, order []int) string {
		var b strings.Builder
		for _, i := range order {
			b.WriteString(s.Articles[i].Article.ID + " ")
		}
		return b.String()
	}
	fileOrder := "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 "
	if got := ids(undated, undated.streamOrder(0)); got != fileOrder {
		t.Fatalf("seed 0 changed the file's order: %s", got)
	}
	once, again := ids(undated, undated.streamOrder(7)), ids(undated, undated.streamOrder(7))
	if once == fileOrder || once != again {
		t.Fatalf("seed 7 gave %q then %q from %q: want one new order, the same each time", once, again, fileOrder)
	}
	if !slices.Equal(slices.Sorted(strings.FieldsSeq(once)), slices.Sorted(strings.FieldsSeq(fileOrder))) {
		t.Fatalf("shuffling lost or doubled articles: %s", once)
	}

	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	var dated ClusterSet
	for i := range 12 {
		dated.Articles = append(dated.Articles, cluster.Prepared{Article: news.Article{ID: fmt.Sprint(i), Published: day.AddDate(0, 0, i/3)}})
	}
	order := dated.streamOrder(7)
	for k := 1; k < len(order); k++ {
		if dated.Articles[order[k]].Article.Published.Before(dated.Articles[order[k-1]].Article.Published) {
			t.Fatalf("a shuffled dated file is out of date order at %d: %s", k, ids(dated, order))
		}
	}
}

func TestRunClusteringScoresDistinctEventsInAnyOrder(t *testing.T) {
	events := [][]string{
		{"Flood waters cut the Marrow valley railway", "Flood waters from the swollen Marrow river cut the valley railway near Ostby on Tuesday, stranding commuters."},
		{"Ostby glassworks closes after ninety years", "The Ostby glassworks will close its furnace for good after ninety years, its owners told the workers on Monday."},
		{"Kestrel chess prodigy wins the national title", "Twelve-year-old Ada Kestrel won the national chess title in Lindholm, beating the champion in the final round."},
	}
	var lines []string
	for e, ev := range events {
		for copyNo := range 3 {
			rec := map[string]any{"id": fmt.Sprintf("e%d-%d", e, copyNo), "title": ev[0], "text": ev[1] + strings.Repeat(" Reports said so.", copyNo), "cluster": fmt.Sprint(e)}
			b, _ := json.Marshal(rec)
			lines = append(lines, string(b))
		}
	}
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, seed := range []int64{0, 3} {
		reps, err := RunClustering(path, cluster.Options{}, seed)
		if err != nil {
			t.Fatal(err)
		}
		if len(reps) != 1 {
			t.Fatalf("seed %d: %d reports for a file of one kind, want 1", seed, len(reps))
		}
		if rep := reps[0]; rep.Articles != 9 || rep.GoldClusters != 3 || rep.PredClusters != 3 || rep.BCubed.F1 != 1 {
			t.Errorf("seed %d: %+v, want the three events found", seed, rep)
		}
	}
}

// writePairs writes a pair file of n stories, each with a pair that states
// one fact twice and a pair that does not.
func writePairs(t *testing.T, n int) string {
	t.Helper()
	places := []string{"Aldbury", "Brennock", "Calder", "Fenwick", "Marrow", "Ridgeway", "Eastside", "Northfield", "Sable", "Kessel", "Quillmark", "Pellucid"}
	var lines []string
	for i := range n {
		p := places[i%len(places)]
		story := fmt.Sprintf("s%d", i)
		pos := map[string]any{"id1": story + "a", "id2": story + "b", "label": 1, "cluster": story,
			"text1": fmt.Sprintf("A storm killed %d people in %s on Tuesday, officials said.", i+3, p),
			"text2": fmt.Sprintf("At least %d people died when the storm hit %s on Tuesday.", i+3, p)}
		neg := map[string]any{"id1": story + "c", "id2": story + "d", "label": 0, "cluster": story,
			"text1": fmt.Sprintf("The %s council approved a budget of %d million for roads.", p, i+20),
			"text2": fmt.Sprintf("Fans in %s celebrated the cup win late into the night.", p)}
		for _, x := range []map[string]any{pos, neg} {
			b, _ := json.Marshal(x)
			lines = append(lines, string(b))
		}
	}
	path := filepath.Join(t.TempDir(), "p.pairs.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPairModelsFitAndHoldOut(t *testing.T) {
	a, b := writePairs(t, 24), writePairs(t, 12)
	opt := PairFit{Mode: compare.Fact, Learner: "logistic", L2: 1, Precision: 0.85}
	rep, err := CrossValidatePairs(context.Background(), a, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pairs != 48 || rep.AUC < 0.9 || rep.F1 < 0.8 {
		t.Errorf("cross-validated on an easy set: %+v", rep)
	}
	reps, err := LeaveOneSetOut(context.Background(), []string{a, b}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || reps[1].Pairs != 24 || reps[1].AUC < 0.9 {
		t.Errorf("leave one set out: %+v", reps)
	}
	m, err := FitPairs(context.Background(), []string{a}, PairFit{Mode: compare.Paraphrase, Learner: "boosted", Boost: learn.BoostOptions{Trees: 20, Depth: 2, Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil || m.Boosted == nil || len(m.FittedOn) != 1 {
		t.Errorf("fitted model %+v: %v", m, err)
	}
	if _, err := FitPairs(context.Background(), []string{a}, PairFit{Learner: "forest"}); err == nil {
		t.Error("an unknown learner fits")
	}
}

func TestFoldsKeepAStoryTogether(t *testing.T) {
	d := pairData{groups: []string{"x", "y", "x", "z", "x", ""}}
	for i, g := range d.groups {
		if g == "x" && foldOf(d, i, 5) != foldOf(d, 0, 5) {
			t.Errorf("pair %d of story x is in fold %d, pair 0 in %d", i, foldOf(d, i, 5), foldOf(d, 0, 5))
		}
	}
	if foldOf(d, 5, 5) != 0 {
		t.Errorf("a pair without a story is dealt by position: fold %d, want 0", foldOf(d, 5, 5))
	}
}

func TestFitLexiconWeighsTellingWords(t *testing.T) {
	var stems [][2][]string
	var ys []bool
	for i := range 40 {
		same := i%2 == 0
		p := [2][]string{{"noise", "key"}, {"noise"}}
		if same {
			p[1] = append(p[1], "key") // "key" is in both sentences exactly when they are the same
		}
		p[0] = append(p[0], fmt.Sprintf("rare%d", i))
		stems, ys = append(stems, p), append(ys, same)
	}
	lex := FitLexicon(stems, ys, 2)
	if lex.Weights["key"] <= 10*lex.Weights["noise"] || lex.Weights["key"] <= lex.Default {
		t.Errorf("weights key %v, noise %v, default %v: want key far above both", lex.Weights["key"], lex.Weights["noise"], lex.Default)
	}
	if _, ok := lex.Weights["rare3"]; ok {
		t.Error("a stem of one pair is kept; its weight is the default's")
	}
	if err := lex.Validate(); err != nil {
		t.Error(err)
	}
}

func TestPairModelWithLexicon(t *testing.T) {
	a := writePairs(t, 24)
	opt := PairFit{Mode: compare.Paraphrase, Learner: "logistic", L2: 1, LexiconPrior: 10}
	rep, err := CrossValidatePairs(context.Background(), a, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pairs != 48 || rep.AUC < 0.9 {
		t.Errorf("cross-validated with a lexicon on an easy set: %+v", rep)
	}
	m, err := FitPairs(context.Background(), []string{a}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil || m.Lexicon == nil || len(m.Logistic.Weights) != len(compare.FeatureNames)+len(compare.LexiconFeatureNames) {
		t.Errorf("fitted model with a lexicon: %v", err)
	}
}

func TestCrossValidationAlsoFitsOnOtherFiles(t *testing.T) {
	held, other := writePairs(t, 6), writePairs(t, 24)
	opt := PairFit{Mode: compare.Fact, Learner: "logistic", L2: 1, Precision: 0.85, Also: []string{other}}
	rep, err := CrossValidatePairs(context.Background(), held, 3, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pairs != 12 || rep.AUC < 0.9 {
		t.Errorf("only the held file's pairs are scored, by models that also fitted on the other: %+v", rep)
	}
	opt.Also = []string{filepath.Join(t.TempDir(), "missing.pairs.jsonl")}
	if _, err := CrossValidatePairs(context.Background(), held, 3, opt); err == nil {
		t.Error("a missing --also file is no error")
	}
}

// TestRunClusterStreamFinishesTheStream: the stream's end is timed as a
// last point, after the stream is finished as `storyline cluster`
// finishes a file: an undated opinion piece on a ferry's grounding,
// clearly closest to the ferry's two reports and under the join
// threshold, joins their story in the lone step (a model on the
// average-link cosine alone, with the step), and the finished point counts
// two stories where the last checkpoint counted three.
func TestRunClusterStreamFinishesTheStream(t *testing.T) {
	arts := []news.Article{
		{ID: "quay-1", Title: "Freighter Mornay strikes the Hollin quay", Text: "The freighter Mornay struck the Hollin quay while berthing at dusk, and harbour crews put out a small fuel spill with booms. No one was hurt, the harbour master said."},
		{ID: "rates-1", Title: "Ostry council raises parking charges", Text: "The Ostry council voted eight to three to raise parking charges in the town centre by a fifth, and to end free parking on Sundays. Shopkeepers protested outside the chamber."},
		{ID: "quay-2", Title: "Harbour crews contain spill after Mornay hits Hollin quay", Text: "Harbour crews put booms around a small fuel spill after the freighter Mornay struck the Hollin quay while berthing at dusk. The harbour master said no one was hurt."},
		{ID: "rates-2", Title: "Shopkeepers protest Ostry parking charge rise", Text: "Shopkeepers protested outside the Ostry council chamber after councillors voted to raise town centre parking charges by a fifth and end free Sunday parking."},
		{ID: "column", Title: "The Mornay and a quay nobody mended", Text: "The Hollin quay has been crumbling for years. The Mornay is an old ship, and the port put off mending its berths for a decade while its fees rose by a fifth and the council cut the budget for repairs."},
	}
	m, err := cluster.LoadModel([]byte(`{"signals":["avg_cos"],"linear":{"Weights":[10,0],"Bias":-5},"join_threshold":0.2,"merge_threshold":0.95,"lone_ratio":1.25,"lone_floor":0.05}`))
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	next := func() news.Article { i++; return arts[i-1] }
	points := RunClusterStream(next, len(arts), 1, []int{len(arts)}, cluster.Options{Model: m})
	if len(points) != 2 || points[0].TotalStories != 3 {
		t.Fatalf("points = %+v; the fixture needs three stories placed (the column alone)", points)
	}
	if end := points[1]; !end.Finished || end.TotalStories != 2 {
		t.Errorf("the stream's end is %+v; want the column joined to the quay's story (two stories)", end)
	}
}
