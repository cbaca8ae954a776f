package extract

import "github.com/storyline-news/storyline/internal/news"

// DumpLineTrace is one line of a text dump as the line classifier read it:
// a reading aid for held-out dumps (eval's TestDumpTrace), not used when
// extracting.
type DumpLineTrace struct {
	Text  string
	Prob  float64 // the line classifier's probability
	Kept  bool    // kept by selectLines (before the headline is dropped)
	Rule  bool    // dropped by a rule whatever its probability (isLineChrome)
	Why   string  // which of isLineChrome's rules: "chrome", "credit" or "byline"; "" for none
	Cover float64 // the share of its tokens the gold covers (goldCover, as the fit labels lines)
}

// TraceDump returns each line of dump p as m reads it, with gold's cover of
// it, and the dump's line threshold and article probability.
func (m *Model) TraceDump(p news.Page, gold string) (lines []DumpLineTrace, threshold, article float64) {
	ls, _ := dumpLines(p.Body, nil)
	if len(ls) == 0 || m.lines == nil {
		return nil, 0, 0
	}
	pf := dumpPageFeatures(ls, p.URL)
	kinds := kindProbs(m.DumpKinds, pf)
	probs := m.lineProbs(ls, dumpPageRow(kinds, pf))
	keep := m.keepLines(ls, probs, kinds, nil)
	texts := make([]string, len(ls))
	for i := range ls {
		texts[i] = ls[i].text
	}
	cover := goldCover(texts, gold)
	out := make([]DumpLineTrace, len(ls))
	for i := range ls {
		why := lineChromeRule(&ls[i])
		out[i] = DumpLineTrace{Text: ls[i].text, Prob: probs[i], Kept: keep[i], Rule: why != "", Why: why, Cover: cover[i]}
	}
	if len(kinds) > 0 {
		article = kinds[0]
	}
	return out, pageThreshold(probs, m.lineThreshold(kinds)), article
}

// KindsOfDump returns the dump kind classifiers' probability of each page
// kind (in the order of PageKinds) for dump p: a reading aid beside
// TraceDump, not used when extracting.
func (m *Model) KindsOfDump(p news.Page) []float64 {
	ls, _ := dumpLines(p.Body, nil)
	if len(ls) == 0 {
		return nil
	}
	return kindProbs(m.DumpKinds, dumpPageFeatures(ls, p.URL))
}

// PageKinds names the page kinds of KindsOfDump's probabilities, in order.
func PageKinds() []string { return append([]string(nil), pageKinds...) }
