package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline-news/storyline/internal/text"
)

// nameLineWindow is how many short texts before and after the headline's
// own are read for an unlabelled name line: a byline sits beside the
// headline, with at most a kicker, a date, a reading time and share links
// between. Not swept (each try is a full held-out run): six is the window a
// lost, unmerged branch that session 27 redid measured (metadata.md,
// "Session 27"); on wcxb it reaches the gold on 10 more pages.
const nameLineWindow = 6

// maxNameLineRunes is the longest text read as a name alone: four words
// of a name fit in 40 characters. Not swept.
const maxNameLineRunes = 40

// isNameLine reports whether a short visible text is a person's name alone,
// unlabelled: two to four capitalised words (particles such as "van" or
// "de" aside), of letters, dots, hyphens and apostrophes only, none a
// function word or a possessive, the first a first name of the name
// lexicon and no word of a desk or company ("Jane Q. Doe", "Marta van
// Dijk"; not "Victoria Station Staff", "May 2024", "Skip To Content").
func isNameLine(s string) bool {
	return nameShapeOf(s).nameLine
}

// nameShape is what nameShapeWords and isNameLine give for one text.
type nameShape struct {
	words    []string // nameShapeWords' words, nil when the text is not shaped like a name
	nameLine bool     // isNameLine
}

// nameShapeOf reads a text's name shape.
func nameShapeOf(s string) nameShape {
	words, ok := nameShapeWords(s)
	if !ok {
		return nameShape{}
	}
	return nameShape{words: words, nameLine: text.IsFirstName(strings.ToLower(strings.TrimRight(words[0], ".")))}
}

// readNameShapes reads the name shape of every short text of the page
// once: authorBoxes, nameLinesNearH1 and countNameLines all ask for them,
// and ran the tests (the company-word regular expression the dearest) up
// to three times on a text.
func (pm pageMeta) readNameShapes() []nameShape {
	out := make([]nameShape, len(pm.shorts))
	for i, d := range pm.shorts {
		out[i] = nameShapeOf(d.value)
	}
	return out
}

// shortShape gives short text i's name shape, from pm.shapes when the page
// has read them (readNameShapes). Short texts are read through cleanSpace
// by nameShapeWords itself, so a cleaned value gives the same shape.
func (pm pageMeta) shortShape(i int) nameShape {
	if i < len(pm.shapes) {
		return pm.shapes[i]
	}
	return nameShapeOf(pm.shorts[i].value)
}

// nameShapeWords gives the words of a short text shaped like a person's
// name (isNameLine's test without the first-name lexicon): two to four
// capitalised words of letters, particles aside, no function word,
// possessive, month first or word of a desk or company. ok is false for
// any other text.
func nameShapeWords(s string) (words []string, ok bool) {
	// The words are counted before cleanSpace copies a text to collapse its
	// spaces (cleanSpace keeps the words as they are): most short texts of
	// a page are one word or over four.
	if n := fieldCount(s); n < 2 || n > 4 {
		return nil, false
	}
	s = cleanSpace(s)
	if utf8.RuneCountInString(s) > maxNameLineRunes {
		return nil, false
	}
	words = strings.Fields(s)
	for _, w := range words {
		if !isNameWord(w) || !isCapitalised(w) {
			if nameParticles[strings.ToLower(w)] {
				continue // "van", "de": the only words a name may hold uncapitalised
			}
			return nil, false
		}
		lw := strings.ToLower(w)
		if nameParticles[lw] {
			continue
		}
		if text.IsStopWord(lw) || isPossessive(lw) {
			return nil, false
		}
	}
	first := strings.ToLower(strings.TrimRight(words[0], "."))
	last := strings.ToLower(words[len(words)-1])
	if isMonth(first) || nameParticles[last] || namesOrg(s) { // the regular expression last: it is the dearest test
		return nil, false
	}
	return words, true
}

// isPossessive reports whether a lower-case word ends in "'s": "Jane
// Doe's Kitchen" names a blog or a shop, not a person.
func isPossessive(lw string) bool {
	return strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s")
}

// isNameWord reports whether w is made of letters, with dots, hyphens and
// apostrophes between or after them ("J.", "Smith-Jones", "O'Neil").
func isNameWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters > 0
}

// nameLinesNearH1 gives the indices of pm.shorts that are name lines
// (isNameLine) within nameLineWindow short texts of the headline's, the
// headline's own text aside. None when the page has no <h1>.
func (pm pageMeta) nameLinesNearH1() []int {
	if pm.h1At < 0 {
		return nil
	}
	h1Idx := len(pm.shorts)
	for i, d := range pm.shorts {
		if d.at >= pm.h1At {
			h1Idx = i
			break
		}
	}
	headline := ""
	if len(pm.h1s) > 0 {
		headline = cleanSpace(pm.h1s[0])
	}
	var out []int
	for i := max(h1Idx-nameLineWindow, 0); i < min(h1Idx+nameLineWindow+1, len(pm.shorts)); i++ {
		if v := cleanSpace(pm.shorts[i].value); v != headline && pm.shortShape(i).nameLine {
			out = append(out, i)
		}
	}
	return out
}

// countNameLines counts the page's short texts that are name lines, near
// the headline or not: a page that lists many names (a team page, a
// speakers' list, a menu of columnists) has no byline among them.
func (pm pageMeta) countNameLines() int {
	n := 0
	for i := range pm.shorts {
		if pm.shortShape(i).nameLine {
			n++
		}
	}
	return n
}

// lineInMenu reports whether the element holding short text i sits in page
// chrome (nav, footer, aside, a menu, sidebar, related or teaser block:
// headingPlace's test): a columnist's name in a menu is no byline.
func (pm pageMeta) lineInMenu(i int) bool {
	if i < 0 || i >= len(pm.shortParents) || pm.shortParents[i] == nil {
		return false
	}
	_, inChrome, _, _ := headingPlace(pm.shortParents[i])
	return inChrome
}

// maxDateDistance bounds, in document nodes, how far a date is looked for
// from a name line: a byline's date is a few nodes away; past a few hundred
// nodes a date belongs to something else. Not swept; the ranker reads the
// distance itself, so the bound only says where "no date near" begins.
const maxDateDistance = 400

// nodesToDate is the distance in document nodes from at to the nearest
// short text holding a date (findDate), and false when none is within
// maxDateDistance: a byline is most often written beside its date.
func (pm pageMeta) nodesToDate(at int) (int, bool) {
	best := -1
	for _, t := range pm.texts {
		d := abs(t.at - at)
		if d > maxDateDistance || best >= 0 && d >= best {
			continue
		}
		if _, ok := findDate(t.value); ok {
			best = d
		}
	}
	return best, best >= 0
}

// lastWordIsSurname reports whether the last word of a name is a surname of
// the name lexicon: "Jane Doe" rather than "Jane Street" or "Grace Church".
func lastWordIsSurname(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	return text.Names().Has(strings.ToLower(strings.TrimRight(words[len(words)-1], ".")), "last")
}
