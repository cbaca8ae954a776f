package extract

// Figures among a dump's short lines (session 29, issue 13 point 5). The
// content of a page that is not an article is often a run of short lines:
// a shop's spec table ("Memory Type", "GDDR6X", "Max Resolution", "7680 x
// 4320"), a grid of items with their prices, sizes and counts, a table of
// years and names. The chrome around it is runs of short lines too (menus,
// footers, filters), and the line classifier, fitted mostly on news
// articles whose short runs are chrome, drops both. What sets the first
// apart in any language is that it is data: many of its lines hold a figure
// (a price, a size, a year, a model number, a count), while menus and
// footers are words. Held-out wcxb dumps read by the quick check's fold
// models (docs/measurements/extraction.md, "Session 29"): in runs of six
// short lines or more, 38-49% of the tokens are gold where over 30% of the
// run's lines hold a digit, 5-9% where fewer do (articles); 18-28% against
// 15% on the other page types.

// figureNames name the figure features, in the order figureFeatures.put
// writes them.
var figureNames = []string{"short_run_figures", "win3_figures"}

// figureWindow is how many lines either side win3_figures reads: a spec
// table's label and value, or an item's name, price and rating, lie within
// three lines of each other (the span stampNear uses for a comment's name,
// date and text). Not swept.
const figureWindow = 3

// figureFeatures are the figure features of a dump's lines.
type figureFeatures struct {
	runShare []float64 // per line: the share of its short run's lines that hold a figure, -1 for a line in none
	figure   []bool    // per line: it holds a digit
}

// newFigureFeatures reads which lines hold a figure and, for each run of
// short lines (isShortLine), the share of its lines that do.
func newFigureFeatures(ls []lineInfo) figureFeatures {
	f := figureFeatures{runShare: make([]float64, len(ls)), figure: make([]bool, len(ls))}
	for i := range ls {
		f.figure[i] = ls[i].digits > 0
		f.runShare[i] = -1
	}
	for i := 0; i < len(ls); {
		if !isShortLine(&ls[i]) {
			i++
			continue
		}
		j, figs := i, 0
		for j < len(ls) && isShortLine(&ls[j]) {
			figs += int(bool01(f.figure[j]))
			j++
		}
		for k := i; k < j; k++ {
			f.runShare[k] = float64(figs) / float64(j-i)
		}
		i = j
	}
	return f
}

// put writes line i's figure features (figureNames): the share of its
// short run's lines holding a figure (-1 outside a short run), and the
// share of the lines within figureWindow either side (itself left out)
// that hold one.
func (f *figureFeatures) put(put func(float64), i int) {
	put(f.runShare[i])
	figs, n := 0, 0
	for j := max(0, i-figureWindow); j <= min(len(f.figure)-1, i+figureWindow); j++ {
		if j != i {
			n++
			figs += int(bool01(f.figure[j]))
		}
	}
	put(float64(figs) / float64(max(1, n)))
}
