package extract

import (
	"math"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"
)

// featureNames names the block classifier's features, in the order of a
// feature vector. Own: the block's text. Tag and flags: its element and
// ancestry. Class: the learned log-odds of the class/id words around it (see
// Model.ClassWords). Container: the block-level element around it and that
// element's two ancestors. Position, neighbours, page: where it is and what
// is around it.
var featureNames = func() []string {
	names := []string{
		"tokens", "chars", "link_density", "punct_per_char", "commas_per_token", "stops_per_token",
		"ends_sentence", "digit_share", "upper_share", "chars_per_token", "chrome_phrases", "photo_credit",
		"byline_or_date", "starts_lower", "pipes", "text_words_mean", "text_words_min", "text_words_max",
		"heading_level", "tag_p", "tag_li", "tag_td", "tag_div", "tag_span_or_inline", "tag_pre", "tag_dd_dt",
		"depth", "same_text_in_page",
		"class_own", "class_container", "class_chain_sum", "class_chain_min", "class_chain_max", "class_nearest",
		"pos_chars", "pos_blocks", "after_h1", "blocks_from_h1",
		"in_top_container", "best_ancestor_score", "top_share",
		"page_chars", "page_blocks", "page_link_density", "page_prose_share",
	}
	for _, f := range []string{"link", "list", "list_item", "table", "form", "header", "footer", "nav", "aside",
		"article", "main", "section", "figure", "blockquote", "heading", "control", "hidden", "pre", "definition",
		"emphasis", "time", "article_body", "details", "code", "comment"} {
		names = append(names, "in_"+f)
	}
	for _, lvl := range []string{"c0", "c1", "c2"} {
		for _, f := range []string{"chars", "page_share", "link_density", "blocks", "prose_share", "score_share", "controls_share"} {
			names = append(names, lvl+"_"+f)
		}
	}
	for _, off := range []string{"m2", "m1", "p1", "p2"} {
		for _, f := range []string{"tokens", "link_density", "ends_sentence", "same_container", "heading", "class"} {
			names = append(names, off+"_"+f)
		}
	}
	names = append(names, "win5_prose", "win5_link_density", "win5_tokens")
	names = append(names, articleEndNames...)
	for _, n := range pageFeatureNames {
		names = append(names, "page_"+n)
	}
	return names
}()

// numFeatures is the length of a block's feature vector.
var numFeatures = len(featureNames)

// classScores are the class/id log-odds of every element, own and along
// its ancestry.
type classScores struct {
	own, sum, min, max, nearest []float64
}

func scoreClasses(pb *pageBlocks, logOdds []float64) classScores {
	n := len(pb.elems)
	cs := classScores{own: make([]float64, n), sum: make([]float64, n), min: make([]float64, n),
		max: make([]float64, n), nearest: make([]float64, n)}
	for i, e := range pb.elems {
		var s float64
		for _, w := range pb.words[e.words[0]:e.words[1]] {
			if int(w) < len(logOdds) {
				s += logOdds[w]
			}
		}
		cs.own[i] = s
		if p := e.parent; p >= 0 {
			cs.sum[i] = cs.sum[p] + s
			cs.min[i] = min(cs.min[p], s)
			cs.max[i] = max(cs.max[p], s)
			cs.nearest[i] = cs.nearest[p]
		} else {
			cs.sum[i], cs.min[i], cs.max[i] = s, s, s
		}
		if s != 0 {
			cs.nearest[i] = s
		}
	}
	return cs
}

// blockFeatures returns the feature vectors of a page's blocks, one row of
// numFeatures values per block, in one flat slice; page is the page's
// features (see pageFeatures), which every row ends with, so that the
// classifier can keep a product's description or a forum's posts as well as
// an article's paragraphs.
func blockFeatures(pb *pageBlocks, logOdds, textLogOdds []float64, page []float64) []float64 {
	nb := len(pb.blocks)
	out := featureRows(nb * numFeatures)
	if nb == 0 {
		return out
	}
	cs := scoreClasses(pb, logOdds)

	// Page-level measures.
	var pageLink, proseChars int32
	firstH1 := -1
	fpCount := make(map[uint64]int32, nb)
	for i := range pb.blocks {
		b := &pb.blocks[i]
		pageLink += b.linkChars
		if isProseBlock(b) {
			proseChars += b.chars
		}
		fpCount[b.fp]++
		if firstH1 < 0 && pb.elems[b.container].tag == atom.H1 {
			firstH1 = i
		}
	}
	top, topScore := int32(-1), float64(0)
	for i := range pb.elems {
		if s := pb.elems[i].score; s > topScore {
			top, topScore = int32(i), s
		}
	}
	pageChars := float64(max(1, pb.chars))
	topShare := float64(0)
	if top >= 0 {
		topShare = float64(pb.elems[top].chars) / pageChars
	}

	ends := make([]bool, nb)
	prose := make([]bool, nb)
	for i := range pb.blocks {
		ends[i] = endsSentence(pb.blocks[i].text)
		prose[i] = isProseBlock(&pb.blocks[i])
	}
	end := newArticleEnd(pb, firstH1)
	before := int32(0) // characters before the block
	for i := range pb.blocks {
		b := &pb.blocks[i]
		f := out[i*numFeatures : (i+1)*numFeatures]
		k := 0
		put := func(v float64) { f[k] = v; k++ }
		chars := float64(max(1, b.chars))
		tokens := float64(max(1, b.tokens))
		put(log1p(b.tokens))
		put(log1p(b.chars))
		put(float64(b.linkChars) / chars)
		put(float64(b.punct) / chars)
		put(float64(b.commas) / tokens)
		put(float64(b.stops) / tokens)
		put(bool01(ends[i]))
		put(float64(b.digits) / chars)
		put(float64(b.upper) / float64(max(1, b.letters)))
		put(chars / tokens)
		chrome, credit, byline := 0, false, false
		if b.tokens <= cueMaxTokens { // phrase tests cost; long prose blocks are not chrome labels
			chrome = end.chrome[i] // chromeScore, read by newArticleEnd
			credit, byline = textCues(b)
		}
		put(float64(chrome))
		put(bool01(credit))
		put(bool01(byline))
		put(bool01(startsLower(b.text)))
		put(float64(countByte(b.text, '|')))
		tm, tlo, thi := textWordScores(pb.twords[b.twords[0]:b.twords[1]], textLogOdds)
		put(tm)
		put(tlo)
		put(thi)

		ce := &pb.elems[b.container]
		tag := ce.tag
		put(float64(headingLevel(tag)))
		put(bool01(tag == atom.P))
		put(bool01(tag == atom.Li))
		put(bool01(tag == atom.Td || tag == atom.Th))
		put(bool01(tag == atom.Div || tag == atom.Section || tag == atom.Article || tag == atom.Main))
		put(bool01(!boundaryTags[tag]))
		put(bool01(tag == atom.Pre))
		put(bool01(tag == atom.Dd || tag == atom.Dt))
		put(float64(pb.elems[b.elem].depth))
		put(float64(fpCount[b.fp] - 1))

		put(cs.own[b.elem])
		put(cs.own[b.container])
		put(cs.sum[b.elem])
		put(cs.min[b.elem])
		put(cs.max[b.elem])
		put(cs.nearest[b.elem])

		put(float64(before) / pageChars)
		put(float64(i) / float64(nb))
		if firstH1 >= 0 {
			put(bool01(i > firstH1))
			put(float64(clamp(i-firstH1, -50, 50)))
		} else {
			put(-1)
			put(0)
		}
		inTop, best := false, float64(0)
		for e := b.elem; e >= 0; e = pb.elems[e].parent {
			if e == top {
				inTop = true
			}
			best = max(best, pb.elems[e].score)
		}
		put(bool01(inTop))
		put(best / max(1, topScore))
		put(topShare)
		put(log1p(pb.chars))
		put(log1p(int32(nb)))
		put(float64(pageLink) / pageChars)
		put(float64(proseChars) / pageChars)

		inh := pb.elems[b.elem].inherited
		for bit := 0; bit < numFlags; bit++ {
			put(bool01(inh&(1<<bit) != 0))
		}

		e := b.container
		for lvl := 0; lvl < 3; lvl++ {
			if e < 0 {
				for range 7 {
					put(-1)
				}
				continue
			}
			el := &pb.elems[e]
			put(log1p(el.chars))
			put(float64(el.chars) / pageChars)
			put(float64(el.linkChars) / float64(max(1, el.chars)))
			put(log1p(el.blocks))
			put(float64(el.prose) / float64(max(1, el.blocks)))
			put(el.score / max(1, topScore))
			put(float64(el.controls) / float64(max(1, el.blocks))) // form fields per block: a sign-up box's pitch sits among them
			e = el.parent
		}

		for _, off := range [4]int{-2, -1, 1, 2} {
			j := i + off
			if j < 0 || j >= nb {
				for range 6 {
					put(-1)
				}
				continue
			}
			n := &pb.blocks[j]
			put(log1p(n.tokens))
			put(float64(n.linkChars) / float64(max(1, n.chars)))
			put(bool01(ends[j]))
			put(bool01(pb.elems[n.container].parent == ce.parent))
			put(float64(headingLevel(pb.elems[n.container].tag)))
			put(cs.sum[n.elem])
		}
		var wProse, wLink, wTok, wn float64
		for j := max(0, i-5); j <= min(nb-1, i+5); j++ {
			if j == i {
				continue
			}
			n := &pb.blocks[j]
			wProse += bool01(prose[j])
			wLink += float64(n.linkChars) / float64(max(1, n.chars))
			wTok += log1p(n.tokens)
			wn++
		}
		wn = max(1, wn)
		put(wProse / wn)
		put(wLink / wn)
		put(wTok / wn)
		end.put(put, i)
		for _, v := range page {
			put(v)
		}
		before += b.chars
	}
	return out
}

// log1p is log(1+n) of a count (0 below 0): the block features take it of
// every block's tokens and characters, and of its ancestors', up to
// fourteen times a block. Counts under len(log1pTable) are looked up (the
// very values math.Log1p gives); math.Log1p was 2% of extraction time.
func log1p(n int32) float64 {
	n = max(0, n)
	if int(n) < len(log1pTable) {
		return log1pTable[n]
	}
	return math.Log1p(float64(n))
}

// log1pTable holds math.Log1p of 0 to 2,047: 16 KB; most blocks' tokens
// and characters, and their elements', are under 2,048.
var log1pTable = func() (t [2048]float64) {
	for i := range t {
		t[i] = math.Log1p(float64(i))
	}
	return t
}()

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z' || r > 127 && r != '\u00a0' && unicode.IsLower(r)
	}
	return false
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// textCues tests a short block for a photo credit and a byline or date,
// running the regular expressions only on blocks that could match them.
func textCues(b *block) (credit, byline bool) {
	if mayBeCredit(b.text) {
		credit = photoCredit.MatchString(b.text)
	}
	if b.tokens <= 12 && startsByline(b.text) {
		_, byline = bylineName(b.text)
	}
	if !byline && b.tokens <= 10 && b.digits >= 4 { // every date form findDate reads has a four-digit year
		_, byline = findDate(b.text)
	}
	return credit, byline
}

// mayBeCredit is a cheap test that photoCredit could match: a closing
// "(Name/Agency)" or one of its words, in any case.
func mayBeCredit(s string) bool {
	if strings.HasSuffix(s, ")") && strings.Contains(s, "/") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xC4 || c == 0xD0 || c == 0xD1 {
			// İ (C4 B0) lower-cases to i, and the Cyrillic letters of
			// "фото" begin D0 or D1: bytes cannot read them
			return creditWordLower(s)
		}
		switch s[i] | 0x20 { // P, I, C and F and only they fold to the cases
		case 'p':
			if hasPrefixFoldASCII(s[i:], "photo") || hasPrefixFoldASCII(s[i:], "picture") {
				return true
			}
		case 'i':
			if hasPrefixFoldASCII(s[i:], "image") {
				return true
			}
		case 'c':
			if hasPrefixFoldASCII(s[i:], "credit") {
				return true
			}
		case 'f':
			if hasPrefixFoldASCII(s[i:], "foto") {
				return true
			}
		}
	}
	return false
}

// creditWordLower is mayBeCredit's word test on the lower-cased text: the
// form it had before it read the bytes, for the texts the bytes cannot
// decide (strings.ToLower was a fifth of the block features' text cues).
func creditWordLower(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"photo", "image", "picture", "credit", "foto", "фото"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s begins with lower, a lower-case
// ASCII word, in any ASCII case.
func hasPrefixFoldASCII(s, lower string) bool {
	if len(s) < len(lower) {
		return false
	}
	for j := 0; j < len(lower); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[j] {
			return false
		}
	}
	return true
}

// startsByline reports whether a block starts with a word that bylinePrefix
// can start with.
func startsByline(s string) bool {
	end := strings.IndexByte(s, ' ')
	if end < 0 {
		return false
	}
	switch strings.TrimSuffix(strings.ToLower(s[:end]), ":") {
	case "posted", "written", "words", "story", "by", "von", "par", "por", "di", "door", "av", "автор", "текст":
		return true
	}
	return false
}
