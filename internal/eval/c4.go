package eval

import (
	"regexp"
	"strings"
)

// TextBaselines are the text-dump baselines ../shared/bench/extraction's
// README scores beside the extractors, by the names `eval extract --text
// --baseline` takes: the whole dump, and the C4-style line filter.
var TextBaselines = map[string]func(dump string) string{
	"all-text": func(dump string) string { return dump },
	"c4":       C4Filter,
}

// c4Chrome are the mentions for which the C4 filter drops a line, as the
// benchmark README defines it.
var c4Chrome = regexp.MustCompile(`(?i)javascript|cookies|privacy policy|terms of (use|service)|all rights reserved`)

// c4MinWords is the C4 filter's shortest line, in words (the README's 5).
const c4MinWords = 5

// C4Filter keeps the dump's lines that C4's web-text cleaning keeps, as the
// benchmark README defines it: lines of at least five words that end in
// terminal punctuation (. ! ? or a closing quote) and mention no
// javascript, cookies, privacy policy, terms of use or service, or "all
// rights reserved". The baseline a learned line classifier has to beat.
func C4Filter(dump string) string {
	var kept []string
	for line := range strings.Lines(dump) {
		line = strings.TrimSpace(line)
		if len(strings.Fields(line)) < c4MinWords || c4Chrome.MatchString(line) || !endsSentence(line) {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

// endsSentence reports whether a line ends in terminal punctuation or a
// closing quote.
func endsSentence(line string) bool {
	for _, end := range []string{".", "!", "?", `"`, "'", "”", "’", "»"} {
		if strings.HasSuffix(line, end) {
			return true
		}
	}
	return false
}

// ScoreTextBaseline scores a text-dump baseline on the pages: each page's
// dump through filter, against its gold.
func ScoreTextBaseline(name string, pages []LabelledPage, filter func(dump string) string) FoldScore {
	outs := make([]string, len(pages))
	for i, p := range pages {
		outs[i] = filter(string(p.Page.Body))
	}
	return scoreOutputs(name, pages, outs, make([]string, len(pages)))
}
