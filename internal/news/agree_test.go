package news

import (
	"github.com/storyline-news/storyline/internal/text"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// TestFactsOfOneOutletAreItsOwn: a statement two reports of one wire make
// is the wire's own, not something the sources agree on; one the wire and
// a paper make is agreement, listed before nothing but by outlets (the
// wire's three articles and the paper count two, less than three outlets).
func TestFactsOfOneOutletAreItsOwn(t *testing.T) {
	outletOf := map[string]string{"w1": "harbourwire", "w2": "harbourwire", "w3": "harbourwire", "p1": "tidesgazette", "q1": "quaypost"}
	c := Comparison{Facts: []Fact{
		{Text: "The ferry sailed late.", Articles: []string{"w1", "w2", "w3", "p1"}},
		{Text: "Fog closed the port.", Articles: []string{"w1", "w2"}},
		{Text: "Pilots refused to board.", Articles: []string{"w1", "p1", "q1"}},
	}}
	got := SeparateOutletFacts(c, outletOf)
	var agreed, own []string
	for _, f := range got.Facts {
		agreed = append(agreed, f.Text)
	}
	for _, f := range got.OutletFacts {
		own = append(own, f.Text)
	}
	if want := []string{"Pilots refused to board.", "The ferry sailed late."}; !reflect.DeepEqual(agreed, want) {
		t.Errorf("agreed %v, want %v (three outlets before two)", agreed, want)
	}
	if want := []string{"Fog closed the port."}; !reflect.DeepEqual(own, want) {
		t.Errorf("one outlet's own %v, want %v", own, want)
	}
	if len(c.Facts) != 3 || c.OutletFacts != nil {
		t.Errorf("the comparison given was changed: %+v", c)
	}
	// Separated again by other outlets (an alias removed: w2 is no longer
	// the wire's), the fact returns among what the sources agree on.
	outletOf["w2"] = "fogbulletin"
	again := SeparateOutletFacts(got, outletOf)
	if len(again.Facts) != 3 || len(again.OutletFacts) != 0 {
		t.Errorf("separated again: %d agreed, %d own; want 3 and 0", len(again.Facts), len(again.OutletFacts))
	}
}

// TestArticlesOfNoOutletAreOutletsOfTheirOwn: two articles whose pages name
// no outlet nor address may come from two outlets, so a fact they share is
// agreement (as compare's first report takes them), and OutletCount counts
// them apart.
func TestArticlesOfNoOutletAreOutletsOfTheirOwn(t *testing.T) {
	outletOf := map[string]string{"a": "", "b": "", "c": "harbourwire", "d": "harbourwire"}
	if n := OutletCount([]string{"a", "b", "c", "d"}, outletOf); n != 3 {
		t.Errorf("OutletCount = %d, want 3 (two nameless, one wire)", n)
	}
	got := SeparateOutletFacts(Comparison{Facts: []Fact{{Text: "x", Articles: []string{"a", "b"}}}}, outletOf)
	if len(got.Facts) != 1 || len(got.OutletFacts) != 0 {
		t.Errorf("a fact of two nameless articles: %+v", got)
	}
}

// TestSourceLabelNamesANamelessArticleByItsTitle: an article with no outlet
// is named by its address's host, else its title in quotation marks (cut
// at a word when long), else the start of its text, else its id; never
// "(unknown outlet)".
func TestSourceLabelNamesANamelessArticleByItsTitle(t *testing.T) {
	for _, c := range []struct {
		a    Article
		want string
	}{
		{Article{ID: "1", Source: "Harbour Wire", URL: "https://tides.example/a"}, "Harbour Wire"},
		{Article{ID: "2", URL: "https://www.tides.example/a"}, "tides.example"},
		{Article{ID: "3", Title: "  Fog closes\nthe port  "}, "“Fog closes the port”"},
		{Article{ID: "4", Title: "Fog closes the port of Lenmouth for a third day as pilots refuse to board the waiting ships"}, "“Fog closes the port of Lenmouth for a…”"},
		{Article{ID: "5", Text: "Fog closed the port of Lenmouth on Monday.\n\nPilots refused to board."}, "“Fog closed the port of Lenmouth on…”"},
		{Article{ID: "6"}, "[6]"},
	} {
		if got := c.a.SourceLabel(); got != c.want {
			t.Errorf("SourceLabel(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

// FuzzSourceLabel: whatever a page's title and text hold, an article of no
// outlet is named by valid text, never "(unknown outlet)" nor empty, and a
// title names it in at most labelTitleWidth columns and its quotation
// marks.
func FuzzSourceLabel(f *testing.F) {
	f.Add("Fog closes the port of Lenmouth for a third day as pilots refuse", "Fog closed the port.")
	f.Add("", "")
	f.Add("  \n ", "\xff\xfe")
	f.Add("Ein Hafen, geschlossen wegen Nebel über drei Tage hinweg, sagt der Lotse", "")
	f.Fuzz(func(t *testing.T, title, body string) {
		a := Article{ID: "x", Title: title, Text: body}
		got := a.SourceLabel()
		if got == "" || got == UnknownOutlet || !utf8.ValidString(got) && utf8.ValidString(title) && utf8.ValidString(body) {
			t.Fatalf("SourceLabel(%q, %q) = %q", title, body, got)
		}
		if strings.TrimSpace(title) != "" && text.Width(got) > labelTitleWidth+2 {
			t.Fatalf("SourceLabel(%q) = %q: %d columns", title, got, text.Width(got))
		}
	})
}

// A headline that names a nameless article is cut by the width a font
// gives it: a Chinese one of 34 characters (68 columns) keeps about 19
// of them, as wide as 40 Latin letters, where counted in characters it
// kept 39, twice as wide as any other label; and a cut never parts a
// letter from its combining accent nor splits an emoji sequence.
func TestSourceLabelIsCutByWidthBetweenGraphemes(t *testing.T) {
	han := Article{ID: "h", Title: "北方低地渡轮因大雾停航三日港务局称明日或恢复通航并提醒旅客提前改签"}
	if got := han.SourceLabel(); text.Width(got) > labelTitleWidth+2 || !strings.HasPrefix(got, "“北方低地渡轮") || !strings.HasSuffix(got, "…”") {
		t.Errorf("SourceLabel of a Han headline = %q, %d columns; want at most %d", got, text.Width(got), labelTitleWidth+2)
	}
	// A word with no space to cut at, whose 39th column is an e that
	// carries a combining acute: the accent stays on it.
	accent := Article{ID: "a", Title: strings.Repeat("m", 38) + "e\u0301" + "tropole"}
	if got := accent.SourceLabel(); !strings.HasSuffix(got, "e\u0301…”") {
		t.Errorf("SourceLabel = %q: want the cut after the accented e", got)
	}
	// Family emoji (three people joined by zero width joiners) after 18
	// Han characters: the label keeps whole sequences only.
	family := "\U0001F469\u200D\U0001F467\u200D\U0001F466"
	emoji := Article{ID: "e", Title: strings.Repeat("\u6f6e", 18) + strings.Repeat(family, 6)}
	got := emoji.SourceLabel()
	core := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(got, "“"), "…”"), strings.Repeat("\u6f6e", 18))
	if core == "" || strings.ReplaceAll(core, family, "") != "" {
		t.Errorf("SourceLabel = %q: an emoji sequence is split (%q after the Han characters)", got, core)
	}
}

// TestSourceLabelDropsBidiControls: a headline that names a nameless
// article loses its bidirectional embeddings, overrides and isolates, as
// a lead sentence does (withoutFormatMarks): the cut can leave an
// override open, which turned around the label's closing quotation mark,
// the time told after it and the rest of the line ("Rewritten by …").
func TestSourceLabelDropsBidiControls(t *testing.T) {
	for _, title := range []string{
		"\u202Eharbour closed\u202C at Orrow",
		"Tide gauge at Cornmarsh fails again after \u2067the storm of the week before last\u2069",
		"\u202Bميناء لنموث مغلق\u202C",
	} {
		got := Article{ID: "b", Title: title}.SourceLabel()
		if strings.ContainsFunc(got, func(r rune) bool { return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' }) {
			t.Errorf("SourceLabel(%q) = %q keeps a bidirectional control", title, got)
		}
		if !strings.HasPrefix(got, "“") || !strings.HasSuffix(got, "”") || len(got) < len("“”")+4 {
			t.Errorf("SourceLabel(%q) = %q: want the headline in quotation marks", title, got)
		}
	}
}

// TestLabelsHoldNoControlCharacters: a source name, a nameless article's
// headline and a story's title made from a page or a JSONL line with
// escape sequences, NUL, BEL or line breaks name it on one line without
// them: they reached the terminal escaped ("\x1b[31m") and the HTML page
// as invisible characters.
func TestLabelsHoldNoControlCharacters(t *testing.T) {
	bad := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) }) || strings.Contains(s, "  ")
	}
	named := Article{ID: "n", Source: "Orrow \x1b]0;Tide Times\x07Ledger\x00", Title: "t"}
	if got := named.SourceLabel(); bad(got) || got != "Orrow ]0;Tide TimesLedger" {
		t.Errorf("SourceLabel of source %q = %q", named.Source, got)
	}
	if got := OutletName("\tCornmarsh\r\nEcho ", ""); got != "Cornmarsh Echo" {
		t.Errorf("OutletName = %q, want Cornmarsh Echo", got)
	}
	nameless := Article{ID: "m", Title: "\x1b[2J\rTide gauge\x07 fails\nat Cornmarsh"}
	if got := nameless.SourceLabel(); bad(got) || got != "“[2J Tide gauge fails at Cornmarsh”" {
		t.Errorf("SourceLabel(%q) = %q", nameless.Title, got)
	}
	if title, _ := StoryTitle([]Article{nameless}); bad(title) {
		t.Errorf("StoryTitle = %q keeps a control character", title)
	}
	if title, _ := StoryTitle([]Article{{ID: "x", Title: "\x07\x1b", Text: "The tide gauge at Cornmarsh failed again on Monday."}}); bad(title) || title == "" {
		t.Errorf("StoryTitle of a title of controls alone = %q; want the lead's", title)
	}
}

// TestNamelessLabelsShowADateAloneWithoutAClock: two nameless articles of
// one headline are told apart by time; a date alone shows its day, not a
// midnight the source never gave, and a time keeps its clock.
func TestNamelessLabelsShowADateAloneWithoutAClock(t *testing.T) {
	day := DayOf(time.Date(2026, 3, 9, 15, 0, 0, 0, time.UTC))
	arts := []Article{
		{ID: "x1", Title: "Canal lock closes", Published: day, DateOnly: true},
		{ID: "x2", Title: "Canal lock closes", Published: day.Add(14 * time.Hour)},
	}
	got := NamelessLabels(arts)
	if want := "“Canal lock closes” (9 Mar)"; got["x1"] != want {
		t.Errorf("date alone: %q, want %q", got["x1"], want)
	}
	if want := "“Canal lock closes” (9 Mar 14:00)"; got["x2"] != want {
		t.Errorf("time: %q, want %q", got["x2"], want)
	}
}
