package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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

// byline names the article's authors, kept apart by commas. Sources, most
// reliable first: the author meta tags, the schema.org article's authors
// (references into the page's @graph resolved), the "Written by" label of
// Twitter's card data, then elements marked as the author (rel or itemprop
// author, then a byline or author-name class). A candidate that is the
// site's own name (a credit to the outlet, not a person), a login handle
// ("jdoe42", "jane.doe") or a label without a name ("By", "Written By") is
// passed over for a later source; it is still taken when no source gives
// another name (a personal site is often named after its author).
func (pm pageMeta) byline() string {
	sites := pm.siteNameCandidates()
	var fallback string
	consider := func(names []string) (string, bool) {
		var good, weak []string
		for _, n := range names {
			n = cleanSpace(strings.Trim(n, " ,;|·•-–—"))
			switch {
			case utf8.RuneCountInString(n) < 2 || strings.Contains(n, "://") || !strings.ContainsFunc(n, unicode.IsLetter):
			case isLabelOnly(n):
			case isHandle(n) || isSiteName(n, sites):
				weak = append(weak, n)
			default:
				good = append(good, n)
			}
		}
		if len(good) > 0 {
			return strings.Join(uniqueFold(good), ", "), true
		}
		if len(weak) > 0 && fallback == "" {
			fallback = strings.Join(uniqueFold(weak), ", ")
		}
		return "", false
	}
	if a := pm.get("author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author"); a != "" {
		if b, ok := consider(splitNames(a)); ok {
			return b
		}
	}
	if ld, ok := pm.ldArticle(); ok {
		if b, ok := consider(pm.names(ld.authorRefs)); ok {
			return b
		}
	}
	for _, o := range pm.ld {
		if b, ok := consider(pm.names(o.authorRefs)); ok && (strings.Contains(o.types, "article") || strings.Contains(o.types, "posting") || strings.Contains(o.types, "webpage")) {
			return b
		}
	}
	for _, k := range []string{"twitter:label1", "twitter:label2"} {
		if l := strings.ToLower(pm.get(k)); strings.Contains(l, "written by") || strings.Contains(l, "author") {
			if b, ok := consider(splitNames(pm.get("twitter:data" + k[len(k)-1:]))); ok {
				return b
			}
		}
	}
	for _, strong := range []bool{true, false} {
		if !strong {
			if b, ok := consider(pm.headerByline()); ok {
				return b
			}
		}
		for _, m := range pm.bylines {
			if m.strong != strong {
				continue
			}
			if name, ok := bylineName(m.text); ok {
				if b, ok := consider(splitNames(name)); ok {
					return b
				}
				continue
			}
			first, _, _ := strings.Cut(m.text, " | ")
			if len(first) <= 60 && isCapitalised(first) && len(strings.Fields(first)) <= 5 {
				if b, ok := consider([]string{first}); ok {
					return b
				}
			}
		}
	}
	return fallback
}

// headerByline finds a byline among the short texts around the headline:
// "By Jane Doe", or a label ("Written by", "Author:") and the name after it.
func (pm pageMeta) headerByline() []string {
	if pm.h1At < 0 {
		return nil
	}
	for i, d := range pm.shorts {
		if d.at < pm.h1At-headerBefore || d.at > pm.h1At+headerAfter {
			continue
		}
		if isLabelOnly(d.value) && i+1 < len(pm.shorts) && pm.shorts[i+1].at-d.at < 8 {
			next := pm.shorts[i+1].value
			if name, ok := bylineName("By " + next); ok {
				return splitNames(name)
			}
			continue
		}
		if bylinePrefix.MatchString(d.value) {
			if name, ok := bylineName(d.value); ok {
				return splitNames(name)
			}
		}
	}
	return nil
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
var labelOnly = regexp.MustCompile(`(?i)^(?:by|von|par|por|door|(?:this article was )?(?:written|posted|reported|published) by|author|authors|autor|auteur|undefined|null|none|admin|anonymous|editor|staff)$`)

func isLabelOnly(s string) bool {
	return labelOnly.MatchString(strings.TrimSpace(strings.TrimRight(s, ": ")))
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
