package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storyline-news/storyline/internal/compare"
	"github.com/storyline-news/storyline/internal/news"
)

// LinkRow is a hand-labelled link of the comparison: a sentence and the
// sentence of another article it was linked to, measured as the link
// decision reads them (compare.LinkFeatures).
type LinkRow struct {
	Set   string
	X     []float64 // compare.LinkFeatureNames; X[0] is the fact score
	Right bool      // both state at least one common claim
}

// ReadLinkLabels reads a file of hand-labelled links, tab-separated with a
// header, in one of two forms. The repository's form names each link's
// sentences without their text (no bench text is copied into the
// repository): bench, story, article_a, sentence_a, hash_a, article_b,
// sentence_b, hash_b, label, cause. bench is a file of benchDir
// (../shared/bench/stories), read by path; story its gold "cluster" of
// both articles; article_a/b their ids; sentence_a/b each sentence's index
// among its article's sentences as the comparison reads them
// (compare.ArticleSentences) and hash_a/b the compare.SentenceHash of its
// text, so that a changed sentence splitter or bench file is an error
// naming the row rather than a label of other sentences. The set of a row
// is its bench file's base name without .jsonl. The older form gives the
// texts: set, row, label, cause, story, sentence_a, sentence_b. In both,
// label 1 is a right link, 0 a wrong one, "?" one left out (undecided, but
// its sentences resolved all the same); any
// other label, a column named twice, a row with fewer fields than the
// header, a link on two rows (either side first), or a file with no row
// labelled 0 or 1, is an error naming the file and line.
func ReadLinkLabels(path, benchDir string) ([]LinkRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(strings.TrimRight(text, "\r\n"), "\n")
	header := strings.Split(lines[0], "\t")
	col := map[string]int{}
	for i, h := range header {
		if _, ok := col[h]; ok {
			return nil, fmt.Errorf("%s:1: column %q twice", path, h)
		}
		col[h] = i
	}
	_, named := col["hash_a"]
	need := []string{"set", "label", "sentence_a", "sentence_b"}
	if named {
		need = []string{"bench", "story", "article_a", "sentence_a", "hash_a", "article_b", "sentence_b", "hash_b", "label"}
	}
	for _, h := range need {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%s: no %q column", path, h)
		}
	}
	benches := benchReader{dir: benchDir, files: map[string]map[string]benchArticle{}}
	var rows []LinkRow
	// A link labelled twice, either side first, would count twice (or
	// twice with two labels): refused, naming both lines.
	seen := map[[3]string]int{}
	once := func(n int, set, a, b string) error {
		key := [3]string{set, min(a, b), max(a, b)}
		if first, ok := seen[key]; ok {
			return fmt.Errorf("%s:%d: the link of line %d again", path, n, first)
		}
		seen[key] = n
		return nil
	}
	for n, l := range lines[1:] {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, n+2, len(f), len(header))
		}
		set, a, b := f[col["bench"]], f[col["article_a"]]+"\t"+f[col["sentence_a"]], f[col["article_b"]]+"\t"+f[col["sentence_b"]]
		if !named {
			set, a, b = f[col["set"]], f[col["sentence_a"]], f[col["sentence_b"]]
		}
		if err := once(n+2, set, a, b); err != nil {
			return nil, err
		}
		label := f[col["label"]]
		if label != "0" && label != "1" && label != "?" {
			return nil, fmt.Errorf("%s:%d: label %q, want 0, 1 or ?", path, n+2, label)
		}
		sents := [2]string{f[col["sentence_a"]], f[col["sentence_b"]]}
		if named {
			// Resolved even when undecided ("?"), so that a row left for
			// later that no longer names its sentences is found now.
			bench, story := f[col["bench"]], f[col["story"]]
			for i, side := range []string{"a", "b"} {
				s, err := benches.sentence(bench, story, f[col["article_"+side]], f[col["sentence_"+side]], f[col["hash_"+side]])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: sentence_%s: %w", path, n+2, side, err)
				}
				sents[i] = s
			}
			set = strings.TrimSuffix(bench, ".jsonl")
		}
		if label == "?" {
			continue
		}
		rows = append(rows, LinkRow{Set: set, Right: label == "1", X: compare.LinkFeatures(sents[0], sents[1])})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no link labelled 0 or 1", path)
	}
	return rows, nil
}

// benchArticle is a bench article's gold story and its sentences as the
// comparison reads them.
type benchArticle struct {
	story     string
	article   news.Article
	sentences []string // read when first asked for
}

// benchReader resolves labelled links' sentences in bench files, each file
// read once.
type benchReader struct {
	dir   string
	files map[string]map[string]benchArticle // bench file -> article id -> article
}

// sentence is the text of sentence index (a decimal) of article id, of the
// gold story story of the bench file bench, checked against its hash.
func (b *benchReader) sentence(bench, story, id, index, hash string) (string, error) {
	if bench != filepath.Base(bench) || !strings.HasSuffix(bench, ".jsonl") {
		return "", fmt.Errorf("bench %q: want a file name of the bench folder ending in .jsonl", bench)
	}
	arts, ok := b.files[bench]
	if !ok {
		items, err := ReadLabelled(filepath.Join(b.dir, bench))
		if err != nil {
			return "", err
		}
		arts = map[string]benchArticle{}
		for _, it := range items {
			if _, twice := arts[it.ID]; twice {
				// A label could name either article: no guess.
				return "", fmt.Errorf("article id %q twice in %s", it.ID, bench)
			}
			arts[it.ID] = benchArticle{story: strings.Trim(it.Cluster, `"`), article: it.Article}
		}
		b.files[bench] = arts
	}
	a, ok := arts[id]
	if !ok {
		return "", fmt.Errorf("article %q is not in %s", id, bench)
	}
	if a.story != story {
		return "", fmt.Errorf("article %q is in story %q of %s, not %q", id, a.story, bench, story)
	}
	if a.sentences == nil {
		a.sentences = compare.ArticleSentences(a.article)
		arts[id] = a
	}
	k, err := strconv.Atoi(index)
	if err != nil || k < 0 || k >= len(a.sentences) {
		return "", fmt.Errorf("article %q has %d sentences, no sentence %q", id, len(a.sentences), index)
	}
	if got := compare.SentenceHash(a.sentences[k]); got != hash {
		return "", fmt.Errorf("article %q sentence %d hashes to %s, labelled %s: the sentence splitter or the bench file changed since it was labelled; find the sentence again and relabel the row", id, k, got, hash)
	}
	return a.sentences[k], nil
}

// LinkFigures are a set's labelled links as two decisions keep them: the
// fact score alone from a cut, and a link model. Shown is the share of
// right links among those kept, Kept the share of the right links kept.
// EqualShown is the fact score's share right at a cut moved, on these links,
// to keep as many right links as the model does: the two compared at equal
// right links kept (a cut the fact score could not have chosen unseen, so
// it favours the fact score). The AUCs rank the links by the fact score and
// by the model's probability as the comparison reads it
// (LinkModel.Probability: 0 under a fact score of 0.8, compare.nearlyShared, so
// that links drawn under it tie at the bottom of the model's ranking).
type LinkFigures struct {
	Set                   string
	Links                 int
	Cut                   float64 // the fact score the first decision needs
	CutShown, CutKept     float64
	ModelShown, ModelKept float64
	EqualShown            float64
	FactAUC, ModelAUC     float64
}

// LinksLeaveOneSetOut scores each set's links by the fact score cut and by
// a link model chosen and fitted (with L2 penalty l2, for the precision
// given, compare.LinkPrecision as shipped) on the other sets'; it needs two
// sets at least.
func LinksLeaveOneSetOut(rows []LinkRow, l2, precision float64) ([]LinkFigures, error) {
	return linksEachSetHeldOut(rows, precision, func(train []LinkRow) (*compare.LinkModel, error) { return FitLinks(train, l2, precision, nil) })
}

// LinksBuiltinCheck scores each set's links by the built-in link model
// (compare.BuiltinLinkModel, whatever it was fitted on: held out only when
// the rows are not among its labels) and by the fact score from a cut
// chosen on the other sets (for the precision given); it needs two sets at
// least.
func LinksBuiltinCheck(rows []LinkRow, precision float64) ([]LinkFigures, error) {
	return linksEachSetHeldOut(rows, precision, func([]LinkRow) (*compare.LinkModel, error) { return compare.BuiltinLinkModel(), nil })
}

// linksEachSetHeldOut scores each set's links by the fact score from a cut
// chosen on the other sets and by the link model model gives for the other
// sets' links.
func linksEachSetHeldOut(rows []LinkRow, precision float64, model func(train []LinkRow) (*compare.LinkModel, error)) ([]LinkFigures, error) {
	sets := LinkSets(rows)
	if len(sets) < 2 {
		return nil, fmt.Errorf("leaving one set out needs two sets of links at least, got %d (%v)", len(sets), sets)
	}
	var out []LinkFigures
	for _, set := range sets {
		var train, test []LinkRow
		for _, r := range rows {
			if r.Set == set {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		m, err := model(train)
		if err != nil {
			return nil, fmt.Errorf("%s held out: %w", set, err)
		}
		out = append(out, LinkCheck(test, m, FactCut(train, precision), set))
	}
	return out, nil
}

// FitLinks fits a link model on labelled links for the precision given
// (compare.FitLinkModel).
func FitLinks(rows []LinkRow, l2, precision float64, fittedOn []string) (*compare.LinkModel, error) {
	xs, ys := make([][]float64, len(rows)), make([]bool, len(rows))
	for i, r := range rows {
		xs[i], ys[i] = r.X, r.Right
	}
	return compare.FitLinkModel(xs, ys, l2, precision, fittedOn)
}

// FactCut is the fact score from which the fact score alone would link,
// chosen on labelled links as the link model's threshold is: the lowest
// reaching precision.
func FactCut(rows []LinkRow, precision float64) float64 {
	scores, ys := make([]float64, len(rows)), make([]bool, len(rows))
	for i, r := range rows {
		scores[i], ys[i] = r.X[0], r.Right
	}
	return compare.ThresholdFor(scores, ys, precision)
}

// LinkCheck scores labelled links (of one set, named set) by the fact score
// from cut and by a link model.
func LinkCheck(rows []LinkRow, m *compare.LinkModel, cut float64, set string) LinkFigures {
	f := LinkFigures{Set: set, Links: len(rows), Cut: cut}
	f.CutShown, f.CutKept = keptShares(rows, func(r LinkRow) bool { return r.X[0] >= cut })
	f.ModelShown, f.ModelKept = keptShares(rows, func(r LinkRow) bool { return m.Links(r.X) })
	facts, probs, ys := make([]float64, len(rows)), make([]float64, len(rows)), make([]bool, len(rows))
	need := 0
	for i, r := range rows {
		facts[i], probs[i], ys[i] = r.X[0], m.Probability(r.X), r.Right
		if r.Right && m.Links(r.X) {
			need++
		}
	}
	equal := compare.ThresholdKeeping(facts, ys, need)
	f.EqualShown, _ = keptShares(rows, func(r LinkRow) bool { return r.X[0] >= equal })
	f.FactAUC, f.ModelAUC = ROCAUC(facts, ys), ROCAUC(probs, ys)
	return f
}

// keptShares is the share of right links among those keep keeps, and the
// share of the right links it keeps.
func keptShares(rows []LinkRow, keep func(LinkRow) bool) (shown, kept float64) {
	kepts, ys := make([]bool, len(rows)), make([]bool, len(rows))
	for i, r := range rows {
		kepts[i], ys[i] = keep(r), r.Right
	}
	c := countDecisions(kepts, ys)
	return c.precision(), c.recall()
}

// LinkSets are the sets of labelled links, in the order first met.
func LinkSets(rows []LinkRow) []string {
	var sets []string
	for _, r := range rows {
		if !slices.Contains(sets, r.Set) {
			sets = append(sets, r.Set)
		}
	}
	return sets
}
