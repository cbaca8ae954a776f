package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An author box is the block after an article that names its writer and
// says who they are: a name, then a biography ("Jane Doe | Jane Doe is a
// reporter who ..."), often under an "About the author" heading. The
// source reads it from layout and wording alone, no site's class names:
// the authors of related posts under the article have a name and no
// biography, and a team page's many boxes are told apart by the ranker
// (markupKin, name_lines).

// aboutAuthorHeading matches a heading that introduces an author box, in
// the languages of the dev sets' pages (English, German, French, Spanish,
// Portuguese, Italian, Dutch, Swedish, Polish).
var aboutAuthorHeading = regexp.MustCompile(`(?i)^\s*(?:about the (?:authors?|writer|contributor)|meet the author|über (?:den autor|die autorin)|à propos de l['’]auteur(?:e|rice)?|sobre (?:el autor|la autora|o autor|a autora)|sull['’]autore|over de auteur|om författaren|o autorze)\s*:?\s*$`)

// aboutHeadingFirstLetters are the letters a text aboutAuthorHeading
// matches starts with (after white space), in every case (?i) folds to
// them: the expression runs only on the short texts starting with one.
var aboutHeadingFirstLetters = foldOrbits("amüàso")

// maxAuthorBoxes bounds the author-box candidates of one page: an article
// has one to three writers; past that the page lists people (a team page)
// and the ranker has enough of them to learn so. Not swept.
const maxAuthorBoxes = 4

// aboutHeadingReach is how many short texts after an "About the author"
// heading the name is looked for: the heading, perhaps a photo caption or
// a "Written by" label, then the name. Not swept.
const aboutHeadingReach = 3

// maxBoxClimb bounds how many ancestors of a name's element are read for
// its biography: a box nests the name in a link, a heading and a column
// beside the photo (three levels), rarely more. Not swept.
const maxBoxClimb = 4

// minBioWords is the fewest words, besides the name, that make a
// biography: one sentence ("Jane Doe is a reporter covering science for
// the paper"), longer than a name's job title ("Senior Editor"). Not swept.
const minBioWords = 8

// maxBoxRunes bounds the text of an element read as an author box: past
// it the element holds the article or the page, not a box. A biography
// of a few sentences fits in 1,200 characters. Not swept.
const maxBoxRunes = 1200

// authorBox is one author-box candidate: the index in pm.shorts of its
// name, and whether a biography or an "About the author" heading told it.
type authorBox struct {
	line        int
	bio, header bool
}

// authorBoxes finds the page's author boxes after the headline (anywhere
// when the page has no <h1>): a name-shaped short text that opens an
// element whose remaining text is a biography naming the person again
// (authorBio), or one that follows an "About the author" heading.
func (pm pageMeta) authorBoxes() []authorBox {
	var out []authorBox
	afterHeading := -1
	texts := boxTexts{}
	for i, d := range pm.shorts {
		if len(out) >= maxAuthorBoxes {
			break
		}
		if pm.h1At >= 0 && d.at <= pm.h1At {
			continue
		}
		v := cleanSpace(d.value)
		if startsWithOneOf(v, aboutHeadingFirstLetters) && aboutAuthorHeading.MatchString(v) {
			afterHeading = i
			continue
		}
		shape := pm.shortShape(i)
		words := shape.words
		if words == nil {
			continue
		}
		header := afterHeading >= 0 && i-afterHeading <= aboutHeadingReach
		bio := false
		if i < len(pm.shortParents) {
			mentions, opens := authorBio(pm.shortParents[i], v, words, texts)
			// A biography that names the person somewhere needs the name
			// lexicon's first name: without it, "Privacy Policy" and
			// "Email Marketing" in blocks that repeat their words passed
			// (wcxb: 3,289 candidates on 1,076 pages, 100 of them the
			// gold's name). One that opens with the name and speaks of a
			// person ("Jane is a reporter ... She has ...") does not.
			bio = mentions && shape.nameLine || opens
		}
		if header || bio {
			out = append(out, authorBox{line: i, bio: bio, header: header})
			afterHeading = -1
		}
	}
	return out
}

// authorBio reads the text after a name in the element holding it, or in
// one of its nearest ancestors: the first with at least minBioWords more
// words decides, one with more than maxBoxRunes, or holding an <h1>, holds
// more than a box. mentions says that text names the person again by the
// name's first or last word, capitalised as in the name ("Jane has written
// ...", "Doe covers ..."; not "harbour" in prose after "Harbour Ledger");
// opens that it begins with the name's first word and holds a personal
// pronoun (bioPronouns): a biography, "Jane Doe is a reporter ... She ...",
// not a place described under its heading ("Zion National Park is ...").
func authorBio(n *html.Node, name string, words []string, texts boxTexts) (mentions, opens bool) {
	first, last := words[0], words[len(words)-1]
	for depth := 0; n != nil && n.Type == html.ElementNode && depth <= maxBoxClimb; n, depth = n.Parent, depth+1 {
		box := texts.of(n)
		if box.over {
			return false, false
		}
		if wordsBesideName(box.text, name) < minBioWords {
			continue // counted without building the words: most boxes climbed through hold the name alone
		}
		rest := strings.Fields(strings.Replace(box.text, name, " ", 1))
		pronoun := false
		for _, w := range rest {
			w = strings.Trim(w, ".,;:!?()\"'’")
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			mentions = mentions || w == first || w == last
			pronoun = pronoun || bioPronouns[strings.ToLower(w)]
		}
		return mentions, pronoun && strings.Trim(rest[0], ".,;:'’") == first
	}
	return false, false
}

// boxTexts holds the elements whose text authorBio has read on a page:
// the names of a list (a menu of columnists, a team page) climb to the
// same ancestors, whose text was built again for each name.
type boxTexts map[*html.Node]boxText

// boxText is an element's cleaned text, or over: more than an author box
// (more than maxBoxRunes, or holding an <h1>), its text then not kept.
type boxText struct {
	text string
	over bool
}

// of reads an element's box text once.
func (c boxTexts) of(n *html.Node) boxText {
	if b, ok := c[n]; ok {
		return b
	}
	b := readBoxText(n)
	c[n] = b
	return b
}

// wordsBesideName counts the words of box once its first name is cut out,
// len(strings.Fields(strings.Replace(box, name, " ", 1))) without building
// them: the space put in the name's place splits the text in two, whose
// words add up (an ASCII space ends any rune the bytes before it began, and
// the bytes after it are decoded from the same place either way).
func wordsBesideName(box, name string) int {
	i := strings.Index(box, name)
	if i < 0 {
		return fieldCount(box)
	}
	return fieldCount(box[:i]) + fieldCount(box[i+len(name):])
}

// readBoxText reads an element's box text in one walk: the text textOf
// gives, with cleanSpace's spacing, unless the element holds more than
// maxBoxRunes runes that are not white space (the walk stops there: a
// page's body, say), or more than maxBoxRunes once cleaned, or an <h1>.
// (Until session 44 three walks: one counting, one building the text, one
// looking for the <h1>.)
func readBoxText(n *html.Node) boxText {
	var b strings.Builder
	nonSpace, over, h1 := 0, false, false
	walk(n, 0, func(c *html.Node) bool {
		switch {
		case over:
			return false
		case c.Type == html.TextNode:
			// Counted node by node, as the runes of each node decode alone.
			if nonSpace += nonSpaceRunes(c.Data); nonSpace > maxBoxRunes {
				over = true
				return false
			}
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.H1:
			h1 = true
		}
		return true
	})
	if over || h1 {
		return boxText{over: true}
	}
	t := cleanSpace(b.String())
	if utf8.RuneCountInString(t) > maxBoxRunes {
		return boxText{over: true}
	}
	return boxText{text: t}
}

// bioPronouns are the personal pronouns of one person in the languages
// aboutAuthorHeading reads: a biography says "he" or "she" where a text
// on a place, a product or a service does not.
var bioPronouns = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true, "er": true, "sie": true,
	"il": true, "elle": true, "él": true, "ella": true, "lui": true, "lei": true, "hij": true, "zij": true, "hon": true, "han": true}

// authorBoxFeatures describes what told an author-box candidate: a
// biography, an "About the author" heading. Both are missing for a
// candidate that is no author box.
func authorBoxFeatures(r *featureRow, c *bylineCand) {
	if c.src&(1<<bsAuthorBox) == 0 {
		r.add("box_bio", missing)
		r.add("box_heading", missing)
		return
	}
	r.flag("box_bio", c.boxBio)
	r.flag("box_heading", c.boxHeading)
}
