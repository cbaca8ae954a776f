package cluster

import (
	_ "embed"
	"strings"

	"github.com/storyline-news/storyline/internal/text"
)

// demonymsFile lists countries and the words naming their people or what
// is theirs (see the file's own header for its source).
//
//go:embed demonyms.txt
var demonymsFile string

// countryOfDemonym maps a nationality word as a text writes it, title
// case or upper case ("Israeli", "ISRAELI"), to its country's word, lower
// case ("israel"), read from demonymsFile. Keyed by the written forms so
// that a word is looked up without being lowered first (placing reads
// every capitalised word of every article).
var countryOfDemonym = readDemonyms(demonymsFile)

// readDemonyms reads the demonym table: a country's word, a tab, its forms
// in lower case separated by "|"; lines starting with "#" and blank lines
// are skipped. Each form is keyed in title case and in upper case.
func readDemonyms(file string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(file, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		country, forms, ok := strings.Cut(line, "\t")
		if !ok {
			panic("demonyms.txt: a line without a tab: " + line) // the table is part of the build
		}
		for _, f := range strings.Split(forms, "|") {
			out[strings.ToUpper(f[:1])+f[1:]] = country
			out[strings.ToUpper(f)] = country
		}
	}
	return out
}

// countryOf gives the country's word of a capitalised nationality word
// ("Israeli" -> "israel"). Only a capitalised word is one: "polish" the
// verb and "turkey" the bird are lower case.
func countryOf(w string) (string, bool) {
	c, ok := countryOfDemonym[w]
	return c, ok
}

// appendTermsFolded appends the terms of words as text.AppendTermsOf does,
// with each capitalised nationality word counted as its country's word
// (countryOf), so that one report's "Israeli troops" and another's
// "Israel's army" share the term "israel": one actor named two ways is one
// term of the TF-IDF vectors the clusterer compares.
func appendTermsFolded(out, words []string) []string {
	start := 0
	for i, w := range words {
		if c, ok := countryOf(w); ok {
			out = text.AppendTermsOf(out, words[start:i])
			out = append(out, c)
			start = i + 1
		}
	}
	return text.AppendTermsOf(out, words[start:])
}
