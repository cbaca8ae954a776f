package eval

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/learn"
)

// linkLabels are hand-labelled links of two made-up sets: right links
// restate a claim, wrong ones share a story's names and say other things.
var linkLabels = strings.Join([]string{
	"set\trow\tlabel\tcause\tstory\tsentence_a\tsentence_b",
	"harbour\th-0\t1\t\ts1\tThe port authority exempted three towns from the new harbour fees on Monday.\tOn Monday the port authority exempted three towns from its new harbour fees.",
	"harbour\th-1\t0\ttopic\ts1\tVelmar's mayor Ada Marsh criticised the harbour fees.\tAda Marsh will visit the harbour in Velmar next week.",
	"harbour\th-2\t?\t\ts1\tThe fees.\tThe fees rise.",
	"flood\tf-0\t1\t\ts2\tThe flood killed 12 people in the valley on Sunday, officials said.\tOfficials said 12 people died in Sunday's flood in the valley.",
	"flood\tf-1\t0\tnumber\ts2\tThe river rose 3 metres on Sunday.\tThe river rose 5 metres on Monday.",
}, "\n") + "\n"

// writeLabels writes a labels file into a test's temporary folder.
func writeLabels(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Labelled links are read with their features, the unlabelled ones left out,
// and each set is scored by a model fitted on the other.
func TestLinkLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(path, []byte(linkLabels), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadLinkLabels(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d links read, want 4 (the '?' one left out)", len(rows))
	}
	if sets := LinkSets(rows); len(sets) != 2 || sets[0] != "harbour" || sets[1] != "flood" {
		t.Errorf("sets %v, want harbour and flood", sets)
	}
	if !rows[0].Right || rows[1].Right || rows[0].X[0] <= rows[1].X[0] {
		t.Errorf("the restated claim should be right and score over the other: %+v", rows[:2])
	}
	if got := rows[3].X[2]; got != 1 {
		t.Errorf("numbers unmatched of 3 and 5 metres = %.2f, want 1", got)
	}
	figs, err := LinksLeaveOneSetOut(rows, 1, compare.LinkPrecision)
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 2 || figs[0].Links != 2 || figs[1].Links != 2 {
		t.Fatalf("held-out figures %+v, want two sets of two links", figs)
	}
}

// A labels file without its columns is refused.
func TestLinkLabelsNeedColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "links.tsv")
	if err := os.WriteFile(path, []byte("set\trow\tlabel\nx\t1\t1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadLinkLabels(path, ""); err == nil {
		t.Error("a file without sentences was read")
	}
}

// A file written with CRLF line ends reads as the same file with LF ones.
func TestLinkLabelsCRLF(t *testing.T) {
	rows, err := ReadLinkLabels(writeLabels(t, strings.ReplaceAll(linkLabels, "\n", "\r\n")), "")
	if err != nil || len(rows) != 4 {
		t.Fatalf("CRLF file: %d links, %v; want 4", len(rows), err)
	}
}

// A label other than 0, 1 or ? is an error naming the file and line, and a
// file with no labelled link is refused rather than read as nothing.
func TestLinkLabelsRefuseBadInput(t *testing.T) {
	header := strings.SplitAfter(linkLabels, "\n")[0]
	for _, c := range []struct{ text, want string }{
		{strings.Replace(linkLabels, "\t1\t\ts1\t", "\tyes\t\ts1\t", 1), `links.tsv:2: label "yes", want 0, 1 or ?`},
		{strings.Replace(linkLabels, "\t1\t\ts1\t", "\t1 \t\ts1\t", 1), `links.tsv:2: label "1 ", want 0, 1 or ?`},
		{header, "links.tsv: no link labelled 0 or 1"},
		{header + "x\tx-0\t?\t\ts\tA.\tB.\n", "links.tsv: no link labelled 0 or 1"},
		// A column named twice would index past a row that has as many
		// fields as the names (a panic before): refused.
		{"set\t" + header + "q\tx\tx-0\t1\t\ts\tA.\n", `links.tsv:1: column "set" twice`},
		{"x\tset\trow\tlabel\tsentence_a\tsentence_b\tset\nq\tx\tx-0\t1\tA.\tB.\n", `links.tsv:1: column "set" twice`},
		// A row shorter than the header names the line.
		{header + "x\tx-0\t1\t\ts\tA.\n", "links.tsv:2: 6 fields, want 7"},
		// A link labelled twice, either side first, even as "?" once.
		{header + "x\tx-0\t1\t\ts\tA.\tB.\ny\ty-0\t1\t\ts\tA.\tB.\nx\tx-1\t0\t\ts\tB.\tA.\n", "links.tsv:4: the link of line 2 again"},
		{header + "x\tx-0\t?\t\ts\tA.\tB.\nx\tx-1\t1\t\ts\tA.\tB.\n", "links.tsv:3: the link of line 2 again"},
	} {
		_, err := ReadLinkLabels(writeLabels(t, c.text), "")
		if err == nil || !strings.HasSuffix(err.Error(), c.want) {
			t.Errorf("error %v, want one ending %q", err, c.want)
		}
	}
}

// Leaving one set out of a single set would fit on nothing: refused.
func TestLinksLeaveOneSetOutNeedsTwoSets(t *testing.T) {
	rows, err := ReadLinkLabels(writeLabels(t, strings.Join(strings.SplitAfter(linkLabels, "\n")[:4], "")), "")
	if err != nil {
		t.Fatal(err)
	}
	if figs, err := LinksLeaveOneSetOut(rows, 1, compare.LinkPrecision); err == nil {
		t.Errorf("one set held out of itself gave %+v", figs)
	}
}

// Links with no right one choose no threshold: an error, not a model that
// cannot be written.
func TestFitLinksWithoutRightOnes(t *testing.T) {
	rows := []LinkRow{{Set: "a", X: []float64{1.2, 2, 0}}, {Set: "a", X: []float64{1.5, 2, 0}}}
	if m, err := FitLinks(rows, 1, compare.LinkPrecision, nil); err == nil {
		t.Errorf("fitted %+v on links none of which is right", m)
	}
}

// The fact score is also scored at the cut that keeps as many right links
// as the model does, and both are ranked by ROC-AUC: here the model drops
// a wrong link of high fact score whose figures differ, which the fact
// score must keep to keep the model's two right links.
func TestLinkCheckAtEqualRightKept(t *testing.T) {
	m := &compare.LinkModel{Features: compare.LinkFeatureNames,
		Logistic: learn.Logistic{Weights: []float64{1, 0, -10}}, Threshold: 0.8}
	rows := []LinkRow{
		{X: []float64{2, 1, 0}, Right: true},
		{X: []float64{1.9, 1, 1}},
		{X: []float64{1.5, 1, 0}, Right: true},
		{X: []float64{0.5, 1, 0}},
	}
	f := LinkCheck(rows, m, 1.8, "s")
	if f.ModelShown != 1 || f.ModelKept != 1 || math.Abs(f.EqualShown-2.0/3) > 1e-9 {
		t.Errorf("model %.2f/%.2f, fact score at equal kept %.2f; want 1/1 and 0.67", f.ModelShown, f.ModelKept, f.EqualShown)
	}
	if f.FactAUC != 0.75 || f.ModelAUC != 1 {
		t.Errorf("ROC-AUC fact score %.2f, model %.2f; want 0.75 and 1", f.FactAUC, f.ModelAUC)
	}
}

// Labels that name their sentences by bench file, story, article, index and
// hash are resolved against the bench file as the comparison splits it; a
// hash that no longer matches (the splitter or the file changed) is an error
// naming the row, not a label of another sentence.
func TestLinkLabelsResolved(t *testing.T) {
	dir := t.TempDir()
	bench := strings.Join([]string{
		`{"id": "p/1", "cluster": "harbour", "date": "2026-03-02", "text": "Port fees rose in Velmar.\n\nThe port authority exempted three towns from the new harbour fees on Monday. Ada Marsh criticised them."}`,
		`{"id": "p/2", "cluster": "harbour", "date": "2026-03-02", "text": "On Monday the port authority exempted three towns from its new harbour fees. Fishermen protested."}`,
		`{"id": "p/3", "cluster": 7, "text": "A flood hit the valley."}`,
	}, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "made.jsonl"), []byte(bench), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "twice.jsonl"), []byte(bench+`{"id": "p/1", "cluster": 7, "text": "A flood hit the valley."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := "The port authority exempted three towns from the new harbour fees on Monday."
	b := "On Monday the port authority exempted three towns from its new harbour fees."
	ha, hb := compare.SentenceHash(a), compare.SentenceHash(b)
	if ha == hb || len(ha) != 8 || compare.SentenceHash("the PORT  authority exempted three towns from the new harbour fees on Monday") != ha {
		t.Fatalf("hashes %s %s: want 8 hex digits, equal for the same words however spaced or cased", ha, hb)
	}
	header := "bench\tstory\tarticle_a\tsentence_a\thash_a\tarticle_b\tsentence_b\thash_b\tlabel\tcause\n"
	good := "made.jsonl\tharbour\tp/1\t1\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n"
	rows, err := ReadLinkLabels(writeLabels(t, header+good), dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := compare.LinkFeatures(a, b); len(rows) != 1 || rows[0].Set != "made" || !rows[0].Right || !slices.Equal(rows[0].X, want) {
		t.Fatalf("rows %+v, want one right link of set made with features %v", rows, want)
	}
	for _, c := range []struct{ row, want string }{
		// sentence 2 of p/1 is "Ada Marsh criticised them.": another hash.
		{"made.jsonl\tharbour\tp/1\t2\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n", `:3: sentence_a: article "p/1" sentence 2 hashes to`},
		{"made.jsonl\tharbour\tp/1\t1\t" + ha + "\tp/2\t5\t" + hb + "\t0\ttopic\n", `:3: sentence_b: article "p/2" has 2 sentences, no sentence "5"`},
		{"made.jsonl\tflood\tp/1\t1\t" + ha + "\tp/2\t1\t" + hb + "\t1\t\n", `:3: sentence_a: article "p/1" is in story "harbour" of made.jsonl, not "flood"`},
		{"made.jsonl\t7\tp/3\t0\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n", `p/3" sentence 0 hashes to`},
		{"gone.jsonl\tharbour\tp/1\t1\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n", "gone.jsonl"},
		{"../made.jsonl\tharbour\tp/1\t1\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n", "want a file name of the bench folder"},
		// A bench file with an article id twice: which one is labelled is
		// not guessed.
		{"twice.jsonl\tharbour\tp/1\t1\t" + ha + "\tp/2\t0\t" + hb + "\t1\t\n", `:3: sentence_a: article id "p/1" twice in twice.jsonl`},
		// An undecided row is resolved too: one that no longer names its
		// sentence is found before it is labelled.
		{"made.jsonl\tharbour\tp/1\t2\t" + ha + "\tp/2\t1\t" + hb + "\t?\t\n", `:3: sentence_a: article "p/1" sentence 2 hashes to`},
		// The same link again, its sides swapped.
		{"made.jsonl\tharbour\tp/2\t0\t" + hb + "\tp/1\t1\t" + ha + "\t0\ttopic\n", ":3: the link of line 2 again"},
	} {
		_, err := ReadLinkLabels(writeLabels(t, header+good+c.row), dir)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("row %q: error %v, want one containing %q", c.row, err, c.want)
		}
	}
}

// The repository's labelled links all resolve against the bench files as
// the comparison reads them now: a changed sentence splitter or bench file
// fails here, naming the rows to relabel (skipped without ../shared).
func TestRepositoryLinkLabelsResolve(t *testing.T) {
	rows := repositoryLinkRows(t)
	if len(rows) < 1002 || len(LinkSets(rows)) != 6 {
		t.Errorf("%d links of sets %v, want 1002 of six bench files (session 19's 660, session 22's 342)", len(rows), LinkSets(rows))
	}
}

// The built-in link model is the one eval links --fit writes from the
// repository's labels at compare.LinkPrecision: a changed LinkPrecision (or
// label) without a refit, or a refit at another precision, is found
// (skipped without ../shared).
func TestBuiltinLinkModelIsTheRepositoryFit(t *testing.T) {
	m, err := FitLinks(repositoryLinkRows(t), 1, compare.LinkPrecision, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := compare.BuiltinLinkModel()
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	same := near(m.Threshold, b.Threshold) && near(m.Logistic.Bias, b.Logistic.Bias) && len(m.Logistic.Weights) == len(b.Logistic.Weights)
	for i := range m.Logistic.Weights {
		same = same && near(m.Logistic.Weights[i], b.Logistic.Weights[i])
	}
	if !same {
		t.Errorf("refitted at LinkPrecision %.2f: weights %v, bias %v, threshold %v; built in: %v, %v, %v",
			compare.LinkPrecision, m.Logistic.Weights, m.Logistic.Bias, m.Threshold, b.Logistic.Weights, b.Logistic.Bias, b.Threshold)
	}
}

// repositoryLinkRows reads the repository's labelled links against the
// bench files, skipping the test without ../shared.
func repositoryLinkRows(t *testing.T) []LinkRow {
	t.Helper()
	bench := "../../../shared/bench/stories"
	if _, err := os.Stat(bench); err != nil {
		t.Skip("no bench files:", err)
	}
	rows, err := ReadLinkLabels("../compare/models/links.labels.tsv", bench)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
