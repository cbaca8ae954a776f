package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// bylinePrefix finds "By Jane Doe" and its equivalents at the start of a block.
var bylinePrefix = regexp.MustCompile(`(?i)^\s*(?:(?:posted|written|words|story|authored|reported|post)\s+)?(?:by|von|par|por|di|door|av|автор|текст)\s*:?\s+(.+)$`)

// gluedBy finds a "By" run into the name after it ("byScott Miller",
// "WRITTEN BYShelby Loos"), as text read from inline elements comes.
var gluedBy = regexp.MustCompile(`^((?i:(?:written |posted |authored )?by))(\p{Lu}\p{Ll})`)

// handleWord is a login name as forums show it: letters, digits, dots,
// underscores and hyphens, in lower case or with a digit or mark.
var handleWord = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._-]{1,29}$`)

// handleStops are lower-case words that follow "by" in prose, not names.
var handleStops = map[string]bool{"the": true, "a": true, "an": true, "our": true, "their": true, "his": true, "her": true,
	"its": true, "my": true, "your": true, "using": true, "default": true, "far": true, "now": true, "then": true,
	"this": true, "that": true, "these": true, "those": true, "us": true, "them": true, "email": true, "phone": true}

// nameParticles may stand inside a person's name in lower case.
var nameParticles = map[string]bool{"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "del": true, "bin": true, "al": true}

// bylineName returns the person (or people) named by a byline block, without
// the dates, places and reading times that often follow the names.
func bylineName(block string) (string, bool) {
	block = gluedBy.ReplaceAllString(strings.TrimSpace(block), "$1 $2")
	m := bylinePrefix.FindStringSubmatch(block)
	if m == nil || len(block) > 200 {
		return "", false
	}
	if h, ok := handleByline(m[1]); ok {
		return h, true
	}
	var names []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			names = append(names, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, f := range strings.Fields(m[1]) {
		word := strings.TrimRight(f, ",;|·•")
		lw := strings.ToLower(strings.TrimRight(word, "."))
		switch {
		case word == "" || word == "|" || word == "-" || word == "–" || word == "—" || word == "·" || word == "•":
			flush()
			if len(names) > 0 {
				return strings.Join(names, ", "), true
			}
			continue
		case lw == "and" || lw == "und" || lw == "et" || lw == "y" || lw == "и" || word == "&":
			flush()
			continue
		case isMonth(lw) || startsWithDigit(word):
			flush()
			return strings.Join(names, ", "), len(names) > 0
		case nameParticles[lw] && len(cur) > 0:
			cur = append(cur, word)
		case isCapitalised(word):
			cur = append(cur, word)
		default:
			flush()
			return strings.Join(names, ", "), len(names) > 0
		}
		if word != f { // a comma or bar closed this name
			flush()
		}
	}
	flush()
	return strings.Join(names, ", "), len(names) > 0 && len(names) <= 4
}

// handleByline reads a forum's "by jdoe42 » Tue Dec 3" or "by julian": a
// single login name in lower case (or with digits and marks), alone or
// before a separator, a date or "on".
func handleByline(rest string) (string, bool) {
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", false
	}
	w := strings.TrimRight(fields[0], ",;:")
	if isCapitalised(w) || !handleWord.MatchString(w) || handleStops[strings.ToLower(w)] || isMonth(strings.ToLower(w)) {
		return "", false
	}
	if len(fields) > 1 {
		next := strings.ToLower(fields[1])
		if !strings.ContainsAny(next[:1], "»|-–—·•(") && next != "on" && next != "at" && !isMonth(strings.TrimRight(next, ".,")) &&
			!startsWithDigit(next) && !strings.HasSuffix(fields[0], ",") {
			return "", false
		}
	}
	return w, true
}

func isMonth(lw string) bool {
	_, ok := months[lw]
	return ok
}

func startsWithDigit(w string) bool {
	for _, r := range w {
		return unicode.IsDigit(r)
	}
	return false
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// nameListSplit separates the names of a list of authors.
var nameListSplit = regexp.MustCompile(`\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b)\s*`)

// credential recognises the degrees and titles written after a name
// ("Jane Doe, MD", "PhD"), which are not names.
var credential = regexp.MustCompile(`^(?:[A-Z]{2,6}|Ph\.?D\.?|M\.D\.?|Jr\.?|Sr\.?|I{2,3}|IV)$`)

// splitNames splits a list of authors into names, without a leading "By"
// and without credentials.
func splitNames(s string) []string {
	if name, ok := bylineName(s); ok {
		s = name
	}
	// "Doe, Jane": one name written surname first.
	if parts := strings.Split(s, ","); len(parts) == 2 && len(strings.Fields(parts[0])) == 1 && len(strings.Fields(parts[1])) == 1 && !credential.MatchString(strings.TrimSpace(parts[1])) {
		return []string{strings.TrimSpace(parts[1]) + " " + strings.TrimSpace(parts[0])}
	}
	var out []string
	for _, p := range nameListSplit.Split(s, -1) {
		p = strings.TrimSpace(p)
		if p == "" || credential.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// labelOnly is a byline's label without a name.
var labelOnly = regexp.MustCompile(`(?i)^(?:by|von|par|por|door|(?:this article was )?(?:written|posted|reported|published|authored|reviewed|edited) by|author|authors|autor|auteur|undefined|null|none|admin|anonymous|editor|staff|updated|published|posted|reviewed|modified|post|written by|share|follow|autorin|autore|autori|autorzy|författare|forfatter|kirjoittaja|автор|yazar|作者|记者|記者|编辑|編輯|撰文|文)$`)

func isLabelOnly(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ":： "))
	// No label is longer than 40 bytes ("this article was reviewed by"):
	// longer texts are not matched at all, which keeps the test cheap on
	// every short text of a page it is asked about.
	return len(s) <= 40 && labelOnly.MatchString(s)
}

// isHandle reports whether a name is a login handle rather than a person's
// name: one word with a digit, dot, hyphen or underscore, or all in lower
// case.
func isHandle(s string) bool {
	if strings.ContainsRune(s, ' ') {
		return false
	}
	return strings.ContainsAny(s, "0123456789._-@") || strings.ToLower(s) == s
}

// uniqueFold drops names repeated in another case.
func uniqueFold(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
