package news

import (
	"sort"
	"strings"
	"unicode"
)

// This file tells a teaser above an article's lead from the lead: a line
// that points the reader to another story, a video or a list of links
// ("Recommended: <another story's headline>", "Read more: ...", "ALSO
// READ", "Lire aussi : ..."). Like leadskip.go's rules, it reads the
// line's shape and names no site.

// teaserLabels open a teaser, lower case, in English and in the languages
// leadskip.go reads; longer labels are tried first (teaserLabelsLongFirst),
// so "related stories" is read whole before "related".
var teaserLabels = []string{
	"recommended", "recommended for you", "read more", "read also", "also read", "read next", "see also", "also see",
	"related", "related story", "related stories", "related article", "related articles", "related coverage",
	"related content", "more", "more on this", "more on this story", "watch", "watch more", "listen", "don't miss",
	"don’t miss", "must read", "up next",
	"lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lesen sie auch", "mehr zum thema", "auch interessant",
	"leer más", "lee también", "ver también", "leggi anche", "lees ook", "leia também", "leia mais", "veja também",
	"saiba mais",
}

// teaserLabelsLongFirst is teaserLabels, longest first.
var teaserLabelsLongFirst = func() []string {
	l := append([]string(nil), teaserLabels...)
	sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	return l
}()

// teaserMarks end a teaser's label before the other story's headline
// ("Read more: ...", "Related | ...", "ALSO READ » ...", "More - ...").
var teaserMarks = []string{":", "|", "»", ">", "—", "–", "-"}

// teaserMaxWords is the most words of a teaser: a label and another
// story's headline (headlines run to about 15 words; the bench's story
// files' titles have a median of 69 characters, leadTitleMax's note). A
// longer line after "More:" or "Watch:" is a paragraph of the article,
// which may open so. Like captionMaxWords it is checked before
// furnitureMaxWords, as a teaser's headline may end in "?" or "!" and
// then ends as a sentence does.
const teaserMaxWords = 30

// isTeaserLine reports whether a line points to another story rather than
// opening this one: a teaser label alone ("Related Stories", "ALSO
// READ"), or a label and a mark before a headline ("Recommended: Why the
// pool closed", "Read more | Storm hits the coast"), or a label of two
// words or more written in capitals before a capital ("ALSO READ Storm
// hits the coast"). "Read more about the pool in the council's report" and
// "Watch the council vote live" have no mark and are sentences.
func isTeaserLine(line string) bool {
	line = strings.TrimSpace(line)
	if len(strings.Fields(line)) > teaserMaxWords {
		return false
	}
	for _, label := range teaserLabelsLongFirst {
		// The label as written is as long as in lower case when it lowers
		// to the label: letters whose lower case is longer or shorter
		// ("Ⱥ", "İ") make it no label.
		if len(label) > len(line) || strings.ToLower(line[:len(label)]) != label {
			continue
		}
		if teaserAfterLabel(line[:len(label)], line[len(label):]) {
			return true
		}
	}
	return false
}

// teaserAfterLabel reports whether rest, the line after a teaser label as
// written, makes the line a teaser: nothing, a mark then a headline, or,
// after a label of two words or more in capitals, a capital.
func teaserAfterLabel(label, rest string) bool {
	trimmed := strings.TrimSpace(rest)
	if trimmed == "" {
		return true
	}
	if rest[0] != ' ' && !strings.ContainsRune(":|»>", firstRune(rest)) {
		return false // the label is the start of a longer word ("Moreover", "Relatedly")
	}
	for _, m := range teaserMarks {
		if after, ok := strings.CutPrefix(trimmed, m); ok {
			return opensHeadline(strings.TrimSpace(after))
		}
	}
	shouted := strings.Contains(label, " ") && !strings.ContainsFunc(label, unicode.IsLower)
	return shouted && unicode.IsUpper(firstRune(trimmed))
}

// opensHeadline reports whether the words after a teaser's mark name
// another story: nothing ("Read more:" alone, its link lost), or a
// headline, which opens with a capital, a figure or a quote, has a letter
// and ends in no full stop. A sentence going on in lower case ("More: the
// council voted ...") or ending in a full stop ("Listen: The council has
// failed us for years.") is the article's own: headlines have no final
// full stop (firstSentence drops it from the titles it makes).
func opensHeadline(after string) bool {
	if after == "" {
		return true
	}
	r := firstRune(after)
	return hasLetter(after) && (unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'«„", r)) && !endsInFullStop(after)
}

// endsInFullStop reports whether s ends in a full stop, a closing quote or
// bracket after it allowed, as a sentence does; an ellipsis ("Wait for
// it...") is no full stop.
func endsInFullStop(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)")
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..")
}
