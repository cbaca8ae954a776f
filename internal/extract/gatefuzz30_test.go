package extract

import (
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/storyline-news/storyline/internal/text"
)

// The fuzz tests below check session 30's (s30-speed2) short cuts against
// the code they stand before, kept here as ref*, as gatefuzz_test.go does
// for session 29's: Host's plain-link reading, wordsOf's ASCII split and
// the phrase matchers' first-word filter. Run one with `go test -run XXX
// -fuzz FuzzHostGate -fuzztime 60s ./internal/extract/`.

// refHost is Host before plainHTTPHost: url.Parse for every text.
func refHost(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// refWordsOf is wordsOf before its ASCII split.
func refWordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// refCountWords is phraseMatcher.countWords without its first-word filter.
func refCountWords(m *phraseMatcher, l string, ws []string) int {
	return m.countWordsGated(l, ws, false)
}

// hostSeeds are invented links in the shapes plainHTTPHost must either
// read as url.Parse does or leave to it.
var hostSeeds = []string{
	"https://www.example.com/a/b?c=d#e", "http://Example.COM", "http://example.com?x", "http://example.com#x", "https://",
	"http://", "http:///path", "https://user:pw@example.com/", "https://example.com:8080/x", "https://example.com:x/",
	"https://[::1]:80/", "https://exa mple.com/", "https://example.com/a b", " https://example.com/ ", "https://example.com/%zz",
	"https://ex%41mple.com/", "https://example.com/#%zz", "https://exämple.com/", "https://example.com/ä", "https://example.com\x7f/",
	"https://example.com/\x00", "https://a_b.example.com/", "https://example.com./", "https://-.-/", "https://www./", "https://WWW.Example.com",
	"https:/example.com", "http:example.com", "httpx://example.com", "http://example.com/?a#b/c", "http://example.com\\evil.com/",
	"http://{bad}.com/", "http://example.com/path:with:colons", "https://example.com?q=http://other.org/",
}

// FuzzHostGate: Host equals url.Parse's reading for every text.
func FuzzHostGate(f *testing.F) {
	for _, s := range append(hostSeeds, gateSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Host(s), refHost(s); got != want {
			t.Fatalf("Host(%q) = %q, url.Parse reads %q", s, got, want)
		}
	})
}

// sameWords reports whether two word lists are equal, nil and empty told
// apart (strings.FieldsFunc never returns nil).
func sameWords(a, b []string) bool { return slices.Equal(a, b) && (a == nil) == (b == nil) }

// FuzzWordsOfGate: wordsOf equals its split before, nil-ness included.
func FuzzWordsOfGate(f *testing.F) {
	for _, s := range append(gateSeeds, "", "---", "A1b2 C3", "x", "X-Y_Z", "end.") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordsOf(s), refWordsOf(s); !sameWords(got, want) {
			t.Fatalf("wordsOf(%q) = %q, before %q", s, got, want)
		}
	})
}

// FuzzPhraseFilterGate: both phrase matchers count as they did without
// the first-word filter.
func FuzzPhraseFilterGate(f *testing.F) {
	for _, s := range append(gateSeeds, boilerplatePhrases...) {
		f.Add(s)
	}
	for _, s := range closingPhrases {
		f.Add("Thanks. " + s + " now")
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPhraseFilter(t, s)
	})
}

// checkPhraseFilter fails t when either phrase matcher's count of s
// differs from its count without the filter.
func checkPhraseFilter(t *testing.T, s string) {
	t.Helper()
	l, ws := phraseWords(s, nil)
	for _, m := range []*phraseMatcher{chromePhrases(), closingMatcher()} {
		if got, want := m.countWords(l, ws), refCountWords(m, l, ws); got != want {
			t.Fatalf("countWords(%q) = %d, without the filter %d", s, got, want)
		}
	}
}

// TestPhraseFilterKeepsEveryFirstWord: every phrase's first word passes
// the filter, and a word no phrase starts with of a length none has is
// stopped (the filter is not a pass-all).
func TestPhraseFilterKeepsEveryFirstWord(t *testing.T) {
	for _, m := range []*phraseMatcher{chromePhrases(), closingMatcher()} {
		for w := range m.byFirst {
			if !m.mayBeFirst(w) {
				t.Fatalf("the filter stops the first word %q", w)
			}
		}
		if m.mayBeFirst("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq") {
			t.Fatal("the filter lets through a first byte and length no phrase has")
		}
	}
}

// TestShortCuts30OnRandomTexts runs the three checks above on random texts
// glued from gatePieces and hostSeeds, upper-cased one time in three.
func TestShortCuts30OnRandomTexts(t *testing.T) {
	pieces := append(gatePieces(), hostSeeds...)
	pieces = append(pieces, "http://", "https://", "www.", "/", "?", "#", "%", "@", ":", "[", "]", "Ab", "3", ".org")
	for _, p := range append(slices.Clone(boilerplatePhrases), closingPhrases...) {
		pieces = append(pieces, strings.Fields(p)...)
	}
	r := rand.New(rand.NewPCG(30, 2))
	for n := range 40000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if n%3 == 0 {
			s = strings.ToUpper(s)
		}
		if Host(s) != refHost(s) {
			t.Fatalf("Host(%q) = %q, url.Parse reads %q", s, Host(s), refHost(s))
		}
		if !sameWords(wordsOf(s), refWordsOf(s)) {
			t.Fatalf("wordsOf(%q) differs from its split before", s)
		}
		checkPhraseFilter(t, s)
		checkNameShape(t, s)
		if isLabelOnly(s) != refIsLabelOnly(s) {
			t.Fatalf("isLabelOnly(%q) differs from its form before", s)
		}
		if namesComment(s) != refNamesComment(s) {
			t.Fatalf("namesComment(%q) differs from its form before", s)
		}
		checkCommentElement(t, s)
		checkTitleMarked(t, strings.ToLower(s))
		if collapseSpace(s) != refCollapseSpace(s) {
			t.Fatalf("collapseSpace(%q) differs from its form before", s)
		}
	}
}

// TestPlainHTTPHost: the short cut reads plain links and leaves the others
// (user, port, escapes, spaces, other schemes) to url.Parse.
func TestPlainHTTPHost(t *testing.T) {
	for _, c := range []struct {
		raw, host string
		ok        bool
	}{
		{"https://www.Example.com/a?b#c", "example.com", true},
		{"http://news.example.org", "news.example.org", true},
		{"http://example.org?q", "example.org", true},
		{"https://", "", true},
		{"https://user@example.com/", "", false},
		{"https://example.com:8080/", "", false},
		{"https://example.com/%41", "", false},
		{"https://example.com/a b", "", false},
		{"ftp://example.com/", "", false},
		{"HTTPS://example.com/", "", false},
	} {
		if host, ok := plainHTTPHost(c.raw); host != c.host || ok != c.ok {
			t.Errorf("plainHTTPHost(%q) = %q %v, want %q %v", c.raw, host, ok, c.host, c.ok)
		}
	}
}

// refNameShapeWords is nameShapeWords before it counted the words first
// and tested the letters before lower-casing.
func refNameShapeWords(s string) (words []string, ok bool) {
	s = cleanSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxNameLineRunes {
		return nil, false
	}
	words = strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return nil, false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if nameParticles[lw] {
			continue
		}
		if !isNameWord(w) || !isCapitalised(w) || text.IsStopWord(lw) || isPossessive(lw) {
			return nil, false
		}
	}
	first := strings.ToLower(strings.TrimRight(words[0], "."))
	last := strings.ToLower(words[len(words)-1])
	if isMonth(first) || nameParticles[last] || namesOrg(s) {
		return nil, false
	}
	return words, true
}

// checkNameShape fails t when nameShapeWords differs from its form before.
func checkNameShape(t *testing.T, s string) {
	t.Helper()
	got, gotOK := nameShapeWords(s)
	want, wantOK := refNameShapeWords(s)
	if gotOK != wantOK || !slices.Equal(got, want) {
		t.Fatalf("nameShapeWords(%q) = %q %v, before %q %v", s, got, gotOK, want, wantOK)
	}
}

// FuzzNameShapeGate: nameShapeWords equals its form before.
func FuzzNameShapeGate(f *testing.F) {
	for _, s := range append(gateSeeds, "Jane van Doe", "JANE DOE", "Ludwig van Beethoven", "van Jane", "Jane Doe's Kitchen",
		"Anna  de\u00a0la Cruz", "May Smith", "Jane O'Neil-Smith Jr.", "Ab Cd Ef Gh Ij", "De", "İlker Ünal") {
		f.Add(s)
	}
	f.Fuzz(checkNameShape)
}

// refIsLabelOnly is isLabelOnly before its shape gate.
func refIsLabelOnly(s string) bool { return labelOnlyGated(s, false) }

// FuzzLabelOnlyGate: isLabelOnly equals its form before the gate.
func FuzzLabelOnlyGate(f *testing.F) {
	words, _ := labelOnlyWords()
	for _, s := range append(gateSeeds, words...) {
		f.Add(s)
		f.Add(strings.ToUpper(s) + ":")
	}
	f.Add("\u212aIRJOITTAJA")
	f.Add("Po\u017fted by")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isLabelOnly(s), refIsLabelOnly(s); got != want {
			t.Fatalf("isLabelOnly(%q) = %v, before %v", s, got, want)
		}
	})
}

// TestLabelOnlyGateKeepsEveryLabel: every listed label and its upper case
// (and its Kelvin-sign and long-s spellings) pass the gate.
func TestLabelOnlyGateKeepsEveryLabel(t *testing.T) {
	words, ok := labelOnlyWords()
	if !ok || len(words) == 0 {
		t.Fatal("labelOnly is no longer a list of words")
	}
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ReplaceAll(w, "k", "\u212a"), strings.ReplaceAll(w, "s", "\u017f")} {
			if !labelWordShapes().mayBe(v) || !isLabelOnly(v) {
				t.Fatalf("the label %q is stopped", v)
			}
		}
	}
	if labelWordShapes().mayBe("Jane Doe, Staff Writer") {
		t.Fatal("the gate lets through a text no label has the length of")
	}
}

// refNamesComment is namesComment before its first-byte gate.
func refNamesComment(name string) bool {
	return anyClassWord(name, func(w string) bool { return isCommentWord(strings.ToLower(w)) })
}

// FuzzNamesCommentGate: namesComment equals its form before the gate.
func FuzzNamesCommentGate(f *testing.F) {
	for _, s := range append(gateSeeds, "comment-list", "CommentBody", "disqus_thread", "REPLY", "replyButton", "kommentare",
		"\u212aommentare", "post-Responses", "commentary", "Komentarze", "comentarios", "x-Respond", "Dreply", "reply\u212a") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := namesComment(s), refNamesComment(s); got != want {
			t.Fatalf("namesComment(%q) = %v, before %v", s, got, want)
		}
	})
}

// TestMayBeCommentWord: the gate passes the four first letters in either
// case and any non-ASCII first byte, and stops the rest.
func TestMayBeCommentWord(t *testing.T) {
	for _, w := range []string{"comments", "Comments", "KOMMENTARE", "disqus", "Reply", "\u212aommentare", ""} {
		if !mayBeCommentWord(w) {
			t.Errorf("mayBeCommentWord(%q) = false", w)
		}
	}
	for _, w := range []string{"post", "Main", "#reply", "-comments", "1comment"} {
		if mayBeCommentWord(w) {
			t.Errorf("mayBeCommentWord(%q) = true", w)
		}
	}
}

// refIsCommentElement is isCommentElement before it read the words raw
// behind mayBeCommentWord.
func refIsCommentElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for w := range classWordSeq(a.Val) {
			if isCommentWord(w) {
				return true
			}
		}
	}
	return false
}

// checkCommentElement fails t when isCommentElement differs from its form
// before on an element whose class (and, swapped, id) is s.
func checkCommentElement(t *testing.T, s string) {
	t.Helper()
	for _, attrs := range [][]html.Attribute{{{Key: "class", Val: s}}, {{Key: "id", Val: "main"}, {Key: "id", Val: s}}} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: attrs}
		if got, want := isCommentElement(n), refIsCommentElement(n); got != want {
			t.Fatalf("isCommentElement(%q) = %v, before %v", s, got, want)
		}
	}
}

// FuzzCommentElementGate: isCommentElement equals its form before; and
// classWordSeq still yields splitClass's lower-case words.
func FuzzCommentElementGate(f *testing.F) {
	for _, s := range append(gateSeeds, "comment-list", "CommentBody", "disqus_thread", "REPLY", "replyButton", "kommentare",
		"post-Responses", "commentary", "Komentarze", "comentarios", "x-Respond", "XMLReply", "commentsDisqus") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCommentElement(t, s)
		for w := range classWordSeq(s) {
			if w != strings.ToLower(w) || len(w) < 2 {
				t.Fatalf("classWordSeq(%q) yields %q", s, w)
			}
		}
	})
}

// refIsTitleMarkedAs is isTitleMarkedAs before it cut the tokens byte by
// byte.
func refIsTitleMarkedAs(n *html.Node, c string) bool {
	if ip := strings.ToLower(attr(n, "itemprop")); ip == "headline" {
		return true
	}
	if c == "" {
		return false
	}
	for tok := range strings.FieldsFuncSeq(c, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
		if isTitleToken(tok) {
			return n.DataAtom != atom.A && n.DataAtom != atom.Img && n.DataAtom != atom.Input
		}
	}
	return false
}

// checkTitleMarked fails t when isTitleMarkedAs differs from its form
// before on a <div> and an <a> whose class and id read c.
func checkTitleMarked(t *testing.T, c string) {
	t.Helper()
	for _, tag := range []atom.Atom{atom.Div, atom.A} {
		n := &html.Node{Type: html.ElementNode, DataAtom: tag, Data: tag.String()}
		if got, want := isTitleMarkedAs(n, c), refIsTitleMarkedAs(n, c); got != want {
			t.Fatalf("isTitleMarkedAs(<%s>, %q) = %v, before %v", tag, c, got, want)
		}
	}
}

// FuzzTitleMarkedGate: isTitleMarkedAs equals its form before.
func FuzzTitleMarkedGate(f *testing.F) {
	for _, s := range append(gateSeeds, "entry-title ", "post_title main", "--headline--", "sub-title", "a-b_c d", "tïtle-headline") {
		f.Add(s)
	}
	f.Fuzz(checkTitleMarked)
}

// refCollapseSpace is collapseSpace before it read ASCII bytes without
// decoding them: collapseSpaceMapped's rune loop, every rune mapped to itself.
func refCollapseSpace(s string) string {
	return collapseSpaceMapped(s, func(r rune) rune { return r })
}

// FuzzCollapseSpaceGate: collapseSpace equals its rune-by-rune form.
func FuzzCollapseSpaceGate(f *testing.F) {
	for _, s := range append(gateSeeds, " a \t\n\v\f\r b ", "\u0085x\u00a0y\u2003", "\x80 \xff", "a\x1fb\x0bc") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), refCollapseSpace(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, before %q", s, got, want)
		}
	})
}

// TestASCIISpaceAsUnicode: asciiSpace agrees with unicode.IsSpace on every
// ASCII byte.
func TestASCIISpaceAsUnicode(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if asciiSpace(c) != unicode.IsSpace(rune(c)) {
			t.Fatalf("asciiSpace(%#x) = %v", c, asciiSpace(c))
		}
	}
}
