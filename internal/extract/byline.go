package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// bylinePrefix finds "By Jane Doe" and its equivalents at the start of a block.
var bylinePrefix = regexp.MustCompile(`(?i)^\s*(?:posted\s+|written\s+|words\s+|story\s+)?(?:by|von|par|por|di|door|av|автор:?|текст:?)\s+(.+)$`)

// nameParticles may stand inside a person's name in lower case.
var nameParticles = map[string]bool{"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "del": true, "bin": true, "al": true}

// bylineName returns the person (or people) named by a byline block, without
// the dates, places and reading times that often follow the names.
func bylineName(block string) (string, bool) {
	m := bylinePrefix.FindStringSubmatch(block)
	if m == nil || len(block) > 200 {
		return "", false
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
