package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// A page of several authors may mark each author up as an element of its
// own, side by side, with no element around them marked as the byline:
// `<a rel="author">Jane Doe</a> and <a rel="author">John Roe</a>`, or a
// span of class "author" per author with a semicolon and an affiliation
// number after each name. Each element then gives a candidate of one
// name, and the union of every element of a kind (bsUnion) also gathers
// the bylines of related stories and comments, or is dropped as too long.
// markGroups reads the elements that stand together as one list, one
// person an element: the byline the page shows.

// maxGroupGap is the most document nodes walked from the end of one author
// element to the start of the next of its group. Not swept: a separator
// and an icon link between two authors (a span, a link, an image and their
// texts) are under a dozen nodes; a related story's card or a comment
// between two bylines is dozens.
const maxGroupGap = 24

// maxGroupNames bounds a group's names: cleanNames drops a list of more
// than eight, a list of contributors or tags rather than a byline.
const maxGroupNames = 8

// markGroup is a list of authors read from author elements standing side
// by side: their kind of markup, the first one's document position, and
// the one name each gives.
type markGroup struct {
	kind, at int
	names    []string
}

// markGroups gives the groups of two or more author elements of one kind
// (pm.bylines) that stand side by side, in document order: each element
// gives one name (markPerson), and between one name and the next stand a
// separator (a comma, a semicolon, an ampersand, "and" in a few languages;
// in the first element after its name, or after the element) and nothing
// else but affiliation marks ("1", "*"). Elements inside comment threads
// are not read.
func (pm pageMeta) markGroups() []markGroup {
	var out []markGroup
	for kind := markRel; kind <= markAuthor; kind++ {
		var g *markGroup
		var prev bylineMark
		prevTail := ""
		for _, m := range pm.bylines {
			if m.kind != kind {
				continue
			}
			name, tail, ok := markPerson(m)
			if !ok {
				g = closeGroup(&out, g)
				continue
			}
			if g != nil {
				if between, ok := textBetween(prev.node, m.node); ok && separatorsOnly(prevTail+" | "+between) {
					if !containsFold(g.names, name) && len(g.names) < maxGroupNames {
						g.names = append(g.names, name)
					}
					prev, prevTail = m, tail
					continue
				}
				g = closeGroup(&out, g)
			}
			g = &markGroup{kind: kind, at: m.at, names: []string{name}}
			prev, prevTail = m, tail
		}
		closeGroup(&out, g)
	}
	slices.SortStableFunc(out, func(a, b markGroup) int { return cmp.Compare(a.at, b.at) })
	return out
}

// closeGroup appends g to out when it names two people or more, and
// returns nil, the group closed.
func closeGroup(out *[]markGroup, g *markGroup) *markGroup {
	if g != nil && len(g.names) >= 2 {
		*out = append(*out, *g)
	}
	return nil
}

// markPerson reads an author element as one person: the one name its text
// gives (markNames), and what its text holds after the name's line (lines
// joined by " | "; "" when nothing). ok is false when the element is in a
// comment thread, gives no name or several or a name of a desk or a role
// (namesOrg), or holds more after the name than affiliation marks and
// separators (a role, a date: an author card, not a list's item).
func markPerson(m bylineMark) (name, tail string, ok bool) {
	if m.comment || m.node == nil {
		return "", "", false
	}
	names, _ := markNames(m.text)
	if names = cleanNames(names); len(names) != 1 || namesOrg(names[0]) {
		return "", "", false // several names, or a desk, a team or a role ("Managing Editor") beside the name
	}
	_, tail, _ = strings.Cut(m.text, " | ")
	if !affiliationOnly(tail) && !separatorsOnly(tail) {
		return "", "", false
	}
	return names[0], tail, true
}

// textBetween gives the visible texts (joined by " | ") that stand after
// element a and everything inside it and before element b, in document
// order; ok is false when b is not reached within maxGroupGap nodes (or
// is inside a).
func textBetween(a, b *html.Node) (text string, ok bool) {
	var between []string
	steps := 0
	for n := afterSubtree(a); n != nil; {
		if n == b {
			return strings.Join(between, " | "), true
		}
		if steps++; steps > maxGroupGap {
			return "", false
		}
		if n.Type == html.ElementNode && isHiddenText(n) {
			n = afterSubtree(n)
			continue
		}
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				between = append(between, t)
			}
		}
		n = nextInDocument(n)
	}
	return "", false
}

// isHiddenText reports whether n is an element whose text no reader sees
// (a script, a style sheet, a template).
func isHiddenText(n *html.Node) bool {
	switch strings.ToLower(n.Data) {
	case "script", "style", "noscript", "template":
		return true
	}
	return false
}

// nextInDocument is the node after n in document order: its first child,
// else the node after its subtree.
func nextInDocument(n *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	return afterSubtree(n)
}

// afterSubtree is the first node after n and everything below it in
// document order, nil at the end of the document.
func afterSubtree(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// separatorsOnly reports whether s (lines joined by " | ") holds a
// separator of names (groupSeparator) and nothing else but affiliation
// marks.
func separatorsOnly(s string) bool {
	seen := false
	for _, part := range strings.Split(s, "|") {
		part = strings.TrimSpace(part)
		switch {
		case part == "" || isAffiliationMark(part):
		case groupSeparator(part):
			seen = true
		default:
			return false
		}
	}
	return seen
}

// affiliationOnly reports whether s (lines joined by " | ") holds nothing
// but affiliation marks or white space: the last author of a list.
func affiliationOnly(s string) bool {
	for _, part := range strings.Split(s, "|") {
		if part = strings.TrimSpace(part); part != "" && !isAffiliationMark(part) {
			return false
		}
	}
	return true
}

// isAffiliationMark reports whether s is a mark that points a name to its
// affiliation or a note: digits, commas between them, an asterisk, a
// dagger ("1", "2,3", "*", "†").
func isAffiliationMark(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsDigit(r) && !strings.ContainsRune(",*†‡ ", r)
	}) && strings.ContainsFunc(s, func(r rune) bool { return r != ',' && r != ' ' })
}

// groupSeparator reports whether a short text separates two names of a
// list: a comma, a semicolon, an ampersand, a middle dot, or a word for
// "and" (in English, German, French, Spanish, Portuguese, Italian, Dutch,
// the Nordic languages), alone or with a comma or a semicolon.
func groupSeparator(s string) bool {
	switch strings.ToLower(strings.Trim(s, " ,;")) {
	case "", "&", "·", "•", "and", "und", "et", "y", "e", "en", "og", "och":
		return strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	}
	return false
}

// containsFold reports whether names holds name, case folded.
func containsFold(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}
