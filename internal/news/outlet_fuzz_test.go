package news

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzOutletKey checks the outlet key of any name (outlet names come from
// pages, feeds, URL paths and query values): keying a key gives it back,
// the key has no space, and it is letters and digits only, or punctuation
// only (a name of nothing else); the close outlets of any name are at most
// maxCloseOutlets stored ones, never the name's own outlet; its "the"
// alias (TheNameAlias) keys it as OutletKey does, and a user's alias of
// it (AliasKeys, names typed on the command line) as AliasKey does: as
// OutletKey does its composed form, a key AliasKey gives back.
func FuzzOutletKey(f *testing.F) {
	for _, s := range []string{"NYT", "The N.Y.T.", "www.bbc.co.uk", "the the", "...", "  ", "İstanbul Times", "ǅ", "the ", "www.", "Le Monde", "The Hill (Opinion) (Blog)", "The A", "Le Ve\u0301lo"} {
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
		// A "the" alias names the name's own key, and files a key other
		// than it (an alias never names itself).
		if alias, key, ok := TheNameAlias(name); ok && (key != k || alias != "the"+k || alias == key) {
			t.Fatalf("TheNameAlias(%q) = %q, %q; the name's key is %q", name, alias, key, k)
		}
		// A user's alias is refused, or keys two different outlets.
		ak := AliasKey(name)
		if a, o, err := AliasKeys(name, "Harbour Gazette"); err == nil && (a == "" || a == o || a != ak) {
			t.Fatalf("AliasKeys(%q) = %q, %q", name, a, o)
		}
		if ak != norm.NFC.String(OutletKey(norm.NFC.String(name))) || AliasKey(ak) != ak {
			t.Fatalf("AliasKey(%q) = %q, not the key of its composed form, or not kept by AliasKey", name, ak)
		}
	})
}

// FuzzArticleOutletKeys checks, on any two articles' sources and addresses,
// that each article gets one key, its own ArticleOutletKey or the key of a
// name the other is shown under, and that an article alone keeps its own.
func FuzzArticleOutletKeys(f *testing.F) {
	f.Add("The Calder Courier", "", "", "https://thecaldercourier.com/a")
	f.Add("", "http://[::1", "The", "thethe.com")
	f.Fuzz(func(t *testing.T, s1, u1, s2, u2 string) {
		arts := []Article{{Source: s1, URL: u1}, {Source: s2, URL: u2}}
		keys := ArticleOutletKeys(arts)
		if len(keys) != 2 {
			t.Fatalf("%d keys for 2 articles", len(keys))
		}
		for i, a := range arts {
			own := ArticleOutletKey(a.Source, a.URL)
			if alone := ArticleOutletKeys(arts[i : i+1]); alone[0] != own {
				t.Errorf("article %q %q alone: key %q, want %q", a.Source, a.URL, alone[0], own)
			}
			other := arts[1-i]
			if keys[i] != own && keys[i] != OutletKey(OutletName(other.Source, other.URL)) {
				t.Errorf("article %q %q: key %q is neither its own %q nor the other's name's", a.Source, a.URL, keys[i], own)
			}
		}
	})
}
