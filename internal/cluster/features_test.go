package cluster

import (
	"slices"
	"testing"
	"time"

	"github.com/storyline-news/storyline/internal/news"
	"github.com/storyline-news/storyline/internal/text"
)

func TestFiguresOf(t *testing.T) {
	got := figuresOf("Claims fell to 576,000 from 1,234,567; $4.5 million, 3.6% in 2021, 7 ships, 12. And 1,23 or 9.")
	for _, want := range []string{"576000", "1234567", "4.5", "3.6", "2021", "12", "23"} {
		if !got[want] {
			t.Errorf("figuresOf misses %s: %v", want, got)
		}
	}
	for _, not := range []string{"576", "000", "7", "9", "1"} {
		if got[not] {
			t.Errorf("figuresOf gives %s: %v", not, got)
		}
	}
}

func FuzzFiguresOf(f *testing.F) {
	for _, s := range []string{"576,000 and 4.5", "1,2,3", "12.", ",123", "9,99,999", "٣٤ and 12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for fig := range figuresOf(s) {
			digits := 0
			for _, r := range fig {
				switch {
				case r >= '0' && r <= '9':
					digits++
				case r != '.':
					t.Fatalf("figuresOf(%q) gives %q", s, fig)
				}
			}
			if digits < 2 {
				t.Fatalf("figuresOf(%q) gives %q, of fewer than two digits", s, fig)
			}
		}
	})
}

func TestDatesOf(t *testing.T) {
	tests := []struct {
		in   string
		want []uint64
	}{
		{"The quake struck on Oct. 17 and again on 17 October.", []uint64{10*32 + 17}},
		{"Voting began on Dec.14, results on January 3, 2009.", []uint64{1*32 + 3, 12*32 + 14}},
		{"They may meet in May. Sales rose 5 percent.", nil},
		{"On May 5 the council met; on 40 June nothing happened.", []uint64{5*32 + 5}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := datesOf(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("datesOf(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzDatesOf(f *testing.F) {
	for _, s := range []string{"Oct. 17", "17 October", "May", "Jan 99", "Sept 3 and 4 Nov"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := datesOf(s)
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("datesOf(%q) = %v, not sorted and unique", s, got)
		}
		for _, d := range got {
			if m, day := d/32, d%32; m < 1 || m > 12 || day < 1 || day > 31 {
				t.Fatalf("datesOf(%q) gives month %d day %d", s, m, day)
			}
		}
	})
}

func TestFeaturesSeparateYearsFromFigures(t *testing.T) {
	f, _ := featuresOf(news.Article{Title: "Quake of 2009", Text: "The 2009 quake killed 1,200 people and left 35,000 homeless in 1999 terms."})
	years := map[uint64]bool{}
	for _, y := range f.years {
		years[y] = true
	}
	if !years[text.Hash("2009")] || !years[text.Hash("1999")] || len(f.years) != 2 {
		t.Errorf("years = %v, want 2009 and 1999", f.years)
	}
	for _, n := range f.numbers {
		if n == text.Hash("2009") {
			t.Errorf("2009 counted as a figure too")
		}
	}
	if len(f.numbers) != 2 {
		t.Errorf("figures = %v, want 1200 and 35000", f.numbers)
	}
}

func TestTitleOnlyArticleHasFeatures(t *testing.T) {
	f, _ := featuresOf(news.Article{ID: "feed-item", Title: "Calder dockworkers vote to end strike", Published: time.Now()})
	if len(f.terms) == 0 || len(f.title) == 0 || f.words != 0 {
		t.Errorf("a headline-only article: terms %d, headline terms %d, words %d; want headline terms and no text words", len(f.terms), len(f.title), f.words)
	}
	if f.vecs == nil || *f.semVec() == zeroVector || *f.semTitleVec() == zeroVector {
		t.Errorf("a headline-only article has no word vector")
	}
}

// TestShingleWordsAsNormalized pins shingleWords to the words of the
// normalised text, which it spares splitting again.
func TestShingleWordsAsNormalized(t *testing.T) {
	for _, body := range []string{
		"",
		"The Senate’s vote — 52–48 — passed “the bill” at 3.5% on Oct. 17",
		"İSTANBUL: ÇAĞLAYAN court\u00a0heard Straße and ΣΟΦΙΑ\u202fcases_x",
		"co\u00adoperation and re\u00adelection", // a soft hyphen joins words
		"東京で地震 Tokyo quake 7.1\xff\xfebroken bytes",
		"Ⅻ Ⓐ ǅ ﬁnal naïve café",
	} {
		want := text.Words(text.Normalize(body))
		if got := shingleWords(nil, body, text.Words(body)); !slices.Equal(got, want) {
			t.Errorf("shingleWords(%q) = %q, want %q", body, got, want)
		}
	}
}

// TestSameSourceReadsTheOutletKey: an outlet's names and its domain
// (news.ArticleOutletKey) are one source for the same-source signal, an
// article named by its address alone has its host's, and another outlet
// is another source.
func TestSameSourceReadsTheOutletKey(t *testing.T) {
	source := func(name, url string) uint64 {
		f, _ := featuresOf(news.Article{Source: name, URL: url, Title: "Harbour ferry fares rise", Text: "Fares on the harbour ferry rise by a tenth."})
		return f.source
	}
	gazette := source("Harbour Gazette", "")
	if gazette == 0 {
		t.Fatal("a named outlet has no source")
	}
	for _, c := range []struct{ name, url string }{
		{"harbourgazette.com", ""}, {"Harbour Gazette (Opinion)", ""}, {" HARBOUR GAZETTE ", ""},
		{"", "https://www.harbourgazette.co.uk/ferry"},
	} {
		if got := source(c.name, c.url); got != gazette {
			t.Errorf("source of %q %q = %x, want the Harbour Gazette's %x", c.name, c.url, got, gazette)
		}
	}
	if source("Harbour Sports", "") == gazette {
		t.Error("Harbour Sports is the Harbour Gazette's source")
	}
	if got := source("", ""); got != 0 {
		t.Errorf("an article with no outlet has source %x, want 0", got)
	}
}
