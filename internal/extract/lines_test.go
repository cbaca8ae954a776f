package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
	"github.com/storyline-news/storyline/internal/news"
)

func TestLineMeasures(t *testing.T) {
	tests := []struct {
		line                string
		seps, links         int
		bullet, digit       bool
		titleCaseShareAbove float64 // the share is above this
		titleCaseShareMax   float64 // and at most this
	}{
		{"Home | News | Sport", 2, 0, false, false, 0.99, 1},
		{"Startseite » Politik » Inland", 2, 0, false, false, 0.99, 1},
		{"Die Regierung hat am Montag beschlossen, die Steuern zu senken.", 0, 0, false, false, 0.3, 0.5}, // nouns have capitals
		{"the council voted on Monday to cut the tax on fuel.", 0, 0, false, false, 0, 0.1},
		{"• Kontakt", 1, 0, true, false, 0.99, 1},
		{"Write to news@example.org or visit https://example.org", 0, 2, false, false, 0.05, 0.2},
		{"News / Politics / Europe", 2, 0, false, false, 0.99, 1},
		{"Seite 1 von 12", 0, 0, false, true, 0.3, 0.5},
		{"“Quoted,” she said.", 0, 0, false, false, 0.3, 0.5},
		{"政府周一决定降低税收。", 0, 0, false, false, -1, 0},
	}
	for _, tt := range tests {
		if got := separators(tt.line); got != tt.seps {
			t.Errorf("separators(%q) = %d, want %d", tt.line, got, tt.seps)
		}
		if got := linkLike(tt.line); got != tt.links {
			t.Errorf("linkLike(%q) = %d, want %d", tt.line, got, tt.links)
		}
		if got := startsBullet(tt.line); got != tt.bullet {
			t.Errorf("startsBullet(%q) = %v, want %v", tt.line, got, tt.bullet)
		}
		if got := endsDigit(tt.line); got != tt.digit {
			t.Errorf("endsDigit(%q) = %v, want %v", tt.line, got, tt.digit)
		}
		if got := titleCaseShare(tt.line); !(got > tt.titleCaseShareAbove && got <= tt.titleCaseShareMax) {
			t.Errorf("titleCaseShare(%q) = %.2f, want in (%.2f, %.2f]", tt.line, got, tt.titleCaseShareAbove, tt.titleCaseShareMax)
		}
	}
}

// dumpOf measures the lines of a dump.
func dumpOf(lines ...string) []lineInfo {
	ls, _ := dumpLines([]byte(strings.Join(lines, "\n")), nil)
	return ls
}

// TestCommonWordSharesNeedNoWordList: in a dump of any language, the
// page's own frequent words mark its prose, and its menu entries have none.
func TestCommonWordSharesNeedNoWordList(t *testing.T) {
	dumps := map[string][]string{
		"German": {
			"Startseite", "Politik", "Sport",
			"Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet, sagte der Bürgermeister.",
			"Der Bau der Brücke hat drei Jahre gedauert und die Stadt viel Geld gekostet.",
			"Die Bürger der Stadt können den Fluss nun in wenigen Minuten überqueren.",
			"Impressum", "Kontakt",
		},
		"Polish": {
			"Strona główna", "Polityka", "Sport",
			"Miasto otworzyło w poniedziałek nowy most na rzece, powiedział burmistrz, i dodał, że to dobry dzień.",
			"Budowa mostu na rzece trwała trzy lata i kosztowała miasto dużo pieniędzy, ale się opłaciła.",
			"Mieszkańcy mogą teraz przejść na drugi brzeg w kilka minut, i mówią, że się cieszą.",
			"Burmistrz powiedział, że w przyszłym roku na rzece powstanie jeszcze jeden most.",
			"Kontakt", "Regulamin",
		},
	}
	for lang, lines := range dumps {
		ls := dumpOf(lines...)
		shares := commonWordShares(ls)
		for i, l := range ls {
			prose := l.tokens >= proseLineTokens
			if prose && shares[i] < 0.15 {
				t.Errorf("%s: prose line %q has a common-word share of %.2f, want at least 0.15", lang, l.text, shares[i])
			}
			if !prose && shares[i] != 0 {
				t.Errorf("%s: menu line %q has a common-word share of %.2f, want 0", lang, l.text, shares[i])
			}
		}
	}
}

func TestShortRunsAndProseDistances(t *testing.T) {
	ls := dumpOf(
		"Home", "News", "Sport", // a menu: a run of three short lines
		"The council met on Monday and voted to rebuild the old bridge over the river.",
		"Next steps", // a sub-heading: a run of one
		"Work on the bridge begins in the spring and should end before the winter comes.",
		"Contact",
	)
	wantRuns := []int{3, 3, 3, 0, 1, 0, 1}
	wantBefore := []int{maxLineDistance, maxLineDistance, maxLineDistance, maxLineDistance, 1, 2, 1}
	wantAfter := []int{3, 2, 1, 2, 1, maxLineDistance, maxLineDistance}
	runs := shortRuns(ls)
	before, after := proseDistances(ls)
	for i := range ls {
		if runs[i] != wantRuns[i] || before[i] != wantBefore[i] || after[i] != wantAfter[i] {
			t.Errorf("line %d %q: short run %d, prose before %d, after %d; want %d, %d, %d",
				i, ls[i].text, runs[i], before[i], after[i], wantRuns[i], wantBefore[i], wantAfter[i])
		}
	}
}

// TestProseSegments: an article's paragraphs around a sub-heading make one
// segment, the largest; a teaser's snippet below a run of links makes a
// small one of its own; lines are measured against the largest.
func TestProseSegments(t *testing.T) {
	ls := dumpOf(
		"Home", "News",
		"The council met on Monday and voted to rebuild the old bridge over the river.",
		"Next steps",
		"Work on the bridge begins in the spring and should end before the winter comes.",
		"The mayor said the town had waited for this vote for more than twenty years.",
		"Related", "More news", "Sport",
		"A new coach for the team was named on Friday after a search of three months.",
	)
	s := segmentProse(ls, 1)
	wantOf := []int{-1, -1, 0, 0, 0, 0, -1, -1, -1, 1}
	for i, w := range wantOf {
		if s.of[i] != w {
			t.Errorf("line %d %q in segment %d, want %d", i, ls[i].text, s.of[i], w)
		}
	}
	if s.largest != 0 || s.lines[0] != 3 || s.lines[1] != 1 {
		t.Fatalf("largest %d, prose lines %v; want 0 and [3 1]", s.largest, s.lines)
	}
	var got []float64
	s.put(9, func(v float64) { got = append(got, v) })
	if got[2] != 0 || got[4] != 4 || math.Abs(got[5]-math.Log1p(3)) > 1e-9 {
		t.Errorf("teaser: largest %v, distance %v, non-prose between %v; want 0, 4, log1p(3)", got[2], got[4], got[5])
	}
	got = got[:0]
	s.put(3, func(v float64) { got = append(got, v) })
	if got[2] != 1 || got[4] != 0 || got[5] != 0 {
		t.Errorf("sub-heading: largest %v, distance %v, between %v; want 1, 0, 0", got[2], got[4], got[5])
	}
	if s3 := segmentProse(ls, 3); s3.of[9] != 0 || s3.lines[0] != 4 {
		t.Errorf("a gap of three lines is bridged with gap 3: segment %d, lines %v", s3.of[9], s3.lines)
	}
}

// TestShapePeriods: items of a listing (headline, date) repeat their shape
// at a period of two; an article's paragraphs between sub-headings less so.
func TestShapePeriods(t *testing.T) {
	var lines []string
	for i := range 6 {
		lines = append(lines, fmt.Sprintf("Headline number %d of the list", i), fmt.Sprintf("%d March 2026", i+1))
	}
	p := shapePeriods(dumpOf(lines...))
	for i := 3; i < 9; i++ {
		if p[i] != 1 {
			t.Errorf("list line %d: period share %.2f, want 1", i, p[i])
		}
	}
	a := shapePeriods(dumpOf(
		"The council met on Monday and voted to rebuild the old bridge over the river.",
		"Next steps",
		"Work on the bridge begins in the spring, the mayor said.",
		"It should end before the winter comes, when the river is high and the road is closed to every car and lorry.",
		"Costs",
		"The bridge costs 4 million, twice what the council had planned for.",
	))
	if a[1] >= 1 {
		t.Errorf("a lone sub-heading: period share %.2f, want below 1", a[1])
	}
}

// TestAfterCommentHeader: the lines after a comment-section header are
// marked, the header itself and what precedes it are not.
func TestAfterCommentHeader(t *testing.T) {
	got := afterCommentHeader(dumpOf("The article ends here with its last sentence.", "12 Comments", "Anna: Great piece."))
	if got[0] || got[1] || !got[2] {
		t.Errorf("after comment header = %v, want [false false true]", got)
	}
}

// syntheticDump makes a text dump in a made-up language of the given words:
// a menu, an article of several paragraphs under a heading, related links
// and a footer, and returns it with its gold text.
func syntheticDump(r *rand.Rand, words []string, id int) (news.Page, string) {
	sentence := func() string {
		n := 8 + r.Intn(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	title := func() string {
		n := 1 + r.Intn(3)
		ws := make([]string, n)
		for i := range ws {
			w := words[r.Intn(len(words))]
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(ws, " ")
	}
	var lines, gold []string
	lines = append(lines, title()+" | "+title())
	for range 4 + r.Intn(4) {
		lines = append(lines, title())
	}
	for range 3 + r.Intn(4) {
		para := sentence() + " " + sentence()
		gold = append(gold, para)
		lines = append(lines, para)
	}
	for range 4 + r.Intn(3) {
		lines = append(lines, "» "+title())
	}
	lines = append(lines, fmt.Sprintf("© 2026 %s", title()), "info@example.org")
	return news.Page{ID: fmt.Sprint(id), Kind: news.KindText, Body: []byte(strings.Join(lines, "\n"))}, strings.Join(gold, "\n")
}

// TestFitLinesCarriesToAnotherLanguage: a line classifier fitted on dumps
// in one made-up language keeps the article paragraphs of a dump in another
// (no word in common) and drops its menu, links and footer, because it reads
// no word list; and thresholds chosen on held-out line probabilities set the
// line threshold.
func TestFitLinesCarriesToAnotherLanguage(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	fitWords := strings.Fields("tana ki moru sel vanta ori pel su kadra lim eno ta rusa vel om dari")
	m, v, samples := fitSyntheticLines(t, r, fitWords)
	otherWords := strings.Fields("gwu bex zoqi hyf plax drem quon yst fimb jorr wek snaz ulk vopp creth ibb")
	page, gold := syntheticDump(r, otherWords, 1000)
	a, err := m.Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, para := range strings.Split(gold, "\n") {
		if !strings.Contains(a.Text, para) {
			t.Errorf("text lacks the paragraph %q;\ntext: %s", para, a.Text)
		}
	}
	for _, chrome := range []string{"|", "»", "©", "info@example.org"} {
		if strings.Contains(a.Text, chrome) {
			t.Errorf("text keeps a line with %q;\ntext: %s", chrome, a.Text)
		}
	}
	if a.Kind != "article" {
		t.Errorf("kind of an article dump = %q, want article", a.Kind)
	}
	listing, _ := syntheticListing(r, otherWords, 1001)
	if b, err := m.Extract(listing); err != nil || b.Kind != "listing" {
		t.Errorf("kind of a listing dump = %q (error %v), want listing", b.Kind, err)
	}

	h := m.HeldOut(v)
	probs := make([][]float64, len(samples))
	for k, s := range samples {
		if probs[k] = h.Probs(s); len(probs[k]) != len(s.lines) || len(s.lines) == 0 {
			t.Fatalf("sample %d: %d line probabilities for %d lines", k, len(probs[k]), len(s.lines))
		}
	}
	m2 := *m
	m2.LineThreshold = 0
	m2.ChooseThresholds(samples, probs, false)
	if !(m2.LineThreshold > 0 && m2.LineThreshold < 1) {
		t.Errorf("line threshold chosen on the dumps' probabilities = %.3f, want in (0, 1)", m2.LineThreshold)
	}
}

// syntheticListing makes a text dump of a listing page in a made-up
// language: a menu, then many items of a short headline and a date, and a
// footer; its gold is the items.
func syntheticListing(r *rand.Rand, words []string, id int) (news.Page, string) {
	title := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ")
	}
	var lines, gold []string
	for range 4 + r.Intn(4) {
		lines = append(lines, title(1))
	}
	for k := range 12 + r.Intn(8) {
		item := fmt.Sprintf("%s %d", title(4+r.Intn(4)), 2020+k%6)
		gold = append(gold, item)
		lines = append(lines, item)
	}
	lines = append(lines, fmt.Sprintf("© 2026 %s", title(2)))
	return news.Page{ID: fmt.Sprint(id), Kind: news.KindText, Body: []byte(strings.Join(lines, "\n"))}, strings.Join(gold, "\n")
}

func TestIsLineChrome(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"by Miriam Okoye March 3, 2026 8:40 AM", true},
		{"Von Katrin Albers 12. März 2026", true},
		{"This audio is created with AI assistance", true},
		{"Harbour board members at the port offices on February 12. (Jon Velasquez/Calder Pictures)", true},
		{"Enter your email to subscribe", true},
		{"Cookie settings | Privacy policy | Terms of use", true},
		{"This newsroom is funded by our readers.", true}, // a pitch: one phrase in seven words
		// Prose that names a boilerplate phrase in passing is the classifier's to judge.
		{"The ferry is the most popular way to reach the island in summer.", false},
		{"Read more about the harbour's history in the museum on the quay.", false},
		{"A yearly subscription to the town's swimming pool costs 180 euros.", false},
		{"The board approved the appointment unanimously on Monday, the authority said in a statement.", false},
		{"Die neun Kilometer lange Strecke soll 310 Millionen Euro kosten und im Jahr 2031 in Betrieb gehen.", false},
		{"Readers of the paper's weekly newsletter will not notice any change at all, the editor said on Monday, adding that the price of the printed edition stays as it is for the whole of next year and that the staff of the newsroom keeps every one of its reporters and photographers.", false},
	}
	for _, tt := range tests {
		ls := dumpOf(tt.line)
		if got := isLineChrome(&ls[0]); got != tt.want {
			t.Errorf("isLineChrome(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestFitLinesTwoStages: a two-stage line classifier fits, survives a
// round trip through JSON beside the embedded HTML parts (its second stage has the line context's width)
// and keeps an article's paragraphs.
func TestFitLinesTwoStages(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	words := strings.Fields("tana ki moru sel vanta ori pel su kadra lim eno ta rusa vel om dari")
	samples, v := syntheticDumpSamples(t, r, words, 24, 8)
	m, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 20, Depth: 3, MinLeaf: 0.01}, MinSites: 2, Lines: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.Lines2 == nil || len(m.Lines2.Features) != numLineFeatures+numContext {
		t.Fatalf("second stage missing or of the wrong width")
	}
	withLines, err := DefaultModel().WithDumpParts(m, "text dumps: a test fit")
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(withLines)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := LoadModel(data)
	if err != nil {
		t.Fatal(err)
	}
	page, gold := syntheticDump(r, words, 500)
	a, err := m2.Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, para := range strings.Split(gold, "\n") {
		if !strings.Contains(a.Text, para) {
			t.Errorf("text lacks the paragraph %q;\ntext: %s", para, a.Text)
		}
	}
}

// syntheticDumpSamples prepares n synthetic article dumps in words, their
// sites dealt round-robin over sites, for fitting line classifiers.
func syntheticDumpSamples(t *testing.T, r *rand.Rand, words []string, n, sites int) ([]*Sample, *Vocab) {
	t.Helper()
	v := NewVocab()
	var samples []*Sample
	for i := range n {
		p, gold := syntheticDump(r, words, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % sites), Kind: "article"}, v)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, s)
	}
	return samples, v
}

// TestStampLines: a short line with a date or a time in figures, or a
// byline's date, is a stamp; prose that mentions a date and a short line
// without one are not.
func TestStampLines(t *testing.T) {
	ls := dumpOf(
		"Ann Weber 07.08.12 at 13:24",                 // 0: a comment's name and time
		"Posted by: Dave at November 7, 2012 3:12 PM", // 1
		"Kommentar von Jan, 2012-07-09",               // 2
		"The council met on 7 November 2012 to vote on the bridge, and the mayor said work would begin in the spring after the rains.", // 3: prose
		"Page 2 of 12", // 4: figures, no stamp
		"Latest news",  // 5
	)
	_, bylines := lineCues(ls)
	got := stampLines(ls, bylines)
	want := []bool{true, true, true, false, false, false}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("stampLines[%d] (%q) = %v, want %v", i, ls[i].text, got[i], want[i])
		}
	}
}

// TestStampFeatures: a comment thread after the article has stamps near
// its lines and since the largest prose segment began (which bridges the
// thread); the article's paragraphs have none.
func TestStampFeatures(t *testing.T) {
	para := "The council met on Monday and voted to rebuild the old bridge over the river, which has been closed since the spring floods."
	lines := []string{"Bridge to be rebuilt - Town News"}
	for i := range 8 {
		lines = append(lines, fmt.Sprintf("%s (%d)", para, i))
	}
	for i := range 4 {
		lines = append(lines, fmt.Sprintf("Reader %d 07.0%d.12 at 13:2%d", i, i+1, i), "I agree with the mayor, it is about time.")
	}
	ls := dumpOf(lines...)
	x := lineFeatures(ls, nil)
	col := func(name string) int {
		for k, n := range lineFeatureNames {
			if n == name {
				return k
			}
		}
		t.Fatalf("no feature %q", name)
		return -1
	}
	near, since := col("stamps_near"), col("stamps_since_largest")
	at := func(i, k int) float64 { return x[i*numLineFeatures+k] }
	if at(2, since) != 0 || at(2, near) != 0 { // a paragraph far from the thread
		t.Errorf("article paragraph: near %v since %v, want 0 and 0", at(2, near), at(2, since))
	}
	if at(14, near) < 3 || at(14, since) != math.Log1p(3) { // the third comment's text
		t.Errorf("comment: near %v since %v, want 3+ and log(4)", at(14, near), at(14, since))
	}
}

// TestTitleShares: a line that repeats the <title> (first line) without the
// site's name has its words all in the title; the lines below it count the
// lines since it.
func TestTitleShares(t *testing.T) {
	ls := dumpOf("Bridge to be rebuilt - Town News", "Home", "Bridge to be rebuilt", "The council voted on Monday to rebuild the old bridge.")
	s := titleShares(lineWords(ls))
	if s[0] != 0 || s[1] != 0 || s[2] != 1 || s[3] >= 0.5 {
		t.Errorf("titleShares = %v, want [0 0 1 <0.5]", s)
	}
	x := lineFeatures(ls, nil)
	k := slices.Index(lineFeatureNames, "after_title")
	if x[1*numLineFeatures+k] != -1 || x[3*numLineFeatures+k] != math.Log1p(1) {
		t.Errorf("after_title = %v, %v, want -1 and log(2)", x[1*numLineFeatures+k], x[3*numLineFeatures+k])
	}
}

// TestPutStamps: the stamp features of a line count the stamps within
// stampNear lines (itself left out), before it, after it, and since the
// largest prose segment's first line (0 before that line).
func TestPutStamps(t *testing.T) {
	stamps := []bool{true, false, false, true, false, true, false, false}
	before := make([]int, len(stamps)+1)
	for i, s := range stamps {
		before[i+1] = before[i] + int(bool01(s))
	}
	seg := &proseSegments{largest: 0, first: []int{2}}
	for _, c := range []struct {
		i    int
		want [5]float64 // stamp, near, before, after, since
	}{
		{0, [5]float64{1, 2, 0, math.Log1p(2), 0}},
		{3, [5]float64{1, 2, math.Log1p(1), math.Log1p(1), 0}},
		{7, [5]float64{0, 2, math.Log1p(3), 0, math.Log1p(2)}},
	} {
		var got []float64
		putStamps(func(v float64) { got = append(got, v) }, stamps, before, seg, c.i)
		if !slices.Equal(got, c.want[:]) {
			t.Errorf("line %d: %v, want %v", c.i, got, c.want)
		}
	}
}

// TestCutAtStamps: a thread's stamps cut its dump into parts, each from a
// stamp to the line before the next; the parts' prose shares, the largest
// part, the share between two stamps and the spread of the stamps' gaps
// follow, and a line's features read its part.
func TestCutAtStamps(t *testing.T) {
	// header; stamp, post of 30; stamp, reply of 10; stamp, reply of 10; footer of 10
	stamps := []bool{false, true, false, true, false, true, false, false}
	prose := []float64{0, 0, 30, 0, 10, 0, 10, 10}
	before := make([]int, len(stamps)+1)
	for i, s := range stamps {
		before[i+1] = before[i] + int(bool01(s))
	}
	p := cutAtStamps(stamps, before, prose)
	if !slices.Equal(p.of, []int{0, 1, 1, 2, 2, 3, 3, 3}) || !slices.Equal(p.prose, []float64{0, 30, 10, 20}) {
		t.Fatalf("parts %v with prose %v", p.of, p.prose)
	}
	if p.largest != 1 || p.stamps != 3 || p.beforeFirst != 0 || p.betweenStamps != 40.0/60 {
		t.Errorf("largest %d, stamps %d, before first %v, between %v; want 1, 3, 0, 2/3", p.largest, p.stamps, p.beforeFirst, p.betweenStamps)
	}
	if p.gapSpread != 0 { // gaps of 2 and 2 lines
		t.Errorf("gap spread %v, want 0", p.gapSpread)
	}
	var got []float64
	p.put(func(v float64) { got = append(got, v) }, 4)
	want := []float64{math.Log1p(3), 0, 0, 40.0 / 60, 30.0 / 60, 10.0 / 60, 10.0 / 30, 1, 1}
	if !slices.Equal(got, want) {
		t.Errorf("line 4: %v, want %v", got, want)
	}
	if s := gapSpread([]int{0, 10, 12}); math.Abs(s-4.0/6) > 1e-9 { // gaps 10 and 2: mean 6, deviation 4
		t.Errorf("gapSpread of gaps 10 and 2 = %v, want 2/3", s)
	}
	if gapSpread([]int{3, 9}) != -1 {
		t.Error("gapSpread of one gap is not -1")
	}
}

// TestDropFirstLine: the first non-empty line goes, blank lines before it
// with it; the rest is kept byte for byte.
func TestDropFirstLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Title | Site\nHome\nBody.\n", "Home\nBody.\n"},
		{"\n  \nTitle\nBody", "Body"},
		{"Only a title", ""},
		{"", ""},
	} {
		if got := string(DropFirstLine([]byte(c.in))); got != c.want {
			t.Errorf("DropFirstLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// fitSyntheticLines fits a one-stage model with a line classifier on 36
// made-up article dumps and 36 made-up listing dumps in words, over 12
// sites, and returns it with its vocabulary and samples.
func fitSyntheticLines(t *testing.T, r *rand.Rand, words []string) (*Model, *Vocab, []*Sample) {
	t.Helper()
	v := NewVocab()
	var samples []*Sample
	for i := range 36 {
		p, gold := syntheticDump(r, words, i)
		s, err := PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 12), Kind: "article"}, v)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, s)
		p, gold = syntheticListing(r, words, i)
		if s, err = PrepareSample(p, Label{Gold: gold, Site: fmt.Sprint(i % 12), Kind: "listing"}, v); err != nil {
			t.Fatal(err)
		}
		samples = append(samples, s)
	}
	m, err := Fit(context.Background(), samples, v, FitOptions{Boost: learn.BoostOptions{Trees: 30, Depth: 3, MinLeaf: 0.01}, OneStage: true, MinSites: 2, Lines: true})
	if err != nil {
		t.Fatal(err)
	}
	return m, v, samples
}

// TestBridgeLines: a short line between two kept paragraphs (a subheading,
// a list item, a line of code) is kept when it scores half the threshold,
// but not across a gap wider than runBridge lines, nor across a stamp line
// (a comment begins there), nor under half the threshold, nor when a rule
// calls it chrome.
func TestBridgeLines(t *testing.T) {
	para := "The council voted on Monday to cut the tax on fuel by a third from next spring, its members said."
	tests := []lineDecodingCase{
		{"subheading between paragraphs", []string{para, "What the cut costs", para},
			[]float64{0.9, 0.2, 0.9}, []bool{true, true, true}},
		{"three list items", []string{para, "fuel duty", "road tax", "parking fees", para},
			[]float64{0.9, 0.3, 0.18, 0.25, 0.9}, []bool{true, true, true, true, true}},
		{"under half the threshold", []string{para, "Share this", para},
			[]float64{0.9, 0.1, 0.9}, []bool{true, false, true}},
		{"a gap wider than runBridge", []string{para, "a", "b", "c", "d", para},
			[]float64{0.9, 0.3, 0.3, 0.3, 0.3, 0.9}, []bool{true, false, false, false, false, true}},
		{"a stamp in the gap", []string{para, "Ann Weber 07.08.12 at 13:24", "great piece", para},
			[]float64{0.9, 0.3, 0.3, 0.9}, []bool{true, false, false, true}},
		{"a rule's chrome in the gap", []string{para, "By Ann Weber", para},
			[]float64{0.9, 0.3, 0.9}, []bool{true, false, true}},
		{"nothing kept after", []string{para, "Related stories", "More news"},
			[]float64{0.9, 0.3, 0.3}, []bool{true, false, false}},
	}
	checkLineDecoding(t, tests, 0.35, bridgeLines)
}

// TestFillContentRuns: a run of six short lines or more between the dump's
// kept lines whose mean probability reaches half the threshold (a list's
// items, each under the threshold) is kept down to the bridge's floor; a
// run that scores like a menu, a run shorter than six lines, a run before
// the first kept line or after the last, a run cut by a stamp (a thread's
// posts begin there) and a line a rule calls chrome are not.
func TestFillContentRuns(t *testing.T) {
	para := "The council voted on Monday to cut the tax on fuel by a third from next spring, its members said."
	items := []string{"Harbour Bridge", "1932", "Old Lighthouse", "1874", "Fish Market", "1901"}
	itemProbs := []float64{0.2, 0.15, 0.22, 0.1, 0.18, 0.16}   // mean 0.168, over half of 0.3
	menuProbs := []float64{0.16, 0.03, 0.04, 0.16, 0.03, 0.04} // two over the bridge's floor, mean 0.077
	tests := []lineDecodingCase{
		{"a list's items between paragraphs", cat([]string{para}, items, []string{para}),
			cat([]float64{0.9}, itemProbs, []float64{0.9}),
			[]bool{true, true, true, true, false, true, true, true}},
		{"a menu between paragraphs", cat([]string{para}, items, []string{para}),
			cat([]float64{0.9}, menuProbs, []float64{0.9}),
			[]bool{true, false, false, false, false, false, false, true}},
		{"five items", cat([]string{para}, items[:5], []string{para}),
			cat([]float64{0.9}, itemProbs[:5], []float64{0.9}),
			[]bool{true, false, false, false, false, false, true}},
		{"after the last kept line", cat([]string{para}, items),
			cat([]float64{0.9}, itemProbs),
			[]bool{true, false, false, false, false, false, false}},
		{"a stamp in the run", cat([]string{para}, items[:3], []string{"Ann Weber 07.08.12 at 13:24"}, items[3:], []string{para}),
			cat([]float64{0.9}, itemProbs[:3], []float64{0.2}, itemProbs[3:], []float64{0.9}),
			[]bool{true, false, false, false, false, false, false, false, true}},
		{"a rule's chrome in the run", cat([]string{para}, items[:5], []string{"By Ann Weber"}, []string{para}),
			cat([]float64{0.9}, itemProbs[:5], []float64{0.2}, []float64{0.9}),
			[]bool{true, true, true, true, false, true, false, true}},
	}
	checkLineDecoding(t, tests, 0.3, fillContentRuns)
}

// lineDecodingCase is a dump's lines, their probabilities and the lines a
// decoding step should leave kept.
type lineDecodingCase struct {
	name  string
	lines []string
	probs []float64
	want  []bool
}

// checkLineDecoding runs a decoding step over the lines each case keeps at
// threshold th and compares what it leaves kept with the case's want.
func checkLineDecoding(t *testing.T, tests []lineDecodingCase, th float64, step func([]lineInfo, []float64, float64, []bool, *Template, *lineStops)) {
	t.Helper()
	for _, tt := range tests {
		ls, _ := dumpLines([]byte(strings.Join(tt.lines, "\n")), nil)
		keep := make([]bool, len(ls))
		for i, p := range tt.probs {
			keep[i] = p >= th
		}
		step(ls, tt.probs, th, keep, nil, &lineStops{ls: ls})
		if !slices.Equal(keep, tt.want) {
			t.Errorf("%s: kept %v, want %v", tt.name, keep, tt.want)
		}
	}
}

func cat[T any](parts ...[]T) []T { return slices.Concat(parts...) }
