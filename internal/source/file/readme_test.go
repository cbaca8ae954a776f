package file

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTheREADMEListsTheExtensionsRead: the README's paragraph on what add
// reads (from "are read as HTML" to "as feeds") names, in backquotes,
// every extension FormatOf reads and no other (besides ".gz").
func TestTheREADMEListsTheExtensionsRead(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	at := strings.Index(text, "are read as HTML")
	if at < 0 {
		t.Fatal(`README.md: no paragraph that says what "are read as HTML"`)
	}
	start := strings.LastIndex(text[:at], "\n\n") + 2
	end := strings.Index(text[start:], "as feeds")
	if end < 0 {
		t.Fatal(`README.md: the paragraph of what "are read as HTML" does not go on to "as feeds"`)
	}
	var listed []string
	for _, m := range regexp.MustCompile("`(\\.[a-z]+)`").FindAllStringSubmatch(text[start:start+end], -1) {
		if m[1] != ".gz" && !slices.Contains(listed, m[1]) {
			listed = append(listed, m[1])
		}
	}
	var read []string
	for _, e := range extensions {
		read = append(read, e.ext)
	}
	slices.Sort(listed)
	slices.Sort(read)
	if !slices.Equal(listed, read) {
		t.Errorf("the README lists %q; FormatOf reads %q", listed, read)
	}
}
