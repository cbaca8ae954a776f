package extract

// minArticleTopProb is the probability the best block of a page called an
// article must reach for the page to have article text at all. A page
// whose blocks all score under the threshold otherwise keeps those at half
// its best (pageThresholdWithout): right on shops and listings, whose
// probabilities run low, but on an article page whose best block scores
// under 0.3 what that keeps is most often the strongest of its chrome (a
// blog's "about me" line, a browser or app notice, a licence note, a
// comment) and the page has no body to find: a photo post, a gallery, a
// post of one line. Measured held out on the quick check's site-fold
// models, each page scored by the model that never saw its site
// (docs/measurements/extraction.md, "Session 47: the "body missed whole"
// pages counted"): of dragnet's 13 pages called articles
// whose best block is under 0.3, 12 kept nothing of the gold (4 to 15
// words of it: a date line, a photo's caption). With the cap below,
// dragnet 0.9357 -> 0.9388 (precision 0.9390 -> 0.9459), wcxb's products
// 0.5746 -> 0.5851 (three shop pages whose gold is empty now give none),
// no other set moves; lost: an 86-word post of dragnet (F1 0.81) and a
// portal page of cleaneval (0.11). 0.2 and 0.25 gained less on dragnet
// (+0.0018, +0.0024 without the cap). An absolute floor rather than a
// share of the threshold: the shipped article threshold (0.55) is above
// the fold models' (0.4), and the same pages fall under 0.3 with either.
const minArticleTopProb = 0.3

// maxBodilessKeptWords is the most words the fallback may keep on such a
// page for it to be read as having no body: what it keeps there is a box,
// a notice or a line (7 to 103 words on the 12 dragnet pages above),
// whereas a page of which the fallback keeps more has a body the classifier
// scores low, such as a shop's product description on a page called an
// article (wcxb 0613: 1,960 words, F1 0.95; 4548, a library guide: 180
// words, 0.61) or a short post (cleaneval final-302: 111 words, 0.92).
// 100, 150 and 200 were measured on the same pages: 150 and 200 also
// emptied final-302 (cleaneval -0.0007), 100 leaves one dragnet page's 103
// words of chrome (dragnet +0.0031 against +0.0035); without the cap
// wcxb's products read 0.5777, with it 0.5851.
const maxBodilessKeptWords = 100

// hasNoArticleBlock reports whether a page called an article has no
// article text. Two things must hold: no block left in by the rules (one
// for which dropped is false) scores th or minArticleTopProb, whichever
// is lower; and the blocks marked in keep (what the fallback to half the
// page's best probability, pageThresholdWithout, would keep) hold fewer
// than maxBodilessKeptWords words together. Such a page keeps no text:
// its title, site and kind remain, as on a page whose only text is its
// menu.
func hasNoArticleBlock(pb *pageBlocks, probs []float64, th float64, keep []bool, dropped func(i int) bool) bool {
	if top, _ := topKeptable(probs, dropped); top >= min(th, minArticleTopProb) {
		return false
	}
	words := 0
	for i, k := range keep {
		if k {
			words += int(pb.blocks[i].tokens)
		}
	}
	return words < maxBodilessKeptWords
}
