package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestMayBeCommentHeaderPassesEveryMatch checks that the cheap test run
// before commentHeader lets through every text the regular expression
// matches (in any case, the Kelvin sign folded to k as (?i) does) and
// rules out ordinary short texts, which is what it is for.
func TestMayBeCommentHeaderPassesEveryMatch(t *testing.T) {
	matches := []string{
		"12 Comments", "3 replies", "1 REACTIONS", "Comments (4)", "RESPONSES (2)",
		"\u212aommentare (7)", "Comentarios (3)", "Комментарии (5)", "комментарии (5)", "Leave a Reply",
		"post a comment", "Sorry, COMMENTS ARE CLOSED for this post.", "7 thoughts on “The ferry”",
	}
	for _, s := range matches {
		if !commentHeader.MatchString(s) {
			t.Fatalf("fixture %q no longer matches commentHeader", s)
		}
		if !mayBeCommentHeader(s) {
			t.Errorf("mayBeCommentHeader(%q) = false, commentHeader matches it", s)
		}
	}
	for _, s := range []string{"", "Share this story", "Menu", "Contact us", "Read more", "Privacy (policy)", "Latest", "The harbour board met on Tuesday.", "Sign up for our newsletter"} {
		if mayBeCommentHeader(s) {
			t.Errorf("mayBeCommentHeader(%q) = true, want the regular expression skipped", s)
		}
		if isCommentHeader(s, 4) {
			t.Errorf("isCommentHeader(%q) = true", s)
		}
	}
}

// TestHeadlineMatchCountsDistinctWords checks the headline match on a
// block's distinct words: a word the block repeats counts once, as in a
// set, and the score is the F1 of the two word sets.
func TestHeadlineMatchCountsDistinctWords(t *testing.T) {
	words := distinctWords("Ferry fares, ferry FARES rise")
	if want := []string{"fares", "ferry", "rise"}; !slices.Equal(words, want) {
		t.Fatalf("distinctWords = %q, want %q", words, want)
	}
	title := wordSet("Ferry fares rise | The Gazette")
	if got, want := headlineMatch(words, title), 2*3.0/(3+5); got != want {
		t.Errorf("headlineMatch = %v, want %v", got, want)
	}
}

// TestReadNameShapesOncePerShortText checks that the name shapes a page
// reads once give what the tests give text by text: the words of a
// name-shaped text, and whether it is a name line.
func TestReadNameShapesOncePerShortText(t *testing.T) {
	pm := pageMeta{shorts: []dated{{value: "  Marta   van Dijk "}, {value: "Harbour Desk Staff"}, {value: "Read more"}}}
	shapes := pm.readNameShapes()
	if len(shapes) != 3 {
		t.Fatalf("readNameShapes gave %d shapes, want 3", len(shapes))
	}
	if want := []string{"Marta", "van", "Dijk"}; !slices.Equal(shapes[0].words, want) || !shapes[0].nameLine {
		t.Errorf("shape of the name = %+v, want words %q and a name line", shapes[0], want)
	}
	for i := 1; i < 3; i++ {
		if shapes[i].words != nil || shapes[i].nameLine {
			t.Errorf("shape of %q = %+v, want none", pm.shorts[i].value, shapes[i])
		}
	}
	read := pm
	read.shapes = shapes
	for i := range pm.shorts {
		if a, b := pm.shortShape(i), read.shortShape(i); !slices.Equal(a.words, b.words) || a.nameLine != b.nameLine {
			t.Errorf("short %d: shape read on demand %+v, from readNameShapes %+v", i, a, b)
		}
	}
}

// TestFindDateSeparatorsGateThePatterns checks that the separator tests
// before findDate's numeric patterns let every form through (each written
// with the separators it needs) and that submatchIf skips a pattern when
// told the text cannot match.
func TestFindDateSeparatorsGateThePatterns(t *testing.T) {
	for s, want := range map[string]string{
		"Updated 2025-12-01T10:05Z":    "2025-12-01",
		"Published 15.12.2025":         "2025-12-15",
		"Posted 11-29-2024 by staff":   "2024-11-29",
		"Posted 29/11/2024":            "2024-11-29",
		"2025/12/15 column":            "2025-12-15",
		"2025.12.15 notes":             "2025-12-15",
		"发布 2025年12月1日":                "2025-12-01",
		"게시 2025년 12월 1일":              "2025-12-01",
		"Harbour fares rise 2025 plan": "",
	} {
		got, ok := findDate(s)
		if want == "" {
			if ok {
				t.Errorf("findDate(%q) = %v, want none", s, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != want {
			t.Errorf("findDate(%q) = %v, %v; want %s", s, got, ok, want)
		}
	}
	if m := submatchIf(false, dottedDate, "15.12.2025"); m != nil {
		t.Errorf("submatchIf(false, ...) = %v, want nil without running the pattern", m)
	}
}

// TestFeatureRowNamesOnlyWhenNaming checks that one-hot and bit features
// give the same values with and without names, and build the names
// (prefix and name joined) only on a naming row.
func TestFeatureRowNamesOnlyWhenNaming(t *testing.T) {
	named, plain := featureRow{naming: true}, featureRow{}
	for _, r := range []*featureRow{&named, &plain} {
		r.bits("src_", []string{"meta", "h1", "ld"}, 0b101)
		r.oneHot("kind_", []string{"a", "b"}, 1)
	}
	if want := []float64{1, 0, 1, 0, 1}; !slices.Equal(named.vals, want) || !slices.Equal(plain.vals, want) {
		t.Errorf("values %v and %v, want %v", named.vals, plain.vals, want)
	}
	if want := []string{"src_meta", "src_h1", "src_ld", "kind_a", "kind_b"}; !slices.Equal(named.names, want) {
		t.Errorf("names %q, want %q", named.names, want)
	}
	if plain.names != nil || plain.joinedName("src_", "meta") != "" {
		t.Errorf("a row without naming built names: %q", plain.names)
	}
}

// TestSplitTitleSkipsToSeparators checks splitTitle's parts around every
// kind of separator once it looks for them only at spaces and
// underscores.
func TestSplitTitleSkipsToSeparators(t *testing.T) {
	got := []string{}
	for _, p := range splitTitle("Ferry fares rise – Harbour » News_Desk | The Gazette") {
		got = append(got, p.sepBefore+"/"+p.text)
	}
	if want := []string{"/Ferry fares rise", " – /Harbour", " » /News", "_/Desk", " | /The Gazette"}; !slices.Equal(got, want) {
		t.Errorf("splitTitle parts %q, want %q", got, want)
	}
}

// TestMayBeBylinePassesEveryMatch checks that the cheap test before
// bylinePrefix lets through every byline the expression matches (any
// case, leading white space, the long s (?i) folds to s, Cyrillic) and
// rules out short texts that start otherwise.
func TestMayBeBylinePassesEveryMatch(t *testing.T) {
	for _, s := range []string{"By Jane Doe", "  by: Jane Doe", "\tPOSTED BY Jane Doe", "Written by Jane Doe", "Words by Jane Doe",
		"\u017ftory by Jane Doe", "Authored by Jane Doe", "Reported by Jane Doe", "Post by Jane Doe", "Von Jana Dorn", "Par Jeanne Dupont",
		"Por Juana Díaz", "Di Giovanna Dotti", "Door Jan de Vries", "Av Jan Dahl", "Автор: Иван Петров", "ТЕКСТ: Иван Петров"} {
		if !bylinePrefix.MatchString(s) {
			t.Fatalf("fixture %q no longer matches bylinePrefix", s)
		}
		if !mayBeByline(s) || !matchesBylinePrefix(s) {
			t.Errorf("mayBeByline(%q) = false, bylinePrefix matches it", s)
		}
	}
	for _, s := range []string{"", "   ", "Jane Doe", "Home", "12 March 2025", "Harbour news", "Newsletter"} {
		if mayBeByline(s) {
			t.Errorf("mayBeByline(%q) = true, want the regular expression skipped", s)
		}
	}
}

// TestIsJoinDateClassGate checks that the join-date class test still
// finds "joined" as a class word in any case behind its substring gate.
func TestIsJoinDateClassGate(t *testing.T) {
	for class, want := range map[string]bool{"profile-JOINED": true, "user joined meta": true, "post-date": false, "rejoinedness": false} {
		if got := isJoinDate("", "12 May 2020", class); got != want {
			t.Errorf("isJoinDate(class %q) = %v, want %v", class, got, want)
		}
	}
	if !containsLowerASCII("Profile-JoInEd", "joined") || containsLowerASCII("join-ed", "joined") {
		t.Error("containsLowerASCII misreads ASCII case")
	}
}

// TestChromeAndClosingReadsWordsOnce checks that the chrome and closing
// phrase counts read from one pass over a block's words equal the two
// matchers' own counts.
func TestChromeAndClosingReadsWordsOnce(t *testing.T) {
	for _, block := range []string{
		"Read more: Harbour news. Donate to independent journalism",
		"Share this story. Leave a comment",
		"The harbour board met on Tuesday and voted to raise ferry fares.",
		"",
	} {
		chrome, closing := chromeAndClosing(block)
		if want := chromeScore(block); chrome != want {
			t.Errorf("chromeAndClosing(%q) chrome = %d, chromeScore %d", block, chrome, want)
		}
		if want := closingMatcher().count(block); closing != want {
			t.Errorf("chromeAndClosing(%q) closing = %d, closing matcher %d", block, closing, want)
		}
	}
	if c, k := chromeAndClosing("Read more. Donate"); c == 0 || k == 0 {
		t.Errorf("chromeAndClosing found chrome %d and closing %d phrases, want both", c, k)
	}
}

// TestAboutHeadingFirstLetters checks that every heading
// aboutAuthorHeading matches starts with one of the letters its gate
// lets through, and that other short texts are kept from the expression.
func TestAboutHeadingFirstLetters(t *testing.T) {
	for _, s := range []string{"About the author", "  ABOUT THE WRITER:", "Meet the author", "Über den Autor", "ÜBER DIE AUTORIN",
		"À propos de l'auteure", "Sobre la autora", "Sull’autore", "Over de auteur", "Om författaren", "O autorze"} {
		if !aboutAuthorHeading.MatchString(s) {
			t.Fatalf("fixture %q no longer matches aboutAuthorHeading", s)
		}
		if !startsWithOneOf(s, aboutHeadingFirstLetters) {
			t.Errorf("%q matches aboutAuthorHeading but its gate rules it out", s)
		}
	}
	for _, s := range []string{"Jane Doe", "Related stories", "", "Newsletter"} {
		if startsWithOneOf(s, aboutHeadingFirstLetters) {
			t.Errorf("gate lets %q through", s)
		}
	}
}

// TestTitleTokenAndPlaceShortCuts checks the title-token test with its
// title-word condition read first, and holdsAnyOf, headingPlace's class
// test that stops at the first word found.
func TestTitleTokenAndPlaceShortCuts(t *testing.T) {
	for tok, want := range map[string]bool{"storyhead": true, "headline2": true, "lbltitle": true, "subtitle": false,
		"sitetitle": false, "thead": false, "overhead": false, "navbar": false, "content": false} {
		if got := isTitleToken(tok); got != want {
			t.Errorf("isTitleToken(%q) = %v, want %v", tok, got, want)
		}
	}
	if !namesTitleWord("mainheading") || namesTitleWord("titlebar") {
		t.Error("namesTitleWord misreads its words")
	}
	if !holdsAnyOf("top-navbar", "", []string{"menu", "nav"}) || !holdsAnyOf("", "main-menu", []string{"menu"}) || holdsAnyOf("story", "body", []string{"nav"}) {
		t.Error("holdsAnyOf misreads a class or an id")
	}
}

// TestHasSpaceToFoldAsBefore checks the one-pass space test against the
// set and substring tests it replaced, on texts with and without each
// kind of space (and a lone lead byte).
func TestHasSpaceToFoldAsBefore(t *testing.T) {
	for _, s := range []string{"Harbour news", "Harbour  news", "Harbour\nnews", "Harbour\tnews", "Harbour\rnews", "Harbour\u00a0news",
		"Café crème", "\xc2", "news\xc2", "x\xe2\xc2\xa0y", "", " ", "  ", "é\u00a0"} {
		want := strings.ContainsAny(s, "\n\t\r\u00a0") || strings.Contains(s, "  ")
		if got := hasSpaceToFold(s); got != want {
			t.Errorf("hasSpaceToFold(%q) = %v, want %v", s, got, want)
		}
	}
	if visibleKey("Ferry\u00a0Fares  RISE") != "ferry fares rise" {
		t.Errorf("visibleKey = %q", visibleKey("Ferry\u00a0Fares  RISE"))
	}
}

// TestSaysDateBehindItsGate checks the class-word date test behind its
// "dat"/"tim" gate: the words it names in any case, and none of the
// words that only hold the letters.
func TestSaysDateBehindItsGate(t *testing.T) {
	for name, want := range map[string]bool{"post-date": true, "entryTime": true, "news_DATE": true, "Datum": true, "TimeStamp x": true,
		"datetime": true, "candidate": false, "update": false, "timeline": false, "runtime": false, "byline": false, "": false} {
		if got := saysDate(name); got != want {
			t.Errorf("saysDate(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestClassWordAfterLeadingSpace: a class written with a space before its
// first word (class=" date", and classAndID's " id" of an element with
// no class) has that word read.
func TestClassWordAfterLeadingSpace(t *testing.T) {
	if !saysDate(" date") || !saysDate("\t post-date") {
		t.Error(`saysDate(" date") or saysDate("\t post-date") is false`)
	}
	if !namesComment(" comments") {
		t.Error(`namesComment(" comments") is false`)
	}
	if saysDate("  ") || namesComment(" ") {
		t.Error("a class of spaces names a date or a comment thread")
	}
}

// TestNamesOrgBehindItsAnchors checks that every word orgWord names, in
// any case (the Kelvin sign and the long s too), passes namesOrg's anchor
// gate, and that people's names do not.
func TestNamesOrgBehindItsAnchors(t *testing.T) {
	for _, s := range []string{"Harbour Staff", "Editorial Team", "The Editors", "Metro Desk", "Online Reda\u212ation", "Online Redaktion",
		"Rédaction Web", "REDACCIÓN", "Redazione Roma", "Gazette News", "Newsroom", "Coast Agency", "Press Office", "Reuters Media",
		"Acme Inc", "Acme Ltd", "Acme LLC", "Acme GmbH", "Acme Group", "Weekend Magazine", "Admin", "Contributors", "Guest Post",
		"Partner Content", "Gue\u017ft Post", "Contributor"} {
		if !orgWord.MatchString(s) {
			t.Fatalf("fixture %q no longer matches orgWord", s)
		}
		if !namesOrg(s) {
			t.Errorf("namesOrg(%q) = false, orgWord matches it", s)
		}
	}
	for _, s := range []string{"Jane Holloway", "Peter J. Aldmoor", "Laura van Keppel"} {
		if namesOrg(s) {
			t.Errorf("namesOrg(%q) = true", s)
		}
	}
}

// TestStartsJoinWordPassesEveryJoinLabel checks that the join-date
// label and value gates let every label and value the expressions match
// through, after spaces of any kind, and keep other texts out.
func TestStartsJoinWordPassesEveryJoinLabel(t *testing.T) {
	for _, s := range []string{"Joined", " JOINED:", "\u00a0Registered:", "Member since", "Mitglied seit", "Dabei seit", "Registriert",
		"Membre depuis", "Inscrit le", "Inscription", "Miembro desde", "Registrado:", "Iscritto", "Lid sinds", "Dołączył",
		"Zarejestrowany", "Зарегистрирован", "\u2003joined"} {
		if !joinLabel.MatchString(s) {
			t.Fatalf("fixture %q no longer matches joinLabel", s)
		}
		if !startsJoinWord(s) {
			t.Errorf("startsJoinWord(%q) = false, joinLabel matches it", s)
		}
	}
	if !startsJoinWord("Joined: 4 May 2012") || !isJoinDate("", "Member since March 3, 2015", "") {
		t.Error("a join value is no longer read")
	}
	for _, s := range []string{"Published", "Posted on", "", "Updated:"} {
		if startsJoinWord(s) {
			t.Errorf("startsJoinWord(%q) = true", s)
		}
	}
}

// TestBylineNameBehindItsGate checks that bylines, glued ones too, are
// still read behind the first-letter gate and that other texts are not.
func TestBylineNameBehindItsGate(t *testing.T) {
	for block, want := range map[string]string{"By Jane Holloway": "Jane Holloway", "  byJane Holloway": "Jane Holloway",
		"WRITTEN BYJane Holloway": "Jane Holloway", "Harbour news": "", "Jane Holloway": ""} {
		got, ok := bylineName(block)
		if ok != (want != "") || got != want {
			t.Errorf("bylineName(%q) = %q, %v; want %q", block, got, ok, want)
		}
	}
}
