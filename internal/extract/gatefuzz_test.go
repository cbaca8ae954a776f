package extract

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The fuzz tests below check each cheap gate of session 29 (s29-speed)
// against the ungated form it stands before: the regular expression run
// alone, or the code as it was before the gate (kept here as ref*). A gate
// may let through texts the expression does not match, never the reverse:
// any difference is a silent change of output on unseen pages. Run one
// with `go test -run XXX -fuzz FuzzOrgWordGate -fuzztime 60s
// ./internal/extract/`; without -fuzz they run on their seeds.

// gateSeeds are invented texts in the shapes the gates must not miss:
// other languages and scripts, upper case, (?i) folds outside ASCII (the
// Kelvin sign K for k, the long s ſ for s, Å for å), no-break and other
// spaces, leading punctuation, separators and digits.
var gateSeeds = []string{
	"", " ", "By Jane Doe", "  by  Jane Doe", "\tBY: JANE DOE", "\u00a0By Jane Doe", "\u2003by Jane Doe",
	"Posted by Jane Doe", "ſtory by Jane Doe", "Story bY Ana Lima", "Von Hans Meier", "VON Hans Meier", "Par Jeanne Dupont",
	"Por María Pérez", "Di Marco Rossi", "Door Jan de Vries", "Av Sven Olsson", "Автор: Иван Петров", "ТЕКСТ Иван Петров",
	"authored by Jane", "Reported by Jane Doe", "Words by Jane", "Written byJane Doe", "WRITTEN BYShelby Loos", "byScott Miller",
	"– By Jane Doe", "«By Jane Doe»", "(by Jane Doe)", "Przez Jana Kowalskiego", "Yazan: Ahmet Yılmaz", "作者：张伟", "بقلم محمد علي",
	"12 comments", "12\u00a0comments", "3 thoughts on “A Day”", "Comments (4)", "COMMENTS (4)", "Kommentare (2)", "\u212aommentare (2)",
	"Commentaires (3)", "Comentarios (3)", "Responses (2)", "reſponses (2)", "Комментарии (5)", "комментариев (5)", "Leave a Reply",
	"LEAVE A REPLY", "Post a Comment", "Comments are closed.", "2 responses to “A Day”", " 4 comments", "Yorumlar (3)", "Komentarze (4)",
	"About the Author", "ABOUT THE AUTHORS:", "  about the writer", "Meet the author", "Über den Autor", "ÜBER DIE AUTORIN", "À propos de l’auteure",
	"à propos de l'auteur", "Sobre el autor", "SOBRE A AUTORA", "Sull'autore", "Over de auteur", "Om författaren", "OM FÖRFATTAREN", "O autorze", "O AUTORZE",
	"Staff", "ſtaff", "News Desk", "NEWS DE\u017fK", "De\u212a", "Redaktion", "Rédaction", "RÉDACTION", "Redacción", "Redazione", "Newsroom",
	"Agency", "Press", "PREſS", "Media Group GmbH", "Acme Inc", "Acme Ltd.", "Acme LLC", "Magazine", "Online", "Admin", "Contributors",
	"Guest", "Gueſt", "Partner", "Sponsored", "Sponſored", "Editorial Team", "Jane Doe", "Anna Nowak", "Mehmet Öztürk", "İstanbul Haber",
	"Joined", "Joined:", "  JOINED:", "\u00a0Joined: 4. Jul 2012", "\u2003Registered: 2011", "Member since March 3, 2015", "Mitglied seit 2010",
	"Dabei seit: 2009", "Registriert: 2008", "Membre depuis 2007", "Inscrit le 3 mai 2006", "Inscription : 2005", "Miembro desde 2004",
	"Registrado: 2003", "Iscritto: 2002", "Lid sinds 2001", "Dołączył: 2012", "DOŁĄCZYŁ: 2012", "Zarejestrowany: 2012", "Зарегистрирован: 2012",
	"\u2028joined 2012", "\u3000Joined 2012", "profile-joined", "user_JOINED", "joined", "Joined-date",
	"2024-03-05", "2024-03-05T10:20:30Z", "5.3.2024", "05/03/2024", "5-3-2024", "2024/03/05", "2024.03.05", "2024年3月5日", "2024년 3월 5일",
	"Published: March 5, 2024", "5 mars 2024", "5. März 2024", "5 marca 2024", "5 Mart 2024", "٢٠٢٤-٠٣-٠٥", "２０２４年３月５日", "2024\u200b-03-05", "2023. szeptember 8. 14:05", "9 tháng 11 năm 2023", "١٥ أغسطس، ٢٠٢٣", "2024-3-7 09:05", "12. 3. 2020",
	"post-date", "entry-date", "DATE", "Timestamp", "datetime", "datum", "update", "runtime", "published-time", "post_DATUM", "dateTime",
	"entry-title", "post-title", "headline", "thead", "ahead", "sub-title", "site-title", "section-heading", "masthead", "teaser-card",
	"A Day at Sea | The Daily", "A Day – The Daily", "A Day — The Daily", "A Day - The Daily", "A Day :: The Daily", "A_Day_at_Sea",
	"_A Day_", "A Day » The Daily", "A Day\u00a0| The Daily", "A Day  |  The Daily", "Ein Tag – Die Zeitung", "Bir Gün | Gazete",
	"some\ntext", "tab\there", "two  spaces", "nbsp\u00a0here", "\xc2", "\xc2\xa0", "\xe2\xc2\xa0", "\xffBy Jane", "K\u212a", "ſ",
}

// refCommentHeader is isCommentHeader before its gate.
func refCommentHeader(t string, words int) bool { return words <= 8 && commentHeader.MatchString(t) }

// FuzzCommentHeaderGate: isCommentHeader equals commentHeader alone.
func FuzzCommentHeaderGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isCommentHeader(s, 3), refCommentHeader(s, 3); got != want {
			t.Fatalf("isCommentHeader(%q) = %v, commentHeader alone %v", s, got, want)
		}
	})
}

// FuzzBylinePrefixGate: matchesBylinePrefix (a gate before session 43, a
// matcher without the regular expression since) equals bylinePrefix alone.
func FuzzBylinePrefixGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	for _, c := range bylinePrefixEdges {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := matchesBylinePrefix(s), bylinePrefix.MatchString(s); got != want {
			t.Fatalf("matchesBylinePrefix(%q) = %v, bylinePrefix alone %v", s, got, want)
		}
	})
}

// refBylineNameHead is bylineName's opening before its gate: the glued
// "By" split and bylinePrefix's match; the rest of bylineName reads only
// the match, so equal matches give equal names.
func refBylineNameHead(block string) []string {
	block = gluedBy.ReplaceAllString(strings.TrimSpace(block), "$1 $2")
	m := bylinePrefix.FindStringSubmatch(block)
	if m == nil || len(block) > 200 {
		return nil
	}
	return m
}

// FuzzBylineNameGate: bylineName gives no name where the ungated opening
// finds no match, and (where it did match) the same name as the
// ungated opening followed by the unchanged rest.
func FuzzBylineNameGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, ok := bylineName(s)
		m := refBylineNameHead(s)
		if m == nil {
			if ok || name != "" {
				t.Fatalf("bylineName(%q) = %q, %v; ungated opening matched nothing", s, name, ok)
			}
			return
		}
		// Gated or not, the same block reaches the rest when the gate lets
		// it through: so the gate must let it through.
		if !mayBeByline(strings.TrimSpace(s)) {
			t.Fatalf("bylineName's gate stops %q, which bylinePrefix matches after gluedBy", s)
		}
	})
}

// FuzzAboutAuthorHeadingGate: the first-letter gate passes every text
// aboutAuthorHeading matches.
func FuzzAboutAuthorHeadingGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := cleanSpace(s)
		got := startsWithOneOf(v, aboutHeadingFirstLetters) && aboutAuthorHeading.MatchString(v)
		if want := aboutAuthorHeading.MatchString(v); got != want {
			t.Fatalf("gated aboutAuthorHeading(%q) = %v, alone %v", v, got, want)
		}
	})
}

// FuzzOrgWordGate: namesOrg equals orgWord alone.
func FuzzOrgWordGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := namesOrg(s), orgWord.MatchString(s); got != want {
			t.Fatalf("namesOrg(%q) = %v, orgWord alone %v", s, got, want)
		}
	})
}

// refIsJoinDate is isJoinDate before its gates.
func refIsJoinDate(label, value, class string) bool {
	return joinLabel.MatchString(label) || joinValue.MatchString(value) || joinClass.MatchString(class)
}

// FuzzJoinDateGate: isJoinDate equals its three expressions alone, each
// tried on its own (label, value, class) so that one cannot hide another.
func FuzzJoinDateGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range [][3]string{{s, "", ""}, {"", s, ""}, {"", "", s}} {
			if got, want := isJoinDate(in[0], in[1], in[2]), refIsJoinDate(in[0], in[1], in[2]); got != want {
				t.Fatalf("isJoinDate%q = %v, expressions alone %v", in, got, want)
			}
		}
	})
}

// refASCIIDigits is asciiDigits before its byte gate.
func refASCIIDigits(s string) string {
	return strings.Map(asciiDigit, s)
}

// refFindDate is findDate with every gate open: its digits mapped without
// the byte gate, and every pattern run whatever separators the text holds
// (the month-name forms still behind hasMonthWord, as before the gates of
// session 29).
func refFindDate(s string) (time.Time, bool) {
	s = refASCIIDigits(s)
	if !hasFourDigits(s) {
		return time.Time{}, false
	}
	return findDateWith(s, dateGates{dash: true, dot: true, slash: true, monthWord: hasMonthWord(s), viet: true, cjk: true})
}

// FuzzFindDateGate: findDate gives what it gave before its gates.
func FuzzFindDateGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotOK := findDate(s)
		want, wantOK := refFindDate(s)
		if gotOK != wantOK || !got.Equal(want) {
			t.Fatalf("findDate(%q) = %v %v, ungated %v %v", s, got, gotOK, want, wantOK)
		}
	})
}

// refSaysDate is saysDate before its "dat"/"tim" gate: every class word
// read.
func refSaysDate(name string) bool { return anyClassWord(name, isDateWord) }

// FuzzSaysDateGate: saysDate equals its ungated form.
func FuzzSaysDateGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := saysDate(s), refSaysDate(s); got != want {
			t.Fatalf("saysDate(%q) = %v, ungated %v", s, got, want)
		}
	})
}

// refIsTitleToken is isTitleToken before its reordering.
func refIsTitleToken(tok string) bool {
	switch tok {
	case "title", "headline", "entrytitle", "posttitle", "pagetitle", "articletitle", "storytitle", "heading":
		return true
	}
	if len(tok) < 5 {
		return false
	}
	for _, not := range []string{"sub", "site", "box", "block", "module", "widget", "section", "menu", "nav", "side", "foot", "logo", "brand", "mast", "header"} {
		if strings.Contains(tok, not) {
			return false
		}
	}
	if tok == "thead" || strings.HasSuffix(tok, "ahead") || strings.HasSuffix(tok, "overhead") {
		return false
	}
	return strings.Contains(tok, "headline") || strings.Contains(tok, "heading") ||
		strings.HasSuffix(tok, "title") || strings.HasSuffix(tok, "head")
}

// refHeadingPlace is headingPlace before its short cuts.
func refHeadingPlace(n *html.Node) (inLink, inChrome, inHeader, siteClass bool) {
	depth := 0
	for p := n; p != nil && p.Type == html.ElementNode && depth < 14; p, depth = p.Parent, depth+1 {
		switch p.DataAtom {
		case atom.A:
			inLink = true
		case atom.Nav, atom.Footer, atom.Aside:
			inChrome = true
		case atom.Header:
			inHeader = true
		}
		class, id := strings.ToLower(attr(p, "class")), strings.ToLower(attr(p, "id"))
		if class == "" && id == "" {
			continue
		}
		for _, w := range []string{"logo", "brand", "site-title", "sitetitle", "site-name", "sitename", "masthead"} {
			if strings.Contains(class, w) || strings.Contains(id, w) {
				siteClass = true
			}
		}
		for _, w := range []string{"nav", "menu", "footer", "sidebar", "widget", "related", "breadcrumb", "modal", "popup", "teaser", "card", "promo"} {
			if strings.Contains(class, w) || strings.Contains(id, w) {
				inChrome = true
			}
		}
	}
	return inLink, inChrome, inHeader, siteClass
}

// FuzzTitleTokenGate: isTitleToken and headingPlace equal their forms
// before the reordering (headingPlace on a heading with the text as class
// and id inside a container with it as class).
func FuzzTitleTokenGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, tok := range []string{a, strings.ToLower(a)} {
			if got, want := isTitleToken(tok), refIsTitleToken(tok); got != want {
				t.Fatalf("isTitleToken(%q) = %v, before %v", tok, got, want)
			}
		}
		outer := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{{Key: "class", Val: b}}}
		h := &html.Node{Type: html.ElementNode, Data: "h2", DataAtom: atom.H2, Parent: outer,
			Attr: []html.Attribute{{Key: "class", Val: a}, {Key: "id", Val: b}}}
		l1, c1, h1, s1 := headingPlace(h)
		l2, c2, h2, s2 := refHeadingPlace(h)
		if l1 != l2 || c1 != c2 || h1 != h2 || s1 != s2 {
			t.Fatalf("headingPlace(%q, %q) = %v %v %v %v, before %v %v %v %v", a, b, l1, c1, h1, s1, l2, c2, h2, s2)
		}
	})
}

// refSplitTitle is splitTitle before its skip to spaces and underscores.
func refSplitTitle(t string) []titlePart {
	t = cleanSpace(t)
	if t == "" {
		return nil
	}
	var parts []titlePart
	start, sep := 0, ""
	for i := 0; i < len(t); {
		found := ""
		for _, s := range titleSeparators {
			if strings.HasPrefix(t[i:], s) && (s != "_" || i > 0 && i+1 < len(t)) {
				found = s
				break
			}
		}
		if found == "" {
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		if p := strings.TrimSpace(t[start:i]); p != "" {
			parts = append(parts, titlePart{text: p, start: start, sepBefore: sep})
		}
		sep = found
		i += len(found)
		start = i
	}
	if p := strings.TrimSpace(t[start:]); p != "" {
		parts = append(parts, titlePart{text: p, start: start, sepBefore: sep})
	}
	if len(parts) > maxTitleParts {
		parts = append(parts[:maxTitleParts-1], parts[len(parts)-1])
	}
	return parts
}

// FuzzSplitTitleGate: splitTitle gives the parts it gave before.
func FuzzSplitTitleGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitTitle(s), refSplitTitle(s); !slices.Equal(got, want) {
			t.Fatalf("splitTitle(%q) = %v, before %v", s, got, want)
		}
	})
}

// refVisibleKey is visibleKey before its one-pass space test.
func refVisibleKey(t string) string {
	if strings.ContainsAny(t, "\n\t\r\u00a0") || strings.Contains(t, "  ") {
		t = strings.Join(strings.Fields(t), " ")
	}
	return strings.ToLower(t)
}

// FuzzVisibleKeyGate: visibleKey equals its form before.
func FuzzVisibleKeyGate(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := visibleKey(s), refVisibleKey(s); got != want {
			t.Fatalf("visibleKey(%q) = %q, before %q", s, got, want)
		}
	})
}

// refMayBeCredit is mayBeCredit as it was before it read the bytes: the
// words looked for in the lower-cased text.
func refMayBeCredit(s string) bool {
	if strings.HasSuffix(s, ")") && strings.Contains(s, "/") {
		return true
	}
	l := strings.ToLower(s)
	for _, w := range []string{"photo", "image", "picture", "credit", "foto", "фото"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// FuzzMayBeCreditGate: mayBeCredit's byte reading decides as the
// lower-cased text did.
func FuzzMayBeCreditGate(f *testing.F) {
	for _, s := range append(gateSeeds, "PHOTO: Jane Doe", "Pic­ture İMAGE", "ФОТО: Иван", "CreditK", "fÿoto", "CREDİT") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayBeCredit(s), refMayBeCredit(s); got != want {
			t.Fatalf("mayBeCredit(%q) = %v, before %v", s, got, want)
		}
	})
}

// FuzzFeatureNamesGate: oneHot and bits give the same values with naming
// off as on, and with naming on the names prefix+name as before.
func FuzzFeatureNamesGate(f *testing.F) {
	f.Add("by_", "a", "b", 1, uint64(2))
	f.Add("", "ſ", "", -1, uint64(0))
	f.Fuzz(func(t *testing.T, prefix, n1, n2 string, i int, mask uint64) {
		names := []string{n1, n2, n1 + n2}
		on, off := featureRow{naming: true}, featureRow{}
		for _, r := range []*featureRow{&on, &off} {
			r.oneHot(prefix, names, i)
			r.bits(prefix, names, mask)
		}
		var want []string
		for range 2 {
			for _, n := range names {
				want = append(want, prefix+n)
			}
		}
		if !slices.Equal(on.vals, off.vals) || !slices.Equal(on.names, want) || len(off.names) != 0 {
			t.Fatalf("prefix %q names %q: on %v %q, off %v %q", prefix, names, on.vals, on.names, off.vals, off.names)
		}
	})
}

// FuzzWordReadsOnce covers the texts read once for several tests:
// chromeAndClosing equals chromeScore and closingCue apart,
// headlineMatch on distinctWords equals the F1 of the two word sets,
// and a short text's name shape read from its raw value (readNameShapes)
// equals the one read from its cleaned value (authorBoxes and
// nameLinesNearH1 read cleaned values before).
func FuzzWordReadsOnce(f *testing.F) {
	for _, s := range gateSeeds {
		f.Add(s, "A Day at Sea")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		chrome, closing := chromeAndClosing(a)
		if chrome != chromeScore(a) || closing != closingCue(&lineInfo{block: block{text: a}}) {
			t.Fatalf("chromeAndClosing(%q) = %d %d, apart %d %d", a, chrome, closing, chromeScore(a), closingCue(&lineInfo{block: block{text: a}}))
		}
		wa, wb := wordSet(a), wordSet(b)
		both := 0
		for w := range wa {
			if wb[w] {
				both++
			}
		}
		if got, want := headlineMatch(distinctWords(a), wb), 2*float64(both)/float64(len(wa)+len(wb)); got != want && !(got != got && want != want) {
			t.Fatalf("headlineMatch(%q, %q) = %v, with maps %v", a, b, got, want)
		}
		raw, cleaned := nameShapeOf(a), nameShapeOf(cleanSpace(a))
		oldWords, oldOK := nameShapeWords(cleanSpace(a))
		if raw.nameLine != cleaned.nameLine || !slices.Equal(raw.words, cleaned.words) || !slices.Equal(raw.words, oldWords) ||
			(raw.words != nil) != oldOK || raw.nameLine != isNameLine(cleanSpace(a)) {
			t.Fatalf("name shape of %q: raw %v, cleaned %v, nameShapeWords %v %v", a, raw, cleaned, oldWords, oldOK)
		}
	})
}

// gatePieces are fragments the random texts of TestGatesOnRandomTexts are
// glued from: words of the gated expressions cut at every place, the
// runes (?i) folds to ASCII (K, ſ), other spaces, digits and separators.
func gatePieces() []string {
	pieces := []string{" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u2028", "\u212a", "\u017f", "K", "S", "k", "s",
		"0", "12", "2024", "-", ".", "/", ":", "(", ")", "_", "|", "–", "年", "월", "년", "日", "\xc2", "\xa0", "\xff", "İ", "ı", "Ü", "À",
		"photo", "Image", "PICTURE", "credit", "foto", "фото", "ФОТО", "Фото", "credİt", "İmage", "\xd0", "\xd1", "\xc4"}
	for _, s := range gateSeeds {
		for _, w := range strings.Fields(s) {
			pieces = append(pieces, w)
			for i := 1; i < len(w); i++ {
				pieces = append(pieces, w[:i], w[i:])
			}
		}
	}
	return pieces
}

// TestGatesOnRandomTexts runs every gate's check of the fuzz tests above
// on random texts glued from gatePieces, upper-cased one time in three, so
// that `go test` covers more than the seeds without -fuzz.
func TestGatesOnRandomTexts(t *testing.T) {
	pieces := gatePieces()
	r := rand.New(rand.NewPCG(29, 4))
	for n := range 60000 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if n%3 == 0 {
			s = strings.ToUpper(s)
		}
		if isCommentHeader(s, 3) != refCommentHeader(s, 3) || matchesBylinePrefix(s) != bylinePrefix.MatchString(s) ||
			namesOrg(s) != orgWord.MatchString(s) || saysDate(s) != refSaysDate(s) || visibleKey(s) != refVisibleKey(s) ||
			isTitleToken(s) != refIsTitleToken(s) || !slices.Equal(splitTitle(s), refSplitTitle(s)) || mayBeCredit(s) != refMayBeCredit(s) {
			t.Fatalf("a gate differs from its ungated form on %q", s)
		}
		if v := cleanSpace(s); aboutAuthorHeading.MatchString(v) && !startsWithOneOf(v, aboutHeadingFirstLetters) {
			t.Fatalf("aboutAuthorHeading's gate stops %q", v)
		}
		if refBylineNameHead(s) != nil && !mayBeByline(strings.TrimSpace(s)) {
			t.Fatalf("bylineName's gate stops %q", s)
		}
		for _, in := range [][3]string{{s, "", ""}, {"", s, ""}, {"", "", s}} {
			if isJoinDate(in[0], in[1], in[2]) != refIsJoinDate(in[0], in[1], in[2]) {
				t.Fatalf("isJoinDate%q differs from its expressions alone", in)
			}
		}
		got, gotOK := findDate(s)
		want, wantOK := refFindDate(s)
		if gotOK != wantOK || !got.Equal(want) {
			t.Fatalf("findDate(%q) = %v %v, ungated %v %v", s, got, gotOK, want, wantOK)
		}
	}
}

// bylinePrefixEdges are invented texts at the edges of bylinePrefix that
// session 43's matcher without the regular expression reads by hand: the
// separator after the word for "by" (white space, a colon, nothing after
// it), lead words that are prefixes of each other ("post", "posted"), and
// letters (?i) folds outside ASCII. want is what bylinePrefix says.
var bylinePrefixEdges = []struct {
	text string
	want bool
}{
	{"By Jane", true}, {"by J", true}, {"by ", false}, {"by  ", true}, {"by\t\n", true}, {"by", false}, {"by:", false},
	{"by: ", false}, {"by:  ", true}, {"by : J", true}, {"by :J", true}, {"by\f:\rJ", true}, {"by\u00a0Jane", false},
	{"byline Jane", false}, {"post by Jane", true}, {"posted by Jane", true}, {"postedby Jane", false}, {"post  \n by x", true},
	{"posted\u00a0by Jane", false}, {"ſtory by Jane", true}, {"STORY BY JANE", true}, {"\u212aby x", false}, {"Text by x", true},
	{"texte by x", false}, {"articles by x", false}, {"contributed BY x", true}, {"ДВТОР x", false}, {"АВТОР: Иван", true},
	{"автор\u1c80 x", false}, {"текст x", true}, {"\u1c84екст x", true}, {"Door x", true}, {"do or x", false}, {"av\xff", false},
	{"av \xff", true}, {"by \xff", true}, {"  \t by x", true}, {"di\n\nx", true}, {"Von: Hans", true}, {"par", false},
}

// TestBylinePrefixEdges: matchesBylinePrefix says what bylinePrefix says
// on texts at its edges.
func TestBylinePrefixEdges(t *testing.T) {
	for _, c := range bylinePrefixEdges {
		if re := bylinePrefix.MatchString(c.text); re != c.want {
			t.Fatalf("bylinePrefix.MatchString(%q) = %v, the case says %v", c.text, re, c.want)
		}
		if got := matchesBylinePrefix(c.text); got != c.want {
			t.Errorf("matchesBylinePrefix(%q) = %v, bylinePrefix says %v", c.text, got, c.want)
		}
	}
}

// refIndexLDType is indexLDType as ldTypes read it before session 43.
func refIndexLDType(body []byte, from int) int {
	j := bytes.Index(body[from:], []byte(`"@type"`))
	if j < 0 {
		return -1
	}
	return from + j
}

// ldTypeEdges are invented pages at the edges of indexLDType: the key at
// the start and the end, an '@type"' with no quote before it, keys that
// share a quote, and types a search started inside a key must not find.
var ldTypeEdges = []string{
	``, `"`, `@type"`, `"@type"`, `x"@type"`, `"@type"@type"`, `"@type""@type"`, `@type"@type"`, `""@type"`,
	`{"@type": "NewsArticle", "author": {"@type":"Person"}}`, `<a href="mailto:a@b.c">@type</a>"@type"`, `"@typ"@type"`,
	`"@type`, `"@Type":"X"`, `"@type" : [ "A", "B" ]`, "\"@type\"\xff\"@type\"",
}

// TestIndexLDTypeEdges: indexLDType finds what bytes.Index found, from
// every starting point of every edge case.
func TestIndexLDTypeEdges(t *testing.T) {
	for _, page := range ldTypeEdges {
		for from := 0; from <= len(page); from++ {
			if got, want := indexLDType([]byte(page), from), refIndexLDType([]byte(page), from); got != want {
				t.Errorf("indexLDType(%q, %d) = %d, bytes.Index %d", page, from, got, want)
			}
		}
	}
}

// FuzzLDTypeIndexGate: indexLDType equals bytes.Index from every start.
func FuzzLDTypeIndexGate(f *testing.F) {
	for _, s := range ldTypeEdges {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		for from := 0; from <= len(page); from++ {
			if got, want := indexLDType([]byte(page), from), refIndexLDType([]byte(page), from); got != want {
				t.Fatalf("indexLDType(%q, %d) = %d, bytes.Index %d", page, from, got, want)
			}
		}
	})
}
