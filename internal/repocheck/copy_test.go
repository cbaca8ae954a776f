// Package repocheck holds checks of the repository itself rather than of a
// stage: that no text of the labelled data beside it (../shared) was copied
// into the code, fixtures or documents.
package repocheck

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// runWords is the length of a word run counted as copied. Twelve words
// shared verbatim are a sentence, not a coincidence, while a measurement
// note may quote a few words of a bench sentence it discusses. Measured
// on this repository in December 2026: at ten words the only run left is
// the seed's headline in the README's sample output of `storyline
// stories`, cut by the command after its eleventh word; at nine, short
// quotations in docs/measurements.
const runWords = 12

// maxRepoFile skips generated data files (models, lexicons) whose bytes are
// numbers and single words, never prose; the largest prose file is under
// 1 MB.
const maxRepoFile = 4 << 20

// TestNoBenchTextInRepository fails when a run of runWords words of the
// bench texts or seeds appears in a file of the repository.
func TestNoBenchTextInRepository(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("STORYLINE_CI") != "" {
			t.Fatalf("../shared is not beside the repository: %v", err)
		}
		t.Skip("../shared is not beside the repository")
	}
	repo := repoRuns(t, filepath.Join("..", ".."))
	var hits []string
	for _, source := range sharedTexts(t, shared) {
		for _, found := range source.runsIn(repo) {
			hits = append(hits, found)
		}
	}
	sort.Strings(hits)
	for _, h := range hits {
		t.Error(h)
	}
}

// sharedText is one text of ../shared and where it came from.
type sharedText struct{ origin, text string }

// runsIn lists the repository files that hold one of the text's word runs.
func (s sharedText) runsIn(repo map[uint64]string) []string {
	words := wordsOf(s.text)
	var found []string
	seen := map[string]bool{}
	for i := 0; i+runWords <= len(words); i++ {
		file, ok := repo[runHash(words[i:i+runWords])]
		if !ok || seen[file] || !isProse(words[i:i+runWords]) {
			continue
		}
		seen[file] = true
		found = append(found, fmt.Sprintf("%s holds %q from %s", file, strings.Join(words[i:i+runWords], " "), s.origin))
	}
	return found
}

// functionWords are words every run of English prose holds; lists of
// names, countries or numbers and the markup of a page hold few.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "and": true,
	"or": true, "for": true, "with": true, "by": true, "at": true, "from": true, "that": true,
	"was": true, "is": true, "be": true, "he": true, "she": true, "it": true, "his": true, "her": true,
	"they": true, "we": true, "i": true, "you": true, "not": true, "has": true, "had": true,
}

// minFunctionWords: a run of twelve words of news prose holds two or more
// function words (the only runs of this repository shared with ../shared
// that held fewer, in December 2026, were a list of two senators' names, a
// list of countries, a run of numbers and a page's meta markup).
const minFunctionWords = 2

// isProse says whether a word run reads as prose rather than a list, an
// identifier or markup.
func isProse(words []string) bool {
	n := 0
	for _, w := range words {
		if functionWords[w] {
			n++
		}
	}
	return n >= minFunctionWords
}

// repoRuns hashes every run of runWords words of the repository's text
// files, each to the file that holds it.
func repoRuns(t *testing.T, root string) map[uint64]string {
	runs := map[uint64]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "screenshots" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		text, ok := readRepoText(path, d)
		if !ok {
			return nil
		}
		words := wordsOf(text)
		for i := 0; i+runWords <= len(words); i++ {
			runs[runHash(words[i:i+runWords])] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

// readRepoText reads a repository file as text, gunzipping fixtures, and
// says no for large or binary files.
func readRepoText(path string, d fs.DirEntry) (string, bool) {
	info, err := d.Info()
	if err != nil || info.Size() > maxRepoFile {
		return "", false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	if strings.HasSuffix(path, ".gz") {
		r, err := gzip.NewReader(strings.NewReader(string(data)))
		if err != nil {
			return "", false
		}
		if data, err = io.ReadAll(io.LimitReader(r, maxRepoFile)); err != nil {
			return "", false
		}
	}
	if !utf8.Valid(data) {
		return "", false
	}
	return string(data), true
}

// sharedTexts reads the seeds, the stories' JSON lines (every string field)
// and the extraction gold bodies and titles.
func sharedTexts(t *testing.T, shared string) []sharedText {
	var texts []sharedText
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*"))
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, sharedText{path, string(data)})
	}
	lines, _ := filepath.Glob(filepath.Join(shared, "bench", "stories", "*.jsonl"))
	for _, path := range lines {
		texts = append(texts, jsonLineTexts(t, path)...)
	}
	golds, _ := filepath.Glob(filepath.Join(shared, "bench", "extraction", "*", "ground-truth.json"))
	for _, path := range golds {
		texts = append(texts, goldTexts(t, path)...)
	}
	if len(texts) == 0 {
		t.Fatalf("no texts found under %s", shared)
	}
	return texts
}

// jsonLineTexts gives each line of a JSON lines file as the strings it holds.
func jsonLineTexts(t *testing.T, path string) []sharedText {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []sharedText
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; scanner.Scan(); n++ {
		var value any
		if json.Unmarshal(scanner.Bytes(), &value) != nil {
			continue
		}
		var parts []string
		collectStrings(value, &parts)
		texts = append(texts, sharedText{fmt.Sprintf("%s:%d", path, n), strings.Join(parts, "\n")})
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// collectStrings appends every string inside a decoded JSON value.
func collectStrings(value any, out *[]string) {
	switch v := value.(type) {
	case string:
		*out = append(*out, v)
	case []any:
		for _, e := range v {
			collectStrings(e, out)
		}
	case map[string]any:
		for _, e := range v {
			collectStrings(e, out)
		}
	}
}

// goldTexts gives each page's gold body and title of a ground-truth.json.
func goldTexts(t *testing.T, path string) []sharedText {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pages map[string]struct {
		ArticleBody string `json:"articleBody"`
		Title       string `json:"title"`
	}
	if err := json.Unmarshal(data, &pages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var texts []sharedText
	for id, page := range pages {
		texts = append(texts, sharedText{path + " " + id, page.Title + "\n" + page.ArticleBody})
	}
	return texts
}

// wordsOf splits a text into lower-cased runs of letters and digits, so
// that a quotation re-wrapped, re-punctuated or escaped in Go or JSON
// still matches.
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// runHash hashes a word run.
func runHash(words []string) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
