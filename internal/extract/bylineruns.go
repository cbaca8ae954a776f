package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// A page that names several authors often writes them as a run of
// elements rather than one text: a link per author separated by commas
// and an ampersand, a list item per author under an "Authors" label, or a
// name per line under the headline. The sources that read one name (a
// label and the text after it, the first profile link, a name line by the
// headline) then offer the first author alone. nameRun and profileRun read
// on from that first name while the page keeps writing names and
// separators close together; the run only widens the first name once the
// ranker has picked it (bylineCand.run, MetaCandidate.Run), so that no
// candidate is added and no threshold moves. (Offering the run as a
// candidate of its own was measured and lost held out: session 52,
// docs/measurements/metadata.md.)

// maxRunGap is the most document nodes between two names of one run (or a
// name and the separator before it): "<a>Jane Doe</a><span>, </span><a>
// John Roe</a>" puts four nodes between the names' texts, a list item per
// name three. Not swept; a forum's next poster or a listing's next card
// is dozens of nodes away.
const maxRunGap = 8

// maxRunNames bounds a run's names: cleanNames drops a list of more than
// eight, which is a list of contributors or tags rather than a byline.
const maxRunNames = 8

// runSeparator reports whether a short text only separates names: commas,
// semicolons, an ampersand, a bar or a middle dot, or a word for "and".
func runSeparator(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	switch strings.ToLower(strings.Trim(s, " ,;")) {
	case "", "&", "and", "und", "et", "y", "e", "i", "en", "og", "och", "|", "·", "•":
		return true
	}
	return false
}

// textNames gives the names of a short text that is one name or a list of
// names each a name line (isNameLine: two to four capitalised words of
// letters, the first a first name of the name lexicon), credentials after
// a name dropped ("Jane Doe, MD"); ok is false for any other text. The
// first name is asked for because a shape alone takes a role or a menu's
// items for names: "Jane Doe, Senior Analyst", "Key Features, User
// Experience" (session 52, docs/measurements/metadata.md).
func textNames(s string) (names []string, ok bool) {
	if !strings.ContainsFunc(s, unicode.IsUpper) {
		return nil, false // a name is capitalised: most short texts are not
	}
	for _, p := range nameListSplit.Split(strings.TrimSpace(s), -1) {
		p = strings.TrimSpace(p)
		if p == "" || credential.MatchString(p) {
			continue
		}
		if !isNameLine(p) {
			return nil, false
		}
		names = append(names, p)
	}
	return names, len(names) > 0
}

// nameRun reads the names written from short text start on: that text's
// names and those of the texts after it, each within maxRunGap nodes of
// the last, while every text is a name, a list of names (textNames) or a
// separator (runSeparator), and a separator stands between any two texts
// of names: a name right after another, with nothing between, was a
// picture's credit under the byline (session 52). It gives nil unless the
// run holds two names or more.
func (pm pageMeta) nameRun(start int) []string {
	var names []string
	last, separated := -1, false
	for i := start; i < len(pm.shorts) && len(names) <= maxRunNames; i++ {
		d := pm.shorts[i]
		if last >= 0 && d.at-last > maxRunGap {
			break
		}
		if runSeparator(d.value) {
			if i == start {
				return nil
			}
			last, separated = d.at, true
			continue
		}
		got, ok := textNames(d.value)
		if !ok || (len(names) > 0 && !separated) {
			break
		}
		separated = false
		names = append(names, got...)
		last = d.at
	}
	return runOf(names)
}

// profileRun reads the names of the profile links that follow the one at
// at, each within maxRunGap nodes of the last and shaped like a person's
// name, as a byline that links every author to their page does, with no
// other role's label between them (noRoleLabelBetween); the first
// name is first. It gives nil unless two names or more are read.
func (pm pageMeta) profileRun(first string, at int) []string {
	names := []string{first}
	last := at
	for _, p := range pm.profiles {
		if p.at <= at {
			continue
		}
		if p.at-last > maxRunGap || len(names) > maxRunNames {
			break
		}
		if p.value == "" {
			last = p.at // an author's portrait linked to the same page
			continue
		}
		if _, shaped := nameShapeWords(p.value); !shaped || !pm.noRoleLabelBetween(last, p.at) {
			break
		}
		names = append(names, p.value)
		last = p.at
	}
	return runOf(names)
}

// noRoleLabelBetween reports whether no short text after document node
// from and before node to is a role's label (roleLabel): "Edited by" or
// "Contributions from:" between two profile links makes the second name
// another role's, not a co-author's, while a writer's description after
// their name (", senior editor") leaves the next author one.
func (pm pageMeta) noRoleLabelBetween(from, to int) bool {
	for _, d := range pm.shorts {
		if d.at > from && d.at < to && roleLabel.MatchString(cleanSpace(d.value)) {
			return false
		}
	}
	return true
}

// roleLabel matches a text that introduces the names after it: one ending
// in a colon or in "by", "from", "von", "par", "por" or "door" (a credit:
// "Fact-checked by", "Photos by", "Contributions from:", "Edited by:").
var roleLabel = regexp.MustCompile(`(?i)(?::|\b(?:by|from|von|par|por|door))$`)

// runOf gives a run's names without repeats, nil unless two to
// maxRunNames are left.
func runOf(names []string) []string {
	names = uniqueFold(names)
	if len(names) < 2 || len(names) > maxRunNames {
		return nil
	}
	return names
}

// widenTo records run as the names candidate c opens, when c names one
// person, the run's first, and holds none yet: the first run read wins.
func (c *bylineCand) widenTo(run []string) {
	if c == nil || c.run != nil || len(run) < 2 || len(c.names) != 1 || !strings.EqualFold(run[0], c.names[0]) {
		return
	}
	c.run = run
}
