package extract

import "slices"

// Scholarly publishers and library catalogues write a paper's authors as
// one meta tag per author: Highwire Press's citation_author (the tags
// Google Scholar reads) and Dublin Core's creator, repeated in the
// authors' order. The first tag alone names the first author only, and a
// byline of several authors is to keep them all (issue 13). Other author
// keys are not read this way: a repeated name="author" holds a picture's
// credit or the outlet as often as a second writer (session 53,
// docs/measurements/metadata.md).

// oneTagPerAuthor are the meta keys (as metaKey spells them) whose
// convention is one tag per author.
var oneTagPerAuthor = []string{"citation_author", "dc.creator", "dcterms.creator"}

// maxMetaAuthors bounds the tags of one key recorded: cleanNames drops a
// list of more than eight names (a list of every contributor), and one
// more tag is enough to know the list is longer.
const maxMetaAuthors = 9

// recordMetaAuthor records content under key when key is one of
// oneTagPerAuthor.
func (pm *pageMeta) recordMetaAuthor(key, content string) {
	if !slices.Contains(oneTagPerAuthor, key) || len(pm.metaAuthors[key]) >= maxMetaAuthors {
		return
	}
	if pm.metaAuthors == nil {
		pm.metaAuthors = map[string][]string{}
	}
	pm.metaAuthors[key] = append(pm.metaAuthors[key], content)
}

// metaAuthorNames gives the names meta key k holds: for a key of
// oneTagPerAuthor, the names of all its tags in order, unless they are
// more than cleanNames keeps, when the first tag's alone; for any other
// key, its first tag's.
func (pm pageMeta) metaAuthorNames(k string) []string {
	tags := pm.metaAuthors[k]
	if len(tags) < 2 {
		return splitNames(pm.get(k))
	}
	var names []string
	for _, t := range tags {
		names = append(names, splitNames(t)...)
	}
	if cleanNames(names) == nil {
		return splitNames(tags[0])
	}
	return names
}
