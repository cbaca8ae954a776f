package news

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzOutletKey checks the outlet key of any name (outlet names come from
// pages, feeds, URL paths and query values): keying a key gives it back,
// the key has no space, and it is letters and digits only, or punctuation
// only (a name of nothing else); the close outlets of any name are at most
// maxCloseOutlets stored ones, never the name's own outlet.
func FuzzOutletKey(f *testing.F) {
	for _, s := range []string{"NYT", "The N.Y.T.", "www.bbc.co.uk", "the the", "...", "  ", "İstanbul Times", "ǅ", "the ", "www.", "Le Monde"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !utf8.ValidString(name) {
			return
		}
		k := OutletKey(name)
		if again := OutletKey(k); again != k {
			t.Fatalf("OutletKey(%q) = %q, but OutletKey(%q) = %q", name, k, k, again)
		}
		if strings.ContainsFunc(k, unicode.IsSpace) {
			t.Fatalf("OutletKey(%q) = %q holds a space", name, k)
		}
		if strings.ContainsFunc(k, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) &&
			strings.ContainsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			t.Fatalf("OutletKey(%q) = %q mixes letters with punctuation", name, k)
		}
		stored := []SourceCount{{Source: "NYT", Key: "nyt"}, {Source: "bbc.co.uk", Key: "bbc"}, {Source: "Le Monde (Online)", Key: "lemonde"}}
		close := CloseOutlets(name, stored)
		if len(close) > maxCloseOutlets {
			t.Fatalf("CloseOutlets(%q) = %d outlets", name, len(close))
		}
		for _, o := range close {
			if o.Key == k {
				t.Fatalf("CloseOutlets(%q) suggests its own outlet %q", name, o.Source)
			}
		}
	})
}
