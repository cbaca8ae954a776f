package extract

import (
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/internal/learn"
)

// unanchoredScriptDateKey is scriptDateKey as it was run over whole
// scripts before readScriptDates tried it only where a key can begin.
var unanchoredScriptDateKey = regexp.MustCompile(strings.TrimPrefix(scriptDateKey.String(), "^"))

// TestReadScriptDatesAsWholeScan checks that trying scriptDateKey at the
// places scriptKeyStarts gives finds what a scan of the whole text finds,
// on texts made of keys, parts of keys, quotes and date-shaped values.
func TestReadScriptDatesAsWholeScan(t *testing.T) {
	keys := append(slices.Clone(scriptDateKeys), "first_", "date", "p", "ublish", "Posted", "Published", "first_published_", "x")
	quotes := []string{`"`, `\"`, "&quot;", "", "'"}
	spaces := []string{"", " ", "\n ", "x"}
	values := []string{"2024-05-06", "2024-05-06T09:00:00Z", "2025-11-17T09:00:00.123456+05:00", "1", "20241006",
		"x", "2024", "2024-05-06 datePublished"}
	pick := func(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }
	r := rand.New(rand.NewPCG(1, 2))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(pick(r, keys) + pick(r, quotes) + pick(r, spaces) + ":" + pick(r, spaces) + pick(r, quotes) + pick(r, values))
			if r.IntN(2) == 0 {
				b.WriteString(pick(r, quotes) + ",")
			}
		}
		src := b.String()
		var want []string
		for _, m := range unanchoredScriptDateKey.FindAllStringSubmatch(src, maxDateSpots) {
			want = append(want, m[1])
		}
		var pm pageMeta
		pm.readScriptDates(src)
		if !slices.Equal(pm.scriptDates, want) {
			t.Fatalf("%q: got %q, want %q", src, pm.scriptDates, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Fatalf("only %d dates in the texts: the test tries too few", found)
	}
}

// TestReadScriptDates reads the keys of an app's state and of an
// attribute's escaped JSON.
func TestReadScriptDates(t *testing.T) {
	var pm pageMeta
	pm.readScriptDates(`{"story":{"first_published_at":"2024-05-06T09:00:00Z","publishedAt" : "20240507","title":"x"}}`)
	pm.readScriptDates(`{&quot;datePublished&quot;:&quot;2023-01-02&quot;}`)
	want := []string{"2024-05-06T09:00:00Z", "20240507", "2023-01-02"}
	if !slices.Equal(pm.scriptDates, want) {
		t.Fatalf("got %q, want %q", pm.scriptDates, want)
	}
}

// foldTitleAsBefore is foldTitle as it was written before its one-pass
// form: map the runes, then join the fields.
func foldTitleAsBefore(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case '‘', '’', '‛', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '″', '«', '»':
			r = '"'
		case '–', '—', '‒', '―', '−':
			r = '-'
		case '\u00a0', '\u2009', '\u202f':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// agreementAsBefore is foldedTitle.agreement as it was written before it
// stopped building the strings it compares.
func agreementAsBefore(t foldedTitle, fh string) int {
	ft := t.whole
	switch {
	case fh == "" || ft == "":
		return agreeNone
	case fh == ft:
		return agreeSame
	case fh == t.cut:
		return agreeCut
	case strings.HasPrefix(ft, fh+":") || strings.HasPrefix(ft, fh+" :"):
		return agreeStart
	}
	for _, fs := range foldedSeparators() {
		if strings.HasPrefix(ft, fh+" "+fs) || strings.HasPrefix(ft, fh+fs) {
			return agreeStart
		}
	}
	for _, fs := range foldedSeparators() {
		if strings.HasSuffix(ft, fs+" "+fh) || strings.HasSuffix(ft, fs+fh) {
			return agreeEnd
		}
	}
	return agreeNone
}

// titlePieces builds the random titles of the equivalence tests.
var titlePieces = []string{"Big", "news", "ÉTÉ", "ſtar", "K", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u0085", "\u3000",
	"’", "`", "“", "—", "-", "|", ":", " :", "_", "•", "»", "\xff", "İ", "site.com", "Site"}

func randomTitle(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(titlePieces[r.IntN(len(titlePieces))])
	}
	return b.String()
}

// TestFoldTitleAsBefore checks foldTitle against its former form on
// random titles of capitals, odd spaces, typography and invalid bytes.
func TestFoldTitleAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		s := randomTitle(r)
		if got, want := foldTitle(s), foldTitleAsBefore(s); got != want {
			t.Fatalf("foldTitle(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAgreementAsBefore checks foldedTitle.agreement against its former
// form on random titles and headings, also ones that are a title's start
// or end.
func TestAgreementAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	sites := []string{"Site", "site.com"}
	seen := map[int]bool{}
	for range 50000 {
		title := randomTitle(r)
		ft := foldPageTitle(title, sites, nil)
		fh := foldTitle(randomTitle(r))
		if w := ft.whole; w != "" && r.IntN(2) == 0 {
			i, j := r.IntN(len(w)+1), r.IntN(len(w)+1)
			fh = w[min(i, j):max(i, j)]
		}
		if got, want := ft.agreement(fh), agreementAsBefore(ft, fh); got != want {
			t.Fatalf("agreement(%q, %q) = %d, want %d", title, fh, got, want)
		}
		seen[agreementAsBefore(ft, fh)] = true
	}
	for a := agreeSame; a <= agreeNone; a++ {
		if !seen[a] {
			t.Errorf("no heading agreed as %d: the test tries too few", a)
		}
	}
}

// TestPredictRowsAsBoosted: predictRows, tree by tree over all rows, gives
// exactly the learn model's probability of each row, for the block
// classifier and every metadata ranker, on random rows with missing values.
func TestPredictRowsAsBoosted(t *testing.T) {
	mm := DefaultMetaModel()
	r := rand.New(rand.NewPCG(7, 8))
	for name, b := range map[string]*learn.Boosted{"blocks": DefaultModel().Blocks, "title": mm.Title.Model,
		"byline": mm.Byline.Model, "date": mm.Date.Model, "dump date": mm.DumpDate.Model} {
		nf := 0
		for _, tr := range b.Trees {
			for _, nd := range tr.Nodes {
				nf = max(nf, nd.Feature+1)
			}
		}
		rows := make([][]float64, 300)
		for i := range rows {
			rows[i] = make([]float64, nf)
			for j := range rows[i] {
				switch r.IntN(4) {
				case 0:
					rows[i][j] = math.NaN()
				case 1:
					rows[i][j] = float64(r.IntN(3))
				default:
					rows[i][j] = r.NormFloat64() * 3
				}
			}
		}
		p := make([]float64, len(rows))
		compile(b).predictRows(p, func(i int) []float64 { return rows[i] })
		for i, row := range rows {
			if want := b.Predict(row); p[i] != want {
				t.Fatalf("%s row %d: predictRows %v, Predict %v", name, i, p[i], want)
			}
		}
	}
}

// TestFieldCountAsFields checks fieldCount against len(strings.Fields) on
// random texts of ASCII and Unicode spaces, letters and invalid bytes.
func TestFieldCountAsFields(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		s := randomTitle(r)
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestIsLabelOnlyAsPattern checks isLabelOnly, which compares texts with
// the words of labelOnly, against running the pattern, on texts built of
// labels and their pieces in any case, with the letters that fold to
// ASCII ones (the long s, the Kelvin sign).
func TestIsLabelOnlyAsPattern(t *testing.T) {
	words, ok := labelOnlyWords()
	if !ok || !slices.Contains(words, "THIS ARTICLE WAS WRITTEN BY") || !slices.Contains(words, "作者") {
		t.Fatalf("labelOnlyWords: %v %q", ok, words)
	}
	pieces := []string{"by", "BY", "ſtaff", "Staff", "author", "s", "Autor", "in", "e", "I", "zy", "this article was ", "written",
		" by", "POSTED", "\u212Airjoittaja", "kirjoittaja", "автор", "АВТОР", "作者", "文", "撰", " ", ":", "x", "\xff"}
	r := rand.New(rand.NewPCG(11, 12))
	matched := 0
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		want := func() bool {
			s := strings.TrimSpace(strings.TrimRight(s, ":： "))
			return len(s) <= 40 && labelOnly.MatchString(s)
		}()
		if got := isLabelOnly(s); got != want {
			t.Fatalf("isLabelOnly(%q) = %v, the pattern says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d labels among the texts: the test tries too few", matched)
	}
}

// TestFoldedWordsRefuses: patterns that are not a finite list of
// case-folded words give no list.
func TestFoldedWordsRefuses(t *testing.T) {
	for _, p := range []string{`(?i)a+`, `[a-z]`, `abc`, `(?i)a.b`, `(?i)a*`} {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := foldedWords(re, 0); ok {
			t.Errorf("%s: got %q", p, w)
		}
	}
}

// The cues of the script date keys are derived from the keys, and a key
// that holds no cue is refused.
func TestScriptKeyCues(t *testing.T) {
	want := []scriptKeyCue{{"ublish", []int{5, 1, 6, 7}}, {"Posted", []int{4}}}
	if !reflect.DeepEqual(scriptKeyCues, want) {
		t.Errorf("scriptKeyCues = %v, want %v", scriptKeyCues, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("a key without a cue was accepted")
		}
	}()
	keyCues([]string{"datePublished", "releaseDate"}, "ublish")
}
